#!/usr/bin/env bash
# Draws the maps the README shows as PNGs under docs/, with the tool's own renderer.
#
#   bash tools/render-maps.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --release -q
bin=target/release/krakow-partners

draw() {
    local name=$1
    shift
    "$bin" map "$@" -o "docs/map-$name.png"
    echo "docs/map-$name.png"
}

draw world
draw 2022 --all --as-of 2022-01-01
draw europe --continent europe
draw germany --country DE
draw polish --names pl
