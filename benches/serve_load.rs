//! `complaint serve` under load (issue 16): 32 keep-alive clients against
//! the filtered queue, single tickets and `POST …/note`, each for a fixed
//! time; p50/p99 latency, throughput and the server's peak RSS.
//!
//!     SERVE_LOAD_STORE=/tmp/copy-of-store cargo bench --bench serve_load
//!
//! The store is written to (a user is added, notes are recorded): point it
//! at a copy, warmed (`complaint overdue` in it once: `cp -a` gives every
//! file a new ctime, which invalidates the cache it carries). Environment: `COMPLAINT_BIN` (default
//! target/release/complaint), `CLIENTS` (32), `SECONDS` (10 per scenario),
//! `SCENARIOS` (default "queue,ticket,note").

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

fn main() {
    let Ok(store) = std::env::var("SERVE_LOAD_STORE") else {
        eprintln!("serve_load: set SERVE_LOAD_STORE to a store it may write to (a copy); skipped");
        return;
    };
    let store = PathBuf::from(store);
    let bin = std::env::var("COMPLAINT_BIN").unwrap_or_else(|_| "target/release/complaint".to_string());
    // The commands run in the store: the path must not be relative.
    let bin = std::fs::canonicalize(&bin).unwrap_or_else(|e| panic!("{bin}: {e}")).display().to_string();
    let clients: usize = env_number("CLIENTS", 32);
    let seconds: u64 = env_number("SECONDS", 10);
    let scenarios = std::env::var("SCENARIOS").unwrap_or_else(|_| "queue,ticket,note".to_string());

    let token = add_user(&bin, &store);
    let ids = ticket_ids(&store.join("tickets"));
    let mut server = start(&bin, &store);
    println!("store {} ({} tickets), {clients} clients, {seconds} s per scenario", store.display(), ids.len());
    println!("| scenario | requests | errors | throughput | p50 | p99 | max | server VmHWM |");
    println!("|---|---|---|---|---|---|---|---|");
    for scenario in scenarios.split(',') {
        let load =
            Load { base: &server.base, token: &token, ids: &ids, clients, duration: Duration::from_secs(seconds) };
        let result = match scenario {
            "queue" => load.run(|_| Request::Get("/api/v1/tickets?status=processing".to_string())),
            "search" => load.run(|_| Request::Get("/api/v1/tickets?search=漏电&limit=20".to_string())),
            "ticket" => load.run(|id| Request::Get(format!("/api/v1/tickets/{id}"))),
            "note" => load.run(|id| Request::Post(format!("/api/v1/tickets/{id}/note"), r#"{"message": "load"}"#)),
            other => panic!("unknown scenario {other}"),
        };
        println!("{}", result.row(scenario, peak_rss_mib(server.child.id())));
    }
    server.stop();
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A new agent with an API token (the name is unique per run).
fn add_user(bin: &str, store: &Path) -> String {
    let name = format!("bench{}", std::process::id());
    let out = Command::new(bin)
        .current_dir(store)
        .args(["user", "add", &name, "--role", "agent", "--token"])
        .output()
        .expect("complaint runs");
    assert!(out.status.success(), "user add: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Every ticket ID of the store, from the file names.
fn ticket_ids(tickets: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    let mut dirs = vec![tickets.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Some(id) = path.file_name().unwrap().to_str().and_then(|n| n.strip_suffix(".yaml")) {
                ids.push(id.to_string());
            }
        }
    }
    ids.sort();
    ids
}

struct Server {
    child: Child,
    base: String,
}

fn start(bin: &str, store: &Path) -> Server {
    let mut child = Command::new(bin)
        .current_dir(store)
        .env_remove("COMPLAINT_STORE")
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("complaint serve starts");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let base = loop {
        let line = lines.next().expect("the server says where it listens").unwrap();
        if let Some(at) = line.find("http://") {
            break line[at..].trim().trim_end_matches('/').to_string();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    Server { child, base }
}

impl Server {
    fn stop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

/// The server's peak resident set so far (VmHWM), in MiB.
fn peak_rss_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()).unwrap_or(0) / 1024
}

enum Request {
    Get(String),
    Post(String, &'static str),
}

struct Load<'a> {
    base: &'a str,
    token: &'a str,
    ids: &'a [String],
    clients: usize,
    duration: Duration,
}

struct Outcome {
    latencies: Vec<Duration>,
    errors: u64,
    elapsed: Duration,
}

impl Load<'_> {
    /// `clients` threads, each with its own keep-alive connection, sending
    /// `request(random id)` until the time is up.
    fn run(&self, request: impl Fn(&str) -> Request + Sync) -> Outcome {
        let errors = AtomicU64::new(0);
        let started = Instant::now();
        let deadline = started + self.duration;
        let latencies = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..self.clients)
                .map(|n| {
                    let (request, errors) = (&request, &errors);
                    scope.spawn(move || self.client(n as u64, deadline, request, errors))
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap()).collect::<Vec<_>>()
        });
        Outcome { latencies, errors: errors.into_inner(), elapsed: started.elapsed() }
    }

    fn client(
        &self,
        seed: u64,
        deadline: Instant,
        request: &impl Fn(&str) -> Request,
        errors: &AtomicU64,
    ) -> Vec<Duration> {
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        let auth = format!("Bearer {}", self.token);
        let mut random = 0x9E37_79B9_7F4A_7C15u64 ^ (seed + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let mut latencies = Vec::new();
        while Instant::now() < deadline {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            let id = &self.ids[(random % self.ids.len() as u64) as usize];
            let begun = Instant::now();
            let status = match request(id) {
                Request::Get(path) => agent.get(format!("{}{path}", self.base)).header("authorization", &auth).call(),
                Request::Post(path, body) => agent
                    .post(format!("{}{path}", self.base))
                    .header("authorization", &auth)
                    .header("content-type", "application/json")
                    .send(body.as_bytes()),
            }
            .map(|mut r| {
                let _ = r.body_mut().with_config().limit(64 << 20).read_to_vec();
                r.status().as_u16()
            });
            latencies.push(begun.elapsed());
            // Count every failure; show the first few.
            if !matches!(status, Ok(200..=299)) && errors.fetch_add(1, Ordering::Relaxed) < 3 {
                eprintln!("serve_load: {id}: {status:?}");
            }
        }
        latencies
    }
}

impl Outcome {
    fn row(mut self, scenario: &str, rss_mib: u64) -> String {
        self.latencies.sort();
        let at = |q: f64| {
            let n = self.latencies.len();
            if n == 0 { Duration::ZERO } else { self.latencies[((n as f64 * q) as usize).min(n - 1)] }
        };
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        let rate = self.latencies.len() as f64 / self.elapsed.as_secs_f64();
        format!(
            "| {scenario} | {} | {} | {rate:.0}/s | {} | {} | {} | {rss_mib} MiB |",
            self.latencies.len(),
            self.errors,
            ms(at(0.5)),
            ms(at(0.99)),
            ms(at(1.0)),
        )
    }
}
