// What an operation changed (`ops::Change::words`), shown as `ID: …` on
// stderr; included by messages.rs. The English is also the commit subject
// and the API's `what`, so it stays as it has always been.
catalogue! {
    CHANGES;
    "words.list" => "{items}", "{items}";
    "change.department" => "责任部门 {name}", "department {name}";
    "change.assignee" => "负责人 {name}", "assignee {name}";
    "change.also" => "协同部门 {names}", "also {names}";
    "change.staff" => "涉事员工 {names}", "staff {names}";
    "change.category" => "类型 {label}", "category {label}";
    "change.severity" => "紧急程度 {label}", "severity {label}";
    "change.transition" => "{from} → {to}", "{from} -> {to}";
    "change.confirmed" => "客户{verdict}{what}（{via}）", "{what} {verdict} by {via}";
    "change.confirmed_resolves" => "客户{verdict}{what}（{via}）（{from} → 已解决）", "{what} {verdict} by {via} ({from} -> resolved)";
    "change.diagnosed" => "已初步诊断", "diagnosed";
    "change.diagnosed_severity" => "已初步诊断，紧急程度 {label}", "diagnosed, severity {label}";
    "change.followup_no_answer" => "回访未接通，已记录这次尝试", "follow-up attempt, no answer";
    "change.satisfied" => "满意（{score}），已解决 → 已关闭", "satisfied ({score}), resolved -> closed";
    "change.not_satisfied" => "不满意（{score}）：重新处理，已解决 → 处理中，已升级", "not satisfied ({score}): reopened, resolved -> processing, escalated";
    "change.note_added" => "已添加{kind}备注", "{kind} note added";
    "change.action_done" => "第 {number} 项待办已完成", "action item {number} done";
    "change.plan_sent" => "已告知方案，预计 {time} 前执行完成", "plan sent, to be carried out by {time}";
    "change.plan_sent_new" => "已告知方案，预计 {time} 前执行完成（待受理 → 处理中）", "plan sent, to be carried out by {time} (new -> processing)";
    "change.promised" => "承诺 {time} 前解决", "promised by {time}";
    "change.promise_extended" => "承诺延期至 {time}", "promise extended to {time}";
    "change.escalated" => "已升级至 {to}", "escalated to {to}";
    "change.attached" => "已附加 {name}（{kind}）", "attached {name} ({kind})";
    "change.edited" => "已修改（{fields}）", "edited ({fields})";
    "change.execution_done" => "执行完成", "execution done";
    "change.task_added" => "已把第 {number} 项执行任务交给 {department}（{owner}，截止 {due}）", "execution task {number} for {department} added ({owner}, due {due})";
    "change.task_done" => "第 {number} 项执行任务已完成", "execution task {number} done";
}
