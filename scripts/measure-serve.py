#!/usr/bin/env python3
"""Measures `tre serve`'s answer to a save: from writing one document to the
reload message every open page gets, and the saved text on that page.

Usage: measure-serve.py TRE_BINARY SITE_DIR [ROUNDS]
SITE_DIR is used as it is (a copy is not made: the last edit is undone at the end).
Prints each round and the median, in milliseconds.
"""
import os, socket, statistics, subprocess, sys, threading, time, urllib.request, json

tre, site = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
content = os.path.join(site, "content")
name = sorted(n for n in os.listdir(content) if n.endswith(".md") and not n.startswith("tong-dai"))[len(os.listdir(content)) // 2]
path = os.path.join(content, name)
original = open(path, encoding="utf-8").read()

with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
server = subprocess.Popen([tre, "serve", "--source", site, "--port", str(port), "--base-url", "/"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
log = []
ready = threading.Event()
def read_log():
    for line in server.stdout:
        log.append((time.time(), line.rstrip()))
        if "built " in line or "nothing changed" in line: ready.set()
threading.Thread(target=read_log, daemon=True).start()
try:
    if not ready.wait(600): sys.exit("tre serve did not finish its first build")
    time.sleep(1)
    base = f"http://127.0.0.1:{port}/"
    # Find the document's URL from its slug (file name without .md).
    page = base + "van-ban/" + name[:-3] + "/"
    events = urllib.request.urlopen(base + "_tre/events", timeout=600)
    def next_state():
        data = None
        while True:
            line = events.readline().decode()
            if line.startswith("data: "): data = json.loads(line[6:])
            if line == "\n" and data is not None: return data
    version = next_state()["version"]
    results = []
    for round in range(rounds):
        marker = f"Đoạn đo số {round} lúc {time.time()}."
        start = time.time()
        with open(path, "w", encoding="utf-8") as f: f.write(original + "\n" + marker + "\n")
        state = next_state()
        elapsed = (time.time() - start) * 1000
        body = urllib.request.urlopen(page).read().decode()
        ok = marker in body and state["version"] > version
        version = state["version"]
        results.append(elapsed)
        print(f"round {round + 1}: reload after {elapsed:.0f} ms, saved text on the page: {'yes' if ok else 'NO'}", flush=True)
        # Let the full rebuild that follows finish before the next save.
        done = len(log)
        end = time.time() + 600
        while time.time() < end and not any("built " in l or "building again" in l for _, l in log[done:]): time.sleep(0.05)
        time.sleep(0.5)
        events.close()
        events = urllib.request.urlopen(base + "_tre/events", timeout=600)
        version = next_state()["version"]
    print(f"median {statistics.median(results):.0f} ms over {rounds} saves")
    for t, line in log:
        if "re-rendered" in line: print("  " + line)
finally:
    with open(path, "w", encoding="utf-8") as f: f.write(original)
    server.terminate()
