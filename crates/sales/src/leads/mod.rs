//! Leads: someone who may buy a car, their intent grade with its history, the follow-ups that
//! grade them, assignment, loss (战败) and reopening.
//!
//! Grades change only through a recorded contact (a follow-up, a showroom visit, a test drive)
//! or an outcome (an order, a loss, a reopening), so every change in the history says what
//! happened.

pub mod access;
mod assign;
mod create;
mod follow_up;
mod list;
mod lost;
pub mod views;
pub mod write;

pub use assign::{BulkAssign, BulkAssignOutcome, LeadAssignment};
pub use assign::{check_new_owner, choose_owner, move_lead};
pub use create::{CustomerLink, LeadFields, LeadPatch, NewLead};
pub use create::{parse_fields, starting_grade};
pub use follow_up::NewFollowUp;
pub use list::{GradeColumn, LeadBoard, LeadPage, LeadQuery};
pub use lost::close_duplicates_before_merge;
pub use lost::{LOST_APPROVAL, LostInput, ReopenInput};
pub use views::{FollowUpView, GradeChangeView, LeadView, LostView};
