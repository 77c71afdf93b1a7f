//! Policy knobs of the use cases, with production defaults.

use crate::crypto::PiiKey;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct CoreSettings {
    /// The master key that encrypts personal data at rest. The default is random (fine for
    /// tests; a server always sets it from its configuration or key file).
    pub pii_key: PiiKey,
    /// A session ends after this long without a request.
    pub session_idle_timeout: Duration,
    /// A session ends this long after login, however active.
    pub session_max_age: Duration,
    /// Failed logins in a row that lock an account.
    pub lockout_threshold: i32,
    /// How long a locked account stays locked.
    pub lockout_duration: Duration,
    /// Login attempts allowed from one client address per `login_rate_window`.
    pub login_rate_limit: u64,
    pub login_rate_window: Duration,
    /// How e-mail, SMS and WeChat messages leave (default: logged only).
    pub messaging: crate::messaging::MessagingSettings,
}

impl Default for CoreSettings {
    fn default() -> Self {
        Self {
            pii_key: PiiKey::random(),
            session_idle_timeout: Duration::from_secs(12 * 3600),
            session_max_age: Duration::from_secs(30 * 24 * 3600),
            lockout_threshold: 5,
            lockout_duration: Duration::from_secs(15 * 60),
            login_rate_limit: 30,
            login_rate_window: Duration::from_secs(10 * 60),
            messaging: Default::default(),
        }
    }
}
