"""Hand the points to GitHub Classroom, as its grading reporter does.

GitHub Classroom takes an assignment's points from the check run of the job
``run-autograding-tests`` of the repository's ``classroom.yml`` workflow:
classroom-resources/autograding-grading-reporter updates that check run's
output to ``Points X/Y``. This module does the same few API calls from the
``--format classroom`` file, so the workflow needs no third-party action with
write access:

    python -m bench_harness.classroom grade-classroom.json

It needs GITHUB_TOKEN (with ``checks: write`` and ``actions: read``),
GITHUB_REPOSITORY and GITHUB_RUN_ID, which GitHub Actions sets (the token
through the workflow's ``env``); without them it only prints the points.
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

CHECK_NAME = "run-autograding-tests"


def points(result: Mapping[str, Any]) -> tuple[float, float]:
    """(points earned, points possible) of a classroom result."""
    total = sum(test.get("score", 0) for test in result["tests"])
    return total, result.get("max_score", 0)


def _fmt(value: float) -> str:
    return f"{value:g}"


class GitHub:
    def __init__(self, api: str, token: str) -> None:
        self.api = api.rstrip("/")
        self.token = token

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            self.api + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {self.token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "Content-Type": "application/json",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")


def notify(result: Mapping[str, Any], env: Mapping[str, str] = os.environ) -> str:
    """Set the points on this run's check run; return what was done, as a line."""
    total, maximum = points(result)
    text = f"Points {_fmt(total)}/{_fmt(maximum)}"
    names = ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")
    token, repo, run = (env.get(name, "") for name in names)
    if not maximum or not token or "/" not in repo or not run.isdigit():
        return f"{text} (not on GitHub Actions with a token: nothing sent)"
    github = GitHub(env.get("GITHUB_API_URL", "https://api.github.com"), token)
    run_data = github.call("GET", f"/repos/{repo}/actions/runs/{run}")
    suite = re.search(r"(\d+)$", run_data["check_suite_url"])
    assert suite is not None, run_data["check_suite_url"]
    runs = github.call(
        "GET", f"/repos/{repo}/check-suites/{suite.group(1)}/check-runs?check_name={CHECK_NAME}"
    )
    if runs.get("total_count") != 1:
        return f"{text} (no single check run named {CHECK_NAME}: nothing sent)"
    check_run = runs["check_runs"][0]["id"]
    github.call(
        "PATCH",
        f"/repos/{repo}/check-runs/{check_run}",
        {
            "output": {
                "title": "Autograding",
                "summary": text,
                "text": json.dumps({"totalPoints": total, "maxPoints": maximum}),
                "annotations": [
                    {
                        "path": ".github",
                        "start_line": 1,
                        "end_line": 1,
                        "annotation_level": "notice",
                        "message": text,
                        "title": "Autograding complete",
                    }
                ],
            }
        },
    )
    return f"{text} (sent to check run {check_run})"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bench_harness.classroom CLASSROOM_RESULT.json", file=sys.stderr)
        return 2
    result = json.loads(Path(args[0]).read_text())
    try:
        print(notify(result))
    except (OSError, ValueError, KeyError) as error:  # urllib's errors are OSErrors
        # As Classroom's reporter does: say so, and let the grade stand in the log.
        print(f"::warning::The points could not be sent to GitHub Classroom: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
