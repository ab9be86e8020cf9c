//! The web desk: pages, forms, sign-in redirects, masking, attachments.

use crate::harness::*;

const HTML: (&str, &str) = ("accept", "text/html");

/// A server with an agent and a lead; the agent's cookie and CSRF token.
fn desk(store: &Store) -> (Server, String, String) {
    let password = add_user(store, "li", "agent", false);
    let server = Server::start(store);
    let (cookie, csrf) = server.login("li", &password);
    (server, cookie, csrf)
}

fn history_len(store: &Store, id: &str) -> usize {
    let shown = store.cmd(NOW).args(["--json", "show", id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    doc["ticket"]["history"].as_array().unwrap().len()
}

#[test]
fn every_page_answers_a_signed_in_agent_and_sends_others_to_login() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let (server, cookie, _) = desk(&store);
    for path in ["/", &format!("/tickets/{id}"), "/new", "/login", "/?status=new&search=x"] {
        let page = server.get(path, &[("cookie", &cookie), HTML]);
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        assert!(page.body.contains("<!DOCTYPE html>"), "{path}");
        assert!(!page.body.contains("<script"), "{path}: no script");
        assert!(!page.body.contains("http://") && !page.body.contains("https://"), "{path}: nothing from elsewhere");
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
        assert!(page.header("content-security-policy").unwrap().contains("default-src 'self'"));
    }
    for path in ["/", &format!("/tickets/{id}"), "/new"] {
        let page = server.get(path, &[HTML]);
        assert_eq!(page.status, 303, "{path}");
        assert!(page.header("location").unwrap().starts_with("/login?next="), "{path}");
    }
    assert_eq!(server.get("/static/desk.css", &[]).status, 200);
    assert_eq!(server.get("/nowhere", &[("cookie", &cookie), HTML]).status, 404);
}

#[test]
fn a_browser_signs_in_with_a_form_and_comes_back() {
    let store = Store::new();
    let password = add_user(&store, "li", "agent", false);
    let server = Server::start(&store);
    let ok = server.post_form_with("/login", &[HTML], &[("name", "li"), ("password", &password), ("next", "/new")]);
    assert_eq!(ok.status, 303);
    assert_eq!(ok.header("location"), Some("/new"));
    let wrong = server.post_form_with("/login", &[HTML], &[("name", "li"), ("password", "x"), ("next", "//evil")]);
    assert_eq!(wrong.status, 401);
    assert!(wrong.body.contains("wrong name or password"));
}

#[test]
fn the_queue_filters_by_status_and_search() {
    let store = Store::new();
    let first = store.new_ticket("2026-11-23 08:10", &["--summary", "表带断裂"]);
    let second = store.new_ticket("2026-11-23 08:20", &["--summary", "屏幕碎裂"]);
    let (server, cookie, csrf) = desk(&store);
    let moved = server.post_form_with(
        &format!("/tickets/{second}/transition"),
        &[("cookie", &cookie), HTML],
        &[("csrf", &csrf), ("status", "processing")],
    );
    assert_eq!(moved.status, 303, "{}", moved.body);
    let processing = server.get("/?status=processing&category=", &[("cookie", &cookie), HTML]);
    assert!(processing.body.contains(&second) && !processing.body.contains(&first));
    let search = server.get(&format!("/?search={}", "表带"), &[("cookie", &cookie), HTML]);
    assert!(search.body.contains(&first) && !search.body.contains(&second), "{}", search.body);
}

#[test]
fn an_action_form_changes_the_ticket_or_shows_the_refusal() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let (server, cookie, csrf) = desk(&store);
    let post = |command: &str, form: &[(&str, &str)]| {
        server.post_form_with(&format!("/tickets/{id}/{command}"), &[("cookie", &cookie), HTML], form)
    };
    let no_csrf = post("transition", &[("status", "processing")]);
    assert_eq!(no_csrf.status, 403);
    assert_eq!(history_len(&store, &id), 1, "nothing changed");
    let moved = post("transition", &[("csrf", &csrf), ("status", "processing"), ("note", "开始处理")]);
    assert_eq!(moved.status, 303, "{}", moved.body);
    assert!(moved.header("location").unwrap().starts_with(&format!("/tickets/{id}?done=transition")));
    assert_eq!(history_len(&store, &id), 2);
    let refused = post("transition", &[("csrf", &csrf), ("status", "new")]);
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("field-error"), "the message beside the form");
    assert_eq!(history_len(&store, &id), 2, "nothing changed");
    let page = server.get(&format!("/tickets/{id}?done=transition"), &[("cookie", &cookie), HTML]);
    assert!(page.body.contains("已保存"));
}

#[test]
fn the_new_form_records_a_complaint_as_the_signed_in_person() {
    let store = Store::new();
    let (server, cookie, csrf) = desk(&store);
    let headers = [("cookie", cookie.as_str()), HTML];
    let missing =
        server.post_form_with("/new", &headers, &[("csrf", &csrf), ("customer", "李四"), ("received_at", "tomorrow?")]);
    assert_eq!(missing.status, 400);
    assert!(missing.body.contains("李四"), "what was typed is kept");
    assert!(missing.body.contains("field-error"));
    let form = [
        ("csrf", csrf.as_str()),
        ("customer", "李四"),
        ("contact", "13900001111"),
        ("channel", "phone"),
        ("summary", "屏幕碎裂"),
        ("received_at", "2026-11-23 09:30"),
        ("purchase_proof", "JD123"),
    ];
    let created = server.post_form_with("/new", &headers, &form);
    assert_eq!(created.status, 303, "{}", created.body);
    let id = created.header("location").unwrap().trim_start_matches("/tickets/").to_string();
    let shown = store.cmd(NOW).args(["--json", "show", &id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(doc["ticket"]["history"][0]["by"], "li");
    assert_eq!(doc["ticket"]["summary"], "屏幕碎裂");
}

#[test]
fn names_are_masked_for_an_agent_and_shown_to_a_lead() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &["--customer", "张三丰", "--contact", "13812345678"]);
    let lead_password = add_user(&store, "wang", "lead", false);
    let (server, cookie, _) = desk(&store);
    let (lead, _) = server.login("wang", &lead_password);
    for path in [format!("/tickets/{id}"), "/".to_string()] {
        let agent_page = server.get(&path, &[("cookie", &cookie), HTML]);
        assert!(!agent_page.body.contains("张三丰"), "{path}");
        let lead_page = server.get(&path, &[("cookie", &lead), HTML]);
        assert!(lead_page.body.contains("张三丰"), "{path}");
    }
    let agent_page = server.get(&format!("/tickets/{id}"), &[("cookie", &cookie), HTML]);
    assert!(!agent_page.body.contains("13812345678"));
}

fn multipart(csrf: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "XyZboundary42";
    let mut body = Vec::new();
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n").bytes());
    body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nphoto\r\n").bytes());
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .bytes(),
    );
    body.extend(bytes);
    body.extend(format!("\r\n--{boundary}--\r\n").bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn an_upload_round_trips_and_an_oversized_one_is_refused() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let config = std::fs::read_to_string(store.path().join("complaint.toml")).unwrap();
    std::fs::write(
        store.path().join("complaint.toml"),
        config.replace("max_attachment_bytes = 20971520", "max_attachment_bytes = 4096"),
    )
    .unwrap();
    let (server, cookie, csrf) = desk(&store);
    let bytes: Vec<u8> = (0..3000u32).map(|i| (i % 251) as u8).collect();
    let (kind, body) = multipart(&csrf, "照片.jpg", &bytes);
    let agent = ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build().new_agent();
    let send = |body: &[u8]| {
        agent
            .post(format!("{}/tickets/{id}/attach", server.base))
            .header("cookie", &cookie)
            .header("content-type", &kind)
            .header("accept", "text/html")
            .send(body)
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(send(&body), 303);
    assert_eq!(history_len(&store, &id), 2);
    let page = server.get(&format!("/tickets/{id}"), &[("cookie", &cookie), HTML]).body;
    let at = page.find(&format!("/tickets/{id}/attachments/")).unwrap();
    let href = &page[at..at + page[at..].find('"').unwrap()];
    let mut got = agent.get(format!("{}{href}", server.base)).header("cookie", &cookie).call().unwrap();
    assert!(got.headers().get("content-disposition").unwrap().to_str().unwrap().starts_with("attachment"));
    assert_eq!(got.headers().get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(got.body_mut().read_to_vec().unwrap(), bytes);
    let big = vec![7u8; 5000];
    let (_, body) = multipart(&csrf, "big.bin", &big);
    assert_eq!(send(&body), 413);
    assert_eq!(history_len(&store, &id), 2, "nothing kept");
    let kept = walk(&store.path().join("attachments"));
    assert_eq!(kept, 1, "only the first file is kept");
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
        .unwrap_or(0)
}
