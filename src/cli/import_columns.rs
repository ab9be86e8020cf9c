//! The columns of an `import` file: which field each holds (recognised by
//! the field dictionary's aliases, or `--map COLUMN=FIELD`), which are left
//! out (`--ignore COLUMN`), and one row as the input of `new`. A column
//! that is none of these is refused: silently dropping 购买凭证 lost
//! evidence (issue 15).

use crate::error::{Error, Result};
use crate::ops::{CustomerInput, NewInput, PurchaseInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Customer,
    Contact,
    CustomerId,
    PreferredContact,
    Channel,
    Product,
    PurchaseProof,
    PurchaseModel,
    PurchaseBatch,
    PurchaseDate,
    Summary,
    Description,
    Expectation,
    Category,
    Severity,
    ReceivedAt,
}

/// Field names and the column headers recognised for each (compared after
/// trimming, lower-casing and dropping spaces, `_` and `-`): the aliases of
/// the field dictionary (`lang::FIELDS`).
const FIELDS: [(Field, &str, &[&str]); 16] = [
    imported(Field::Customer, "customer"),
    imported(Field::Contact, "contact"),
    imported(Field::CustomerId, "customer_id"),
    imported(Field::PreferredContact, "preferred_contact"),
    imported(Field::Channel, "channel"),
    imported(Field::Product, "product"),
    imported(Field::PurchaseProof, "purchase_proof"),
    imported(Field::PurchaseModel, "purchase_model"),
    imported(Field::PurchaseBatch, "purchase_batch"),
    imported(Field::PurchaseDate, "purchase_date"),
    imported(Field::Summary, "summary"),
    imported(Field::Description, "description"),
    imported(Field::Expectation, "expectation"),
    imported(Field::Category, "category"),
    imported(Field::Severity, "severity"),
    imported(Field::ReceivedAt, "received_at"),
];

const fn imported(field: Field, id: &'static str) -> (Field, &'static str, &'static [&'static str]) {
    (field, id, crate::lang::field(id).aliases)
}

const REQUIRED: [Field; 4] = [Field::Customer, Field::Contact, Field::Channel, Field::Summary];

fn normalise(header: &str) -> String {
    header.trim().chars().filter(|c| !matches!(c, ' ' | '_' | '-')).flat_map(char::to_lowercase).collect()
}

fn field_named(name: &str) -> Option<Field> {
    let wanted = normalise(name);
    FIELDS.iter().find(|(_, id, _)| normalise(id) == wanted).map(|(field, _, _)| *field)
}

fn field_name(field: Field) -> &'static str {
    FIELDS.iter().find(|(f, _, _)| *f == field).map_or("?", |(_, id, _)| id)
}

/// The field of each column: `--map` first, then the recognised names.
pub fn map_columns(headers: &csv::StringRecord, map: &[String], ignore: &[String]) -> Result<Vec<Option<Field>>> {
    let mut explicit = Vec::new();
    for item in map.iter().filter(|m| !m.trim().is_empty()) {
        let (column, field) = item.split_once('=').ok_or_else(|| {
            Error::invalid(
                format!("--map {item:?} is not COLUMN=FIELD"),
                Some("e.g. --map 来电人=customer,号码=contact"),
            )
        })?;
        let field = field_named(field).ok_or_else(|| Error::UnknownValue {
            kind: "field",
            value: field.trim().to_string(),
            valid: FIELDS.iter().map(|(_, id, _)| *id).collect::<Vec<_>>().join(", "),
            suggestion: crate::config::closest(field.trim(), FIELDS.iter().map(|(_, id, _)| *id)).map(str::to_string),
        })?;
        if !headers.iter().any(|h| normalise(h) == normalise(column)) {
            return Err(Error::invalid(
                format!("--map names column {:?}, which the file does not have", column.trim()),
                Some(&format!("the columns are: {}", headers.iter().collect::<Vec<_>>().join(", "))),
            ));
        }
        explicit.push((normalise(column), field));
    }
    for column in ignore {
        if !headers.iter().any(|h| normalise(h) == normalise(column)) {
            return Err(Error::invalid(
                format!("--ignore names column {:?}, which the file does not have", column.trim()),
                Some(&format!("the columns are: {}", headers.iter().collect::<Vec<_>>().join(", "))),
            ));
        }
    }
    let ignored = |header: &str| ignore.iter().any(|c| normalise(c) == normalise(header));
    let columns: Vec<Option<Field>> = headers
        .iter()
        .map(|header| {
            let key = normalise(header);
            explicit.iter().find(|(column, _)| *column == key).map(|(_, field)| *field).or_else(|| {
                FIELDS
                    .iter()
                    .find(|(_, id, aliases)| normalise(id) == key || aliases.iter().any(|a| normalise(a) == key))
                    .map(|(field, _, _)| *field)
            })
        })
        .collect();
    for field in FIELDS.iter().map(|(f, _, _)| *f) {
        if columns.iter().filter(|c| **c == Some(field)).count() > 1 {
            return Err(Error::invalid(
                format!("several columns map to {}", field_name(field)),
                Some("say which one with --map COLUMN=FIELD"),
            ));
        }
    }
    let missing: Vec<&str> =
        REQUIRED.iter().filter(|f| !columns.contains(&Some(**f))).map(|f| field_name(*f)).collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            format!("no column for {}", missing.join(", ")),
            Some(&format!(
                "the columns are: {}; map them with --map COLUMN=FIELD",
                headers.iter().collect::<Vec<_>>().join(", ")
            )),
        ));
    }
    // A column with no heading at all (Excel's trailing empty column) holds
    // nothing to lose.
    let unknown: Vec<&str> = headers
        .iter()
        .zip(&columns)
        .filter(|(header, field)| field.is_none() && !ignored(header) && !header.trim().is_empty())
        .map(|(header, _)| header)
        .collect();
    if !unknown.is_empty() {
        return Err(unknown_columns(&unknown));
    }
    Ok(columns)
}

/// The error for columns that are neither recognised, mapped nor ignored:
/// it names them and the fields they could be mapped to.
fn unknown_columns(unknown: &[&str]) -> Error {
    let names: Vec<String> = unknown.iter().map(|c| format!("{:?}", c.trim())).collect();
    let fields: Vec<&str> = FIELDS.iter().map(|(_, id, _)| *id).collect();
    Error::invalid(
        format!("unknown column(s) {}: import keeps every column or is told to leave it out", names.join(", ")),
        Some(&format!(
            "map each with --map COLUMN=FIELD (fields: {}) or leave it out with --ignore COLUMN, e.g. --map {}={} or --ignore {}",
            fields.join(", "),
            unknown[0].trim(),
            fields[0],
            unknown[0].trim()
        )),
    )
}

/// One CSV record as the input of `new`. Blank optional cells are absent;
/// blank required ones stay blank and are refused by validation.
pub fn row_input(record: &csv::StringRecord, columns: &[Option<Field>]) -> NewInput {
    let mut input = NewInput::default();
    let mut customer = CustomerInput::default();
    let mut purchase = PurchaseInput::default();
    for (cell, field) in record.iter().zip(columns) {
        let Some(field) = field else { continue };
        let value = Some(cell.to_string()).filter(|v| !v.trim().is_empty() || REQUIRED.contains(field));
        match field {
            Field::Customer => customer.name = value,
            Field::Contact => customer.contact = value,
            Field::CustomerId => customer.id = value,
            Field::PreferredContact => input.preferred_contact = value,
            Field::Channel => input.channel = value,
            Field::Product => input.product = value,
            Field::PurchaseProof => purchase.proof = value,
            Field::PurchaseModel => purchase.model = value,
            Field::PurchaseBatch => purchase.batch = value,
            Field::PurchaseDate => purchase.date = value,
            Field::Summary => input.summary = value,
            Field::Description => input.description = value,
            Field::Expectation => input.expectation = value,
            Field::Category => input.category = value,
            Field::Severity => input.severity = value,
            // Excel writes 2026/11/23 9:15.
            Field::ReceivedAt => input.received_at = value.map(|v| v.trim().replace('/', "-")),
        }
    }
    // Call-centre exports often have one free-text column (投诉内容): a
    // multi-line one gives the summary its first line and, when there is
    // no description column, the description its whole text.
    if let Some(summary) = input.summary.take() {
        let summary = summary.replace("\r\n", "\n");
        let first = summary.trim().lines().next().unwrap_or("").to_string();
        if first != summary.trim() && input.description.is_none() {
            input.description = Some(summary.clone());
        }
        input.summary = Some(if summary.trim().contains('\n') { first } else { summary });
    }
    input.customer = Some(customer);
    input.purchase = Some(purchase);
    input
}
