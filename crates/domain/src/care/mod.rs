//! Customer care (complaints and satisfaction): the pure rules — a complaint's SLA clock in
//! the dealer's working time, and the NPS and CSI arithmetic of survey answers.

pub mod complaint;
pub mod escalation;
pub mod nps;
pub mod sla;
