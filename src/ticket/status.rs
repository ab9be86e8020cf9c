//! The lifecycle of spec §4: which status may follow which.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Processing,
    WaitingCustomer,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::New, Status::Processing, Status::WaitingCustomer, Status::Resolved, Status::Closed];

    pub fn id(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Processing => "processing",
            Status::WaitingCustomer => "waiting_customer",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    /// The default Chinese label; the config may rename it.
    pub fn default_label(self) -> &'static str {
        match self {
            Status::New => "待受理",
            Status::Processing => "处理中",
            Status::WaitingCustomer => "待客户回复",
            Status::Resolved => "已解决",
            Status::Closed => "已关闭",
        }
    }

    /// Words agents use for a status besides its id and label. Seed 004
    /// marks a satisfied ticket "已完成" and closes it, so 已完成 is closed,
    /// as are 完结, 结案 and plain 关闭; 解决/已处理 is resolved.
    pub const ALIASES: [(&'static str, Status); 14] = [
        ("新建", Status::New),
        ("待处理", Status::New),
        ("未受理", Status::New),
        ("受理中", Status::Processing),
        ("处理", Status::Processing),
        ("待回复", Status::WaitingCustomer),
        ("等待客户", Status::WaitingCustomer),
        ("解决", Status::Resolved),
        ("已处理", Status::Resolved),
        ("已完成", Status::Closed),
        ("完成", Status::Closed),
        ("完结", Status::Closed),
        ("结案", Status::Closed),
        ("关闭", Status::Closed),
    ];

    /// Statuses reachable in one move from `self`.
    pub fn allowed_targets(self) -> &'static [Status] {
        use Status::*;
        match self {
            New => &[Processing, WaitingCustomer, Resolved, Closed],
            Processing => &[WaitingCustomer, Resolved, Closed],
            WaitingCustomer => &[Processing, Resolved, Closed],
            Resolved => &[Closed, Processing],
            Closed => &[Processing],
        }
    }

    pub fn can_move_to(self, to: Status) -> bool {
        self.allowed_targets().contains(&to)
    }

    /// Open means someone still has work to do on it.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Closed)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Status {
    type Err = ();

    fn from_str(s: &str) -> Result<Status, ()> {
        Status::ALL.into_iter().find(|st| st.id() == s).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_match_spec() {
        use Status::*;
        let allowed: Vec<(Status, Status)> = Status::ALL
            .iter()
            .flat_map(|&a| Status::ALL.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| a.can_move_to(b))
            .collect();
        assert_eq!(
            allowed,
            vec![
                (New, Processing),
                (New, WaitingCustomer),
                (New, Resolved),
                (New, Closed),
                (Processing, WaitingCustomer),
                (Processing, Resolved),
                (Processing, Closed),
                (WaitingCustomer, Processing),
                (WaitingCustomer, Resolved),
                (WaitingCustomer, Closed),
                (Resolved, Processing),
                (Resolved, Closed),
                (Closed, Processing),
            ]
        );
    }
}
