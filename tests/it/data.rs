//! The bundled data: every row has a source and every value a file of one's own may
//! leave out, every source is a canonical URL (no copies, proxies, query-string mirrors,
//! edit forms, trailing-dot hosts or mojibake), and every row is attested.

use crate::common::*;

/// The bundled cities as JSON, every status.
fn cities() -> Vec<serde_json::Value> {
    json(&["list", "--all"])
}

/// `%XX` escapes decoded; `None` where an escape is broken or the bytes are not UTF-8.
fn percent_decoded(url: &str) -> Option<String> {
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// What is wrong with a source URL, if anything.
fn fault(url: &str) -> Option<&'static str> {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return Some("not http(s)");
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let Some(decoded) = percent_decoded(url) else {
        return Some("not valid percent-encoded UTF-8");
    };
    // UTF-8 read as Latin-1 and encoded again: "Å¡" for "š", "Ã©" for "é".
    let mojibake = decoded
        .chars()
        .zip(decoded.chars().skip(1))
        .any(|(a, b)| matches!(a, 'Ã' | 'Å' | 'Ä' | 'Ð') && ('\u{80}'..='\u{bf}').contains(&b));
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let empty_parameter = query.split('&').any(|p| p.ends_with('='));
    let tracking = query
        .split('&')
        .any(|p| p.starts_with("utm_") || p.starts_with("set_language="));
    if host.ends_with('.') {
        Some("host ends with a dot")
    } else if host == "web.archive.org" && !path.contains("/http://") && !path.contains("/https://")
    {
        Some("a Wayback link whose inner URL is not written http:// or https://")
    } else if path.contains("/amp/") || path.contains("ampnewsdetail") {
        Some("an AMP page, not the canonical article")
    } else if query.starts_with("tag=") || path.contains(",kategoria,") {
        Some("a tag or category listing, not the page it lists")
    } else if empty_parameter {
        Some("an empty query parameter")
    } else if tracking {
        Some("a tracking or language-switch parameter")
    } else if mojibake {
        Some("mojibake")
    } else if path.contains("view_html.php") || path.contains("action=edit") {
        Some("a query-string mirror or an edit form")
    } else if host.ends_with("wikipedia.org") {
        let lang = host.strip_suffix(".wikipedia.org").unwrap_or("");
        let canonical = !lang.is_empty()
            && lang.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && path.starts_with("wiki/")
            && !path.contains(['?', '#']);
        (!canonical).then_some("not a canonical https://<lang>.wikipedia.org/wiki/<Title> URL")
    } else if path.contains("wiki/") && !host.ends_with(".wikimedia.org") {
        Some("a copy of a wiki article on another host")
    } else {
        None
    }
}

#[test]
fn every_row_has_a_source_and_what_places_the_partnership() {
    // A file of one's own needs only a name, a country and coordinates; the built-in
    // data gives these for every city too.
    for city in cities() {
        for key in ["country", "country_code", "continent", "capital", "status"] {
            assert!(!city[key].is_null(), "{}: {key}", city["name"]);
        }
        // The kind of agreement is left empty only where no founding document was
        // found, and the notes say so.
        if city["agreement"].is_null() {
            let notes = city["notes"].as_str().unwrap_or_default();
            assert!(
                notes.contains("no founding document"),
                "{}: {notes}",
                city["name"]
            );
        }
        let sources = city["sources"].as_array();
        assert!(sources.is_some_and(|s| !s.is_empty()), "{}", city["name"]);
    }
}

#[test]
fn every_source_is_canonical() {
    let mut faults = Vec::new();
    for city in cities() {
        for source in city["sources"].as_array().unwrap() {
            let url = source.as_str().unwrap();
            if let Some(why) = fault(url) {
                faults.push(format!("{}: {url}: {why}", city["name"]));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_source_check_finds_what_it_looks_for() {
    for (url, expected) in [
        ("https://en.m.wikipedia.org/wiki/Kyiv", "canonical"),
        (
            "https://en.wikipedia.org/w/index.php?title=Kyiv",
            "canonical",
        ),
        ("https://www.search.com.vn/wiki/ast/Burdeos", "copy"),
        ("http://easychat.me/view_html.php?sq=x&q=Budapest", "mirror"),
        (
            "http://reiseweltatlas.de/Ko%C3%85%C2%A1ice.html",
            "mojibake",
        ),
        ("https://www.krakow.pl./miasto", "dot"),
        ("https://en.wikipedia.org/wiki/Ko%C5", "percent"),
        (
            "http://web.archive.org/web/20071222234620/http:/www.krakow.pl/miasto/",
            "Wayback",
        ),
        ("https://regionews.eu/ampnewsdetail/Krakau-629075", "AMP"),
        ("http://slovensko.eu5.org/?tag=bratislava", "listing"),
        (
            "https://www.krakow.pl/krakau_weltoffene_stadt/aktuelles/1584,361,0,kategoria,aktuelles.html",
            "listing",
        ),
        (
            "http://x.example/welcome.php?info_id=2&sq=&date_to=",
            "empty",
        ),
        (
            "https://www.ostrava.cz/en/o-meste?set_language=en",
            "language",
        ),
        ("https://example.org/news?utm_source=x", "tracking"),
    ] {
        let found = fault(url).unwrap_or("nothing");
        assert!(found.contains(expected), "{url}: {found}");
    }
    assert_eq!(fault("https://en.wikipedia.org/wiki/Ko%C5%A1ice"), None);
    assert_eq!(fault("https://www.krakow.pl/get_html.php?dok_id=1"), None);
    assert_eq!(
        fault("http://web.archive.org/web/20071222234620/http://www.krakow.pl/miasto/"),
        None
    );
}

#[test]
fn every_row_is_attested_in_order() {
    for city in cities() {
        let first = city["first_attested"].as_str();
        let last = city["last_attested"].as_str();
        assert!(first.is_some() && last.is_some(), "{}", city["name"]);
        assert!(first <= last, "{}", city["name"]);
    }
}

#[test]
fn an_attestation_out_of_order_is_refused() {
    let file = data_file_with(
        "name,country,country_code,continent,capital,agreement,status,first_attested,last_attested,lat,lon,sources",
        "Testville,Testland,TL,europe,false,none,active,2020,2019-05,50,20,https://example.org/",
    );
    let err = fails(&["--data", file.path().to_str().unwrap(), "list"], 1);
    assert!(
        err.contains(
            ":2: last_attested: 2019-05 is before the partnership was first attested (2020)"
        ),
        "{err}"
    );
}

#[test]
fn as_of_counts_from_the_first_attestation_when_the_signing_is_unknown() {
    let file = data_file_with(
        "name,country,country_code,continent,capital,agreement,status,first_attested,lat,lon,sources",
        "Testville,Testland,QT,europe,false,none,active,2010-06,50,20,https://example.org/\n\
         Undated,Testland,QT,europe,false,none,active,,51,21,https://example.org/",
    );
    let path = file.path().to_str().unwrap();
    assert!(json(&["--data", path, "list", "--as-of", "2009"]).is_empty());
    let out = bin()
        .args(["--data", path, "list", "--as-of", "2011", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(names(&listed), ["Testville"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "krakow-partners: 1 partnership left out of --as-of: no date says since when \
         (neither signed nor first_attested)\n"
    );
    assert_eq!(
        names(&json(&["--data", path, "list"])),
        ["Testville", "Undated"]
    );
}

#[test]
fn attested_since_keeps_the_recently_confirmed() {
    let recent = json(&["list", "--attested-since", "2024-06"]);
    assert!(!recent.is_empty());
    for city in &recent {
        let last = city["last_attested"].as_str().unwrap();
        assert!(last >= "2024-06", "{}: {last}", city["name"]);
    }
    let all = json(&["list"]);
    let older = all
        .iter()
        .filter(|c| c["last_attested"].as_str().is_some_and(|d| d < "2024-06"))
        .count();
    assert_eq!(recent.len() + older, all.len());
}

/// One city as `show` writes it in JSON.
fn shown(name: &str) -> serde_json::Value {
    serde_json::from_str(&stdout(&["show", name, "--format", "json"])).unwrap()
}

/// The day the built-in data reflects, as `--version` says it.
fn data_as_of() -> String {
    let version = stdout(&["--version"]);
    let (_, rest) = version.split_once("data as of ").unwrap();
    rest.trim_end().trim_end_matches(')').to_string()
}

#[test]
fn partnerships_not_shown_in_force_for_fifteen_years_are_unconfirmed() {
    // data/SOURCES.md's rule for old evidence, applied to every row alike.
    let as_of = data_as_of();
    let year: i32 = as_of[..4].parse().unwrap();
    let limit = format!("{}{}", year - 15, &as_of[4..]);
    for city in cities() {
        let last = city["last_attested"].as_str().unwrap();
        let status = city["status"].as_str().unwrap();
        if status == "active" || status == "unconfirmed" {
            assert_eq!(
                status == "unconfirmed",
                last < limit.as_str(),
                "{}: {status}, last attested {last}",
                city["name"]
            );
        }
        if status == "unconfirmed" {
            assert!(city["status_since"].is_null(), "{}", city["name"]);
        }
    }
}

#[test]
fn leuven_seville_and_veliko_tarnovo_are_kept_unconfirmed_and_not_counted_as_active() {
    let unconfirmed = ["Leuven", "Seville", "Veliko Tarnovo"];
    assert_eq!(
        names(&json(&["list", "--status", "unconfirmed"])),
        unconfirmed
    );
    let default = names(&json(&["list"]));
    let all = names(&json(&["list", "--all"]));
    for name in unconfirmed {
        assert!(!default.iter().any(|n| n == name), "{name} in {default:?}");
        assert!(all.iter().any(|n| n == name), "{name} not in {all:?}");
    }
    // On a day their sources cover they were in force; after it, not counted.
    let then = json(&["list", "--as-of", "2007-12-22", "--search", "tarnovo"]);
    assert_eq!(then.len(), 1);
    assert_eq!(then[0]["status"], "active");
    assert!(json(&["list", "--as-of", "2008", "--search", "tarnovo"]).is_empty());
    let later = json(&["list", "--all", "--as-of", "2008", "--search", "tarnovo"]);
    assert_eq!(later[0]["status"], "unconfirmed");
    let card = stdout(&["show", "seville", "--format", "table"]);
    assert!(
        card.contains("unconfirmed, last source 2007-12-22"),
        "{card}"
    );
    // Leuven and Seville are on the City's 2007 list, their attestation.
    for name in ["leuven", "seville"] {
        let city = &shown(name);
        assert_eq!(city["first_attested"], "2007-12-22", "{name}");
        assert!(city["signed"].is_null(), "{name}");
    }
}

#[test]
fn the_audits_corrections_hold() {
    let tbilisi = shown("tbilisi");
    assert_eq!(tbilisi["first_attested"], "2009-10");
    assert!(tbilisi["agreement"].is_null());
    let tbilisoba = "http://krakow.pl/otwarty_na_swiat/4456,artykul,tbilisoba_2009___swieto_miasta_tbilisi_i_rozmowy_o_wspolpracy.html";
    assert!(
        tbilisi["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == tbilisoba)
    );
    assert!(shown("nanjing")["agreement"].is_null());
    for name in ["veliko tarnovo", "bratislava"] {
        assert!(shown(name)["elevation_m"].is_null(), "{name}");
    }
    assert!(
        shown("gothenburg")["notes"]
            .as_str()
            .unwrap()
            .contains("vilande")
    );
    let moscow = shown("moscow");
    assert_eq!(moscow["status"], "ended");
    assert_eq!(moscow["status_since"], "2022-03-02");
}

/// The fields that take sources (every stored value but the names, sources and notes),
/// and the standards a country code and a continent may cite instead.
const EVIDENCED: [&str; 16] = [
    "country",
    "country_code",
    "continent",
    "capital",
    "agreement",
    "signed",
    "status",
    "status_since",
    "first_attested",
    "last_attested",
    "lat",
    "lon",
    "population",
    "population_year",
    "area_km2",
    "elevation_m",
];
const STANDARDS: [(&str, &str); 2] = [
    (
        "country_code",
        "https://www.iso.org/iso-3166-country-codes.html",
    ),
    ("continent", "https://unstats.un.org/unsd/methodology/m49/"),
];

#[test]
fn every_bundled_value_has_a_source_that_is_in_its_rows_sources() {
    let mut faults = Vec::new();
    for city in cities() {
        let name = city["name"].as_str().unwrap();
        let sources: Vec<&str> = city["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        for field in EVIDENCED {
            let cited = city["provenance"][field].as_array();
            match (city[field].is_null(), cited) {
                (true, None) => {}
                (true, Some(_)) => faults.push(format!("{name} {field}: cited, but empty")),
                (false, None) => faults.push(format!("{name} {field}: no source")),
                (false, Some(urls)) => {
                    for url in urls.iter().map(|u| u.as_str().unwrap()) {
                        if !sources.contains(&url) && !STANDARDS.contains(&(field, url)) {
                            faults.push(format!("{name} {field}: {url} is not in its sources"));
                        }
                    }
                }
            }
        }
        // Each source's passage, and the day it was read.
        let rows: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&["show", name, "--all", "--sources", "--json"])).unwrap();
        for row in rows.iter().filter(|r| !r["url"].is_null()) {
            let (field, url) = (row["field"].as_str().unwrap(), row["url"].as_str().unwrap());
            let standard = STANDARDS.contains(&(field, url));
            if row["quote"].is_null() != standard {
                faults.push(format!("{name} {field} {url}: a quote, unless a standard"));
            }
            if row["read"].is_null() {
                faults.push(format!("{name} {field} {url}: no day read"));
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}
