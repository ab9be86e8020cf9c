//! Sign-in, throttling, CSRF, bearer tokens, roles and masking.

use crate::harness::*;

#[test]
fn sign_in_with_the_right_password_only() {
    let store = Store::new();
    let password = add_user(&store, "li", "agent", false);
    let server = Server::start(&store);
    assert_eq!(server.get("/api/v1/tickets", &[]).status, 401);
    let wrong = server.post_form("/login", &[("name", "li"), ("password", "nope")]);
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.json()["error"]["kind"], "unauthorized");
    let (cookie, csrf) = server.login("li", &password);
    let session = server.get("/api/v1/session", &[("cookie", &cookie)]);
    assert_eq!(session.status, 200);
    assert_eq!(session.json()["name"], "li");
    assert_eq!(session.json()["csrf"], csrf.as_str());
    let set_cookie = server.post_form("/login", &[("name", "li"), ("password", &password)]);
    let flags = set_cookie.header("set-cookie").unwrap();
    assert!(flags.contains("HttpOnly") && flags.contains("SameSite=Strict") && flags.contains("Path=/"), "{flags}");
}

#[test]
fn five_failures_throttle_the_name() {
    let store = Store::new();
    let password = add_user(&store, "li", "agent", false);
    let server = Server::start(&store);
    for _ in 0..5 {
        assert_eq!(server.post_form("/login", &[("name", "li"), ("password", "x")]).status, 401);
    }
    let refused = server.post_form("/login", &[("name", "li"), ("password", &password)]);
    assert_eq!(refused.status, 429);
    assert_eq!(refused.json()["error"]["kind"], "throttled");
}

#[test]
fn a_cookie_write_needs_the_csrf_token_and_a_bearer_does_not() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let password = add_user(&store, "li", "agent", false);
    let token = add_user(&store, "bot", "agent", true);
    let server = Server::start(&store);
    let (cookie, csrf) = server.login("li", &password);
    let note = format!("/api/v1/tickets/{id}/note");
    let body = r#"{"message": "已致电客户"}"#;
    assert_eq!(server.post(&note, &[("cookie", &cookie)], body).status, 403);
    assert_eq!(server.post(&note, &[("cookie", &cookie), ("x-csrf-token", "bad")], body).status, 403);
    assert_eq!(server.post(&note, &[("cookie", &cookie), ("x-csrf-token", &csrf)], body).status, 200);
    assert_eq!(server.post(&note, &[("authorization", &bearer(&token))], body).status, 200);
    assert_eq!(server.post(&note, &[("authorization", "Bearer 00.wrong")], body).status, 401);
}

#[test]
fn a_viewer_reads_but_cannot_write() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let token = add_user(&store, "zhao", "viewer", true);
    let server = Server::start(&store);
    let auth = bearer(&token);
    assert_eq!(server.get(&format!("/api/v1/tickets/{id}"), &[("authorization", &auth)]).status, 200);
    let refused =
        server.post(&format!("/api/v1/tickets/{id}/note"), &[("authorization", &auth)], r#"{"message": "x"}"#);
    assert_eq!(refused.status, 403);
    assert_eq!(server.post("/api/v1/tickets", &[("authorization", &auth)], "{}").status, 403);
}

#[test]
fn only_a_lead_sees_names_and_contacts() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let agent = add_user(&store, "li", "agent", true);
    let lead = add_user(&store, "chen", "lead", true);
    let server = Server::start(&store);
    let path = format!("/api/v1/tickets/{id}");
    let masked = server.get(&path, &[("authorization", &bearer(&agent))]).json();
    assert_eq!(masked["ticket"]["customer"]["name"], "张*");
    assert_eq!(masked["ticket"]["customer"]["contact"], "138****5678");
    let plain = server.get(&path, &[("authorization", &bearer(&lead))]).json();
    assert_eq!(plain["ticket"]["customer"]["name"], "张三");
    assert_eq!(plain["ticket"]["customer"]["contact"], "13812345678");
}

#[test]
fn user_list_remove_and_reset() {
    let store = Store::new();
    let first = add_user(&store, "li", "agent", false);
    let listed = store.cmd(NOW).args(["user", "list"]).output().unwrap();
    let text = String::from_utf8(listed.stdout).unwrap();
    assert!(text.starts_with("li\tagent\tpassword: yes\ttoken: no"), "{text}");
    let file = std::fs::read_to_string(store.path().join(".complaint/users.toml")).unwrap();
    assert!(!file.contains(&first) && file.contains("$argon2"), "{file}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(store.path().join(".complaint/users.toml")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let reset = store.cmd(NOW).args(["user", "reset", "li"]).output().unwrap();
    let second = String::from_utf8(reset.stdout).unwrap().trim().to_string();
    assert_ne!(first, second);
    let server = Server::start(&store);
    assert_eq!(server.post_form("/login", &[("name", "li"), ("password", &first)]).status, 401);
    let (cookie, _) = server.login("li", &second);
    store.cmd(NOW).args(["user", "remove", "li"]).assert().success();
    assert_eq!(server.get("/api/v1/session", &[("cookie", &cookie)]).status, 401);
}

#[test]
fn a_remembered_token_stops_working_at_reset_and_remove_and_follows_a_new_role() {
    let store = Store::new();
    let old = add_user(&store, "li", "agent", true);
    let server = Server::start(&store);
    let session = |token: &str| server.get("/api/v1/session", &[("authorization", &bearer(token))]);
    assert_eq!(session(&old).status, 200);
    assert_eq!(session(&old).json()["role"], "agent", "the second use is answered from the cache");
    let reset = store.cmd(NOW).args(["user", "reset", "li", "--token", "--role", "viewer"]).output().unwrap();
    let new = String::from_utf8(reset.stdout).unwrap().trim().to_string();
    assert_eq!(session(&old).status, 401);
    assert_eq!(session(&new).json()["role"], "viewer");
    store.cmd(NOW).args(["user", "remove", "li"]).assert().success();
    assert_eq!(session(&new).status, 401);
}
