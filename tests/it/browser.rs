//! A real headless Chromium, driven by chromedriver over the W3C WebDriver protocol
//! (a few JSON requests to a local port), for the pages the tool writes. Each test
//! skips where Chromium or chromedriver is missing (`.ci/run` installs both).
#![allow(dead_code)]

use std::io::{BufRead, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

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
pub struct Driver {
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
    pub fn start(program: &Path) -> Driver {
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
pub struct Session<'d> {
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
    pub fn open(driver: &'d Driver, profile: &Path) -> Session<'d> {
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

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        request(self.driver.port, method, &path, body)
    }

    pub fn script(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// The element `css` finds, as WebDriver's reference to it.
    pub fn element(&self, css: &str) -> Value {
        self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )
    }

    pub fn element_id(element: &Value) -> String {
        element["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("not an element: {element}"))
            .to_string()
    }

    pub fn click(&self, css: &str) {
        let id = Self::element_id(&self.element(css));
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// The page's console messages so far, as (level, message).
    pub fn console(&self) -> Vec<(String, String)> {
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
    pub fn row_order(&self) -> Vec<String> {
        let rows = self.script(
            "return Array.from(document.querySelectorAll('#cities tbody tr'))\
             .map(r => r.getAttribute('data-name'));",
            json!([]),
        );
        serde_json::from_value(rows).unwrap()
    }
}

/// Chromium and chromedriver, or a message that the test is skipped.
pub fn browser() -> Option<PathBuf> {
    let driver = chromedriver();
    if driver.is_none() || !Path::new(CHROMIUM).exists() {
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "skipped: the browser tests of the HTML pages need {CHROMIUM} and chromedriver \
             (Debian: chromium, chromium-driver)"
        );
    }
    driver.filter(|_| Path::new(CHROMIUM).exists())
}

/// A browser session on the page at `page`, its profile under `dir`.
pub fn visit<'d>(driver: &'d Driver, dir: &Path, page: &Path) -> Session<'d> {
    let session = Session::open(driver, &dir.join("profile"));
    session.call(
        "POST",
        "/url",
        Some(json!({"url": format!("file://{}", page.display())})),
    );
    session
}

impl Session<'_> {
    /// The console's errors and warnings so far.
    pub fn troubles(&self) -> Vec<(String, String)> {
        self.console()
            .into_iter()
            .filter(|(level, _)| level == "SEVERE" || level == "WARNING")
            .collect()
    }

    /// What the page fetched: nothing, for a page that holds everything.
    pub fn fetched(&self) -> Value {
        self.script(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            json!([]),
        )
    }
}
