//! Core tests that are about the code base itself, and the work engine's.

mod architecture;
mod jobs;
mod search_recall;
mod work;
mod work_support;
