//! Stock settings.
