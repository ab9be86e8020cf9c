//! `report`: every format over one fixed scenario store whose figures are
//! computed by hand below; the weekly review agenda; bad periods.
//!
//! The scenario (store zone Asia/Shanghai, default SLAs, work hours
//! 09:00–18:00, no holidays in November 2026). Week 2026-W47 is Mon 11-16 to
//! Sun 11-22; the report is run at the Monday meeting, 2026-11-23 16:00.
//!
//! | ticket | received | channel | category | severity | story |
//! |---|---|---|---|---|---|
//! | A CP20261116001 | Mon 16 09:00 | phone | product_quality | general | processing 09:30, resolved Tue 17 10:00 (packaging), follow-up Wed 18 10:00 5/5 (效率 5, 态度 4) closes |
//! | B CP20261117001 | Tue 17 14:00 | wechat | logistics | serious | processing 20:00 (4h target: late), resolved Wed 18 17:00 (courier), follow-up Thu 19 10:00 2/5 reopens; action for 王五 due Fri 20, never done |
//! | C CP20261118001 | Wed 18 09:00 | email | product_quality | general | processing 10:00; action for 李四 due Thu 19; 李四 resolves Thu 19 15:00 (product_defect); follow-up Fri 20 10:00 4/5 (效率 3) closes |
//! | D CP20261120001 | Fri 20 16:00 | social_media | service_attitude | major | untouched |
//! | E CP20261121001 | Sat 21 10:00 | phone | — | general | action for 陈七 set Sat 21 12:00 due Sun 22; 陈七 moves it to processing Mon 23 09:30 |
//! | F CP20261110001 | Tue 10 10:00 (W46) | phone | logistics | general | processing 11:00, resolved 15:00, follow-up Wed 11 10:00 4/5 closes |
//!
//! A, C in 售后部/李四; B in 物流部/王五 with 赵六 the staff complained about.
//! A, B, C are about 智能手表 X2.

use crate::support::Store;

pub const AS_OF: &str = "2026-11-23 16:00";

pub fn scenario() -> Store {
    let store = Store::new();
    let new = |at: &str, extra: &[&str]| store.new_ticket(at, extra);
    let a = new("2026-11-16 09:00", &["--category", "product_quality", "--product", "智能手表 X2"]);
    let ok = |at: &str, args: &[&str]| {
        store.ok(at, args);
    };
    ok("2026-11-16 09:10", &["assign", &a, "--department", "售后部", "--assignee", "李四"]);
    ok("2026-11-16 09:30", &["transition", &a, "processing"]);
    ok("2026-11-17 10:00", &["transition", &a, "resolved", "--plan", "换货", "--cause", "packaging"]);
    ok("2026-11-18 10:00", &["followup", &a, "--score", "5", "--dimension", "效率=5", "--dimension", "态度=4"]);

    let b = new(
        "2026-11-17 14:00",
        &["--channel", "wechat", "--category", "logistics", "--severity", "serious", "--product", "智能手表 X2"],
    );
    ok("2026-11-17 14:10", &["assign", &b, "--department", "物流部", "--assignee", "王五", "--staff", "赵六"]);
    ok("2026-11-17 20:00", &["transition", &b, "processing"]);
    ok("2026-11-18 17:00", &["transition", &b, "resolved", "--plan", "补发", "--cause", "courier"]);
    ok("2026-11-19 10:00", &["followup", &b, "--score", "2", "--comment", "快递员态度差"]);
    ok(
        "2026-11-19 11:00",
        &["note", &b, "-m", "联系快递公司核实", "--kind", "action", "--owner", "王五", "--due", "2026-11-20"],
    );

    let c =
        new("2026-11-18 09:00", &["--channel", "email", "--category", "product_quality", "--product", "智能手表 X2"]);
    ok("2026-11-18 09:05", &["assign", &c, "--department", "售后部", "--assignee", "李四"]);
    ok("2026-11-18 10:00", &["transition", &c, "processing"]);
    ok(
        "2026-11-18 11:00",
        &["note", &c, "-m", "安排上门检测", "--kind", "action", "--owner", "李四", "--due", "2026-11-19"],
    );
    ok(
        "2026-11-19 15:00",
        &["--by", "李四", "transition", &c, "resolved", "--plan", "维修", "--cause", "product_defect"],
    );
    ok("2026-11-20 10:00", &["followup", &c, "--score", "4", "--dimension", "效率=3"]);

    new("2026-11-20 16:00", &["--channel", "social_media", "--category", "service_attitude", "--severity", "major"]);

    let e = new("2026-11-21 10:00", &[]);
    ok(
        "2026-11-21 12:00",
        &["note", &e, "-m", "周一前回电", "--kind", "action", "--owner", "陈七", "--due", "2026-11-22"],
    );
    ok("2026-11-23 09:30", &["--by", "陈七", "transition", &e, "processing"]);

    let f = new("2026-11-10 10:00", &["--category", "logistics"]);
    ok("2026-11-10 11:00", &["transition", &f, "processing"]);
    ok("2026-11-10 15:00", &["transition", &f, "resolved", "--plan", "补发"]);
    ok("2026-11-11 10:00", &["followup", &f, "--score", "4"]);
    store
}

fn report(store: &Store, args: &[&str]) -> String {
    let mut full = vec!["report"];
    full.extend_from_slice(args);
    store.ok(AS_OF, &full)
}

#[test]
fn weekly_table() {
    let store = scenario();
    insta::assert_snapshot!(report(&store, &["--week"]), @r#"
    投诉统计报告 2026-W47（2026-11-16 至 2026-11-22）
    统计截至 2026-11-23 16:00；上期 2026-W46（2026-11-09 至 2026-11-15）

    一、未结的严重/重大投诉
    编号            严重程度   类型       状态     负责人   受理时间           摘要
    ───────────────────────────────────────────────────────────────────────────────────────────────
    CP20261120001   重大       服务态度   待受理            2026-11-20 16:00   表带断裂，要求换货
    CP20261117001   严重       物流配送   处理中   王五     2026-11-17 14:00   表带断裂，要求换货

    二、本周超时
    编号            目标       截止时间           情况       负责人
    ─────────────────────────────────────────────────────────────────
    CP20261117001   首次响应   2026-11-17 18:00   逾期完成   王五
    CP20261117001   不满上报   2026-11-19 11:00   仍超时     王五
    CP20261117001   进展更新   2026-11-20 10:00   仍超时     王五
    CP20261120001   首次响应   2026-11-20 17:00   仍超时
    CP20261120001   处理时限   2026-11-20 20:00   仍超时
    CP20261121001   首次响应   2026-11-22 10:00   逾期完成

    三、本周不满意回访
    编号            回访时间           评分   客户意见       负责人
    ─────────────────────────────────────────────────────────────────
    CP20261117001   2026-11-19 10:00   2/5    快递员态度差   王五

    四、本周主要投诉类型
    类型       数量   占比
    ─────────────────────────
    产品质量   2      40.0%
    服务态度   1      20.0%
    物流配送   1      20.0%

    五、上周例会待办落实情况
    编号            布置时间           责任人   完成时限           事项               落实情况       落实时间
    ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────
    CP20261118001   2026-11-18 11:00   李四     2026-11-19 24:00   安排上门检测       已落实         2026-11-19 15:00
    CP20261117001   2026-11-19 11:00   王五     2026-11-20 24:00   联系快递公司核实   未落实(逾期)
    CP20261121001   2026-11-21 12:00   陈七     2026-11-22 24:00   周一前回电         逾期落实       2026-11-23 09:30

    概览
    指标                     本期     上期     变化
    ─────────────────────────────────────────────────────────
    投诉总数                 5        1        +4 (+400.0%)
    平均首次响应(工作小时)   1.5      1.0      +0.5
    平均处理时长(工作小时)   12.5     5.0      +7.5
    超时次数                 6        0        +6
    满意度均分(百分制)       73.3     80.0     -6.7
    SLA 达标率               57.1%    100.0%   -42.9pp
    满意率                   66.7%    100.0%   -33.3pp
    回访覆盖率               100.0%   100.0%   +0.0pp
    重开率                   33.3%    0.0%     +33.3pp

    投诉类型
    投诉类型   数量   占比    满意率   预警(满意率<80%)
    ─────────────────────────────────────────────────────
    产品质量   2      40.0%   100.0%
    服务态度   1      20.0%   —
    物流配送   1      20.0%   0.0%     ⚠ 低于80%
    未分类     1      20.0%   —

    严重程度
    严重程度   数量   占比
    ─────────────────────────
    一般       3      60.0%
    严重       1      20.0%
    重大       1      20.0%

    投诉渠道
    投诉渠道      数量   占比
    ────────────────────────────
    电话          2      40.0%
    邮件          1      20.0%
    社交媒体      1      20.0%
    公众号/微信   1      20.0%

    处理状态
    处理状态   数量   占比
    ─────────────────────────
    处理中     2      40.0%
    已关闭     2      40.0%
    待受理     1      20.0%

    根本原因
    根本原因   数量   占比
    ─────────────────────────
    未确定     2      40.0%
    产品缺陷   1      20.0%
    包装       1      20.0%
    快递承运   1      20.0%

    处理时效(小时)
    指标       件数   平均(工作)   中位数(工作)   P90(工作)   平均(自然)   中位数(自然)   P90(自然)
    ─────────────────────────────────────────────────────────────────────────────────────────────────
    首次响应   4      1.5          0.8            4.0         13.8         3.5            47.5
    处理完成   2      12.5         12.5           15.0        27.5         27.5           30.0

    SLA 达标情况
    目标       已判定   达标   超时   未判定   达标率
    ───────────────────────────────────────────────────
    首次响应   5        2      3      0        40.0%
    处理时限   4        3      1      2        75.0%
    回访       3        3      0      0        100.0%
    进展更新   1        0      1      1        0.0%
    不满上报   1        0      1      0        0.0%

    各环节处理时长(小时)
    环节       件数   已完成   平均(工作)   中位数(工作)   P90(工作)   平均(自然)   中位数(自然)   P90(自然)   超时率
    ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────
    首次响应   5      4        1.5          0.8            4.0         13.8         3.5            47.5        60.0%
    处理时限   6      3        12.3         12.0           15.0        27.3         27.0           30.0        25.0%
    回访       3      3        5.0          4.0            9.0         20.0         19.0           24.0        0.0%
    进展更新   2      0        —            —              —           —            —              —           100.0%
    不满上报   1      0        —            —              —           —            —              —           100.0%

    满意度分布
    评分   数量   占比
    ─────────────────────
    5/5    1      33.3%
    4/5    1      33.3%
    2/5    1      33.3%

    满意度分项(百分制)
    分项   评分数   均分
    ──────────────────────
    效率   2        80.0
    态度   1        80.0
    方案   0        —

    按部门
    部门     受理   超时   重开   平均处理(工作小时)   满意度(百分制)   满意率
    ────────────────────────────────────────────────────────────────────────────
    售后部   2      0      0      12.5                 90.0             100.0%
    物流部   1      3      1      —                    40.0             0.0%

    按处理人
    处理人   受理   超时   重开   平均处理(工作小时)   满意度(百分制)   满意率   分项
    ────────────────────────────────────────────────────────────────────────────────────────────────────
    李四     2      0      0      12.5                 90.0             100.0%   效率 80.0 / 态度 80.0
    王五     1      3      1      —                    40.0             0.0%

    按人员(考核)
    人员   受理登记   经手   超时(担责)   重开(担责)   回访   所解决的满意度(百分制)   满意率
    ───────────────────────────────────────────────────────────────────────────────────────────
    李四   0          2      0            0            0      90.0                     100.0%
    王五   0          1      3            1            0      40.0                     0.0%
    wang   5          0      0            0            3      —                        —

    被投诉员工
    员工   次数
    ─────────────
    赵六   1

    高频投诉产品
    产品          次数
    ────────────────────
    智能手表 X2   3

    高频投诉点(产品×类型)
    产品          投诉类型   次数   上期   变化   查看明细
    ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
    智能手表 X2   产品质量   2      0      +2     complaint list --product '智能手表 X2' --category product_quality
    智能手表 X2   物流配送   1      0      +1     complaint list --product '智能手表 X2' --category logistics
    "#);
}

#[test]
fn json_has_the_hand_computed_figures() {
    let store = scenario();
    let json: serde_json::Value =
        serde_json::from_str(&report(&store, &["--week", "2026-W47", "--format", "json"])).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["period"]["from"], "2026-11-16");
    assert_eq!(json["period"]["to"], "2026-11-22");
    assert_eq!(json["total"], 5);
    // Categories: A, C product_quality (2/5 = 0.4); B logistics, D service_attitude,
    // E unclassified (1/5 each). B's only answer is 2/5, unsatisfied: 0 < 80 % → flagged.
    assert_eq!(json["by_category"][0]["id"], "product_quality");
    assert_eq!(json["by_category"][0]["share"], 0.4);
    assert_eq!(json["low_satisfaction_categories"], serde_json::json!(["logistics"]));
    // First response in working hours: A 0.5, B 4 (14:00–18:00), C 1, E 0.5
    // (Mon 09:00–09:30); mean 6/4 = 1.5, median (0.5+1)/2 = 0.75, p90 rank ⌈3.6⌉ = 4 → 4.
    // Wall: 0.5, 6, 1, 47.5 → mean 55/4 = 13.75, median (1+6)/2 = 3.5, p90 47.5.
    assert_eq!(json["response_time"]["count"], 4);
    assert_eq!(json["response_time"]["working_hours"]["mean"], 1.5);
    assert_eq!(json["response_time"]["working_hours"]["median"], 0.8);
    assert_eq!(json["response_time"]["working_hours"]["p90"], 4.0);
    assert_eq!(json["response_time"]["wall_hours"]["median"], 3.5);
    assert_eq!(json["response_time"]["wall_hours"]["p90"], 47.5);
    // Resolution (only A and C are resolved now; B was reopened): A Mon 09:00 → Tue
    // 10:00 = 25 h wall, 9 + 1 = 10 working h; C Wed 09:00 → Thu 15:00 = 30 h, 9 + 6 = 15.
    assert_eq!(json["resolution_time"]["working_hours"]["mean"], 12.5);
    assert_eq!(json["resolution_time"]["wall_hours"]["p90"], 30.0);
    // SLA: first response met A, C; breached B (20:00 > 18:00), D (unanswered), E
    // (Mon 09:30 > Sun 10:00) → 2/5. Resolution met A, B#1, C, breached D (4 h),
    // open B#2 and E → 3/4. Follow-up met A, B, C. Update: B overdue (no note
    // since Thu 10:00), E open. B's veto was never reported to a supervisor
    // (veto_report 1h, issue 14). Overall 8 met of 14 decided = 0.5714; 6
    // breaches in 3 tickets.
    assert_eq!(json["sla"]["compliance"], 0.5714);
    assert_eq!(json["sla"]["breaches"], 6);
    assert_eq!(json["sla"]["breached_tickets"], 3);
    assert_eq!(json["sla"]["targets"][0]["kind"], "first_response");
    assert_eq!(json["sla"]["targets"][0]["compliance"], 0.4);
    // Satisfaction: 5/5, 2/5, 4/5 → 100, 40, 80 → mean 73.3; satisfied 2/3;
    // all three resolved tickets were followed up → coverage 1.
    let sat = &json["satisfaction"];
    assert_eq!(
        (sat["mean"].as_f64(), sat["satisfied_rate"].as_f64(), sat["coverage"].as_f64()),
        (Some(73.3), Some(0.6667), Some(1.0))
    );
    assert_eq!(sat["distribution"].as_array().unwrap().len(), 3);
    // Reopen rate: B of the three ever resolved = 0.3333; charged to 王五.
    // Breaches charged to 王五, who held B when they passed: its first
    // response (Tue 18:00), its update (Thu 10:00 + 24h) and the veto never
    // reported (Thu 11:00) — 3 (issue 14: breaches charged, no longer
    // tickets with a breach).
    assert_eq!(json["reopen_rate"], 0.3333);
    let wang = json["by_assignee"].as_array().unwrap().iter().find(|a| a["name"] == "王五").unwrap();
    assert_eq!(
        (wang["handled"].as_u64(), wang["reopened"].as_u64(), wang["breached"].as_u64()),
        (Some(1), Some(1), Some(3))
    );
    let li = &json["by_assignee"][0];
    // 李四: A 100 and C 80 → 90; 效率 (100 + 60)/2 = 80, 态度 80.
    assert_eq!((li["name"].as_str(), li["satisfaction"].as_f64()), (Some("李四"), Some(90.0)));
    assert_eq!(li["dimensions"]["效率"], 80.0);
    assert_eq!(json["by_department"][0]["name"], "售后部");
    assert_eq!(json["staff"][0], serde_json::json!({"name": "赵六", "count": 1}));
    assert_eq!(json["products"][0], serde_json::json!({"name": "智能手表 X2", "count": 3}));
    // Previous week: F only; received Tue 10:00, resolved 15:00 → 5 working hours;
    // its three targets met → 100 %, so compliance changed by 0.5714 − 1 = −0.4286.
    let prev = &json["previous_period"];
    assert_eq!(prev["period"]["label"], "2026-W46");
    assert_eq!(prev["total"], 1);
    assert_eq!(prev["resolution_mean_working_hours"], 5.0);
    assert_eq!(prev["change"]["total"], 4);
    assert_eq!(prev["change"]["total_ratio"], 4.0);
    assert_eq!(prev["change"]["sla_compliance"], -0.4286);
    // Agenda: D (major) and B (serious) open; 6 breaches due in the week (B's
    // unreported veto among them); B's veto;
    // C's action done by the resolve (before its due), B's never done (overdue),
    // E's done late by its owner 陈七 (Mon 09:30 > due Mon 00:00).
    let agenda = &json["agenda"];
    let ids = |key: &str| -> Vec<String> {
        agenda[key].as_array().unwrap().iter().map(|v| v["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids("open_serious"), ["CP20261120001", "CP20261117001"]);
    assert_eq!(ids("breaches").len(), 6);
    assert_eq!(ids("unsatisfied"), ["CP20261117001"]);
    let states: Vec<&str> =
        agenda["actions"].as_array().unwrap().iter().map(|a| a["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["done", "overdue", "done_late"]);
}

#[test]
fn json_golden() {
    let store = scenario();
    let json: serde_json::Value = serde_json::from_str(&report(&store, &["--json", "--week", "2026-W47"])).unwrap();
    insta::assert_json_snapshot!(json["previous_period"], @r#"
    {
      "period": {
        "kind": "week",
        "label": "2026-W46",
        "from": "2026-11-09",
        "to": "2026-11-15"
      },
      "total": 1,
      "response_mean_working_hours": 1.0,
      "resolution_mean_working_hours": 5.0,
      "sla_compliance": 1.0,
      "breaches": 0,
      "satisfaction_mean": 80.0,
      "satisfied_rate": 1.0,
      "coverage": 1.0,
      "reopen_rate": 0.0,
      "change": {
        "total": 4,
        "total_ratio": 4.0,
        "resolution_mean_working_hours": 7.5,
        "sla_compliance": -0.4286,
        "breaches": 6,
        "satisfaction_mean": -6.7,
        "satisfied_rate": -0.3333,
        "reopen_rate": 0.3333
      }
    }
    "#);
    insta::assert_json_snapshot!(json["by_status"], @r#"
    [
      {
        "id": "processing",
        "label": "处理中",
        "count": 2,
        "share": 0.4
      },
      {
        "id": "closed",
        "label": "已关闭",
        "count": 2,
        "share": 0.4
      },
      {
        "id": "new",
        "label": "待受理",
        "count": 1,
        "share": 0.2
      }
    ]
    "#);
}

#[test]
fn markdown_in_english_for_a_custom_range() {
    let store = scenario();
    // 11-16..11-18: A, B, C. The previous range of 3 days, 11-13..11-15, is empty.
    // First response (working h): A 0.5, B 4, C 1 → 5.5/3 = 1.8. SLA: first response
    // met A, C, breached B; resolution met A, B#1, C (B#2 open); follow-up met A, B, C;
    // update breached B → 8 met of 10 decided = 80 %, 2 breaches. Satisfaction as
    // in the week: 100, 40, 80 → 73.3; satisfied 2 of 3.
    let md = report(&store, &["--from", "2026-11-16", "--to", "2026-11-18", "--format", "markdown", "--lang", "en"]);
    insta::assert_snapshot!(md, @r#"
    # Complaint report 2026-11-16..2026-11-18 (2026-11-16 to 2026-11-18)

    As of 2026-11-23 16:00; previous period 2026-11-13..2026-11-15 (2026-11-13 to 2026-11-15)

    ## Overview

    | Metric | This period | Previous | Change |
    |---|---:|---:|---|
    | Complaints | 3 | 0 | +3 |
    | Mean first response (working h) | 1.8 | — | — |
    | Mean resolution (working h) | 12.5 | — | — |
    | SLA breaches | 3 | 0 | +3 |
    | Mean satisfaction (0–100) | 73.3 | — | — |
    | SLA compliance | 72.7% | — | — |
    | Satisfied rate | 66.7% | — | — |
    | Follow-up coverage | 100.0% | — | — |
    | Reopen rate | 33.3% | — | — |

    ## By category

    | By category | Count | Share | Satisfied rate | Flag (satisfied \< 80%) |
    |---|---:|---:|---:|---|
    | product\_quality | 2 | 66.7% | 100.0% |  |
    | logistics | 1 | 33.3% | 0.0% | ⚠ under 80% |

    ## By severity

    | By severity | Count | Share |
    |---|---:|---:|
    | general | 2 | 66.7% |
    | serious | 1 | 33.3% |

    ## By channel

    | By channel | Count | Share |
    |---|---:|---:|
    | phone | 1 | 33.3% |
    | email | 1 | 33.3% |
    | wechat | 1 | 33.3% |

    ## By status

    | By status | Count | Share |
    |---|---:|---:|
    | closed | 2 | 66.7% |
    | processing | 1 | 33.3% |

    ## By root cause

    | By root cause | Count | Share |
    |---|---:|---:|
    | product\_defect | 1 | 33.3% |
    | packaging | 1 | 33.3% |
    | courier | 1 | 33.3% |

    ## Times (hours)

    | Measure | Count | Mean (working) | Median (working) | P90 (working) | Mean (wall) | Median (wall) | P90 (wall) |
    |---|---:|---:|---:|---:|---:|---:|---:|
    | First response | 3 | 1.8 | 1.0 | 4.0 | 2.5 | 1.0 | 6.0 |
    | Resolution | 2 | 12.5 | 12.5 | 15.0 | 27.5 | 27.5 | 30.0 |

    ## SLA compliance

    | Target | Decided | Met | Breached | Open | Compliance |
    |---|---:|---:|---:|---:|---:|
    | first\_response | 3 | 2 | 1 | 0 | 66.7% |
    | resolution | 3 | 3 | 0 | 1 | 100.0% |
    | followup | 3 | 3 | 0 | 0 | 100.0% |
    | update | 1 | 0 | 1 | 0 | 0.0% |
    | veto\_report | 1 | 0 | 1 | 0 | 0.0% |

    ## Time per stage (hours)

    | Stage | Count | Met | Mean (working) | Median (working) | P90 (working) | Mean (wall) | Median (wall) | P90 (wall) | Breach rate |
    |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
    | first\_response | 3 | 3 | 1.8 | 1.0 | 4.0 | 2.5 | 1.0 | 6.0 | 33.3% |
    | resolution | 4 | 3 | 12.3 | 12.0 | 15.0 | 27.3 | 27.0 | 30.0 | 0.0% |
    | followup | 3 | 3 | 5.0 | 4.0 | 9.0 | 20.0 | 19.0 | 24.0 | 0.0% |
    | update | 1 | 0 | — | — | — | — | — | — | 100.0% |
    | veto\_report | 1 | 0 | — | — | — | — | — | — | 100.0% |

    ## Satisfaction distribution

    | Score | Count | Share |
    |---|---:|---:|
    | 5/5 | 1 | 33.3% |
    | 4/5 | 1 | 33.3% |
    | 2/5 | 1 | 33.3% |

    ## Satisfaction by dimension (0–100)

    | Dimension | Answers | Mean |
    |---|---:|---:|
    | 效率 | 2 | 80.0 |
    | 态度 | 1 | 80.0 |
    | 方案 | 0 | — |

    ## By department

    | Department | Handled | Breached | Reopened | Mean resolution (working h) | Satisfaction (0–100) | Satisfied rate |
    |---|---:|---:|---:|---:|---:|---:|
    | 售后部 | 2 | 0 | 0 | 12.5 | 90.0 | 100.0% |
    | 物流部 | 1 | 3 | 1 | — | 40.0 | 0.0% |

    ## By assignee

    | Assignee | Handled | Breached | Reopened | Mean resolution (working h) | Satisfaction (0–100) | Satisfied rate | Dimensions |
    |---|---:|---:|---:|---:|---:|---:|---|
    | 李四 | 2 | 0 | 0 | 12.5 | 90.0 | 100.0% | 效率 80.0 / 态度 80.0 |
    | 王五 | 1 | 3 | 1 | — | 40.0 | 0.0% |  |

    ## By person

    | Person | Received | Handled | Breaches charged | Reopens charged | Follow-ups made | Satisfaction of resolved (0–100) | Satisfied rate |
    |---|---:|---:|---:|---:|---:|---:|---:|
    | 李四 | 0 | 2 | 0 | 0 | 0 | 90.0 | 100.0% |
    | 王五 | 0 | 1 | 3 | 1 | 0 | 40.0 | 0.0% |
    | wang | 3 | 0 | 0 | 0 | 3 | — | — |

    ## Staff most complained about

    | Staff | Count |
    |---|---:|
    | 赵六 | 1 |

    ## Repeated products

    | Product | Count |
    |---|---:|
    | 智能手表 X2 | 3 |

    ## Frequent complaint points (product × category)

    | Product | Category | Count | Previous | Change | Drill down |
    |---|---|---:|---:|---|---|
    | 智能手表 X2 | product\_quality | 2 | 0 | +2 | complaint list --product '智能手表 X2' --category product\_quality |
    | 智能手表 X2 | logistics | 1 | 0 | +1 | complaint list --product '智能手表 X2' --category logistics |
    "#);
}

#[test]
fn csv_reads_back() {
    let store = scenario();
    let text = report(&store, &["--week", "2026-W47", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["section", "key", "label", "metric", "value"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let value = |section: &str, key: &str, metric: &str| {
        rows.iter()
            .find(|r| &r[0] == section && &r[1] == key && &r[3] == metric)
            .map(|r| r[4].to_string())
            .unwrap_or_else(|| panic!("{section}/{key}/{metric} missing"))
    };
    assert_eq!(value("report", "period", "period"), "2026-W47");
    assert_eq!(value("overview", "total", "current"), "5");
    assert_eq!(value("by_category", "product_quality", "share"), "0.4000");
    assert_eq!(value("by_category", "logistics", "flag"), "⚠ 低于80%");
    assert_eq!(value("times", "resolution", "mean_work"), "12.5");
    assert_eq!(value("sla", "first_response", "compliance"), "0.4000");
    assert_eq!(value("agenda_actions", "CP20261117001:2026-11-19T11:00:00+08:00", "state"), "未落实(逾期)");
}

#[test]
fn html_is_self_contained_with_charts() {
    let store = scenario();
    let path = store.path().join("out").join("w47.html");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let stdout = report(&store, &["--week", "2026-W47", "--format", "html", "-o", path.to_str().unwrap()]);
    assert!(stdout.is_empty(), "-o writes nothing on stdout");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("http"), "no external links");
    assert!(!html.to_lowercase().contains("<script"), "no scripts");
    assert!(html.contains("@media print"));
    assert_eq!(html.matches("<svg class=\"chart\"").count(), 3, "category, trend, satisfaction charts");
    // Category bars: 2, 1, 1, 1; trend: one column per day of the week; three scores.
    assert_eq!(html.matches("<rect class=\"bar\"").count(), 4 + 3);
    assert_eq!(html.matches("<rect class=\"col\"").count(), 7);
    assert!(html.contains("<title>产品质量: 2</title>"));
    assert!(html.contains("CP20261120001"), "agenda lists the open major ticket");
    assert!(html.contains("<tr class=\"flag\">"), "logistics flagged");
}

#[test]
fn default_period_is_the_current_month_and_flags_alone_the_previous() {
    let store = scenario();
    let label = |args: &[&str]| {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        let json: serde_json::Value = serde_json::from_str(&report(&store, &full)).unwrap();
        (json["period"]["label"].as_str().unwrap().to_string(), json["total"].as_u64().unwrap())
    };
    assert_eq!(label(&[]), ("2026-11".to_string(), 6));
    assert_eq!(label(&["--week"]), ("2026-W47".to_string(), 5));
    assert_eq!(label(&["--month"]), ("2026-10".to_string(), 0));
    assert_eq!(label(&["--quarter", "2026Q4"]), ("2026Q4".to_string(), 6));
    assert_eq!(label(&["--year", "2026"]), ("2026".to_string(), 6));
    // --as-of ignores later events: on Wed 18 12:00 only A and B exist, A resolved.
    let json: serde_json::Value = serde_json::from_str(
        &store.ok(AS_OF, &["report", "--json", "--week", "2026-W47", "--as-of", "2026-11-18 12:00"]),
    )
    .unwrap();
    assert_eq!(json["total"], 3, "C was received at 09:00 that day");
    assert_eq!(json["resolution_time"]["count"], 1);
    assert_eq!(json["satisfaction"]["answered"], 1);
}

#[test]
fn bad_periods_exit_2() {
    let store = scenario();
    store.fails_unchanged(
        AS_OF,
        &["report", "--month", "2026-13"],
        &["impossible month \"2026-13\"", "hint: e.g. --month 2026-10"],
    );
    store.fails_unchanged(AS_OF, &["report", "--week", "2025-W53"], &["impossible week"]);
    store.fails_unchanged(AS_OF, &["report", "--quarter", "2026Q5"], &["impossible quarter"]);
    store.fails_unchanged(
        AS_OF,
        &["report", "--from", "2026-11-20", "--to", "2026-11-01"],
        &["--from 2026-11-20 is after --to 2026-11-01"],
    );
    store.fails_unchanged(AS_OF, &["report", "--from", "2026-11-31"], &["invalid --from"]);
    let out = store.cmd(AS_OF).args(["report", "--week", "--month"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "two periods at once");
}

#[test]
fn unreadable_file_is_named_and_exits_2() {
    let store = scenario();
    let bad = store.path().join("tickets/2026/11/CP20261119001.yaml");
    std::fs::write(&bad, "schema: 1\nid: [unclosed\n").unwrap();
    let out = store.cmd(AS_OF).args(["report", "--week", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("警告: could not read tickets/2026/11/CP20261119001.yaml"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["total"], 5, "the rest is still reported");
    assert_eq!(json["unreadable"].as_array().unwrap().len(), 1);
}
