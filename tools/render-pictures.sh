#!/usr/bin/env bash
# Draws the pictures the README shows under docs/ with the tool itself: the maps and
# the timeline chart as PNGs, and the atlas page of the built-in data.
#
#   bash tools/render-pictures.sh
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

"$bin" timeline --by decade --all -o docs/timeline.png
echo docs/timeline.png
"$bin" stats --by agreement -o docs/stats-agreement.png
echo docs/stats-agreement.png
"$bin" atlas --all -o docs/atlas.html
echo docs/atlas.html
