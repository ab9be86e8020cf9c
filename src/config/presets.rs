//! Stage sets `complaint init --preset NAME` adds to the new complaint.toml
//! (spec §5.1). Each is TOML appended to the template: only
//! `[sla.stages.ID]` tables, so the template's own keys stay as they are.

/// Every preset: its name and the text appended.
pub const PRESETS: &[(&str, &str)] = &[("after-sales", include_str!("presets/after-sales.toml"))];

/// The text of preset `name`, if there is one.
pub fn preset(name: &str) -> Option<&'static str> {
    PRESETS.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// The names of every preset, for an error message.
pub fn preset_names() -> Vec<&'static str> {
    PRESETS.iter().map(|(n, _)| *n).collect()
}
