#!/usr/bin/env python3
"""End-to-end latency of POST /api/checks on a running Tapak: one ~60 ha square site (0.007 deg, as CheckBenchmark)
inside the largest KPI polygon of the demo, posted N times in sequence by one client (HTTP keep-alive off, like a
planner's browser form); each answer is a stored check (SQLite, synchronous=FULL). Prints p50/p90/p99 in ms.
  bench-checks-http.py BASE_URL [N=300]
"""
import json, statistics, sys, time, urllib.request

base = sys.argv[1].rstrip("/")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
fc = json.load(urllib.request.urlopen(base + "/ogc/collections/rtrw_pola_ruang/items?limit=10000"))
kpi = [f for f in fc["features"] if "peruntukan industri" in json.dumps(f["properties"]).lower()]
def bbox_area(f):
    xs = [c[0] for part in f["geometry"]["coordinates"] for c in part[0]]
    ys = [c[1] for part in f["geometry"]["coordinates"] for c in part[0]]
    return (max(xs) - min(xs)) * (max(ys) - min(ys)), (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
_, x, y = max(bbox_area(f) for f in kpi)
h = 0.0035
site = {"type": "Feature", "properties": {"name": "bench", "kind": "new", "industrial_plot_ha": 40, "ikm_ha": 1},
        "geometry": {"type": "Polygon", "coordinates": [[[x-h, y-h], [x+h, y-h], [x+h, y+h], [x-h, y+h], [x-h, y-h]]]}}
body = json.dumps(site).encode()
def post():
    req = urllib.request.Request(base + "/api/checks", data=body, method="POST",
                                 headers={"Content-Type": "application/geo+json"})
    with urllib.request.urlopen(req) as r:
        assert r.status == 201, r.status
        return json.load(r)["verdict"]
for _ in range(30):  # warm-up, not recorded
    verdict = post()
ms = []
for _ in range(n):
    t0 = time.perf_counter(); post(); ms.append((time.perf_counter() - t0) * 1000)
ms.sort()
q = lambda p: ms[min(len(ms) - 1, int(round(p * len(ms))) - 1)]
print(f"POST /api/checks x{n} (verdict {verdict}): p50 {q(0.50):.2f} ms  p90 {q(0.90):.2f} ms  p99 {q(0.99):.2f} ms"
      f"  mean {statistics.mean(ms):.2f} ms  max {ms[-1]:.2f} ms")
