//! `complaint new`

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::Args;

use super::{Context, output};
use crate::error::{Error, Result};
use crate::ops::{self, CustomerInput, NewInput, PurchaseInput, Stamp};
use crate::report::mask::Masker;
use crate::store::message_for;
use crate::tr;

/// Record a new complaint and print its ID (only the ID, so that
/// `id=$(complaint new …)` works). Required: --customer, --contact,
/// --channel, --summary; on a terminal, missing ones are asked for, with
/// every other empty field of the record table.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Customer name or nickname (客户姓名)
    #[arg(long)]
    pub customer: Option<String>,
    /// Phone number or e-mail address (联系方式)
    #[arg(long)]
    pub contact: Option<String>,
    /// Customer ID in the CRM (客户ID)
    #[arg(long)]
    pub customer_id: Option<String>,
    /// How the customer prefers to be contacted (偏好联系方式): phone 电话, sms 短信, wechat 微信, email 邮件, other 其他
    #[arg(long, value_name = "WAY")]
    pub preferred_contact: Option<String>,
    /// Channel: phone 电话, online_chat 在线客服, email 邮件, social_media 社交媒体, wechat 微信, online_form, store 门店, onsite 现场, other
    #[arg(long)]
    pub channel: Option<String>,
    /// Product or service concerned (涉及产品)
    #[arg(long)]
    pub product: Option<String>,
    /// Purchase proof number: invoice, order or receipt number (购买凭证编号)
    #[arg(long, value_name = "NUMBER")]
    pub purchase_proof: Option<String>,
    /// Product model (型号)
    #[arg(long, value_name = "MODEL")]
    pub purchase_model: Option<String>,
    /// Production batch (批次)
    #[arg(long, value_name = "BATCH")]
    pub purchase_batch: Option<String>,
    /// Date of purchase (购买日期), e.g. 2026-11-01
    #[arg(long, value_name = "DATE")]
    pub purchase_date: Option<String>,
    /// One-line summary (投诉内容摘要)
    #[arg(long)]
    pub summary: Option<String>,
    /// Full description, several lines allowed (问题描述)
    #[arg(long)]
    pub description: Option<String>,
    /// What the customer expects (期望诉求)
    #[arg(long = "expect", value_name = "EXPECTATION")]
    pub expectation: Option<String>,
    /// Category, if already known (id, label or alias)
    #[arg(long)]
    pub category: Option<String>,
    /// Severity (default general 一般)
    #[arg(long)]
    pub severity: Option<String>,
    /// When the complaint was received (default now), e.g. "2026-11-23 09:15"
    #[arg(long, value_name = "TIME")]
    pub received_at: Option<String>,
    /// Read the fields from a YAML file in the ticket file's shape; - for stdin. Flags override it.
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,
}

pub fn run(ctx: &mut Context, args: NewArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let config = store.config();
    let zone = config.zone();
    let now = ctx.now(zone)?;
    let mut input = match &args.from_file {
        Some(path) => read_input(path, config.limits.max_file_bytes)?,
        None => NewInput::default(),
    };
    merge_flags(&mut input, args);
    prompt_missing(&mut input, config, now)?;
    let fields = ops::create(input, config, now).map_err(name_flags)?;
    let stamp = Stamp { at: now, by: ctx.actor(&store)? };
    let received_date = fields.received_at.date_naive();
    let id = store.create(received_date, |id| fields.into_ticket(&id.to_string(), &stamp))?;
    let ticket = store.load(&id)?;
    ctx.info(tr!(ctx.lang(), "cli.created_ticket", id = id, path = store.display_path(&store.path_of(&id))));
    let what = ops::created_what(&ticket, config);
    let git_message = message_for(&ticket.id, &what, &ticket.history[0]);
    let _lock = store.lock()?;
    super::autocommit::commit(ctx, &store, &[store.path_of(&id)], &git_message);
    if ctx.global.json {
        output::print_json(&serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "ticket": output::ticket_json(&ticket, config, &Masker { mask: true }),
        }))?;
    } else {
        output::print(&format!("{id}\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_input(path: &Path, max_bytes: u64) -> Result<NewInput> {
    let (text, shown) = super::input::read_capped(path, max_bytes)?;
    if text.trim().is_empty() {
        return Ok(NewInput::default());
    }
    serde_yaml::from_str(&text).map_err(|e| crate::store::yaml_error(&e, &shown))
}

fn merge_flags(input: &mut NewInput, args: NewArgs) {
    let customer = input.customer.get_or_insert_with(CustomerInput::default);
    override_with(&mut customer.name, args.customer);
    override_with(&mut customer.contact, args.contact);
    override_with(&mut customer.id, args.customer_id);
    override_with(&mut input.preferred_contact, args.preferred_contact);
    override_with(&mut input.channel, args.channel);
    override_with(&mut input.product, args.product);
    let purchase = input.purchase.get_or_insert_with(PurchaseInput::default);
    override_with(&mut purchase.proof, args.purchase_proof);
    override_with(&mut purchase.model, args.purchase_model);
    override_with(&mut purchase.batch, args.purchase_batch);
    override_with(&mut purchase.date, args.purchase_date);
    override_with(&mut input.summary, args.summary);
    override_with(&mut input.description, args.description);
    override_with(&mut input.expectation, args.expectation);
    override_with(&mut input.category, args.category);
    override_with(&mut input.severity, args.severity);
    override_with(&mut input.received_at, args.received_at);
}

fn override_with(slot: &mut Option<String>, flag: Option<String>) {
    if flag.is_some() {
        *slot = flag;
    }
}

/// Asks for the empty fields when required ones are missing and a person
/// is at a terminal; a script gets exit 2 naming the missing ones instead.
fn prompt_missing(input: &mut NewInput, config: &crate::config::Config, now: DateTime<FixedOffset>) -> Result<()> {
    // A field given but blank is an error of its own (reported by create),
    // not a missing one.
    let missing: Vec<String> = ops::missing_fields(input).into_iter().map(|f| format!("--{f}")).collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::MissingFields { fields: missing });
    }
    super::new_prompt::ask_empty_fields(input, config, now)
}

/// The required fields a script left out, named by their flags.
fn name_flags(e: Error) -> Error {
    match e {
        Error::MissingFields { fields } => {
            Error::MissingFields { fields: fields.into_iter().map(|f| format!("--{f}")).collect() }
        }
        other => other,
    }
}
