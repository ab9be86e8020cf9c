//! Which configured stage a target belongs to (spec §5.1), small enough to
//! keep `TargetKind` `Copy`.

/// Which configured stage: its place in the configured order (so tables
/// list stages as configured), its id and its label. The id and label live
/// as long as the process (config is read once), which keeps
/// `TargetKind` `Copy` and its `id`/`label` free of the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StageRef {
    pub index: u16,
    pub id: &'static str,
    pub label: &'static str,
}

impl StageRef {
    /// A stage reference made from config text; the text is kept for the
    /// rest of the process.
    pub fn new(index: usize, id: &str, label: &str) -> StageRef {
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        StageRef { index, id: Box::leak(id.into()), label: Box::leak(label.into()) }
    }
}
