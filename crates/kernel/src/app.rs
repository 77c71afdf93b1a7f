//! The handle every caller holds: the database, the clock and the settings.

use crate::clock::{Clock, SystemClock};
use crate::crypto::PiiCipher;
use crate::module::Module;
use crate::settings::CoreSettings;
use chrono::{DateTime, Utc};
use forecourt_db::Db;
use std::sync::Arc;

/// Forecourt's use cases, ready to call. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub(crate) db: Db,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) settings: Arc<CoreSettings>,
    pub(crate) pii: Arc<PiiCipher>,
    pub(crate) senders: Arc<crate::messaging::adapters::Senders>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("db", &self.db)
            .finish_non_exhaustive()
    }
}

impl App {
    /// The application over `db`, with the business modules the composition root lists
    /// (installed for the process: see [`crate::module::install`]).
    pub fn new(db: Db, settings: CoreSettings, modules: Vec<&'static dyn Module>) -> Self {
        Self::with_clock(db, settings, Arc::new(SystemClock), modules)
    }

    /// [`App::new`] with another clock (tests, the demo's history).
    pub fn with_clock(
        db: Db,
        settings: CoreSettings,
        clock: Arc<dyn Clock>,
        modules: Vec<&'static dyn Module>,
    ) -> Self {
        crate::module::install(modules);
        let pii = Arc::new(PiiCipher::new(&settings.pii_key));
        let senders = Arc::new(crate::messaging::adapters::Senders::new(
            &settings.messaging,
        ));
        Self {
            db,
            clock,
            settings: Arc::new(settings),
            pii,
            senders,
        }
    }

    /// The same application reading the time from another clock.
    pub fn with_other_clock(&self, clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            ..self.clone()
        }
    }

    /// The clock the use cases read the time from.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The cipher and keyed hash for personal data at rest (ID numbers).
    pub fn pii(&self) -> &PiiCipher {
        &self.pii
    }

    /// The database the use cases run on.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The current time (UTC), from the application's clock (another clock in tests and the demo).
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today's date in the actor's dealer's time zone.
    pub fn today(&self, actor: &crate::Actor) -> chrono::NaiveDate {
        actor.time_zone().local_date(self.now())
    }

    /// The installation's settings: the personal-data key, session and lockout limits, messaging.
    pub fn settings(&self) -> &CoreSettings {
        &self.settings
    }
}
