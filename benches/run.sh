#!/usr/bin/env bash
# Times krakow-partners as whole processes, side by side with the tools a user would
# otherwise reach for, on the same generated files and the same four questions; prints
# the table of ratios (peer time ÷ ours) that benches/README.md reports.
#
#   bash benches/run.sh            # 10 000 and 1 000 000 rows
#   ROWS=200000 bash benches/run.sh
#   BEFORE=path/to/an/earlier/krakow-partners bash benches/run.sh   # a column for it too
#   PEERS="duckdb xan" bash benches/run.sh                          # only these peers
#
# Installs what is missing: hyperfine, jq and Miller from Debian's packages, xsv and xan
# from crates.io, DuckDB's Python package from PyPI. Generated data goes to target/bench
# and is never committed.
set -euo pipefail
cd "$(dirname "$0")/.."

large=${ROWS:-1000000}
small=10000
out=target/bench
mkdir -p "$out"

peers=${PEERS:-jq mlr xsv xan duckdb}
wanted() { [[ " $peers " == *" $1 "* ]]; }
have() { command -v "$1" >/dev/null 2>&1; }
apt_install() { if have apt-get; then apt-get install -y "$@" >/dev/null || sudo apt-get install -y "$@" >/dev/null; fi; }
have hyperfine || apt_install hyperfine
! wanted jq || have jq || apt_install jq
! wanted mlr || have mlr || apt_install miller
! wanted xsv || have xsv || cargo install xsv --locked
! wanted xan || have xan || cargo install xan --locked
! wanted duckdb || python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet duckdb

cargo build --release --locked --bin krakow-partners --examples
kp=target/release/krakow-partners
for n in "$small" "$large"; do
  [ -s "$out/cities-$n.csv" ] || target/release/examples/generate "$n" > "$out/cities-$n.csv"
done

versions() {
  echo "krakow-partners $($kp --version | cut -d' ' -f2)"
  hyperfine --version
  ! wanted jq || jq --version
  ! wanted mlr || mlr --version
  ! wanted xsv || echo "xsv $(xsv --version)"
  ! wanted xan || xan --version
  ! wanted duckdb || python3 -c 'import duckdb; print("duckdb", duckdb.__version__)'
  rustc --version
}
versions > "$out/versions.txt"

# Each question: a name, then "label<TAB>command" lines; ours first.
run() {
  local question=$1 file=$2; shift 2
  local args=()
  for entry in "$@"; do
    local name=${entry%%$'\t'*} command=${entry#*$'\t'}
    if [ "$name" = krakow-partners ] && [ -n "${BEFORE:-}" ]; then
      args+=(--command-name before "${command//$kp/$BEFORE}")
    fi
    [ "$name" = krakow-partners ] || wanted "$name" || continue
    args+=(--command-name "$name" "$command")
  done
  hyperfine --warmup "${WARMUP:-1}" --runs "${RUNS:-5}" --style basic --output pipe \
    --export-json "$out/$question-$(basename "$file" .csv).json" "${args[@]}"
}

for n in "$small" "$large"; do
  f="$out/cities-$n.csv"
  t=$'\t'
  run europe-json "$f" \
    "krakow-partners${t}$kp --data $f list --all --continent europe --format json" \
    "jq${t}jq -R -n -f benches/jq/europe.jq $f" \
    "mlr${t}mlr --icsv --ojson filter '\$continent == \"europe\"' $f" \
    "xan${t}xan search -s continent --exact europe $f | xan to json" \
    "duckdb${t}python3 benches/duck.py europe-json $f"
  run europe-csv "$f" \
    "krakow-partners${t}$kp --data $f list --all --continent europe --format csv" \
    "mlr${t}mlr --csv filter '\$continent == \"europe\"' $f" \
    "xsv${t}xsv search -s continent '^europe\$' $f" \
    "xan${t}xan search -s continent --exact europe $f" \
    "duckdb${t}python3 benches/duck.py europe-csv $f"
  run records "$f" \
    "krakow-partners${t}$kp --data $f records highest northernmost --all --format json" \
    "jq${t}jq -R -n -f benches/jq/records.jq $f" \
    "mlr${t}mlr --icsv --ojson top -f elevation_m -a $f && mlr --icsv --ojson top -f lat -a $f" \
    "xsv${t}xsv sort -s elevation_m -N -R $f | xsv slice -l 1 && xsv sort -s lat -N -R $f | xsv slice -l 1" \
    "xan${t}xan top -l 1 elevation_m $f && xan top -l 1 lat $f" \
    "duckdb${t}python3 benches/duck.py records $f"
  run counts "$f" \
    "krakow-partners${t}$kp --data $f stats --by country --all --format json" \
    "jq${t}jq -R -n -f benches/jq/counts.jq $f" \
    "mlr${t}mlr --icsv --ojson count -g country $f" \
    "xsv${t}xsv frequency -s country -l 0 $f" \
    "xan${t}xan frequency -s country -l 0 $f" \
    "duckdb${t}python3 benches/duck.py counts $f"
  run distance "$f" \
    "krakow-partners${t}$kp --data $f list --all --fields name,distance_km --format csv > /dev/null && $kp --data $f records nearest farthest --all --format json" \
    "jq${t}jq -R -n -f benches/jq/distance.jq $f" \
    "mlr${t}mlr --icsv --ocsv put -f benches/mlr-distance.mlr then cut -f name,distance_km $f > /dev/null && mlr --icsv --ojson put -f benches/mlr-distance.mlr then top -f distance_km -a then cut -f name,distance_km $f && mlr --icsv --ojson put -f benches/mlr-distance.mlr then top -f distance_km --min -a then cut -f name,distance_km $f" \
    "duckdb${t}python3 benches/duck.py distance-all $f > /dev/null && python3 benches/duck.py distance $f"
done

# Floors: start-up of a hello-world built the same way, and the csv crate alone.
hyperfine --warmup 3 --runs 30 --style basic --output pipe --export-json "$out/startup.json" \
  --command-name hello target/release/examples/hello \
  --command-name "krakow-partners records" "$kp records --format json"
hyperfine --warmup 1 --runs "${RUNS:-5}" --style basic --output pipe --export-json "$out/floor.json" \
  --command-name "csv crate into structs" "target/release/examples/csv_baseline $out/cities-$large.csv" \
  --command-name "krakow-partners validate" "$kp validate $out/cities-$large.csv"

# Peak memory against the input's size: every question in every format it answers in, and
# every city at once.
memory() {
  /usr/bin/time -f "%M" -o "$out/rss.txt" $kp --data "$out/cities-$large.csv" "$@" > /dev/null || true
  echo "$*	$(cat "$out/rss.txt")	$(stat -c %s "$out/cities-$large.csv")"
}
{
  memory validate
  for format in json ndjson csv tsv geojson; do
    memory list --all --continent europe --format $format
    memory records highest northernmost --all --format $format
    memory list --all --fields name,distance_km --format $format
    memory records nearest farthest --all --format $format
    memory list --all --format $format
  done
  for format in json ndjson csv tsv; do
    memory stats --by country --all --format $format
  done
} > "$out/memory.tsv"

python3 benches/summarize.py "$out" "$small" "$large"
