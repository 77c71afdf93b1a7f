//! Use-case tests: the code base itself (architecture), the job engine, search recall and the
//! work engine.

mod architecture;
mod care;
mod jobs;
mod registration;
mod search_recall;
mod work;
mod work_support;
