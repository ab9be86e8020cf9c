//! `complaint confirm ID plan|result --accepted|--refused --via HOW`

use std::process::ExitCode;

use clap::{ArgGroup, Args, ValueEnum};

use super::Context;
use super::change::{self, ChangeArgs};
use crate::error::Result;
use crate::ops::{self, ConfirmInput};
use crate::ticket::{Confirms, Via};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConfirmsArg {
    /// The latest plan sent (方案确认)
    Plan,
    /// The result of the latest execution reported done (结果确认)
    Result,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ViaArg {
    /// 短信
    Sms,
    /// 邮件
    Email,
    /// 电话
    Phone,
    /// 签名 / 签字 (online or on the service sheet)
    Signature,
}

/// Record the customer's answer to the plan or to the result, and how it was
/// given. A refused plan needs a new `plan`; an accepted
/// result resolves the ticket.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("answer").required(true).args(["accepted", "refused"])))]
pub struct ConfirmArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// What the customer answers
    #[arg(value_enum)]
    pub what: ConfirmsArg,
    /// The customer accepted
    #[arg(long)]
    pub accepted: bool,
    /// The customer refused
    #[arg(long)]
    pub refused: bool,
    /// How the answer was given
    #[arg(long, value_enum)]
    pub via: ViaArg,
    /// A note, e.g. what the customer asked for instead
    #[arg(long = "message", short = 'm', value_name = "NOTE")]
    pub message: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(ctx: &mut Context, args: ConfirmArgs) -> Result<ExitCode> {
    let confirms = match args.what {
        ConfirmsArg::Plan => Confirms::Plan,
        ConfirmsArg::Result => Confirms::Result,
    };
    let via = match args.via {
        ViaArg::Sms => Via::Sms,
        ViaArg::Email => Via::Email,
        ViaArg::Phone => Via::Phone,
        ViaArg::Signature => Via::Signature,
    };
    let input = ConfirmInput { confirms, accepted: args.accepted, via, message: args.message, at: args.change.at };
    change::apply(ctx, &args.id, input.at.as_deref(), &["message", "at"], |ticket, config, stamp| {
        ops::confirm(ticket, config, &input, stamp).map(Some)
    })?;
    Ok(ExitCode::SUCCESS)
}
