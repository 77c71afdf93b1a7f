//! The service desk's demo at each store: cars with a purchase day and readings over the
//! months (so each has its own driving rate and a next service — some overdue, some coming
//! due), reminders already sent for the ones within the reminder window, and appointments over
//! the next days booked from the due list. Skipped when the store has appointments.

use chrono::Duration;
use forecourt_aftersales::AfterSalesExt as _;
use forecourt_aftersales::appointments::{AppointmentQuery, AppointmentSource, NewAppointment};
use forecourt_aftersales::due::list::ServiceDueQuery;
use forecourt_customers::CustomersExt as _;
use forecourt_customers::vehicles::{MileageInput, VehiclePatch, VehicleQuery};
use forecourt_db::repo::users;
use forecourt_domain::ids::UserId;
use forecourt_kernel::app::App;
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};

/// How many of a store's cars get a service history.
const CARS: u64 = 60;

/// Whether anything was created.
pub(super) async fn load(app: &App, system: &Actor, prefix: &str) -> CoreResult<bool> {
    let existing = app
        .aftersales()
        .list_appointments(
            system,
            AppointmentQuery {
                from: None,
                to: None,
                status: None,
                advisor_id: None,
                vehicle_id: None,
                customer_id: None,
                limit: Some(1),
                cursor: None,
            },
        )
        .await?;
    if !existing.items.is_empty() {
        return Ok(false);
    }
    let today = app.today(system);
    let cars = app
        .customers()
        .list_vehicles(
            system,
            VehicleQuery {
                limit: Some(CARS),
                ..VehicleQuery::default()
            },
        )
        .await?
        .items;
    for (n, car) in cars.iter().enumerate() {
        if car.owner_customer_id.is_none() || car.purchase_date.is_some() {
            continue;
        }
        let latest = car.mileage_km.unwrap_or(0);
        // Bought between one and twenty-three months ago, driven 800–2,400 km a month.
        let months = 1 + (n as i64 * 7) % 23;
        let bought = today - Duration::days(months * 30);
        let monthly = 800 + (n as i32 * 331) % 1_600;
        app.customers()
            .update_vehicle(
                system,
                car.id,
                VehiclePatch {
                    version: car.version,
                    purchase_date: Some(Some(bought)),
                    ..VehiclePatch::default()
                },
            )
            .await?;
        // Readings going back from today's: a month's driving less each month, at least 0.
        for back in (1..=months.min(6)).rev() {
            let km = latest - monthly * back as i32;
            if km < 0 {
                continue;
            }
            app.customers()
                .record_mileage(
                    system,
                    car.id,
                    MileageInput {
                        km,
                        read_on: Some(today - Duration::days(back * 30)),
                        source: Some("customer".into()),
                    },
                )
                .await?;
        }
    }
    app.aftersales().refresh_dealer_dues(system).await?;
    app.aftersales().send_dealer_reminders(system).await?;
    let advisor = users::find_by_username_for_login(app.db().conn(), &format!("{prefix}-advisor"))
        .await?
        .map(|u| UserId::from_uuid(u.id));
    let due = app
        .aftersales()
        .service_dues(
            system,
            ServiceDueQuery {
                from: None,
                to: Some(today + Duration::days(30)),
                limit: Some(12),
                cursor: None,
            },
        )
        .await?
        .items;
    let jobs = [
        ("常规保养（机油、机滤）", 90),
        ("首保", 60),
        ("保养 + 空调滤芯更换", 120),
        ("刹车片检查更换", 150),
    ];
    for (n, row) in due.iter().enumerate() {
        let (job, minutes) = jobs[n % jobs.len()];
        let mut day = today + Duration::days(1 + (n as i64 % 6));
        // The workshop closes on Sundays: book the day after.
        for _ in 0..3 {
            let booked = app
                .aftersales()
                .book_appointment(
                    system,
                    NewAppointment {
                        vehicle_id: row.vehicle_id,
                        on_date: day,
                        arrives_at: None,
                        job_minutes: minutes,
                        job: job.to_owned(),
                        source: AppointmentSource::DueList,
                        advisor_id: advisor,
                        notes: None,
                    },
                )
                .await;
            match booked {
                Ok(_) => break,
                Err(CoreError::Validation(_) | CoreError::CapacityFull { .. }) => {
                    day += Duration::days(1);
                }
                Err(other) => return Err(other),
            }
        }
    }
    Ok(true)
}
