//! Duration syntax (`2wd`, `8bh` …): what parses prints back the same.
#![no_main]

use complaint::sla::SlaDuration;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(d) = text.parse::<SlaDuration>() {
        assert_eq!(d.to_string().parse::<SlaDuration>().unwrap(), d);
    }
});
