//! A running server and a small HTTP client.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub use crate::support::Store;

pub const NOW: &str = "2026-11-23 10:00";

pub struct Server {
    pub child: Child,
    pub base: String,
    agent: ureq::Agent,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Adds a user and returns the secret it printed.
pub fn add_user(store: &Store, name: &str, role: &str, token: bool) -> String {
    let mut cmd = store.cmd(NOW);
    cmd.args(["user", "add", name, "--role", role]);
    if token {
        cmd.arg("--token");
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

impl Server {
    pub fn start(store: &Store) -> Server {
        Server::start_at(store, NOW)
    }

    /// The server with its clock fixed at `now` (`COMPLAINT_NOW`).
    pub fn start_at(store: &Store, now: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_complaint"))
            .current_dir(store.path())
            .env_remove("COMPLAINT_STORE")
            .env("COMPLAINT_NOW", now)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let base = loop {
            let line = lines.next().expect("the server says where it listens").unwrap();
            if let Some(at) = line.find("http://") {
                break line[at..].trim().to_string();
            }
        };
        // Keep draining stderr so the server never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        let config = ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build();
        Server { child, base, agent: config.into() }
    }

    fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        // 0: no answer at all (connection refused or cut).
        let Ok(mut response) = result else { return Reply { status: 0, headers: Vec::new(), body: String::new() } };
        let headers =
            response.headers().iter().map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_string())).collect();
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        Reply { status, headers, body }
    }

    /// GET with optional `(header, value)`s.
    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        for (n, v) in headers {
            request = request.header(*n, *v);
        }
        Server::reply(request.call())
    }

    /// POST of a raw body.
    pub fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut request = self.agent.post(format!("{}{path}", self.base));
        for (n, v) in headers {
            request = request.header(*n, *v);
        }
        Server::reply(request.send(body.as_bytes()))
    }

    pub fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        Server::reply(self.agent.post(format!("{}{path}", self.base)).send_form(form.iter().copied()))
    }

    /// A form POST with `(header, value)`s (a page's form: the session
    /// cookie, `Accept: text/html`).
    pub fn post_form_with(&self, path: &str, headers: &[(&str, &str)], form: &[(&str, &str)]) -> Reply {
        let mut request = self.agent.post(format!("{}{path}", self.base));
        for (n, v) in headers {
            request = request.header(*n, *v);
        }
        Server::reply(request.send_form(form.iter().copied()))
    }

    /// Signs in; returns the Cookie header value and the CSRF token.
    pub fn login(&self, name: &str, password: &str) -> (String, String) {
        let reply = self.post_form("/login", &[("name", name), ("password", password)]);
        assert_eq!(reply.status, 200, "{}", reply.body);
        let cookie = reply.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
        (cookie, reply.json()["csrf"].as_str().unwrap().to_string())
    }

    pub fn stop(mut self) -> std::process::ExitStatus {
        terminate(&self.child);
        self.child.wait().unwrap()
    }
}

pub fn terminate(child: &Child) {
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}
