//! The overdue list and the report: `GET /api/v1/overdue`, `GET
//! /api/v1/report` (the CLI's `--json` documents) and the board and report
//! pages.

use crate::harness::*;

const HTML: (&str, &str) = ("accept", "text/html");

/// The CLI's `--json` document for `args`, at the server's NOW.
fn cli_json(store: &Store, args: &[&str]) -> serde_json::Value {
    let out = store.cmd(NOW).args(args).output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// A store with one ticket received two days before NOW: its first
/// response is overdue.
fn late_store() -> (Store, String) {
    let store = Store::new();
    let id = store.new_ticket("2026-11-20 09:00", &[]);
    (store, id)
}

#[test]
fn the_api_documents_equal_the_command_lines() {
    let (store, id) = late_store();
    let token = add_user(&store, "viewer1", "viewer", true);
    let server = Server::start(&store);
    let auth = bearer(&token);
    let got = server.get("/api/v1/overdue", &[("authorization", &auth)]);
    assert_eq!(got.status, 200, "{}", got.body);
    let doc = got.json();
    assert_eq!(doc, cli_json(&store, &["overdue", "--json"]));
    assert!(doc["items"].as_array().unwrap().iter().any(|i| i["id"] == id.as_str()), "{doc}");
    let query = "/api/v1/overdue?warn_before=1d&as_of=2026-11-23T10:00&status=new";
    let doc = server.get(query, &[("authorization", &auth)]).json();
    let cli = ["overdue", "--json", "--warn-before", "1d", "--as-of", "2026-11-23T10:00", "--status", "new"];
    assert_eq!(doc, cli_json(&store, &cli));
    // The command line prints nothing for an empty list; the API answers an empty document.
    let doc = server.get("/api/v1/overdue?owner=nobody", &[("authorization", &auth)]).json();
    assert_eq!((doc["overdue"].as_u64(), doc["items"].as_array().map(Vec::len)), (Some(0), Some(0)), "{doc}");
    for (query, args) in [
        ("month=2026-11", vec!["report", "--json", "--month", "2026-11"]),
        ("week=2026-W47&channel=phone", vec!["report", "--json", "--week", "2026-W47", "--channel", "phone"]),
        ("", vec!["report", "--json"]),
    ] {
        let got = server.get(&format!("/api/v1/report?{query}"), &[("authorization", &auth)]);
        assert_eq!(got.status, 200, "{query}: {}", got.body);
        assert_eq!(got.json(), cli_json(&store, &args), "{query}");
    }
}

#[test]
fn a_bad_query_is_400() {
    let (store, _) = late_store();
    let token = add_user(&store, "viewer1", "viewer", true);
    let server = Server::start(&store);
    let auth = bearer(&token);
    for path in [
        "/api/v1/overdue?as_of=yesterday-ish",
        "/api/v1/overdue?warn_before=0m",
        "/api/v1/overdue?colour=red",
        "/api/v1/report?month=2026-13",
        "/api/v1/report?month=2026-11&week=2026-W47",
        "/api/v1/report?to=2026-11-01",
        "/api/v1/report?lang=fr",
        "/api/v1/report?colour=red",
    ] {
        let got = server.get(path, &[("authorization", &auth)]);
        assert_eq!(got.status, 400, "{path}: {}", got.body);
        assert!(got.json()["error"]["message"].is_string(), "{path}");
    }
    assert_eq!(server.get("/api/v1/overdue", &[]).status, 401);
}

#[test]
fn the_board_and_the_report_pages() {
    let (store, id) = late_store();
    let password = add_user(&store, "li", "agent", false);
    let server = Server::start(&store);
    let (cookie, _) = server.login("li", &password);
    for path in ["/overdue", "/overdue?owner=", "/report?month=2026-11", "/report?week=2026-W47", "/report"] {
        let page = server.get(path, &[("cookie", &cookie), HTML]);
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        assert!(page.body.contains("<!DOCTYPE html>"), "{path}");
        assert!(!page.body.contains("<script"), "{path}: no script");
        assert!(!page.body.contains("<style"), "{path}: no inline style");
        assert!(!page.body.contains("style=\""), "{path}: no style attribute");
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        let csp = page.header("content-security-policy").unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"));
        let anon = server.get(path, &[HTML]);
        assert_eq!(anon.status, 303, "{path}");
        assert!(anon.header("location").unwrap().starts_with("/login?next="), "{path}");
    }
    let board = server.get("/overdue", &[("cookie", &cookie), HTML]).body;
    assert!(board.contains(&format!("href=\"/tickets/{id}\"")), "{board}");
    assert!(!board.contains("张三"), "the customer is masked for an agent");
    let none = server.get("/overdue?owner=nobody", &[("cookie", &cookie), HTML]).body;
    assert!(!none.contains(&id), "the owner filter");
    let report = server.get("/report?month=2026-11", &[("cookie", &cookie), HTML]).body;
    assert!(report.contains("href=\"/static/report.css\"") && report.contains("<svg"), "{report}");
    let css = server.get("/static/report.css", &[]);
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    assert_eq!(server.get("/report?month=2026-13", &[("cookie", &cookie), HTML]).status, 400);
}
