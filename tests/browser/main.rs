//! The web desk in a real browser: headless Chromium driven over WebDriver
//! (chromedriver) against the real `complaint serve` on a temp store,
//! asserting what each page shows. Skips when Chromium is not installed,
//! unless `COMPLAINT_REQUIRE_BROWSER=1` (CI).
//!
//! With `COMPLAINT_SCREENSHOTS=DIR`, `desk_screenshots` also saves the
//! pictures of docs/serve.md, taken on a copy of the sample store.

#[path = "../cli/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "../server/harness.rs"]
mod harness;

mod driver;
mod screenshots;

use driver::Browser;
use fantoccini::Locator;
use harness::{Server, Store, add_user};

const AGENT: &str = "王芳";
const LEAD: &str = "李组长";
const VIEWER: &str = "赵查看";
/// The clock of the overdue step (the ticket is received a week before
/// harness::NOW and worked at NOW).
const A_WEEK_LATER: &str = "2026-11-30 10:00";

/// A store with an agent, a lead and a viewer, and their passwords.
fn store_with_people() -> (Store, String, String) {
    let store = Store::new();
    let agent = add_user(&store, AGENT, "agent", false);
    add_user(&store, LEAD, "lead", false);
    let viewer = add_user(&store, VIEWER, "viewer", false);
    (store, agent, viewer)
}

async fn sign_in(browser: &Browser, server: &Server, name: &str, password: &str) {
    browser.client.goto(&format!("{}/", server.base)).await.unwrap();
    assert_eq!(browser.path().await, "/login", "not signed in, the queue sends you to sign in");
    browser.submit("form[action='/login']", &[("name", name), ("password", password)]).await;
    assert_eq!(browser.path().await, "/");
    assert!(browser.text("header .who").await.starts_with(name), "the header names who is signed in");
}

/// The new complaint form, filled as a person would; returns the new ID.
async fn record_complaint(browser: &Browser, server: &Server) -> String {
    browser.client.goto(&format!("{}/new", server.base)).await.unwrap();
    assert_eq!(browser.text("main h1").await, "新投诉");
    browser
        .submit(
            "form[action='/new']",
            &[
                ("customer", "张三"),
                ("contact", "13812345678"),
                ("channel", "phone"),
                ("product", "智能手表 W3"),
                ("summary", "表带断裂，要求换货"),
                ("description", "使用两周后表带扣断裂"),
                ("expectation", "换新表带"),
                // A week ago: by now every clock of the ticket is late.
                ("received_at", "2026-11-16 09:00"),
            ],
        )
        .await;
    let path = browser.path().await;
    let Some(id) = path.strip_prefix("/tickets/").map(str::to_string) else {
        panic!("landed on {path}: {}", browser.page_text().await);
    };
    assert!(id.starts_with("CP20261116"), "{id}");
    assert_eq!(browser.text("main h1").await, format!("{id} 表带断裂，要求换货"));
    assert_eq!(browser.field("投诉摘要").await, "表带断裂，要求换货");
    assert_eq!(browser.field("状态").await, "待受理");
    id
}

async fn act(browser: &Browser, command: &str, fields: &[(&str, &str)]) {
    browser.submit(&format!("form#do-{command}"), fields).await;
    let errors = browser.client.find_all(Locator::Css(".flash.error, .field-error")).await.unwrap();
    if let Some(error) = errors.first() {
        panic!("{command} refused: {}", error.text().await.unwrap());
    }
}

/// classify → assign → processing → note → resolved → a veto follow-up.
async fn work_the_ticket(browser: &Browser, id: &str) {
    act(browser, "classify", &[("category", "product_quality"), ("severity", "serious")]).await;
    assert_eq!(browser.path().await, format!("/tickets/{id}"));
    assert_eq!(browser.field("投诉类型").await, "产品质量");
    assert_eq!(browser.field("严重程度").await, "严重");

    act(browser, "assign", &[("department", "售后部"), ("assignee", LEAD)]).await;
    assert_eq!(browser.field("责任部门").await, "售后部");
    assert_eq!(browser.field("负责人").await, LEAD);

    act(browser, "transition", &[("status", "processing"), ("note", "已联系客户")]).await;
    assert_eq!(browser.field("状态").await, "处理中");

    act(browser, "note", &[("message", "已寄出新表带，单号 SF123")]).await;
    assert!(browser.text("#history").await.contains("已寄出新表带，单号 SF123"));

    act(browser, "transition", &[("status", "resolved"), ("plan", "免费更换表带")]).await;
    assert_eq!(browser.field("状态").await, "已解决");
    assert_eq!(browser.field("处理方案").await, "免费更换表带");

    act(browser, "followup", &[("score", "2"), ("comment", "等了一周才处理")]).await;
    assert_eq!(browser.field("状态").await, "处理中", "a low score reopens the ticket");
    assert!(!browser.field("已升级至").await.is_empty(), "and escalates it");
    assert!(browser.text("#history").await.contains("等了一周才处理"));
}

/// A week later the reopened ticket is late on every clock, and the
/// overdue board lists it.
async fn overdue_board(browser: &Browser, server: &Server, id: &str) {
    browser.client.goto(&format!("{}/overdue", server.base)).await.unwrap();
    assert!(browser.page_text().await.contains(id), "the overdue board lists {id}");
}

/// A viewer reads the ticket but gets no form to change it.
async fn viewer_sees_no_forms(server: &Server, password: &str, id: &str) {
    let browser = Browser::start(1280, 900).await;
    sign_in(&browser, server, VIEWER, password).await;
    browser.client.goto(&format!("{}/tickets/{id}", server.base)).await.unwrap();
    assert_eq!(browser.field("状态").await, "处理中");
    assert!(browser.client.find_all(Locator::Css("main form")).await.unwrap().is_empty());
    assert_eq!(browser.field("客户姓名").await, "张*", "masked for all but leads");
    browser.quit().await;
}

/// A form whose CSRF field was taken out is refused and changes nothing.
async fn csrf_less_post_refused(browser: &Browser) {
    let before = browser.text("#history").await;
    browser.client.execute("document.querySelector('#do-note input[name=csrf]').remove()", vec![]).await.unwrap();
    browser.submit("form#do-note", &[("message", "不该记下")]).await;
    assert!(browser.page_text().await.contains("403"), "{}", browser.page_text().await);
    browser.client.back().await.unwrap();
    browser.client.refresh().await.unwrap();
    assert_eq!(browser.text("#history").await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complaint_from_sign_in_to_the_overdue_board() {
    if !driver::available() {
        return;
    }
    let (store, agent_password, viewer_password) = store_with_people();
    let server = Server::start(&store);
    let browser = Browser::start(1280, 900).await;
    sign_in(&browser, &server, AGENT, &agent_password).await;
    let id = record_complaint(&browser, &server).await;
    work_the_ticket(&browser, &id).await;
    csrf_less_post_refused(&browser).await;
    assert!(server.stop().success());

    // The server's clock is fixed: a later one is a new server (and a new
    // sign-in, sessions being in memory).
    let later = Server::start_at(&store, A_WEEK_LATER);
    sign_in(&browser, &later, AGENT, &agent_password).await;
    overdue_board(&browser, &later, &id).await;
    browser.quit().await;
    viewer_sees_no_forms(&later, &viewer_password, &id).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desk_screenshots() {
    let Some(dir) = std::env::var_os("COMPLAINT_SCREENSHOTS") else {
        eprintln!("no screenshots: set COMPLAINT_SCREENSHOTS=DIR (docs/img) to take them");
        return;
    };
    if !driver::available() {
        return;
    }
    screenshots::take(std::path::Path::new(&dir)).await;
}
