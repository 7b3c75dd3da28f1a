"""The benchmark questions in DuckDB (its Python package), for benches/run.sh.
Usage: python3 benches/duck.py QUESTION FILE   (QUESTION: europe-json europe-csv
europe-json-raw records counts distance distance-all).

Europe as JSON and as CSV are the same answer krakow-partners gives: the same columns
(computed ones too), lists as arrays in JSON and `;`-joined in CSV, in the order of names
without case or accents. europe-json-raw is the file's own columns as they are, in no
order: a lighter answer, kept to compare with earlier rounds."""
import sys

import duckdb

question, path = sys.argv[1], sys.argv[2]
table = f"read_csv('{path}', header=true, all_varchar=false)"
# Haversine on the mean radius (DuckDB has no ellipsoidal geodesic without extensions).
distance = (
    "2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - 50.0617) / 2), 2) + "
    "cos(radians(50.0617)) * cos(radians(lat)) * pow(sin(radians(lon - 19.9373) / 2), 2)))"
)
# Aliases and sources: items trimmed, empty ones left out, as the tool reads lists.
items = lambda column: (
    f"list_filter(list_transform(string_split(coalesce({column}, ''), ';'), lambda x: trim(x)), "
    "lambda x: x <> '')"
)
# The tool's order: names folded (no case, no accents), then as written.
order = "ORDER BY lower(strip_accents(name)), name"
# The tool's columns for a list, computed ones last.
columns = lambda aliases, sources, extra: (
    f"name, name_pl, name_local, {aliases} AS aliases, country, country_code, continent, capital, "
    "agreement, signed, status, status_since, NULL AS first_attested, NULL AS last_attested, lat, lon, "
    f"population, population_year, area_km2, elevation_m, {sources} AS sources, notes, "
    f"round({distance}, 1) AS distance_km{extra}"
)
json_columns = columns(items("aliases"), items("sources"), ", round(population / area_km2, 1) AS density_per_km2")
csv_columns = columns(
    f"array_to_string({items('aliases')}, ';')", f"array_to_string({items('sources')}, ';')", ""
)
sql = {
    "europe-json": f"COPY (SELECT {json_columns} FROM {table} WHERE continent = 'europe' {order}) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "europe-csv": f"COPY (SELECT {csv_columns} FROM {table} WHERE continent = 'europe' {order}) TO '/dev/stdout' (FORMAT csv, HEADER true)",
    "europe-json-raw": f"COPY (SELECT * FROM {table} WHERE continent = 'europe') TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "records": f"COPY (SELECT 'highest' AS record, arg_max(name, elevation_m) AS name, max(elevation_m) AS value FROM {table} "
    f"UNION ALL SELECT 'northernmost', arg_max(name, lat), max(lat) FROM {table}) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "counts": f"COPY (SELECT country, count(*) AS count FROM {table} GROUP BY country ORDER BY count DESC) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "distance": f"COPY (WITH d AS (SELECT name, {distance} AS distance_km FROM {table}) "
    "SELECT 'nearest' AS record, arg_min(name, distance_km) AS name, min(distance_km) AS value FROM d "
    "UNION ALL SELECT 'farthest', arg_max(name, distance_km), max(distance_km) FROM d) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "distance-all": f"COPY (SELECT name, {distance} AS distance_km FROM {table}) TO '/dev/stdout' (FORMAT csv, HEADER true)",
}[question]
duckdb.sql(sql)
