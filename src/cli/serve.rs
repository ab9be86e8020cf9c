//! `complaint serve [--listen ADDR]`

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::error::Result;
use crate::server::{self, Options};
use crate::tr;

/// Serve the store over HTTP: the JSON API under /api/v1 for the people
/// and systems that never open a terminal (docs/serve.md). Users sign in
/// (`complaint user add`). Stops on SIGTERM or Ctrl-C after finishing the
/// requests in flight.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port. Another address
    /// than loopback belongs behind a TLS proxy (docs/serve.md)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The server is behind a TLS proxy: mark the session cookie Secure
    #[arg(long)]
    pub tls_behind_proxy: bool,
}

pub fn run(ctx: &mut Context, args: ServeArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    if !args.listen.ip().is_loopback() && !args.tls_behind_proxy {
        ctx.warn(tr!(ctx.lang(), "cli.serve_not_loopback", listen = args.listen));
    }
    let users = store.read_users()?;
    if users.users.is_empty() {
        ctx.warn(tr!(ctx.lang(), "cli.serve_no_users"));
    }
    if store.users_are_demo() {
        ctx.warn(tr!(ctx.lang(), "cli.serve_demo_users", file = store.config().serve.users_file));
    }
    let options = Options { listen: args.listen, secure_cookies: args.tls_behind_proxy };
    let root = match store.display_path(store.root()).into_owned() {
        shown if shown.is_empty() => ".".to_string(),
        shown => shown,
    };
    let lang = ctx.lang();
    server::run(store, ctx.clock(), options, |bound| {
        // Tests and scripts read the port back from this line (its URL).
        eprintln!("{}", tr!(lang, "cli.serve_listening", root = root, bound = bound));
    })?;
    ctx.info(tr!(lang, "cli.serve_stopped"));
    Ok(ExitCode::SUCCESS)
}
