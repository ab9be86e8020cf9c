// The refusals of the operations' rules (src/error/refusal.rs) and the
// command line's rewording of those that name a flag (src/cli/flags.rs);
// included by messages.rs. The English is what they have always said:
// `Refusal`'s Display and hint are these texts in English.
catalogue! {
    REFUSALS;
    "refusal.needs_one_of" => "{operation} 至少需要以下之一：{fields}", "{operation} needs at least one of {fields}";
    "refusal.notify_without_assignee" => "发送通知需要负责人", "a notice needs an assignee";
    "refusal.promise_on_settled" => "{id} 当前为{status}；承诺是未关闭投诉的解决时间", "{id} is already {status}; a promise is a resolution time for an open ticket";
    "refusal.promise_not_after" => "承诺的时间 {promised} 不晚于作出承诺的时间 {at}", "the promised time {promised} is not after the time of the promise {at}";
    "refusal.extension_needs_reason" => "把 {id} 的承诺从 {from} 推迟到 {to} 属于延期，需要理由", "moving the promise of {id} from {from} to {to} is an extension and needs a reason";
    "refusal.close_needs_reason" => "未经满意回访而关闭 {id} 需要理由", "closing {id} without a satisfied follow-up needs a reason";
    "refusal.followup_needs_resolved" => "{id} 为{label}（{status}）；回访需要已解决的投诉", "{id} is {status} ({label}); a follow-up needs a resolved ticket";
    "refusal.scale_not_configured" => "未配置满分 {scale}；已配置：{configured}", "scale {scale} is not configured; configured scales: {configured}";
    "refusal.low_score_needs_comment" => "评分 {score}（满分 {scale}）低于满意分数线 {threshold}；须记录客户的理由", "score {score} of {scale} is below the satisfied threshold {threshold}; a comment with the customer's reason is required";
    "refusal.bad_dimension" => "单项评分 {spec} 不是 名称=分数 的形式", "dimension {spec} is not NAME=SCORE";
    "refusal.owner_without_action" => "责任人和截止时间只用于待办", "owner and due belong to action items";
    "refusal.action_needs_owner" => "待办需要明确责任人", "an action item needs an owner (明确责任人)";
    "refusal.done_marker_fields" => "完成标记只按编号指向一项待办；不带责任人、截止时间或其他类型", "a done marker refers to an action item by its number; it has no owner, due time or other kind";
    "refusal.no_such_action_item" => "{id} 没有第 {number} 项待办；共有 {items} 项", "{id} has no action item {number}; it has {items}";
    "refusal.unknown_department" => "部门 {department} 未配置；已配置的部门：{configured}", "department {department} is not configured; configured departments: {configured}";
    "refusal.task_needs_due" => "交给{department}的任务需要截止时间：没有给出，[departments.{department}] 也没有设置 task_within", "a task for {department} needs a due time: none given and [departments.{department}] sets no task_within";
    "refusal.no_such_task" => "{id} 没有第 {number} 项执行任务；共有 {tasks} 项", "{id} has no execution task {number}; it has {tasks}";
    "refusal.action_item_already_done" => "{id} 的第 {number} 项待办已完成（{at}）", "action item {number} of {id} is already done (at {at})";
    "refusal.task_already_done" => "{id} 的第 {number} 项执行任务已完成（{at}）", "execution task {number} of {id} is already done (at {at})";
    "refusal.task_done_fields" => "标记任务完成只需编号；不带部门、责任人或截止时间", "marking a task done takes its number only; it has no department, owner or due time";
    "refusal.received_in_future" => "受理时间 {at} 晚于现在（现在是 {now}）", "received_at {at} is in the future (now is {now})";
    "refusal.not_editable" => "{field} 不能编辑", "{field} cannot be edited";
    "refusal.unknown_keys_edited" => "不能编辑本版本不认识的键", "keys this version does not know cannot be edited";
    "refusal.history_event_changed" => "第 {number} 条历史记录被改动了", "history event {number} was changed";
    "refusal.history_event_removed" => "第 {number} 条历史记录被删除了", "history event {number} was removed";
    "refusal.history_event_added" => "不能通过编辑添加历史记录", "history events cannot be added by edit";
    "refusal.derived_edited" => "{fields} 由历史推出，不能编辑", "{fields} follow(s) from history and cannot be edited";
    "refusal.received_day_moved" => "受理时间必须仍在 {date}：编号 {id} 含有这一天", "received_at must stay on {date}: the ID {id} carries that date";
    "refusal.edited_meanwhile" => "编辑器打开期间，该投诉已被他人修改", "the ticket was edited by someone else while the editor was open";
    "refusal.step_on_settled" => "{id} 当前为{status}；{operation}只用于未关闭的投诉", "{id} is already {status}; {operation} belongs to an open ticket";
    "refusal.execute_by_not_after" => "执行时间 {execute_by} 不晚于方案的时间 {at}", "the execution time {execute_by} is not after the time of the plan {at}";
    "refusal.nothing_to_confirm" => "{id} 没有等待客户答复的{what}", "{id} has no {what} awaiting the customer's answer";
    "refusal.plan_refused" => "客户拒绝了 {id} 的最新方案；须先制定新方案", "the customer refused the latest plan of {id}; a new plan is needed first";
    "refusal.result_refused_after_resolved" => "{id} 已解决；不接受结果即客户的一票否决", "{id} is already resolved; a refused result is the customer's veto";

    // The words a refusal names (operations, what awaits an answer).
    "refusal.word.a_diagnosis" => "初步诊断", "a diagnosis";
    "refusal.word.a_plan" => "方案", "a plan";
    "refusal.word.a_task" => "执行任务", "a task";
    "refusal.word.an_execution" => "执行", "an execution";
    "refusal.word.a_confirmation" => "客户确认", "a confirmation";
    "refusal.word.plan" => "方案", "plan";
    "refusal.word.execution_reported_done" => "已报告完成的执行", "execution reported done";

    "refusal_hint.reopen_first" => "客户仍有需要时，先重新处理", "reopen it first if the customer needs more";
    "refusal_hint.extension" => "提前一天告诉客户理由和新的时间", "tell the customer the reason and the new time one day ahead";
    "refusal_hint.close_needs_reason" => "先回访，或说明理由：重复投诉 / 无法联系客户 / 无效投诉", "follow up first, or say why: 重复投诉 / 无法联系客户 / 无效投诉";
    "refusal_hint.followup_on_closed" => "它已关闭；要再次处理，请重新转为处理中", "it is closed; to handle it again reopen it to processing";
    "refusal_hint.resolve_first" => "先连同处理方案将其解决", "resolve it first, with the plan";
    "refusal_hint.scale_not_configured" => "在 complaint.toml 的 [satisfaction] satisfied_at 下添加", "add it under [satisfaction] satisfied_at in complaint.toml";
    "refusal_hint.low_score" => "询问原因并记录下来", "ask why and record it";
    "refusal_hint.bad_dimension" => "如 效率=4", "e.g. 效率=4";
    "refusal_hint.not_editable" => "只能编辑客户资料和描述", "only customer data and the description are editable";
    "refusal_hint.history" => "历史只能追加；请用命令记录变更（note、transition …）", "history is append-only; record changes with the commands (note, transition …)";
    "refusal_hint.derived" => "请用 classify、assign、promise、escalate、transition 或 followup；每个都会记录一条历史", "use classify, assign, promise, escalate, transition or followup; each records an event";
    "refusal_hint.received_day_moved" => "另一天受理的投诉是一件新投诉（`complaint new`）", "a complaint received on another day is a new ticket (`complaint new`)";
    "refusal_hint.nothing_to_confirm" => "先记录已告知的方案或已完成的执行", "record the plan sent or the execution done first";
    "refusal_hint.plan_refused" => "给客户一个新方案（拒绝方案则需重新协商）", "send the customer a new plan (拒绝方案则需重新协商)";
    "refusal_hint.result_refused" => "记为不满意的回访，投诉将重新处理", "record it as an unsatisfied follow-up, which reopens it";
    "refusal_hint.unknown_department" => "在 complaint.toml 中添加 [departments.NAME]", "add it as [departments.NAME] in complaint.toml";
    "refusal_hint.task_needs_due" => "给出截止时间（如 +24h、+3wd），或为该部门设置 task_within = \"24h\"", "give a due time (e.g. +24h, +3wd) or set task_within = \"24h\" for it";
    "refusal_hint.no_such_task" => "任务按历史顺序从 1 编号（`complaint show ID`）", "tasks are numbered from 1 in history order (`complaint show ID`)";
    "refusal_hint.action_item_already_done" => "无需操作；`complaint log ID` 列出每项待办及标记完成的记录", "nothing to do; `complaint log ID` lists each action item and the notes marking them done";
    "refusal_hint.task_already_done" => "无需操作；`complaint show ID` 列出每项任务及其完成时间", "nothing to do; `complaint show ID` lists each task and when it was done";
    "refusal_hint.no_such_action_item" => "待办按历史顺序从 1 编号（`complaint log ID`）", "action items are numbered from 1 in history order (`complaint log ID`)";

    // The command line's words for the refusals that name a flag.
    "flag.classify_needs" => "classify 需要 --category 和/或 --severity", "classify needs --category and/or --severity";
    "flag.classify_needs.hint" => "如 complaint classify CP20261123001 --category 物流 --severity 一般", "e.g. complaint classify CP20261123001 --category 物流 --severity 一般";
    "flag.assign_needs" => "assign 至少需要 --department、--assignee、--also、--staff 之一", "assign needs at least one of --department, --assignee, --also, --staff";
    "flag.assign_needs.hint" => "如 complaint assign CP20261123001 --department 售后部 --assignee 李四", "e.g. complaint assign CP20261123001 --department 售后部 --assignee 李四";
    "flag.notify_needs_assignee" => "--notify 需要负责人", "--notify needs an assignee";
    "flag.notify_needs_assignee.hint" => "与 --notify 一起给出 --assignee 姓名", "pass --assignee NAME together with --notify";
    "flag.reopen_first.hint" => "客户仍有需要时，先重新处理（complaint transition ID processing）", "reopen it first (complaint transition ID processing) if the customer needs more";
    "flag.extension_needs_reason" => "把 {id} 的承诺从 {from} 推迟到 {to} 属于延期，需要 --reason", "moving the promise of {id} from {from} to {to} is an extension and needs --reason";
    "flag.close_needs_reason" => "未经满意回访而关闭 {id} 需要 --reason", "closing {id} without a satisfied follow-up needs --reason";
    "flag.close_needs_reason.hint" => "先回访（complaint followup ID --score N），或说明理由：--reason 重复投诉 / 无法联系客户 / 无效投诉", "follow up first (complaint followup ID --score N), or say why: --reason 重复投诉 / 无法联系客户 / 无效投诉";
    "flag.followup_on_closed.hint" => "它已关闭；要再次处理，请重新处理：complaint transition ID processing --note …", "it is closed; to handle it again reopen it: complaint transition ID processing --note …";
    "flag.resolve_first.hint" => "先将其解决：complaint transition ID resolved --plan …", "resolve it first: complaint transition ID resolved --plan …";
    "flag.scale_not_configured" => "未配置 --scale {scale}；已配置：{configured}", "--scale {scale} is not configured; configured scales: {configured}";
    "flag.low_score_needs_comment" => "评分 {score}（满分 {scale}）低于满意分数线 {threshold}；须用 --comment 记录客户的理由", "score {score} of {scale} is below the satisfied threshold {threshold}; --comment with the customer's reason is required";
    "flag.low_score_needs_comment.hint" => "询问原因并记录，如 --comment \"补偿未到账\"", "ask why and record it, e.g. --comment \"补偿未到账\"";
    "flag.bad_dimension" => "--dimension {spec} 不是 名称=分数 的形式", "--dimension {spec} is not NAME=SCORE";
    "flag.bad_dimension.hint" => "如 --dimension 效率=4 --dimension 态度=5", "e.g. --dimension 效率=4 --dimension 态度=5";
    "flag.owner_without_action" => "--owner 和 --due 只用于待办", "--owner and --due belong to action items";
    "flag.owner_without_action.hint" => "请用 --kind action --owner 姓名 --due 日期", "use --kind action --owner NAME --due DATE";
    "flag.done_marker_fields" => "--done 把一项待办标为完成；不带 --owner、--due，--kind 只能是 action", "--done marks an action item done; it takes no --owner, --due or --kind other than action";
    "flag.done_marker_fields.hint" => "如 complaint note ID --kind action --done 2 -m \"已发货\"", "e.g. complaint note ID --kind action --done 2 -m \"已发货\"";
    "flag.action_needs_owner" => "待办需要 --owner（明确责任人）", "an action item needs --owner (明确责任人)";
    "flag.action_needs_owner.hint" => "如 --kind action --owner 王经理 --due 2026-11-30", "e.g. --kind action --owner 王经理 --due 2026-11-30";
    "flag.backdate_too_early" => "{what} {at} 早于该投诉最后一条记录的时间 {last}", "{what} {at} is before the ticket's last event at {last}";
    "flag.backdate_too_early.hint" => "历史只能追加；--at 不能早于最后一条记录", "history is append-only; --at may not precede the last event";
    "flag.now" => "现在（--now / COMPLAINT_NOW）", "now (--now / COMPLAINT_NOW)";
}
