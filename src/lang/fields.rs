//! The field dictionary: each field of a ticket by its id, with its label
//! in Chinese and English, the heading of its column in the record table
//! of seed 000 (`export`) where that uses other words, and the CSV column
//! names `import` recognises for it. `show`, `export`, `import` and
//! [`super::Lang::term`] all take their field words from here.

/// One field of a ticket. `id` is its key in the file, except for the
/// customer's (`customer` is the name, `contact`, `customer_id`), which use
/// the ids of `export --columns` and `import --map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLabel {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The column heading of the record table (投诉处理流程记录表) when it
    /// differs from the label, e.g. 客户诉求 for 期望诉求.
    pub export: Option<(&'static str, &'static str)>,
    /// CSV headers `import` maps to the field (compared after trimming,
    /// lower-casing and dropping spaces, `_` and `-`); empty when the
    /// field is not imported.
    pub aliases: &'static [&'static str],
}

impl FieldLabel {
    /// The heading of the field's column in `export`, Chinese and English.
    pub const fn export_heading(&self) -> (&'static str, &'static str) {
        match self.export {
            Some(heading) => heading,
            None => (self.zh, self.en),
        }
    }
}

const fn field(id: &'static str, zh: &'static str, en: &'static str) -> FieldLabel {
    FieldLabel { id, zh, en, export: None, aliases: &[] }
}

const fn exported_as(label: FieldLabel, zh: &'static str, en: &'static str) -> FieldLabel {
    FieldLabel { export: Some((zh, en)), ..label }
}

const fn imported_from(label: FieldLabel, aliases: &'static [&'static str]) -> FieldLabel {
    FieldLabel { aliases, ..label }
}

/// Every field of a ticket, in file order.
pub const FIELDS: &[FieldLabel] = &[
    field("schema", "格式版本", "Schema"),
    field("id", "投诉编号", "ID"),
    field("uid", "唯一标识", "UID"),
    field("renamed_from", "原编号", "Renamed from"),
    imported_from(
        exported_as(field("received_at", "受理时间", "Received"), "投诉时间", "Received"),
        &["时间", "投诉时间", "受理时间", "接收时间", "来电时间", "日期", "received", "date", "time"],
    ),
    imported_from(field("channel", "投诉渠道", "Channel"), &["渠道", "投诉渠道", "来源", "投诉来源"]),
    imported_from(
        exported_as(field("customer", "客户", "Customer"), "客户姓名", "Customer"),
        &["客户", "客户姓名", "客户名称", "姓名", "投诉人", "name", "customername"],
    ),
    imported_from(
        field("contact", "联系方式", "Contact"),
        &["电话", "联系方式", "联系电话", "手机", "手机号", "邮箱", "phone", "mobile"],
    ),
    imported_from(field("customer_id", "客户ID", "Customer ID"), &["客户id", "客户编号", "会员号", "customerid"]),
    imported_from(
        field("preferred_contact", "偏好联系方式", "Preferred contact"),
        &["偏好联系方式", "偏好沟通方式", "联系偏好", "preferredcontact", "contactpreference"],
    ),
    imported_from(
        exported_as(field("product", "涉及产品", "Product"), "产品", "Product"),
        &["产品", "涉及产品", "产品名称", "商品"],
    ),
    field("purchase", "购买信息", "Purchase"),
    imported_from(
        field("purchase_proof", "购买凭证", "Purchase proof"),
        &["购买凭证", "购买凭证编号", "凭证编号", "订单号", "发票号", "purchaseproof", "proof", "orderno"],
    ),
    imported_from(field("purchase_model", "型号", "Model"), &["型号", "产品型号", "规格型号", "model"]),
    imported_from(field("purchase_batch", "批次", "Batch"), &["批次", "批号", "生产批次", "batch", "lot"]),
    imported_from(
        field("purchase_date", "购买日期", "Purchase date"),
        &["购买日期", "购买时间", "购买日", "purchasedate", "purchasedon"],
    ),
    imported_from(
        exported_as(field("summary", "投诉摘要", "Summary"), "投诉内容摘要", "Summary"),
        &["摘要", "投诉摘要", "内容摘要", "投诉内容", "主题", "subject"],
    ),
    imported_from(
        exported_as(field("description", "问题描述", "Description"), "详细描述", "Description"),
        &["描述", "问题描述", "详细描述", "详情", "details"],
    ),
    imported_from(
        exported_as(field("expectation", "期望诉求", "Expectation"), "客户诉求", "Expectation"),
        &["诉求", "期望", "期望诉求", "客户诉求", "expect", "expected"],
    ),
    imported_from(field("category", "投诉类型", "Category"), &["类别", "分类", "投诉类别", "投诉类型", "类型"]),
    imported_from(field("severity", "严重程度", "Severity"), &["级别", "严重程度", "等级", "紧急程度", "priority"]),
    field("department", "责任部门", "Department"),
    exported_as(field("departments_involved", "协同部门", "Also involved"), "协办部门", "Departments involved"),
    exported_as(field("assignee", "负责人", "Assignee"), "责任人", "Assignee"),
    field("involved_staff", "涉事员工", "Staff involved"),
    exported_as(field("promised_at", "承诺时限", "Promised by"), "承诺时间", "Promised at"),
    field("escalated", "已升级", "Escalated"),
    field("escalated_to", "升级至", "Escalated to"),
    exported_as(field("cause", "根本原因", "Cause"), "根本原因", "Root cause"),
    exported_as(field("status", "状态", "Status"), "执行进度", "Status"),
    field("plan", "处理方案", "Plan"),
    field("satisfaction", "客户满意度", "Satisfaction"),
    field("history", "处理记录", "History"),
];

/// The field `id` names. Callers name fields in code: an id not in
/// [`FIELDS`] panics, and in a `const` (export's columns) fails the build.
pub const fn label(id: &str) -> FieldLabel {
    let mut i = 0;
    while i < FIELDS.len() {
        if same(FIELDS[i].id, id) {
            return FIELDS[i];
        }
        i += 1;
    }
    panic!("a field id that is not in the field dictionary (src/lang/fields.rs)")
}

/// `a == b`, in a `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
