//! What the audit log records of a customer: every field, personal data masked.

use forecourt_domain::masking::mask_phone;
use serde_json::Value;

/// Phones as the audit log shows them.
pub fn masked_numbers<'a>(numbers: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(
        numbers
            .into_iter()
            .map(|n| Value::String(mask_phone(n)))
            .collect(),
    )
}
