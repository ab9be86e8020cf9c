//! Business calendar, durations and SLA deadlines (spec §5). Pure.
