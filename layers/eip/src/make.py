#!/usr/bin/env python3
"""Writes src/pilots.geojson: each pilot estate as a SCHEMATIC 12-gon of its published hectares around its
approximate location. The circumradius R of a regular 12-gon of area A is sqrt(A / (6 sin(pi/6))) = sqrt(A / 3);
vertices are placed with the WGS84 meridian and prime-vertical radii at the centre's latitude (error << 0.1 %
at these sizes; Tapak measures the result geodesically anyway)."""
import csv, json, math, os
HERE = os.path.dirname(os.path.abspath(__file__))
A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)
feats = []
for r in csv.DictReader(open(os.path.join(HERE, "pilots.csv"), encoding="utf-8")):
    lon, lat, ha = float(r["lon"]), float(r["lat"]), float(r["luas_ha"])
    radius = math.sqrt(ha * 10000 / 3)
    phi = math.radians(lat)
    w = math.sqrt(1 - E2 * math.sin(phi) ** 2)
    m, n = A * (1 - E2) / w ** 3, A / w
    ring = []
    for k in range(12):
        t = 2 * math.pi * k / 12
        ring.append([round(lon + math.degrees(radius * math.sin(t) / (n * math.cos(phi))), 7),
                     round(lat + math.degrees(radius * math.cos(t) / m), 7)])
    ring.append(ring[0])
    props = {k: r[k] for k in ("id", "nama", "operator", "kabkota", "kode_kabkota", "program", "catatan")}
    props.update(luas_ha=ha, status="operating", geometry_quality="schematic",
                 sumber="luas: " + r["sumber_luas"] + "; lokasi: " + r["sumber_lokasi"])
    feats.append({"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}})
json.dump({"type": "FeatureCollection", "features": feats}, open(os.path.join(HERE, "pilots.geojson"), "w"),
          ensure_ascii=False, indent=1)
