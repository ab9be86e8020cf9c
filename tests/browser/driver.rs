//! Chromium through chromedriver: finding them, starting them, and the few
//! page reads the test repeats.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Whether the browser can run here. Without it the test skips, unless
/// `COMPLAINT_REQUIRE_BROWSER=1` (CI) makes that a failure.
pub fn available() -> bool {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER].into_iter().filter(|p| !Path::new(p).exists()).collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!("{} missing (apt-get install chromium chromium-driver)", missing.join(" and "));
    if std::env::var("COMPLAINT_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("COMPLAINT_REQUIRE_BROWSER=1 but {message}");
    }
    eprintln!("skipping the browser test: {message}");
    false
}

/// A running chromedriver and one headless Chromium session.
pub struct Browser {
    pub client: Client,
    driver: Child,
    /// Where chromedriver listens and the session, to end it on a panic.
    session_url: String,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    pub async fn start(width: u32, height: u32) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(10), "chromedriver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        // Without the background-networking flags Chromium keeps calling
        // home, and on a closed network those calls fail slowly.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--lang=zh-CN",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--window-size={width},{height}"),
        ];
        let mut options = json!({"binary": CHROMIUM, "args": args});
        // Headless windows are at least 500 pixels wide; a phone's width
        // needs Chromium's device emulation.
        if width < 500 {
            options["mobileEmulation"] =
                json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0}});
        }
        let capabilities = json!({"goog:chromeOptions": options});
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!() };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        let session = client.session_id().await.unwrap().expect("a session id");
        let session_url = format!("http://127.0.0.1:{port}/session/{session}");
        Browser { client, driver, session_url, _profile: profile }
    }

    /// The trimmed text of the first element `css` finds.
    pub async fn text(&self, css: &str) -> String {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        element.text().await.unwrap().trim().to_string()
    }

    /// The whole page's visible text.
    pub async fn page_text(&self) -> String {
        self.text("body").await
    }

    /// The value shown beside `label` in the ticket's field list.
    pub async fn field(&self, label: &str) -> String {
        let xpath = format!("//dl[contains(@class,'fields')]/dt[normalize-space()='{label}']/following-sibling::dd[1]");
        let element =
            self.client.find(Locator::XPath(&xpath)).await.unwrap_or_else(|e| panic!("no field {label}: {e}"));
        element.text().await.unwrap().trim().to_string()
    }

    /// Fills the form `css` (`(name, value)`, selects included) and
    /// submits it with its button, as a person would.
    pub async fn submit(&self, css: &str, fields: &[(&str, &str)]) {
        let form = self.client.form(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no form {css}: {e}"));
        for (name, value) in fields {
            form.set_by_name(name, value).await.unwrap_or_else(|e| panic!("{css}: no field {name}: {e}"));
        }
        let old_page = self.client.find(Locator::Css("html")).await.unwrap();
        form.submit().await.unwrap();
        self.wait_for_new_page(old_page).await;
    }

    /// Waits until the page `old_page` belonged to is gone and the next
    /// one has loaded: a click may return before the navigation it starts.
    async fn wait_for_new_page(&self, old_page: fantoccini::elements::Element) {
        let started = Instant::now();
        while old_page.tag_name().await.is_ok() {
            assert!(started.elapsed() < Duration::from_secs(10), "the form's answer never loaded");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        loop {
            let state = self.client.execute("return document.readyState", vec![]).await.unwrap();
            if state == "complete" {
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "the form's answer never finished loading");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Clicks the first element `css` finds and waits for the page it opens.
    pub async fn follow(&self, css: &str) {
        let old_page = self.client.find(Locator::Css("html")).await.unwrap();
        let link = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        link.click().await.unwrap();
        self.wait_for_new_page(old_page).await;
    }

    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_string()
    }

    pub async fn screenshot(&self, file: &Path) {
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(file, png).unwrap();
    }

    pub async fn quit(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    /// After a panic the session is still open: ending it makes
    /// chromedriver quit Chromium, which killing chromedriver would not.
    fn drop(&mut self) {
        let _ = ureq::delete(&self.session_url).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
