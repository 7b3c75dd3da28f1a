#!/usr/bin/env python3
"""Converts Natural Earth's land and country borders, as TopoJSON in the npm package
world-atlas 2, into the compact files the map is built from, data/world-110m.bin and
data/world-50m.bin, and the countries' outlines that tell whether a city lies in its
country, data/countries-50m.bin.

    npm pack world-atlas@2.0.2
    apt-get install iso-codes      # /usr/share/iso-codes: ISO 3166 numeric codes
    python3 tools/natural-earth.py world-atlas-2.0.2.tgz

Each file is "KPNE" and a version byte, then records: a kind byte (0 a ring of land,
closed; 1 a border between two countries, open), the number of points as a varint, then
the points as zigzag varints of longitude and latitude in hundredths of a degree, the first
absolute and each next one as the change from the one before. Points that fall on the same
hundredth as the one before are dropped.

data/countries-50m.bin is "KPNC" and a version byte, then a record per ring of every
country's polygons (outer rings and holes alike, closed): the country's ISO 3166-1 alpha-2
code (two ASCII bytes), then the points as above. world-atlas names a country by its ISO
3166-1 numeric code; the few areas it gives no code are written as the ISO country whose
territory they are (AREAS below), or left out.
"""

import json
import sys
import tarfile
from pathlib import Path


def varint(n, out):
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def zigzag(n):
    return (n << 1) if n >= 0 else ((-n << 1) - 1)


def decode_arcs(topology):
    """Every arc as a list of (lon, lat) in degrees (TopoJSON quantised, delta-coded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs, index):
    return arcs[index] if index >= 0 else list(reversed(arcs[~index]))


def ring(arcs, indices):
    points = []
    for i in indices:
        part = arc_points(arcs, i)
        points.extend(part if not points else part[1:])
    return points


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def quantised(points):
    out = []
    for lon, lat in points:
        q = (round(lon * 100), round(lat * 100))
        if not out or out[-1] != q:
            out.append(q)
    return out


def record(kind, points, out):
    points = quantised(points)
    if len(points) < 2:
        return
    out.append(kind)
    varint(len(points), out)
    last = (0, 0)
    for p in points:
        varint(zigzag(p[0] - last[0]), out)
        varint(zigzag(p[1] - last[1]), out)
        last = p
    return


def convert(topology):
    arcs = decode_arcs(topology)
    out = bytearray(b"KPNE\x01")
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for r in polygon:
                record(0, ring(arcs, r), out)
    # A border is an arc two different countries share (a coast belongs to one).
    users = {}
    for n, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        for polygon in polygons(geometry):
            for r in polygon:
                for i in r:
                    users.setdefault(i if i >= 0 else ~i, set()).add(n)
    for i in sorted(users):
        if len(users[i]) > 1:
            record(1, arcs[i], out)
    return bytes(out)


ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Areas world-atlas gives no ISO code, by its name: the ISO 3166 countries they lie in
# (Kosovo also under the code people use for it, XK).
AREAS = {
    "Somaliland": ["SO"],
    "N. Cyprus": ["CY"],
    "Kosovo": ["XK", "RS"],
    "Indian Ocean Ter.": ["CX", "CC"],
    "Siachen Glacier": [],
}


def country_outlines(topology):
    with open(ISO) as f:
        alpha2 = {c["numeric"]: c["alpha_2"] for c in json.load(f)["3166-1"]}
    arcs = decode_arcs(topology)
    out = bytearray(b"KPNC\x01")
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        codes = [alpha2[code]] if code else AREAS[geometry["properties"]["name"]]
        for code in codes:
            for polygon in polygons(geometry):
                for r in polygon:
                    points = quantised(ring(arcs, r))
                    if len(points) < 3:
                        continue
                    out.extend(code.encode("ascii"))
                    varint(len(points), out)
                    last = (0, 0)
                    for p in points:
                        varint(zigzag(p[0] - last[0]), out)
                        varint(zigzag(p[1] - last[1]), out)
                        last = p
    return bytes(out)


def main():
    package = Path(sys.argv[1])
    data = Path(__file__).resolve().parent.parent / "data"
    with tarfile.open(package) as tar:
        for scale in ("110m", "50m"):
            topology = json.load(tar.extractfile(f"package/countries-{scale}.json"))
            target = data / f"world-{scale}.bin"
            target.write_bytes(convert(topology))
            print(f"{target}: {target.stat().st_size} bytes")
            if scale == "50m":
                target = data / "countries-50m.bin"
                target.write_bytes(country_outlines(topology))
                print(f"{target}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
