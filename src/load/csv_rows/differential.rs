//! This splitter on trial against the `csv` crate (`has_headers(false)`,
//! `flexible(true)`, `trim(Trim::All)`, `read_byte_record` into one reused
//! `ByteRecord`, then a UTF-8 check of each field): generated inputs are read by both,
//! row by row, and every row must agree, or differ exactly as listed here.
//!
//! Agreements worth stating (asserted as equality): rows end at `\n`, `\r\n` and a
//! lone `\r` in both; both skip empty lines (`\n`, `\r\n`, `\r`) and read a line of
//! only spaces as one empty field; a quote inside an unquoted field, or after spaces
//! before it (` "a"`), is text in both.
//!
//! Differences (each asserted, never skipped):
//! 1. Trimming: ours trims Unicode whitespace (`str::trim`: no-break space, U+3000,
//!    U+0085, ...), the csv crate ASCII whitespace only (`u8::is_ascii_whitespace`), so
//!    ours = the csv crate's field `.trim()`ed. Vertical tab (`\x0B`) is the exception,
//!    kept out of the generator: see `vertical_tab_is_trimmed_like_other_whitespace`.
//! 2. Text after a closing quote (`"a"b`, `"a"\u{a0}`, `"a"\x0C`; ours allows only
//!    spaces and tabs there): ours refuses the row (`AfterQuote`), the csv crate appends
//!    the text to the field, up to the next `,`, `\r` or `\n` (`ab`).
//! 3. After an `AfterQuote` row ours resumes after the next `\n` or `\r`, even one inside a
//!    later quoted field of the same row; the csv crate carries on with the record. The
//!    test restarts the csv crate where ours resumes.
//! 4. An unclosed quote: ours refuses the row and reads no more; the csv crate ends the
//!    field at the end of the input (with `""` unescaped) and reads no more either.
//! 5. Bytes that are not UTF-8, and NUL: ours refuses the row (`NotUtf8` before `Nul`,
//!    for the whole row); the csv crate reads it, and its first field that is not UTF-8
//!    (else its first field holding a NUL) is the field ours names.
//! 6. Positions: the csv crate's `ByteRecord::position` is where its previous record
//!    ended (before blank lines, and before the `\n` of a `\r\n`); ours gives the line
//!    of the row's first byte. Only `\r` and `\n` lie between the two.
//! 7. Lines: ours counts a line at every row end (`\n`, `\r\n` or a lone `\r`), the
//!    csv crate at `\n` alone.
use super::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn csv_reader(input: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input)
}

/// `""` as `"`, as the csv crate reads a quoted field.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        out.push(raw[i]);
        i += if raw[i] == b'"' && raw.get(i + 1) == Some(&b'"') {
            2
        } else {
            1
        };
    }
    out
}

/// What the csv crate reads for the field ours found at `span`.
fn csv_view(input: &[u8], span: &Span) -> Vec<u8> {
    let raw = &input[span.start..span.end];
    let text = if span.escaped {
        unescape(raw)
    } else {
        raw.to_vec()
    };
    text.trim_ascii().to_vec()
}

/// The line of byte `at` as ours counts lines: every `\n`, and every `\r` not before
/// a `\n`, ends one (difference 7).
fn lines_before(input: &[u8], at: usize) -> u64 {
    let lone_return = |i: usize| input[i] == b'\r' && input.get(i + 1) != Some(&b'\n');
    1 + (0..at)
        .filter(|&i| input[i] == b'\n' || lone_return(i))
        .count() as u64
}

/// The line of byte `at` as the csv crate counts lines: by `\n` alone.
fn feeds_before(input: &[u8], at: usize) -> u64 {
    1 + input[..at].iter().filter(|&&b| b == b'\n').count() as u64
}

/// Reads `input` with both, row by row, and fails at the first disagreement that
/// is not one of the differences above.
fn check(input: &[u8]) -> Result<(), TestCaseError> {
    let mut ours = Rows::new(input, 0, 1);
    let mut fields = Vec::new();
    // The csv crate reads from byte `base` (moved after an `AfterQuote` row).
    let mut base = 0;
    let mut theirs = csv_reader(input);
    let mut record = csv::ByteRecord::new();
    let read = |theirs: &mut csv::Reader<&[u8]>, record: &mut csv::ByteRecord| {
        theirs
            .read_byte_record(record)
            .map_err(|e| TestCaseError::fail(format!("the csv crate failed: {e}")))
    };
    loop {
        ours.skip_blank_lines();
        let (start, start_line) = ours.position();
        let row = ours.next_row(&mut fields);
        let more = read(&mut theirs, &mut record)?;
        let Some((line, result)) = row else {
            prop_assert!(!more, "only the csv crate reads {:?}", record);
            prop_assert_eq!(start, input.len());
            return Ok(());
        };
        prop_assert!(more, "only ours reads a row, at byte {}", start);
        prop_assert_eq!(line, start_line);
        prop_assert_eq!(line, lines_before(input, start));
        // Difference 6.
        let at = record.position().expect("a record read has a position");
        let their_start = base + usize::try_from(at.byte()).unwrap();
        prop_assert!(
            their_start <= start
                && input[their_start..start]
                    .iter()
                    .all(|b| matches!(b, b'\r' | b'\n')),
            "the csv crate's row starts at byte {}, ours at {}",
            their_start,
            start
        );
        prop_assert_eq!(
            feeds_before(input, base) - 1 + at.line(),
            feeds_before(input, their_start)
        );
        let spans = &ours.spans;
        // The fields ours split but did not return: the csv crate reads the same.
        let same_split = |upto: usize| -> Result<(), TestCaseError> {
            for (i, span) in spans[..upto].iter().enumerate() {
                prop_assert_eq!(&record[i], &csv_view(input, span)[..], "field {}", i);
            }
            Ok(())
        };
        match result {
            Ok(()) => {
                prop_assert_eq!(record.len(), fields.len());
                for (i, (theirs, ours)) in record.iter().zip(&fields).enumerate() {
                    let text = std::str::from_utf8(theirs);
                    prop_assert!(text.is_ok(), "field {} is not UTF-8 for csv", i);
                    prop_assert!(!theirs.contains(&0), "field {} holds a NUL", i);
                    // Difference 1.
                    prop_assert_eq!(text.unwrap().trim(), &**ours, "field {}", i);
                }
            }
            // Difference 5.
            Err(RowError::NotUtf8 { field }) => {
                prop_assert_eq!(record.len(), spans.len());
                same_split(spans.len())?;
                let bad = record.iter().position(|f| std::str::from_utf8(f).is_err());
                prop_assert_eq!(bad, Some(field));
            }
            Err(RowError::Nul { field }) => {
                prop_assert_eq!(record.len(), spans.len());
                same_split(spans.len())?;
                prop_assert!(record.iter().all(|f| std::str::from_utf8(f).is_ok()));
                prop_assert_eq!(record.iter().position(|f| f.contains(&0)), Some(field));
            }
            // Difference 4.
            Err(RowError::Unclosed) => {
                prop_assert_eq!(record.len(), spans.len() + 1);
                same_split(spans.len())?;
                let open = spans.last().map_or(start, |last| {
                    last.end + memchr(b',', &input[last.end..]).unwrap() + 1
                });
                prop_assert_eq!(input[open], b'"');
                let rest = unescape(&input[open + 1..]);
                prop_assert_eq!(&record[spans.len()], rest.trim_ascii());
                prop_assert_eq!(ours.position().0, input.len());
                prop_assert!(ours.next_row(&mut fields).is_none());
                prop_assert!(!read(&mut theirs, &mut record)?);
                return Ok(());
            }
            // Differences 2 and 3.
            Err(RowError::AfterQuote { field }) => {
                prop_assert_eq!(spans.len(), field + 1);
                prop_assert!(record.len() > field);
                same_split(field)?;
                let close = spans[field].end;
                prop_assert_eq!(input[close], b'"');
                let after = &input[close + 1..];
                let after = &after[..after
                    .iter()
                    .position(|b| matches!(b, b',' | b'\r' | b'\n'))
                    .unwrap_or(after.len())];
                prop_assert!(after.iter().any(|b| !matches!(b, b' ' | b'\t')));
                let mut joined = unescape(&input[spans[field].start..close]);
                joined.extend_from_slice(after);
                prop_assert_eq!(&record[field], joined.trim_ascii());
                // After the next line end: `\n`, `\r\n` or a lone `\r`.
                let resume = match memchr::memchr2(b'\n', b'\r', &input[close..]) {
                    None => input.len(),
                    Some(i) if input[close + i..].starts_with(b"\r\n") => close + i + 2,
                    Some(i) => close + i + 1,
                };
                prop_assert_eq!(ours.position(), (resume, lines_before(input, resume)));
                base = resume;
                theirs = csv_reader(&input[resume..]);
            }
        }
    }
}

// The grammar. Words with no quote, comma or line break, for any field.
const WORDS: &[&str] = &[
    "a", "x1", "42.5", "ab cd", "Kraków", "Łódź", "東京", "Zürich", "🙂", "O'Hara",
];
/// Only in unquoted fields: a quote there is text.
const PLAIN_ONLY: &[&str] = &["5'11\"", "a\"b", " \"q\""];
/// Only in quoted fields.
const QUOTED_ONLY: &[&str] = &[",", "\"\"", "\n", "\r\n", "\r", " , "];
/// Not UTF-8: 0xFF, a stray continuation byte, lead bytes cut short, a surrogate.
const NOT_UTF8: &[&[u8]] = &[b"\xff", b"\x80", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80"];
/// Around fields and inside quotes: ASCII and Unicode whitespace.
const PADS: &[&str] = &[
    "", "", "", "", " ", "  ", "\t", " \t", "\x0c", "\u{a0}", "\u{3000}", "\u{85}",
];
/// After a closing quote, accepted by ours.
const TRAILS: &[&str] = &["", "", "", " ", "\t", " \t "];
/// After a closing quote, refused by ours.
const AFTER: &[&str] = &["x", " x", "é", "\u{a0}", "\x0c", "\"", " \"b\""];
const ENDS: &[&str] = &["\n", "\n", "\n", "\r\n", "\r\n", "\r"];

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> + Clone {
    prop::sample::select(items).prop_map(|s| s.as_bytes().to_vec())
}

/// Bytes ours refuses: not UTF-8, or NUL.
fn bad() -> impl Strategy<Value = Vec<u8>> + Clone {
    prop_oneof![
        prop::sample::select(NOT_UTF8).prop_map(|b| b.to_vec()),
        Just(b"\0".to_vec()),
    ]
}

fn quoted_text() -> impl Strategy<Value = Vec<u8>> + Clone {
    let piece = prop_oneof![
        20 => pick(WORDS),
        10 => pick(QUOTED_ONLY),
        1 => bad(),
    ];
    (pick(PADS), prop::collection::vec(piece, 0..5), pick(PADS))
        .prop_map(|(a, pieces, b)| [a, pieces.concat(), b].concat())
}

fn field() -> impl Strategy<Value = Vec<u8>> + Clone {
    let plain_piece = prop_oneof![
        24 => pick(WORDS),
        4 => pick(PLAIN_ONLY),
        1 => bad(),
    ];
    let q = |s: &[u8]| [b"\"", s, b"\""].concat();
    prop_oneof![
        24 => (pick(PADS), prop::collection::vec(plain_piece, 0..4), pick(PADS))
            .prop_map(|(a, pieces, b)| [a, pieces.concat(), b].concat()),
        // Leading spaces make the quotes text (and a line break in them ends the row).
        16 => (prop::sample::select(&[0, 0, 0, 0, 0, 1][..]), quoted_text(), pick(TRAILS))
            .prop_map(move |(lead, text, trail)| [&b" "[..lead], &q(&text), &trail].concat()),
        1 => (quoted_text(), pick(AFTER)).prop_map(move |(text, after)| [q(&text), after].concat()),
        1 => quoted_text().prop_map(|text| [&b"\""[..], &text].concat()),
    ]
}

fn row() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        8 => prop::collection::vec(field(), 1..6).prop_map(|f| f.join(&b","[..])),
        // Blank lines, and lines of whitespace only.
        2 => pick(PADS),
    ]
}

/// Rows with their ends, sometimes without the last, sometimes with an unclosed
/// quoted field at the end.
fn input() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec((row(), pick(ENDS)), 0..8),
        any::<bool>(),
        prop::option::weighted(0.1, quoted_text()),
    )
        .prop_map(|(rows, last_end, unclosed)| {
            let mut text = Vec::new();
            let n = rows.len();
            for (i, (row, end)) in rows.into_iter().enumerate() {
                text.extend(row);
                if i + 1 < n || last_end || unclosed.is_some() {
                    text.extend(end);
                }
            }
            if let Some(open) = unclosed {
                text.push(b'"');
                text.extend(open);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_the_csv_crate(text in input()) {
        check(&text)?;
    }
}

/// The generator reaches every case the check tells apart: every error, every
/// difference, and the agreements worth stating.
#[test]
fn the_grammar_reaches_every_case() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = input();
    let mut seen = [0usize; 11];
    for _ in 0..2000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        let mut rows = Rows::new(&text, 0, 1);
        let mut fields = Vec::new();
        let mut all_ok = true;
        while let Some((_, result)) = rows.next_row(&mut fields) {
            match result {
                Ok(()) => {
                    for f in &fields {
                        seen[1] += f.contains('"') as usize;
                        seen[2] += f.contains('\n') as usize;
                        seen[3] += matches!(f, Cow::Owned(_)) as usize;
                    }
                    seen[4] += (fields.len() == 1 && fields[0].is_empty()) as usize;
                }
                Err(RowError::Unclosed) => seen[5] += 1,
                Err(RowError::AfterQuote { .. }) => seen[6] += 1,
                Err(RowError::NotUtf8 { .. }) => seen[7] += 1,
                Err(RowError::Nul { .. }) => seen[8] += 1,
            }
            all_ok &= result.is_ok();
        }
        seen[9] += all_ok as usize;
        // Fields that only ours trims (difference 1).
        for record in theirs(&text) {
            for field in record {
                seen[0] += std::str::from_utf8(&field).is_ok_and(|f| f.trim() != f) as usize;
            }
        }
        seen[10] += text.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n') as usize;
    }
    let names = [
        "Unicode space to trim",
        "quote",
        "line feed in a field",
        "unescaped quote",
        "whitespace-only row",
        "Unclosed",
        "AfterQuote",
        "NotUtf8",
        "Nul",
        "inputs with no refused row",
        "lone \\r",
    ];
    for (name, count) in names.iter().zip(seen) {
        assert!(
            count >= 50,
            "the grammar made only {count} of: {name} ({seen:?})"
        );
    }
}

fn ours(text: &[u8]) -> Vec<Result<Vec<String>, RowError>> {
    let mut rows = Rows::new(text, 0, 1);
    let mut fields = Vec::new();
    let mut out = Vec::new();
    while let Some((_, result)) = rows.next_row(&mut fields) {
        out.push(result.map(|()| fields.iter().map(|f| f.to_string()).collect()));
    }
    out
}

fn theirs(text: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut reader = csv_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut out = Vec::new();
    while reader.read_byte_record(&mut record).unwrap() {
        out.push(record.iter().map(|f| f.to_vec()).collect());
    }
    out
}

fn strings(rows: &[&[&str]]) -> Vec<Result<Vec<String>, RowError>> {
    rows.iter()
        .map(|r| Ok(r.iter().map(|f| f.to_string()).collect()))
        .collect()
}

fn bytes(rows: &[&[&str]]) -> Vec<Vec<Vec<u8>>> {
    rows.iter()
        .map(|r| r.iter().map(|f| f.as_bytes().to_vec()).collect())
        .collect()
}

/// Each difference on one example, both readers' answers in full.
#[test]
fn the_differences_by_example() {
    // 1. Unicode whitespace.
    let text = "\u{a0}a\u{3000},\"\u{85}b\" \n".as_bytes();
    assert_eq!(ours(text), strings(&[&["a", "b"]]));
    assert_eq!(theirs(text), bytes(&[&["\u{a0}a\u{3000}", "\u{85}b"]]));
    // 2 and 3: text after a closing quote; ours resumes after the next line feed.
    let text = b"\"a\"b,\"c\nd\"\ne\n";
    assert_eq!(ours(text)[0], Err(RowError::AfterQuote { field: 0 }));
    assert_eq!(ours(text)[1..], strings(&[&["d\""], &["e"]]));
    assert_eq!(theirs(text), bytes(&[&["ab", "c\nd"], &["e"]]));
    let text = b"\"a\"\x0c,b\n";
    assert_eq!(ours(text), [Err(RowError::AfterQuote { field: 0 })]);
    assert_eq!(theirs(text), bytes(&[&["a", "b"]]));
    // 4. Unclosed.
    let text = b"a,\"b\"\"\nc \n";
    assert_eq!(ours(text), [Err(RowError::Unclosed)]);
    assert_eq!(theirs(text), bytes(&[&["a", "b\"\nc"]]));
    // 5. Not UTF-8, and NUL: the csv crate's bytes, ours refused.
    let text = b"a\0,b\xff\nc\n";
    assert_eq!(ours(text)[0], Err(RowError::NotUtf8 { field: 1 }));
    assert_eq!(theirs(text)[0], [&b"a\0"[..], &b"b\xff"[..]]);
    // 6. Positions: after the previous record, before the blank lines.
    let mut reader = csv_reader(b"a\r\n\r\n\nb\n");
    let mut record = csv::ByteRecord::new();
    reader.read_byte_record(&mut record).unwrap();
    reader.read_byte_record(&mut record).unwrap();
    let at = record.position().unwrap();
    assert_eq!((at.byte(), at.line()), (2, 1));
    let mut rows = Rows::new(b"a\r\n\r\n\nb\n", 0, 1);
    let mut fields = Vec::new();
    rows.next_row(&mut fields);
    rows.skip_blank_lines();
    assert_eq!(rows.position(), (6, 4));
    // Agreements: lone \r, blank lines, whitespace-only lines, quotes as text.
    let text = b"a\rb\r\n\r\n\r\r\n  \n \"q\", x\"y\n";
    assert_eq!(
        ours(text),
        strings(&[&["a"], &["b"], &[""], &["\"q\"", "x\"y"]])
    );
    assert_eq!(
        theirs(text),
        bytes(&[&["a"], &["b"], &[""], &["\"q\"", "x\"y"]])
    );
}

/// Ours trims a vertical tab wherever it is, as `str::trim` does (it once looked
/// only at the first and last byte, and missed it there); the csv crate never trims
/// `\x0B`, not being ASCII whitespace to `u8::is_ascii_whitespace`.
#[test]
fn vertical_tab_is_trimmed_like_other_whitespace() {
    assert_eq!(ours(b"\x0ba,b\x0b \n"), strings(&[&["a", "b"]]));
    assert_eq!(theirs(b"\x0ba,b\x0b \n"), bytes(&[&["\x0ba", "b\x0b"]]));
}
