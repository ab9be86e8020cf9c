#!/usr/bin/env bash
# make-after-sales-store.sh — build the second sample store, examples/after-sales/,
# made with `complaint init --preset after-sales` (the stages of the after-sales
# procedure, spec §5.1), by running the real `complaint` binary one step at a time
# with COMPLAINT_NOW set.
#
# Usage: scripts/make-after-sales-store.sh [TARGET_DIR]   (default: examples/after-sales)
#        COMPLAINT_BIN=/path/to/complaint scripts/make-after-sales-store.sh /tmp/as
#
# To regenerate it:  rm -rf examples/after-sales && scripts/make-after-sales-store.sh
# Everything but `uid` is deterministic (see make-sample-store.sh).
#
# ---------------------------------------------------------------------------------
# DESIGNED STAGE CLOCKS as of 2026-11-23 10:00 (Mon) +08:00
# ---------------------------------------------------------------------------------
# Work hours 09–18; Sat 11-21 / Sun 11-22 are rest days. Stage times (一般/严重/重大):
# 受理响应 5m, 转交 30m, 初步诊断 30m/2h/10m, 方案制定 1wd/24h/4h (again after a
# refused plan, paused while waiting for the customer), 方案确认 2h, 结果确认 2h,
# 回访 24h, 补救落实 3wd after a veto; 不满上报 1h after a veto; 执行 by the plan's
# own time; execution tasks by the department's task_within (仓储部 24h, 财务部 3wd).
#
# CP20261116001  every stage met, closed (the worked example of the README):
#   received Mon 11-16 09:00; processing 09:03 (response due 09:05); 售后部 09:20
#   (handover due 09:30); diagnosis 09:25 (due 09:30); plan 15:00 (1wd: due Tue
#   11-17 18:00), accepted by phone 16:00 (due 17:00); executed Wed 11-18 11:00
#   (plan said by 11-18 18:00); result signed 11:30 (due 13:00) — resolves it;
#   follow-up Thu 11-19 10:00 (revisit due 11:30), 5/5 closes it.
# CP20261117001  a refused plan; the revisit is OVERDUE:
#   serious, received Tue 11-17 10:00; diagnosis 10:50 (2h: due 12:00); plan 16:00,
#   refused by SMS 17:00 (方案制定 starts again: 24h, due Wed 11-18 17:00); second
#   plan Wed 11:00 (met), accepted by e-mail 12:30 (due 13:00); executed Fri 11-20
#   15:00, result accepted 16:00 (resolved); revisit due Sat 11-21 16:00, never
#   made: late 1d18h at 10:00 Monday.
# CP20261118001  a veto: reported in time, remedy still running:
#   received Wed 11-18 09:30; plan, accepted, executed, result accepted Thu 11-19
#   16:00; follow-up Fri 11-20 10:00 scores 2/5 (veto): 不满上报 due 11:00, escalated
#   to 客服主管 10:40 (met); 补救落实 3wd: Mon, Tue, Wed -> due Wed 11-25 18:00.
# CP20261119001  major, late at every early stage, charged to who held it:
#   received Thu 11-19 14:00, major; response 14:10 (due 14:05: late 5m); diagnosis
#   14:30 (10m: due 14:10, late 20m); 售后部 14:50 (due 14:30, late 20m); plan 17:00
#   (4h: due 18:00, met) to be carried out by Sat 11-21 12:00, accepted 18:30 (due
#   19:00); not executed: 执行 OVERDUE since Sat 12:00. A task to 仓储部 at 18:40
#   (24h wall: due Fri 11-20 18:40) is done Fri 11:00; one to 财务部 (3wd: Fri, Mon,
#   Tue -> due Tue 11-24 18:00) is open.
# CP20261120001  several departments, waiting for the customer since Fri 11-20 15:00:
#   plan stage (1wd from Fri 11:00: Mon 11-23 18:00) paused with 12h left (Fri 3h +
#   Mon 9h), so due 12 working hours after now; max_wait (5wd) due Fri 11-27 18:00.
# CP20261123001  received this morning 09:50, untouched: 受理响应 due 09:55 is OVERDUE
#   (late 5m at 10:00); 转交 and 初步诊断 due 10:20.
# ---------------------------------------------------------------------------------
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${COMPLAINT_BIN:-$ROOT/target/debug/complaint}
DIR=${1:-$ROOT/examples/after-sales}

if [[ ! -x $BIN ]]; then
  echo "make-after-sales-store: no complaint binary at $BIN (cargo build, or set COMPLAINT_BIN)" >&2
  exit 2
fi
if [[ -e $DIR/complaint.toml ]]; then
  echo "make-after-sales-store: $DIR already holds a store; remove it first" >&2
  exit 2
fi

unset COMPLAINT_STORE COMPLAINT_NOW COMPLAINT_USER

mkdir -p "$DIR"
"$BIN" -q init --preset after-sales "$DIR"
DIR=$(cd "$DIR" && pwd)

# c NOW ACTOR SUBCOMMAND ARGS…   — one step, at a fixed time, by one person.
c() {
  local now=$1 by=$2
  shift 2
  COMPLAINT_NOW="$now" COMPLAINT_USER="$by" "$BIN" --store "$DIR" -q --no-commit "$@"
}

# Staff: 王芳 刘洋 (客服专员), 赵敏 (客服主管), 孙磊 李娜 (售后部), 马超 (仓储部), 周婷 (财务部).

# --- Every stage met: the README's stage table.
id=$(c "2026-11-16 09:01" 王芳 new --received-at "2026-11-16 09:00" --channel phone \
  --customer 黄志明 --contact 13761520398 --customer-id C-20031 --product "智能手表 X2" \
  --summary "充电后无法开机" --description "客户称手表充满电后无法开机，长按电源键无反应。购买一个月。" \
  --expect "维修或换新")
c "2026-11-16 09:03" 王芳 transition "$id" processing --note "已致歉，登记故障现象"
c "2026-11-16 09:05" 王芳 classify "$id" --category product_quality --severity general
c "2026-11-16 09:20" 王芳 assign "$id" --department 售后部 --assignee 孙磊
c "2026-11-16 09:25" 孙磊 diagnose "$id" -m "电池保护板故障，需更换主板"
c "2026-11-16 15:00" 孙磊 plan "$id" -m "寄回检测，免费更换主板，往返运费我方承担" --execute-by "2026-11-18 18:00"
c "2026-11-16 16:00" 孙磊 confirm "$id" plan --accepted --via phone
c "2026-11-18 11:00" 孙磊 execute "$id" --done -m "主板已更换，顺丰寄回"
c "2026-11-18 11:30" 孙磊 confirm "$id" result --accepted --via signature
c "2026-11-19 10:00" 王芳 followup "$id" --score 5 --dimension 效率=5

# --- A refused plan; the revisit was never made.
id=$(c "2026-11-17 10:01" 刘洋 new --received-at "2026-11-17 10:00" --channel online_chat \
  --customer 吴敏 --contact 13524671089 --customer-id C-20044 --product "空气净化器 A3" \
  --summary "运行时异响，夜间无法使用" --description "客户称净化器运行时有明显异响，夜间影响睡眠，已发视频。" \
  --expect "退货退款")
c "2026-11-17 10:04" 刘洋 transition "$id" processing --note "已查看视频，确认异响"
c "2026-11-17 10:05" 刘洋 classify "$id" --category product_quality --severity serious
c "2026-11-17 10:20" 刘洋 assign "$id" --department 售后部 --assignee 李娜
c "2026-11-17 10:50" 李娜 diagnose "$id" -m "风机轴承磨损" --severity serious
c "2026-11-17 16:00" 李娜 plan "$id" -m "上门更换风机" --execute-by "2026-11-19 18:00"
c "2026-11-17 17:00" 李娜 confirm "$id" plan --refused --via sms
c "2026-11-18 11:00" 李娜 plan "$id" -m "整机换新，旧机上门取回" --execute-by "2026-11-20 18:00"
c "2026-11-18 12:30" 李娜 confirm "$id" plan --accepted --via email
c "2026-11-20 15:00" 李娜 execute "$id" --done -m "新机已送达，旧机取回"
c "2026-11-20 16:00" 李娜 confirm "$id" result --accepted --via email

# --- A veto, reported to the supervisor in time; the remedy is still running.
id=$(c "2026-11-18 09:31" 王芳 new --received-at "2026-11-18 09:30" --channel phone \
  --customer 刘强 --contact 18602137751 --customer-id C-20051 --product "扫地机器人 S7" \
  --summary "上门维修后仍频繁断连" --description "师傅上门更换 WiFi 模块后，机器仍每天断连数次。" \
  --expect "彻底解决或换新")
c "2026-11-18 09:33" 王芳 transition "$id" processing --note "已安抚客户"
c "2026-11-18 09:35" 王芳 classify "$id" --category after_sales --severity general
c "2026-11-18 09:50" 王芳 assign "$id" --department 售后部 --assignee 孙磊
c "2026-11-18 09:58" 孙磊 diagnose "$id" -m "路由器信道冲突，非硬件故障"
c "2026-11-18 14:00" 孙磊 plan "$id" -m "远程协助修改路由器信道" --execute-by "2026-11-19 12:00"
c "2026-11-18 14:30" 孙磊 confirm "$id" plan --accepted --via phone
c "2026-11-19 11:00" 孙磊 execute "$id" --done -m "已远程修改信道，观察 24 小时无断连"
c "2026-11-19 11:30" 孙磊 confirm "$id" result --accepted --via phone
c "2026-11-20 10:00" 王芳 followup "$id" --score 2 --comment "周末又断连了，不想再折腾" --dimension 方案=1
c "2026-11-20 10:40" 孙磊 escalate "$id" --to 客服主管 --reason "客户回访不满意，按不满上报"

# --- Major: late at response, diagnosis and hand-over; execution overdue; tasks.
id=$(c "2026-11-19 14:01" 刘洋 new --received-at "2026-11-19 14:00" --channel social_media \
  --customer 杨帆 --contact 15821947720 --customer-id C-20067 --product "电热水壶 K1" \
  --summary "水壶底座漏电，微博曝光" --description "客户称水壶底座漏电致手麻，已在微博发帖，转发量上升。" \
  --expect "赔偿并公开说明")
c "2026-11-19 14:02" 刘洋 classify "$id" --category product_quality --severity major
c "2026-11-19 14:10" 刘洋 transition "$id" processing --note "已致电客户，提醒停止使用"
c "2026-11-19 14:30" 李娜 diagnose "$id" -m "底座接地片脱焊，疑似批次问题"
c "2026-11-19 14:50" 赵敏 assign "$id" --department 售后部 --assignee 李娜 --also 仓储部 --also 财务部
c "2026-11-19 17:00" 李娜 plan "$id" -m "上门取回检测，换新并赔偿 500 元" --execute-by "2026-11-21 12:00"
c "2026-11-19 18:30" 李娜 confirm "$id" plan --accepted --via phone
c "2026-11-19 18:40" 李娜 task "$id" "24小时内寄出新水壶，取回旧机送检" --department 仓储部 --owner 马超
c "2026-11-19 18:45" 李娜 task "$id" "赔偿 500 元打款" --department 财务部 --owner 周婷
c "2026-11-20 11:00" 马超 task "$id" --done 1 -m "新机已发出，顺丰单号 SF1234567890"

# --- Several departments; waiting for the customer.
id=$(c "2026-11-20 11:01" 王芳 new --received-at "2026-11-20 11:00" --channel email \
  --customer 陈晓燕 --contact chenxiaoyan@163.com --customer-id C-20072 --product "会员服务（年卡）" \
  --summary "退订后仍被扣费，赠品未到" --description "客户退订会员后第二个月仍被自动扣费，且入会赠品至今未发。" \
  --expect "退款并补发赠品")
c "2026-11-20 11:04" 王芳 transition "$id" processing --note "已受理，核查扣费记录"
c "2026-11-20 11:05" 王芳 classify "$id" --category after_sales --severity general
c "2026-11-20 11:20" 王芳 assign "$id" --department 财务部 --assignee 周婷 --also 仓储部
c "2026-11-20 11:25" 周婷 diagnose "$id" -m "自动续费未随退订关闭"
c "2026-11-20 15:00" 周婷 transition "$id" waiting_customer --note "请客户提供扣费截图及收货地址"

# --- This morning, untouched.
c "2026-11-23 09:51" 刘洋 new --received-at "2026-11-23 09:50" --channel phone \
  --customer 赵丽华 --contact 13912086634 --customer-id C-20080 --product "无线耳机 Pro" \
  --summary "左耳无声" --description "客户称左耳机突然无声，已重置无效。" --expect "换新" >/dev/null

echo "after-sales sample store written to $DIR" >&2
