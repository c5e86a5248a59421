#!/usr/bin/env python3
"""Measures search on a built site in headless Chromium: index size against the documents' text, and
the time from submitting a query to its results on screen (first query, shards not yet loaded; then again).

Usage: measure-search.py SITE_DIR BASE_PATH [QUERY…]   (needs selenium + chromium-driver)
"""
import functools, http.server, os, shutil, sys, threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

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

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

# Serve the site under its base path, as it is published.
served = tempfile.mkdtemp(prefix="tre-measure-")
os.symlink(site, os.path.join(served, base)) if base else None
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=served if base else site))
threading.Thread(target=server.serve_forever, daemon=True).start()
options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
measure = """
const query = arguments[0], done = arguments[arguments.length - 1];
const input = document.getElementById('q'), status = document.getElementById('trang-thai-tim');
status.textContent = '';
const t0 = performance.now();
const observer = new MutationObserver(() => {
  if (/^(Tìm thấy|Không tìm thấy)/.test(status.textContent)) {
    observer.disconnect();
    requestAnimationFrame(() => done([performance.now() - t0, status.textContent]));
  }
});
observer.observe(status, {childList: true, characterData: true, subtree: true});
input.value = query;
input.form.dispatchEvent(new Event('submit', {cancelable: true}));
"""
try:
    driver.set_script_timeout(30)
    for query in queries:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/{base + '/' if base else ''}tim-kiem/")
        first, status = driver.execute_async_script(measure, query)
        again, _ = driver.execute_async_script(measure, query)
        print(f"{query!r}: {first:.0f} ms first, {again:.0f} ms again – {status}")
finally:
    driver.quit()
    server.shutdown()
