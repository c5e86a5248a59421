#!/usr/bin/env python3
"""Measures search on a built site in headless Chromium: index size against the documents' text, and
the time from submitting a query to its results on screen (title, kind, date and snippet) (first query, shards not yet loaded; then again).

Usage: [TRACE=1] measure-search.py SITE_DIR BASE_PATH [QUERY…]   (needs selenium + chromium-driver)
"""
import os, shutil, socket, subprocess, sys, time

from browser_checks import chromium, serve

import tempfile
site = os.path.abspath(sys.argv[1])
base = sys.argv[2].strip("/")
queries = sys.argv[3:] or ["tong dai 111", "đuối nước", "tre em", "phong y te bao cao"]

def size(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(folder) for f in names)

text = sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(os.path.join(site, "van-ban")) for f in names if f == "van-ban.txt")
index = size(os.path.join(site, "tim-kiem", "chi-muc"))
print(f"documents' text: {text / 1e6:.1f} MB; index shards: {index / 1e6:.1f} MB ({100 * index / max(text, 1):.0f}%); "
      f"fragments (fetched per result shown): {size(os.path.join(site, 'tim-kiem', 'f')) / 1e6:.1f} MB")

# Serve the site under its base path, as it is published: through nginx (deploy/nginx-tre-em.conf) when the
# base path is /tre-em/ and nginx is installed, since Python's one-connection-per-request server would
# dominate the timings; otherwise through Python.
nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
if nginx and base == "tre-em":
    prefix = tempfile.mkdtemp(prefix="tre-nginx-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
    conf = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "nginx-tre-em.conf")).read()
    open(os.path.join(prefix, "nginx.conf"), "w").write(conf.replace("@SITE@", site).replace("@PORT@", str(port)).replace("@PREFIX@", prefix))
    process = subprocess.Popen([nginx, "-p", prefix, "-c", os.path.join(prefix, "nginx.conf"), "-g", "daemon off;"])
    time.sleep(0.5)
    stop = process.terminate
    print("served by nginx")
else:
    served = tempfile.mkdtemp(prefix="tre-measure-")
    os.symlink(site, os.path.join(served, base)) if base else None
    server = serve(served if base else site)
    port, stop = server.server_address[1], server.shutdown
    print("served by Python's http.server")
driver = chromium(window=None)
measure = """
const query = arguments[0], done = arguments[arguments.length - 1];
const input = document.getElementById('q'), status = document.getElementById('trang-thai-tim');
status.textContent = '';
const t0 = performance.now();
// Done when the results are on screen (or the page says there are none).
const list = document.getElementById('ket-qua');
list.textContent = '';
const observer = new MutationObserver(() => {
  if (/^Không tìm thấy/.test(status.textContent) || (/^Tìm thấy/.test(status.textContent) && list.children.length)) {
    observer.disconnect();
    requestAnimationFrame(() => done([performance.now() - t0, status.textContent]));
  }
});
observer.observe(status, {childList: true, characterData: true, subtree: true});
observer.observe(list, {childList: true});
input.value = query;
input.form.dispatchEvent(new Event('submit', {cancelable: true}));
"""
try:
    driver.set_script_timeout(30)
    for query in queries:
        driver.get(f"http://127.0.0.1:{port}/{base + '/' if base else ''}tim-kiem/")
        first, status = driver.execute_async_script(measure, query)
        again, _ = driver.execute_async_script(measure, query)
        print(f"{query!r}: {first:.0f} ms first, {again:.0f} ms again – {status}")
        # The page's own marks, for the last run: shards in hand, ranked, on screen (ms after the search started).
        marks = driver.execute_script("return performance.getEntriesByType('mark').filter(m => m.name.startsWith('tim-kiem:')).map(m => [m.name.slice(9), m.startTime])")
        first_run = {}
        for name, at in marks[:4]:
            first_run[name] = at
        if len(first_run) == 4:
            start = first_run["bat-dau"]
            print(f"    first run: shards loaded {first_run['chi-muc'] - start:.0f} ms, ranked {first_run['xep-hang'] - first_run['chi-muc']:.0f} ms later, "
                  f"on screen {first_run['hien-thi'] - first_run['xep-hang']:.0f} ms later (fragments)")
        if os.environ.get("TRACE"):  # TRACE=1: when each file was requested and received, ms since the page opened
            for entry in driver.execute_script("return performance.getEntriesByType('resource').map(e => "
                                               "[e.name.split('/').slice(-2).join('/'), Math.round(e.startTime), Math.round(e.responseEnd)])"):
                print("    ", *entry)
finally:
    driver.quit()
    stop()
