#!/usr/bin/env python3
"""Converts Natural Earth's 1:110m land, as TopoJSON from the npm package world-atlas
(land-110m.json), into data/land-110m.txt: one ring of "lon,lat" points per line, two
decimals. Run once: python3 tools/land_from_topojson.py path/to/land-110m.json > data/land-110m.txt
"""
import json
import sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]

arcs = []
for arc in topo["arcs"]:
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append((x * sx + tx, y * sy + ty))
    arcs.append(points)


def ring(indices):
    points = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


print("# Land outlines: Natural Earth 1:110m land (public domain, naturalearthdata.com),")
print("# from the npm package world-atlas 2.0.2 (land-110m.json, ISC licence, Mike Bostock).")
print("# One ring per line: lon,lat pairs in degrees, separated by spaces.")
for geometry in topo["objects"]["land"]["geometries"]:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    for polygon in polygons:
        for indices in polygon:
            pts = ring(indices)
            out, last = [], None
            for lon, lat in pts:
                p = f"{lon:.2f},{lat:.2f}"
                if p != last:
                    out.append(p)
                last = p
            if len(out) >= 4:
                print(" ".join(out))
