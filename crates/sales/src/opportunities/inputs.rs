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
    pub amount_fen: Option<Fen>,
    pub expected_on: Option<NaiveDate>,
    #[serde(default)]
    pub competitors: Vec<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct OpportunityPatch {
    pub version: i64,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Fen>)]
    pub amount_fen: Option<Option<Fen>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub expected_on: Option<Option<NaiveDate>>,
    pub competitors: Option<Vec<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub notes: Option<Option<String>>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StageMove {
    pub version: i64,
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
