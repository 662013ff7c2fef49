#!/usr/bin/env python3
"""Load and fault experiments of scripts/bench-load (issue 13 item 8), against a running Tapak on 127.0.0.1.
Every experiment is bounded in time; a reader thread GETs /api/layers every 0.25 s meanwhile (10 s timeout) and its
latencies say whether the service still serves others. Prints one summary line per experiment.

  bench-load.py BASE PID slow    [CONNS=200] [SECS=40]   CONNS POSTs whose bodies trickle in, one byte every 2 s
  bench-load.py BASE PID bodies  [N=60] [MB=15]          N parallel POST /api/checks of a ~MB MB GeoJSON body
  bench-load.py BASE PID bigmaps [N=100] [SIZE=4096]     N parallel GetMap SIZE x SIZE PNG of the demo
  bench-load.py BASE PID posts   IDS_FILE [THREADS=4] [SECS=20]  POST /api/checks in a loop, every id answered 201
                                                         appended to IDS_FILE (the kill -9 experiment)
  bench-load.py BASE PID verify  IDS_FILE               GET /api/checks/{id} of every id: present / missing
PID is the Tapak JVM (its RSS is sampled every 0.25 s: peak RSS). TAPAK_TOKEN set: sent as Bearer on writes.
"""
import json, math, os, socket, statistics, sys, threading, time, urllib.error, urllib.request

base, pid, what = sys.argv[1].rstrip("/"), int(sys.argv[2]), sys.argv[3]
args = sys.argv[4:]
host, port = base.split("//")[1].split(":")[0], int(base.rsplit(":", 1)[1])
auth = {"Authorization": "Bearer " + os.environ["TAPAK_TOKEN"]} if os.environ.get("TAPAK_TOKEN") else {}
SITE = {"type": "Feature", "properties": {"name": "bench-load", "kind": "new", "industrial_plot_ha": 40, "ikm_ha": 1},
        "geometry": {"type": "Polygon", "coordinates": [[[112.60, -7.18], [112.607, -7.18], [112.607, -7.173],
                                                         [112.60, -7.173], [112.60, -7.18]]]}}
# the demo's area (Gerbang Kertosusila), WMS 1.3.0 EPSG:4326 axis order lat,lon
DEMO_BBOX = "-7.75,112.2,-6.75,113.2"
DEMO_LAYERS = "rtrw_pola_ruang,lp2b,estates,roads,rivers,kecamatan"


def rss_kb():
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


class Watch:
    """Reader latencies (ms, None = failed or > 10 s) and peak RSS while an experiment runs."""

    def __init__(self):
        self.lat, self.peak, self.stop = [], 0, threading.Event()
        self.t = threading.Thread(target=self.run, daemon=True)
        self.t.start()

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_kb())
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(base + "/api/layers", timeout=10) as r:
                    r.read()
                    self.lat.append((time.perf_counter() - t0) * 1000 if r.status == 200 else None)
            except Exception:
                self.lat.append(None)
            self.stop.wait(0.25)

    def done(self):
        self.stop.set()
        self.t.join()
        ok = sorted(x for x in self.lat if x is not None)
        failed = len(self.lat) - len(ok)
        slow = sum(1 for x in ok if x > 1000)
        p = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))] if ok else float("nan")
        return ("reader: %d GETs, %d failed/timed out, %d over 1 s, p50 %.0f ms, p99 %.0f ms, max %.0f ms; peak RSS %d MB"
                % (len(self.lat), failed, slow, p(0.5), p(0.99), ok[-1] if ok else float("nan"), self.peak // 1024))


def request(method, path, body=None, headers=None, timeout=120):
    """(status, seconds); status 0 = connection failed, -1 = timed out."""
    t0 = time.perf_counter()
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            return r.status, time.perf_counter() - t0
    except urllib.error.HTTPError as e:
        return e.code, time.perf_counter() - t0
    except socket.timeout:
        return -1, time.perf_counter() - t0
    except Exception:
        return 0, time.perf_counter() - t0


def parallel(n, fn):
    out = [None] * n
    ts = [threading.Thread(target=lambda i=i: out.__setitem__(i, fn(i))) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out


def codes(results):
    c = {}
    for s, _ in results:
        c[s] = c.get(s, 0) + 1
    return ", ".join("%s x%d" % ({0: "conn-failed", -1: "timeout"}.get(k, k), v) for k, v in sorted(c.items()))


def recovery(limit=60):
    """Seconds until /api/layers answers within 1 s again (None: not within limit)."""
    t0 = time.time()
    while time.time() - t0 < limit:
        s, dt = request("GET", "/api/layers", timeout=5)
        if s == 200 and dt < 1:
            return time.time() - t0
        time.sleep(0.5)
    return None


def slow(conns=200, secs=40):
    w = Watch()
    socks = []
    head = ("POST /api/checks HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/geo+json\r\n"
            "Content-Length: 100000\r\n%s\r\n" % (host, port, "".join("%s: %s\r\n" % kv for kv in auth.items())))
    for _ in range(conns):
        try:
            s = socket.create_connection((host, port), timeout=5)
            s.sendall(head.encode() + b"{")
            socks.append(s)
        except OSError:
            pass
    opened, closed, t0 = len(socks), 0, time.time()
    while time.time() - t0 < secs:
        time.sleep(2)
        for s in list(socks):
            try:
                s.sendall(b" ")  # one byte every 2 s per connection
            except OSError:
                closed += 1
                socks.remove(s)
    answered = 0
    for s in socks:  # did the server answer (e.g. 408) instead of waiting for the body?
        s.setblocking(False)
        try:
            answered += 1 if s.recv(1) else 0
        except OSError:
            pass
        s.close()
    print("slow bodies: %d connections opened, %d closed by the server and %d answered within %d s; %s"
          % (opened, closed, answered, secs, w.done()))
    r = recovery()
    print("  after the attack: reader answered within 1 s after %s" % ("%.1f s" % r if r is not None else "> 60 s"))


def bodies(n=60, mb=15):
    # one polygon ring of ~mb MB of coordinates (a circle, 24 bytes per position): over max-vertices and near max-bytes
    k = int(mb * 1e6 / 24)
    ring = [[round(112.6 + 0.05 * math.cos(2 * math.pi * i / k), 6), round(-7.2 + 0.05 * math.sin(2 * math.pi * i / k), 6)]
            for i in range(k)]
    ring.append(ring[0])
    body = json.dumps({"type": "Feature", "properties": {"name": "big", "kind": "new"},
                       "geometry": {"type": "Polygon", "coordinates": [ring]}}).encode()
    w = Watch()
    t0 = time.time()
    res = parallel(n, lambda i: request("POST", "/api/checks", body, dict({"Content-Type": "application/geo+json"}, **auth)))
    dt = time.time() - t0
    print("big bodies: %d parallel POST /api/checks of %.1f MB: %s; all answered in %.1f s (slowest %.1f s); %s"
          % (n, len(body) / 1e6, codes(res), dt, max(t for _, t in res), w.done()))
    r = recovery()
    print("  after: reader answered within 1 s after %s" % ("%.1f s" % r if r is not None else "> 60 s"))


def bigmaps(n=100, size=4096):
    path = ("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=%s&STYLES=&CRS=EPSG:4326&BBOX=%s&WIDTH=%d&HEIGHT=%d"
            "&FORMAT=image/png" % (DEMO_LAYERS, DEMO_BBOX, size, size))
    w = Watch()
    t0 = time.time()
    res = parallel(n, lambda i: request("GET", path + "&i=%d" % i, timeout=180))
    dt = time.time() - t0
    print("big maps: %d parallel GetMap %dx%d PNG: %s; all answered in %.1f s (slowest %.1f s); %s"
          % (n, size, size, codes(res), dt, max(t for _, t in res), w.done()))
    r = recovery()
    print("  after: reader answered within 1 s after %s" % ("%.1f s" % r if r is not None else "> 60 s"))


def posts(ids_file, threads=4, secs=20):
    body = json.dumps(SITE).encode()
    hdr = dict({"Content-Type": "application/geo+json"}, **auth)
    lock, stop, counts = threading.Lock(), time.time() + secs, {}
    f = open(ids_file, "a")

    def loop(_):
        while time.time() < stop:
            req = urllib.request.Request(base + "/api/checks", data=body, method="POST", headers=hdr)
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    doc = json.load(r)
                    st = r.status
                with lock:
                    counts[st] = counts.get(st, 0) + 1
                    if st == 201:
                        f.write(doc["id"] + "\n")
                        f.flush()
            except urllib.error.HTTPError as e:
                with lock:
                    counts[e.code] = counts.get(e.code, 0) + 1
            except Exception:
                with lock:
                    counts["failed"] = counts.get("failed", 0) + 1
                time.sleep(0.1)
    parallel(threads, loop)
    f.close()
    print("posts: %s" % ", ".join("%s x%d" % kv for kv in sorted(counts.items(), key=str)))


def verify(ids_file):
    ids = [l.strip() for l in open(ids_file) if l.strip()]
    missing = [i for i in ids if request("GET", "/api/checks/" + i, timeout=30)[0] != 200]
    print("after restart: %d checks answered 201 before kill -9, %d present, %d missing%s"
          % (len(ids), len(ids) - len(missing), len(missing), (" (e.g. %s)" % missing[0]) if missing else ""))


{"slow": lambda: slow(*map(int, args)), "bodies": lambda: bodies(*map(int, args)),
 "bigmaps": lambda: bigmaps(*map(int, args)),
 "posts": lambda: posts(args[0], *map(int, args[1:])), "verify": lambda: verify(args[0])}[what]()
