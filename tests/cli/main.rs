//! Integration tests: one binary (fast linking), each module one area. Every
//! test drives the real `complaint` binary on a store in a temp directory with
//! the clock fixed by COMPLAINT_NOW.

mod support;

mod test_bad_input;
mod test_check;
mod test_concurrency;
mod test_export;
mod test_init;
mod test_lifecycle;
mod test_list_show;
mod test_new;
mod test_report;
