//! `complaint serve`: the real binary on a random loopback port against a
//! temp store, driven over HTTP.

#[path = "../cli/support.rs"]
mod support;

mod harness;
mod test_api;
mod test_auth;
mod test_boards;
mod test_fuzz;
mod test_pages;
mod test_robustness;
mod test_roles;
