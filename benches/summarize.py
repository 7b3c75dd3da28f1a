"""Turns benches/run.sh's hyperfine exports into the markdown tables of benches/README.md:
each peer's mean time divided by ours (above 1: we are faster)."""
import json
import sys
from pathlib import Path

out, small, large = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
questions = [
    ("europe-json", "(1) Europe as JSON"),
    ("europe-csv", "(1) Europe as CSV"),
    ("records", "(2) highest and northernmost"),
    ("counts", "(3) counts by country"),
    ("distance", "(4) distance for every row, nearest and farthest"),
]
peers = ["before", "jq", "mlr", "xsv", "xan", "duckdb"]


def means(path):
    results = json.loads(path.read_text())["results"]
    return {r["command"]: r["mean"] for r in results}


for rows in (small, large):
    print(f"\n#### {int(rows):,} rows\n")
    print("| question | krakow-partners | " + " | ".join(peers) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in peers) + " |")
    for key, label in questions:
        path = out / f"{key}-cities-{rows}.json"
        if not path.exists():
            continue
        m = means(path)
        ours = m["krakow-partners"]
        cells = [f"{m[p] / ours:.2f}×" if p in m else "—" for p in peers]
        print(f"| {label} | {ours * 1000:.0f} ms | " + " | ".join(cells) + " |")

startup = means(out / "startup.json")
print(f"\nStart-up: hello-world {startup['hello'] * 1000:.2f} ms, "
      f"`records` on the bundled data {startup['krakow-partners records'] * 1000:.2f} ms "
      f"({startup['krakow-partners records'] / startup['hello']:.2f}× hello-world).")
floor = means(out / "floor.json")
print(f"Validating {int(large):,} rows: {floor['krakow-partners validate']:.2f} s; the csv crate "
      f"alone into structs: {floor['csv crate into structs']:.2f} s "
      f"({floor['krakow-partners validate'] / floor['csv crate into structs']:.2f}×).")
for key, _ in questions:
    a, b = out / f"{key}-cities-{small}.json", out / f"{key}-cities-{large}.json"
    if a.exists() and b.exists():
        ratio = means(b)["krakow-partners"] / means(a)["krakow-partners"]
        print(f"Linearity, {key}: {int(small):,} → {int(large):,} rows costs {ratio:.0f}×.")
print("\n| command (1 000 000 rows) | peak memory | × the input |\n| --- | --- | --- |")
for line in (out / "memory.tsv").read_text().splitlines():
    cmd, rss_kb, size = line.split("\t")
    print(f"| `{cmd}` | {int(rss_kb) / 1024:.0f} MiB | {int(rss_kb) * 1024 / int(size):.2f}× |")
