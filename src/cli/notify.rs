//! `assign --notify`: a short task notice to the assignee (seed 004:
//! 任务分派后系统自动发送任务提醒), through the same mail path as `overdue --send`.

use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Refusal, Result};
use crate::mail::{self as email, Mailbox, Notice};
use crate::report::mask::Masker;
use crate::sla::{self, TargetKind};
use crate::store::Store;
use crate::ticket::Ticket;
use crate::time;

use super::Context;
use crate::tr;

/// The assignee's address from `[people]`.
pub fn recipient(config: &Config, assignee: Option<&str>) -> Result<Mailbox> {
    let name = assignee.ok_or_else(|| super::flags::reword(Refusal::NotifyWithoutAssignee.into(), &[]))?;
    let address = config.address_of(name).ok_or_else(|| {
        Error::invalid(
            format!("no e-mail address for {name:?} in [people]"),
            Some("add it under [people] in complaint.toml, the name quoted: \"李四\" = \"李四 <lisi@example.com>\""),
        )
    })?;
    email::parse_address(address, &format!("[people] {name}"))
}

/// Builds and delivers the notice. The assignment is already recorded, so
/// every failure here (no address, a bad [mail] setting, a refused or
/// unreachable server) says that it stands and only the notice is missing.
pub fn send_assignment(ctx: &Context, store: &Store, ticket: &Ticket, to: Result<Mailbox>) -> Result<()> {
    let sent = to.and_then(|to| deliver(ctx, store, ticket, to));
    let recipients = sent.map_err(|e| Error::Invalid {
        message: format!("{} is assigned, but the notice could not be sent: {e}", ticket.id),
        hint: Some(format!(
            "tell the assignee yourself, or {} and run assign --notify again",
            e.hint().unwrap_or_else(|| "fix [mail] in complaint.toml".into())
        )),
    })?;
    ctx.info(tr!(ctx.lang(), "cli.notice_sent", id = ticket.id, to = recipients.join(", ")));
    Ok(())
}

fn deliver(ctx: &Context, store: &Store, ticket: &Ticket, to: Mailbox) -> Result<Vec<String>> {
    let config = store.config();
    let now = ctx.now(config.zone())?;
    let body = body(config, ticket, now);
    let notice = Notice {
        from: config.mail.from_mailbox()?,
        to: vec![to],
        subject: format!("[投诉分派] {} {}", ticket.id, ticket.summary),
        date: now,
        body: &body,
    };
    let rendered = email::build_notice(&notice)?;
    let delivery = ctx.delivery(None, &config.mail)?;
    delivery.send(&config.mail.password_env, &rendered)?;
    Ok(rendered.envelope.to.clone())
}

fn body(config: &Config, ticket: &Ticket, now: chrono::DateTime<chrono::FixedOffset>) -> String {
    let zone = config.zone();
    let masker = Masker { mask: true };
    let mut lines = vec![
        format!("{}，您好：", ticket.assignee.as_deref().unwrap_or("")),
        String::new(),
        format!("投诉 {} 已分派给您处理。", ticket.id),
        String::new(),
        format!("  投诉摘要  {}", ticket.summary),
        format!("  严重程度  {}", config.label(ChoiceKind::Severity, &ticket.severity)),
        format!(
            "  投诉类型  {}",
            ticket.category.as_deref().map_or("未分类", |c| config.label(ChoiceKind::Category, c))
        ),
        format!("  受理时间  {}", time::format_local(&ticket.received_at, zone)),
        format!("  客户      {}", masker.name(&ticket.customer.name)),
    ];
    let calendar = config.business_calendar();
    for target in sla::ticket_targets(&calendar, &config.sla, ticket, now) {
        if target.state.is_open()
            && matches!(target.kind, TargetKind::FirstResponse | TargetKind::Resolution | TargetKind::Promise)
        {
            lines.push(format!("  {}  {}", target.kind.label(), time::format_deadline(&target.due.at, zone)));
        }
    }
    lines.push(String::new());
    lines.push(format!("详情：complaint show {}", ticket.id));
    lines.join("\n") + "\n"
}
