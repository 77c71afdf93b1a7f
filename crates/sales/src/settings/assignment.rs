//! The model-line rules that give new leads an owner.

use super::active_user;
use crate::Sales;
use forecourt_db::entities::{catalog_series, lead_assignment_rule, team};
use forecourt_db::repo::{batched_insert, sales, tenant};
use forecourt_domain::ids::{CatalogSeriesId, TeamId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// A model-line rule: leads for a series go to a team (in turn) or to one consultant.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct AssignmentRule {
    /// The catalog series the rule is for; one rule per series.
    pub series_id: CatalogSeriesId,
    /// The team whose consultants get the series' leads in turn; give this or `user_id`, not both.
    pub team_id: Option<TeamId>,
    /// The consultant (an active user of the dealer) who gets the series' leads; give this or
    /// `team_id`, not both.
    pub user_id: Option<UserId>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct AssignmentRules {
    /// The complete new set of rules; it replaces all the current ones.
    pub rules: Vec<AssignmentRule>,
}

impl Sales<'_> {
    /// The dealer's model-line rules (used with assignment mode `model_line`). Needs `dealer.read`.
    pub async fn assignment_rules(&self, actor: &Actor) -> CoreResult<Vec<AssignmentRule>> {
        actor.require(Permission::DealerRead)?;
        Ok(sales::assignment_rules(self.db().conn(), actor.scope())
            .await?
            .into_iter()
            .map(|r| AssignmentRule {
                series_id: CatalogSeriesId::from_uuid(r.series_id),
                team_id: r.team_id.map(TeamId::from_uuid),
                user_id: r.user_id.map(UserId::from_uuid),
            })
            .collect())
    }

    /// Replaces the model-line rules.
    pub async fn replace_assignment_rules(
        &self,
        actor: &Actor,
        input: AssignmentRules,
    ) -> CoreResult<Vec<AssignmentRule>> {
        actor.require(Permission::SalesConfigure)?;
        let tx = self.db().begin().await?;
        let mut errors = FieldErrors::new();
        let mut seen = HashMap::new();
        for (i, rule) in input.rules.iter().enumerate() {
            let field = |f: &str| format!("rules.{i}.{f}");
            if seen.insert(rule.series_id, i).is_some() {
                errors.push(FieldError::new(
                    field("series_id"),
                    "duplicate",
                    "has a rule already",
                ));
            }
            if tenant::find::<catalog_series::Entity, _>(&*tx, actor.scope(), rule.series_id.uuid())
                .await?
                .is_none()
            {
                errors.push(FieldError::new(
                    field("series_id"),
                    "unknown_series",
                    "is not in the catalog",
                ));
            }
            match (rule.team_id, rule.user_id) {
                (Some(_), Some(_)) | (None, None) => errors.push(FieldError::new(
                    field("team_id"),
                    "one_of",
                    "give either a team or a consultant",
                )),
                (Some(team), None) => {
                    if tenant::find::<team::Entity, _>(&*tx, actor.scope(), team.uuid())
                        .await?
                        .is_none()
                    {
                        errors.push(FieldError::new(
                            field("team_id"),
                            "unknown_team",
                            "is not a team of this dealer",
                        ));
                    }
                }
                (None, Some(user)) => {
                    if active_user(&*tx, actor, user).await?.is_none() {
                        errors.push(FieldError::new(
                            field("user_id"),
                            "unknown_user",
                            "is not an active user of this dealer",
                        ));
                    }
                }
            }
        }
        errors.finish()?;
        let now = self.now();
        let before = sales::assignment_rules(&*tx, actor.scope()).await?;
        sales::clear_assignment_rules(&*tx, actor.scope()).await?;
        let rows: Vec<lead_assignment_rule::Model> = input
            .rules
            .iter()
            .map(|r| lead_assignment_rule::Model {
                id: Uuid::now_v7(),
                dealer_id: actor.dealer_id().uuid(),
                series_id: r.series_id.uuid(),
                team_id: r.team_id.map(TeamId::uuid),
                user_id: r.user_id.map(UserId::uuid),
                created_at: now,
                updated_at: now,
                version: 1,
            })
            .collect();
        batched_insert::<lead_assignment_rule::Entity, _>(&*tx, actor.scope(), rows).await?;
        let describe = |rules: Vec<(Uuid, Option<Uuid>, Option<Uuid>)>| {
            Value::from(
                rules
                    .into_iter()
                    .map(
                        |(s, t, u)| serde_json::json!({"series_id": s, "team_id": t, "user_id": u}),
                    )
                    .collect::<Vec<_>>(),
            )
        };
        let entry = AuditEntry::action("sales_settings", "assignment_rules_replaced", None).change(
            "rules",
            describe(
                before
                    .iter()
                    .map(|r| (r.series_id, r.team_id, r.user_id))
                    .collect(),
            ),
            describe(
                input
                    .rules
                    .iter()
                    .map(|r| {
                        (
                            r.series_id.uuid(),
                            r.team_id.map(TeamId::uuid),
                            r.user_id.map(UserId::uuid),
                        )
                    })
                    .collect(),
            ),
        );
        audit::record(&*tx, actor, entry, now).await?;
        tx.commit().await?;
        Ok(input.rules)
    }
}
