//! `forecourt demo`: a demo dealer group with two dealers, their departments and teams, and one
//! user of every role, so a newcomer can log in as anyone. Running it again changes nothing.

forecourt_kernel::module_service!(
    /// The demo data: a dealer group, its people, customers and 90 days of sales history.
    Demo,
    DemoExt,
    demo
);

use forecourt_catalog::CatalogExt as _;
use forecourt_sales::SalesExt as _;
mod complaints;
mod customers;
pub mod fake;
mod org;
mod renewals;
mod sales;
mod service;
mod work;
mod workshop;

use forecourt_kernel::error::CoreResult;
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

/// A step of loading the demo, for a progress display: what is being loaded, and the step's
/// number out of how many.
#[derive(Clone, Debug)]
pub struct DemoStep {
    pub number: usize,
    pub of: usize,
    /// In English, for the operator at the command line: `sales history of 杭州西湖店 (90 days)`.
    pub what: String,
}

impl Demo<'_> {
    /// Loads the demo data, creating only what is missing; `progress` hears of each step.
    pub async fn load_demo(&self, progress: &(dyn Fn(DemoStep) + Sync)) -> CoreResult<DemoSummary> {
        self.load_demo_with(sales::DAYS, progress).await
    }

    /// The demo with `sales_days` days of sales history (tests use a short one).
    pub async fn load_demo_with(
        &self,
        sales_days: i64,
        progress: &(dyn Fn(DemoStep) + Sync),
    ) -> CoreResult<DemoSummary> {
        let of = 3 + 7 * org::DEALERS.len();
        let mut number = 0;
        let mut step = |what: String| {
            number += 1;
            progress(DemoStep { number, of, what });
        };
        step("the dealer group, its dealers and users".to_owned());
        let mut summary = org::load(self).await?;
        step("the catalog".to_owned());
        // The group's catalog lives at the Hangzhou store and is published to the group.
        let hangzhou = self.dealer_id_by_code(org::DEALERS[0].code).await?;
        let hq = self.system_actor(hangzhou).await?;
        if customers::catalog(self, &hq).await? {
            self.catalog().publish_catalog(&hq).await?;
            summary.created = true;
        }
        for (index, dealer) in org::DEALERS.iter().enumerate() {
            let system = self
                .system_actor(self.dealer_id_by_code(dealer.code).await?)
                .await?;
            step(format!("customers and their cars at {}", dealer.name));
            summary.created |= customers::customers(
                self,
                &system,
                dealer.prefix,
                dealer.city,
                2026 + index as u64,
            )
            .await?;
            step(format!(
                "{sales_days} days of showroom sales at {}",
                dealer.name
            ));
            summary.created |= sales::sales(
                self,
                &system,
                dealer.prefix,
                index,
                sales_days,
                4040 + index as u64,
            )
            .await?;
            step(format!(
                "insurance policies and renewals at {}",
                dealer.name
            ));
            summary.created |=
                renewals::load(self, &system, dealer.prefix, 5050 + index as u64).await?;
            step(format!("the workshop's repair orders at {}", dealer.name));
            summary.created |= workshop::load(self, &system, dealer.prefix).await?;
            step(format!("activities and tasks at {}", dealer.name));
            summary.created |= work::load(self, &system, dealer.prefix).await?;
            step(format!(
                "service history and appointments at {}",
                dealer.name
            ));
            summary.created |= service::load(self, &system, dealer.prefix).await?;
            step(format!("complaints at {}", dealer.name));
            summary.created |=
                complaints::load(self, &system, dealer.prefix, 6060 + index as u64).await?;
        }
        // Today's follow-ups reach the consultants at once, before the first cadence run.
        step("today's follow-up tasks".to_owned());
        self.sales().push_follow_up_tasks().await?;
        Ok(summary)
    }
}
