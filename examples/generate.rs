//! Writes a complete store of N realistic tickets over the three years
//! ending "now", for benchmarks (spec §9) and tests:
//!
//! ```text
//! cargo run --release --example generate -- --count 100000 --open-share 0.1 --seed 1 OUT_DIR
//! ```
//!
//! Deterministic for a seed (uids too): every ticket draws from its own
//! SplitMix64 stream, so tickets are built in parallel and still identical
//! run to run. Files go through the library's `Ticket` and YAML writer, so
//! they are byte for byte what `complaint` writes, and histories are valid
//! lifecycle moves whose current fields equal what they imply
//! (`complaint check` passes).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Weekday};
use chrono_tz::Tz;
use clap::Parser;
use rayon::prelude::*;

use complaint::store::{self, Store};
use complaint::ticket::{Action, Customer, Event, NoteKind, Status, Ticket, TicketId};

type Instant = DateTime<FixedOffset>;

#[derive(Debug, Parser)]
struct Args {
    /// Number of tickets
    #[arg(long)]
    count: usize,
    /// Share of tickets still open (not closed)
    #[arg(long, default_value_t = 0.1)]
    open_share: f64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// End of the three years; else COMPLAINT_NOW, else 2026-11-23T10:00+08:00
    #[arg(long)]
    now: Option<String>,
    /// Directory of the new store (created; must not hold tickets yet)
    out_dir: PathBuf,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if !(0.0..=1.0).contains(&args.open_share) {
        return Err("--open-share must be between 0 and 1".into());
    }
    let tickets_dir = args.out_dir.join(store::TICKETS_DIR);
    if std::fs::read_dir(&tickets_dir).is_ok_and(|mut d| d.any(|e| e.is_ok_and(|e| e.file_name() != ".gitkeep"))) {
        return Err(format!("{} already holds tickets", tickets_dir.display()).into());
    }
    store::init(&args.out_dir, None)?;
    let store = Store::open(&args.out_dir)?;
    let config = store.config();
    let zone = config.zone();
    let now_text = args.now.clone().or_else(|| std::env::var("COMPLAINT_NOW").ok());
    let now = complaint::time::parse_time(now_text.as_deref().unwrap_or("2026-11-23T10:00:00+08:00"), zone, "--now")?;

    let arrivals = arrivals(args.count, args.seed, now, zone);
    let open = choose_open(args.count, args.open_share, args.seed);
    let (prefix, width) = (config.id.prefix.as_str(), config.id.width);
    let dirs: std::collections::BTreeSet<PathBuf> = arrivals
        .iter()
        .map(|a| args.out_dir.join(TicketId::new(prefix, a.day, 1, width).relative_path()).with_file_name(""))
        .collect();
    for dir in &dirs {
        std::fs::create_dir_all(dir)?;
    }
    arrivals.par_iter().enumerate().try_for_each(|(i, arrival)| -> Result<(), String> {
        let id = TicketId::new(prefix, arrival.day, arrival.seq, width);
        let mut rng = Rng::new(args.seed ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        let ticket = build(&mut rng, &id.to_string(), arrival.at, open[i], now);
        let text = store::to_yaml(&ticket).map_err(|e| e.to_string())?;
        write(&args.out_dir.join(id.relative_path()), &text)
    })?;
    eprintln!(
        "wrote {} tickets ({} open) to {}",
        args.count,
        open.iter().filter(|o| o.is_some()).count(),
        args.out_dir.display()
    );
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// SplitMix64: tiny, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut rng = Rng(seed);
        rng.next();
        rng
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// Exponentially distributed minutes with the given mean, at least 1.
    fn minutes(&mut self, mean: f64) -> Duration {
        let m = -mean * (1.0 - self.unit()).ln();
        Duration::minutes(m.clamp(1.0, 60.0 * 24.0 * 60.0) as i64)
    }
}

struct Arrival {
    at: Instant,
    day: NaiveDate,
    seq: u32,
}

/// Receive times over the 1095 days ending `now`: fewer at weekends,
/// growing over the years, in daytime hours; sorted, with day sequences.
fn arrivals(count: usize, seed: u64, now: Instant, zone: Tz) -> Vec<Arrival> {
    let today = now.with_timezone(&zone).date_naive();
    let days: Vec<NaiveDate> = (0..1095).rev().map(|k| today - Duration::days(k)).collect();
    let weight = |k: usize, d: NaiveDate| {
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        (0.7 + 0.6 * k as f64 / days.len() as f64) * if weekend { 0.7 } else { 1.0 }
    };
    let total: f64 = days.iter().enumerate().map(|(k, &d)| weight(k, d)).sum();
    let mut rng = Rng::new(seed ^ 0xA5A5_5A5A);
    let (mut arrivals, mut cumulative, mut assigned) = (Vec::with_capacity(count), 0.0, 0usize);
    for (k, &day) in days.iter().enumerate() {
        cumulative += weight(k, day);
        let upto = if k + 1 == days.len() { count } else { ((cumulative / total) * count as f64).round() as usize };
        let n = upto.saturating_sub(assigned);
        assigned += n;
        let local = |h: u32| zone.from_local_datetime(&day.and_hms_opt(h, 0, 0).expect("valid")).earliest();
        let (mut from, mut to) = (local(8).expect("08:00 exists"), local(22).expect("22:00 exists"));
        if day == today {
            to = now.with_timezone(&zone);
            if to <= from {
                from = local(0).expect("00:00 exists");
            }
        }
        let span = (to - from).num_seconds().max(1) as u64;
        let mut times: Vec<u64> = (0..n).map(|_| rng.next() % span).collect();
        times.sort_unstable();
        for (i, s) in times.into_iter().enumerate() {
            let at = (from + Duration::seconds(s as i64)).fixed_offset();
            arrivals.push(Arrival { at, day, seq: i as u32 + 1 });
        }
    }
    arrivals
}

/// Which tickets are still open, and in which status: most of them recent,
/// a quarter old stragglers (the overdue ones).
fn choose_open(count: usize, share: f64, seed: u64) -> Vec<Option<Status>> {
    let mut rng = Rng::new(seed ^ 0x0BE7_0BE7);
    let wanted = ((count as f64) * share).round() as usize;
    let recent_wanted = wanted * 3 / 4;
    let recent_pool = (recent_wanted * 2).min(count);
    let mut open = vec![None; count];
    let mut pick = |range: std::ops::Range<usize>, n: usize, open: &mut Vec<Option<Status>>| {
        let mut pool: Vec<usize> = range.collect();
        for k in 0..n.min(pool.len()) {
            let j = k + rng.below(pool.len() - k);
            pool.swap(k, j);
            let status = match rng.below(20) {
                0..=2 => Status::New,
                3..=11 => Status::Processing,
                12..=15 => Status::WaitingCustomer,
                _ => Status::Resolved,
            };
            open[pool[k]] = Some(status);
        }
    };
    pick(count - recent_pool..count, recent_wanted, &mut open);
    pick(0..count - recent_pool, wanted - recent_wanted.min(recent_pool), &mut open);
    open
}

const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
const GIVEN: &[&str] =
    &["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"];
const STAFF: &[&str] = &["李四", "王五", "赵敏", "刘洋", "陈静", "孙磊", "周杰", "吴芳"];
const AGENTS: &[&str] = &["wang", "li", "zhao", "liu", "chen"];
const DEPARTMENTS: &[&str] = &["售后部", "客服部", "仓储部", "物流部", "质量部", "门店运营部"];
const PRODUCTS: &[&str] =
    &["智能手表 X2", "无线耳机 Pro", "扫地机器人 S7", "空气净化器 A3", "电饭煲 M5", "儿童座椅 K1"];
const CHANNELS: &[&str] = &["phone", "phone", "online_chat", "online_chat", "email", "social_media", "wechat", "store"];
const CAUSES: &[&str] = &["product_defect", "packaging", "courier", "staff", "process", "customer", "other"];
const CATEGORIES: &[(&str, &[&str])] = &[
    (
        "product_quality",
        &["表带断裂，要求换货", "开机后频繁死机", "充电口松动无法充电", "外壳有裂纹", "使用一周后异响"],
    ),
    ("service_attitude", &["客服态度恶劣，挂断电话", "门店店员推诿不处理", "多次来电无人回复"]),
    ("logistics", &["快递延误一周未到", "包裹破损，配件缺失", "快递员未送货上门即签收"]),
    ("after_sales", &["退款申请超过十天未到账", "维修后同一问题复发", "保修期内被收取维修费"]),
    ("other", &["发票开具错误", "会员积分未到账"]),
];
const PLANS: &[&str] =
    &["换货并补偿 20 元优惠券", "全额退款", "免费维修并延长保修三个月", "补发配件", "致歉并培训相关员工"];
const NOTES: &[&str] =
    &["已电话联系客户，说明处理进度", "已通知仓库备货", "等待质检报告", "已与快递公司核实", "已提交退款申请"];

fn build(rng: &mut Rng, id: &str, received: Instant, open: Option<Status>, now: Instant) -> Ticket {
    let (category, summaries) = CATEGORIES[rng.below(CATEGORIES.len())];
    let summary = rng.pick(summaries);
    let severity = match rng.below(100) {
        0..=2 => "major",
        3..=19 => "serious",
        _ => "general",
    };
    let name =
        format!("{}{}{}", rng.pick(SURNAMES), rng.pick(GIVEN), if rng.chance(0.5) { rng.pick(GIVEN) } else { "" });
    let random = (rng.next() as u128) << 64 | rng.next() as u128;
    let uid = ulid::Ulid::from_parts(received.timestamp_millis() as u64, random).to_string();
    let channel = rng.pick(CHANNELS);
    let customer = Customer::new(
        &name,
        &format!("1{}{:09}", rng.pick(&["3", "5", "8"]), rng.next() % 1_000_000_000),
        rng.chance(0.6).then(|| format!("C-{:05}", rng.next() % 100_000)).as_deref(),
    );
    let product = rng.chance(0.8).then(|| rng.pick(PRODUCTS).to_string());
    let description =
        rng.chance(0.5).then(|| format!("客户来电称：{summary}。已记录订单号 {}。\n", rng.next() % 1_000_000));
    let expectation = rng.chance(0.5).then(|| rng.pick(&["换货", "退款", "维修", "道歉", "补偿"]).to_string());
    // Classified while the customer is still on the phone, or a little later.
    let classified_at_once = rng.chance(0.6);
    let mut created = Event::new(received, rng.pick(AGENTS), Action::Created);
    created.category = classified_at_once.then(|| category.to_string());
    created.severity = Some(severity.to_string());
    let mut ticket = Ticket::new(id, &uid, received, channel, customer, summary, created);
    ticket.product = product;
    ticket.description = description;
    ticket.expectation = expectation;
    let mut story = Story { rng, ticket: &mut ticket, at: received, now, goal: open };
    story.tell(category, severity, classified_at_once);
    ticket
}

/// Appends a plausible history, stopping at the open status `goal` (or
/// when 12 events are reached, or running on to `closed`).
struct Story<'a> {
    rng: &'a mut Rng,
    ticket: &'a mut Ticket,
    at: Instant,
    now: Instant,
    goal: Option<Status>,
}

impl Story<'_> {
    /// An event a random while after the last one (exponential, `mean`
    /// minutes; 0 for none), never after "now".
    fn event(&mut self, action: Action, mean: f64) -> Event {
        let after = if mean > 0.0 { self.rng.minutes(mean) } else { Duration::zero() };
        self.at = (self.at + after).min(self.now);
        Event::new(self.at, self.rng.pick(AGENTS), action)
    }

    fn record(&mut self, event: Event) {
        self.ticket.record(event);
    }

    fn room(&self, events: usize) -> bool {
        self.ticket.history.len() + events <= 12
    }

    fn reached(&self) -> bool {
        self.goal == Some(self.ticket.status)
    }

    fn go(&mut self, to: Status, mean: f64, fill: impl FnOnce(&mut Event, &mut Rng)) {
        let mut e = self.event(Action::Transition, mean);
        e.from = Some(self.ticket.status);
        e.to = Some(to);
        fill(&mut e, self.rng);
        self.record(e);
    }

    fn tell(&mut self, category: &str, severity: &str, classified_at_once: bool) {
        if !classified_at_once {
            let mut e = self.event(Action::Classified, 20.0);
            e.category = Some(category.to_string());
            self.record(e);
        }
        let mut e = self.event(Action::Assigned, 15.0);
        e.department = Some(self.rng.pick(DEPARTMENTS).to_string());
        e.assignee = Some(self.rng.pick(STAFF).to_string());
        if self.rng.chance(0.1) {
            e.also.push(self.rng.pick(DEPARTMENTS).to_string());
        }
        if category == "service_attitude" {
            e.staff.push(self.rng.pick(STAFF).to_string());
        }
        self.record(e);
        if self.reached() {
            return;
        }
        if self.goal.is_none() && self.rng.chance(0.06) {
            let reason = self.rng.pick(&["重复投诉", "无效投诉", "客户撤回"]).to_string();
            return self.go(Status::Closed, 120.0, |e, _| e.reason = Some(reason));
        }
        let first_response = match severity {
            "major" => 30.0,
            "serious" => 120.0,
            _ => 600.0,
        };
        self.go(Status::Processing, first_response, |e, rng| e.note = Some(rng.pick(NOTES).into()));
        let mut cycles = 0;
        loop {
            self.work();
            if self.reached() || self.goal == Some(Status::WaitingCustomer) {
                return;
            }
            if !self.room(2) {
                // No room left for resolved + follow-up.
                if self.goal.is_none() {
                    self.go(Status::Closed, 1440.0, |e, _| e.reason = Some("已处理完毕".into()));
                }
                return;
            }
            let plan = self.rng.pick(PLANS).to_string();
            let cause = self.rng.pick(CAUSES).to_string();
            self.go(Status::Resolved, 1800.0, |e, _| {
                e.plan = Some(plan);
                e.cause = Some(cause);
            });
            if self.reached() {
                return;
            }
            cycles += 1;
            if cycles == 1 && self.rng.chance(0.1) && self.room(5) {
                self.followup(false);
                continue;
            }
            if self.rng.chance(0.05) && self.room(2) {
                let mut e = self.event(Action::Followup, 1440.0);
                e.no_answer = true;
                self.record(e);
                let reason = "多次回访无人接听".to_string();
                return self.go(Status::Closed, 1440.0, |e, _| e.reason = Some(reason));
            }
            return self.followup(true);
        }
    }

    /// Progress in `processing`: notes, a promise, a wait for the customer,
    /// an escalation.
    fn work(&mut self) {
        for _ in 0..self.rng.below(3) {
            if self.room(4) {
                let mut e = self.event(Action::Note, 900.0);
                e.kind = Some(if self.rng.chance(0.85) { NoteKind::Progress } else { NoteKind::Internal });
                e.note = Some(self.rng.pick(NOTES).to_string());
                self.record(e);
            }
        }
        if self.rng.chance(0.2) && self.room(4) {
            let mut e = self.event(Action::Promised, 60.0);
            e.promised_at = Some(crate::next_hour(self.at + Duration::days(2)));
            self.record(e);
        }
        if self.rng.chance(0.05) && self.room(4) {
            let mut e = self.event(Action::Escalated, 120.0);
            e.escalated_to = Some("客服主管".into());
            e.reason = Some("客户要求主管处理".into());
            self.record(e);
        }
        if (self.goal == Some(Status::WaitingCustomer) || self.rng.chance(0.15)) && self.room(4) {
            self.go(Status::WaitingCustomer, 600.0, |e, _| e.note = Some("等待客户提供照片".into()));
            if self.reached() || !self.room(4) {
                return;
            }
            self.go(Status::Processing, 1440.0, |e, _| e.note = Some("客户已提供资料".into()));
        }
    }

    fn followup(&mut self, satisfied: bool) {
        let mut e = self.event(Action::Followup, 1440.0);
        let score = if satisfied { 4 + self.rng.below(2) as u32 } else { 1 + self.rng.below(3) as u32 };
        e.score = Some(score);
        e.scale = Some(5);
        e.satisfied = Some(satisfied);
        e.from = Some(Status::Resolved);
        e.to = Some(if satisfied { Status::Closed } else { Status::Processing });
        if !satisfied {
            e.comment = Some("补偿未到账".into());
        }
        if self.rng.chance(0.3) {
            e.dimensions.insert("效率".into(), score);
            e.dimensions.insert("态度".into(), score.max(3));
        }
        self.record(e);
    }
}

/// The next full hour: promised times are round.
fn next_hour(t: Instant) -> Instant {
    let secs = t.timestamp();
    let rounded = secs - secs.rem_euclid(3600) + 3600;
    t.offset().timestamp_opt(rounded, 0).single().unwrap_or(t)
}
