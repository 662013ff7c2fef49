#!/usr/bin/env python3
"""Part of scripts/bench-scale check: posts the bench site once to a running Tapak and prints its report's figures
beside those of the whole-overlay SQL (psql -x output of rulebook.sql), so the two are seen to compute the same
ground. Exits 1 when a hectare figure differs by more than 0.1 % (the project's bar against PostGIS geography).
Sends "Authorization: Bearer $TAPAK_TOKEN".
  bench-same-figures.py BASE_URL SITE_FILE PSQL_X_OUTPUT
"""
import json, os, re, sys, urllib.request

base, site_file, sql_out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
req = urllib.request.Request(base + "/api/checks", data=open(site_file, "rb").read(), method="POST",
                             headers={"Content-Type": "application/geo+json",
                                      "Authorization": "Bearer " + os.environ.get("TAPAK_TOKEN", "")})
report = json.load(urllib.request.urlopen(req))
finding = {f["rule"]: f for f in report["findings"]}
# psql -x prints "column | value" lines
sql = dict(re.findall(r"^(\w+)\s*\|\s*(\S+)", open(sql_out).read(), re.M))
ok = True
for what, tapak, column in (
        ("site", report["siteHa"], "site_ha"),
        ("outside the KPI", finding["kpi-allocation"].get("conflictHa", 0), "outside_kpi_ha"),
        ("settlements in the site", finding["settlement-distance"].get("conflictHa", 0), "settled_ha"),
        ("protected areas in the site", finding["protected-overlap"].get("measured", 0), "protected_ha")):
    s = float(sql[column])
    off = abs(tapak - s) / s if s else abs(tapak)
    ok = ok and (off <= 0.001 or abs(tapak - s) <= 0.0001)   # 0.1 %, or the report's rounding to 0.0001 ha
    print(f"same figures, {what}: Tapak {tapak} ha, SQL {s:.4f} ha" + (f" ({100 * off:.4f} % apart)" if s else ""))
sys.exit(0 if ok else 1)
