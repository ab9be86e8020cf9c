//! Values of `[sla]` read from text: durations and statuses, each error
//! naming its key.

use crate::sla::SlaDuration;
use crate::ticket::Status;

pub(super) fn positive(text: &str, key: &str) -> Result<SlaDuration, String> {
    let d = SlaDuration::parse_for(text, key).map_err(|e| e.to_string())?;
    if d.is_zero() {
        return Err(format!("{key} = {text:?} must be longer than zero"));
    }
    Ok(d)
}

pub(super) fn statuses(names: &[String], key: &str) -> Result<Vec<Status>, String> {
    names
        .iter()
        .map(|n| {
            n.parse::<Status>().map_err(|()| {
                format!(
                    "{key}: {n:?} is not a status; the statuses are new, processing, waiting_customer, resolved, closed"
                )
            })
        })
        .collect()
}
