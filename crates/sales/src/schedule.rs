//! When a lead's next follow-up falls due: its grade's cadence, counted in the dealer's
//! calendar days from the last contact, due by the dealer's follow-up hour.

use super::settings::cadence;
use chrono::{DateTime, Duration, Utc};
use forecourt_db::entities::sales_setting;
use forecourt_domain::sales::Grade;
use forecourt_domain::time_zone::DealerTimeZone;

/// The next follow-up after a contact (or grading) at `from`; None for O and F.
pub fn next_follow_up(
    settings: &sales_setting::Model,
    tz: DealerTimeZone,
    grade: Grade,
    from: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let days = cadence(settings, grade)?;
    let day = tz.local_date(from) + Duration::days(i64::from(days));
    Some(tz.start_of_day(day) + Duration::hours(i64::from(settings.follow_up_due_hour)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use uuid::Uuid;

    fn settings() -> sales_setting::Model {
        let t = Utc.timestamp_opt(0, 0).unwrap();
        sales_setting::Model {
            id: Uuid::nil(),
            dealer_id: Uuid::nil(),
            cadence_n_days: 1,
            cadence_h_days: 2,
            cadence_a_days: 7,
            cadence_b_days: 14,
            cadence_c_days: 30,
            follow_up_due_hour: 18,
            c_handover_days: Some(90),
            stagnation_days: 90,
            stagnation_action: "manager".into(),
            stagnation_user_id: None,
            lost_needs_approval: true,
            assignment_mode: "manual".into(),
            assignment_team_id: None,
            created_at: t,
            updated_at: t,
            version: 0,
        }
    }

    #[test]
    fn due_by_six_pm_local_on_the_cadence_day() {
        let tz = DealerTimeZone::default();
        // 23:30 on 1 March in Shanghai is 15:30 UTC; H is due 3 March 18:00 local = 10:00 UTC.
        let from = Utc.with_ymd_and_hms(2026, 3, 1, 15, 30, 0).unwrap();
        let due = next_follow_up(&settings(), tz, Grade::H, from).unwrap();
        assert_eq!(due, Utc.with_ymd_and_hms(2026, 3, 3, 10, 0, 0).unwrap());
        // Half an hour later it is already 2 March locally.
        let later = from + Duration::minutes(31);
        let due = next_follow_up(&settings(), tz, Grade::H, later).unwrap();
        assert_eq!(due, Utc.with_ymd_and_hms(2026, 3, 4, 10, 0, 0).unwrap());
        assert_eq!(next_follow_up(&settings(), tz, Grade::O, from), None);
        assert_eq!(next_follow_up(&settings(), tz, Grade::F, from), None);
    }
}
