//! Checking a reception form: every field, all problems at once.

use super::Form;
use crate::catalog_names::{CatalogNames, car_json, with_cars};
use crate::receptions::{NewReception, VisitCompanion};
use chrono::{DateTime, Duration, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{LONG_NAME_MAX, NOTE_MAX};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::CoreResult;
use serde_json::Value;

pub(super) async fn check_form<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    catalog: &CatalogNames,
    input: &NewReception,
    now: DateTime<Utc>,
) -> CoreResult<Form> {
    let mut errors = FieldErrors::new();
    let consultant = match input.consultant_id {
        Some(id) => id,
        None if actor.kind() != ActorKind::System => actor.user_id(),
        None => {
            errors.push(FieldError::required("consultant_id"));
            actor.user_id()
        }
    };
    crate::leads::check_new_owner(tx, actor, &mut errors, "consultant_id", consultant).await?;
    let arrived_at = input.arrived_at.unwrap_or(now);
    if arrived_at > now + Duration::minutes(5) {
        errors.push(FieldError::new(
            "arrived_at",
            "in_future",
            "must not be in the future",
        ));
    }
    if input.left_at.is_some_and(|left| left <= arrived_at) {
        errors.push(FieldError::new(
            "left_at",
            "before_arrival",
            "must be after the arrival",
        ));
    }
    if !(1..=20).contains(&input.party_size) {
        errors.push(
            FieldError::new("party_size", "out_of_range", "must be from 1 to 20")
                .with_param("min", 1)
                .with_param("max", 20),
        );
    }
    if input.companions.len() > 10 {
        errors.push(
            FieldError::new("companions", "too_many", "at most 10 companions")
                .with_param("max", 10),
        );
    }
    let mut companions = Vec::new();
    for (i, c) in input.companions.iter().enumerate() {
        let name = errors
            .check(parse_optional_text(
                &format!("companions.{i}.name"),
                c.name.as_deref(),
                50,
            ))
            .flatten();
        companions.push(VisitCompanion {
            relation: c.relation,
            name,
        });
    }
    if input.models.len() > 5 {
        errors.push(FieldError::new("models", "too_many", "at most 5 cars").with_param("max", 5));
    }
    let mut models = Vec::new();
    for (i, m) in input.models.iter().enumerate() {
        let (series, model) =
            catalog.check(&mut errors, &format!("models.{i}"), m.series_id, m.model_id);
        let text = errors
            .check(parse_optional_text(
                &format!("models.{i}.text"),
                m.text.as_deref(),
                LONG_NAME_MAX,
            ))
            .flatten();
        if series.is_none() && model.is_none() && text.is_none() {
            errors.push(FieldError::new(
                format!("models.{i}"),
                "required",
                "name a car from the catalog or in words",
            ));
        }
        models.push(car_json(series, model, text.as_deref()));
    }
    let grade = crate::leads::starting_grade("grade", Some(input.grade), &mut errors);
    let notes = errors
        .check(parse_optional_text(
            "notes",
            input.notes.as_deref(),
            NOTE_MAX,
        ))
        .flatten();
    let mut fields = input.lead.clone();
    if fields.source.is_none() {
        fields.source = Some("walk_in".to_owned());
    }
    if fields.series_id.is_none()
        && fields.model_id.is_none()
        && let Some(first) = input.models.first()
    {
        fields.series_id = first.series_id;
        fields.model_id = first.model_id;
        if first.series_id.is_none() && first.model_id.is_none() {
            fields.model_text = fields.model_text.or_else(|| first.text.clone());
        }
    }
    let mut lead_errors = FieldErrors::new();
    let mut draft =
        crate::leads::parse_fields(tx, actor, &mut lead_errors, catalog, &fields).await?;
    for e in lead_errors.into_vec() {
        errors.push(e.nested("lead"));
    }
    errors.finish()?;
    draft.models_considered = with_cars(&Value::Array(draft.models_considered), &models)
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(Form {
        consultant,
        arrived_at,
        companions,
        models,
        grade,
        notes,
        draft,
    })
}
