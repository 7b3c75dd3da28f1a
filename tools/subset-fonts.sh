#!/usr/bin/env bash
# Makes data/fonts/DejaVuSans*.ttf, the fonts bundled for map -o map.png: Debian's
# DejaVu Sans (fonts-dejavu-core) cut to the scripts a city's name may be in (Latin,
# Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian) and the punctuation and symbols
# a map shows, without hinting (resvg does not use it). Names in other scripts are drawn
# in English. Needs fonttools (pip install fonttools).
#
#   bash tools/subset-fonts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core
fi

ranges="U+0020-007E,U+00A0-036F,U+0370-03FF,U+0400-052F,U+0530-058F,U+0590-05FF"
ranges+=",U+0600-06FF,U+0750-077F,U+10A0-10FF,U+1C80-1C8F,U+1E00-1FFF,U+2000-20CF"
ranges+=",U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2C60-2C7F,U+2DE0-2DFF"
ranges+=",U+A640-A69F,U+A720-A7FF,U+FB00-FDFF,U+FE70-FEFF,U+FFFD"

for font in DejaVuSans DejaVuSans-Bold; do
    pyftsubset "/usr/share/fonts/truetype/dejavu/$font.ttf" --unicodes="$ranges" \
        --layout-features='*' --no-hinting --name-IDs='*' --name-languages='*' \
        --notdef-outline --output-file="data/fonts/$font.ttf"
    echo "data/fonts/$font.ttf"
done
