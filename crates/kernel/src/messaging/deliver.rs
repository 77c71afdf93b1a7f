//! Delivering one message, exactly once.
//!
//! 1. In a transaction: the message is checked (already sent, suppressed or dead: nothing to
//!    do; consent withdrawn meanwhile: suppressed), marked `sending` with a fresh attempt id,
//!    and the attempt is logged as `started`. Commit.
//! 2. The adapter sends it, with the message's stable id as Message-ID / idempotency key.
//! 3. In a transaction: the attempt is logged `accepted` and the message marked `sent` (or
//!    `failed`, to be retried). Commit.
//!
//! A worker that dies after step 3 but before its job is marked done leaves a job that runs
//! again and finds the message sent: nothing is sent twice. A worker that dies between 2 and 3
//! leaves a message `sending` with an attempt that has no outcome: it may have gone out. An
//! idempotent channel (the HTTP providers, which deduplicate by key) sends it again; SMTP,
//! which cannot deduplicate, does not: the message is marked `dead` ("uncertain") for a person
//! to check, rather than risk a duplicate.

use super::adapters::Outgoing;
use super::outbox::consents;
use crate::app::App;
use crate::jobs::JobContext;
use forecourt_db::entities::{customer, message_delivery, outbound_message};
use forecourt_db::repo::{messages, tenant};
use forecourt_domain::ids::DealerId;
use forecourt_domain::work::{MessageChannel, MessageStatus};
use uuid::Uuid;

pub const DELIVER_JOB: &str = "message.deliver";
const MAX_ATTEMPTS: i32 = 5;

enum Step {
    Nothing,
    Send {
        message: outbound_message::Model,
        attempt: Uuid,
    },
}

pub async fn deliver(ctx: JobContext) -> anyhow::Result<()> {
    let Some(dealer) = ctx.job.dealer_id else {
        return Ok(());
    };
    let Some(id) = ctx
        .job
        .payload
        .get("message_id")
        .and_then(|v| v.as_str())
        .and_then(|s| s.parse::<Uuid>().ok())
    else {
        return Ok(());
    };
    let app = &ctx.app;
    let actor = app.system_actor(DealerId::from_uuid(dealer)).await?;
    let Step::Send { message, attempt } = claim(app, &actor, id).await? else {
        return Ok(());
    };
    let sender = app.senders.of(&message.channel);
    let outgoing = Outgoing {
        message_id: message.id.to_string(),
        channel: MessageChannel::parse(&message.channel).map_or("email", MessageChannel::as_str),
        recipient: message.recipient.clone(),
        subject: message.subject.clone(),
        body: message.body.clone(),
    };
    let result = sender.send(&outgoing).await;
    let now = app.now();
    let tx = app.db.begin().await?;
    let current = tenant::find::<outbound_message::Entity, _>(&*tx, actor.scope(), id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the message disappeared"))?;
    let log = messages::deliveries(&*tx, actor.scope(), id).await?;
    let mut after = current.clone();
    let outcome = match &result {
        Ok(accepted) => {
            after.status = MessageStatus::Sent.as_str().to_owned();
            after.sent_at = Some(now);
            after.provider_message_id = accepted.provider_message_id.clone();
            after.last_error = None;
            ("accepted", accepted.provider_message_id.clone(), None)
        }
        Err(error) => {
            let dead = current.attempts >= MAX_ATTEMPTS;
            after.status = if dead {
                MessageStatus::Dead
            } else {
                MessageStatus::Failed
            }
            .as_str()
            .to_owned();
            after.last_error = Some(format!("{error:#}").chars().take(2000).collect());
            ("failed", None, after.last_error.clone())
        }
    };
    after.attempt_id = None;
    after.sending_since = None;
    tenant::update::<outbound_message::Entity, _>(
        &*tx,
        actor.scope(),
        current.id,
        after.clone(),
        current.version,
        now,
    )
    .await?;
    if let Some(row) = log.into_iter().find(|d| d.attempt_id == attempt) {
        let mut done = row.clone();
        done.finished_at = Some(now);
        done.result = outcome.0.to_owned();
        done.provider_message_id = outcome.1;
        done.error = outcome.2;
        messages_update_delivery(&*tx, &actor, done).await?;
    }
    tx.commit().await?;
    match result {
        Ok(_) => Ok(()),
        // A dead message stays dead; the job ends.
        Err(_) if after.status == MessageStatus::Dead.as_str() => Ok(()),
        Err(error) => Err(error),
    }
}

async fn messages_update_delivery<C: forecourt_db::ConnectionTrait>(
    conn: &C,
    actor: &crate::Actor,
    row: message_delivery::Model,
) -> anyhow::Result<()> {
    tenant::delete::<message_delivery::Entity, _>(conn, actor.scope(), row.id).await?;
    tenant::insert::<message_delivery::Entity, _>(conn, actor.scope(), row.dealer_id, row).await?;
    Ok(())
}

/// Step 1: decides whether to send, and records the attempt.
async fn claim(app: &App, actor: &crate::Actor, id: Uuid) -> anyhow::Result<Step> {
    let now = app.now();
    let tx = app.db.begin().await?;
    let Some(message) =
        tenant::find::<outbound_message::Entity, _>(&*tx, actor.scope(), id).await?
    else {
        return Ok(Step::Nothing);
    };
    let status = MessageStatus::parse(&message.status).unwrap_or(MessageStatus::Queued);
    if matches!(
        status,
        MessageStatus::Sent | MessageStatus::Suppressed | MessageStatus::Dead
    ) {
        return Ok(Step::Nothing);
    }
    let channel = MessageChannel::parse(&message.channel).unwrap_or(MessageChannel::Email);
    let mut after = message.clone();
    let log_row = |result: &str, error: Option<String>, attempt: Uuid| message_delivery::Model {
        id: Uuid::now_v7(),
        dealer_id: message.dealer_id,
        message_id: message.id,
        attempt_id: attempt,
        attempt: message.attempts + 1,
        started_at: now,
        finished_at: (result != "started").then_some(now),
        result: result.to_owned(),
        provider_message_id: None,
        error,
    };
    // Consent is checked again at the last moment: it may have been withdrawn since queuing.
    if let Some(customer_id) = message.customer_id {
        let customer =
            tenant::find::<customer::Entity, _>(&*tx, actor.scope(), customer_id).await?;
        if !customer.as_ref().is_some_and(|c| consents(c, channel)) {
            after.status = MessageStatus::Suppressed.as_str().to_owned();
            after.last_error = Some(format!("no consent to {channel}"));
            let row = log_row("suppressed", after.last_error.clone(), Uuid::now_v7());
            tenant::update::<outbound_message::Entity, _>(
                &*tx,
                actor.scope(),
                message.id,
                after,
                message.version,
                now,
            )
            .await?;
            tenant::insert::<message_delivery::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
                .await?;
            tx.commit().await?;
            return Ok(Step::Nothing);
        }
    }
    if status == MessageStatus::Sending && !app.senders.of(&message.channel).idempotent() {
        after.status = MessageStatus::Dead.as_str().to_owned();
        after.last_error = Some("uncertain: the worker stopped while handing the message over; not resent to avoid a duplicate".to_owned());
        let row = log_row(
            "uncertain",
            after.last_error.clone(),
            message.attempt_id.unwrap_or_else(Uuid::now_v7),
        );
        tenant::update::<outbound_message::Entity, _>(
            &*tx,
            actor.scope(),
            message.id,
            after,
            message.version,
            now,
        )
        .await?;
        tenant::insert::<message_delivery::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
            .await?;
        tx.commit().await?;
        return Ok(Step::Nothing);
    }
    let attempt = Uuid::now_v7();
    let row = log_row("started", None, attempt);
    after.status = MessageStatus::Sending.as_str().to_owned();
    after.attempt_id = Some(attempt);
    after.sending_since = Some(now);
    after.attempts = message.attempts + 1;
    let saved = tenant::update::<outbound_message::Entity, _>(
        &*tx,
        actor.scope(),
        message.id,
        after,
        message.version,
        now,
    )
    .await?;
    tenant::insert::<message_delivery::Entity, _>(&*tx, actor.scope(), row.dealer_id, row).await?;
    tx.commit().await?;
    Ok(Step::Send {
        message: saved,
        attempt,
    })
}
