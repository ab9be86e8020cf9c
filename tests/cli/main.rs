//! Integration tests: one binary (fast linking), each module one area. Every
//! test drives the real `complaint` binary on a store in a temp directory with
//! the clock fixed by COMPLAINT_NOW.

mod support;

#[path = "../support/smtp_server.rs"]
mod smtp_server;

mod test_attach;
mod test_bad_input;
mod test_cache;
mod test_calendar;
mod test_charging;
mod test_check;
mod test_clock_view;
mod test_concurrency;
mod test_crash;
mod test_crash_multifile;
mod test_edit_import;
mod test_end_of_day;
mod test_everyday;
mod test_execution_tasks;
mod test_export;
mod test_git;
mod test_git_integrity;
mod test_hostile;
mod test_init;
mod test_integrity;
mod test_lang;
mod test_lifecycle;
mod test_list_show;
mod test_new;
mod test_notify;
mod test_overdue;
mod test_plan_clocks;
mod test_preset;
mod test_purchase_fields;
mod test_report;
mod test_report_points;
mod test_sample_after_sales;
mod test_sample_store;
mod test_search;
mod test_stage_clocks;
mod test_stage_events;
mod test_status_words;
mod test_survey_scales;
mod test_terminal_fit;
mod test_time_input;
mod test_xlsx;
