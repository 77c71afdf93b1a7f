//! Core tests that are about the code base itself, and the work engine's.

mod architecture;
mod search_recall;
mod work_support;
mod jobs;
mod work;
