//! Limits, headers, concurrency with the CLI, graceful shutdown.

use crate::harness::*;

#[test]
fn every_response_has_the_security_headers_and_big_bodies_get_413() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let token = add_user(&store, "li", "agent", true);
    let server = Server::start(&store);
    let reply = server.get("/nowhere", &[]);
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-security-policy"), Some("default-src 'self'; frame-ancestors 'none'"));
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(reply.header("referrer-policy"), Some("same-origin"));
    let big = format!(r#"{{"message": "{}"}}"#, "x".repeat(2 * 1024 * 1024));
    let refused = server.post(&format!("/api/v1/tickets/{id}/note"), &[("authorization", &bearer(&token))], &big);
    assert_eq!(refused.status, 413);
}

#[test]
fn cli_and_api_writing_at_once_lose_nothing() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let token = add_user(&store, "li", "agent", true);
    let server = Server::start(&store);
    let auth = bearer(&token);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for i in 0..10 {
                store.cmd(NOW).args(["note", &id, "-m", &format!("cli {i}")]).assert().success();
            }
        });
        for i in 0..10 {
            let body = format!(r#"{{"message": "api {i}"}}"#);
            let reply = server.post(&format!("/api/v1/tickets/{id}/note"), &[("authorization", &auth)], &body);
            assert_eq!(reply.status, 200, "{}", reply.body);
        }
    });
    let shown = store.cmd(NOW).args(["--json", "show", &id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(doc["ticket"]["history"].as_array().unwrap().len(), 21);
}

#[test]
fn sigterm_finishes_the_requests_in_flight_and_exits_0() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let token = add_user(&store, "li", "agent", true);
    let server = Server::start(&store);
    let auth = bearer(&token);
    let statuses = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4)
            .map(|i| {
                let (server, auth, id) = (&server, &auth, &id);
                scope.spawn(move || {
                    let body = format!(r#"{{"message": "in flight {i}"}}"#);
                    server.post(&format!("/api/v1/tickets/{id}/note"), &[("authorization", auth)], &body).status
                })
            })
            .collect();
        std::thread::sleep(std::time::Duration::from_millis(30));
        terminate(&server.child);
        writers.into_iter().map(|w| w.join().unwrap()).collect::<Vec<_>>()
    });
    let status = server.stop();
    assert!(status.success(), "{status:?}");
    let shown = store.cmd(NOW).args(["--json", "show", &id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let recorded = doc["ticket"]["history"].as_array().unwrap().len() - 1;
    let answered = statuses.iter().filter(|s| **s == 200).count();
    assert_eq!(recorded, answered, "every answered write is on disk, none half-done: {statuses:?}");
}
