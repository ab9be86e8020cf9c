//! `complaint show ID`

use std::process::ExitCode;

use clap::Args;

use super::{Context, common, output};
use crate::config::{ChoiceKind, Config};
use crate::error::Result;
use crate::lang::Lang;
use crate::report::fit::{self, Column};
use crate::report::mask::Masker;
use crate::report::{attachments, history, stages, table};
use crate::sla;
use crate::ticket::Ticket;
use crate::time;

/// Show one ticket: its fields (names and contacts masked), every deadline
/// (due, met at, time left or overdue by, as of --now) and its history.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Ticket ID, e.g. CP20261123001
    pub id: String,
    /// Show name and contact unmasked
    #[arg(long)]
    pub unmask: bool,
    #[command(flatten)]
    pub fit: output::FitArgs,
}

pub fn run(ctx: &mut Context, args: ShowArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let tickets = common::resolve(ctx, &store, &args.id)?;
    let config = store.config();
    let masker = Masker { mask: !args.unmask };
    let zone = config.zone();
    let now = ctx.now(zone)?;
    let calendar = config.business_calendar();
    let targets = |ticket: &Ticket| sla::ticket_targets(&calendar, &config.sla, ticket, now);
    if ctx.global.json {
        let mut doc = serde_json::json!({
            "schema": output::JSON_SCHEMA,
            "ticket": output::ticket_json(&tickets[0], config, &masker),
            "stages": stages::json(&calendar, &targets(&tickets[0]), now),
        });
        if tickets.len() > 1 {
            let all: Vec<_> = tickets.iter().map(|t| output::ticket_json(t, config, &masker)).collect();
            doc["collision"] = serde_json::json!(all);
        }
        output::print_json(&doc)?;
        return Ok(ExitCode::SUCCESS);
    }
    let room = ctx.room(args.fit.wide);
    let mut text = String::new();
    for ticket in &tickets {
        let lang = config.lang();
        let fields = fields_table(ticket, config, &masker);
        let clocks = stages::table(&calendar, &targets(ticket), now, zone, lang);
        let history = history::table(ticket, config);
        let (clocks_title, title) = (lang.pick("时限", "Deadlines"), lang.field("history"));
        text.push_str(&format!(
            "{}
{clocks_title}
{}
",
            fit::render_table(&fields, &[Column::KEEP, Column::TEXT], room, lang),
            fit::render_table(&clocks, &stages::COLUMNS, room, lang),
        ));
        if let Some(files) = attachments::table(ticket, config) {
            text.push_str(&format!(
                "{}
{}
",
                lang.pick("附件", "Attachments"),
                table::render(&files)
            ));
        }
        text.push_str(&format!(
            "{title}
{}",
            fit::render_table(&history, &history::COLUMNS, room, lang)
        ));
    }
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// When the latest plan will have been carried out, and where the
/// customer's answer to it stands.
fn plan_execute_by(ticket: &Ticket, zone: chrono_tz::Tz) -> Option<String> {
    let plan = ticket.latest_plan()?;
    let by = time::format_deadline(&plan.event.execute_by?, zone);
    Some(match plan.answer.and_then(|a| a.accepted) {
        Some(true) => format!("{by} ✓"),
        Some(false) => format!("{by} ✗"),
        None => by,
    })
}

fn fields_table(ticket: &Ticket, config: &Config, masker: &Masker) -> comfy_table::Table {
    let zone = config.zone();
    let lang = config.lang();
    // Labels from the field dictionary (`lang::FIELDS`), in the store's language.
    let mut rows: Vec<(&str, String)> = vec![
        (lang.field("id"), ticket.id.clone()),
        (
            lang.field("status"),
            match lang {
                Lang::Zh => format!("{} ({})", config.status_label(ticket.status), ticket.status),
                Lang::En => ticket.status.to_string(),
            },
        ),
        (lang.field("received_at"), time::format_local(&ticket.received_at, zone)),
        (lang.field("channel"), config.display(ChoiceKind::Channel, &ticket.channel).to_string()),
        (lang.field("customer"), masker.name(&ticket.customer.name)),
        (lang.field("contact"), masker.contact(&ticket.customer.contact)),
    ];
    let mut optional = |label, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            rows.push((label, value));
        }
    };
    optional(lang.field("customer_id"), ticket.customer.id.clone());
    optional(
        lang.field("preferred_contact"),
        ticket.preferred_contact.map(|w| lang.coded(w.id(), w.label()).to_string()),
    );
    optional(lang.field("product"), ticket.product.clone());
    let purchase = ticket.purchase.clone().unwrap_or_default();
    optional(lang.field("purchase_proof"), purchase.proof);
    optional(lang.field("purchase_model"), purchase.model);
    optional(lang.field("purchase_batch"), purchase.batch);
    optional(lang.field("purchase_date"), purchase.date.map(|d| d.to_string()));
    optional(lang.field("summary"), Some(ticket.summary.clone()));
    optional(lang.field("description"), ticket.description.clone());
    optional(lang.field("expectation"), ticket.expectation.clone());
    optional(
        lang.field("category"),
        Some(
            ticket
                .category
                .as_deref()
                .map_or(lang.term("未分类").to_string(), |c| config.display(ChoiceKind::Category, c).to_string()),
        ),
    );
    optional(lang.field("severity"), Some(config.display(ChoiceKind::Severity, &ticket.severity).to_string()));
    optional(lang.field("department"), ticket.department.clone());
    optional(lang.field("departments_involved"), Some(ticket.departments_involved.join("、")));
    optional(lang.field("assignee"), ticket.assignee.clone());
    optional(lang.field("involved_staff"), Some(ticket.involved_staff.join("、")));
    optional(lang.field("promised_at"), ticket.promised_at.map(|p| time::format_deadline(&p, zone)));
    if ticket.escalated {
        optional(
            lang.field("escalated"),
            Some(
                ticket
                    .escalated_to
                    .clone()
                    .map_or(lang.term("是").to_string(), |to| format!("{} → {to}", lang.term("是"))),
            ),
        );
    }
    optional(lang.field("plan"), ticket.plan.clone());
    optional(lang.pick("方案执行时限", "Plan execute by"), plan_execute_by(ticket, zone));
    optional(lang.field("cause"), ticket.cause.as_deref().map(|c| config.display(ChoiceKind::Cause, c).to_string()));
    optional(
        lang.field("satisfaction"),
        ticket.satisfaction.as_ref().map(|s| {
            let verdict = lang.term(if s.satisfied { "满意" } else { "不满意" });
            let mut text = format!("{} {verdict}", config.score_display(s.score, s.scale, lang));
            if let Some(comment) = &s.comment {
                text.push_str(&format!(" “{comment}”"));
            }
            text
        }),
    );
    let reopened = ticket.reopen_count();
    if reopened > 0 {
        rows.push((lang.term("重新处理"), format!("{reopened} {}", lang.term("次"))));
    }
    let mut t = table::new_fields_table();
    for (label, value) in rows {
        t.add_row(vec![label.to_string(), value]);
    }
    t
}
