#!/usr/bin/env python3
"""The HTTP floor under POST /api/checks on a running Tapak, with the client of bench-checks-http.py (one client,
keep-alive off, N sequential requests after 30 unrecorded): GET /api/webmap (a small JSON document: connection,
Tomcat, filters, MVC) and POST /api/checks with a body that is refused (a Feature without geometry: 422 problem+json; the
same plus the bearer token, body read and parse, no check and no store). Prints p50/p99 in ms of each.
Sends "Authorization: Bearer $TAPAK_TOKEN" on the POST when TAPAK_TOKEN is set.
  bench-http-floor.py BASE_URL [N=300]
"""
import os, sys, time, urllib.error, urllib.request

base = sys.argv[1].rstrip("/")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
headers = {"Content-Type": "application/geo+json"}
if os.environ.get("TAPAK_TOKEN"):
    headers["Authorization"] = "Bearer " + os.environ["TAPAK_TOKEN"]


def get():
    with urllib.request.urlopen(base + "/api/webmap") as r:
        assert r.status == 200, r.status
        r.read()


def refused():
    req = urllib.request.Request(base + "/api/checks", data=b'{"type":"Feature"}', method="POST", headers=headers)
    try:
        urllib.request.urlopen(req).read()
        raise AssertionError("expected a refusal")
    except urllib.error.HTTPError as e:
        assert e.code in (400, 422), e.code  # not 401/403: the token must be accepted
        e.read()


def timed(label, call):
    for _ in range(30):
        call()
    ms = []
    for _ in range(n):
        t0 = time.perf_counter(); call(); ms.append((time.perf_counter() - t0) * 1000)
    ms.sort()
    q = lambda p: ms[min(len(ms) - 1, int(round(p * len(ms))) - 1)]
    print("%s x%d: p50 %.2f ms  p99 %.2f ms" % (label, n, q(0.5), q(0.99)))


timed("GET /api/webmap", get)
timed("POST /api/checks refused (422)", refused)
