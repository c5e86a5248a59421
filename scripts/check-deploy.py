#!/usr/bin/env python3
"""Deployment test: a real nginx on loopback serves a built Tre site under /tre-em/.

Every file of the site is fetched through nginx and must answer 200 with the right Content-Type;
every link, script, stylesheet and form in every page must stay under /tre-em/; an unknown page
answers 404 with the site's own 404 page; the largest file of each kind comes compressed to a browser
that accepts gzip, and unpacks to the file's bytes.

Usage: check-deploy.py SITE_DIR   (the site built with --base-url http://127.0.0.1:PORT/tre-em/; needs nginx)
Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import gzip, html.parser, os, shutil, socket, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

site = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))
prefix = tempfile.mkdtemp(prefix="tre-nginx-")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
conf = open(os.path.join(here, "..", "deploy", "nginx-tre-em.conf")).read()
conf = conf.replace("@SITE@", site).replace("@PORT@", str(port)).replace("@PREFIX@", prefix)
open(os.path.join(prefix, "nginx.conf"), "w").write(conf)
nginx = shutil.which("nginx") or "/usr/sbin/nginx"
server = subprocess.Popen([nginx, "-p", prefix, "-c", os.path.join(prefix, "nginx.conf"), "-g", "daemon off;"])
root = f"http://127.0.0.1:{port}"

expected = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".ics": "text/calendar; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
}
special = {"feed.xml": "application/atom+xml; charset=utf-8"}
failures, checks = [], 0
largest = {}  # extension -> (path, size) of the largest file of each kind, for the compression checks

def fail(message):
    failures.append(message)
    if len(failures) <= 30:
        print("FAIL " + message, flush=True)

def fetch(path):
    try:
        with urllib.request.urlopen(root + path, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()

def fetch_gzip(path):
    request = urllib.request.Request(root + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as r:
        return r.headers.get("Content-Encoding", ""), r.read()

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.urls = []
    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and name in ("href", "src", "action", "data-base"):
                self.urls.append(value)

try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.1).close(); break
        except OSError:
            time.sleep(0.05)
    for folder, _, names in os.walk(site):
        for name in names:
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, site).replace(os.sep, "/")
            extension, size = os.path.splitext(name)[1], os.path.getsize(full)
            if extension in expected and size > largest.get(extension, ("", 0))[1]:
                largest[extension] = (full, size)
            path = "/tre-em/" + relative
            if name == "index.html":
                path = "/tre-em/" + relative[: -len("index.html")]
            checks += 1
            status, ctype, body = fetch(urllib.parse.quote(path))
            want = special.get(relative) or expected.get(extension)
            if status != 200:
                fail(f"{path}: status {status}")
            elif want and ctype.lower() != want:
                fail(f"{path}: Content-Type {ctype!r}, expected {want!r}")
            if name.endswith(".html"):
                parser = Links(); parser.feed(body.decode("utf-8"))
                for url in parser.urls:
                    checks += 1
                    target = urllib.parse.urlsplit(urllib.parse.urljoin(root + path, url))
                    if target.scheme in ("tel", "mailto", "data") or (target.netloc and target.netloc != f"127.0.0.1:{port}"):
                        continue
                    if not target.path.startswith("/tre-em/"):
                        fail(f"{path}: link {url!r} leaves /tre-em/")
    # Text is sent compressed to a browser that asks for it, and unpacks to the file's own bytes.
    for extension, (full, size) in sorted(largest.items()):
        if size < 1024:
            continue
        checks += 1
        relative = os.path.relpath(full, site).replace(os.sep, "/")
        encoding, body = fetch_gzip(urllib.parse.quote("/tre-em/" + relative))
        if encoding != "gzip":
            fail(f"/tre-em/{relative}: not compressed for a browser that accepts gzip ({encoding!r})")
        elif gzip.decompress(body) != open(full, "rb").read():
            fail(f"/tre-em/{relative}: the compressed body is not the file")
    checks += 1
    status, ctype, body = fetch("/tre-em/khong-co-trang-nay/")
    if status != 404 or "Không tìm thấy trang" not in body.decode("utf-8", "replace"):
        fail(f"an unknown page answers {status} without the site's 404 page")
    checks += 1
    status, _, _ = fetch("/tre-em")
    if status != 200:
        fail(f"/tre-em without its slash answers {status}")
finally:
    server.terminate()
    server.wait(5)
    shutil.rmtree(prefix, ignore_errors=True)

print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
