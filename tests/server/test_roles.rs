//! Roles live in complaint.toml (`[people.NAME] role`, spec §11): written
//! by `user add/reset --role` with the file's comments kept, read by the
//! server again at the next request after the file changed.

use crate::harness::{NOW, Server, Store, add_user, bearer};

fn config(store: &Store) -> String {
    std::fs::read_to_string(store.path().join("complaint.toml")).unwrap()
}

fn set_config(store: &Store, text: &str) {
    std::fs::write(store.path().join("complaint.toml"), text).unwrap();
}

fn users_file(store: &Store) -> String {
    std::fs::read_to_string(store.path().join(".complaint/users.toml")).unwrap_or_default()
}

#[test]
fn user_add_writes_the_role_into_the_config_keeping_its_comments() {
    let store = Store::new();
    set_config(&store, &format!("# 本店配置，勿删\n{}", config(&store)));
    add_user(&store, "王芳", "lead", false);
    let text = config(&store);
    assert!(text.starts_with("# 本店配置，勿删\n"), "{text}");
    assert!(text.contains("[people.\"王芳\"]\nrole = \"lead\"\n"), "{text}");
    assert!(text.contains("# E-mail addresses of staff"), "{text}");
    assert!(!users_file(&store).contains("role"), "{}", users_file(&store));
    let listed = store.ok(NOW, &["user", "list"]);
    assert!(listed.starts_with("王芳\tlead\tpassword: yes"), "{listed}");
    store.ok(NOW, &["user", "reset", "王芳", "--role", "viewer"]);
    assert!(config(&store).contains("[people.\"王芳\"]\nrole = \"viewer\"\n"), "{}", config(&store));
}

#[test]
fn an_address_entry_becomes_a_table_keeping_the_address() {
    let store = Store::new();
    let text = config(&store).replacen("[people]\n", "[people]\n\"李四\" = \"李四 <lisi@example.com>\"\n", 1);
    set_config(&store, &text);
    add_user(&store, "李四", "agent", false);
    let text = config(&store);
    assert!(text.contains("[people.\"李四\"]\nemail = \"李四 <lisi@example.com>\"\nrole = \"agent\"\n"), "{text}");
    store.ok(NOW, &["check"]);
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    // The address is still found: the notice fails only at sending.
    let out = store.cmd(NOW).args(["assign", &id, "--assignee", "李四", "--notify"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("no e-mail address"), "{stderr}");
}

#[test]
fn a_wrong_role_in_the_config_is_refused_and_nothing_changes() {
    let store = Store::new();
    let text = config(&store).replacen("[people]\n", "[people]\n[people.\"王芳\"]\nrole = \"boss\"\n", 1);
    set_config(&store, &text);
    store.fails_unchanged(
        NOW,
        &["user", "add", "李四", "--role", "agent"],
        &["complaint.toml", "[people.\"王芳\"] role = \"boss\" is not a role; a role is one of: agent, lead, viewer"],
    );
    assert_eq!(config(&store), text);
    assert_eq!(users_file(&store), "");
    let store = Store::new();
    store.fails_unchanged(NOW, &["user", "add", "李四", "--role", "boss"], &["unknown role “boss”"]);
    assert_eq!(users_file(&store), "");
}

#[test]
fn a_role_changed_in_the_config_counts_at_the_next_request() {
    let store = Store::new();
    let id = store.new_ticket("2026-11-23 09:00", &[]);
    let viewer = bearer(&add_user(&store, "zhao", "viewer", true));
    let lead = bearer(&add_user(&store, "chen", "lead", true));
    let server = Server::start(&store);
    let note = format!("/api/v1/tickets/{id}/note");
    let body = r#"{"message": "已致电客户"}"#;
    assert_eq!(server.post(&note, &[("authorization", &viewer)], body).status, 403);
    let path = format!("/api/v1/tickets/{id}");
    assert_eq!(server.get(&path, &[("authorization", &lead)]).json()["ticket"]["customer"]["name"], "张三");
    // As a `git pull` would: the file edited in place, no command run.
    let text = config(&store)
        .replace("[people.zhao]\nrole = \"viewer\"", "[people.zhao]\nrole = \"agent\"")
        .replace("[people.chen]\nrole = \"lead\"", "[people.chen]\nrole = \"agent\"");
    assert_ne!(text, config(&store));
    set_config(&store, &text);
    assert_eq!(server.post(&note, &[("authorization", &viewer)], body).status, 200);
    assert_eq!(server.get(&path, &[("authorization", &lead)]).json()["ticket"]["customer"]["name"], "张*");
    assert_eq!(server.get("/api/v1/session", &[("authorization", &lead)]).json()["role"], "agent");
}

#[test]
fn an_older_users_file_with_roles_still_signs_in_until_migrated() {
    let store = Store::new();
    let password = add_user(&store, "li", "lead", false);
    // What older versions wrote: the role beside the hashes, none in the config.
    let users = users_file(&store).replacen("[users.li]\n", "[users.li]\nrole = \"lead\"\n", 1);
    std::fs::write(store.path().join(".complaint/users.toml"), &users).unwrap();
    set_config(&store, &config(&store).replace("[people.li]\nrole = \"lead\"\n", ""));
    assert!(!config(&store).contains("people.li"), "{}", config(&store));
    assert!(store.ok(NOW, &["user", "list"]).starts_with("li\tlead\t"));
    let server = Server::start(&store);
    let (cookie, _) = server.login("li", &password);
    assert_eq!(server.get("/api/v1/session", &[("cookie", &cookie)]).json()["role"], "lead");
    store.ok(NOW, &["user", "reset", "li", "--role", "agent"]);
    assert!(!users_file(&store).contains("role"), "{}", users_file(&store));
    assert!(config(&store).contains("[people.li]\nrole = \"agent\"\n"), "{}", config(&store));
    assert_eq!(server.get("/api/v1/session", &[("cookie", &cookie)]).json()["role"], "agent");
}

#[test]
fn user_remove_keeps_the_person_in_the_config() {
    let store = Store::new();
    add_user(&store, "li", "agent", false);
    let out = store.cmd(NOW).args(["user", "remove", "li"]).output().unwrap();
    assert!(out.status.success());
    // The store speaks Chinese ([ui] lang defaults to zh).
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("complaint.toml 的 [people] 仍保留这个名字"), "{said}");
    assert!(config(&store).contains("[people.li]\nrole = \"agent\"\n"));
    assert!(!users_file(&store).contains("[users.li]"));
}
