//! The map's geometry read back from its SVG: each place's marker, label and leader
//! line, the title, legend and key, and the rules that keep a label from misleading.

/// A text's width as the map estimates it: DejaVu Sans's glyph classes.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'm' | 'w' | 'M' | 'W' => 0.92,
            'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | 'J' | ' ' | '.' | ',' | '\'' | '-' => 0.4,
            // Chinese, Japanese and Korean glyphs are square.
            '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7af}' => 1.0,
            '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ff60}' => 1.0,
            c if c.is_uppercase() => 0.74,
            _ => 0.64,
        })
        .sum();
    ems * size * if bold { 1.12 } else { 1.0 }
}

#[derive(Clone, Copy, Debug)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    /// Overlapping by more than half a pixel both ways.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.right.min(o.right) - self.left.max(o.left) > 0.5
            && self.bottom.min(o.bottom) - self.top.max(o.top) > 0.5
    }

    fn distance(&self, (x, y): (f64, f64)) -> f64 {
        let dx = (self.left - x).max(x - self.right).max(0.0);
        let dy = (self.top - y).max(y - self.bottom).max(0.0);
        dx.hypot(dy)
    }

    /// Whether the segment passes through the rectangle's inside (sampled finely).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let inner = Rect {
            left: self.left + 0.5,
            top: self.top + 0.5,
            right: self.right - 0.5,
            bottom: self.bottom - 0.5,
        };
        (0..=200).any(|i| {
            let t = f64::from(i) / 200.0;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            inner.distance(p) == 0.0
        })
    }
}

/// The box a `<text>` covers, from its position, size and characters.
pub fn text_box(node: roxmltree::Node) -> Rect {
    let num = |a: &str| node.attribute(a).unwrap().parse::<f64>().unwrap();
    let (x, y) = (num("x"), num("y"));
    let size = num("font-size");
    let bold = node.attribute("font-weight") == Some("bold");
    let text: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let width = text_width(&text, size, bold);
    let left = match node.attribute("text-anchor") {
        Some("end") => x - width,
        Some("middle") => x - width / 2.0,
        _ => x,
    };
    Rect {
        left,
        top: y - 0.75 * size,
        right: left + width,
        bottom: y + 0.25 * size,
    }
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    (a.0 + t * dx - p.0).hypot(a.1 + t * dy - p.1)
}

fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    side(c, d, a) * side(c, d, b) < 0.0 && side(a, b, c) * side(a, b, d) < 0.0
}

/// One place drawn: its name, marker, the text beside it and its leader line.
#[derive(Debug)]
pub struct Drawn {
    pub name: String,
    pub panel: String,
    pub centre: (f64, f64),
    pub r: f64,
    pub text: Option<(String, Rect)>,
    pub leader: Option<((f64, f64), (f64, f64))>,
}

pub fn has_class(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|w| w == class))
}

pub fn drawn(doc: &roxmltree::Document) -> Vec<Drawn> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && (has_class(n, "city") || has_class(n, "home")))
        .map(|g| {
            let child = |tag: &str| g.children().find(|c| c.has_tag_name(tag));
            let circle = child("circle").expect("a marker");
            let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            let panel = g
                .ancestors()
                .find(|a| has_class(a, "panel"))
                .and_then(|p| p.attribute("class"))
                .unwrap_or_default()
                .to_string();
            Drawn {
                name: g.attribute("data-name").unwrap().to_string(),
                panel,
                centre: (num(circle, "cx"), num(circle, "cy")),
                r: num(circle, "r"),
                text: child("text")
                    .map(|t| (t.text().unwrap_or_default().to_string(), text_box(t))),
                leader: child("line")
                    .map(|l| ((num(l, "x1"), num(l, "y1")), (num(l, "x2"), num(l, "y2")))),
            }
        })
        .collect()
}

/// What labels must keep clear of besides one another: the title, legend and key.
fn furniture(doc: &roxmltree::Document) -> Vec<Rect> {
    let mut out = Vec::new();
    for g in doc.descendants().filter(|n| n.has_tag_name("g")) {
        if has_class(&g, "title") || has_class(&g, "key") || has_class(&g, "legend") {
            for t in g.descendants().filter(|n| n.has_tag_name("text")) {
                out.push(text_box(t));
            }
        }
        if has_class(&g, "legend") {
            let rect = g.children().find(|c| c.has_tag_name("rect")).unwrap();
            let num = |a: &str| rect.attribute(a).unwrap().parse::<f64>().unwrap();
            out.push(Rect {
                left: num("x"),
                top: num("y"),
                right: num("x") + num("width"),
                bottom: num("y") + num("height"),
            });
        }
    }
    out
}

/// Every rule that keeps a label from misleading, measured on the SVG; returns the
/// places drawn.
pub fn assert_labels_cannot_mislead(svg: &str, what: &str) -> Vec<Drawn> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    let places = drawn(&doc);
    let furniture = furniture(&doc);
    for p in &places {
        let Some((text, b)) = &p.text else { continue };
        let mine = b.distance(p.centre);
        assert!(mine > p.r - 0.5, "{what}: '{text}' covers its own marker");
        for q in places.iter().filter(|q| q.name != p.name) {
            let theirs = b.distance(q.centre);
            assert!(
                theirs > mine,
                "{what}: '{text}' is {theirs:.1} px from {}'s marker, {mine:.1} from {}'s",
                q.name,
                p.name
            );
            assert!(theirs > q.r, "{what}: '{text}' covers {}'s marker", q.name);
            if let Some((other, c)) = &q.text {
                assert!(!b.overlaps(c), "{what}: '{text}' overlaps '{other}'");
            }
            if let Some((a, z)) = q.leader {
                assert!(
                    !b.crossed_by(a, z),
                    "{what}: {}'s leader crosses '{text}'",
                    q.name
                );
            }
        }
        for f in &furniture {
            assert!(
                !b.overlaps(f),
                "{what}: '{text}' overlaps the title, legend or key"
            );
        }
    }
    for p in places.iter().filter(|p| p.leader.is_some()) {
        let (a, z) = p.leader.unwrap();
        for q in places.iter().filter(|q| q.name != p.name) {
            assert!(
                segment_distance(q.centre, a, z) > q.r,
                "{what}: {}'s leader crosses {}'s marker",
                p.name,
                q.name
            );
            if let Some((a2, z2)) = q.leader {
                assert!(
                    !segments_cross(a, z, a2, z2),
                    "{what}: leaders of {} and {} cross",
                    p.name,
                    q.name
                );
            }
        }
        for f in &furniture {
            assert!(
                !f.crossed_by(a, z),
                "{what}: {}'s leader crosses the title, legend or key",
                p.name
            );
        }
    }
    places
}
