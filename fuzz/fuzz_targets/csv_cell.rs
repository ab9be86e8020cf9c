//! CSV cell escaping (OWASP CSV injection): whatever a cell holds, the
//! neutralised cell never starts with a formula character, keeps the text
//! after its `'`, and survives a round trip through a CSV writer and reader.
#![no_main]

use complaint::report::export::neutralise;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|cell: &str| {
    let safe = neutralise(cell);
    assert!(!safe.starts_with(['=', '+', '-', '@', '\t', '\r']), "{safe:?}");
    assert!(safe == cell || safe.strip_prefix('\'') == Some(cell));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([safe.as_str(), "next"]).unwrap();
    let bytes = writer.into_inner().unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes.as_slice());
    let record = reader.records().next().unwrap().unwrap();
    assert_eq!(&record[0], safe.as_str());
    assert_eq!(&record[1], "next");
});
