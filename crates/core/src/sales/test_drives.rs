//! Test drives: the dealer's test-drive cars, bookings on a calendar (the database refuses two
//! bookings of one car at once), the driving licence captured (encrypted, shown masked) and
//! the feedback after the drive, which can regrade the lead.

use super::catalog_names::{CarRef, CatalogNames};
use super::leads::views::{people, person};
use super::leads::write::{Origin, record_grade, regrade, reschedule};
use super::receptions::ReceptionCustomer;
use super::settings::effective;
use crate::app::App;
use crate::audit::{self, AuditEntry, Audited};
use crate::auth::{Actor, ActorKind};
use crate::customers::OwnerView;
use crate::customers::access::customer_for;
use crate::customers::timeline::{self, TimelineEvent};
use crate::error::{CoreError, CoreResult};
use chrono::{DateTime, Duration, Utc};
use forecourt_db::entities::{lead, test_drive_booking, test_drive_car, user};
use forecourt_db::repo::test_drives::{self, BookingFilter};
use forecourt_db::repo::{customers, leads, tenant};
use forecourt_db::{ConnectionTrait, DbError};
use forecourt_domain::id_number::IdNumber;
use forecourt_domain::ids::{
    CatalogModelId, CatalogSeriesId, CustomerId, LeadId, TeamId, TestDriveBookingId,
    TestDriveCarId, UserId,
};
use forecourt_domain::masking::mask_keep_last;
use forecourt_domain::permission::Permission;
use forecourt_domain::plate::Plate;
use forecourt_domain::sales::{BookingStatus, Grade, LeadStatus};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::vin::Vin;
use forecourt_domain::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The longest a drive may be booked for.
const MAX_DRIVE: Duration = Duration::hours(4);

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TestDriveCarView {
    pub id: TestDriveCarId,
    pub name: String,
    pub car: Option<CarRef>,
    pub vin: Option<String>,
    pub plate: Option<String>,
    pub colour: Option<String>,
    pub active: bool,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewTestDriveCar {
    /// What staff call it: `汉 EV 白色试驾车`.
    pub name: String,
    pub series_id: Option<CatalogSeriesId>,
    pub model_id: Option<CatalogModelId>,
    pub vin: Option<String>,
    pub plate: Option<String>,
    pub colour: Option<String>,
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct TestDriveCarPatch {
    pub version: i64,
    pub name: Option<String>,
    pub plate: Option<String>,
    pub colour: Option<String>,
    pub notes: Option<String>,
    pub active: Option<bool>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FeedbackView {
    /// 1 (poor) to 5 (excellent).
    pub rating: i32,
    pub liked: Option<String>,
    pub concerns: Option<String>,
    /// The grade given after the drive.
    pub grade: Option<Grade>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookingCar {
    pub id: TestDriveCarId,
    pub name: String,
    pub plate: Option<String>,
}

/// A booking. Bookings outside the caller's scope show only when the car is busy.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BookingView {
    pub id: TestDriveBookingId,
    pub car: BookingCar,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: BookingStatus,
    /// Only the car's busy time is shown (someone else's customer).
    pub busy_only: bool,
    pub customer: Option<ReceptionCustomer>,
    pub lead_id: Option<LeadId>,
    pub consultant: Option<OwnerView>,
    /// The driving licence number, masked (`**************1234`).
    pub licence: Option<String>,
    pub feedback: Option<FeedbackView>,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewBooking {
    pub car_id: TestDriveCarId,
    pub customer_id: CustomerId,
    /// Default: the customer's open lead.
    pub lead_id: Option<LeadId>,
    /// Default: the one booking.
    pub consultant_id: Option<UserId>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The driver's licence number (the ID number on a mainland licence); may also be given
    /// with the feedback.
    pub licence_number: Option<String>,
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BookingPatch {
    pub version: i64,
    pub car_id: Option<TestDriveCarId>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BookingCancel {
    pub version: i64,
    /// The customer did not come (else they called it off).
    #[serde(default)]
    pub no_show: bool,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct DriveFeedback {
    pub version: i64,
    pub rating: i32,
    pub liked: Option<String>,
    pub concerns: Option<String>,
    /// The lead's grade after the drive (H, A, B or C), if it changed.
    pub grade: Option<Grade>,
    /// Required when no licence was captured at booking.
    pub licence_number: Option<String>,
}

#[derive(Clone, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BookingQuery {
    pub from: DateTime<Utc>,
    /// At most 62 days after `from`.
    pub to: DateTime<Utc>,
    pub car_id: Option<TestDriveCarId>,
    pub consultant_id: Option<UserId>,
    pub customer_id: Option<CustomerId>,
}

impl Audited for test_drive_car::Model {
    const ENTITY: &'static str = "test_drive_car";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("name".into(), self.name.clone().into());
        f.insert(
            "series_id".into(),
            self.series_id.map(|s| s.to_string()).into(),
        );
        f.insert(
            "model_id".into(),
            self.model_id.map(|s| s.to_string()).into(),
        );
        f.insert("vin".into(), self.vin.clone().into());
        f.insert("plate".into(), self.plate.clone().into());
        f.insert("colour".into(), self.colour.clone().into());
        f.insert("active".into(), self.active.into());
        f
    }
}

impl Audited for test_drive_booking::Model {
    const ENTITY: &'static str = "test_drive";
    fn audit_id(&self) -> Uuid {
        self.id
    }
    fn audit_fields(&self) -> Map<String, Value> {
        let mut f = Map::new();
        f.insert("car_id".into(), self.car_id.to_string().into());
        f.insert("customer_id".into(), self.customer_id.to_string().into());
        f.insert("starts_at".into(), self.starts_at.to_rfc3339().into());
        f.insert("ends_at".into(), self.ends_at.to_rfc3339().into());
        f.insert("status".into(), self.status.clone().into());
        // Never the licence itself: only whether one was captured.
        f.insert(
            "licence_captured".into(),
            self.licence_cipher.is_some().into(),
        );
        f.insert("feedback_rating".into(), self.feedback_rating.into());
        f.insert("feedback_grade".into(), self.feedback_grade.clone().into());
        f
    }
}

fn car_view(catalog: &CatalogNames, c: &test_drive_car::Model) -> TestDriveCarView {
    TestDriveCarView {
        id: TestDriveCarId::from_uuid(c.id),
        name: c.name.clone(),
        car: catalog.car(c.series_id, c.model_id, None),
        vin: c.vin.clone(),
        plate: c.plate.clone(),
        colour: c.colour.clone(),
        active: c.active,
        notes: c.notes.clone(),
        version: c.version,
    }
}

/// Whether the actor's test-drive permission reaches a booking (by its consultant).
fn reaches(actor: &Actor, permission: Permission, consultant: Option<&user::Model>) -> bool {
    actor.reaches(
        permission,
        consultant.map(|u| UserId::from_uuid(u.id)),
        consultant.and_then(|u| u.team_id).map(TeamId::from_uuid),
    )
}

/// Views of bookings for one caller.
async fn booking_views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: &[test_drive_booking::Model],
) -> CoreResult<Vec<BookingView>> {
    let cars: HashMap<Uuid, test_drive_car::Model> = test_drives::cars(conn, actor.scope())
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let names = people(conn, actor, found.iter().filter_map(|b| b.consultant_id)).await?;
    let mut ids: Vec<Uuid> = found.iter().map(|b| b.customer_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let customers = customers::find_many(conn, actor.scope(), &ids).await?;
    Ok(found
        .iter()
        .map(|b| {
            let consultant = b.consultant_id.and_then(|c| names.get(&c));
            let visible = reaches(actor, Permission::TestDriveRead, consultant);
            let car = cars.get(&b.car_id);
            BookingView {
                id: TestDriveBookingId::from_uuid(b.id),
                car: BookingCar {
                    id: TestDriveCarId::from_uuid(b.car_id),
                    name: car.map(|c| c.name.clone()).unwrap_or_default(),
                    plate: car.and_then(|c| c.plate.clone()),
                },
                starts_at: b.starts_at,
                ends_at: b.ends_at,
                status: b.status.parse().unwrap_or(BookingStatus::Booked),
                busy_only: !visible,
                customer: visible.then(|| ReceptionCustomer {
                    id: CustomerId::from_uuid(b.customer_id),
                    name: customers
                        .iter()
                        .find(|c| c.id == b.customer_id)
                        .map(|c| c.name.clone())
                        .unwrap_or_default(),
                }),
                lead_id: visible
                    .then_some(b.lead_id)
                    .flatten()
                    .map(LeadId::from_uuid),
                consultant: person(&names, b.consultant_id),
                licence: visible
                    .then(|| {
                        b.licence_last4
                            .as_deref()
                            .map(|l| mask_keep_last(&format!("{:0>18}", l), 4))
                    })
                    .flatten(),
                feedback: (visible && b.feedback_rating.is_some()).then(|| FeedbackView {
                    rating: b.feedback_rating.unwrap_or_default(),
                    liked: b.feedback_liked.clone(),
                    concerns: b.feedback_concerns.clone(),
                    grade: b.feedback_grade.as_deref().and_then(|g| g.parse().ok()),
                }),
                notes: visible.then(|| b.notes.clone()).flatten(),
                version: b.version,
            }
        })
        .collect())
}

/// A lead's test drives, newest first.
pub(crate) async fn bookings_of_lead<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    lead_id: Uuid,
) -> CoreResult<Vec<BookingView>> {
    let lead = tenant::find::<lead::Entity, _>(conn, actor.scope(), lead_id).await?;
    let Some(lead) = lead else {
        return Ok(Vec::new());
    };
    let found: Vec<_> = test_drives::of_customer(conn, actor.scope(), lead.customer_id)
        .await?
        .into_iter()
        .filter(|b| b.lead_id == Some(lead_id))
        .collect();
    booking_views(conn, actor, &found).await
}

fn check_times(
    errors: &mut FieldErrors,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    if ends <= starts {
        errors.push(FieldError::new(
            "ends_at",
            "before_start",
            "must be after the start",
        ));
    } else if ends - starts > MAX_DRIVE {
        errors.push(
            FieldError::new("ends_at", "too_long", "a test drive is at most 4 hours")
                .with_param("max", 4),
        );
    }
    if starts < now - Duration::days(30) {
        errors.push(FieldError::new(
            "starts_at",
            "too_early",
            "must be within the last 30 days",
        ));
    }
    if starts > now + Duration::days(180) {
        errors.push(FieldError::new(
            "starts_at",
            "too_late",
            "must be within the next 180 days",
        ));
    }
}

fn conflicts_json(clashes: &[test_drive_booking::Model]) -> Value {
    json!(
        clashes
            .iter()
            .map(|c| json!({"id": c.id, "starts_at": c.starts_at, "ends_at": c.ends_at}))
            .collect::<Vec<_>>()
    )
}

impl App {
    fn licence(
        &self,
        errors: &mut FieldErrors,
        field: &str,
        value: Option<&str>,
        actor: &Actor,
    ) -> Option<(String, String)> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        let id = errors.check(IdNumber::parse(field, value, self.today(actor)))?;
        Some((self.pii.encrypt(id.as_str()), id.last4().to_owned()))
    }

    /// Turns the database's refusal of an overlapping booking into a conflict naming the
    /// bookings in the way (another request took the slot first).
    async fn overlap(
        &self,
        actor: &Actor,
        err: DbError,
        car: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        except: Option<Uuid>,
    ) -> CoreError {
        match err {
            DbError::ExclusionViolation(_) => {
                let clashes =
                    test_drives::clashes(self.db.conn(), actor.scope(), car, from, to, except)
                        .await
                        .unwrap_or_default();
                CoreError::ScheduleConflict {
                    conflicts: conflicts_json(&clashes),
                }
            }
            other => CoreError::from_db("test_drive", other),
        }
    }

    pub async fn test_drive_cars(&self, actor: &Actor) -> CoreResult<Vec<TestDriveCarView>> {
        actor.require(Permission::TestDriveRead)?;
        let conn = self.db.conn();
        let catalog = CatalogNames::load(conn, actor).await?;
        Ok(test_drives::cars(conn, actor.scope())
            .await?
            .iter()
            .map(|c| car_view(&catalog, c))
            .collect())
    }

    pub async fn create_test_drive_car(
        &self,
        actor: &Actor,
        input: NewTestDriveCar,
    ) -> CoreResult<TestDriveCarView> {
        actor.require(Permission::TestDriveFleet)?;
        let conn = self.db.conn();
        let catalog = CatalogNames::load(conn, actor).await?;
        let mut errors = FieldErrors::new();
        let name = errors.check(parse_name("name", &input.name, 100));
        let (series_id, model_id) = catalog.check(&mut errors, "", input.series_id, input.model_id);
        let vin = match input
            .vin
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(v) => errors
                .check(Vin::parse("vin", v))
                .map(|p| p.vin.as_str().to_owned()),
            None => None,
        };
        let plate = match input
            .plate
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(p) => errors
                .check(Plate::parse("plate", p))
                .map(|p| p.as_str().to_owned()),
            None => None,
        };
        let colour = errors
            .check(parse_optional_text("colour", input.colour.as_deref(), 32))
            .flatten();
        let notes = errors
            .check(parse_optional_text("notes", input.notes.as_deref(), 500))
            .flatten();
        errors.finish()?;
        let now = self.now();
        let model = test_drive_car::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            name: name.unwrap_or_default(),
            series_id,
            model_id,
            vin,
            plate,
            colour,
            active: true,
            notes,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let tx = self.db.begin().await?;
        let created = tenant::insert::<test_drive_car::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await?;
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        tx.commit().await?;
        Ok(car_view(&catalog, &created))
    }

    pub async fn update_test_drive_car(
        &self,
        actor: &Actor,
        id: TestDriveCarId,
        patch: TestDriveCarPatch,
    ) -> CoreResult<TestDriveCarView> {
        let tx = self.db.begin().await?;
        let before = tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("test_drive_car"))?;
        actor.require(Permission::TestDriveFleet)?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive_car",
            });
        }
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(name) = &patch.name
            && let Some(name) = errors.check(parse_name("name", name, 100))
        {
            after.name = name;
        }
        if let Some(plate) = &patch.plate {
            after.plate = match plate.trim() {
                "" => None,
                p => errors
                    .check(Plate::parse("plate", p))
                    .map(|p| p.as_str().to_owned()),
            };
        }
        if let Some(colour) = &patch.colour {
            after.colour = errors
                .check(parse_optional_text("colour", Some(colour), 32))
                .flatten();
        }
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text("notes", Some(notes), 500))
                .flatten();
        }
        if let Some(active) = patch.active {
            after.active = active;
        }
        errors.finish()?;
        let entry = AuditEntry::updated(&before, &after);
        let now = self.now();
        let saved = audit::update_if_changed::<test_drive_car::Entity, _>(
            &*tx,
            actor,
            &before,
            after,
            entry,
            now,
            |e| CoreError::from_db("test_drive_car", e),
        )
        .await?
        .unwrap_or(before);
        let catalog = CatalogNames::load(&*tx, actor).await?;
        tx.commit().await?;
        Ok(car_view(&catalog, &saved))
    }

    /// Bookings in a period, in time order: the caller's in full, the others as busy time.
    pub async fn test_drive_calendar(
        &self,
        actor: &Actor,
        query: BookingQuery,
    ) -> CoreResult<Vec<BookingView>> {
        actor.require(Permission::TestDriveRead)?;
        if query.to <= query.from || query.to - query.from > Duration::days(62) {
            return Err(CoreError::invalid(FieldError::new(
                "to",
                "out_of_range",
                "must be after `from`, at most 62 days later",
            )));
        }
        let conn = self.db.conn();
        let filter = BookingFilter {
            car_id: query.car_id.map(TestDriveCarId::uuid),
            consultant_id: query.consultant_id.map(UserId::uuid),
            customer_id: query.customer_id.map(CustomerId::uuid),
            lead_id: None,
        };
        let found =
            test_drives::bookings_between(conn, actor.scope(), query.from, query.to, &filter, 2000)
                .await?;
        let mut views = booking_views(conn, actor, &found).await?;
        // Busy time of cancelled bookings tells nobody anything.
        views.retain(|v| !v.busy_only || v.status.holds_car());
        if query.customer_id.is_some() {
            views.retain(|v| !v.busy_only);
        }
        Ok(views)
    }

    async fn booking_for<C: ConnectionTrait>(
        &self,
        conn: &C,
        actor: &Actor,
        id: TestDriveBookingId,
    ) -> CoreResult<test_drive_booking::Model> {
        let found = tenant::find::<test_drive_booking::Entity, _>(conn, actor.scope(), id.uuid())
            .await?
            .ok_or(CoreError::not_found("test_drive"))?;
        actor.require(Permission::TestDriveBook)?;
        let consultant = match found.consultant_id {
            Some(c) => tenant::find::<user::Entity, _>(conn, actor.scope(), c).await?,
            None => None,
        };
        if !reaches(actor, Permission::TestDriveRead, consultant.as_ref())
            || !reaches(actor, Permission::TestDriveBook, consultant.as_ref())
        {
            return Err(CoreError::not_found("test_drive"));
        }
        Ok(found)
    }

    pub async fn book_test_drive(
        &self,
        actor: &Actor,
        input: NewBooking,
    ) -> CoreResult<BookingView> {
        actor.require(Permission::TestDriveBook)?;
        let now = self.now();
        let tx = self.db.begin().await?;
        let mut errors = FieldErrors::new();
        let car =
            tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), input.car_id.uuid())
                .await?
                .filter(|c| c.active);
        if car.is_none() {
            errors.push(FieldError::new(
                "car_id",
                "unknown_car",
                "is not an active test-drive car",
            ));
        }
        let customer =
            match customer_for(&*tx, actor, input.customer_id, Permission::CustomerRead).await {
                Ok(c) => Some(c),
                Err(CoreError::NotFound { .. }) => {
                    errors.push(FieldError::new(
                        "customer_id",
                        "unknown_customer",
                        "is not a customer you can see",
                    ));
                    None
                }
                Err(other) => return Err(other),
            };
        let consultant_id = input.consultant_id.unwrap_or(actor.user_id());
        let consultant = tenant::find::<user::Entity, _>(&*tx, actor.scope(), consultant_id.uuid())
            .await?
            .filter(|u| u.status == "active");
        match &consultant {
            None => errors.push(FieldError::new(
                "consultant_id",
                "unknown_user",
                "is not an active user of this dealer",
            )),
            Some(c) if !reaches(actor, Permission::TestDriveBook, Some(c)) => {
                return Err(CoreError::Forbidden {
                    permission: Permission::TestDriveBook,
                });
            }
            Some(_) => {}
        }
        check_times(&mut errors, input.starts_at, input.ends_at, now);
        let licence = self.licence(
            &mut errors,
            "licence_number",
            input.licence_number.as_deref(),
            actor,
        );
        let notes = errors
            .check(parse_optional_text("notes", input.notes.as_deref(), 500))
            .flatten();
        let lead_id = match (&customer, input.lead_id) {
            (Some(c), Some(id)) => {
                let lead = tenant::find::<lead::Entity, _>(&*tx, actor.scope(), id.uuid()).await?;
                if lead.as_ref().is_none_or(|l| l.customer_id != c.id) {
                    errors.push(FieldError::new(
                        "lead_id",
                        "unknown_lead",
                        "is not a lead of this customer",
                    ));
                }
                Some(id.uuid())
            }
            (Some(c), None) => leads::open_of_customer(&*tx, actor.scope(), c.id)
                .await?
                .first()
                .map(|l| l.id),
            (None, _) => None,
        };
        errors.finish()?;
        let (car, customer) = match (car, customer) {
            (Some(car), Some(customer)) => (car, customer),
            _ => return Err(CoreError::not_found("test_drive_car")),
        };
        let clashes = test_drives::clashes(
            &*tx,
            actor.scope(),
            car.id,
            input.starts_at,
            input.ends_at,
            None,
        )
        .await?;
        if !clashes.is_empty() {
            return Err(CoreError::ScheduleConflict {
                conflicts: conflicts_json(&clashes),
            });
        }
        let model = test_drive_booking::Model {
            id: Uuid::now_v7(),
            dealer_id: actor.dealer_id().uuid(),
            car_id: car.id,
            customer_id: customer.id,
            lead_id,
            consultant_id: Some(consultant_id.uuid()),
            starts_at: input.starts_at,
            ends_at: input.ends_at,
            status: BookingStatus::Booked.as_str().to_owned(),
            licence_cipher: licence.as_ref().map(|(c, _)| c.clone()),
            licence_last4: licence.map(|(_, l)| l),
            feedback_rating: None,
            feedback_liked: None,
            feedback_concerns: None,
            feedback_grade: None,
            notes,
            completed_at: None,
            cancelled_at: None,
            created_by: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let created = match tenant::insert::<test_drive_booking::Entity, _>(
            &*tx,
            actor.scope(),
            model.dealer_id,
            model,
        )
        .await
        {
            Ok(created) => created,
            Err(err) => {
                drop(tx);
                return Err(self
                    .overlap(actor, err, car.id, input.starts_at, input.ends_at, None)
                    .await);
            }
        };
        audit::record(&*tx, actor, AuditEntry::created(&created), now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![TimelineEvent::new(
                customer.id,
                "test_drive.booked",
                json!({"car": car.name, "starts_at": created.starts_at, "ends_at": created.ends_at}),
            )
            .about("test_drive", created.id)],
            now,
        )
        .await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&created))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }

    pub async fn reschedule_test_drive(
        &self,
        actor: &Actor,
        id: TestDriveBookingId,
        patch: BookingPatch,
    ) -> CoreResult<BookingView> {
        let tx = self.db.begin().await?;
        let before = self.booking_for(&*tx, actor, id).await?;
        if before.version != patch.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive",
            });
        }
        if before.status != BookingStatus::Booked.as_str() {
            return Err(CoreError::invalid_state(
                "only a booked test drive can be moved",
            ));
        }
        let now = self.now();
        let mut errors = FieldErrors::new();
        let mut after = before.clone();
        if let Some(car) = patch.car_id {
            match tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), car.uuid())
                .await?
                .filter(|c| c.active)
            {
                Some(c) => after.car_id = c.id,
                None => errors.push(FieldError::new(
                    "car_id",
                    "unknown_car",
                    "is not an active test-drive car",
                )),
            }
        }
        after.starts_at = patch.starts_at.unwrap_or(before.starts_at);
        after.ends_at = patch.ends_at.unwrap_or(before.ends_at);
        check_times(&mut errors, after.starts_at, after.ends_at, now);
        if let Some(notes) = &patch.notes {
            after.notes = errors
                .check(parse_optional_text("notes", Some(notes), 500))
                .flatten();
        }
        errors.finish()?;
        let clashes = test_drives::clashes(
            &*tx,
            actor.scope(),
            after.car_id,
            after.starts_at,
            after.ends_at,
            Some(before.id),
        )
        .await?;
        if !clashes.is_empty() {
            return Err(CoreError::ScheduleConflict {
                conflicts: conflicts_json(&clashes),
            });
        }
        let entry = AuditEntry::updated(&before, &after);
        let (car, from, to) = (after.car_id, after.starts_at, after.ends_at);
        let saved = match tenant::update::<test_drive_booking::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        {
            Ok(saved) => saved,
            Err(err) => {
                drop(tx);
                return Err(self
                    .overlap(actor, err, car, from, to, Some(before.id))
                    .await);
            }
        };
        audit::record(&*tx, actor, entry, now).await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }

    pub async fn cancel_test_drive(
        &self,
        actor: &Actor,
        id: TestDriveBookingId,
        input: BookingCancel,
    ) -> CoreResult<BookingView> {
        let tx = self.db.begin().await?;
        let before = self.booking_for(&*tx, actor, id).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive",
            });
        }
        if before.status != BookingStatus::Booked.as_str() {
            return Err(CoreError::invalid_state(
                "only a booked test drive can be cancelled",
            ));
        }
        let now = self.now();
        let mut after = before.clone();
        after.status = if input.no_show {
            BookingStatus::NoShow
        } else {
            BookingStatus::Cancelled
        }
        .as_str()
        .to_owned();
        after.cancelled_at = Some(now);
        let saved = tenant::update::<test_drive_booking::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("test_drive", e))?;
        audit::record(&*tx, actor, AuditEntry::updated(&before, &saved), now).await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "test_drive.cancelled",
                    json!({"no_show": input.no_show}),
                )
                .about("test_drive", saved.id),
            ],
            now,
        )
        .await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Records how the drive went; the lead's grade may change with it.
    pub async fn test_drive_feedback(
        &self,
        actor: &Actor,
        id: TestDriveBookingId,
        input: DriveFeedback,
    ) -> CoreResult<BookingView> {
        let tx = self.db.begin().await?;
        let before = self.booking_for(&*tx, actor, id).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict {
                entity: "test_drive",
            });
        }
        if before.status != BookingStatus::Booked.as_str() {
            return Err(CoreError::invalid_state(
                "feedback is given once, on a booked test drive",
            ));
        }
        let now = self.now();
        let mut errors = FieldErrors::new();
        if !(1..=5).contains(&input.rating) {
            errors.push(
                FieldError::new("rating", "out_of_range", "must be from 1 to 5")
                    .with_param("max", 5),
            );
        }
        if input.grade.is_some_and(|g| !Grade::JUDGED.contains(&g)) {
            errors.push(FieldError::new(
                "grade",
                "invalid_value",
                "must be H, A, B or C",
            ));
        }
        let liked = errors
            .check(parse_optional_text("liked", input.liked.as_deref(), 500))
            .flatten();
        let concerns = errors
            .check(parse_optional_text(
                "concerns",
                input.concerns.as_deref(),
                500,
            ))
            .flatten();
        let licence = self.licence(
            &mut errors,
            "licence_number",
            input.licence_number.as_deref(),
            actor,
        );
        if before.licence_cipher.is_none()
            && licence.is_none()
            && !errors.fields().any(|f| f == "licence_number")
        {
            errors.push(FieldError::new(
                "licence_number",
                "required",
                "record the driver's licence before the drive is done",
            ));
        }
        if before.starts_at > now {
            errors.push(FieldError::new(
                "rating",
                "not_started",
                "the drive has not started yet",
            ));
        }
        errors.finish()?;
        let mut after = before.clone();
        after.status = BookingStatus::Done.as_str().to_owned();
        after.completed_at = Some(now);
        after.feedback_rating = Some(input.rating);
        after.feedback_liked = liked;
        after.feedback_concerns = concerns;
        after.feedback_grade = input.grade.map(|g| g.as_str().to_owned());
        if let Some((cipher, last4)) = licence {
            after.licence_cipher = Some(cipher);
            after.licence_last4 = Some(last4);
        }
        let saved = tenant::update::<test_drive_booking::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("test_drive", e))?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::updated(&before, &saved).with_action("test_drive.done"),
            now,
        )
        .await?;
        // The drive is a contact: the lead's grade and schedule follow.
        if let Some(lead_id) = saved.lead_id
            && let Some(lead_before) =
                tenant::find::<lead::Entity, _>(&*tx, actor.scope(), lead_id).await?
            && lead_before.status == LeadStatus::Open.as_str()
        {
            let settings = effective(&*tx, actor).await?;
            let mut lead_after = lead_before.clone();
            let change = input
                .grade
                .and_then(|g| regrade(actor, &mut lead_after, g, Origin::TestDrive, now));
            lead_after.last_contact_at = Some(
                saved
                    .starts_at
                    .max(lead_before.last_contact_at.unwrap_or(saved.starts_at)),
            );
            reschedule(&mut lead_after, &settings, actor, now);
            let lead_saved = tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                lead_before.id,
                lead_after,
                lead_before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("lead", e))?;
            record_grade(&*tx, actor, change).await?;
            audit::record(
                &*tx,
                actor,
                AuditEntry::updated(&lead_before, &lead_saved),
                now,
            )
            .await?;
        }
        let car =
            tenant::find::<test_drive_car::Entity, _>(&*tx, actor.scope(), saved.car_id).await?;
        timeline::record(
            &*tx,
            actor,
            vec![TimelineEvent::new(
                saved.customer_id,
                "test_drive.done",
                json!({"car": car.map(|c| c.name), "rating": input.rating, "grade": saved.feedback_grade, "concerns": saved.feedback_concerns}),
            )
            .about("test_drive", saved.id)],
            now,
        )
        .await?;
        let view = booking_views(&*tx, actor, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("test_drive"))?;
        tx.commit().await?;
        Ok(view)
    }
}
