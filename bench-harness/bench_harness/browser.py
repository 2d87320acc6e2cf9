"""The built book in headless Chromium: screenshots and a check that the pages
are whole (charts drawn, no marker left, nothing wider than the column,
teacher notes hidden until asked for, search answering, no script error).

Chromium is driven over the DevTools protocol through a pipe
(``--remote-debugging-pipe``): no package to install, nothing on the network.
The book is served from a local HTTP server for the duration of the check.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import course
from .book import chapter_page

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--remote-debugging-pipe",
]  # fmt: skip
DESKTOP = (1280, 900)
PHONE = (390, 844)
DARK_THEME = "navy"  # book.toml's preferred-dark-theme


class BrowserError(Exception):
    pass


def find_chromium() -> str | None:
    """$WORKBOOK_CHROMIUM, else the first Chromium or Chrome on PATH."""
    if env := os.environ.get("WORKBOOK_CHROMIUM"):
        return env
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


# Copies first: either pipe may already sit on fd 3 or 4 (and a copy that
# lands on 3 itself is close-on-exec until marked inheritable).
_TRAMPOLINE = (
    "import os, sys; r, w = os.dup(int(sys.argv[1])), os.dup(int(sys.argv[2])); "
    "os.dup2(r, 3); os.dup2(w, 4); os.set_inheritable(3, True); os.set_inheritable(4, True); "
    "os.execvp(sys.argv[3], sys.argv[3:])"
)


class Browser:
    """One headless Chromium with a fresh profile; one tab at a time."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="workbook-chromium-")
        to_chrome, self._out = os.pipe()
        self._in, from_chrome = os.pipe()
        # Chromium reads commands on fd 3 and answers on fd 4: a small Python
        # trampoline puts the pipes there (thread-safe, unlike a preexec_fn).
        self.process = subprocess.Popen(
            [sys.executable, "-c", _TRAMPOLINE, str(to_chrome), str(from_chrome), executable,
             *FLAGS, f"--user-data-dir={self.profile}"],
            pass_fds=(to_chrome, from_chrome),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._in, self._out):
            with contextlib.suppress(OSError):
                os.close(fd)
        if self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._in], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"Chromium did not answer within {timeout:g} s")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                err = (
                    self.process.stderr.read().decode(errors="replace")
                    if self.process.stderr
                    else ""
                )
                raise BrowserError(f"Chromium exited:\n{err[-2000:]}")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        reply: dict[str, Any] = json.loads(message)
        return reply

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
        timeout: float = 30,
    ) -> dict[str, Any]:  # fmt: skip
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read(max(deadline - time.monotonic(), 0.01)))

    def page(self, width: int, height: int) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=session)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
            session=session,
        )
        return Page(self, target, session)


class Page:
    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session

    def goto(self, url: str) -> None:
        self.browser.events.clear()
        self.browser.call("Page.navigate", {"url": url}, self.session)
        self.browser.wait_for("Page.loadEventFired", self.session)
        # Let the page's scripts run their load handlers (sidebar, teacher view).
        self.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)))")

    def evaluate(self, expression: str) -> Any:
        reply = self.browser.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            self.session,
        )
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            raise BrowserError(details.get("exception", {}).get("description") or str(details))
        return reply["result"].get("value")

    def errors(self) -> list[str]:
        """Script exceptions and failed loads seen since the last ``goto``."""
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            if event.get("method") == "Runtime.exceptionThrown":
                details = event["params"]["exceptionDetails"]
                found.append(details.get("exception", {}).get("description") or details["text"])
            elif event.get("method") == "Log.entryAdded":
                entry = event["params"]["entry"]
                if entry.get("level") == "error":
                    found.append(f"{entry.get('text')} {entry.get('url', '')}".strip())
        return found

    def screenshot(self, path: Path, selector: str | None = None) -> None:
        params: dict[str, Any] = {"format": "png"}
        if selector:
            box = self.evaluate(_BOX % json.dumps(selector))
            if box:
                params |= {"clip": {**box, "scale": 1}, "captureBeyondViewport": True}
        data = self.browser.call("Page.captureScreenshot", params, self.session)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})


# The box of a page section: from a heading to the next heading of its level.
_BOX = """(() => {
  const h = document.querySelector(%s);
  if (!h) return null;
  const top = h.getBoundingClientRect().top + scrollY - 8;
  let end = h.nextElementSibling;
  while (end && !/^H[12]$/.test(end.tagName)) end = end.nextElementSibling;
  const bottom = end ? end.getBoundingClientRect().top + scrollY : document.body.scrollHeight;
  return {x: 0, y: top, width: innerWidth, height: Math.min(bottom - top, 4000)};
})()"""

# What makes a page broken, measured in the page.
PROBE = """(() => {
  const main = document.querySelector('main');
  const column = main.getBoundingClientRect();
  const text = document.body.innerText;
  const placeholders = [];
  for (let i = text.indexOf('{{#'); i >= 0 && placeholders.length < 5;
       i = text.indexOf('{{#', i + 3)) placeholders.push(text.slice(i, i + 40));
  const numbers = {heading: false, charts: 0, bars: 0, rows: 0, chartWidth: 0};
  const h = document.getElementById('what-the-numbers-say');
  if (h) {
    numbers.heading = true;
    for (let el = h.nextElementSibling; el && !/^H[12]$/.test(el.tagName);
         el = el.nextElementSibling) {
      for (const svg of el.querySelectorAll('svg.workbook-chart, figure.workbook-chart svg')) {
        numbers.charts += 1;
        numbers.bars += svg.querySelectorAll('g.bar rect').length;
        numbers.chartWidth = Math.max(numbers.chartWidth, svg.getBoundingClientRect().width);
      }
      numbers.rows += el.querySelectorAll('.workbook-results tbody tr').length;
    }
  }
  const wide = [];
  for (const el of main.querySelectorAll(':scope > *, pre, figure, .table-wrapper')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.right > column.right + 1 || box.left < column.left - 1) {
      wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} ` +
                `(${Math.round(box.left)}–${Math.round(box.right)} in a column ` +
                `${Math.round(column.left)}–${Math.round(column.right)}): ` +
                el.textContent.trim().slice(0, 50));
    }
  }
  const tablesScroll = [...main.querySelectorAll('.workbook-results .table-wrapper')]
    .filter(w => w.scrollWidth > w.clientWidth + 1).length;
  const scrolling = [...main.querySelectorAll('pre')]
    .filter(pre => pre.scrollWidth > pre.clientWidth + 1).length;
  const notes = [...document.querySelectorAll('.teacher-notes')];
  return {
    placeholders, numbers, wide, scrolling, tablesScroll,
    pageOverflow: document.documentElement.scrollWidth - innerWidth,
    notes: notes.length,
    notesVisible: notes.some(n => n.getClientRects().length > 0) ||
      [...document.querySelectorAll('#mdbook-sidebar a[href$="#teacher-notes"]')]
        .some(a => a.getClientRects().length > 0),
    theme: document.documentElement.className,
  };
})()"""

SEARCH = """new Promise((resolve) => {
  document.getElementById('mdbook-search-toggle').click();
  const bar = document.getElementById('mdbook-searchbar');
  bar.value = %s;
  bar.dispatchEvent(new KeyboardEvent('keyup', {key: 'e', bubbles: true}));
  bar.dispatchEvent(new Event('input', {bubbles: true}));
  const started = Date.now();
  const poll = () => {
    const hits = document.querySelectorAll('#mdbook-searchresults li').length;
    if (hits > 0 || Date.now() - started > 5000) resolve(hits); else setTimeout(poll, 100);
  };
  poll();
})"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built book at http://127.0.0.1:PORT/ while the block runs."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        raise BrowserError("no Chromium: install it (Debian: apt-get install chromium)")
    browser = Browser(executable)
    try:
        yield browser
    finally:
        browser.close()


def _page_problems(
    name: str, probe: dict[str, Any], chapter: bool, desktop: bool = True, timed: bool = True
) -> list[str]:
    problems = [f"{name}: a marker is left in the text: {p!r}" for p in probe["placeholders"]]
    if desktop and probe["tablesScroll"]:
        problems.append(f"{name}: a results table is wider than the column (it scrolls)")
    problems += [f"{name}: wider than the column: {w}" for w in probe["wide"]]
    if probe["pageOverflow"] > 0:
        problems.append(f"{name}: the page scrolls sideways by {probe['pageOverflow']} px")
    if probe["notesVisible"]:
        problems.append(f"{name}: teacher notes are visible in the learner's view")
    if chapter and timed:
        numbers = probe["numbers"]
        if not numbers["heading"]:
            problems.append(f"{name}: no section 'What the numbers say'")
        elif numbers["charts"] == 0 or numbers["bars"] == 0:
            problems.append(f"{name}: no chart (svg with bars) in 'What the numbers say'")
        elif numbers["chartWidth"] < 200:
            problems.append(f"{name}: the chart is drawn {numbers['chartWidth']} px wide")
        if numbers["rows"] == 0:
            problems.append(f"{name}: no results table in 'What the numbers say'")
    if chapter and probe["notes"] == 0:
        problems.append(f"{name}: no teacher notes")
    return problems


def check_book(site: Path, shots: Path, log: Callable[[str], None] = print) -> list[str]:
    """Every problem found (empty when the book is whole); screenshots go to ``shots``."""
    problems: list[str] = []
    pages = {chapter_page(ch).removesuffix(".md") + ".html": ch for ch in course.chapters()}
    chapters = list(pages)
    # A chapter with no timed task (13, packaging) has no table or chart to show.
    timed = {name for name, ch in pages.items() if any(t.bench for t in ch.tasks)}
    others = [p.name for p in sorted(site.glob("*.html")) if p.name not in chapters]
    others = [p for p in others if p not in ("print.html", "toc.html", "404.html")]
    with serve(site) as root, chromium() as browser:
        for width, height in (DESKTOP, PHONE):
            page = browser.page(width, height)
            for name in chapters + others:
                page.goto(root + name)
                probe = page.evaluate(PROBE)
                size = f"{name} at {width} px"
                problems += _page_problems(
                    size, probe, name in chapters, width == DESKTOP[0], name in timed
                )
                problems += [f"{size}: {error}" for error in page.errors()]
            page.close()

        page = browser.page(*DESKTOP)
        first = root + chapters[0]
        page.goto(first)
        page.screenshot(shots / "chapter-light.png", "#what-the-numbers-say")
        hits = page.evaluate(SEARCH % json.dumps("ownership"))
        if not hits:
            problems.append("search: no results for 'ownership' (is the search index there?)")
        # The teacher view: on with ?teacher, remembered, off with ?teacher=0.
        page.goto(first + "?teacher")
        seen = [page.evaluate(PROBE)["notesVisible"]]
        page.screenshot(shots / "chapter-teacher.png", "#teacher-notes")
        page.goto(root + chapters[-1])
        seen.append(page.evaluate(PROBE)["notesVisible"])
        page.goto(first + "?teacher=0")
        seen.append(page.evaluate(PROBE)["notesVisible"])
        if seen != [True, True, False]:
            problems.append(f"teacher view: notes visible {seen}, expected on, kept, off")
        # The dark theme, as a reader who picked it has it.
        page.evaluate(f"localStorage.setItem('mdbook-theme', {json.dumps(DARK_THEME)})")
        page.goto(first)
        probe = page.evaluate(PROBE)
        if DARK_THEME not in probe["theme"]:
            problems.append(f"dark theme: the page has classes {probe['theme']!r}")
        problems += _page_problems(f"{chapters[0]} ({DARK_THEME})", probe, True)
        page.screenshot(shots / f"chapter-{DARK_THEME}.png", "#what-the-numbers-say")
        page.evaluate("localStorage.removeItem('mdbook-theme')")
        page.close()

        page = browser.page(*PHONE)
        page.goto(first)
        page.screenshot(shots / "chapter-phone.png", "#what-the-numbers-say")
        page.close()
    log(f"Checked {len(chapters) + len(others)} pages at two widths; screenshots in {shots}")
    return problems
