//! `map -o map.html` in a real headless Chromium, driven by chromedriver over the W3C
//! WebDriver protocol (a few JSON requests to a local port): no console errors, nothing
//! fetched, the table sorts on a click, the card shows the hovered city's data. Skips
//! where Chromium or chromedriver is missing (`.ci/run` installs both).

use std::io::{BufRead, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::*;

const CHROMIUM: &str = "/usr/bin/chromium";

/// Where chromedriver is, if it is.
fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// One HTTP/1.1 exchange with chromedriver on localhost; the JSON answer's `value`.
fn request(port: u16, method: &str, path: &str, body: Option<Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let (head, body) = read_answer(&mut stream);
    let json: Value = serde_json::from_str(&body)
        .unwrap_or_else(|e| panic!("{method} {path}: {e}: {head}\n{body}"));
    assert!(
        head.starts_with("HTTP/1.1 200"),
        "{method} {path}: {head}\n{json}"
    );
    json["value"].clone()
}

/// An HTTP answer's head and body: the body by its Content-Length, or its chunks.
fn read_answer(stream: &mut TcpStream) -> (String, String) {
    let mut reader = std::io::BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        head.push_str(&line);
    }
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (key, value) = l.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    };
    let mut body = Vec::new();
    if let Some(length) = header("content-length") {
        body.resize(length.parse().unwrap(), 0);
        reader.read_exact(&mut body).unwrap();
    } else if header("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).unwrap();
            let size = usize::from_str_radix(size.trim(), 16).unwrap();
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).unwrap();
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        reader.read_to_end(&mut body).unwrap();
    }
    (head, String::from_utf8(body).unwrap())
}

/// chromedriver, stopped (by its own handle) when the test ends, however it ends.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(program: &Path) -> Driver {
        // A free port: the system picks one, and chromedriver takes it over.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Driver { child, port };
        // Ready once it answers; it is given up to 30 s on a busy machine.
        for _ in 0..300 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not start on port {port}");
    }
}

/// A headless browser session on a page.
struct Session<'d> {
    driver: &'d Driver,
    id: String,
}

impl Drop for Session<'_> {
    /// Quits the browser; never panics, as it may run while a failed test unwinds.
    fn drop(&mut self) {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.driver.port)) else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        let sent = write!(
            stream,
            "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\n\
             Connection: close\r\n\r\n",
            self.id, self.driver.port
        );
        if sent.is_ok() {
            // The answer comes once the browser has quit.
            let _ = std::io::BufReader::new(stream).read_line(&mut String::new());
        }
    }
}

impl<'d> Session<'d> {
    fn open(driver: &'d Driver, profile: &Path) -> Session<'d> {
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--no-first-run",
                         "--window-size=1300,900",
                         format!("--user-data-dir={}", profile.display())],
            },
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        let value = request(driver.port, "POST", "/session", Some(capabilities));
        let id = value["sessionId"].as_str().unwrap().to_string();
        Session { driver, id }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        request(self.driver.port, method, &path, body)
    }

    fn script(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// The element `css` finds, as WebDriver's reference to it.
    fn element(&self, css: &str) -> Value {
        self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )
    }

    fn element_id(element: &Value) -> String {
        element["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("not an element: {element}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let id = Self::element_id(&self.element(css));
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// The page's console messages so far, as (level, message).
    fn console(&self) -> Vec<(String, String)> {
        let log = self.call("POST", "/se/log", Some(json!({"type": "browser"})));
        log.as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["level"].as_str().unwrap_or_default().to_string(),
                    e["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    /// The table's rows, by the city each names, top to bottom.
    fn row_order(&self) -> Vec<String> {
        let rows = self.script(
            "return Array.from(document.querySelectorAll('#cities tbody tr'))\
             .map(r => r.getAttribute('data-name'));",
            json!([]),
        );
        serde_json::from_value(rows).unwrap()
    }
}

/// Chromium and chromedriver, or a message that the test is skipped.
fn browser() -> Option<PathBuf> {
    let driver = chromedriver();
    if driver.is_none() || !Path::new(CHROMIUM).exists() {
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "skipped: the HTML map's browser test needs {CHROMIUM} and chromedriver \
             (Debian: chromium, chromium-driver)"
        );
    }
    driver.filter(|_| Path::new(CHROMIUM).exists())
}

#[test]
fn the_html_map_works_in_a_browser() {
    let Some(program) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("map.html");
    stdout(&["map", "--all", "-o", page.to_str().unwrap()]);
    let cities = json(&["list", "--all"]);

    let driver = Driver::start(&program);
    let session = Session::open(&driver, &dir.path().join("profile"));
    session.call(
        "POST",
        "/url",
        Some(json!({"url": format!("file://{}", page.display())})),
    );

    // The script ran (the headers became buttons), without a console error, and the
    // page fetched nothing.
    let buttons = session.script(
        "return document.querySelectorAll('#cities th button').length;",
        json!([]),
    );
    assert_eq!(buttons, 6);
    let errors: Vec<_> = session
        .console()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE" || level == "WARNING")
        .collect();
    assert!(errors.is_empty(), "console: {errors:?}");
    let fetched = session.script(
        "return performance.getEntriesByType('resource').map(e => e.name);",
        json!([]),
    );
    assert_eq!(fetched, json!([]));

    // Sorting: by distance up, then down, as the tool itself orders them.
    let by_distance = names(&json(&["list", "--all", "--sort", "distance"]));
    session.click("#cities th:nth-child(6) button");
    assert_eq!(session.row_order(), by_distance);
    let sorted = session.script(
        "return document.querySelector('#cities th:nth-child(6)').getAttribute('aria-sort');",
        json!([]),
    );
    assert_eq!(sorted, "ascending");
    session.click("#cities th:nth-child(6) button");
    let mut farthest_first = by_distance.clone();
    farthest_first.reverse();
    assert_eq!(session.row_order(), farthest_first);

    // The card: the pointer on a city's marker (one not covered by another city's
    // label), and the card shows that city's data.
    let name = session.script(
        "for (const g of document.querySelectorAll('g.city')) {\
           const box = g.querySelector('circle').getBoundingClientRect();\
           const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);\
           if (top && top.closest('g.city') === g) return g.getAttribute('data-name');\
         }\
         return null;",
        json!([]),
    );
    let name = name.as_str().expect("a marker on top").to_string();
    let city = cities.iter().find(|c| c["name"] == name.as_str()).unwrap();
    let marker = session.element(&format!(
        "g.city[data-name=\"{}\"] circle",
        name.replace('"', "\\\"")
    ));
    session.call(
        "POST",
        "/actions",
        Some(json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "origin": marker, "x": 0, "y": 0}]}]})),
    );
    let card = Session::element_id(&session.element("#card"));
    let text = session.call("GET", &format!("/element/{card}/text"), None);
    let text = text.as_str().unwrap();
    // The agreement in words, as the legend says it.
    let agreement = match city["agreement"].as_str().unwrap() {
        "twin-city" => "Twin city",
        "partnership" => "Partnership",
        "honorary-twin-city" => "Honorary twin city",
        "letter-of-intent" => "Letter of intent",
        "memorandum" => "Memorandum",
        "cooperation-programme" => "Cooperation programme",
        _ => "No formal agreement",
    };
    for want in [
        name.as_str(),
        city["country"].as_str().unwrap(),
        agreement,
        city["signed"].as_str().unwrap_or("-"),
    ] {
        assert!(
            text.contains(want),
            "{want} not in the card for {name}: {text}"
        );
    }
    // The distance as people read it (rounded, maybe grouped by thousands).
    let (_, after) = text.split_once("Distance (km)").expect("a distance");
    let shown: String = after
        .trim_start()
        .lines()
        .next()
        .unwrap()
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let shown: f64 = shown.parse().unwrap();
    let distance = city["distance_km"].as_f64().unwrap();
    assert!(
        (shown - distance).abs() < 0.6,
        "{shown} km in the card, {distance} km"
    );

    // The console check would have seen an error.
    session.script("console.error('probe');", json!([]));
    let console = session.console();
    assert!(
        console
            .iter()
            .any(|(level, m)| level == "SEVERE" && m.contains("probe")),
        "{console:?}"
    );
}
