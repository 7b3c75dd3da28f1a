#!/usr/bin/env bash
# Draws the maps the README shows, docs/map-*.svg, and turns each into a PNG beside it.
#
#   bash tools/render-maps.sh
#
# Needs rsvg-convert (Debian's librsvg2-bin); installs it where it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends librsvg2-bin
fi

cargo build --locked --release -q
bin=target/release/krakow-partners

draw() {
    local name=$1
    shift
    "$bin" map "$@" -o "docs/map-$name.svg"
    rsvg-convert "docs/map-$name.svg" -o "docs/map-$name.png"
    rm "docs/map-$name.svg"
    echo "docs/map-$name.png"
}

draw world
draw 2022 --all --as-of 2022-01-01
draw europe --continent europe
draw germany --country DE
draw polish --names pl
