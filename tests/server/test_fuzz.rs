//! Malformed JSON, forms, headers and paths thrown at the API over raw TCP
//! (so that bytes no HTTP client would send reach the server): the server
//! never answers 5xx, never dies, and no file of the store changes unless
//! the request was a valid change (then only that ticket's file). One
//! server and one git store for all cases, to stay fast in CI.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use sha2::{Digest, Sha256};

use crate::harness::*;

const CASES: u32 = 320;

/// One request as raw parts.
#[derive(Debug, Clone)]
struct Raw {
    method: &'static str,
    target: Vec<u8>,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

/// Who the request claims to be.
#[derive(Debug, Clone)]
enum Auth {
    None,
    Agent,
    Header(Vec<u8>),
    Cookie(Vec<u8>),
}

struct Target {
    server: Server,
    host: String,
    token: String,
    ids: Vec<String>,
}

impl Target {
    /// Sends `raw` with `auth` and answers the status (0: no answer).
    fn send(&self, raw: &Raw, auth: &Auth) -> u16 {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(raw.method.as_bytes());
        bytes.push(b' ');
        bytes.extend_from_slice(&raw.target);
        bytes.extend_from_slice(b" HTTP/1.1\r\nHost: ");
        bytes.extend_from_slice(self.host.as_bytes());
        bytes.extend_from_slice(b"\r\nConnection: close\r\n");
        let auth_header = match auth {
            Auth::None => None,
            Auth::Agent => Some(("Authorization", format!("Bearer {}", self.token).into_bytes())),
            Auth::Header(v) => Some(("Authorization", v.clone())),
            Auth::Cookie(v) => Some(("Cookie", v.clone())),
        };
        let named = raw.headers.iter().map(|(n, v)| (n.as_str(), v.clone()));
        for (name, value) in auth_header.into_iter().chain(named) {
            bytes.extend_from_slice(name.as_bytes());
            bytes.extend_from_slice(b": ");
            bytes.extend_from_slice(&value);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(format!("Content-Length: {}\r\n\r\n", raw.body.len()).as_bytes());
        bytes.extend_from_slice(&raw.body);
        exchange(&self.host, &bytes)
    }

    /// The server is alive and answers a plain request.
    fn healthy(&self) -> bool {
        let request = format!("GET /api/v1/openapi.json HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.host);
        exchange(&self.host, request.as_bytes()) == 200
    }
}

/// Writes `request`, reads the answer to the end, returns its status.
fn exchange(host: &str, request: &[u8]) -> u16 {
    let Ok(mut stream) = TcpStream::connect(host) else { return 0 };
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // The server may answer (413, 431) and close before reading it all.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    // Skip an interim `100 Continue` (the request may send `Expect`).
    let text = String::from_utf8_lossy(&answer);
    let mut statuses = text.split("\r\n").filter_map(|line| line.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok());
    statuses.find(|s: &u16| *s >= 200).unwrap_or(0)
}

/// A hash of every file the server could change: the tickets, the
/// attachments, the config, and git's HEAD and refs (not `.complaint/`,
/// the local cache and users, nor git's objects).
fn snapshot(store: &Store) -> BTreeMap<PathBuf, [u8; 32]> {
    walkdir::WalkDir::new(store.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(store.path()).unwrap().to_path_buf())
        .filter(|p| {
            let first = p.components().next().unwrap().as_os_str().to_string_lossy().to_string();
            match first.as_str() {
                ".complaint" => false,
                ".git" => p.starts_with(".git/HEAD") || p.starts_with(".git/refs"),
                _ => true,
            }
        })
        .map(|p| {
            let hash = Sha256::digest(std::fs::read(store.path().join(&p)).unwrap()).into();
            (p, hash)
        })
        .collect()
}

/// The files that differ between two snapshots.
fn changed(before: &BTreeMap<PathBuf, [u8; 32]>, after: &BTreeMap<PathBuf, [u8; 32]>) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = before.keys().chain(after.keys()).cloned().collect();
    paths.sort();
    paths.dedup();
    paths.into_iter().filter(|p| before.get(p) != after.get(p)).collect()
}

// ---- strategies ---------------------------------------------------------

fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\0".to_string()),
        Just("a\u{202E}evil\u{202C}".to_string()),
        Just("\u{2066}x\u{2069}\u{200F}".to_string()),
        Just("\r\n\t\u{7f}".to_string()),
        Just("x".repeat(70_000)),
        Just("😀".repeat(1000)),
        Just("{{ ${} %s %n".to_string()),
        "\\PC{0,40}",
        ".{0,20}",
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        nasty_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Keys the commands know, and some they do not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "message",
            "status",
            "note",
            "time",
            "category",
            "severity",
            "assignee",
            "department",
            "customer",
            "contact",
            "channel",
            "summary",
            "at",
            "due",
            "result",
            "veto",
            "name",
            "text",
            "amount",
        ])
        .prop_map(str::to_string),
        "[a-z_]{1,12}",
        nasty_text(),
    ]
}

/// Bodies that are mostly not valid input for any command (a few valid
/// ones check that a valid change touches only its ticket).
fn bad_json_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(br#"{"message": "fuzz note"}"#.to_vec()),
        Just(
            br#"{"customer": {"name": "x", "contact": "13812345678"}, "channel": "phone", "summary": "fuzz"}"#.to_vec()
        ),
        prop::collection::vec(any::<u8>(), 0..200),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        (json_value(), 0..40usize).prop_map(|(v, cut)| {
            let text = v.to_string();
            text.as_bytes()[..text.len().saturating_sub(cut + 1)].to_vec()
        }),
        (1..5000usize).prop_map(|depth| format!("{}1{}", "[".repeat(depth), "]".repeat(depth)).into_bytes()),
        (1..5000usize).prop_map(|depth| "{\"a\":".repeat(depth).into_bytes()),
        Just(br#"{"message": 1e999999}"#.to_vec()),
        Just(br#"{"message": 123456789012345678901234567890123456789}"#.to_vec()),
        Just(br#"{"message": "ok", "message": "twice"}"#.to_vec()),
        Just(b"{\"message\": \"\xff\xfe broken utf-8\"}".to_vec()),
        Just(br#"{"message": "\ud800"}"#.to_vec()),
        Just(b"{\"message\": \"nul \\u0000 inside\"}".to_vec()),
        Just(b"\xef\xbb\xbf{\"message\": \"bom\"}".to_vec()),
        Just(br#"{"unknown_key": "x"}"#.to_vec()),
        Just(br#"{"status": ["processing"]}"#.to_vec()),
        Just(br#"{"status": "nonsense"}"#.to_vec()),
        Just(br#"{"customer": 5, "channel": "phone", "summary": "x"}"#.to_vec()),
        Just(b"null".to_vec()),
        Just(b"[]".to_vec()),
        Just(b"\"just a string\"".to_vec()),
    ]
}

fn command_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "classify",
            "assign",
            "promise",
            "escalate",
            "transition",
            "note",
            "diagnose",
            "plan",
            "confirm",
            "execute",
            "task",
            "followup",
        ])
        .prop_map(str::to_string),
        Just("attach".to_string()),
        Just("NOTE".to_string()),
        Just("edit".to_string()),
        "[a-z%]{0,10}",
    ]
}

fn content_type() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        Just(None),
        Just(Some(b"application/json".to_vec())),
        Just(Some(b"application/x-www-form-urlencoded".to_vec())),
        Just(Some(b"multipart/form-data; boundary=".to_vec())),
        Just(Some(b"text/plain; charset=gb2312".to_vec())),
        Just(Some(b"application/json; charset=\xff".to_vec())),
        Just(Some(b";;;==".to_vec())),
    ]
}

fn auth() -> impl Strategy<Value = Auth> {
    prop_oneof![
        3 => Just(Auth::Agent),
        1 => Just(Auth::None),
        1 => prop_oneof![
            Just(b"Bearer ".to_vec()),
            Just(b"Bearer .".to_vec()),
            Just(b"Bearer abc.def".to_vec()),
            Just(b"bearer x".to_vec()),
            Just(b"Basic d2FuZzp4".to_vec()),
            Just(format!("Bearer {}", "a".repeat(8000)).into_bytes()),
            Just(b"Bearer \xff\xfe".to_vec()),
            prop::collection::vec(32u8..=126, 0..60),
        ]
        .prop_map(Auth::Header),
        1 => prop_oneof![
            Just(b"complaint_session=".to_vec()),
            Just(b"complaint_session=x; complaint_session=y".to_vec()),
            Just(b"complaint_session".to_vec()),
            Just(b";;;=;".to_vec()),
            Just(format!("complaint_session={}", "f".repeat(64)).into_bytes()),
            Just(b"complaint_session=\xff".to_vec()),
        ]
        .prop_map(Auth::Cookie),
    ]
}

/// A JSON request at a command or at `POST /api/v1/tickets`.
fn json_case(ids: Vec<String>) -> impl Strategy<Value = Raw> {
    (prop::sample::select(ids), command_name(), any::<bool>(), content_type(), bad_json_body()).prop_map(
        |(id, command, create, content_type, body)| {
            let target = if create { "/api/v1/tickets".to_string() } else { format!("/api/v1/tickets/{id}/{command}") };
            let headers = content_type.map(|v| ("Content-Type".to_string(), v)).into_iter().collect();
            Raw { method: "POST", target: target.into_bytes(), headers, body }
        },
    )
}

/// A form body at the sign-in and at the API.
fn form_case(ids: Vec<String>) -> impl Strategy<Value = Raw> {
    let body = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..120),
        Just(b"name=&password=".to_vec()),
        Just(b"name=li".to_vec()),
        Just(b"name=%ff%fe&password=%00".to_vec()),
        Just(b"name=li&password=x&password=y".to_vec()),
        Just(b"%%%&&&===".to_vec()),
        Just(b"message=hello&csrf=x".to_vec()),
        Just(format!("name={}&password=x", "l".repeat(50_000)).into_bytes()),
    ];
    let path =
        prop_oneof![Just("/login".to_string()), Just("/logout".to_string()), Just("/api/v1/tickets".to_string())];
    (prop::sample::select(ids), path, any::<bool>(), body).prop_map(|(id, path, at_ticket, body)| {
        let target = if at_ticket { format!("/api/v1/tickets/{id}/note") } else { path };
        let headers = vec![("Content-Type".to_string(), b"application/x-www-form-urlencoded".to_vec())];
        Raw { method: "POST", target: target.into_bytes(), headers, body }
    })
}

/// Odd headers on reads and writes.
fn header_case(ids: Vec<String>) -> impl Strategy<Value = Raw> {
    let extra = prop_oneof![
        Just(vec![("Content-Type".to_string(), b"application/json".to_vec()); 2]),
        Just(vec![("X-CSRF-Token".to_string(), b"\xff\x00".to_vec())]),
        Just(vec![("X-CSRF-Token".to_string(), vec![b'a'; 20_000])]),
        Just(vec![("X-Big".to_string(), vec![b'b'; 200_000])]),
        Just((0..200).map(|i| (format!("X-H{i}"), b"v".to_vec())).collect()),
        Just(vec![("Authorization".to_string(), b"Bearer second".to_vec())]),
        Just(vec![("Transfer-Encoding".to_string(), b"gzip".to_vec())]),
        Just(vec![("Accept".to_string(), b"*/*;q=\xff".to_vec())]),
        Just(vec![("Accept-Language".to_string(), b"zz-\x01".to_vec())]),
        Just(vec![("Expect".to_string(), b"100-continue".to_vec())]),
        Just(vec![("Range".to_string(), b"bytes=99999999-".to_vec())]),
        Just(vec![("Origin".to_string(), b"null".to_vec())]),
    ];
    let method = prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]);
    (prop::sample::select(ids), method, extra, bad_json_body()).prop_map(|(id, method, headers, body)| {
        let target =
            if method == "GET" { format!("/api/v1/tickets/{id}") } else { format!("/api/v1/tickets/{id}/note") };
        Raw { method, target: target.into_bytes(), headers, body }
    })
}

/// Odd paths and queries.
fn path_case(ids: Vec<String>) -> impl Strategy<Value = Raw> {
    let target = prop_oneof![
        prop::sample::select(ids.clone()).prop_map(|id| format!("/api/v1/tickets/{}", id.to_lowercase())),
        prop::sample::select(ids.clone()).prop_map(|id| format!("/api/v1/tickets/{id}/")),
        prop::sample::select(ids.clone()).prop_map(|id| format!("/api/v1/tickets/{id}%2Fnote")),
        prop::sample::select(ids).prop_map(|id| format!("/api/v1/tickets/../tickets/{id}")),
        Just(format!("/api/v1/tickets/CP{}", "9".repeat(5000))),
        Just("/api/v1/tickets/%2e%2e%2f%2e%2e%2fcomplaint.toml".to_string()),
        Just("/api/v1/tickets/..%2F..%2F.complaint%2Fusers.toml".to_string()),
        Just("/api/v1/tickets/%00".to_string()),
        Just("/api/v1/tickets/%ff%fe".to_string()),
        Just("/api/v1/tickets/CP20261123001\u{202e}".to_string()),
        Just("/api/v1//tickets".to_string()),
        Just("/api/v1/tickets?limit=99999999999999999999999".to_string()),
        Just("/api/v1/tickets?limit=-1&offset=18446744073709551615".to_string()),
        Just("/api/v1/tickets?status=nonsense&since=2026-13-45".to_string()),
        Just("/api/v1/tickets?search=%00%ff&customer=%E2%80%AE".to_string()),
        Just("/api/v1/tickets?%%%=&&=".to_string()),
        Just("/api/v1/tickets?until=yesterday-ish&open=maybe".to_string()),
        Just("/api/v1/tickets?since=99999-01-01".to_string()),
        Just("*".to_string()),
        Just("http://elsewhere/api/v1/tickets".to_string()),
        "/api/v1/[a-zA-Z0-9%./_-]{0,40}",
    ];
    (target, prop::sample::select(vec!["GET", "POST"])).prop_map(|(target, method)| Raw {
        method,
        target: target.into_bytes(),
        headers: Vec::new(),
        body: Vec::new(),
    })
}

// ---- the test -----------------------------------------------------------

fn setup() -> (Store, Target) {
    let store = Store::empty();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git").current_dir(store.path()).args(args).output().unwrap();
        assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
    };
    git(&["init", "-q"]);
    store.cmd("2026-11-23 08:00").arg("init").arg(store.path()).assert().success();
    git(&["add", "-A"]);
    git(&["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init"]);
    let ids = vec![store.new_ticket("2026-11-23 09:00", &[]), store.new_ticket("2026-11-23 09:30", &[])];
    let token = add_user(&store, "li", "agent", true);
    let server = Server::start(&store);
    let host = server.base.trim_start_matches("http://").trim_end_matches('/').to_string();
    (store, Target { server, host, token, ids })
}

/// What a valid change may touch: the ticket of the path (or a new one).
fn allowed_change(raw: &Raw, path: &std::path::Path, store: &Store, ids: &[String]) -> bool {
    if path.starts_with(".git") {
        return true;
    }
    let target = String::from_utf8_lossy(&raw.target);
    if target == "/api/v1/tickets" {
        return path.starts_with("tickets") && !ids.iter().any(|id| store.ticket_path(id).ends_with(path));
    }
    ids.iter().any(|id| target.starts_with(&format!("/api/v1/tickets/{id}/")) && store.ticket_path(id).ends_with(path))
}

#[test]
fn malformed_requests_never_fail_the_server_nor_change_a_file() {
    let (store, target) = setup();
    let ids = target.ids.clone();
    let strategy = (
        prop_oneof![
            4 => json_case(ids.clone()),
            2 => form_case(ids.clone()),
            2 => header_case(ids.clone()),
            3 => path_case(ids.clone()),
        ],
        auth(),
    );
    let config = Config { cases: CASES, failure_persistence: None, ..Config::default() };
    let before = std::cell::RefCell::new(snapshot(&store));
    let result = TestRunner::new(config).run(&strategy, |(raw, auth)| {
        let status = target.send(&raw, &auth);
        prop_assert!(!(500..600).contains(&status), "{status} for {raw:?} {auth:?}");
        prop_assert!(target.healthy(), "the server no longer answers after {raw:?} {auth:?}");
        let after = snapshot(&store);
        let changes = changed(&before.borrow(), &after);
        if (200..300).contains(&status) && raw.method == "POST" {
            let stray: Vec<_> = changes.iter().filter(|p| !allowed_change(&raw, p, &store, &ids)).collect();
            prop_assert!(stray.is_empty(), "{status} for {raw:?} changed {stray:?}");
        } else {
            prop_assert!(changes.is_empty(), "{status} for {raw:?} {auth:?} changed {changes:?}");
        }
        if status == 0 {
            return Err(TestCaseError::fail(format!("no answer to {raw:?} {auth:?}")));
        }
        *before.borrow_mut() = after;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(target.server.child.id() > 0);
}
