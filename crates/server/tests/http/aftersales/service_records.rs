//! After-sales' service records of a dealer for the permission matrix: the dealer's default
//! maintenance plan and two appointments of the fixture customer's car (one the matrix moves,
//! one it cancels).

use forecourt_aftersales::AfterSalesExt as _;
use forecourt_kernel::App;
use forecourt_kernel::auth::Actor;
use serde_json::json;

#[derive(Clone, Debug)]
pub struct ServiceRecords {
    pub plan_id: String,
    pub appointment_id: String,
    pub cancel_appointment_id: String,
}

pub async fn records(app: &App, system: &Actor, vehicle_id: &str) -> ServiceRecords {
    let plans = app.aftersales().maintenance_plans(system).await.unwrap();
    let mut appointments = Vec::new();
    for day in ["2026-11-12", "2026-11-13"] {
        let input = json!({"vehicle_id": vehicle_id, "on_date": day, "job_minutes": 60,
            "job": "常规保养", "source": "phone"});
        appointments.push(
            app.aftersales()
                .book_appointment(system, serde_json::from_value(input).unwrap())
                .await
                .unwrap(),
        );
    }
    ServiceRecords {
        plan_id: plans[0].id.to_string(),
        appointment_id: appointments[0].id.to_string(),
        cancel_appointment_id: appointments[1].id.to_string(),
    }
}
