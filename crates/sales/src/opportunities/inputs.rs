//! The inputs of the opportunity use cases: a new opportunity, a patch, a stage move, a list query.

use chrono::NaiveDate;
use forecourt_domain::ids::{PipelineStageId, TeamId, UserId};
use forecourt_domain::money::Fen;
use forecourt_domain::patch::double_option;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NewOpportunity {
    /// Default: the first stage.
    pub stage_id: Option<PipelineStageId>,
    /// The expected deal amount, in integer fen (1 yuan = 100 fen); not negative.
    pub amount_fen: Option<Fen>,
    /// The dealer's local date the deal is expected to close.
    pub expected_on: Option<NaiveDate>,
    /// Brands or models the customer is also considering; at most 10, each at most 64 characters.
    #[serde(default)]
    pub competitors: Vec<String>,
    /// Free-text notes; at most 2000 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct OpportunityPatch {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The expected deal amount, in integer fen; not negative. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Fen>)]
    pub amount_fen: Option<Option<Fen>>,
    /// The dealer's local date the deal is expected to close. Absent keeps it; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_on: Option<Option<NaiveDate>>,
    /// The competitors, replacing the current list; at most 10, each at most 64 characters. Absent
    /// keeps them.
    pub competitors: Option<Vec<String>>,
    /// Free-text notes; at most 2000 characters. Absent keeps them; `null` clears them.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StageMove {
    /// The version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// The stage to move to: an active stage of the dealer's pipeline.
    pub stage_id: PipelineStageId,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpportunityQuery {
    pub owner_id: Option<UserId>,
    pub team_id: Option<TeamId>,
    pub stage_id: Option<PipelineStageId>,
    /// `open` (default), `won`, `lost` or `all`.
    pub status: Option<String>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}
