"""Build one chapter crate with cargo (release, incremental) and find its extension."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .paths import ROOT

_EXTENSION_SUFFIXES = (".so", ".dylib", ".dll", ".pyd")


@dataclass
class BuildResult:
    crate: Path
    ok: bool
    library: Path | None = None
    release: bool = False
    # Diagnostics rendered by rustc exactly as cargo would print them.
    diagnostics: list[str] = field(default_factory=list)
    cargo_output: str = ""
    seconds: float = 0.0

    @property
    def errors(self) -> str:
        return "\n".join(self.diagnostics) or self.cargo_output


def package_name(crate: Path) -> str:
    import tomllib

    with open(crate / "Cargo.toml", "rb") as fh:
        return str(tomllib.load(fh)["package"]["name"])


def cargo_env() -> dict[str, str]:
    env = dict(os.environ)
    # The same interpreter for pyo3's build script as .cargo/config.toml names,
    # so that running the harness from anywhere shares one pyo3 build.
    env.setdefault("PYO3_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
    env.setdefault("PYO3_BUILD_EXTENSION_MODULE", "1")
    return env


def build(
    crates: list[Path], color: bool = False, profile: str = "release", workspace: Path = ROOT
) -> list[BuildResult]:
    """Build ``crates`` of ``workspace`` in one cargo call; one result per crate, in order."""
    names = {package_name(crate): crate for crate in crates}
    fmt = "json-diagnostic-rendered-ansi" if color else "json"
    # --keep-going: one learner's compile error must not hide the other crates' results.
    cmd = ["cargo", "build", "--keep-going", "--profile", profile, f"--message-format={fmt}"]
    for name in names:
        cmd += ["-p", name]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=workspace, env=cargo_env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    results = {name: BuildResult(crate=crate, ok=False) for name, crate in names.items()}
    for line in proc.stdout.splitlines():
        if not line.startswith("{"):
            continue
        message = json.loads(line)
        name = message.get("package_id", "")
        result = next((r for n, r in results.items() if _is_package(name, n)), None)
        if result is None:
            continue
        if message.get("reason") == "compiler-message":
            rendered = message["message"].get("rendered")
            if rendered and message["message"].get("level") in ("error", "warning"):
                result.diagnostics.append(rendered.rstrip())
        elif message.get("reason") == "compiler-artifact" and "cdylib" in message["target"]["kind"]:
            libs = [Path(f) for f in message["filenames"] if f.endswith(_EXTENSION_SUFFIXES)]
            if libs:
                result.library = libs[0]
                opts = message["profile"]
                result.release = (
                    opts["opt_level"] not in ("0", "1") and not opts["debug_assertions"]
                )
    for result in results.values():
        # cargo reports an artifact only for a crate that built.
        result.ok = result.library is not None
        result.cargo_output = proc.stderr
        result.seconds = elapsed
    return [results[name] for name in names]


def _is_package(package_id: str, name: str) -> bool:
    # package ids look like "path+file:///.../01_hello#hello-solution@0.1.0"
    return f"#{name}@" in package_id or package_id.startswith(f"{name} ")


def build_one(crate: Path, color: bool | None = None) -> BuildResult:
    if color is None:
        color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    return build([crate], color=color)[0]
