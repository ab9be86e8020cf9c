//! `complaint user add|list|remove|reset`

use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Context, output};
use crate::error::{Error, Result};
use crate::server::secret;
use crate::store::{Role, User};
use crate::tr;

/// The people who may sign in to `complaint serve`, with their roles
/// (viewer reads; agent reads and writes; lead also sees names and
/// contacts unmasked). Roles are kept in complaint.toml ([people.NAME]
/// role); only argon2 hashes in .complaint/users.toml (outside git, mode 0600).
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; prints the password (or with --token an API token) once
    Add(AddArgs),
    /// List users: name, role, whether a password or token is set, created
    List,
    /// Remove a user's password and token; their sessions end at their next
    /// request ([people.NAME] in complaint.toml stays)
    Remove(NameArgs),
    /// Give a user a new password (or with --token a new API token), printed once
    Reset(ResetArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The name recorded as the actor of every change they make
    pub name: String,
    /// agent, lead or viewer: written to complaint.toml as [people.NAME] role
    #[arg(long)]
    pub role: String,
    /// Make an API token (Authorization: Bearer) instead of a password
    #[arg(long)]
    pub token: bool,
}

#[derive(Debug, Args)]
pub struct NameArgs {
    /// The user's name
    pub name: String,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// The user's name
    pub name: String,
    /// A new API token instead of a new password
    #[arg(long)]
    pub token: bool,
    /// Also change the role (in complaint.toml, [people.NAME] role)
    #[arg(long)]
    pub role: Option<String>,
}

pub fn run(ctx: &mut Context, command: UserCommand) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    match command {
        UserCommand::Add(args) => {
            let role = Role::parse(&args.role)?;
            crate::ticket::text::check_one_line("the user name", &args.name)?;
            let name = args.name.trim().to_string();
            let created = ctx.now(store.config().zone())?.to_rfc3339();
            let printed = store.update_users_and_role(Some((&name, role)), |users| {
                if users.users.contains_key(&name) {
                    return Err(Error::invalid(
                        format!("there is already a user “{name}”"),
                        Some("complaint user reset NAME gives a new password"),
                    ));
                }
                let mut user = User { role: None, created, password_hash: None, token_id: None, token_hash: None };
                let printed = set_secret(&mut user, args.token)?;
                users.users.insert(name.clone(), user);
                Ok(printed)
            })?;
            ctx.info(tr!(ctx.lang(), "cli.user_added", name = name, role = role.as_str()));
            output::print(&format!("{printed}\n"))?;
        }
        UserCommand::List => output::print(&list(&store)?)?,
        UserCommand::Remove(args) => {
            store
                .update_users(|users| users.users.remove(&args.name).map(|_| ()).ok_or_else(|| unknown(&args.name)))?;
            ctx.info(tr!(ctx.lang(), "cli.user_removed", name = args.name));
        }
        UserCommand::Reset(args) => {
            let role = args.role.as_deref().map(Role::parse).transpose()?;
            let printed = store.update_users_and_role(role.map(|r| (args.name.as_str(), r)), |users| {
                let user = users.users.get_mut(&args.name).ok_or_else(|| unknown(&args.name))?;
                set_secret(user, args.token)
            })?;
            ctx.info(tr!(ctx.lang(), "cli.user_reset", name = args.name));
            output::print(&format!("{printed}\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per user: name, role (complaint.toml, else the older users
/// file; `-` for none), whether a password or token is set, created.
fn list(store: &crate::store::Store) -> Result<String> {
    let users = store.read_users()?;
    let mut text = String::new();
    for (name, user) in &users.users {
        let yes = |b: bool| if b { "yes" } else { "no" };
        text.push_str(&format!(
            "{name}\t{}\tpassword: {}\ttoken: {}\t{}\n",
            user.role(store.config().role_of(name)).map_or("-", Role::as_str),
            yes(user.password_hash.is_some()),
            yes(user.token_hash.is_some()),
            user.created
        ));
    }
    Ok(text)
}

/// A new password or token for `user`; returns it to print.
fn set_secret(user: &mut User, token: bool) -> Result<String> {
    if token {
        let (token, id, secret_part) = secret::new_token();
        user.token_id = Some(id);
        user.token_hash = Some(secret::hash(&secret_part)?);
        Ok(token)
    } else {
        let password = secret::new_password();
        user.password_hash = Some(secret::hash(&password)?);
        Ok(password)
    }
}

fn unknown(name: &str) -> Error {
    Error::invalid(format!("no user “{name}”"), Some("complaint user list shows them"))
}
