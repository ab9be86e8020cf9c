//! A small real SMTP server on 127.0.0.1 for tests: enough ESMTP for lettre
//! (greeting, EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA with dot-unstuffing,
//! RSET, NOOP, QUIT). It records every message it accepts and can be told
//! to refuse. No TLS, no network beyond loopback. It stops when dropped:
//! the accept loop polls a flag, every connection has read/write timeouts
//! and a bounded number of commands.
//!
//! ```ignore
//! let server = SmtpServer::start();                       // accepts everything
//! let url = server.url();                                 // "smtp://127.0.0.1:PORT"
//! // … send, or run `complaint overdue --send --smtp URL` …
//! let got = server.wait_for(1, Duration::from_secs(10));   // Vec<Received>
//! ```
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const IO_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_COMMANDS: usize = 1000;
const MAX_LINE: usize = 64 * 1024;
const MAX_MESSAGE: usize = 16 * 1024 * 1024;

/// How the server answers.
#[derive(Debug, Clone, Default)]
pub enum Mode {
    /// Accept every message.
    #[default]
    Accept,
    /// Answer MAIL FROM with this reply line, e.g. `"553 5.1.8 sender rejected"`.
    RefuseMail(String),
    /// Answer every RCPT TO with this reply line, e.g. `"550 5.7.1 relaying denied"`.
    RefuseRcpt(String),
    /// Answer the end of DATA with this reply line, e.g. `"554 5.6.0 message rejected"`.
    RefuseData(String),
}

/// One message the server accepted (or received before refusing it at DATA).
#[derive(Debug, Clone)]
pub struct Received {
    /// MAIL FROM, without angle brackets.
    pub from: String,
    /// RCPT TO, in order, without angle brackets.
    pub to: Vec<String>,
    /// The message as sent, dot-unstuffed, without the final `.` line (CRLF line ends).
    pub data: Vec<u8>,
    /// `(user, password)` if the client authenticated.
    pub auth: Option<(String, String)>,
    /// Whether the server accepted it (false in `RefuseData` mode).
    pub accepted: bool,
}

#[derive(Default)]
struct Shared {
    received: Mutex<Vec<Received>>,
    arrived: Condvar,
}

pub struct SmtpServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Arc<AtomicBool>,
    accept_loop: Option<JoinHandle<()>>,
}

#[derive(Clone)]
struct Settings {
    mode: Mode,
    /// Advertise AUTH PLAIN and require it with these credentials.
    auth: Option<(String, String)>,
}

impl SmtpServer {
    /// A server that accepts everything.
    pub fn start() -> SmtpServer {
        SmtpServer::start_with(Mode::Accept)
    }

    pub fn start_with(mode: Mode) -> SmtpServer {
        SmtpServer::spawn(Settings { mode, auth: None })
    }

    /// A server that advertises AUTH PLAIN and requires these credentials.
    pub fn start_with_auth(user: &str, password: &str) -> SmtpServer {
        SmtpServer::spawn(Settings { mode: Mode::Accept, auth: Some((user.into(), password.into())) })
    }

    fn spawn(settings: Settings) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared::default());
        let stop = Arc::new(AtomicBool::new(false));
        let accept_loop = {
            let (shared, stop) = (shared.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (shared, settings) = (shared.clone(), settings.clone());
                            std::thread::spawn(move || {
                                let _ = serve(stream, &settings, &shared);
                            });
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(10));
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(10)),
                    }
                }
            })
        };
        SmtpServer { addr, shared, stop, accept_loop: Some(accept_loop) }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `smtp://127.0.0.1:PORT`, for `send_smtp` or `complaint … --smtp`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port())
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages have arrived (or `timeout` passes)
    /// and returns all of them.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Received> {
        let deadline = Instant::now() + timeout;
        let mut got = self.shared.received.lock().unwrap();
        while got.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            got = self.shared.arrived.wait_timeout(got, left).unwrap().0;
        }
        got.clone()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(handle) = self.accept_loop.take() {
            let _ = handle.join();
        }
    }
}

fn serve(stream: TcpStream, settings: &Settings, shared: &Shared) -> std::io::Result<()> {
    // Accepted sockets inherit non-blocking mode from the listener on some systems.
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut out = stream.try_clone()?;
    let mut input = BufReader::new(stream);
    let mut reply = |line: &str| -> std::io::Result<()> { out.write_all(format!("{line}\r\n").as_bytes()) };

    reply("220 127.0.0.1 ESMTP complaint-test-server ready")?;
    let mut authed: Option<(String, String)> = None;
    let mut from: Option<String> = None;
    let mut to: Vec<String> = Vec::new();
    for _ in 0..MAX_COMMANDS {
        let Some(line) = read_line(&mut input)? else { return Ok(()) };
        let line = String::from_utf8_lossy(&line).trim_end_matches(['\r', '\n']).to_string();
        let upper = line.to_ascii_uppercase();
        let verb = upper.split_whitespace().next().unwrap_or("");
        match verb {
            "EHLO" => {
                reply("250-127.0.0.1 greets you")?;
                reply("250-8BITMIME")?;
                reply("250-SMTPUTF8")?;
                reply("250-PIPELINING")?;
                if settings.auth.is_some() {
                    reply("250-AUTH PLAIN")?;
                }
                reply(&format!("250 SIZE {MAX_MESSAGE}"))?;
            }
            "HELO" => reply("250 127.0.0.1")?,
            "AUTH" => {
                let words: Vec<&str> = line.split_whitespace().collect();
                let Some(expected) = &settings.auth else {
                    reply("502 5.5.1 AUTH not available")?;
                    continue;
                };
                if words.get(1).map(|m| m.to_ascii_uppercase()) != Some("PLAIN".into()) {
                    reply("504 5.5.4 only AUTH PLAIN")?;
                    continue;
                }
                let response = match words.get(2) {
                    Some(r) => r.to_string(),
                    None => {
                        reply("334 ")?;
                        let Some(r) = read_line(&mut input)? else { return Ok(()) };
                        String::from_utf8_lossy(&r).trim().to_string()
                    }
                };
                let decoded = base64_decode(&response).unwrap_or_default();
                let parts: Vec<&[u8]> = decoded.split(|&b| b == 0).collect();
                let creds = match parts.as_slice() {
                    [_, user, pass] => {
                        Some((String::from_utf8_lossy(user).to_string(), String::from_utf8_lossy(pass).to_string()))
                    }
                    _ => None,
                };
                if creds.as_ref() == Some(expected) {
                    authed = creds;
                    reply("235 2.7.0 Authentication successful")?;
                } else {
                    reply("535 5.7.8 Authentication credentials invalid")?;
                }
            }
            "MAIL" => {
                if settings.auth.is_some() && authed.is_none() {
                    reply("530 5.7.0 Authentication required")?;
                } else if let Mode::RefuseMail(r) = &settings.mode {
                    reply(r)?;
                } else if let Some(addr) = path_after(&line, "FROM:") {
                    from = Some(addr);
                    to.clear();
                    reply("250 2.1.0 OK")?;
                } else {
                    reply("501 5.5.4 syntax: MAIL FROM:<address>")?;
                }
            }
            "RCPT" => {
                if from.is_none() {
                    reply("503 5.5.1 MAIL first")?;
                } else if let Mode::RefuseRcpt(r) = &settings.mode {
                    reply(r)?;
                } else if let Some(addr) = path_after(&line, "TO:") {
                    to.push(addr);
                    reply("250 2.1.5 OK")?;
                } else {
                    reply("501 5.5.4 syntax: RCPT TO:<address>")?;
                }
            }
            "DATA" => {
                if from.is_none() || to.is_empty() {
                    reply("503 5.5.1 need MAIL and RCPT first")?;
                    continue;
                }
                reply("354 End data with <CR><LF>.<CR><LF>")?;
                let mut data = Vec::new();
                loop {
                    let Some(line) = read_line(&mut input)? else { return Ok(()) };
                    if line == b".\r\n" || line == b".\n" {
                        break;
                    }
                    let line = line.strip_prefix(b".").unwrap_or(&line);
                    if data.len() + line.len() > MAX_MESSAGE {
                        reply("552 5.3.4 message too big")?;
                        return Ok(());
                    }
                    data.extend_from_slice(line);
                }
                let accepted = !matches!(settings.mode, Mode::RefuseData(_));
                // Record before replying, so a client that got "250" finds it here.
                {
                    let mut received = shared.received.lock().unwrap();
                    received.push(Received {
                        from: from.take().unwrap_or_default(),
                        to: std::mem::take(&mut to),
                        data,
                        auth: authed.clone(),
                        accepted,
                    });
                    shared.arrived.notify_all();
                }
                match &settings.mode {
                    Mode::RefuseData(r) => reply(r)?,
                    _ => reply("250 2.0.0 OK queued")?,
                }
            }
            "RSET" => {
                from = None;
                to.clear();
                reply("250 2.0.0 OK")?;
            }
            "NOOP" => reply("250 2.0.0 OK")?,
            "QUIT" => {
                reply("221 2.0.0 Bye")?;
                return Ok(());
            }
            _ => reply("502 5.5.2 command not recognized")?,
        }
    }
    reply("421 4.7.0 too many commands")
}

/// One line including its end, or `None` at end of stream; bounded length.
fn read_line(input: &mut BufReader<TcpStream>) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let n = input.by_ref().take(MAX_LINE as u64).read_until(b'\n', &mut line)?;
    Ok((n > 0).then_some(line))
}

use std::io::Read as _;

/// `MAIL FROM:<a@b> SIZE=…` → `a@b`.
fn path_after(line: &str, keyword: &str) -> Option<String> {
    let upper = line.to_ascii_uppercase();
    let at = upper.find(keyword)? + keyword.len();
    let rest = line[at..].trim_start();
    let rest = rest.strip_prefix('<')?;
    let end = rest.find('>')?;
    Some(rest[..end].to_string())
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|&c| c != b'=') {
        let value = ALPHABET.iter().position(|&a| a == c)? as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}
