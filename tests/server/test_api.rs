//! Each API call, its happy path and its error codes.

use crate::harness::*;

fn agent(store: &Store) -> (Server, String) {
    let token = add_user(store, "li", "agent", true);
    (Server::start(store), bearer(&token))
}

#[test]
fn list_filters_and_pages() {
    let store = Store::new();
    let first = store.new_ticket("2026-11-23 08:10", &[]);
    let second = store.new_ticket("2026-11-23 08:20", &["--channel", "email"]);
    let (server, auth) = agent(&store);
    let all = server.get("/api/v1/tickets", &[("authorization", &auth)]).json();
    assert_eq!((all["total"].as_u64(), all["limit"].as_u64(), all["offset"].as_u64()), (Some(2), Some(50), Some(0)));
    assert_eq!(all["tickets"][0]["id"], first.as_str());
    let page = server.get("/api/v1/tickets?limit=1&offset=1", &[("authorization", &auth)]).json();
    assert_eq!(page["tickets"].as_array().unwrap().len(), 1);
    assert_eq!(page["tickets"][0]["id"], second.as_str());
    let email = server.get("/api/v1/tickets?channel=email", &[("authorization", &auth)]).json();
    assert_eq!(email["total"], 1);
    let unknown = server.get("/api/v1/tickets?colour=red", &[("authorization", &auth)]);
    assert_eq!(unknown.status, 400);
    assert_eq!(server.get("/api/v1/tickets?status=flying", &[("authorization", &auth)]).status, 400);
}

#[test]
fn the_queue_shared_by_concurrent_readers_still_shows_every_change_made_before_a_request() {
    let store = Store::new();
    store.new_ticket("2026-11-23 08:10", &[]);
    let (server, auth) = agent(&store);
    let total = || server.get("/api/v1/tickets?channel=phone", &[("authorization", &auth)]).json()["total"].clone();
    for expected in 1..=3 {
        let answers: Vec<_> = std::thread::scope(|scope| {
            let readers: Vec<_> = (0..8).map(|_| scope.spawn(total)).collect();
            readers.into_iter().map(|r| r.join().unwrap()).collect()
        });
        assert!(answers.iter().all(|a| *a == expected), "{answers:?}");
        store.new_ticket("2026-11-23 08:20", &[]);
    }
    assert_eq!(total(), 4, "a CLI change shows on the next request");
}

#[test]
fn show_has_fields_and_stage_clocks() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let (server, auth) = agent(&store);
    let doc = server.get(&format!("/api/v1/tickets/{id}"), &[("authorization", &auth)]).json();
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["ticket"]["id"], id.as_str());
    assert!(doc["stages"].is_array() || doc["stages"].is_object(), "{doc}");
    assert_eq!(server.get("/api/v1/tickets/CP20261123999", &[("authorization", &auth)]).status, 404);
    assert_eq!(server.get("/api/v1/tickets/nonsense", &[("authorization", &auth)]).status, 400);
}

#[test]
fn create_answers_201_with_location_and_records_the_actor() {
    let store = Store::new();
    let (server, auth) = agent(&store);
    let body = r#"{"customer": {"name": "李四", "contact": "13900001111"}, "channel": "phone", "summary": "屏幕碎裂"}"#;
    let created = server.post("/api/v1/tickets", &[("authorization", &auth)], body);
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.json()["ticket"]["id"].as_str().unwrap().to_string();
    assert_eq!(created.header("location"), Some(format!("/api/v1/tickets/{id}").as_str()));
    let shown = store.cmd(NOW).args(["--json", "show", &id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(doc["ticket"]["history"][0]["by"], "li");
    let bad = server.post("/api/v1/tickets", &[("authorization", &auth)], r#"{"summary": "x", "colour": 1}"#);
    assert_eq!(bad.status, 400);
    assert_eq!(server.post("/api/v1/tickets", &[("authorization", &auth)], "{not json").status, 400);
}

#[test]
fn commands_change_the_file_as_the_signed_in_person() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let (server, auth) = agent(&store);
    let post = |command: &str, body: &str| {
        server.post(&format!("/api/v1/tickets/{id}/{command}"), &[("authorization", &auth)], body)
    };
    let moved = post("transition", r#"{"status": "processing", "note": "开始处理"}"#);
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.json()["ticket"]["status"], "processing");
    assert_eq!(post("note", r#"{"message": "已联系客户"}"#).status, 200);
    assert_eq!(post("classify", r#"{"category": "product_quality"}"#).status, 200, "classify");
    let shown = store.cmd(NOW).args(["--json", "show", &id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let history = doc["ticket"]["history"].as_array().unwrap();
    assert_eq!(history.len(), 4);
    assert!(history[1..].iter().all(|e| e["by"] == "li"), "{history:?}");
    // Errors: refused move, unknown command, unknown key, malformed JSON, unknown ID.
    let refused = post("transition", r#"{"status": "new"}"#);
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(refused.json()["error"]["kind"], "conflict");
    assert_eq!(post("teleport", "{}").status, 404);
    assert_eq!(post("note", r#"{"message": "x", "colour": "red"}"#).status, 400);
    assert_eq!(post("note", r#"{"message": "#).status, 400);
    let unknown = server.post("/api/v1/tickets/CP20261123999/note", &[("authorization", &auth)], r#"{"message": "x"}"#);
    assert_eq!(unknown.status, 404);
    let after = store.cmd(NOW).args(["--json", "show", &id]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(doc["ticket"]["history"].as_array().unwrap().len(), 4, "no refused request changed the file");
}

#[test]
fn the_openapi_description_matches_the_routes() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let (server, auth) = agent(&store);
    let doc = server.get("/api/v1/openapi.json", &[]).json();
    let mut documented = Vec::new();
    for (path, methods) in doc["paths"].as_object().unwrap() {
        for method in methods.as_object().unwrap().keys() {
            documented.push((method.to_uppercase(), path.clone()));
        }
    }
    let mut routes: Vec<_> =
        complaint::server::api::ROUTES.iter().map(|r| (r.method.to_string(), r.path.to_string())).collect();
    documented.sort();
    routes.sort();
    assert_eq!(documented, routes, "every route documented, every documented path routed");
    for (method, path) in &documented {
        let concrete = path.replace("{id}", &id).replace("{command}", "note");
        let reply = match method.as_str() {
            "GET" => server.get(&concrete, &[("authorization", &auth)]),
            _ => server.post(&concrete, &[("authorization", &auth)], r#"{"message": "x"}"#),
        };
        assert!(![404, 405].contains(&reply.status), "{method} {concrete}: {} {}", reply.status, reply.body);
    }
}

#[test]
fn the_warm_index_sees_a_same_size_hand_edit_a_deleted_file_and_a_pulled_month_at_once() {
    let store = Store::new();
    let first = store.new_ticket("2026-11-23 08:10", &[]);
    let second = store.new_ticket("2026-11-23 08:20", &[]);
    let (server, auth) = agent(&store);
    let total = |query: &str| {
        server.get(&format!("/api/v1/tickets?{query}"), &[("authorization", &auth)]).json()["total"].clone()
    };
    assert_eq!(total("channel=phone"), 2);

    // Edited in place, same size, within the second the server read it:
    // only the racy-index rule sees it (size and mtime second may match).
    let path = store.ticket_path(&first);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("channel: phone", "channel: email")).unwrap();
    assert_eq!((total("channel=phone"), total("channel=email")), (1.into(), 1.into()));

    std::fs::remove_file(store.ticket_path(&second)).unwrap();
    assert_eq!(total(""), 1);

    // A new month directory, as a `git pull` brings it.
    let pulled = "CP20261201001";
    let pulled_path = store.path().join("tickets/2026/12").join(format!("{pulled}.yaml"));
    std::fs::create_dir_all(pulled_path.parent().unwrap()).unwrap();
    std::fs::write(&pulled_path, text.replace(&first, pulled).replace("2026-11-23T08:10", "2026-12-01T08:10")).unwrap();
    let all = server.get("/api/v1/tickets", &[("authorization", &auth)]).json();
    let ids: Vec<_> = all["tickets"].as_array().unwrap().iter().map(|t| t["id"].clone()).collect();
    assert_eq!(ids, [first.as_str(), pulled]);

    // A broken file leaves the queue and shows on the overdue list as unreadable.
    std::fs::write(&pulled_path, "id: [unclosed").unwrap();
    assert_eq!(total(""), 1);
    let overdue = server.get("/api/v1/overdue", &[("authorization", &auth)]).json();
    assert_eq!(overdue["unreadable"].as_array().map(Vec::len), Some(1), "{overdue}");

    // A month directory removed whole (a `git checkout` of an older commit).
    std::fs::remove_dir_all(pulled_path.parent().unwrap()).unwrap();
    let overdue = server.get("/api/v1/overdue", &[("authorization", &auth)]).json();
    assert_eq!(overdue["unreadable"].as_array().map(Vec::len), Some(0), "{overdue}");
    store.new_ticket("2026-11-23 09:00", &[]);
    assert_eq!(total(""), 2, "a CLI change shows on the next request");
}
