//! Texts the system writes for people to read — a task's subject, an approval's title, a
//! notification — kept as a template key and parameters, so that each reader sees them in their
//! own language, whenever they read them, rather than in the language of the moment they were
//! written.
//!
//! A parameter is a plain value (a customer's name, a grade, a number) or itself a text
//! (`{"$text": {"key": ..., "params": ...}}`): a notification about a task names the task's
//! subject, which is rendered in the same language as the notification.

use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A text of a template: its key (`activity.follow_up`) and parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub key: String,
    #[serde(default)]
    pub params: Map<String, Value>,
}

/// The marker of a parameter that is itself a text.
const NESTED: &str = "$text";

/// Where templates come from: the template of a key in a language.
pub trait Templates {
    fn template(&self, key: &str, locale: Locale) -> Option<&str>;
}

impl Text {
    pub fn new(key: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            params: Map::new(),
        }
    }

    /// Adds a plain parameter.
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// Adds a parameter that is itself a text.
    pub fn with_text(mut self, name: &str, text: Text) -> Self {
        self.params.insert(name.to_owned(), text.into_param());
        self
    }

    /// The text as a parameter of another text.
    pub fn into_param(self) -> Value {
        let mut wrapper = Map::new();
        wrapper.insert(NESTED.to_owned(), self.to_value());
        Value::Object(wrapper)
    }

    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Reads a stored text (`None` for anything else, so a column may also hold nothing).
    pub fn from_value(value: &Value) -> Option<Text> {
        serde_json::from_value(value.clone()).ok()
    }

    /// The text in a language. A key without a template renders as the key itself, so a
    /// missing template shows up rather than vanishing.
    pub fn render(&self, templates: &dyn Templates, locale: Locale) -> String {
        match templates.template(&self.key, locale) {
            Some(template) => fill(template, &self.params, templates, locale),
            None => self.key.clone(),
        }
    }
}

/// A parameter's value as words: nested texts rendered, strings as they are, numbers as
/// written, nothing for null.
pub fn param_text(value: &Value, templates: &dyn Templates, locale: Locale) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Object(map) => match map.get(NESTED).and_then(Text::from_value) {
            Some(text) => text.render(templates, locale),
            None => value.to_string(),
        },
        other => other.to_string(),
    }
}

/// Fills `{{name}}` placeholders with the parameters.
pub fn fill(
    template: &str,
    params: &Map<String, Value>,
    templates: &dyn Templates,
    locale: Locale,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                if let Some(value) = params.get(after[..end].trim()) {
                    out.push_str(&param_text(value, templates, locale));
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Two;
    impl Templates for Two {
        fn template(&self, key: &str, locale: Locale) -> Option<&str> {
            match (key, locale) {
                ("task", Locale::En) => Some("Follow up {{customer}} ({{grade}})"),
                ("task", Locale::ZhTw) => Some("跟進 {{customer}}（{{grade}}級）"),
                ("task", _) => Some("跟进 {{customer}}（{{grade}}级）"),
                ("reminder", Locale::En) => Some("Reminder: {{subject}}"),
                ("reminder", _) => Some("提醒：{{subject}}"),
                _ => None,
            }
        }
    }

    #[test]
    fn a_text_renders_in_each_language_and_nested_texts_follow() {
        let task = Text::new("task")
            .with("customer", "张伟")
            .with("grade", "H");
        assert_eq!(task.render(&Two, Locale::En), "Follow up 张伟 (H)");
        assert_eq!(task.render(&Two, Locale::ZhTw), "跟進 张伟（H級）");
        let reminder = Text::new("reminder").with_text("subject", task.clone());
        assert_eq!(
            reminder.render(&Two, Locale::En),
            "Reminder: Follow up 张伟 (H)"
        );
        assert_eq!(
            reminder.render(&Two, Locale::ZhCn),
            "提醒：跟进 张伟（H级）"
        );
        // Stored and read back.
        let stored = reminder.to_value();
        assert_eq!(Text::from_value(&stored), Some(reminder));
    }

    #[test]
    fn unknown_keys_show_and_missing_params_are_empty() {
        assert_eq!(Text::new("nope").render(&Two, Locale::En), "nope");
        assert_eq!(Text::new("task").render(&Two, Locale::En), "Follow up  ()");
        assert_eq!(
            param_text(&serde_json::json!(3), &Two, Locale::En),
            "3".to_owned()
        );
    }
}
