#!/usr/bin/env python3
"""End-to-end latency of POST /api/checks on a running Tapak, posted N times in sequence by one client, a new
connection each (urllib: the worst case, a client that keeps nothing; browsers keep connections alive), after
CHECK_WARMUP (30) unrecorded warm-up posts; each answer is a stored check (SQLite, synchronous=FULL, unless the
instance says otherwise). Prints p50/p90/p99 in ms.
The site: SITE_FILE (a GeoJSON Feature, e.g. the ~60 ha site of scripts/bench-scale), else one ~60 ha square site
(0.007 deg, as CheckBenchmark) inside the largest KPI polygon of the demo.
Sends "Authorization: Bearer $TAPAK_TOKEN" when TAPAK_TOKEN is set (writes need a planner token, issue 13).
With --each, posts each SITE_FILE once, in order, with no warm-up, on one kept-alive connection (as wrk -c1): the
first check of sites the instance has not seen (the cost before its caches hold their surroundings); prints p50 and
max over them.
  bench-checks-http.py BASE_URL [N=300] [SITE_FILE]
  bench-checks-http.py BASE_URL --each SITE_FILE...
"""
import http.client, json, os, statistics, sys, time, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
each = sys.argv[3:] if len(sys.argv) > 2 and sys.argv[2] == "--each" else None
n = 300 if each is not None or len(sys.argv) <= 2 else int(sys.argv[2])
site_file = sys.argv[3] if len(sys.argv) > 3 else None
headers = {"Content-Type": "application/geo+json"}
if os.environ.get("TAPAK_TOKEN"):
    headers["Authorization"] = "Bearer " + os.environ["TAPAK_TOKEN"]


def demo_site():
    fc = json.load(urllib.request.urlopen(base + "/ogc/collections/rtrw_pola_ruang/items?limit=10000"))
    kpi = [f for f in fc["features"] if "peruntukan industri" in json.dumps(f["properties"]).lower()]

    def bbox_area(f):
        xs = [c[0] for part in f["geometry"]["coordinates"] for c in part[0]]
        ys = [c[1] for part in f["geometry"]["coordinates"] for c in part[0]]
        return (max(xs) - min(xs)) * (max(ys) - min(ys)), (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    _, x, y = max(bbox_area(f) for f in kpi)
    h = 0.0035
    return {"type": "Feature", "properties": {"name": "bench", "kind": "new", "industrial_plot_ha": 40, "ikm_ha": 1},
            "geometry": {"type": "Polygon",
                         "coordinates": [[[x-h, y-h], [x+h, y-h], [x+h, y+h], [x-h, y+h], [x-h, y-h]]]}}


def post(body):
    req = urllib.request.Request(base + "/api/checks", data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req) as r:
        assert r.status == 201, r.status
        return json.load(r)["verdict"]


if each is not None:
    if not each:
        sys.exit("--each needs at least one SITE_FILE")
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port or 80)
    ms, verdicts = [], {}
    for f in each:
        b = open(f, "rb").read()
        t0 = time.perf_counter()
        conn.request("POST", u.path + "/api/checks", body=b, headers=headers)
        r = conn.getresponse()
        answer = r.read()
        ms.append((time.perf_counter() - t0) * 1000)
        if r.status != 201:
            sys.exit(f"{f}: HTTP {r.status}")
        v = json.loads(answer)["verdict"]
        verdicts[v] = verdicts.get(v, 0) + 1
    s = sorted(ms)
    print(f"POST /api/checks, each of {len(ms)} sites once, no warm-up ({', '.join(f'{k} {c}' for k, c in sorted(verdicts.items()))}):"
          f" p50 {s[(len(s) - 1) // 2]:.2f} ms  max {s[-1]:.2f} ms  mean {statistics.mean(ms):.2f} ms")
    sys.exit(0)

site = json.load(open(site_file)) if site_file else demo_site()
body = json.dumps(site).encode()
# warm-up, not recorded: CHECK_WARMUP posts (default 30); a JVM needs a few hundred checks before C2 has compiled the
# overlay code, and scripts/bench-scale check warms 500 so both sides are measured at their steady state
warmup = int(os.environ.get("CHECK_WARMUP", "30"))
verdict = post(body)  # one unrecorded post at least: the verdict printed below
for _ in range(warmup):
    verdict = post(body)
ms = []
for _ in range(n):
    t0 = time.perf_counter(); post(body); ms.append((time.perf_counter() - t0) * 1000)
ms.sort()
q = lambda p: ms[min(len(ms) - 1, int(round(p * len(ms))) - 1)]
print(f"POST /api/checks x{n} after {warmup} warm-up (verdict {verdict}): p50 {q(0.50):.2f} ms  p90 {q(0.90):.2f} ms  p99 {q(0.99):.2f} ms"
      f"  mean {statistics.mean(ms):.2f} ms  max {ms[-1]:.2f} ms")
