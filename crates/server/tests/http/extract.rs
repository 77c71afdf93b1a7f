//! The extractors' parsing on their own: a JSON body's errors name the field, a query whose
//! bytes are not UTF-8 names the parameter.

use forecourt_domain::{ErrorCode, FieldError};
use forecourt_http::extract::{badly_encoded, parse_json as parse};

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Input {
    name: String,
    phones: Vec<Phone>,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Phone {
    number: String,
}

fn parse_errors(body: &str) -> (ErrorCode, Vec<FieldError>) {
    let err = parse::<Input>(body.as_bytes()).unwrap_err();
    (err.problem().code, err.problem().errors.clone())
}

#[test]
fn missing_and_mistyped_fields_are_named() {
    let (code, errors) = parse_errors(r#"{"phones": []}"#);
    assert_eq!(code, ErrorCode::ValidationFailed);
    assert_eq!(errors[0].field, "name");
    assert_eq!(errors[0].code, "required");

    let (_, errors) =
        parse_errors(r#"{"name": "张伟", "phones": [{"number": "1"}, {"number": 2}]}"#);
    assert_eq!(errors[0].field, "phones[1].number");
    assert_eq!(errors[0].code, "invalid_type");
}

#[test]
fn broken_json_is_malformed() {
    assert_eq!(parse_errors(r#"{"name": "#).0, ErrorCode::MalformedRequest);
}

#[test]
fn invalid_utf8_in_a_query_is_named() {
    assert_eq!(badly_encoded("q=%E5%BC%A0&limit=5"), None);
    assert_eq!(badly_encoded("q=%FF%FE"), Some("q".to_owned()));
    assert_eq!(badly_encoded("limit=5&q=%C3"), Some("q".to_owned()));
    assert_eq!(badly_encoded("q=100%"), None);
    assert_eq!(badly_encoded(""), None);
}
