//! The pictures of docs/serve.md: the desk on a copy of the sample store
//! (the repository root), signed in as its demo agent.

use std::path::Path;

use crate::driver::Browser;
use crate::harness::{Server, Store};

/// The sample store's files, copied so the pictures change nothing.
fn sample_store() -> Store {
    let store = Store::empty();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["complaint.toml", "demo-users.toml"] {
        std::fs::copy(root.join(file), store.path().join(file)).unwrap();
    }
    let status =
        std::process::Command::new("cp").arg("-r").arg(root.join("tickets")).arg(store.path()).status().unwrap();
    assert!(status.success());
    store
}

/// The open complaints: the queue most people look at.
const QUEUE: &str = "/?open=true";

pub async fn take(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let store = sample_store();
    let server = Server::start(&store);
    let at = |page: &str| format!("{}{page}", server.base);

    let desktop = Browser::start(1280, 900).await;
    crate::sign_in(&desktop, &server, "演示专员", "demo-2026").await;
    desktop.client.goto(&at(QUEUE)).await.unwrap();
    desktop.screenshot(&dir.join("desk-queue.png")).await;
    // The first open complaint, as a click from the queue opens it.
    desktop.follow("main table a").await;
    // Tall enough for the clocks, the history and the first forms.
    desktop.client.set_window_size(1280, 1700).await.unwrap();
    desktop.screenshot(&dir.join("desk-ticket.png")).await;
    desktop.client.set_window_size(1280, 900).await.unwrap();
    desktop.client.goto(&at("/new")).await.unwrap();
    desktop.screenshot(&dir.join("desk-new.png")).await;
    desktop.quit().await;

    let phone = Browser::start(390, 844).await;
    crate::sign_in(&phone, &server, "演示专员", "demo-2026").await;
    phone.client.goto(&at(QUEUE)).await.unwrap();
    phone.screenshot(&dir.join("desk-phone.png")).await;
    phone.quit().await;
}
