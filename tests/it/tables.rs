//! Tables at every width: no value is ever split across lines, in any command, with the
//! default fields or all of them; a value is whole on one line, or its column is left
//! out, or it is shortened with '…' (each said on standard error); no line is wider
//! than the width.

use unicode_width::UnicodeWidthStr;

use super::common::{bin, data_file_with};

const WIDTHS: [usize; 5] = [40, 50, 60, 80, 200];

const CITY_FIELDS: &str = "name,name_pl,name_local,aliases,country,country_code,continent,\
capital,agreement,signed,status,status_since,first_attested,last_attested,lat,lon,\
population,population_year,area_km2,elevation_m,sources,notes,distance_km,\
density_per_km2,bearing_deg,bearing";

/// Every command that prints a table, and all the fields it can show.
fn commands() -> Vec<(Vec<&'static str>, String)> {
    let records = format!("record,rank,value,unit,{CITY_FIELDS}");
    vec![
        (vec!["list"], CITY_FIELDS.to_string()),
        (vec!["list", "--all"], CITY_FIELDS.to_string()),
        (vec!["records"], records),
        (vec!["stats"], "group,count,cities".into()),
        (vec!["stats", "--by", "decade"], "group,count,cities".into()),
        (vec!["timeline"], "period,count,cities,ended".into()),
        (
            vec!["distance", "kyoto"],
            "from,to,distance_km,bearing_deg,bearing".into(),
        ),
        (
            vec!["distance", "kyoto", "nanjing"],
            "from,to,distance_km,bearing_deg,bearing".into(),
        ),
        (
            vec!["stats", "--by", "continent", "--of", "population"],
            "group,count,cities,known,sum,mean,median,min,min_cities,max,max_cities".into(),
        ),
        (
            vec!["distance", "--pairs", "--limit", "5"],
            "from,to,distance_km,bearing_deg,bearing".into(),
        ),
        (vec!["list", "--from", "vienna"], CITY_FIELDS.to_string()),
        (vec!["show", "kyoto"], CITY_FIELDS.to_string()),
        (vec!["show", "moscow"], CITY_FIELDS.to_string()),
    ]
}

/// Standard output and error of a run at `COLUMNS=width` (no width: a pipe's natural
/// width).
fn run(args: &[&str], width: Option<usize>) -> (String, String) {
    let mut cmd = bin();
    cmd.args(args).args(["--color", "never"]);
    if let Some(width) = width {
        cmd.env("COLUMNS", width.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{args:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The values a TSV answer holds, each with its column's key (a card's label): lists
/// as their items. Free text (notes) may wrap between words, so it is not among them.
fn values(tsv: &str) -> Vec<(String, String)> {
    let mut lines = tsv.lines();
    let keys: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_owned)
        .collect();
    let mut values = Vec::new();
    for line in lines {
        let pairs = keys.iter().cloned().zip(line.split('\t'));
        for (key, cell) in pairs {
            // A record's unit is read with its value in a table ("178 km"), or "date";
            // a city's provenance is JSON text in TSV, read as a table with --sources.
            if key == "notes" || key == "unit" || key == "provenance" {
                continue;
            }
            for item in cell.split(';').filter(|i| !i.is_empty()) {
                values.push((key.clone(), item.to_owned()));
            }
        }
    }
    values
}

/// The ways a table may show a TSV value: as it is, a yes or no, or a number grouped by
/// thousands, rounded, or both.
fn forms(value: &str) -> Vec<String> {
    let mut forms = vec![value.to_owned()];
    match value {
        "true" => forms.push("yes".into()),
        "false" => forms.push("no".into()),
        _ => {}
    }
    if let Ok(number) = value.parse::<f64>() {
        let rounded = format!("{number:.0}");
        // A half rounds away from zero too (632.5 km reads 633).
        let away = format!("{:.0}", number.round());
        let whole = value.split('.').next().unwrap_or(value).to_owned();
        for digits in [rounded, away, whole] {
            forms.push(group(&digits));
            forms.push(digits);
        }
    }
    forms
}

fn group(digits: &str) -> String {
    let (sign, digits) = digits
        .strip_prefix('-')
        .map_or(("", digits), |rest| ("-", rest));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Whether `form` is shown on one line of the table, whole or shortened with '…'.
fn shown(table: &str, form: &str, shortened: bool) -> bool {
    if table.lines().any(|line| line.contains(form)) {
        return true;
    }
    shortened
        && form.char_indices().skip(1).any(|(at, _)| {
            let cut = format!("{}…", form[..at].trim_end());
            table.lines().any(|line| line.contains(&cut))
        })
}

/// The keys a note on standard error says were left out.
fn left_out(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("krakow-partners: "))
        .filter_map(|l| {
            l.split(" left out to fit")
                .next()
                .filter(|_| l.contains("left out"))
        })
        .flat_map(|keys| keys.split(", ").map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn no_value_is_split_at_any_width_with_any_fields() {
    for (command, all) in commands() {
        for fields in [None, Some(all.as_str())] {
            let mut args = command.clone();
            if let Some(fields) = fields {
                args.extend(["--fields", fields]);
            }
            let mut tsv_args = args.clone();
            tsv_args.extend(["--format", "tsv"]);
            let (tsv, _) = run(&tsv_args, None);
            let expected = values(&tsv);
            assert!(!expected.is_empty(), "{args:?}");
            for width in WIDTHS {
                let mut table_args = args.clone();
                table_args.extend(["--format", "table"]);
                let (table, stderr) = run(&table_args, Some(width));
                let context = format!("{args:?} at {width}:\n{table}{stderr}");
                for line in table.lines() {
                    assert!(line.width() <= width, "{} wide: {context}", line.width());
                }
                let gone = left_out(&stderr);
                let shortened = stderr.contains("shortened with …");
                for (key, value) in &expected {
                    if gone.contains(key) {
                        continue;
                    }
                    assert!(
                        forms(value).iter().any(|f| shown(&table, f, shortened)),
                        "«{value}» ({key}) split: {context}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_list_of_cities_wraps_between_cities_never_inside_a_name() {
    let (table, _) = run(&["stats", "--format", "table"], Some(80));
    assert!(
        table.lines().any(|l| l.contains("Frankfurt am Main")),
        "{table}"
    );
    let (table, _) = run(
        &["stats", "--by", "status", "--all", "--format", "table"],
        Some(60),
    );
    assert!(
        table.lines().any(|l| l.contains("Saint Petersburg")),
        "{table}"
    );
}

#[test]
fn the_card_keeps_each_url_whole_on_a_line_of_its_own() {
    let (table, stderr) = run(&["show", "kyoto", "--format", "table"], Some(200));
    for url in [
        "https://naszkrakow.com/?p=7796",
        "https://en.wikipedia.org/wiki/Kyoto",
    ] {
        let line = table.lines().find(|l| l.contains(url)).unwrap();
        assert_eq!(line.matches("http").count(), 1, "{line}");
    }
    assert!(!stderr.contains('…'), "{stderr}");
}

#[test]
fn the_fields_that_split_at_80_columns_are_whole() {
    let fields = "name,country,agreement,signed,distance_km,population,area_km2";
    let (table, _) = run(
        &["list", "--fields", fields, "-n", "3", "--format", "table"],
        Some(80),
    );
    for value in ["Bratislava", "2005-10-24", "1 682 426"] {
        assert!(table.lines().any(|l| l.contains(value)), "{value}\n{table}");
    }
}

/// A name of a million letters is shortened to the width, in a table and on a card:
/// layout takes time in proportion to a value's length (benches/ times it).
#[test]
fn a_name_of_a_million_letters_is_shortened_to_the_width() {
    let name = "K".repeat(1 << 20);
    let file = data_file_with("name,country,lat,lon", &format!("{name},Poland,50,20"));
    let path = file.path().to_str().unwrap();
    for args in [
        vec!["--data", path, "list", "--format", "table"],
        vec!["--data", path, "show", "KKKK", "--format", "table"],
    ] {
        let (table, stderr) = run(&args, Some(80));
        assert!(table.contains("KKK…"), "{args:?}");
        for line in table.lines() {
            assert!(line.width() <= 80, "{args:?}: {} wide", line.width());
        }
        assert!(stderr.contains("shortened with …"), "{stderr}");
    }
}

/// The lines of a table, without what else a terminal shows (notes on standard error,
/// carriage returns).
fn table_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r').to_string())
        .filter(|l| l.starts_with(['╭', '│', '╞', '├', '╰']))
        .collect()
}

/// Whether `script` (util-linux) is here to give a pseudo-terminal; where it is missing,
/// the rest of the suite still checks the widths through `COLUMNS`.
fn have_script() -> bool {
    std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok()
}

/// The table lines `args` print on a pseudo-terminal sized by `stty` (`cols 80 rows 40`).
fn on_a_terminal(size: &str, args: &[&str]) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
    let line = format!(
        "stty {size}; {} {} --color never",
        bin.display(),
        args.join(" ")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    table_lines(&String::from_utf8_lossy(&out.stdout))
}

#[test]
fn a_real_terminal_of_each_width_gets_the_table_columns_gives() {
    // A pseudo-terminal whose size is set, as a person's is.
    if !have_script() {
        return;
    }
    for (command, all) in commands() {
        // The default fields, and every field.
        for args in [
            command.clone(),
            [&command[..], &["--fields", &all]].concat(),
        ] {
            for width in WIDTHS {
                let terminal = on_a_terminal(&format!("cols {width} rows 40"), &args);
                let (piped, _) = run(&[&args[..], &["--format", "table"]].concat(), Some(width));
                assert!(!terminal.is_empty(), "{args:?} at {width}");
                assert_eq!(terminal, table_lines(&piped), "{args:?} at {width}");
                for l in &terminal {
                    assert!(l.width() <= width, "{args:?} at {width}: {l}");
                }
            }
        }
    }
}

#[test]
fn a_terminal_that_reports_no_size_gets_80_columns() {
    if !have_script() {
        return;
    }
    let terminal = on_a_terminal("cols 0 rows 0", &["list", "--all"]);
    let (piped, _) = run(&["list", "--all", "--format", "table"], Some(80));
    assert!(!terminal.is_empty());
    assert_eq!(terminal, table_lines(&piped));
}
