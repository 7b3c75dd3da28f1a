//! `stats`: counts by every grouping, largest first, and each group's cities by name,
//! whatever order the file has them in and however many parts it is read in.

use crate::common::*;

#[test]
fn stats_by_country_puts_germany_first_with_three() {
    let groups = json(&["stats", "--by", "country"]);
    assert_eq!(groups[0]["group"], "Germany");
    assert_eq!(groups[0]["count"], 3);
    assert_eq!(
        groups[0]["cities"],
        serde_json::json!(["Frankfurt am Main", "Leipzig", "Nuremberg"])
    );
    let counts: Vec<u64> = groups
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "largest first");
    let total: u64 = counts.iter().sum();
    assert_eq!(usize::try_from(total).unwrap(), json(&["list"]).len());
}

#[test]
fn stats_by_continent_as_of_the_seed_page() {
    let groups = json(&["stats", "--by", "continent", "--as-of", "2022-03-15"]);
    let find = |name: &str| groups.iter().find(|g| g["group"] == name).unwrap().clone();
    assert_eq!(groups[0]["group"], "europe");
    assert_eq!(find("north-america")["count"], 2);
    assert_eq!(find("south-america")["count"], 4);
    assert_eq!(find("asia")["count"], 2);
    assert_eq!(find("africa")["cities"], serde_json::json!(["Fes"]));
}

#[test]
fn stats_by_every_grouping() {
    for by in ["agreement", "status", "capital", "decade"] {
        let groups = json(&["stats", "--by", by, "--all"]);
        let total: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
        assert_eq!(
            usize::try_from(total).unwrap(),
            json(&["list", "--all"]).len(),
            "{by}"
        );
    }
    let status = json(&["stats", "--by", "status", "--all"]);
    assert!(status.iter().any(|g| g["group"] == "ended"));
    let capital = json(&["stats", "--by", "capital", "--as-of", "2022-03-15"]);
    let capitals = capital.iter().find(|g| g["group"] == "capital").unwrap();
    assert_eq!(capitals["count"], 9);
    let decades = json(&["stats", "--by", "decade"]);
    assert!(decades.iter().any(|g| g["group"] == "1970s"));
    // Decades in time order, the unknown last.
    let labels: Vec<&str> = decades
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    let mut in_order = labels.clone();
    in_order.sort_by_key(|l| (*l == "unknown", *l));
    assert_eq!(labels, in_order);
    assert_eq!(labels.last(), Some(&"unknown"));
    let err = fails(&["stats", "--by", "contnent"], 2);
    assert!(err.contains("continent"), "{err}");
}

#[test]
fn stats_in_table_and_tsv() {
    let table = stdout(&["stats", "--by", "country", "--format", "table"]);
    assert!(table.contains("Germany"), "{table}");
    assert!(table.contains("Count"));
    let tsv = stdout(&["stats", "--by", "country"]);
    assert!(tsv.starts_with("group\tcount\tcities\n"), "{tsv}");
    assert!(tsv.contains("Germany\t3\tFrankfurt am Main;Leipzig;Nuremberg\n"));
}

fn row(name: &str) -> String {
    let page = name.replace(' ', "_");
    format!(
        "{name},,,,Poland,PL,europe,false,partnership,2001,active,,,,50.1,19.9,,,,,https://example.org/{page},A note long enough to make a file of many megabytes from a few rows."
    )
}

fn groups(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unsorted.csv");
    std::fs::write(&path, text).unwrap();
    let out = bin()
        .args([
            "--data",
            path.to_str().unwrap(),
            "stats",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

#[test]
fn a_small_file_out_of_order() {
    let text = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        row("Zebra"),
        row("Mango"),
        row("Apple")
    );
    let groups = groups(&text);
    assert_eq!(groups[0]["group"], "europe");
    assert_eq!(
        groups[0]["cities"],
        serde_json::json!(["Apple", "Mango", "Zebra"])
    );
}

#[test]
fn a_file_read_in_several_parts_out_of_order() {
    // Over 8 MB, so the file is read in parts (one per core, at least two); the names
    // run backwards, so every part holds them out of order.
    let count = 60_000;
    let names: Vec<String> = (0..count).rev().map(|n| format!("Town {n:05}")).collect();
    let rows: Vec<String> = names.iter().map(|n| row(n)).collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    assert!(text.len() > 8 << 20, "{} bytes", text.len());
    let groups = groups(&text);
    let cities: Vec<&str> = groups[0]["cities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(cities.len(), count);
    assert!(
        cities.iter().zip(&sorted).all(|(a, b)| a == b),
        "not by name"
    );
}

/// The group `by` puts a city of `list`'s JSON in, worked out here.
fn group_of(city: &serde_json::Value, by: &str) -> String {
    let text = |key: &str| city[key].as_str().unwrap_or("unknown").to_string();
    match by {
        "continent" | "agreement" | "status" => text(by),
        "capital" => match city["capital"].as_bool() {
            Some(true) => "capital".into(),
            Some(false) => "not capital".into(),
            None => "unknown".into(),
        },
        "decade" => city["signed"].as_str().map_or("unknown".into(), |d| {
            let year: i32 = d[..4].parse().unwrap();
            format!("{}s", year - year % 10)
        }),
        _ => "all".into(),
    }
}

/// Rounded to two places, as the summary's computed numbers are.
fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Two numbers rounded to cents are the same but for how a half cent fell.
fn close(a: &serde_json::Value, b: f64, what: &str) {
    let a = a.as_f64().unwrap_or_else(|| panic!("{what}: {a}"));
    assert!((a - b).abs() <= 0.0101, "{what}: {a} and {b}");
}

/// Checks `stats --by by --of of` against the cities' own values from `list`'s JSON.
fn check_summary(data: &[&str], by: &str, of: &str) {
    let mut args = data.to_vec();
    args.extend(["stats", "--all", "--by", by, "--of", of]);
    let groups = json(&args);
    let mut args = data.to_vec();
    args.extend(["list", "--all"]);
    let cities = json(&args);
    let mut counted = 0;
    for g in &groups {
        let name = g["group"].as_str().unwrap();
        let members: Vec<&serde_json::Value> =
            cities.iter().filter(|c| group_of(c, by) == name).collect();
        let what = format!("--by {by} --of {of}, {name}");
        assert_eq!(g["count"], members.len(), "{what}");
        counted += members.len();
        let known: Vec<(f64, &str)> = members
            .iter()
            .filter_map(|c| Some((c[of].as_f64()?, c["name"].as_str().unwrap())))
            .collect();
        assert_eq!(g["known"], known.len(), "{what}");
        if known.is_empty() {
            for key in [
                "sum",
                "mean",
                "median",
                "min",
                "max",
                "min_cities",
                "max_cities",
            ] {
                assert!(g[key].is_null(), "{what}: {key} {}", g[key]);
            }
            continue;
        }
        let sum: f64 = known.iter().map(|(x, _)| x).sum();
        close(&g["sum"], cents(sum), &format!("{what}: sum"));
        close(
            &g["mean"],
            cents(sum / known.len() as f64),
            &format!("{what}: mean"),
        );
        let mut values: Vec<f64> = known.iter().map(|(x, _)| *x).collect();
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = match n % 2 {
            1 => values[n / 2],
            _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
        };
        close(&g["median"], cents(median), &format!("{what}: median"));
        for (key, cities_key, extreme) in [
            ("min", "min_cities", values[0]),
            ("max", "max_cities", values[n - 1]),
        ] {
            assert_eq!(g[key].as_f64(), Some(extreme), "{what}: {key}");
            let mut at: Vec<&str> = known
                .iter()
                .filter(|(x, _)| *x == extreme)
                .map(|(_, name)| *name)
                .collect();
            at.sort_by_key(|n| krakow_partners::fold(n));
            assert_eq!(g[cities_key], serde_json::json!(at), "{what}: {cities_key}");
        }
    }
    assert_eq!(counted, cities.len(), "--by {by}: every city in a group");
}

#[test]
fn of_sums_up_each_group_as_the_cities_own_values_do() {
    for by in ["continent", "agreement", "capital", "decade", "all"] {
        for of in [
            "population",
            "distance_km",
            "elevation_m",
            "area_km2",
            "density",
        ] {
            let of = match of {
                "density" => "density_per_km2",
                of => of,
            };
            check_summary(&[], by, of);
        }
    }
}

#[test]
fn of_without_by_is_one_line_for_every_city() {
    let all = json(&["stats", "--of", "distance_km"]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["group"], "all");
    assert_eq!(all[0]["count"], json(&["list"]).len());
    // The keys stats gave before stay, and come first.
    let keys: Vec<&String> = all[0].as_object().unwrap().keys().collect();
    assert_eq!(keys[..3], ["group", "count", "cities"]);
    // Without --of, the groups are by continent, as they were.
    assert_eq!(json(&["stats"])[0]["group"], "europe");
}

#[test]
fn ties_unknowns_and_a_group_with_no_value() {
    let file = data_file_with(
        "name,country,continent,lat,lon,population,elevation_m",
        "Alpha,Poland,europe,50,20,100,5\n\
         Beta,Poland,europe,51,20,300,\n\
         Gamma,Poland,europe,52,20,100,5\n\
         Delta,Poland,europe,53,20,300,7\n\
         Epsilon,Poland,europe,54,20,,\n\
         Zeta,Japan,asia,35,135,,",
    );
    let path = file.path().to_str().unwrap();
    let data = ["--data", path];
    for of in ["population", "elevation_m"] {
        check_summary(&data, "continent", of);
    }
    let groups = json(&[
        "--data",
        path,
        "stats",
        "--by",
        "continent",
        "--of",
        "population",
    ]);
    let europe = &groups[0];
    assert_eq!(europe["count"], 5);
    assert_eq!(europe["known"], 4);
    assert_eq!(europe["sum"], 800);
    assert_eq!(europe["median"], 200);
    assert_eq!(europe["min_cities"], serde_json::json!(["Alpha", "Gamma"]));
    assert_eq!(europe["max_cities"], serde_json::json!(["Beta", "Delta"]));
    let asia = &groups[1];
    assert_eq!(
        (asia["count"].as_u64(), asia["known"].as_u64()),
        (Some(1), Some(0))
    );
    assert!(asia["sum"].is_null() && asia["min"].is_null());
    // People see a dash where nothing is known.
    let tsv = stdout(&[
        "--data",
        path,
        "stats",
        "--by",
        "continent",
        "--of",
        "population",
    ]);
    assert!(tsv.contains("asia\t1\t0\t\t\t\t\t\t\t\n"), "{tsv}");
}

#[test]
fn of_in_a_table_carries_the_unit_and_fits_80_columns() {
    let out = bin()
        .args([
            "stats",
            "--by",
            "continent",
            "--of",
            "distance_km",
            "--format",
            "table",
        ])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("Median") && table.contains("(km)"),
        "{table}"
    );
    assert!(!table.contains("Bordeaux;"), "no list of cities: {table}");
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let wide = stdout(&["stats", "--of", "population", "--format", "table", "--wide"]);
    assert!(wide.contains("│ Group ┆ Count ┆ Known ┆"), "{wide}");
    assert!(!wide.contains("Sum ("), "a count has no unit: {wide}");
    assert!(
        wide.contains("At min") && wide.contains("Solothurn"),
        "{wide}"
    );
}

#[test]
fn of_refuses_what_is_no_number() {
    let err = fails(&["stats", "--of", "country"], 2);
    assert!(
        err.contains("country is not a number (a numeric field is wanted:"),
        "{err}"
    );
    assert!(err.contains("population"), "{err}");
    let err = fails(&["stats", "--of", "popultion"], 2);
    assert!(err.contains("did you mean population?"), "{err}");
    let err = fails(&["stats", "--fields", "group,sum"], 2);
    assert!(err.contains("--fields sum needs --of FIELD"), "{err}");
    let only = stdout(&[
        "stats",
        "--of",
        "population",
        "--fields",
        "group,sum,median",
    ]);
    assert!(only.starts_with("group\tsum\tmedian\nall\t"), "{only}");
}

#[test]
fn of_in_a_file_read_in_several_parts() {
    // Over 8 MB, so the file is read in parts; every value once, and ties at both ends.
    let count: u64 = 60_000;
    let rows: Vec<String> = (0..count)
        .map(|n| {
            let population = (n * 7919) % 1000 + 1;
            format!(
                "Town {n:05},,,,Poland,PL,europe,false,partnership,2001,active,,,,50.1,19.9,{population},,,,https://example.org/{n},A note long enough to make a file of many megabytes from a few rows."
            )
        })
        .collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    assert!(text.len() > 8 << 20, "{} bytes", text.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let groups = json(&[
        "--data",
        path,
        "stats",
        "--of",
        "population",
        "--fields",
        "group,count,known,sum,mean,median,min,max,min_cities",
    ]);
    let all = &groups[0];
    let values: Vec<u64> = (0..count).map(|n| (n * 7919) % 1000 + 1).collect();
    assert_eq!(all["known"], count);
    assert_eq!(all["sum"], values.iter().sum::<u64>());
    assert_eq!(all["min"], 1);
    assert_eq!(all["max"], 1000);
    // 60 000 values of 1 to 1000, each 60 times: the median is 500.5.
    assert_eq!(all["median"], 500.5);
    let at_min = all["min_cities"].as_array().unwrap();
    assert_eq!(at_min.len(), values.iter().filter(|v| **v == 1).count());
    let names: Vec<&str> = at_min.iter().map(|n| n.as_str().unwrap()).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "by name");
}
