//! `forecourt demo`: a demo dealer group with two dealers, their departments and teams, and one
//! user of every role, so a newcomer can log in as anyone. Running it again changes nothing.

mod customers;
pub mod fake;
mod org;
mod sales;
mod work;

use crate::app::App;
use crate::error::CoreResult;
use serde::Serialize;

/// The password of every demo user (printed by `forecourt demo`).
pub const DEMO_PASSWORD: &str = "forecourt-demo";

/// One demo login.
#[derive(Clone, Debug, Serialize)]
pub struct DemoLogin {
    pub dealer_code: String,
    pub dealer_name: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DemoSummary {
    /// Whether anything was created (false when the demo data was already there).
    pub created: bool,
    pub logins: Vec<DemoLogin>,
}

impl App {
    /// Loads the demo data, creating only what is missing.
    pub async fn load_demo(&self) -> CoreResult<DemoSummary> {
        self.load_demo_with(sales::DAYS).await
    }

    /// The demo with `sales_days` days of sales history (tests use a short one).
    pub async fn load_demo_with(&self, sales_days: i64) -> CoreResult<DemoSummary> {
        let mut summary = org::load(self).await?;
        // The group's catalog lives at the Hangzhou store and is published to the group.
        let hangzhou = self.dealer_id_by_code(org::DEALERS[0].code).await?;
        let hq = self.system_actor(hangzhou).await?;
        if customers::catalog(self, &hq).await? {
            self.publish_catalog(&hq).await?;
            summary.created = true;
        }
        for (index, dealer) in org::DEALERS.iter().enumerate() {
            let system = self
                .system_actor(self.dealer_id_by_code(dealer.code).await?)
                .await?;
            summary.created |= customers::customers(
                self,
                &system,
                dealer.prefix,
                dealer.city,
                2026 + index as u64,
            )
            .await?;
            summary.created |= sales::sales(
                self,
                &system,
                dealer.prefix,
                index,
                sales_days,
                4040 + index as u64,
            )
            .await?;
            summary.created |= work::load(self, &system, dealer.prefix).await?;
        }
        // Today's follow-ups reach the consultants at once, before the first cadence run.
        self.push_follow_up_tasks().await?;
        Ok(summary)
    }
}
