#!/usr/bin/env python3
"""Checks the search page of a built site in headless Chromium.

Usage: check-search.py SITE_DIR [BASE_PATH]   (needs selenium + chromium-driver, see shared/tools/install-audit-deps)
Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import glob, json, os, re, sys, time, unicodedata, urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_checks import Checks, Quiet, chromium, serve

site = os.path.abspath(sys.argv[1])
base = sys.argv[2] if len(sys.argv) > 2 else "/"

class Handler(Quiet):
    def translate_path(self, path):
        path = urllib.parse.urlsplit(path).path
        if not path.startswith(base):
            return "/nonexistent"
        return super().translate_path("/" + path[len(base):])

server = serve(site, Handler)
root = f"http://127.0.0.1:{server.server_address[1]}{base}"

driver = chromium()
check = Checks()

def results_for(query, through_header=False):
    if through_header:
        driver.get(root)
        box = driver.find_element(By.ID, "q-dau")
        box.send_keys(query, Keys.ENTER)
    else:
        driver.get(root + "tim-kiem/?q=" + urllib.parse.quote(query))
    end = time.time() + 10
    while time.time() < end:
        # After Enter in the header, the home page can still be the one shown: wait for the search page.
        found = driver.find_elements(By.ID, "trang-thai-tim")
        text = found[0].text if found else ""
        if text and "Đang tìm" not in text:
            break
        time.sleep(0.05)
    time.sleep(0.3)
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#ket-qua li h2 a")], driver.find_element(By.ID, "trang-thai-tim").text

def fold(text):
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text.replace("đ", "d"))

# What the ranking should do, worked out from the site's own fragments (url → title and text).
fragments = {}
for name in glob.glob(os.path.join(site, "tim-kiem", "f", "*.json")):
    fragment = json.load(open(name, encoding="utf-8"))
    fragments[urllib.parse.urljoin(root, fragment["u"])] = (fragment["t"] + " " + fragment.get("x", "")).lower()

def syllables(text):
    return re.findall(r"\w+", fold(text).replace("’", ""))

try:
    plain, _ = results_for("tong dai 111", through_header=True)
    marked, _ = results_for("tổng đài 111")
    check(f"'tong dai 111' and 'tổng đài 111' find the same documents ({len(plain)})", set(plain) == set(marked) and len(plain) >= 3, f"{plain} vs {marked}")
    plain, _ = results_for("duoi nuoc")
    marked, _ = results_for("đuối nước")
    check(f"'duoi nuoc' and 'đuối nước' find the same documents ({len(plain)})", set(plain) == set(marked) and len(plain) >= 2, f"{plain} vs {marked}")
    found, _ = results_for("ia hdrai")
    check("'ia hdrai' finds the Ia H’Drai plan", any("ia-hdrai" in url for url in found), str(found))
    marks = driver.find_elements(By.CSS_SELECTOR, "#ket-qua mark")
    check("the match is highlighted in the snippet", bool(marks) and "H’Drai" in marks[0].text, marks[0].text if marks else "no <mark>")
    # Exact diacritics above folded: "trễ" (late) folds like "trẻ" (child), which nearly every document has.
    exact = {url for url, text in fragments.items() if "trễ" in text}
    found, _ = results_for("trễ")
    check(f"exact diacritics rank first: 'trễ' lists its {len(exact)} document(s) before those with only 'tre'",
          bool(exact) and set(found[:len(exact)]) == exact and len(found) > len(exact), str(found))
    # A syllable sequence above the same syllables apart.
    words = ["phong", "y", "te"]
    together = {url for url, text in fragments.items()
                if any(syllables(text)[k:k + 3] == words for k in range(len(syllables(text))))}
    apart = {url for url, text in fragments.items() if set(words) <= set(syllables(text))} - together
    found, _ = results_for("phong y te")
    check(f"a sequence ranks first: 'phong y te' side by side ({len(together)}) before apart ({len(apart)})",
          bool(together) and bool(apart) and set(found[:len(together)]) == together and set(found[len(together):]) == apart, str(found))
    none, status = results_for("xyzzy khong co")
    check("an empty result says so and suggests the hotline", not none and "111" in status, status)
finally:
    driver.quit()
    server.shutdown()

check.finish()
