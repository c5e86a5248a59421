#!/usr/bin/env python3
"""Checks the deadline status script (assets/han-chot.js) in headless Chromium.

Usage: check-status.py TRE_BINARY [SITE_DIR]   (needs selenium + chromium-driver, see shared/tools/install-audit-deps)

A page built some days ago, its script run on the reader's clock, must show every deadline's
status as a build of today writes it: "còn N ngày", "(lần tới …)" for a recurring deadline's next
time, "hôm nay", "đang diễn ra", "đã quá hạn". The sample site is built as of 3 and 400 days ago
and as of today; every document page of the old builds is opened and its statuses compared, in
order, with today's build. The one status the script cannot know is left out: a recurring
deadline whose next time, as of the old build, has passed (the page keeps the build's text).
Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import datetime, glob, html, os, re, shutil, subprocess, sys, tempfile, urllib.parse

from browser_checks import Checks, chromium, serve

tre = os.path.abspath(sys.argv[1])
site = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
work = tempfile.mkdtemp(prefix="tre-status-")
# The browser's "today" is the machine's local date, as Python's is.
today = datetime.date.today()

def build(day, name):
    output = os.path.join(work, name)
    subprocess.run([tre, "build", "--source", site, "--output", output, "--now", day.isoformat(), "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    return output

span = re.compile(r'<span class="trang-thai trang-thai--([a-z-]+)" data-han="([0-9-]+)"[^>]*>([^<]*)</span>')

def written(page):
    with open(page, encoding="utf-8") as f:
        return [(kind, html.unescape(text)) for kind, _, text in span.findall(f.read())]

current = build(today, "today")
driver = chromium()
check = Checks()

try:
    for days_ago in (3, 400):
        old = build(today - datetime.timedelta(days=days_ago), f"old-{days_ago}")
        server = serve(old)
        compared = with_next = left_out = 0
        for page in sorted(glob.glob(os.path.join(old, "van-ban", "*", "index.html"))):
            path = os.path.relpath(page, old).replace(os.sep, "/")
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/{urllib.parse.quote(path)}")
            shown = driver.execute_script(
                "return Array.from(document.querySelectorAll('[data-han]')).map(function (el) {"
                " return [el.className.replace('trang-thai trang-thai--', ''), el.textContent,"
                " el.getAttribute('data-han'), el.hasAttribute('data-lap')]; });")
            expected = written(os.path.join(current, path))
            if len(shown) != len(expected):
                check(f"{days_ago} days ago: {path}", False, f"{len(shown)} statuses on the page, {len(expected)} in today's build")
                continue
            wrong = []
            for (kind, text, next_time, recurring), want in zip(shown, expected):
                if recurring and datetime.date.fromisoformat(next_time) < today:
                    left_out += 1
                    continue
                compared += 1
                with_next += "lần tới" in want[1]
                if (kind, text) != want:
                    wrong.append(f"{kind} '{text}', today's build: {want[0]} '{want[1]}'")
            check(f"{days_ago} days ago: {path}", not wrong, "; ".join(wrong))
        server.shutdown()
        check(f"{days_ago} days ago: statuses compared ({compared}, {with_next} with a next time, {left_out} left out)",
              compared >= 5 and (days_ago > 30 or with_next > 0), "too few to tell")
finally:
    driver.quit()
    shutil.rmtree(work, ignore_errors=True)

check.finish()
