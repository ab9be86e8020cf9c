//! Test values with every field set to something other than its default,
//! written as exhaustive struct literals: a new field does not compile until
//! it is given a value here, and then every test built on these values (the
//! cache codec's and the canonical reader's round trips, the cache layout's
//! fingerprint, the field dictionary) covers it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::{
    Action, Attachment, AttachmentKind, ClockEvent, Confirms, ContactWay, Customer, Event, IndexEntry, NoteKind,
    Purchase, Satisfaction, Status, Ticket, Via,
};

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn dimensions() -> BTreeMap<String, u32> {
    BTreeMap::from([("态度".to_string(), 4), ("效率".to_string(), 5)])
}

/// An event with every field set (no real action fills them all).
pub fn every_event_field() -> Event {
    Event {
        at: at("2026-11-23T09:15:00+08:00"),
        by: "wang".into(),
        action: Action::Edited,
        from: Some(Status::New),
        to: Some(Status::Processing),
        category: Some("product_quality".into()),
        severity: Some("serious".into()),
        department: Some("售后部".into()),
        assignee: Some("李四".into()),
        also: vec!["产品部".into(), "仓储部".into()],
        staff: vec!["孙磊".into()],
        plan: Some("换货".into()),
        cause: Some("courier".into()),
        kind: Some(NoteKind::Action),
        owner: Some("zhao".into()),
        due: Some(at("2026-11-30T18:00:00+08:00")),
        done_item: Some(2),
        task_department: Some("财务部".into()),
        score: Some(4),
        scale: Some(5),
        satisfied: Some(true),
        comment: Some("还行".into()),
        dimensions: dimensions(),
        no_answer: true,
        promised_at: Some(at("2026-11-26T23:00:00+08:00")),
        escalated_to: Some("区域经理".into()),
        execute_by: Some(at("2026-11-27T18:00:00+08:00")),
        confirms: Some(Confirms::Result),
        accepted: Some(false),
        via: Some(Via::Signature),
        changed: vec!["summary".into(), "product".into()],
        attachment: Some(Attachment {
            name: "发票 0012.pdf".into(),
            kind: AttachmentKind::Signed,
            sha256: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb".into(),
            bytes: 5_000_000_000,
            extra: BTreeMap::new(),
        }),
        renamed_from: Some("CP20261123009".into()),
        reason: Some("编号冲突".into()),
        note: Some("第一行\n第二行\n".into()),
        extra: BTreeMap::new(),
    }
}

/// A ticket with every field, every optional one filled (its current
/// fields need not agree with its history).
pub fn every_field() -> Ticket {
    Ticket {
        schema: 1,
        id: "CP20261123001".into(),
        uid: "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C".into(),
        renamed_from: vec!["CP20261123009".into()],
        received_at: at("2026-11-23T09:15:00+08:00"),
        channel: "phone".into(),
        customer: Customer {
            name: "张三".into(),
            contact: "13812345678".into(),
            id: Some("C-10023".into()),
            extra: BTreeMap::new(),
        },
        preferred_contact: Some(ContactWay::Wechat),
        product: Some("扫地机器人 S7".into()),
        purchase: Some(Purchase {
            proof: Some("000123".into()),
            model: Some("0012".into()),
            batch: Some("B2611-07".into()),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
            extra: BTreeMap::new(),
        }),
        summary: "充电座冒烟，担心安全".into(),
        description: Some("客户称收货第三天表带断裂。\n要求换货。".into()),
        expectation: Some("换货".into()),
        category: Some("product_quality".into()),
        severity: "serious".into(),
        department: Some("产品部".into()),
        departments_involved: vec!["售后部".into()],
        assignee: Some("黄磊".into()),
        involved_staff: vec!["孙磊".into(), "zhao.li@example.com".into()],
        promised_at: Some(at("2026-11-26T23:00:00+08:00")),
        escalated: true,
        escalated_to: Some("区域经理".into()),
        cause: Some("product_defect".into()),
        status: Status::Processing,
        plan: Some("整机换新并延长保修一年".into()),
        satisfaction: Some(Satisfaction {
            score: 4,
            scale: 5,
            satisfied: true,
            comment: Some("满意".into()),
            dimensions: dimensions(),
            at: at("2026-11-25T10:00:00+08:00"),
            extra: BTreeMap::new(),
        }),
        history: vec![every_event_field()],
        extra: BTreeMap::new(),
    }
}

/// A cache index entry with every field set (`settled_at` and `clock` are
/// never both set by [`IndexEntry::of`]; the codec does not care).
pub fn every_index_entry_field() -> IndexEntry {
    IndexEntry {
        id: "CP20261123001".into(),
        received_at: at("2026-11-23T09:15:00+08:00"),
        channel: "phone".into(),
        customer_name: "张三".into(),
        customer_contact: "13812345678".into(),
        customer_id: Some("C-10023".into()),
        product: Some("智能手表 X2".into()),
        summary: "充电座冒烟，担心安全".into(),
        category: Some("product_quality".into()),
        severity: "serious".into(),
        department: Some("产品部".into()),
        departments_involved: vec!["售后部".into(), "仓储部".into()],
        assignee: Some("黄磊".into()),
        escalated: true,
        status: Status::Processing,
        last_event_at: Some(at("2026-11-24T09:15:00+08:00")),
        settled_at: Some(at("2026-11-25T09:15:00+08:00")),
        several_departments_since: Some(at("2026-11-23T10:15:00+08:00")),
        clock: vec![ClockEvent {
            at: at("2026-11-23T09:20:00+08:00"),
            action: Action::Followup,
            to: Some(Status::Resolved),
            kind: Some(NoteKind::Progress),
            no_answer: true,
            promised_at: Some(at("2026-11-26T23:00:00+08:00")),
            severity: Some("major".into()),
            execute_by: Some(at("2026-11-27T18:00:00+08:00")),
            confirms: Some(Confirms::Plan),
            accepted: Some(false),
        }],
    }
}
