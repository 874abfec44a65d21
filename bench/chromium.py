"""Headless Chromium driven over the DevTools protocol, for tests and the page benchmarks.

Not needed to build a page, so not part of the installed package: it is how
the project *looks* at one, the way a reader would.  The page benchmarks
(`bench/bench_page.py`, `bench/bench_review_page.py`) import it as `chromium`
because a script's own folder is on the module path; the browser tests import
it the same way because pyproject's pytest `pythonpath` lists `bench`.  It uses Debian's `chromium` and talks to it over
`--remote-debugging-pipe` (JSON messages on file descriptors 3 and 4), so it
needs no browser download, no driver binary, no network port and no Python
package beyond the standard library.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM_ENV_VAR = "SCR_CHROMIUM"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
)


class BrowserError(RuntimeError):
    """Chromium could not be started, or did not answer a command."""


def find_chromium() -> str | None:
    """The Chromium executable: `$SCR_CHROMIUM`, else `chromium` on PATH (Debian's package)."""
    configured = os.environ.get(CHROMIUM_ENV_VAR)
    if configured:
        return configured if Path(configured).exists() else shutil.which(configured)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Chromium:
    """One headless Chromium with one page, used as a context manager.

    >>> with Chromium() as browser:            # doctest: +SKIP
    ...     browser.open(Path("report.html").resolve().as_uri())
    ...     browser.evaluate("document.title")
    """

    def __init__(self, executable: str | None = None, width: int = 1280, height: int = 900, timeout: float = 60.0):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("no Chromium found (install Debian's `chromium` package or set SCR_CHROMIUM)")
        self.width, self.height, self.timeout = width, height, timeout
        self.events: list[dict] = []
        self._next_id = 0
        self._buffer = b""
        self._proc: subprocess.Popen | None = None
        self._session: str | None = None

    # ---------------------------------------------------------------- process
    def __enter__(self) -> Chromium:
        self._profile = tempfile.TemporaryDirectory(prefix="scr-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # in the child: the protocol reads fd 3 and writes fd 4
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)  # dup2 makes them inheritable; everything else closes on exec
            os.dup2(high_w, 4)

        args = [
            self.executable,
            *FLAGS,
            "--remote-debugging-pipe",
            f"--user-data-dir={self._profile.name}",
            f"--window-size={self.width},{self.height}",
            "about:blank",
        ]
        self._proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_pipes,
            start_new_session=True,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        try:
            target = self._call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
            self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)[
                "sessionId"
            ]
            self.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
            )
            for domain in ("Page", "Runtime", "Network"):
                self.send(f"{domain}.enable")
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                self._write({"id": self._new_id(), "method": "Browser.close"})
                proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                try:  # the process group this object started, and only it
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)
        for fd in (getattr(self, "_to_browser", None), getattr(self, "_from_browser", None)):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to_browser = self._from_browser = None
        self._profile.cleanup()

    # ---------------------------------------------------------------- protocol
    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _write(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            written = os.write(self._to_browser, data)
            data = data[written:]

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _call(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        message_id = self._new_id()
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if session and self._session:
            message["sessionId"] = self._session
        self._write(message)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def send(self, method: str, params: dict | None = None) -> dict:
        """Send a command to the page and return its result."""
        return self._call(method, params)

    def wait_for_event(self, method: str, timeout: float | None = None) -> dict:
        """The first event `method` received since the last wait (already queued or arriving)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.events.append(self._read(deadline))

    # ---------------------------------------------------------------- page
    def open(self, url: str) -> float:
        """Load `url` and wait for its load event; returns the wall-clock seconds it took."""
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        started = time.perf_counter()
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"could not open {url}: {result['errorText']}")
        self.wait_for_event("Page.loadEventFired")
        return time.perf_counter() - started

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(
                f"script error: {details.get('exception', {}).get('description') or details.get('text')}"
            )
        return result["result"].get("value")

    def click(self, x: float, y: float) -> None:
        """A real left click at viewport coordinates (CSS pixels)."""
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def press(self, key: str) -> None:
        """Type one printable key, as a keyboard would (keydown, char, keyup)."""
        code = f"Key{key.upper()}" if key.isalpha() else ""
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code, "text": key})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code})

    # ---------------------------------------------------------------- forms and files (the review page's tests)
    SPECIAL_KEYS = {"Enter": (13, "\r"), "Escape": (27, ""), "Tab": (9, ""), "Backspace": (8, "")}

    def key(self, name: str) -> None:
        """Press a named key (Enter, Escape, Tab, Backspace) as a keyboard would."""
        code, text = self.SPECIAL_KEYS[name]
        params = {"key": name, "code": name, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", **params, **({"text": text} if text else {})})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **params})

    def type_text(self, text: str) -> None:
        """Type text into the focused field (as an input method commits it)."""
        self.send("Input.insertText", {"text": text})

    def allow_downloads(self, folder: str | Path) -> None:
        """Let the page download files (a[download]) into `folder`."""
        self._call(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(Path(folder).resolve())},
            session=False,
        )

    def set_files(self, selector: str, *paths: str | Path) -> None:
        """Choose files in an <input type=file>, as the file dialog would (fires its change event)."""
        root = self.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = self.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        self.send("DOM.setFileInputFiles", {"nodeId": node, "files": [str(Path(p).resolve()) for p in paths]})

    def screenshot(self, path: str | Path, full_page: bool = False) -> Path:
        """Save a PNG of the viewport (or of the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 16000), "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path

    def requested_urls(self) -> list[str]:
        """Every URL the page asked the network stack for since it was opened."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]
