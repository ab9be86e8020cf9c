//! Dates and times typed by users: never a panic (overflow, DST gaps).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let zone = chrono_tz::Asia::Shanghai;
    if let Ok(t) = complaint::time::parse_time(text, zone, "fuzz") {
        let shown = complaint::time::format_instant(&t);
        assert_eq!(complaint::time::parse_time(&shown, zone, "fuzz").unwrap(), t, "{shown}");
    }
    let _ = complaint::time::parse_date(text, "fuzz");
    let _ = complaint::time::parse_time(text, chrono_tz::America::New_York, "fuzz");
});
