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

    "help.init.about" => "创建投诉库：complaint.toml（含全部设置及注释）、tickets/、.gitignore 和 .gitattributes；在 git 仓库中还会在仓库配置里注册合并驱动。对已有的库（如新克隆的副本）再次运行不会改动您的任何内容，只补上缺少的部分。", "Create a store";
    "help.init.arg.dir" => "新投诉库的目录（默认：当前目录）", "Directory of the new store";
    "help.init.arg.print_config" => "打印带注释的默认 complaint.toml，不写入任何文件", "Print the commented default complaint.toml";
    "help.init.arg.preset" => "在新的 complaint.toml 中加入一套环节：`after-sales`（售后流程：受理响应、转交、初步诊断、方案制定、方案确认、结果确认、回访、补救落实）", "Add a stage set to the new complaint.toml";

    "help.classify.about" => "设置投诉的类型和/或紧急程度（可用编码、中文名称或别名：`--severity 紧急` 即 严重）。各时限按新的紧急程度从原起点重新计算。", "Set a ticket's category and/or severity";
    "help.classify.arg.category" => "投诉类型：product_quality 产品质量、service_attitude 服务态度、logistics 物流配送、after_sales 售后流程、other 其他", "Category";
    "help.classify.arg.severity" => "紧急程度：general 一般、serious 严重、major 重大", "Severity";
    "help.classify.arg.note" => "理由，写入历史", "Why, recorded in the history";

    "help.assign.about" => "指定责任部门和/或负责人；添加参与部门（需多部门处理的投诉）和被投诉的涉事员工。", "Set the responsible department and/or assignee";
    "help.assign.arg.department" => "责任部门，如 售后部", "Responsible department";
    "help.assign.arg.assignee" => "负责处理的人", "Person handling the ticket";
    "help.assign.arg.note" => "理由，写入历史", "Why, recorded in the history";
    "help.assign.arg.also" => "另一个参与部门（可重复）", "A further department involved (repeatable)";
    "help.assign.arg.staff" => "客户投诉的员工（可重复）", "Staff member the customer complains about (repeatable)";
    "help.assign.arg.notify" => "给负责人发一封简短的任务通知邮件（地址取自 complaint.toml 的 [people]）", "Mail the assignee a short notice of the task";

    "help.escalate.about" => "把投诉上报给主管，或在经理解决不了时越级上报。投诉会标为已升级。", "Hand a ticket up to a supervisor";
    "help.escalate.arg.to" => "接手的人，如 客服经理", "Who takes it over";
    "help.escalate.arg.reason" => "升级的理由", "Why it is escalated";

    "help.diagnose.about" => "记录初步诊断：问题是什么，以及判定的紧急程度（一般 / 严重 / 重大），据此从最初受理时间重新计算各时限。不改变状态，也不算首次响应。", "Record the first diagnosis";
    "help.diagnose.arg.message" => "诊断内容", "The diagnosis";
    "help.diagnose.arg.severity" => "判定的紧急程度：编码、名称或别名（general、一般、serious、严重、major、重大 …）", "The severity found";

    "help.plan.about" => "记录告知客户的方案及预计执行完成的时间（方案告知）。它成为该投诉的处理方案；仍为待受理的投诉转为处理中。客户的答复用 `confirm ID plan` 记录。", "Record the plan told to the customer";
    "help.plan.arg.message" => "告知客户的方案，如 上门更换充电座", "The plan, as told to the customer";
    "help.plan.arg.execute_by" => "预计执行完成的时间，如 \"2026-11-25 18:00\"、明天 18:00、+2wd（只写日期：当天结束）", "When it will have been carried out";

    "help.confirm.about" => "记录客户对方案或对结果的答复，以及答复方式。方案被拒绝需重新 `plan`；结果被接受即为已解决。", "Record the customer's answer to the plan or to the result";
    "help.confirm.arg.what" => "客户答复的对象", "What the customer answers";
    "help.confirm.arg.accepted" => "客户接受", "The customer accepted";
    "help.confirm.arg.refused" => "客户拒绝", "The customer refused";
    "help.confirm.arg.via" => "答复方式", "How the answer was given";
    "help.confirm.arg.message" => "备注，如客户提出的其他要求", "A note";

    "help.execute.about" => "报告方案已执行完成。之后由客户确认结果（`confirm ID result`），投诉即为已解决。", "Report the plan's execution done";
    "help.execute.arg.done" => "执行已完成（目前唯一的报告）", "The execution is done";
    "help.execute.arg.message" => "做了什么，如 已上门更换充电座", "What was done";

    "help.task.about" => "执行任务（执行落地）：把方案中的一项任务交给另一部门，如 仓储部 24 小时内发货、财务部 3 个工作日内打款。完成前它作为一个时限列在 `overdue` 中、记在责任人名下；以 `--done N`、责任人自己的操作或投诉解决而完成。", "Hand a task of the plan to another department";
    "help.task.arg.department" => "接收任务的部门（complaint.toml 中的某个 [departments.NAME]）", "The department it is handed to";
    "help.task.arg.text" => "须做的事，如 24小时内发出换新机", "What must be done";
    "help.task.arg.owner" => "责任人 [默认：该部门主管，否则为该部门]", "Who must do it";
    "help.task.arg.due" => "截止时间，如 +24h、+3wd、\"2026-11-30 12:00\"、2026-11-30（当天结束）[默认：该部门的 task_within]", "When it is due";
    "help.task.arg.done" => "把该投诉的第 N 项任务标为完成（按历史顺序从 1 编号）", "Mark task N of the ticket done";
    "help.task.arg.message" => "标记任务完成时的备注（与 --done 一起）", "A note on marking the task done";

    "help.attach.about" => "把文件作为证据随投诉保存（购买凭证、照片、检测报告、客户签字确认）：每个文件复制到 attachments/YYYY/MM/<ID>/<sha256 前缀>-<文件名>，并记录其 SHA-256，由 `complaint check` 校验。文件从不覆盖或删除；同一内容附加两次只保存一份。拒绝链接、目录、FIFO、设备文件，以及超过 [limits] max_attachment_bytes（默认 20 MiB）的文件。", "Keep files as evidence with a complaint";
    "help.attach.arg.files" => "要附加的文件", "The files to attach";
    "help.attach.arg.kind" => "文件类型：proof 购买凭证、photo 照片、report 检测报告、signed 签字确认、receipt 回执、other 其他（默认）", "What the files are";
    "help.attach.arg.message" => "关于这些文件的备注", "A note on the files";

    "help.log.about" => "显示投诉的历史：每条记录的时间、操作人和变更；加 --git 还列出修改过该文件的提交。", "Show a ticket's history";
    "help.log.arg.id" => "投诉编号，如 CP20261123001（被 `check --fix` 重新编号的旧编号仍可用）", "Ticket ID";
    "help.log.arg.git" => "同时列出修改过该投诉文件的 git 提交（哈希、日期、作者、说明）", "Also list the git commits that touched the ticket's file";

    "help.calendar.about" => "显示某月的工作日历——标出节假日（休）和调休上班日（班）——或用 `calendar add` 计算截止时间。", "Show the business calendar of a month";
    "help.calendar.arg.month" => "要显示的月份，YYYY-MM（默认：本月）", "Month to show, YYYY-MM";
    "help.calendar.add.about" => "起始时间加上时长，何时到期？打印 RFC 3339 时间。", "When is START + DURATION due?";
    "help.calendar.add.arg.start" => "起始时间，如 \"2026-09-30 15:00\"", "Start time";
    "help.calendar.add.arg.duration" => "时长：30m、4h（经过时间）、3d（自然日）、2wd（工作日）、8bh（工作小时）", "Duration";
    "help.calendar.workday.about" => "DATE（默认今天）是工作日则以 0 退出，否则以 1 退出——供定时任务使用：`complaint calendar workday && complaint overdue --send` 在调休上班的周六也会运行，节假日则跳过。", "Exit 0 if DATE is a working day, 1 if not";
    "help.calendar.workday.arg.date" => "日期，YYYY-MM-DD（默认：本库时区的今天）", "Date, YYYY-MM-DD";

    "help.export.about" => "导出投诉处理流程记录表：每件投诉一行，最早的在前。除非加 --unmask，姓名和联系方式打码；电子表格会当作公式的单元格前加 '，除非加 --raw。时间为本库时区，时长以小时计。", "Export the complaint record table";
    "help.export.arg.output" => "写入文件 FILE（原子写入），而不是标准输出", "Write to FILE instead of stdout";
    "help.export.arg.format" => "输出格式（--json 等同于 --format json）", "Output format";
    "help.export.arg.lang" => "CSV 表头的语言；en 时编码值也写为编码（默认：[ui] lang）", "Language of the CSV headers";
    "help.export.arg.columns" => "要导出的列，按顺序、逗号分隔（如 id,received_at,summary,status），或 all", "Columns to export";
    "help.export.arg.no_bom" => "CSV 开头不加 UTF-8 字节序标记（BOM）", "No UTF-8 byte-order mark";
    "help.export.arg.raw" => "不处理以 = + - @ 开头的单元格（防 CSV 注入）", "Do not neutralise cells starting with = + - @";

    "help.report.about" => "某一期间的投诉统计：按类型、紧急程度、渠道、状态和根本原因的件数与占比；响应和解决用时；时限达成率；满意度；重新处理；各部门和处理人；与上一期相比的变化。", "Complaint statistics for a period";
    "help.report.arg.week" => "ISO 周，如 2026-W47（不给值：上一周）", "ISO week";
    "help.report.arg.month" => "月份，如 2026-10（不给值：上个月）", "Month";
    "help.report.arg.quarter" => "季度，如 2026Q3（不给值：上一季度）", "Quarter";
    "help.report.arg.year" => "年份，如 2026（不给值：上一年）", "Year";
    "help.report.arg.from" => "自定义期间的第一天，如 2026-11-01", "First day of a custom period";
    "help.report.arg.to" => "自定义期间的最后一天，含当天（默认：--as-of 那天）", "Last day of a custom period, included";
    "help.report.arg.as_of" => "按此时间而不是现在计算（忽略此后的记录）", "Evaluate as of this time instead of now";
    "help.report.arg.format" => "输出格式", "Output format";
    "help.report.arg.lang" => "标题和标签的语言（默认：[ui] lang）", "Language of headings and labels";
    "help.report.arg.output" => "写入文件 FILE（原子写入），而不是标准输出", "Write to FILE instead of stdout";

    "help.check.about" => "校验每个投诉文件：能解析，编号与路径及配置的格式一致，编号或 uid 没有重复，各值均已配置，历史按时间排列并以 `created` 开头，当前字段与历史推出的一致，没有 git 冲突标记或编号冲突，（在 git 中且自动提交时）没有从未提交的改动，每个附件都在且 SHA-256 与记录相符（没有投诉记录的文件会提示）。发现问题时以 1 退出。", "Validate every ticket file";
    "help.check.arg.fix" => "修复合并副本造成的编号冲突：较晚创建的投诉取当天下一个空闲编号（renamed_from 保留旧编号），并提交修复；提交被中断的命令留下的未提交投诉文件（只提交这些文件，一次提交）", "Repair ID collisions and commit what an interrupted command left";

    "help.sync.about" => "与团队共享投诉库：`git pull --no-rebase`（投诉文件由合并驱动合并）、`complaint check`，然后 `git push`。在第一个失败的步骤停下并说明该怎么做；有未提交的投诉改动时拒绝开始（`complaint check --fix` 会提交它们）。", "Share the store with the team";
    "help.sync.arg.no_push" => "拉取并校验，但不推送", "Pull and check, but do not push";

    "help.serve.about" => "通过 HTTP 提供投诉库：/api/v1 下的 JSON API，供从不打开终端的人和系统使用（docs/serve.md）。用户需登录（`complaint user add`）。收到 SIGTERM 或 Ctrl-C 时，处理完进行中的请求后停止。", "Serve the store over HTTP";
    "help.serve.arg.listen" => "监听地址；端口 0 表示任选空闲端口。非本机回环地址应放在 TLS 代理之后（docs/serve.md）", "Address to listen on";
    "help.serve.arg.tls_behind_proxy" => "服务器位于 TLS 代理之后：会话 cookie 标为 Secure", "The server is behind a TLS proxy";

    "help.user.about" => "可登录 `complaint serve` 的人员及其角色（viewer 只读；agent 读写；lead 还能看到未打码的姓名和联系方式）。只保存 argon2 哈希，位于 .complaint/users.toml（不进 git，权限 0600）。", "The people who may sign in to `complaint serve`";
    "help.user.add.about" => "添加用户；打印一次密码（加 --token 时为 API 令牌）。", "Add a user";
    "help.user.add.arg.name" => "其所做每项修改记录的操作人姓名", "The name recorded as the actor of every change they make";
    "help.user.add.arg.role" => "agent、lead 或 viewer", "agent, lead or viewer";
    "help.user.add.arg.token" => "生成 API 令牌（Authorization: Bearer），而不是密码", "Make an API token instead of a password";
    "help.user.list.about" => "列出用户：姓名、角色、是否设置了密码或令牌、创建时间。", "List users";
    "help.user.remove.about" => "删除用户；其会话在下一次请求时结束。", "Remove a user";
    "help.user.remove.arg.name" => "用户名", "The user's name";
    "help.user.reset.about" => "给用户一个新密码（加 --token 时为新的 API 令牌），只打印一次。", "Give a user a new password";
    "help.user.reset.arg.name" => "用户名", "The user's name";
    "help.user.reset.arg.token" => "生成新的 API 令牌，而不是新密码", "A new API token instead of a new password";
    "help.user.reset.arg.role" => "同时更改角色", "Also change the role";

    "help.merge-driver.about" => "合并投诉文件的两个版本（由 git 运行，由 `complaint init` 注册为 `complaint merge-driver %O %A %B %P`）：取两份历史的并集，重新推出当前字段，写入 %A。同一编号的两件不同投诉（编号冲突）都会保留，留给 `check --fix`。不是投诉的文件退回 git 的文本合并（以 1 退出）。", "Merge two versions of a ticket file";
    "help.merge-driver.arg.base" => "%O：共同祖先的版本（两边都新增该文件时为空）", "%O: the common ancestor's version";
    "help.merge-driver.arg.ours" => "%A：我方版本；结果写到这里", "%A: our version; the result is written here";
    "help.merge-driver.arg.theirs" => "%B：对方版本", "%B: their version";
    "help.merge-driver.arg.path" => "%P：该文件在仓库中的路径，用于消息", "%P: the file's path in the repository";

    "help.edit.about" => "在 $VISUAL / $EDITOR 中编辑投诉的客户资料和描述。", "Edit a ticket's customer data and description";

    "help.import.about" => "从 CSV 文件导入投诉（UTF-8，有无 BOM 均可；Excel 的 CRLF 也可以）。第一行为列名，识别中英文列名（客户/姓名、电话/联系方式、客户ID、渠道、产品、摘要/投诉内容、描述、诉求、类别、级别、投诉时间、购买凭证、型号、批次、购买日期、偏好联系方式 …）；其他列须用 --map 映射或用 --ignore 略去。只有每行都有效才会写入。打印新编号，每行一个。被中断的导入再运行一次即可完成（或 `complaint check --fix`），不会重复导入。", "Import complaints from a CSV file";
    "help.import.arg.file" => "CSV 文件", "The CSV file";
    "help.import.arg.map" => "列映射，如 --map 来电人=customer,号码=contact。字段：customer、contact、customer_id、preferred_contact、channel、product、purchase_proof、purchase_model、purchase_batch、purchase_date、summary、description、expectation、category、severity、received_at", "Column mapping";
    "help.import.arg.ignore" => "略去文件中的某一列（可重复）；既未识别、未映射也未略去的列会被拒绝", "A column of the file to leave out (repeatable)";
    "help.import.arg.dry_run" => "校验每一行并说明将导入多少件；不写入任何内容", "Validate every row; write nothing";

    "help.completions.about" => "打印 shell 补全脚本。投诉编号从当前目录的投诉库补全。安装示例：bash：`complaint completions bash > ~/.local/share/bash-completion/completions/complaint`；zsh：`complaint completions zsh > \"${fpath[1]}/_complaint\"`；fish：`complaint completions fish > ~/.config/fish/completions/complaint.fish`", "Print a shell completion script";
    "help.completions.arg.shell" => "要补全的 shell", "Shell to complete for";
    "help.completions.arg.static_script" => "独立的脚本（只含参数和子命令，不补全投诉编号）", "A self-contained script";

    "help.man.about" => "在标准输出打印 man 手册（roff），如 `complaint man | man -l -`；加 --dir 时在该目录写入 complaint.1 及每个子命令一页 complaint-<命令>.1。", "Print the man page";
    "help.man.arg.dir" => "每个命令一页写入的目录（不存在则创建）", "Directory to write one page per command into";
}
