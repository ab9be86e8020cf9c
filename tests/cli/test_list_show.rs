//! `show` and `list`: tables with aligned Chinese labels, masking, filters.

use crate::support::Store;

const NOW: &str = "2026-11-23 12:00";

/// Three tickets with different fields.
fn three_tickets() -> (Store, [String; 3]) {
    let store = Store::new();
    let a = store
        .new_ticket("2026-11-20 09:00", &["--customer-id", "C-1", "--category", "质量", "--product", "智能手表 X2"]);
    let b = store.ok(
        "2026-11-21 10:00",
        &[
            "new",
            "--customer",
            "欧阳娜娜",
            "--contact",
            "nana@example.com",
            "--customer-id",
            "C-2",
            "--channel",
            "微信",
            "--summary",
            "快递三天未到",
            "--category",
            "物流",
            "--severity",
            "紧急",
        ],
    );
    let b = b.trim().to_string();
    let c = store.new_ticket(
        "2026-11-22 11:00",
        &["--customer-id", "C-1", "--channel", "email", "--severity", "major", "--category", "服务"],
    );
    store.ok("2026-11-22 11:10", &["assign", &b, "--department", "物流部", "--assignee", "李四", "--also", "仓储部"]);
    store.ok("2026-11-22 11:20", &["transition", &b, "processing"]);
    store.ok("2026-11-22 11:30", &["escalate", &c, "--to", "客服经理", "--reason", "客户投诉至消协"]);
    (store, [a, b, c])
}

#[test]
fn list_table_lines_up_chinese() {
    let (store, _) = three_tickets();
    let table = store.ok(NOW, &["list"]);
    insta::assert_snapshot!(table, @r"
    编号            受理时间           状态     严重程度   类型       渠道          客户    负责人   摘要
    ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
    CP20261120001   2026-11-20 09:00   待受理   一般       产品质量   电话          张*              表带断裂，要求换货
    CP20261121001   2026-11-21 10:00   处理中   严重       物流配送   公众号/微信   欧***   李四     快递三天未到
    CP20261122001   2026-11-22 11:00   待受理   重大       服务态度   邮件          张*              表带断裂，要求换货
    ");
}

#[test]
fn list_filters() {
    let (store, [a, b, c]) = three_tickets();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["--json", "list"];
        full.extend_from_slice(args);
        let json: serde_json::Value = serde_json::from_str(&store.ok(NOW, &full)).unwrap();
        assert_eq!(json["schema"], 1);
        assert_eq!(json["count"].as_u64().unwrap() as usize, json["tickets"].as_array().unwrap().len());
        json["tickets"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&[]), [a.clone(), b.clone(), c.clone()]);
    assert_eq!(ids(&["--status", "processing"]), [b.as_str()]);
    assert_eq!(ids(&["--status", "new,processing"]), [a.clone(), b.clone(), c.clone()]);
    assert_eq!(ids(&["--status", "待受理"]), [a.clone(), c.clone()]);
    assert_eq!(ids(&["--category", "物流配送"]), [b.as_str()]);
    assert_eq!(ids(&["--severity", "major", "--severity", "serious"]), [b.clone(), c.clone()]);
    assert_eq!(ids(&["--channel", "wechat"]), [b.as_str()]);
    assert_eq!(ids(&["--assignee", "李四"]), [b.as_str()]);
    assert_eq!(ids(&["--department", "仓储部"]), [b.as_str()]);
    assert_eq!(ids(&["--department", "物流部"]), [b.as_str()]);
    assert_eq!(ids(&["--customer", "C-1"]), [a.clone(), c.clone()]);
    assert_eq!(ids(&["--customer", "nana@example.com"]), [b.as_str()]);
    assert_eq!(ids(&["--escalated"]), [c.as_str()]);
    assert_eq!(ids(&["--since", "2026-11-21"]), [b.clone(), c.clone()]);
    assert_eq!(ids(&["--until", "2026-11-21"]), [a.clone(), b.clone()]);
    assert_eq!(ids(&["--since", "2026-11-21 10:00", "--until", "2026-11-21 10:00"]), Vec::<String>::new());
    assert_eq!(ids(&["--sort", "severity"]), [c.clone(), b.clone(), a.clone()]);
    assert_eq!(ids(&["--sort", "received", "--reverse", "--limit", "2"]), [c.clone(), b.clone()]);
    assert_eq!(ids(&["--sort", "updated"]), [a.clone(), b.clone(), c.clone()]);
}

#[test]
fn list_of_nothing_prints_nothing() {
    let store = Store::new();
    store.cmd(NOW).arg("list").assert().success().stdout("");
}

#[test]
fn show_masks_unless_asked() {
    let (store, [_, b, _]) = three_tickets();
    let shown = store.ok(NOW, &["show", &b]);
    insta::assert_snapshot!(shown, @r"
    投诉编号  CP20261121001
    状态      处理中 (processing)
    受理时间  2026-11-21 10:00
    投诉渠道  公众号/微信
    客户      欧***
    联系方式  n***@example.com
    客户ID    C-2
    投诉摘要  快递三天未到
    投诉类型  物流配送
    严重程度  严重
    责任部门  物流部
    协同部门  仓储部
    负责人    李四

    时限
    环节       截止时间           完成时间           状态       剩余/超时(工作)   剩余/超时(自然)
    ───────────────────────────────────────────────────────────────────────────────────────────────
    首次响应   2026-11-21 14:00   2026-11-22 11:20   超时完成   超时 0m           超时 21h 20m
    处理时限   2026-11-23 18:00   —                  进行中     剩余 6h           剩余 6h
    进展更新   2026-11-23 11:20   —                  已超时     超时 40m          超时 40m

    处理记录
    时间               操作人   操作       内容
    ──────────────────────────────────────────────────────────────────────────────────
    2026-11-21 10:00   wang     登记       类型=物流配送；严重程度=严重
    2026-11-22 11:10   wang     分派       部门=物流部；负责人=李四；协同部门=仓储部
    2026-11-22 11:20   wang     状态变更   待受理 → 处理中
    ");
    let unmasked = store.ok(NOW, &["show", &b, "--unmask"]);
    assert!(unmasked.contains("欧阳娜娜") && unmasked.contains("nana@example.com"));
    let json: serde_json::Value = serde_json::from_str(&store.ok(NOW, &["--json", "show", &b])).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["ticket"]["customer"]["name"], "欧***");
    assert_eq!(json["ticket"]["status"], "processing");
    assert_eq!(json["ticket"]["labels"]["status"], "处理中");
    assert_eq!(json["ticket"]["history"].as_array().unwrap().len(), 3);
    let list = store.ok(NOW, &["list", "--unmask"]);
    assert!(list.contains("欧阳娜娜"));
}

#[test]
fn broken_pipe_is_quiet() {
    let (store, _) = three_tickets();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("complaint"))
        .current_dir(store.path())
        .env("COMPLAINT_NOW", NOW)
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("error"), "{}", String::from_utf8_lossy(&output.stderr));
}

/// `list --product` drills down to one product (exact name, Latin letters
/// in any case), from the cache as from the files.
#[test]
fn list_filters_by_product() {
    let store = Store::new();
    let watch = store.new_ticket("2026-11-23 09:00", &["--product", "智能手表 X2"]);
    let _pro = store.new_ticket("2026-11-23 09:05", &["--product", "智能手表 X2 Pro"]);
    let _none = store.new_ticket("2026-11-23 09:10", &[]);
    for _ in 0..2 {
        // The second run reads the index cache the first one wrote.
        let ids = store.ok(NOW, &["--json", "list", "--product", "智能手表 x2"]);
        let json: serde_json::Value = serde_json::from_str(&ids).unwrap();
        let listed: Vec<&str> = json["tickets"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
        assert_eq!(listed, [watch.as_str()]);
    }
}
