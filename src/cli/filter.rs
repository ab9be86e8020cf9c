//! Ticket filters shared by the scanning commands (`list`, `overdue`,
//! `export`, `report`). Raw flags are resolved once into a
//! [`Filter`]; the rest of the program never looks at them.

use clap::Args;

use crate::config::Config;
use crate::error::Result;
pub use crate::report::filter::{Filter, FilterInput};

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only these statuses (comma-separated or repeated; ids or labels)
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub status: Vec<String>,
    /// Only these categories (`none` or 未分类: not yet classified)
    #[arg(long, value_delimiter = ',', value_name = "CATEGORY")]
    pub category: Vec<String>,
    /// Only these severities
    #[arg(long, value_delimiter = ',', value_name = "SEVERITY")]
    pub severity: Vec<String>,
    /// Only these channels
    #[arg(long, value_delimiter = ',', value_name = "CHANNEL")]
    pub channel: Vec<String>,
    /// Only tickets handled by this person
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,
    /// Only tickets of this department (responsible or involved)
    #[arg(long, value_name = "DEPT")]
    pub department: Option<String>,
    /// The complaint history of one customer: customer ID, contact or name
    /// beginning with this (`张` finds 张三, `C-100` finds C-10023)
    #[arg(long, value_name = "CUSTOMER")]
    pub customer: Option<String>,
    /// Only complaints about this product (exact name, case-insensitive for
    /// Latin letters), e.g. the drill-down of a frequent complaint point
    #[arg(long, value_name = "PRODUCT")]
    pub product: Option<String>,
    /// Only tickets whose summary, description, notes, plan, customer or
    /// product contain this text (any case for Latin letters); repeated:
    /// all must be found
    #[arg(long, value_name = "TEXT")]
    pub search: Vec<String>,
    /// Only escalated tickets
    #[arg(long)]
    pub escalated: bool,
    /// Only open tickets (not closed)
    #[arg(long)]
    pub open: bool,
    /// Received at or after this time (a date means its start)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Received before this time (a date means its end)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
}

impl FilterArgs {
    /// The flags as the core's filter input.
    pub fn input(&self) -> FilterInput {
        FilterInput {
            status: self.status.clone(),
            category: self.category.clone(),
            severity: self.severity.clone(),
            channel: self.channel.clone(),
            assignee: self.assignee.clone(),
            department: self.department.clone(),
            customer: self.customer.clone(),
            product: self.product.clone(),
            search: self.search.clone(),
            escalated: self.escalated,
            open: self.open,
            since: self.since.clone(),
            until: self.until.clone(),
        }
    }
}

impl Filter {
    pub fn from_args(args: &FilterArgs, config: &Config) -> Result<Filter> {
        Filter::from_input(&args.input(), config)
    }
}
