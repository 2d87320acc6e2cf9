"""The child process that imports a built extension and runs learner code.

Run by ``sandbox.run_child`` for one task: it writes its result as JSON to the
file the request names; if it dies first, the parent turns the death into a verdict.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import signal
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from .checking import check_task
from .course import load_chapter
from .verdict import Kind, Verdict


def load_extension(path: Path, module_name: str) -> ModuleType:
    loader = importlib.machinery.ExtensionFileLoader(module_name, str(path))
    spec = importlib.util.spec_from_file_location(module_name, path, loader=loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    sys.modules[module_name] = module
    return module


def main() -> None:
    # Python ignores SIGXFSZ; restored, a flood of output past the file-size
    # limit kills the process and the parent reports an output flood.
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    request = json.loads(sys.argv[1])
    chapter = load_chapter(Path(request["chapter_dir"]))
    task = chapter.task(request["task"])
    call_log = Path(request["call_log"])

    def log_call(call: str) -> None:
        call_log.write_text(call)

    result: dict[str, Any]
    try:
        module = load_extension(Path(request["library"]), chapter.module)
    except Exception as error:  # noqa: BLE001 - a broken module is a verdict, not a crash
        result = Verdict(
            Kind.LOAD_ERROR, task.name, f"cannot import {chapter.module}: {error}"
        ).to_json()
    else:
        if request["mode"] == "check" and task.shipping:
            from .shipping import check

            crate = Path(request["crate"]) if request.get("crate") else None
            result = check(chapter, task, module, crate).to_json()
        elif request["mode"] == "check":
            result = check_task(module, task, on_call=log_call).to_json()
        elif request["mode"] == "count":
            from .counting import run_calls

            result = run_calls(module, task, request["options"])
        elif request["mode"] == "memory":
            from .memory import peak_memory

            result = peak_memory(module, task, request["options"]["contender"])
        else:
            from .timing import bench_task

            result = bench_task(module, task, request.get("options", {}), on_call=log_call)
    Path(request["result"]).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
