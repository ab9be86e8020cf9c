#!/usr/bin/env bash
# make-sample-store.sh — build the sample complaint store (示例投诉台账) by running
# the real `complaint` binary, one command per step, each with COMPLAINT_NOW set.
#
# Usage: scripts/make-sample-store.sh [TARGET_DIR]      (default: the repository root)
#        COMPLAINT_BIN=/path/to/complaint scripts/make-sample-store.sh /tmp/sample
#
# The target must not hold tickets yet (IDs are allocated per received day, so a
# second run into the same store would get other IDs). To regenerate the store at
# the repository root:  rm -rf complaint.toml tickets && scripts/make-sample-store.sh
#
# Output is deterministic except `uid`: it is a ULID built from the (fixed) creation
# time plus 80 random bits, so its first 10 characters repeat between runs and the
# last 16 do not. Everything else (IDs, fields, history) is byte-identical.
#
# ---------------------------------------------------------------------------------
# DESIGNED DEADLINES as of 2026-11-23 10:00 (Mon) +08:00, default SLAs (spec §5)
# ---------------------------------------------------------------------------------
# Calendar facts used: Oct 1–7 holiday; Sat Oct 10 is a make-up working day;
# Nov 2026: Mon 2, 9, 16, 23; Sat 21 / Sun 22 are rest days. Work hours 09–18.
# `Nd`/`Nwd`: the start day is not counted; Nd ends 24:00 of the Nth day, Nwd at
# 18:00 of the Nth working day. Update target: a `processing` ticket needs a
# progress note (or a move into processing) within 24h of the previous one.
#
# OVERDUE at 2026-11-23 10:00:
#   CP20261119002  first_response (general 24h)   due 2026-11-20 14:20
#       received Thu 11-19 14:20, never touched (status new, not classified).
#       late 2d19h40m wall; 4h40m business (Fri 14:20–18:00 + Mon 09–10).
#       (its resolution, 2wd -> Mon 11-23 18:00, is NOT yet overdue.)
#   CP20261118001  resolution (serious 1wd)       due 2026-11-19 18:00
#       received Wed 11-18 09:10, serious, processing since 11-18 10:00 (first
#       response 4h met), never resolved. 1wd = Thu 11-19 18:00.
#       late 3d16h wall; 10h business (Fri 9h + Mon 1h). Update met (note 11-23 09:15).
#   CP20261116002  follow_up (3d after resolved)  due 2026-11-22 00:00 (= 11-21 24:00)
#       resolved Wed 11-18 15:00; one `followup --no-answer` on 11-20 (does not
#       meet the target); 3d = 24:00 of Sat 11-21. late 1d10h wall.
#   CP20261120001  promise                        due 2026-11-21 18:00
#       promised on 11-20 09:50 "by Saturday 18:00", not resolved, not extended.
#       late 1d16h wall. Resolution (2wd -> Tue 11-24 18:00) not overdue;
#       update met (note 11-23 09:05).
#   CP20261119001  update (24h without progress)  due 2026-11-21 15:00
#       processing; last progress note Fri 11-20 15:00. late 1d19h wall.
#       Resolution 2wd -> Mon 11-23 18:00, not yet overdue.
#   CP20261029001  reopen resolution (3wd)        due 2026-11-05 18:00
#       resolved 10-30, follow-up Mon 11-02 10:00 scored 6/10 -> reopened
#       (escalated); 3wd from Mon 11-02 = Tue 3, Wed 4, Thu 5 -> Thu 11-05 18:00.
#       still processing: late 17d16h wall; 12 working days + 1h business
#       (11-06 .. 11-20 = 11 working days x 9h = 99h, + Mon 1h = 100bh).
#       Update met (note 11-23 09:20).
#
# DUE SOON but NOT overdue at 10:00 (shown by `overdue --warn-before …`):
#   CP20261123001  first_response (major 1h)      due 2026-11-23 10:20 (received 09:20,
#       classified major 09:25, still new); resolution (major 4h) due 13:20.
#   CP20261116001  resolution, paused             due 2026-11-23 17:00
#       received Mon 11-16 09:30; 2wd -> Wed 11-18 18:00. waiting_customer from
#       Tue 11-17 11:00 (16 business hours left: Tue 7h + Wed 9h) to Fri 11-20 10:00;
#       16bh from Fri 10:00 = Fri 8h + Mon 8h -> Mon 11-23 17:00.
#   CP20261119002 / CP20261119001  resolution    due 2026-11-23 18:00 (see above).
#   CP20261120003  resolution (serious 1wd)       due 2026-11-23 18:00.
#
# NOT overdue (checks for false positives):
#   CP20261109001  waiting_customer since 11-10 14:00: resolution (due 11-11 18:00
#       originally) is paused with 13 business hours left (Tue 4h + Wed 9h).
#   CP20261120002  waiting_customer since 11-20 15:00 (paused, 2wd).
#   CP20261117001  resolved Fri 11-20 16:00: follow-up due 2026-11-24 00:00.
#   CP20261123002  new, received 11-23 09:40: first response due 11-24 09:40.
#   All closed tickets (every target met or ended by closing).
#
# BREACHED IN HISTORY, now closed (for `report` SLA compliance, not for `overdue`):
#   CP20261014001  first response (serious 4h) due 10-14 13:00, met 15:30 (2h30m late).
#   CP20261103001  resolution 2wd due 11-05 18:00, resolved 11-09 11:00 (the promise
#       was extended with a reason from 11-05 18:00 to 11-09 18:00 and met).
#
# CALENDAR CHECKS among closed tickets:
#   CP20261003001  received Sat 10-03 (holiday): 2wd -> Thu 10-08, Fri 10-09 -> 10-09 18:00;
#       resolved 10-09 16:00 (met).
#   CP20261009001  received Fri 10-09 17:00: 2wd -> Sat 10-10 (make-up day), Mon 10-12
#       -> 10-12 18:00; paused Sat 10-10 11:00..Mon 10-12 10:00 with 16bh left
#       (Sat 7h + Mon 9h) -> re-applied: Mon 8h + Tue 8h -> Tue 10-13 17:00;
#       resolved 10-12 16:00 (met).
#   CP20261022001  major (微博曝光 + 消协): first response due 09:30 (received 08:30),
#       met 08:50; resolution 4h due 12:30, resolved 11:40 (met).
# ---------------------------------------------------------------------------------
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${COMPLAINT_BIN:-$ROOT/target/debug/complaint}
DIR=${1:-$ROOT}

if [[ ! -x $BIN ]]; then
  echo "make-sample-store: no complaint binary at $BIN (cargo build, or set COMPLAINT_BIN)" >&2
  exit 2
fi
if [[ -d $DIR/tickets ]] && [[ -n $(find "$DIR/tickets" -name '*.yaml' -print -quit) ]]; then
  echo "make-sample-store: $DIR/tickets already holds tickets; remove them first" >&2
  exit 2
fi

# Nothing from the caller's environment may leak into the store.
unset COMPLAINT_STORE COMPLAINT_NOW COMPLAINT_USER

"$BIN" -q init "$DIR"
DIR=$(cd "$DIR" && pwd)

# c NOW ACTOR SUBCOMMAND ARGS…   — one step, at a fixed time, by one person.
c() {
  local now=$1 by=$2
  shift 2
  # --no-commit: the sample store lives inside the project repository.
  COMPLAINT_NOW="$now" COMPLAINT_USER="$by" "$BIN" --store "$DIR" -q --no-commit "$@"
}

# Staff: 王芳 刘洋 陈静 (客服专员), 赵敏 (客服主管), 郑丽 (客服经理), 孙磊 李娜 (售后部),
# 吴昊 (物流部), 马超 (仓储部), 黄磊 (产品部), 周婷 (财务部).

# ============================== October 2026 ====================================

# --- Holiday order, courier delay; resolved within 2wd over the National Day holiday.
id=$(c "2026-10-03 11:25" 王芳 new --received-at "2026-10-03 11:20" --channel online_chat \
  --customer 赵丽华 --contact 13912086634 --customer-id C-10041 --product "无线耳机 Pro" \
  --summary "国庆期间下单，物流五天未更新" \
  --description "客户9月28日下单无线耳机 Pro，物流信息停在“已发往华东转运中心”，五天未更新，客服此前答复“节后统一处理”，客户不满。" \
  --expect "尽快送达，并给出延误说明")
c "2026-10-03 11:30" 王芳 classify "$id" --category logistics --severity general
c "2026-10-03 11:35" 王芳 assign "$id" --department 物流部 --assignee 吴昊 --also 仓储部
c "2026-10-03 14:00" 吴昊 transition "$id" processing --note "已联系快递公司查询，告知客户节日期间中转站爆仓"
c "2026-10-08 10:00" 吴昊 note "$id" -m "快递确认包裹滞留中转站，已加急催件，预计明日送达"
c "2026-10-09 16:00" 吴昊 transition "$id" resolved --plan "催件后客户已签收，补偿 20 元优惠券" --cause courier
c "2026-10-12 10:00" 王芳 followup "$id" --score 4 --comment "东西收到了，就是太慢" --dimension 效率=3 --dimension 态度=5

# --- Watch strap broke on day 3 (seed situation 表带断裂); resolved on the make-up Saturday.
id=$(c "2026-10-08 09:20" 刘洋 new --received-at "2026-10-08 09:15" --channel phone \
  --customer 黄志明 --contact 13761520398 --customer-id C-10057 --product "智能手表 X2" \
  --summary "表带断裂，要求换货" \
  --description "客户称收货第三天表带连接处断裂，手表掉落地面，表盘有轻微划痕。已通过微信发来照片。" \
  --expect "更换表带，检查表盘")
c "2026-10-08 09:25" 刘洋 classify "$id" -c 产品质量 -s 一般
c "2026-10-08 09:30" 刘洋 assign "$id" -d 售后部 -a 孙磊 --also 仓储部
c "2026-10-08 09:40" 孙磊 transition "$id" processing --note "已致电客户致歉，安排仓储部发出新表带"
c "2026-10-08 09:45" 孙磊 promise "$id" "2026-10-10 18:00" --note "告知客户周六（调休上班）前处理完毕"
c "2026-10-10 15:00" 孙磊 transition "$id" resolved --plan "补发新表带并赠送硅胶表带一条，表盘检测无损" --cause product_defect
c "2026-10-12 11:00" 刘洋 followup "$id" --score 9 --scale 10 --dimension 效率=9 --dimension 方案=9

# --- Membership refund not received; waited for the customer's bank details (pause).
id=$(c "2026-10-09 17:05" 陈静 new --received-at "2026-10-09 17:00" --channel email \
  --customer 陈晓燕 --contact chenxiaoyan@163.com --customer-id C-10062 --product "会员服务（年卡）" \
  --summary "会员退订后退款未到账" \
  --description "客户9月25日申请退订会员年卡，系统显示退款成功，已超过7个工作日仍未到账。客户邮件措辞强烈，表示再不处理将向银行和消协投诉。" \
  --expect "三天内退款到账")
c "2026-10-09 17:10" 陈静 classify "$id" -c after_sales
c "2026-10-09 17:15" 陈静 assign "$id" -d 财务部 -a 周婷 --also 客服部
c "2026-10-10 09:30" 周婷 transition "$id" processing --note "财务已受理，正在核查退款流水"
c "2026-10-10 11:00" 周婷 transition "$id" waiting_customer --note "请客户提供银行卡后四位及退款截图"
c "2026-10-12 10:00" 周婷 transition "$id" processing --note "客户已回复，银行卡号与退款账户不一致"
c "2026-10-12 16:00" 周婷 transition "$id" resolved --plan "财务核实后原路重新退款 298 元，已到账" --cause process
c "2026-10-14 10:30" 陈静 followup "$id" --score 5

# --- Charging dock smoking: serious; unsatisfied follow-up reopens it, resolved again.
id=$(c "2026-10-12 10:10" 王芳 new --received-at "2026-10-12 10:05" --channel store \
  --customer 刘强 --contact 18602137751 --customer-id C-10023 --product "扫地机器人 S7" \
  --summary "充电座冒烟，担心安全" \
  --description "客户到门店反映，扫地机器人 S7 充电座充电时冒烟并有焦味，已断电。购买两个月。" \
  --expect "上门检测，更换充电座，说明原因")
c "2026-10-12 10:15" 王芳 classify "$id" -c product_quality -s serious --note "涉及用电安全，按严重投诉处理"
c "2026-10-12 10:20" 赵敏 assign "$id" -d 产品部 -a 黄磊 --also 售后部
c "2026-10-12 10:30" 黄磊 transition "$id" processing --note "已电话安抚客户，约好明天上门"
c "2026-10-13 17:00" 黄磊 transition "$id" resolved --plan "上门更换充电座，旧件送产品部检测" --cause product_defect
c "2026-10-15 10:00" 王芳 followup "$id" --score 2 --comment "换了之后充电还是发烫，担心起火" --dimension 方案=1 --dimension 态度=4
c "2026-10-15 14:00" 黄磊 note "$id" -m "产品部检测旧充电座：电源模块批次缺陷，同批次需召回排查"
c "2026-10-19 15:00" 黄磊 transition "$id" resolved --plan "整机换新并延长保修一年，同批次充电座主动召回" --cause product_defect
c "2026-10-21 10:00" 王芳 followup "$id" --score 9 --scale 10 --comment "换新后正常，处理认真" --dimension 效率=8 --dimension 方案=9

# --- Rude agent hung up: serious, first response late (breach), escalated to 客服经理.
id=$(c "2026-10-14 09:05" 刘洋 new --received-at "2026-10-14 09:00" --channel phone \
  --customer 杨帆 --contact 15821947720 --customer-id C-10078 --product "无线耳机 Pro" \
  --summary "客服态度差，通话中被挂断" \
  --description "客户咨询耳机保修，称客服（工号1032）语气不耐烦，多次打断，最后直接挂断电话。客户要求主管出面道歉。" \
  --expect "主管道歉，处理涉事客服")
c "2026-10-14 09:10" 刘洋 classify "$id" -c 服务态度 -s 紧急
c "2026-10-14 15:30" 陈静 transition "$id" processing --note "调取通话录音，确认挂断属实"
c "2026-10-14 15:35" 陈静 assign "$id" -d 客服部 -a 陈静 --staff 刘佳
c "2026-10-14 15:40" 陈静 escalate "$id" --to 客服经理 --reason "客户要求主管出面处理，情绪激动，超出专员权限"
c "2026-10-15 11:00" 郑丽 transition "$id" resolved --plan "客服经理致电道歉，赠送会员月卡；涉事客服停岗培训" --cause staff
c "2026-10-16 10:00" 刘洋 followup "$id" --score 4 --dimension 态度=5 --dimension 效率=3

# --- Damaged box, bent filter; one unanswered follow-up call, then satisfied.
id=$(c "2026-10-16 14:35" 王芳 new --received-at "2026-10-16 14:30" --channel wechat \
  --customer 吴敏 --contact 13524671089 --customer-id C-10085 --product "空气净化器 A3" \
  --summary "外包装破损，滤网变形" \
  --description "客户公众号留言：快递送达时外箱破损，打开后发现滤网变形，机身无损。" \
  --expect "补发滤网")
c "2026-10-16 14:40" 王芳 classify "$id" -c 物流
c "2026-10-16 14:45" 王芳 assign "$id" -d 仓储部 -a 马超 --also 物流部
c "2026-10-16 15:00" 马超 transition "$id" processing --note "已登记补发滤网"
c "2026-10-19 11:00" 马超 transition "$id" resolved --plan "补发滤网，顺丰次日达已签收" --cause packaging
c "2026-10-22 10:00" 王芳 followup "$id" --no-answer
c "2026-10-23 14:00" 王芳 followup "$id" --score 4 --dimension 效率=4

# --- Installer two hours late (seed: 安装师傅迟到); unsatisfied, reopened, apology, closed.
id=$(c "2026-10-19 10:00" 陈静 new --received-at "2026-10-19 09:50" --channel onsite \
  --customer 徐静 --contact 18917364402 --customer-id C-10090 --product "净水器 W6" \
  --summary "安装师傅迟到两小时且未提前告知" \
  --description "预约上午8点安装，师傅10点才到，期间电话不接。客户为此请假半天，对服务非常不满，在安装现场向带队主管投诉。" \
  --expect "道歉并减免安装费")
c "2026-10-19 10:05" 陈静 classify "$id" -c service_attitude -s general
c "2026-10-19 10:10" 陈静 assign "$id" -d 售后部 -a 孙磊 --staff 钱磊
c "2026-10-19 10:10" 孙磊 transition "$id" processing --note "已现场致歉，核实师傅迟到原因"
c "2026-10-20 16:00" 孙磊 transition "$id" resolved --plan "免除安装费 100 元" --cause staff
c "2026-10-22 10:30" 陈静 followup "$id" --score 3 --comment "只退了安装费，没有人正式道歉" --dimension 态度=2
c "2026-10-22 11:00" 孙磊 note "$id" -m "已约好售后主管周五上门致歉"
c "2026-10-23 15:00" 孙磊 transition "$id" resolved --plan "售后主管上门致歉，赠送滤芯一支；钱磊停派单一周" --cause staff
c "2026-10-26 10:00" 陈静 followup "$id" --score 5 --dimension 态度=5

# --- Wrong invoice title (seed: 发票开错); via the self-service form.
id=$(c "2026-10-20 11:05" 陈静 new --received-at "2026-10-20 11:00" --channel online_form \
  --customer 孙浩 --contact sunhao@qq.com --customer-id C-10093 --product "会员服务（年卡）" \
  --summary "发票抬头开错，无法报销" \
  --description "客户在自助门户提交：电子发票抬头应为“上海某某科技有限公司”，实际开成个人，公司无法报销。" \
  --expect "作废重开")
c "2026-10-20 11:10" 陈静 classify "$id" -c after_sales
c "2026-10-20 11:15" 陈静 assign "$id" -d 财务部 -a 周婷
c "2026-10-20 13:00" 周婷 transition "$id" processing --note "已核对开票信息"
c "2026-10-21 16:00" 周婷 transition "$id" resolved --plan "作废原发票，重开电子发票并邮件发送" --cause process
c "2026-10-23 10:00" 陈静 followup "$id" --score 5

# --- Same customer phones about the same invoice: duplicate, closed with a reason.
id=$(c "2026-10-20 15:25" 刘洋 new --received-at "2026-10-20 15:20" --channel phone \
  --customer 孙浩 --contact 13817720465 --customer-id C-10093 --product "会员服务（年卡）" \
  --summary "催问发票重开进度" --expect "尽快重开发票")
c "2026-10-20 15:30" 刘洋 transition "$id" closed --reason 重复投诉 --note "与 CP20261020001 为同一问题，已告知客户在原单跟进"

# --- Battery swelling, 微博 exposure and 消协 complaint: major, resolved within 4h.
id=$(c "2026-10-22 08:35" 赵敏 new --received-at "2026-10-22 08:30" --channel social_media \
  --customer 胡婷婷 --contact 15026618843 --customer-id C-10101 --product "扫地机器人 S7" \
  --summary "微博曝光电池鼓包，已投诉至消协" \
  --description "客户在微博发布扫地机器人电池鼓包照片并@官方账号，称已向消协投诉，帖子被多家媒体转发，评论上千条。" \
  --expect "全额退款并公开道歉")
c "2026-10-22 08:40" 赵敏 classify "$id" -c product_quality -s 特急 --note "媒体与消协介入，按重大投诉处理"
c "2026-10-22 08:45" 赵敏 assign "$id" -d 产品部 -a 黄磊 --also 售后部 --also 客服部
c "2026-10-22 08:50" 郑丽 transition "$id" processing --note "客服经理已私信并致电客户，当天上门取件"
c "2026-10-22 09:00" 郑丽 promise "$id" "2026-10-22 12:00" --note "承诺中午前给出处理方案"
c "2026-10-22 11:40" 黄磊 transition "$id" resolved --plan "上门取回检测，全额退款并赔偿 300 元，消协调解结案，官方微博回复致歉" --cause product_defect
c "2026-10-23 10:00" 赵敏 followup "$id" --score 8 --scale 10 --dimension 效率=9 --dimension 态度=8 --dimension 方案=7

# --- Lock app pushes ads: category "other", by e-mail.
id=$(c "2026-10-26 10:05" 陈静 new --received-at "2026-10-26 10:00" --channel email \
  --customer 梁思琪 --contact liangsiqi@outlook.com --customer-id C-10112 --product "智能门锁 L1" \
  --summary "门锁App频繁推送广告" \
  --description "客户邮件称门锁App每天推送三四条促销广告，关闭通知后开锁提醒也收不到。" \
  --expect "关闭广告推送，保留开锁提醒")
c "2026-10-26 10:10" 陈静 classify "$id" -c other
c "2026-10-26 10:15" 陈静 assign "$id" -d 客服部 -a 陈静 --also 产品部
c "2026-10-26 11:00" 陈静 transition "$id" processing --note "已反馈产品部"
c "2026-10-27 17:00" 陈静 transition "$id" resolved --plan "指导客户在App设置中单独关闭营销通知；产品部下版本拆分通知开关" --cause process
c "2026-10-30 10:00" 陈静 followup "$id" --score 4

# --- Store refused 7-day return; customer unreachable after resolution.
id=$(c "2026-10-27 16:45" 王芳 new --received-at "2026-10-27 16:40" --channel store \
  --customer 罗斌 --contact 13661049927 --customer-id C-10117 --product "电动牙刷 T5" \
  --summary "门店拒绝七天无理由退货" \
  --description "客户购买第五天到门店退货，店员以包装已拆为由拒绝。" \
  --expect "按七天无理由退货")
c "2026-10-27 16:50" 王芳 classify "$id" -c 售后
c "2026-10-27 16:55" 王芳 assign "$id" -d 售后部 -a 李娜 --also 客服部
c "2026-10-28 09:30" 李娜 transition "$id" processing --note "已与门店核实"
c "2026-10-28 10:00" 李娜 transition "$id" waiting_customer --note "请客户携带购物小票到店办理"
c "2026-10-30 14:00" 李娜 transition "$id" processing --note "客户已到店"
c "2026-10-30 15:00" 李娜 transition "$id" resolved --plan "门店办理退货退款，店长致歉" --cause process
c "2026-11-02 10:00" 王芳 followup "$id" --no-answer
c "2026-11-04 15:00" 王芳 followup "$id" --no-answer
c "2026-11-05 15:00" 王芳 transition "$id" closed --reason "三次回访未接通（客户无法联系）"

# --- Earbud silent; replacement still crackles: reopened on 11-02, stuck since (3wd overdue).
id=$(c "2026-10-29 09:35" 刘洋 new --received-at "2026-10-29 09:30" --channel online_chat \
  --customer 郭涛 --contact 18516620374 --customer-id C-10124 --product "无线耳机 Pro" \
  --summary "左耳无声音" \
  --description "客户在线客服反映，左耳机使用一周后完全无声，重置配对无效。" \
  --expect "换新")
c "2026-10-29 09:40" 刘洋 classify "$id" -c product_quality
c "2026-10-29 09:45" 刘洋 assign "$id" -d 售后部 -a 孙磊
c "2026-10-29 10:00" 孙磊 transition "$id" processing --note "已安排寄回换新"
c "2026-10-30 16:00" 孙磊 transition "$id" resolved --plan "换新一副，顺丰到付" --cause product_defect
c "2026-11-02 10:00" 刘洋 followup "$id" --score 6 --scale 10 --comment "换的新耳机还是有电流杂音" --dimension 方案=5
c "2026-11-02 11:00" 孙磊 assign "$id" --also 产品部 --note "需产品部检测是否批次问题"
c "2026-11-09 16:00" 郑丽 note "$id" --kind action --owner 黄磊 --due 2026-11-13 -m "周例会：产品部出具无线耳机 Pro 杂音检测报告"
c "2026-11-16 16:00" 郑丽 note "$id" --kind action --owner 黄磊 --due "2026-11-20 18:00" -m "周例会：检测报告逾期，本周五前给出结论并回复客户"
c "2026-11-19 10:00" 孙磊 note "$id" -m "产品部初步结论：固件问题，等待新固件发布"
c "2026-11-23 09:20" 孙磊 note "$id" -m "已告知客户固件预计本周三推送，客户同意再等两天"

# ============================== November 2026 ===================================

# --- Air purifier smells; weekly review action item on the filter batch.
id=$(c "2026-11-02 09:15" 王芳 new --received-at "2026-11-02 09:10" --channel phone \
  --customer 朱建国 --contact 13901876652 --customer-id C-10130 --product "空气净化器 A3" \
  --summary "开机有刺鼻异味" \
  --description "客户称新买的空气净化器开机后有明显塑料味，家中有孕妇，很担心。" \
  --expect "退货或换新")
c "2026-11-02 09:20" 王芳 classify "$id" -c product_quality
c "2026-11-02 09:25" 王芳 assign "$id" -d 售后部 -a 李娜 --also 产品部
c "2026-11-02 09:40" 李娜 transition "$id" processing --note "已致电客户，建议先停用"
c "2026-11-02 16:00" 郑丽 note "$id" --kind action --owner 黄磊 --due 2026-11-09 -m "周例会：产品部排查 A3 本批次滤网异味问题"
c "2026-11-04 11:00" 李娜 transition "$id" resolved --plan "上门换新，赠送备用滤网一片" --cause product_defect
c "2026-11-06 10:00" 王芳 followup "$id" --score 5 --dimension 效率=5 --dimension 态度=5

# --- Refund late again; promise extended one day ahead, with a reason (seed 002).
id=$(c "2026-11-03 14:05" 陈静 new --received-at "2026-11-03 14:00" --channel wechat \
  --customer 高明 --contact 15900432218 --customer-id C-10136 --product "会员服务（月卡）" \
  --summary "取消自动续费后仍被扣款，退款未到账" \
  --description "客户已于10月底取消自动续费，11月1日仍被扣款 30 元，申请退款后三天未到账。" \
  --expect "退回扣款")
c "2026-11-03 14:10" 陈静 classify "$id" -c after_sales
c "2026-11-03 14:15" 陈静 assign "$id" -d 财务部 -a 周婷 --also 客服部
c "2026-11-03 14:30" 周婷 transition "$id" processing --note "已提交退款申请"
c "2026-11-03 15:00" 周婷 promise "$id" "2026-11-05 18:00"
c "2026-11-04 17:00" 周婷 promise "$id" "2026-11-09 18:00" --reason "银行跨行退款需3至5个工作日，已提前一天告知客户"
c "2026-11-09 11:00" 周婷 transition "$id" resolved --plan "30 元原路退回已到账，修复续费开关同步问题" --cause process
c "2026-11-11 10:00" 陈静 followup "$id" --score 4 --dimension 效率=3

# --- Wrong model shipped; --unsatisfied (score 4 but still objects), reopened, closed.
id=$(c "2026-11-04 10:25" 刘洋 new --received-at "2026-11-04 10:20" --channel online_form \
  --customer 林小雨 --contact linxiaoyu@163.com --customer-id C-10141 --product "扫地机器人 S7" \
  --summary "发错型号，收到的是 S5" \
  --description "客户订购扫地机器人 S7，收到的是 S5，外箱标签为 S7。" \
  --expect "换成 S7，运费由商家承担")
c "2026-11-04 10:30" 刘洋 classify "$id" -c logistics
c "2026-11-04 10:35" 刘洋 assign "$id" -d 仓储部 -a 马超 --also 物流部
c "2026-11-04 11:00" 马超 transition "$id" processing --note "仓储部确认拣货错误"
c "2026-11-06 15:00" 马超 transition "$id" resolved --plan "上门取回 S5，发出 S7" --cause process
c "2026-11-09 10:00" 刘洋 followup "$id" --score 4 --unsatisfied --comment "寄回运费要我先垫付，不合理" --dimension 方案=3
c "2026-11-10 14:00" 马超 transition "$id" resolved --plan "运费 23 元已补偿至客户账户" --cause process
c "2026-11-12 10:00" 刘洋 followup "$id" --score 5

# --- Watch repaired twice, still broken: serious (alias 紧急).
id=$(c "2026-11-05 11:35" 王芳 new --received-at "2026-11-05 11:30" --channel phone \
  --customer 何雪 --contact 13818265530 --customer-id C-10148 --product "智能手表 X2" \
  --summary "维修两次仍无法充电，要求退货" \
  --description "手表无法充电，已送修两次，每次返回一周后再次故障。" \
  --expect "退货退款")
c "2026-11-05 11:40" 王芳 classify "$id" -c product_quality -s 紧急
c "2026-11-05 11:45" 王芳 assign "$id" -d 售后部 -a 孙磊
c "2026-11-05 12:30" 孙磊 transition "$id" processing --note "核实两次维修记录属实"
c "2026-11-06 16:00" 孙磊 transition "$id" resolved --plan "按三包规定办理退货，全额退款" --cause product_defect
c "2026-11-09 10:30" 王芳 followup "$id" --score 10 --scale 10

# --- Membership points wiped: category other.
id=$(c "2026-11-06 16:05" 陈静 new --received-at "2026-11-06 16:00" --channel email \
  --customer 马丽 --contact mali_work@126.com --customer-id C-10152 --product "会员服务（积分）" \
  --summary "会员积分被清零" \
  --description "客户 3200 积分在未提醒的情况下被清零。" \
  --expect "恢复积分")
c "2026-11-06 16:10" 陈静 classify "$id" -c 其他
c "2026-11-06 16:15" 陈静 assign "$id" -d 客服部 -a 陈静
c "2026-11-09 09:30" 陈静 transition "$id" processing --note "查询积分变动记录"
c "2026-11-10 11:00" 陈静 transition "$id" resolved --plan "积分属年度到期清零，已补发 3200 积分作为补偿，今后到期前短信提醒" --cause process
c "2026-11-13 10:00" 陈静 followup "$id" --score 4

# --- Waiting for the customer's video since 11-10 (paused, not overdue).
id=$(c "2026-11-09 10:05" 刘洋 new --received-at "2026-11-09 10:00" --channel online_chat \
  --customer 唐磊 --contact 18621035579 --customer-id C-10155 --product "智能门锁 L1" \
  --summary "指纹识别经常失败" \
  --description "客户称门锁指纹识别十次有五六次失败，老人经常进不了门。" \
  --expect "维修或换新")
c "2026-11-09 10:10" 刘洋 classify "$id" -c product_quality
c "2026-11-09 10:15" 刘洋 assign "$id" -d 售后部 -a 李娜
c "2026-11-09 10:30" 李娜 transition "$id" processing --note "远程指导重新录入指纹"
c "2026-11-10 14:00" 李娜 transition "$id" waiting_customer --note "请客户提供故障视频及购买凭证"

# --- Shop assistant pushy and rude: --staff.
id=$(c "2026-11-10 09:45" 王芳 new --received-at "2026-11-10 09:40" --channel store \
  --customer 宋佳 --contact 13671139984 --customer-id C-10160 --product "空气净化器 A3" \
  --summary "店员强行推销延保，态度恶劣" \
  --description "客户在门店购买净化器，店员反复推销延保服务，客户拒绝后店员冷嘲热讽。" \
  --expect "道歉")
c "2026-11-10 09:50" 王芳 classify "$id" -c 态度
c "2026-11-10 09:55" 赵敏 assign "$id" -d 客服部 -a 陈静 --staff 周小川
c "2026-11-10 11:00" 陈静 transition "$id" processing --note "已联系门店店长调查"
c "2026-11-11 15:00" 陈静 transition "$id" resolved --plan "店长致电道歉，涉事店员停岗培训" --cause staff
c "2026-11-13 11:00" 王芳 followup "$id" --score 4 --dimension 态度=4

# --- 双十一 order late; received in the evening.
id=$(c "2026-11-11 21:35" 刘洋 new --received-at "2026-11-11 21:30" --channel social_media \
  --customer 郑国强 --contact 13482210736 --customer-id C-10166 --product "无线耳机 Pro" \
  --summary "双十一订单承诺次日达，三天未发货" \
  --description "客户微博私信：11月9日付款，页面承诺次日达，至今未发货，客服只会复制粘贴。" \
  --expect "立即发货并补偿")
c "2026-11-11 21:40" 刘洋 classify "$id" -c logistics
c "2026-11-12 09:05" 赵敏 assign "$id" -d 物流部 -a 吴昊 --also 仓储部
c "2026-11-12 09:10" 吴昊 transition "$id" processing --note "大促积压，已优先出库"
c "2026-11-13 16:00" 吴昊 transition "$id" resolved --plan "优先发货已签收，补偿 30 元优惠券" --cause process
c "2026-11-16 10:00" 刘洋 followup "$id" --score 4 --dimension 效率=3

# --- Toothbrush head snapped.
id=$(c "2026-11-12 10:05" 王芳 new --received-at "2026-11-12 10:00" --channel phone \
  --customer 谢芳 --contact 15618824407 --customer-id C-10171 --product "电动牙刷 T5" \
  --summary "刷头使用中断裂" \
  --description "客户称刷头使用两周后在口腔内断裂，险些划伤。" \
  --expect "退货并说明原因")
c "2026-11-12 10:10" 王芳 classify "$id" -c product_quality
c "2026-11-12 10:15" 王芳 assign "$id" -d 产品部 -a 黄磊
c "2026-11-12 11:00" 黄磊 transition "$id" processing --note "已致电道歉，安排取件检测"
c "2026-11-13 17:00" 黄磊 transition "$id" resolved --plan "退货退款，并赠送新款刷头两支" --cause product_defect
c "2026-11-16 10:30" 王芳 followup "$id" --score 8 --scale 10

# --- Water purifier leaks, repair visit missed; weekly review action on dispatch.
id=$(c "2026-11-13 15:05" 陈静 new --received-at "2026-11-13 15:00" --channel wechat \
  --customer 韩梅梅 --contact 13585506612 --customer-id C-10175 --product "净水器 W6" \
  --summary "安装后漏水，预约维修无人上门" \
  --description "净水器安装三天后接口处漏水，泡坏了橱柜底板；预约周五维修，师傅未上门也未通知。" \
  --expect "尽快维修并赔偿橱柜")
c "2026-11-13 15:10" 陈静 classify "$id" -c after_sales
c "2026-11-13 15:15" 陈静 assign "$id" -d 售后部 -a 孙磊 --also 客服部
c "2026-11-13 15:30" 孙磊 transition "$id" processing --note "已改派师傅，周一上午上门"
c "2026-11-16 12:00" 孙磊 note "$id" -m "师傅已上门更换接口，漏水解决；橱柜赔偿待核定"
c "2026-11-16 16:00" 郑丽 note "$id" --kind action --owner 孙磊 --due "2026-11-20 18:00" -m "周例会：与上门服务商核对派工流程，杜绝预约后无人上门"
c "2026-11-17 11:00" 孙磊 transition "$id" resolved --plan "更换接口，赔偿橱柜维修费 400 元" --cause process
c "2026-11-19 10:00" 陈静 followup "$id" --score 4 --dimension 效率=3 --dimension 方案=4

# --- Mainboard sent back: waiting_customer 11-17..11-20 pauses the resolution clock.
id=$(c "2026-11-16 09:35" 王芳 new --received-at "2026-11-16 09:30" --channel phone \
  --customer 冯晓东 --contact 18817390025 --customer-id C-10180 --product "扫地机器人 S7" \
  --summary "扫地机器人频繁报错停机" \
  --description "机器清扫十分钟左右就报错“主刷卡住”并停机，清理后问题依旧。" \
  --expect "维修")
c "2026-11-16 09:40" 王芳 classify "$id" -c product_quality
c "2026-11-16 09:45" 王芳 assign "$id" -d 售后部 -a 李娜
c "2026-11-16 10:00" 李娜 transition "$id" processing --note "远程诊断为主板故障"
c "2026-11-17 11:00" 李娜 transition "$id" waiting_customer --note "等待客户寄回主机"
c "2026-11-20 10:00" 李娜 transition "$id" processing --note "已收到客户寄回的主机"
c "2026-11-23 09:10" 李娜 note "$id" -m "更换主板完成，今天下午寄回客户"

# --- Wrong tax number on invoice; resolved 11-18, follow-up call unanswered: follow-up overdue.
id=$(c "2026-11-16 14:05" 陈静 new --received-at "2026-11-16 14:00" --channel email \
  --customer 董洁 --contact dongjie@163.com --customer-id C-10183 --product "会员服务（企业版）" \
  --summary "发票税号开错" \
  --description "企业客户邮件：增值税专用发票税号少一位，无法抵扣。" \
  --expect "重开专票")
c "2026-11-16 14:10" 陈静 classify "$id" -c after_sales
c "2026-11-16 14:15" 陈静 assign "$id" -d 财务部 -a 周婷
c "2026-11-16 15:00" 周婷 transition "$id" processing --note "已联系客户确认税号"
c "2026-11-18 15:00" 周婷 transition "$id" resolved --plan "红冲原发票，重开专票已快递寄出" --cause process
c "2026-11-20 10:00" 陈静 followup "$id" --no-answer

# --- Scratched screen; resolved Friday, follow-up not yet due.
id=$(c "2026-11-17 10:05" 刘洋 new --received-at "2026-11-17 10:00" --channel online_chat \
  --customer 萧然 --contact 13311286640 --customer-id C-10187 --product "智能手表 X2" \
  --summary "新表屏幕有划痕" \
  --description "客户开箱发现手表屏幕有一道明显划痕，怀疑是退货翻新机。" \
  --expect "换新，并确认不是翻新机")
c "2026-11-17 10:10" 刘洋 classify "$id" -c product_quality
c "2026-11-17 10:15" 刘洋 assign "$id" -d 售后部 -a 孙磊 --also 仓储部
c "2026-11-17 11:00" 孙磊 transition "$id" processing --note "仓储部核查出库记录"
c "2026-11-18 16:00" 孙磊 note "$id" -m "出库记录确认为新机，划痕为包装运输造成"
c "2026-11-20 16:00" 孙磊 transition "$id" resolved --plan "换新并提供出库检验记录" --cause packaging

# --- Repeat customer C-10023 again: serious, processing since 11-18, resolution overdue.
id=$(c "2026-11-18 09:15" 王芳 new --received-at "2026-11-18 09:10" --channel phone \
  --customer 刘强 --contact 18602137751 --customer-id C-10023 --product "扫地机器人 S7" \
  --summary "换新后的机器边刷脱落，划伤木地板" \
  --description "客户10月因充电座冒烟已换新（见 CP20261012001），新机边刷运行中脱落，划伤实木地板多处。客户非常气愤。" \
  --expect "退货退款并赔偿地板维修")
c "2026-11-18 09:20" 王芳 classify "$id" -c product_quality -s serious --note "老客户二次投诉，涉及财产损失"
c "2026-11-18 09:30" 赵敏 assign "$id" -d 产品部 -a 黄磊 --also 售后部 --also 财务部
c "2026-11-18 10:00" 黄磊 transition "$id" processing --note "已致电道歉，安排明天上门查看地板"
c "2026-11-19 14:00" 黄磊 note "$id" -m "上门确认地板划痕，产品部判断边刷卡扣批次问题，等待赔偿审批"
c "2026-11-23 09:15" 黄磊 note "$id" -m "赔偿方案仍在财务审批，已向客户说明"

# --- Not a complaint (how-to question): closed as invalid.
id=$(c "2026-11-18 13:35" 刘洋 new --received-at "2026-11-18 13:30" --channel online_form \
  --customer 程琳 --contact chenglin@qq.com --product "会员服务（年卡）" \
  --summary "询问会员年卡能否转给家人使用")
c "2026-11-18 14:00" 刘洋 transition "$id" closed --reason "非投诉（功能咨询），已转咨询组答复"

# --- Parcel lost then found; no progress note since Fri 15:00: update overdue.
id=$(c "2026-11-19 10:35" 陈静 new --received-at "2026-11-19 10:30" --channel wechat \
  --customer 曹阳 --contact 15900718863 --customer-id C-10192 --product "空气净化器 A3" \
  --summary "物流显示已签收，本人未收到" \
  --description "物流显示11月18日已签收，客户称本人及家人均未签收，快递柜也没有。" \
  --expect "找到包裹或重新发货")
c "2026-11-19 10:40" 陈静 classify "$id" -c 配送
c "2026-11-19 10:45" 陈静 assign "$id" -d 物流部 -a 吴昊
c "2026-11-19 11:00" 吴昊 transition "$id" processing --note "已联系快递网点核实签收人"
c "2026-11-20 15:00" 吴昊 note "$id" -m "快递公司回复包裹被误投邻居，正在重新派送"

# --- Never touched: first response overdue.
c "2026-11-19 14:25" 刘洋 new --received-at "2026-11-19 14:20" --channel phone \
  --customer 袁媛 --contact 13764402219 --customer-id C-10195 --product "电动牙刷 T5" \
  --summary "充电一晚只能用两天" \
  --description "客户称牙刷续航远低于宣传的30天，充满电两天就没电。" \
  --expect "换新" >/dev/null

# --- Promise for Saturday 18:00 missed (installer did not come): promise overdue.
id=$(c "2026-11-20 09:15" 王芳 new --received-at "2026-11-20 09:10" --channel phone \
  --customer 邓超凡 --contact 18930125578 --customer-id C-10198 --product "净水器 W6" \
  --summary "滤芯到期提醒后预约更换，一直排不上" \
  --description "净水器提示滤芯到期，客户在App预约更换两周未排上，现在出水有异味。" \
  --expect "本周内上门更换")
c "2026-11-20 09:20" 王芳 classify "$id" -c after_sales
c "2026-11-20 09:25" 王芳 assign "$id" -d 售后部 -a 孙磊
c "2026-11-20 09:30" 孙磊 transition "$id" processing --note "已安排周六上门"
c "2026-11-20 09:50" 孙磊 promise "$id" "2026-11-21 18:00" --note "告知客户周六18点前上门更换"
c "2026-11-23 09:05" 孙磊 note "$id" -m "师傅周六临时请假未上门，已向客户致歉，改约今天下午"

# --- Store refused exchange: waiting for the receipt.
id=$(c "2026-11-20 11:05" 陈静 new --received-at "2026-11-20 11:00" --channel store \
  --customer 许文静 --contact 13524093316 --customer-id C-10201 --product "无线耳机 Pro" \
  --summary "门店拒绝换货，店员态度恶劣" \
  --description "耳机充电盒无法充电，购买第10天到门店换货，店员称“人为损坏”不予处理，并当众指责客户。" \
  --expect "换货并道歉")
c "2026-11-20 11:10" 陈静 classify "$id" -c service_attitude
c "2026-11-20 11:15" 赵敏 assign "$id" -d 客服部 -a 陈静 --also 售后部 --staff 王小明
c "2026-11-20 14:00" 陈静 transition "$id" processing --note "已联系门店调取监控"
c "2026-11-20 15:00" 陈静 transition "$id" waiting_customer --note "请客户提供购买小票照片"

# --- 12315 platform transfer (channel other), serious.
id=$(c "2026-11-20 16:35" 赵敏 new --received-at "2026-11-20 16:30" --channel other \
  --customer 欧阳娜娜 --contact 15317720046 --customer-id C-10204 --product "会员服务（月卡）" \
  --summary "12315转办：会员自动续费未提前提醒" \
  --description "市场监管12315平台转办：客户称会员自动续费扣款 30 元前未收到任何提醒，要求退款并整改。" \
  --expect "退款，续费前提醒")
c "2026-11-20 16:40" 赵敏 classify "$id" -c after_sales -s serious --note "监管平台转办，按严重处理"
c "2026-11-20 16:45" 赵敏 assign "$id" -d 客服部 -a 陈静 --also 财务部
c "2026-11-20 17:00" 陈静 transition "$id" processing --note "已致电客户说明，财务办理退款"
c "2026-11-23 09:30" 陈静 note "$id" -m "退款已到账，待平台回复办结"

# --- Speaker disconnects; weekend duty resolved, satisfied on Monday.
id=$(c "2026-11-21 10:20" 刘洋 new --received-at "2026-11-21 10:15" --channel online_chat \
  --customer 沈冰 --contact 13162287701 --customer-id C-10207 --product "蓝牙音箱 M1" \
  --summary "蓝牙音箱频繁断连" \
  --description "音箱与手机连接后每隔几分钟断开一次。" \
  --expect "维修或换新")
c "2026-11-21 10:25" 刘洋 classify "$id" -c product_quality
c "2026-11-21 10:30" 刘洋 assign "$id" -d 售后部 -a 李娜
c "2026-11-21 11:00" 李娜 transition "$id" processing --note "远程指导升级固件"
c "2026-11-21 15:00" 李娜 transition "$id" resolved --plan "升级固件后连接稳定" --cause product_defect
c "2026-11-23 09:40" 刘洋 followup "$id" --score 5

# --- Monday morning: 消协 calls about a robot that caught fire: major, first response due 10:20.
id=$(c "2026-11-23 09:22" 赵敏 new --received-at "2026-11-23 09:20" --channel phone \
  --customer 司马云 --contact 13601958843 --customer-id C-10210 --product "扫地机器人 S7" \
  --summary "消协来电：扫地机器人充电时起火，客户称将联系媒体" \
  --description "区消协工作人员来电转达：客户家中扫地机器人充电时起火，烧毁地毯，无人受伤。客户已联系本地电视台。" \
  --expect "赔偿损失，书面说明原因")
c "2026-11-23 09:25" 赵敏 classify "$id" -c product_quality -s major --note "消协与媒体介入"

# --- Monday morning: a fresh general ticket.
c "2026-11-23 09:45" 刘洋 new --received-at "2026-11-23 09:40" --channel online_chat \
  --customer 傅强 --contact 15221307784 --customer-id C-10213 --product "智能手表 X2" \
  --summary "心率监测数据明显偏高" \
  --description "客户称静坐时手表显示心率120以上，与医用设备测量相差很大。" \
  --expect "检测或退货" >/dev/null

COMPLAINT_NOW="2026-11-23 10:00" "$BIN" --store "$DIR" -q check
echo "sample store written to $DIR" >&2
