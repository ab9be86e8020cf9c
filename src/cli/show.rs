//! `complaint show ID`

use std::process::ExitCode;

use clap::Args;

use super::{Context, common, output};
use crate::config::{ChoiceKind, Config};
use crate::error::Result;
use crate::lang::Lang;
use crate::report::mask::Masker;
use crate::report::{history, table};
use crate::ticket::Ticket;
use crate::time;

/// Show one ticket: its fields (names and contacts masked) and its history.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Show name and contact unmasked
    #[arg(long)]
    pub unmask: bool,
}

pub fn run(ctx: &mut Context, args: ShowArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let tickets = common::resolve(ctx, &store, &args.id)?;
    let config = store.config();
    let masker = Masker { mask: !args.unmask };
    if ctx.global.json {
        let mut doc = serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "ticket": output::ticket_json(&tickets[0], config, &masker),
        });
        if tickets.len() > 1 {
            let all: Vec<_> = tickets.iter().map(|t| output::ticket_json(t, config, &masker)).collect();
            doc["collision"] = serde_json::json!(all);
        }
        output::print_json(&doc)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for ticket in &tickets {
        let fields = fields_table(ticket, config, &masker);
        let history = history::table(ticket, config);
        let title = config.lang().term("处理记录");
        text.push_str(&format!("{}\n{title}\n{}", table::render(&fields), table::render(&history)));
    }
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn fields_table(ticket: &Ticket, config: &Config, masker: &Masker) -> comfy_table::Table {
    let zone = config.zone();
    let lang = config.lang();
    let mut rows: Vec<(&str, String)> = vec![
        ("投诉编号", ticket.id.clone()),
        (
            "状态",
            match lang {
                Lang::Zh => format!("{} ({})", config.status_label(ticket.status), ticket.status),
                Lang::En => ticket.status.to_string(),
            },
        ),
        ("受理时间", time::format_local(&ticket.received_at, zone)),
        ("投诉渠道", config.display(ChoiceKind::Channel, &ticket.channel).to_string()),
        ("客户", masker.name(&ticket.customer.name)),
        ("联系方式", masker.contact(&ticket.customer.contact)),
    ];
    let mut optional = |label, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            rows.push((label, value));
        }
    };
    optional("客户ID", ticket.customer.id.clone());
    optional("涉及产品", ticket.product.clone());
    optional("投诉摘要", Some(ticket.summary.clone()));
    optional("问题描述", ticket.description.clone());
    optional("期望诉求", ticket.expectation.clone());
    optional(
        "投诉类型",
        Some(
            ticket
                .category
                .as_deref()
                .map_or(lang.term("未分类").to_string(), |c| config.display(ChoiceKind::Category, c).to_string()),
        ),
    );
    optional("严重程度", Some(config.display(ChoiceKind::Severity, &ticket.severity).to_string()));
    optional("责任部门", ticket.department.clone());
    optional("协同部门", Some(ticket.departments_involved.join("、")));
    optional("负责人", ticket.assignee.clone());
    optional("涉事员工", Some(ticket.involved_staff.join("、")));
    optional("承诺时限", ticket.promised_at.map(|p| time::format_local(&p, zone)));
    if ticket.escalated {
        optional(
            "已升级",
            Some(
                ticket
                    .escalated_to
                    .clone()
                    .map_or(lang.term("是").to_string(), |to| format!("{} → {to}", lang.term("是"))),
            ),
        );
    }
    optional("处理方案", ticket.plan.clone());
    optional("根本原因", ticket.cause.as_deref().map(|c| config.display(ChoiceKind::Cause, c).to_string()));
    optional(
        "客户满意度",
        ticket.satisfaction.as_ref().map(|s| {
            let verdict = lang.term(if s.satisfied { "满意" } else { "不满意" });
            let mut text = format!("{}/{} {verdict}", s.score, s.scale);
            if let Some(comment) = &s.comment {
                text.push_str(&format!(" “{comment}”"));
            }
            text
        }),
    );
    let reopened = ticket.reopen_count();
    if reopened > 0 {
        rows.push(("重新处理", format!("{reopened} {}", lang.term("次"))));
    }
    let mut t = table::new_fields_table();
    for (label, value) in rows {
        t.add_row(vec![lang.term(label).to_string(), value]);
    }
    t
}
