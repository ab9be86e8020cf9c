// The Chinese help of the command line (included by messages.rs). The
// English of each is the first line of its clap doc comment, which `--help`
// shows in English; the test in src/cli/help/tests.rs keeps both present.
catalogue! {
    HELP;
    "help.about" => "客户投诉工单，以 YAML 文件存放在 git 仓库中。来电时用 `complaint new` 记录，用 `transition` 推进，用 `followup` 回访，用 `overdue` 查看超时。数据输出到标准输出，消息输出到标准错误。退出码：0 成功，1 有发现（`check` 的问题、带 --exit-code 的超时项），2 出错。",
        "Customer-complaint tickets (客户投诉) as YAML files in a git repository.";
    "help.arg.store" => "投诉库目录（默认：含有 complaint.toml 的最近上级目录）", "Store directory (default: the nearest parent holding complaint.toml)";
    "help.arg.json" => "在标准输出打印稳定、带版本的 JSON，而不是表格", "Print stable, versioned JSON on stdout instead of tables";
    "help.arg.now" => "为本命令指定“现在”（测试、补录），如 2026-11-23T10:00", "Fix \"now\" for this command (tests, back-filling), e.g. 2026-11-23T10:00";
    "help.arg.by" => "操作人（默认：COMPLAINT_USER、git user.name、$USER）", "Who is acting (default: COMPLAINT_USER, git user.name, $USER)";
    "help.arg.quiet" => "除错误和警告外，不在标准错误输出任何内容", "Say nothing on stderr except errors and warnings";
    "help.arg.no_commit" => "不把本次修改提交到 git，不论 [git] auto_commit 如何设置", "Do not commit this change to git, whatever [git] auto_commit says";
    "help.arg.color" => "颜色：auto（仅终端）、always 或 never", "Colour: auto (only on a terminal), always or never";
    "help.arg.width" => "把表格排进 N 列，管道输出也如此（默认：终端宽度）", "Fit tables into N columns, also when piped";

    // Flags several commands share.
    "help.common.arg.wide" => "显示所有列的完整内容，不论终端多窄（管道输出总是如此）", "Show every column in full, however narrow the terminal";
    "help.common.arg.at" => "补记操作时间（不早于该投诉的上一条记录），如 \"2026-11-23 09:40\"", "Back-date the action, e.g. \"2026-11-23 09:40\"";
    "help.common.arg.id" => "投诉编号，如 CP20261123001", "Ticket ID, e.g. CP20261123001";
    "help.common.arg.status" => "只看这些状态（逗号分隔或重复；编码或名称）", "Only these statuses";
    "help.common.arg.category" => "只看这些类型（`none` 或 未分类：尚未分类）", "Only these categories";
    "help.common.arg.severity" => "只看这些紧急程度", "Only these severities";
    "help.common.arg.channel" => "只看这些渠道", "Only these channels";
    "help.common.arg.assignee" => "只看此人处理的投诉", "Only tickets handled by this person";
    "help.common.arg.department" => "只看此部门的投诉（负责或参与）", "Only tickets of this department";
    "help.common.arg.customer" => "某位客户的投诉记录：客户ID、联系方式或姓名以此开头（`张` 可找到 张三）", "The complaint history of one customer";
    "help.common.arg.product" => "只看涉及此产品的投诉（名称完全一致，拉丁字母不分大小写）", "Only complaints about this product";
    "help.common.arg.search" => "只看摘要、描述、备注、方案、客户或产品中含有此文字的投诉；重复给出时须全部找到", "Only tickets containing this text";
    "help.common.arg.escalated" => "只看已升级的投诉", "Only escalated tickets";
    "help.common.arg.open" => "只看未关闭的投诉", "Only open tickets (not closed)";
    "help.common.arg.since" => "受理时间不早于此时间（日期指当天开始）", "Received at or after this time";
    "help.common.arg.until" => "受理时间早于此时间（日期指当天结束）", "Received before this time";
    "help.common.arg.unmask" => "显示未打码的姓名和联系方式", "Show names and contacts unmasked";
    "help.common.arg.note" => "写入历史的备注，如告诉客户的内容", "A note for the history";

    "help.list.about" => "以表格（或 --json）列出投诉，可筛选；`--customer` 显示一位客户的投诉记录。", "List tickets as a table (or --json), filtered";
    "help.list.arg.sort" => "排序方式", "Sort order";
    "help.list.arg.reverse" => "倒序", "Reverse the order";
    "help.list.arg.limit" => "最多显示 N 件", "Show at most N tickets";
    "help.list.arg.overdue" => "只看现在有时限已超时的投诉", "Only tickets with an SLA target past due now";

    "help.show.about" => "显示一件投诉：各字段（姓名和联系方式打码）、每个时限（截止、完成时间、剩余或超时多久，以 --now 为准）和处理历史。", "Show one ticket";

    "help.transition.about" => "沿生命周期推进投诉：待受理 → 处理中 ⇄ 待客户回复 → 已解决 → 已关闭；已关闭 → 处理中 即重新处理。未经满意回访而关闭需要 --reason。", "Move a ticket along the lifecycle";
    "help.transition.arg.status" => "目标状态：编码或名称（processing、处理中、resolved、已解决 …）", "Target status: id or label";
    "help.transition.arg.plan" => "为客户执行的处理方案", "The plan executed for the customer (处理方案)";
    "help.transition.arg.cause" => "根本原因：product_defect、packaging、courier、staff、process、customer、other", "Root cause";
    "help.transition.arg.reason" => "理由（未经满意回访而关闭时必填：无效、重复、联系不上 …）", "Why";

    "help.overdue.about" => "列出所有已超过截止时间而未完成的时限（首次响应、解决、回访、进展更新、承诺、等待客户过久、未上报主管的否决、周会待办），最超时的在前。没有超时项时不输出。供定时任务使用：`--exit-code`、`--format email`、`--send`。", "List every unmet SLA target past due";
    "help.overdue.arg.as_of" => "按此时间而不是现在计算，如 2026-11-23T10:00", "Evaluate as of this time instead of now";
    "help.overdue.arg.warn_before" => "同时列出在此时长内到期的时限（30m、4h、1d、1wd、8bh），标为 将到期", "Also list targets due within this duration";
    "help.overdue.arg.format" => "输出格式", "Output format";
    "help.overdue.arg.exit_code" => "列出超时项时以 1 退出（仅将到期的不算）", "Exit 1 when an overdue item is listed";
    "help.overdue.arg.send" => "发送邮件（SMTP 地址取自 --smtp、COMPLAINT_SMTP_URL 或 [mail] smtp_url；否则用 [mail] sendmail）", "Deliver the email";
    "help.overdue.arg.always" => "与 --send 一起：没有超时项也发送", "With --send: send even when nothing is overdue";
    "help.overdue.arg.to" => "收件人（可重复）；代替 [mail] to", "Recipient (repeatable); replaces [mail] to";
    "help.overdue.arg.from" => "发件人；代替 [mail] from", "Sender; replaces [mail] from";
    "help.overdue.arg.smtp" => "SMTP 服务器地址，如 smtp://mail.example.com:587?tls=required", "SMTP server URL";
    "help.overdue.arg.unmask" => "显示未打码的客户姓名", "Show customer names unmasked";
    "help.overdue.arg.raw" => "不处理以 = + - @ 开头的 CSV 单元格（电子表格公式）", "Do not neutralise CSV cells that begin with = + - @";
    "help.overdue.arg.owner" => "某个人的清单：只列出 NAME 须处理的行（待办的责任人、否决的主管、其他时限的处理人）", "One person's list";

    "help.note.about" => "在投诉历史中添加备注：进展（默认）、内部备注，或周会上定下的待办（含责任人和截止日期）。", "Add a note to a ticket's history";
    "help.note.arg.message" => "备注内容", "The note text";
    "help.note.arg.kind" => "备注类型", "Kind of note";
    "help.note.arg.owner" => "待办的责任人（与 --kind action 一起）", "Who must do the action (with --kind action)";
    "help.note.arg.due" => "待办的截止时间，如 2026-11-30（当天结束）或 \"2026-11-30 12:00\"", "When the action is due";
    "help.note.arg.done" => "把该投诉的第 N 项待办标为完成（按历史顺序从 1 编号）", "Mark action item N of the ticket done";
    "help.note.arg.attach" => "文件用 `complaint attach` 保存；此处仅为提示这一点", "Files are kept with `complaint attach`";

    "help.promise.about" => "记录告诉客户的解决时间（承诺时限）。它是一个单独的时限；推迟即为延期，需要 --reason（提前一天告知客户）。", "Record the resolution time told to the customer";
    "help.promise.arg.time" => "承诺的时间，如 \"2026-11-25 18:00\"、明天 18:00", "The promised time";
    "help.promise.arg.reason" => "承诺推迟的理由（延期时必填）", "Why the promise moves later";

    "help.followup.about" => "记录已解决投诉的满意度回访。达到满意分数线（5 分制 4 分、10 分制 8 分）即关闭；低于分数线或给出 --unsatisfied 时，客户一票否决：投诉重新处理、开始新一轮解决并标为升级。低于分数线需要 --comment。", "Record the satisfaction follow-up";
    "help.followup.arg.score" => "满意度评分，1 至满分", "Satisfaction score, 1 to the scale";
    "help.followup.arg.answer" => "四级问卷的回答：非常满意、满意、一般、不满意；代替 --score", "The answer in words on the four-level survey";
    "help.followup.arg.scale" => "评分的满分（5 或 10；默认取 [satisfaction] default_scale）", "Scale of the score";
    "help.followup.arg.comment" => "客户的原话（低于满意分数线时必填）", "What the customer said";
    "help.followup.arg.dimension" => "单项评分，如 --dimension 效率=4（可重复）", "Score of one dimension";
    "help.followup.arg.unsatisfied" => "客户仍有异议：不论评分都重新处理（一票否决）", "The customer still objects: reopen whatever the score";
    "help.followup.arg.no_answer" => "无人接听：记录这次尝试（不算完成回访）", "Nobody answered: record the attempt";

    "help.new.about" => "记录一件新投诉并打印其编号（只打印编号，以便 `id=$(complaint new …)`）。必填：--customer、--contact、--channel、--summary；在终端上会询问缺少的项及记录表中其他空项。", "Record a new complaint and print its ID";
    "help.new.arg.customer" => "客户姓名或昵称", "Customer name or nickname (客户姓名)";
    "help.new.arg.contact" => "电话号码或电子邮箱", "Phone number or e-mail address (联系方式)";
    "help.new.arg.customer_id" => "CRM 中的客户ID", "Customer ID in the CRM (客户ID)";
    "help.new.arg.preferred_contact" => "客户偏好的联系方式：电话、短信、微信、邮件、其他", "How the customer prefers to be contacted";
    "help.new.arg.channel" => "投诉渠道：电话、在线客服、邮件、社交媒体、微信、在线表单、门店、现场 …", "Channel";
    "help.new.arg.product" => "涉及的产品或服务", "Product or service concerned (涉及产品)";
    "help.new.arg.purchase_proof" => "购买凭证编号：发票、订单或收据号", "Purchase proof number";
    "help.new.arg.purchase_model" => "产品型号", "Product model (型号)";
    "help.new.arg.purchase_batch" => "生产批次", "Production batch (批次)";
    "help.new.arg.purchase_date" => "购买日期，如 2026-11-01", "Date of purchase (购买日期)";
    "help.new.arg.summary" => "一句话的投诉内容摘要", "One-line summary (投诉内容摘要)";
    "help.new.arg.description" => "问题描述，可多行", "Full description (问题描述)";
    "help.new.arg.expectation" => "客户的期望诉求", "What the customer expects (期望诉求)";
    "help.new.arg.category" => "投诉类型（若已知；编码、名称或别名）", "Category, if already known";
    "help.new.arg.severity" => "紧急程度（默认 一般）", "Severity (default general 一般)";
    "help.new.arg.received_at" => "受理时间（默认现在），如 \"2026-11-23 09:15\"", "When the complaint was received";
    "help.new.arg.from_file" => "从与投诉文件同形的 YAML 文件读取各字段；- 表示标准输入。参数优先。", "Read the fields from a YAML file";
}
