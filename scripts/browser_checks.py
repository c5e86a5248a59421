"""What the browser checks and measurements share: headless Chromium, a quiet static server, and
'PASS name' / 'FAIL name – detail' lines tallied into 'N passed, N failed' and the exit status.

Needs selenium and chromium-driver (see shared/tools/install-audit-deps). Imported by the scripts beside it.
"""
import functools, http.server, shutil, sys, threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def chromium(window="390,844"):
    """Headless Chromium through chromedriver; `window` is 'WIDTH,HEIGHT', or None for Chromium's own."""
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu") + ((f"--window-size={window}",) if window else ()):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""
    def log_message(self, *args):
        pass


def serve(directory, handler=Quiet):
    """Serves `directory` on 127.0.0.1 and a free port, on a thread; returns the server (`.server_address`, `.shutdown()`)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Checks:
    """`check(name, ok, detail)` prints a PASS or FAIL line; `finish()` prints the tally and exits, non-zero on a failure."""
    def __init__(self):
        self.results = []

    def __call__(self, name, ok, detail=""):
        self.results.append(bool(ok))
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else " – " + detail), flush=True)

    def finish(self):
        passed = sum(self.results)
        failed = len(self.results) - passed
        print(f"{passed} passed, {failed} failed")
        sys.exit(1 if failed else 0)
