// The catalogue itself (included by messages.rs). Keys: `error.*` and
// `hint.*` for src/error/text.rs, `cli.*` for what commands print,
// `calendar.*` for the month grid, `help.*` for the Chinese help.
catalogue! {
    MESSAGES;
    // How stderr lines start.
    "output.error" => "错误", "error";
    "output.hint" => "提示", "hint";
    "output.warning" => "警告", "warning";

    // Errors (src/error/text.rs); the English is the Display of the error.
    "error.no_store" => "在 {start} 及其上级目录中没有找到投诉库", "no complaint store found in {start} or any parent directory";
    "error.not_a_store" => "{path} 不是投诉库（那里没有 complaint.toml）", "{path} is not a complaint store (no complaint.toml there)";
    "error.invalid_id" => "无效的投诉编号 {id}：应为 {expected}", "invalid ticket ID {id}: expected {expected}";
    "error.unknown_ticket" => "本库中没有投诉 {id}", "no ticket {id} in this store";
    "error.unknown_value" => "未知的 {kind} {value}；可用的值：{valid}", "unknown {kind} {value}; valid values: {valid}";
    "error.invalid_time" => "无效的 {what} {text}", "invalid {what} {text}";
    "error.invalid_duration" => "无效的 {what} {text}：{reason}；{units}", "invalid {what} {text}: {reason}; {units}";
    "error.duration_units" => "单位：m（分钟）、h（小时）、d（自然日）、wd（工作日）、bh（工作小时），例如 30m、4h、3d、2wd、8bh",
        "units: m (minutes), h (hours), d (calendar days), wd (working days), bh (business hours), e.g. 30m, 4h, 3d, 2wd, 8bh";
    "error.invalid_transition" => "{id} 不能从 {from} 转为 {to}；从 {from} 可转为：{allowed}", "{id} cannot move from {from} to {to}; allowed from {from}: {allowed}";
    "error.missing_fields" => "缺少必填项：{fields}", "missing required field(s): {fields}";
    "error.empty_field" => "{field} 不能为空", "{field} must not be empty";
    "error.too_long" => "{field} 有 {len} 字节，超过 {max} 字节的上限", "{field} is {len} bytes, over the limit of {max} bytes";
    "error.io" => "无法 {action} {path}：{source}", "cannot {action} {path}: {source}";
    "error.score_out_of_scale" => "评分 {score} 超出 1–{scale} 的范围", "score {score} is outside the scale 1–{scale}";
    "error.backdate_too_early" => "{what} {at} 早于该投诉最后一条记录的时间 {last}", "{what} {at} is before the ticket's last event at {last}";
    "error.input_too_large" => "{path}：输入超过 {max_bytes} 字节的上限（[limits] max_file_bytes）", "{path}: input is over the limit of {max_bytes} bytes ([limits] max_file_bytes)";
    "error.inconsistent_ticket" => "{path}：{id} 的文件前后不一致，不能修改：{problems}", "{path}: {id} cannot be changed while its file is inconsistent: {problems}";
    "error.lock_timeout" => "等待库锁 {path} {waited_secs} 秒后放弃{holder}", "gave up after {waited_secs} s waiting for the store lock {path}{holder}";
    "error.lock_holder" => "（由进程 {pid} 持有）", " held by PID {pid}";
    "error.at_in_future" => "{what} {at} 晚于现在（现在是 {now}）", "{what} {at} is in the future (now is {now})";
    "error.id_collision" => "{path}：编号冲突：{id} 被 {count} 件投诉使用（uid {uids}）", "{path}: ID collision: {id} is held by {count} tickets (uids {uids})";
    "error.conflict_markers" => "{path}：有 git 冲突标记（<<<<<<< … >>>>>>>）：此投诉被按纯文本合并", "{path}: git conflict markers (<<<<<<< … >>>>>>>): this ticket was merged as plain text";

    // Hints of errors.
    "hint.no_store" => "运行 `complaint init` 在此创建投诉库，或用 --store DIR / 设置 COMPLAINT_STORE", "run `complaint init` to create a store here, or pass --store DIR / set COMPLAINT_STORE";
    "hint.invalid_id" => "编号形如 CP20261123001；`complaint list` 会列出它们", "IDs look like CP20261123001; `complaint list` shows them";
    "hint.did_you_mean" => "您是指 {similar} 吗？", "did you mean {similar}?";
    "hint.list_tickets" => "`complaint list` 列出本库的投诉", "`complaint list` shows the tickets of this store";
    "hint.unknown_value" => "可用编码、中文名称和别名；它们列在 complaint.toml 中", "ids, Chinese labels and aliases are accepted; they are listed in complaint.toml";
    "hint.invalid_time" => "可写 2026-11-23、2026-11-23 09:15（本库时区）或 RFC 3339，如 2026-11-23T09:15:00+08:00；人工输入时间处还可写 18:00（今天）、明天 18:00、后天、11-24 18:00、2026/11/24 18:00，期限还可写 +2h 或 +2wd（工作日）",
        "use 2026-11-23, 2026-11-23 09:15 (store time zone) or RFC 3339 such as 2026-11-23T09:15:00+08:00; where a person types a time also 18:00 (today), 明天 18:00, 后天, 11-24 18:00, 2026/11/24 18:00, and for a deadline +2h or +2wd (working days)";
    "hint.invalid_duration" => "数字加单位：30m、4h（经过时间）、3d（自然日）、2wd（工作日）、8bh（工作小时）", "a number followed by a unit: 30m, 4h (elapsed), 3d (calendar days), 2wd (working days), 8bh (business hours)";
    "hint.missing_fields" => "用参数（--customer、--contact、--channel、--summary）或 --from-file 提供；只有在终端上才会逐项询问", "pass them as flags (--customer, --contact, --channel, --summary) or in --from-file; prompts appear only on a terminal";
    "hint.too_long" => "请缩短，或在 complaint.toml 中调高 [limits]", "shorten it, or raise [limits] in complaint.toml";
    "hint.fix_file" => "手工修正该文件（git diff / git checkout 可帮忙），然后运行 `complaint check`", "fix the file by hand (git diff / git checkout can help), then run `complaint check`";
    "hint.id_collision" => "两个副本离线时生成了同一编号；运行 `complaint check --fix` 给较晚的一件重新编号（两件都保留）", "two clones created this ID offline; run `complaint check --fix` to renumber the later one (both tickets are kept)";
    "hint.conflict_markers" => "运行 `complaint init` 注册合并驱动，然后在合并未完成时执行 `git checkout --merge -- {path}`（或重做合并：`git merge --abort` 后再拉取）；见 docs/git.md",
        "run `complaint init` to register the merge driver, then `git checkout --merge -- {path}` while the merge is unfinished (or redo the merge: `git merge --abort` and pull again); see docs/git.md";
    "hint.input_too_large" => "把输入拆成较小的文件，或在 complaint.toml 中调高 [limits] max_file_bytes", "split the input into smaller files, or raise [limits] max_file_bytes in complaint.toml";
    "hint.inconsistent_ticket" => "运行 `complaint check` 查看全部问题；手工修复该文件（`git log -p -- {path}` 可看到它的由来），然后重新运行命令",
        "run `complaint check` to see every problem; repair the file by hand (`git log -p -- {path}` shows how it got there), then run the command again";
    "hint.lock_timeout" => "另一个 complaint 命令正在写入；等它结束后重试，或在 complaint.toml 中调高 [limits] lock_wait", "another complaint command is writing; wait for it and run this again, or raise [limits] lock_wait in complaint.toml";
    "hint.backdate_too_early" => "历史只能追加；一项变更不能早于最后一条记录", "history is append-only; a change may not precede the last event";

    // What the store prints on stderr while it works (src/store/).
    "store.waiting_for_lock" => "正在等待库锁{holder}（{path}）…", "waiting for the store lock{holder} ({path}) …";
    "store.without_cache" => "{problem}；不使用缓存继续运行", "{problem}; running without the cache";

    // What commands print on stderr.
    "cli.changed" => "{id}：{what}", "{id}: {what}";
    "cli.attached" => "{id}：{what} → {path}", "{id}: {what} → {path}";
    "cli.already_attached" => "{id}：{name} 已作为 {as_name} 附加；未复制", "{id}: {name} is already attached as {as_name}; nothing copied";
    "cli.committed" => "已提交 {hash}：{subject}", "committed {hash}: {subject}";
    "cli.ticket_count" => "共 {count} 件", "{count} ticket(s)";
    "cli.overdue_count" => "超时 {overdue} 项", "{overdue} overdue";
    "cli.overdue_and_soon_count" => "超时 {overdue} 项，将到期 {soon} 项", "{overdue} overdue, {soon} due soon";
    "cli.overdue_provisional" => "{years} 年的期限跨越了没有节假日数据的年份：只按星期计算（暂定）；请在 complaint.toml 的 [calendar] 下补充该年的节假日",
        "deadlines due in {years} cross a year without holiday data: computed from weekdays only (暂定, provisional); add that year's holidays under [calendar] in complaint.toml";
    "cli.overdue_no_email" => "没有超时项；不发邮件", "nothing overdue; no email";
    "cli.serve_not_loopback" => "正在监听 {listen}（不是本机回环地址），且没有 --tls-behind-proxy：密码和 Cookie 以明文经过网络", "listening on {listen}, not loopback, without --tls-behind-proxy: passwords and cookies cross the network in the clear";
    "cli.serve_no_users" => "还没有人能登录：用 `complaint user add 姓名 --role agent` 添加", "nobody can sign in yet: add someone with `complaint user add NAME --role agent`";
    "cli.serve_demo_users" => "这些用户是示例库的演示用户（{file}）：密码是公开的，切勿用于真实的库", "the users are the demo users of the sample store ({file}): their password is published; never use them for a real store";
    "cli.serve_listening" => "complaint：正在服务 {root}，地址 http://{bound}", "complaint: serving {root} on http://{bound}";
    "cli.serve_stopped" => "complaint：已停止", "complaint: stopped";
    "cli.user_added" => "已添加 {name}（{role}，记在 complaint.toml 的 [people]）；密钥只显示这一次：", "added {name} ({role}, in complaint.toml [people]); the secret is shown only now:";
    "cli.user_removed" => "已删除 {name} 的密码和令牌；complaint.toml 的 [people] 仍保留这个名字（可能仍被指定为负责人或主管）", "removed the password and token of {name}; [people] in complaint.toml keeps the name, which may still be named as assignee or supervisor";
    "cli.user_reset" => "已重置 {name}；密钥只显示这一次：", "reset {name}; the secret is shown only now:";
    "cli.overdue_sent" => "已发送超时提醒邮件（{count}）给 {to}", "sent the overdue email ({count}) to {to}";
    "cli.checked_ok" => "已检查 {count} 个投诉文件，没有问题", "{count} ticket file(s) checked, no problems";
    "cli.checked_problems" => "已检查 {count} 个投诉文件，发现 {problems} 个问题", "{count} ticket file(s) checked, {problems} problem(s)";
    "cli.check_note" => "注意：{path}：{message}", "note: {path}: {message}";
    "cli.classified_unchanged" => "{id}：分类相同，没有修改", "{id}: already classified so; nothing changed";
    "cli.no_changes" => "{id}：没有修改", "{id}: no changes";
    "cli.exported" => "已导出 {count} 件投诉到 {path}", "exported {count} tickets to {path}";
    "cli.import_dry_run" => "{count} 行有效；--dry-run：未写入任何内容", "{count} row(s) valid; --dry-run: nothing written";
    "cli.imported" => "已从 {source} 导入 {count} 件投诉", "imported {count} complaint(s) from {source}";
    "cli.created_file" => "已创建 {path}", "created {path}";
    "cli.updated_file" => "已更新 {path}", "updated {path}";
    "cli.merge_driver" => "已在 git 配置中注册合并驱动：{setting}", "registered the merge driver in git config: {setting}";
    "cli.already_a_store" => "{path} 已是投诉库；没有修改", "{path} is already a complaint store; nothing changed";
    "cli.kept_files" => "保留了 {count} 个已有文件", "kept {count} existing file(s) unchanged";
    "cli.init_commit_hint" => "提示：请先提交一次库文件：git add complaint.toml .gitignore .gitattributes tickets/.gitkeep && git commit -m \"complaint store\"",
        "hint: commit the store's files once: git add complaint.toml .gitignore .gitattributes tickets/.gitkeep && git commit -m \"complaint store\"";
    "cli.created_ticket" => "已创建 {id}（{path}）", "created {id} ({path})";
    "cli.notice_sent" => "{id}：已通知 {to}", "{id}: notice sent to {to}";
    "cli.report_written" => "已将 {period} 报告写入 {path}", "wrote the {period} report to {path}";
    "cli.man_written" => "已在 {path} 写入 man 手册", "wrote man pages in {path}";
    "cli.in_sync" => "已同步", "in sync";
    "cli.calendar_provisional_deadline" => "该期限跨越了没有节假日数据的年份：只按星期计算（暂定）", "no holiday data for a year this deadline crosses: computed from weekdays only (provisional)";
    "cli.calendar_provisional_year" => "没有 {year} 年的节假日数据：只按星期回答（暂定）", "no holiday data for {year}: answered from weekdays only (provisional)";

    "cli.working_day" => "{date} 是工作日", "{date} is a working day (工作日)";
    "cli.day_off" => "{date} 是休息日", "{date} is not a working day (休息日)";

    // The calendar grid (src/report/calendar.rs).
    "calendar.weekdays" => "一 二 三 四 五 六 日", "Mo Tu We Th Fr Sa Su";
    "calendar.off_mark" => "休", "o";
    "calendar.work_mark" => "班", "w";
    "calendar.marks_legend" => "休 = 节假日休息  班 = 调休上班", "o = off (public holiday)  w = work (make-up working day)";
    "calendar.no_data" => "注意：没有{year}年的节假日数据，只按星期计算（结果为临时值 provisional）", "Note: no holiday data for {year}; computed from weekdays only (provisional)";
    "calendar.holiday_run" => "{span} {name} 休", "{span} {name} off";
    "calendar.makeup_day" => "{date} 星期{weekday} 上班{why} 班", "{date} {weekday} work{why}";
    "calendar.makeup_for" => "（{name}调休）", " (make-up for {name})";
}
