"""How verdicts look in the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from .verdict import Kind, Verdict

STYLES = {Kind.PASSED: "green", Kind.NOT_IMPLEMENTED: "yellow"}

NEXT_STEP = {
    Kind.NOT_IMPLEMENTED: "Replace the todo!() in the task's function with your code and save.",
    Kind.WRONG_ANSWER: "Run the call above in your head, or in Python against the baseline.",
    Kind.PANIC: "A panic is Rust refusing to go on: an index out of range, an unwrap on None, "
    "an overflow in a debug build...",
    Kind.CRASH: "The process died: look for an abort, unsafe code or endless recursion.",
    Kind.TIMEOUT: "Look for a loop whose condition never changes.",
    Kind.COMPILE_ERROR: "Read the first error: rustc usually says what it expected and why.",
    Kind.MISSING_FUNCTION: "Keep the #[pyfunction] and its name in the #[pymodule].",
    Kind.WRONG_SIGNATURE: "Keep the parameter names and order of the stub.",
}


def render(verdict: Verdict) -> Panel:
    style = STYLES.get(verdict.kind, "red")
    body: list[Text] = []
    if verdict.summary:
        body.append(Text(verdict.summary))
    if verdict.call:
        body.append(Text.assemble(("call      ", "bold"), verdict.call))
    for label, text in verdict.details:
        if label == "cargo":
            continue  # printed above the panel, as cargo printed it
        body.append(Text.assemble((f"{label:<10}", "bold"), text))
    if (step := NEXT_STEP.get(verdict.kind)) is not None:
        body.append(Text(step, style="dim"))
    title = f"{verdict.task}: {verdict.kind.value}"
    return Panel(Group(*body), title=title, title_align="left", border_style=style)


def print_verdict(console: Console, verdict: Verdict) -> None:
    for label, text in verdict.details:
        if label == "cargo":
            console.print(Text.from_ansi(text))
    console.print(render(verdict))
