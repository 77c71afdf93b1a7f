//! Working a renewal: logging a call (which closes the agent's call task, and for a customer
//! who asks to be called back or is interested plans the next call on the day given) and
//! adding insurers' quotes. Needs `renewal:work` reaching the renewal's agent.

use super::access::{renewal_for, require_open};
use super::open::{end_of_day, push_call_task};
use super::views::{RenewalDetail, detail};
use super::{CallOutcome, INSURER_MAX, NOTES_MAX, PREMIUM_MAX_FEN};
use crate::AfterSales;
use chrono::{DateTime, NaiveDate, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{renewal, renewal_event};
use forecourt_db::repo::tenant;
use forecourt_domain::dates::check_year;
use forecourt_domain::ids::{ActivityId, RenewalId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A call made to the customer.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCall {
    /// How it went: `no_answer`, `call_back`, `interested`, `quoted`, `declined`.
    pub outcome: CallOutcome,
    /// What was said; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ NOTES_MAX }>)]
    pub notes: Option<String>,
    /// The day of the next call: required for `call_back` and `interested` (today or later,
    /// the dealer's calendar), not given otherwise.
    pub next_call_on: Option<NaiveDate>,
}

/// An insurer's quote for the renewal.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInsurerQuote {
    /// The insurer, 1–100 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ INSURER_MAX }>)]
    pub insurer: String,
    /// The premium quoted, in fen (0–100,000,000).
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { PREMIUM_MAX_FEN }>)]
    pub premium_fen: i64,
    /// What it covers; at most 500 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ NOTES_MAX }>)]
    pub notes: Option<String>,
}

/// Records a call or a quote row, in the caller's transaction.
async fn insert_event<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    event: renewal_event::Model,
) -> CoreResult<renewal_event::Model> {
    Ok(
        tenant::insert::<renewal_event::Entity, _>(conn, actor.scope(), event.dealer_id, event)
            .await?,
    )
}

/// Sets the renewal's current task, in the caller's transaction.
pub(crate) async fn set_task<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: &renewal::Model,
    task: Option<Uuid>,
    now: DateTime<Utc>,
) -> CoreResult<renewal::Model> {
    let mut after = before.clone();
    after.task_id = task;
    tenant::update::<renewal::Entity, _>(conn, actor.scope(), before.id, after, before.version, now)
        .await
        .map_err(|e| CoreError::from_db("renewal", e))
}

impl AfterSales<'_> {
    /// Logs a call: closes the agent's call task with the outcome, and for `call_back` or
    /// `interested` pushes the next call task for `next_call_on`. Needs `renewal:work`
    /// reaching the renewal (another agent's is 404); a closed renewal is 409.
    pub async fn log_renewal_call(
        &self,
        actor: &Actor,
        id: RenewalId,
        input: NewCall,
    ) -> CoreResult<RenewalDetail> {
        let tx = self.db().begin().await?;
        let before = renewal_for(&*tx, actor, id, Permission::RenewalWork).await?;
        let now = self.now();
        let today = actor.time_zone().local_date(now);
        let mut errors = FieldErrors::new();
        let notes = errors
            .check(parse_optional_text(
                "notes",
                input.notes.as_deref(),
                NOTES_MAX,
            ))
            .flatten();
        let next = match (input.outcome.plans_next_call(), input.next_call_on) {
            (true, None) => {
                errors.push(FieldError::required("next_call_on"));
                None
            }
            (true, Some(day)) => {
                if let Some(day) = errors.check(check_year("next_call_on", day))
                    && day < today
                {
                    errors.push(FieldError::new(
                        "next_call_on",
                        "out_of_range",
                        "must be today or later",
                    ));
                }
                Some(day)
            }
            (false, Some(_)) => {
                errors.push(FieldError::new(
                    "next_call_on",
                    "not_allowed",
                    "is only given when the customer is to be called back",
                ));
                None
            }
            (false, None) => None,
        };
        require_open(&before)?;
        errors.finish()?;
        let event = insert_event(
            &*tx,
            actor,
            renewal_event::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                renewal_id: before.id,
                kind: "call".to_owned(),
                outcome: Some(input.outcome.as_str().to_owned()),
                insurer: None,
                premium_fen: None,
                notes: notes.clone(),
                actor_id: actor.user_id().uuid(),
                at: now,
            },
        )
        .await?;
        if let Some(task) = before.task_id {
            forecourt_work::close_activity_in(
                &*tx,
                actor,
                ActivityId::from_uuid(task),
                Some(input.outcome.as_str().to_owned()),
                now,
            )
            .await?;
        }
        let next_task = match (next, before.agent_id) {
            (Some(day), Some(agent)) => Some(
                push_call_task(&*tx, actor, &before, agent, end_of_day(actor, day), now).await?,
            ),
            _ => None,
        };
        let saved = set_task(&*tx, actor, &before, next_task, now).await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("renewal", "call_logged", Some(before.id))
                .change("outcome", serde_json::Value::Null, input.outcome.as_str())
                .change("event_id", serde_json::Value::Null, event.id.to_string())
                .change(
                    "next_call_on",
                    serde_json::Value::Null,
                    next.map(|d| d.to_string()),
                ),
            now,
        )
        .await?;
        let view = detail(&*tx, actor, now, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Adds an insurer's quote (several insurers may quote). Needs `renewal:work` reaching the
    /// renewal; a closed renewal is 409; bad fields 422 naming each.
    pub async fn add_renewal_quote(
        &self,
        actor: &Actor,
        id: RenewalId,
        input: NewInsurerQuote,
    ) -> CoreResult<RenewalDetail> {
        let tx = self.db().begin().await?;
        let before = renewal_for(&*tx, actor, id, Permission::RenewalWork).await?;
        let mut errors = FieldErrors::new();
        let insurer = errors.check(parse_name("insurer", &input.insurer, INSURER_MAX));
        if !(0..=PREMIUM_MAX_FEN).contains(&input.premium_fen) {
            errors.push(
                FieldError::new("premium_fen", "out_of_range", "must be 0–100,000,000 fen")
                    .with_param("max", PREMIUM_MAX_FEN),
            );
        }
        let notes = errors
            .check(parse_optional_text(
                "notes",
                input.notes.as_deref(),
                NOTES_MAX,
            ))
            .flatten();
        require_open(&before)?;
        errors.finish()?;
        let now = self.now();
        let event = insert_event(
            &*tx,
            actor,
            renewal_event::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                renewal_id: before.id,
                kind: "quote".to_owned(),
                outcome: None,
                insurer: insurer.clone(),
                premium_fen: Some(input.premium_fen),
                notes,
                actor_id: actor.user_id().uuid(),
                at: now,
            },
        )
        .await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("renewal", "quote_added", Some(before.id))
                .change("insurer", serde_json::Value::Null, insurer)
                .change("premium_fen", serde_json::Value::Null, input.premium_fen)
                .change("event_id", serde_json::Value::Null, event.id.to_string()),
            now,
        )
        .await?;
        let view = detail(&*tx, actor, now, &before).await?;
        tx.commit().await?;
        Ok(view)
    }
}
