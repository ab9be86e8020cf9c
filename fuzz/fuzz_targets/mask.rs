//! Masking of names and contacts: never a panic, and never more than the
//! allowed characters shown (first character of a name; for a phone number
//! the country code, three leading and four trailing digits).
#![no_main]

use complaint::report::mask::{mask_contact, mask_name};
use libfuzzer_sys::fuzz_target;

fn revealed(text: &str) -> usize {
    text.chars().filter(|c| *c != '*').count()
}

fuzz_target!(|text: &str| {
    let name = mask_name(text);
    assert!(name.chars().skip(1).all(|c| c == '*'), "{text:?} -> {name:?}");
    let contact = mask_contact(text);
    assert!(contact.contains('*'), "{text:?} -> {contact:?}");
    match text.trim().split_once('@') {
        Some((_, domain)) => {
            let (local, _) = contact.split_once('@').unwrap();
            assert!(revealed(local) <= 1, "{text:?} -> {contact:?}");
            assert!(contact.ends_with(domain));
        }
        None => assert!(revealed(&contact) <= 11, "{text:?} -> {contact:?}"),
    }
});
