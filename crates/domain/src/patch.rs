//! PATCH semantics for nullable fields: absent means "leave as is", `null` means "clear".

use serde::{Deserialize, Deserializer};

/// Deserializes a field that may be absent (`None`), `null` (`Some(None)`) or a value
/// (`Some(Some(v))`). Use with `#[serde(default, deserialize_with = "...")]`.
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Reads `null` as the type's default (an empty list), for fields where a client may send
/// either.
pub fn null_as_default<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Default + Deserialize<'de>,
    D: Deserializer<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Patch {
        #[serde(default, deserialize_with = "double_option")]
        team: Option<Option<String>>,
    }

    #[test]
    fn absent_null_and_value_differ() {
        let absent: Patch = serde_json::from_str("{}").unwrap();
        let null: Patch = serde_json::from_str(r#"{"team": null}"#).unwrap();
        let value: Patch = serde_json::from_str(r#"{"team": "A"}"#).unwrap();
        assert_eq!(absent.team, None);
        assert_eq!(null.team, Some(None));
        assert_eq!(value.team, Some(Some("A".into())));
    }
}
