#!/usr/bin/env python3
"""Checks `tre serve` in headless Chromium, as a publisher would use it.

1. Opens a document page served by `tre serve` on a copy of the sample site.
2. Saves an edit to that document's file: the new text must appear without a manual reload (< 2 s).
3. Breaks the file's front matter: an overlay naming the file must appear; the last good page stays.
4. Fixes the file: the overlay goes and the page shows the fixed text.

Usage: check-live-reload.py TRE_BINARY SITE_DIR   (needs selenium + chromium-driver, see shared/tools/install-audit-deps)
Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import os, shutil, socket, subprocess, sys, tempfile, time

from selenium.webdriver.common.by import By

from browser_checks import Checks, chromium

tre, site = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp(prefix="tre-live-")
for name in ("content", "site.yml"):
    src = os.path.join(site, name)
    (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(work, name))
doc = os.path.join(work, "content", "2025-kh-61-son-tay.md")
original = open(doc, encoding="utf-8").read()

with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
server = subprocess.Popen([tre, "serve", "--source", work, "--output", os.path.join(work, "public"), "--port", str(port), "--base-url", "/tre-em/"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
check = Checks()

def wait_for(predicate, seconds):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if predicate(): return True
        except Exception:
            pass
        time.sleep(0.05)
    return False

driver = chromium("1280,900")
try:
    url = f"http://127.0.0.1:{port}/tre-em/van-ban/2025-kh-61-son-tay/"
    check("server starts", wait_for(lambda: socket.create_connection(("127.0.0.1", port), 0.2).close() is None, 60))
    driver.get(url)
    check("page opens", "61/KH-UBND" in driver.page_source, driver.title)
    wait_for(lambda: driver.execute_script("return document.querySelector('script[data-version]') !== null"), 5)
    time.sleep(0.5)  # the page's event stream connects

    marker = "Dòng thử nghiệm tự tải lại 4711"
    started = time.time()
    open(doc, "w", encoding="utf-8").write(original.replace("Thực hiện Kế hoạch số 65/UBND", marker + ". Thực hiện Kế hoạch số 65/UBND", 1))
    ok = wait_for(lambda: marker in driver.find_element(By.TAG_NAME, "main").text, 5)
    elapsed = time.time() - started
    check(f"an edit appears without reloading by hand ({elapsed:.2f} s)", ok and elapsed < 2.0, f"took {elapsed:.2f} s")

    open(doc, "w", encoding="utf-8").write("---\ntitle: [không đóng\n---\n" + original)
    ok = wait_for(lambda: "content/2025-kh-61-son-tay.md" in driver.find_element(By.ID, "tre-loi").text, 5)
    check("broken front matter shows the overlay naming the file", ok, driver.page_source[-500:])
    check("the last good page is still shown under it", marker in driver.find_element(By.TAG_NAME, "main").text)

    open(doc, "w", encoding="utf-8").write(original)
    ok = wait_for(lambda: not driver.find_elements(By.ID, "tre-loi") and marker not in driver.find_element(By.TAG_NAME, "main").text, 5)
    check("fixing the file brings the page back", ok)
finally:
    driver.quit()
    server.terminate()
    try:
        server.wait(5)
    except subprocess.TimeoutExpired:
        server.kill()
    shutil.rmtree(work, ignore_errors=True)

check.finish()
