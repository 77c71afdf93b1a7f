//! Core tests that are about the code base itself.

mod architecture;
mod search_recall;
