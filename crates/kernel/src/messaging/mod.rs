//! Outbound messages (短信邮件中心): written to the outbox in the transaction of the change that
//! causes them, with their delivery job; delivered by [`deliver`] through the channel's
//! adapter, never twice and never to a customer without consent for the channel.

pub mod adapters;
mod deliver;
mod outbox;
pub mod templates;

pub use adapters::{HttpProviderSettings, MessagingSettings, SmtpSettings, TlsMode, Transport};
pub use deliver::DELIVER_JOB;
pub use outbox::{DeliveryView, MessageQuery, MessageView, OutboundRequest, queue_message};
pub use templates::BuiltinTemplate;

pub fn register_jobs(registry: &mut crate::jobs::JobRegistry) {
    registry.register(DELIVER_JOB, deliver::deliver);
}
