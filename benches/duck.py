"""The four benchmark questions in DuckDB (its Python package), for benches/run.sh.
Usage: python3 benches/duck.py QUESTION FILE   (QUESTION: europe-json europe-csv
records counts distance)."""
import sys

import duckdb

question, path = sys.argv[1], sys.argv[2]
table = f"read_csv('{path}', header=true, all_varchar=false)"
# Haversine on the mean radius (DuckDB has no ellipsoidal geodesic without extensions).
distance = (
    "2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat - 50.0617) / 2), 2) + "
    "cos(radians(50.0617)) * cos(radians(lat)) * pow(sin(radians(lon - 19.9373) / 2), 2)))"
)
sql = {
    "europe-json": f"COPY (SELECT * FROM {table} WHERE continent = 'europe') TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "europe-csv": f"COPY (SELECT * FROM {table} WHERE continent = 'europe') TO '/dev/stdout' (FORMAT csv, HEADER true)",
    "records": f"COPY (SELECT 'highest' AS record, arg_max(name, elevation_m) AS name, max(elevation_m) AS value FROM {table} "
    f"UNION ALL SELECT 'northernmost', arg_max(name, lat), max(lat) FROM {table}) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "counts": f"COPY (SELECT country, count(*) AS count FROM {table} GROUP BY country ORDER BY count DESC) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "distance": f"COPY (WITH d AS (SELECT name, {distance} AS distance_km FROM {table}) "
    "SELECT 'nearest' AS record, arg_min(name, distance_km) AS name, min(distance_km) AS value FROM d "
    "UNION ALL SELECT 'farthest', arg_max(name, distance_km), max(distance_km) FROM d) TO '/dev/stdout' (FORMAT json, ARRAY true)",
    "distance-all": f"COPY (SELECT name, {distance} AS distance_km FROM {table}) TO '/dev/stdout' (FORMAT csv, HEADER true)",
}[question]
duckdb.sql(sql)
