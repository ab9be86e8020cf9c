//! The derived fields: what a ticket's current fields must be, given its
//! history alone. `check` compares them with the file, the merge driver and
//! `record` write them.
//!
//! The list of derived fields is written once, in [`derived_fields!`]'s
//! invocation below: it declares [`Derived`] and generates the comparison
//! (`differing_fields`, so `check` flags every one) and the copies between
//! a [`Ticket`] and its `Derived` view. Only [`Derived::apply`], which says
//! how an event changes each field, is written by hand; the test
//! `history_sets_every_derived_field` fails when it leaves a field alone.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::{Action, Event, Satisfaction, Status, Ticket};

/// How a ticket field holds a derived value. Mostly the same type; a field
/// every ticket has (`severity`, `status`) is an `Option` in [`Derived`],
/// because a history may not set it, and is then left as it is.
trait CurrentValue<D> {
    fn current(&self) -> D;
    fn store(&mut self, derived: D);
}

impl<T: Clone> CurrentValue<T> for T {
    fn current(&self) -> T {
        self.clone()
    }
    fn store(&mut self, derived: T) {
        *self = derived;
    }
}

impl<T: Clone> CurrentValue<Option<T>> for T {
    fn current(&self) -> Option<T> {
        Some(self.clone())
    }
    fn store(&mut self, derived: Option<T>) {
        if let Some(value) = derived {
            *self = value;
        }
    }
}

/// Declares [`Derived`] with the listed fields (in file order, which is the
/// order `check` names them in) and everything that only needs their names.
/// Each field must have a field of the same name in [`Ticket`].
macro_rules! derived_fields {
    ($($(#[$doc:meta])* $field:ident: $type:ty,)*) => {
        /// What a ticket's current fields must be, derived from history alone.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Derived {
            $($(#[$doc])* pub $field: $type,)*
        }

        impl Derived {
            /// The names of the derived fields, in file order.
            pub const FIELDS: &[&str] = &[$(stringify!($field)),*];

            /// Names of the fields whose values differ between `self` and `other`.
            pub fn differing_fields(&self, other: &Derived) -> Vec<&'static str> {
                let mut differing = Vec::new();
                $(if self.$field != other.$field {
                    differing.push(stringify!($field));
                })*
                differing
            }
        }

        impl Ticket {
            /// The current fields as the file states them.
            pub fn derived(&self) -> Derived {
                Derived { $($field: CurrentValue::current(&self.$field),)* }
            }

            /// Writes `derived` into the current fields (a `None` severity or
            /// status leaves the file's value).
            pub fn set_derived(&mut self, derived: Derived) {
                $(CurrentValue::store(&mut self.$field, derived.$field);)*
            }
        }
    };
}

derived_fields! {
    category: Option<String>,
    severity: Option<String>,
    department: Option<String>,
    departments_involved: Vec<String>,
    assignee: Option<String>,
    involved_staff: Vec<String>,
    promised_at: Option<DateTime<FixedOffset>>,
    escalated: bool,
    escalated_to: Option<String>,
    cause: Option<String>,
    status: Option<Status>,
    plan: Option<String>,
    satisfaction: Option<Satisfaction>,
}

impl Derived {
    /// Folds one event into the current fields.
    pub fn apply(&mut self, event: &Event) {
        if event.action == Action::Created {
            self.status = Some(Status::New);
        }
        if let Some(category) = &event.category {
            self.category = Some(category.clone());
        }
        if let Some(severity) = &event.severity {
            self.severity = Some(severity.clone());
        }
        if let Some(department) = &event.department {
            self.department = Some(department.clone());
        }
        if let Some(assignee) = &event.assignee {
            self.assignee = Some(assignee.clone());
        }
        for also in &event.also {
            push_unique(&mut self.departments_involved, also);
        }
        for staff in &event.staff {
            push_unique(&mut self.involved_staff, staff);
        }
        if let Some(plan) = &event.plan {
            self.plan = Some(plan.clone());
        }
        if let Some(cause) = &event.cause {
            self.cause = Some(cause.clone());
        }
        if event.promised_at.is_some() {
            self.promised_at = event.promised_at;
        }
        if let Some(to) = &event.escalated_to {
            self.escalated = true;
            self.escalated_to = Some(to.clone());
        }
        if event.action == Action::Followup
            && !event.no_answer
            && let (Some(score), Some(scale)) = (event.score, event.scale)
        {
            let satisfied = event.satisfied.unwrap_or(false);
            // Seed 001 8.6 / seed 002: the customer's veto escalates.
            if !satisfied {
                self.escalated = true;
            }
            self.satisfaction = Some(Satisfaction {
                score,
                scale,
                satisfied,
                comment: event.comment.clone(),
                dimensions: event.dimensions.clone(),
                at: event.at,
                extra: BTreeMap::new(),
            });
        }
        if let Some(to) = event.to {
            self.status = Some(to);
        }
    }

    pub fn from_history(history: &[Event]) -> Derived {
        let mut derived = Derived::default();
        for event in history {
            derived.apply(event);
        }
        derived
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}
