//! Revealing a customer's ID number: only with the permission, only with a reason, and always
//! written to the audit log.

use super::access::{customer_for, owner_teams, reaches};
use crate::Customers;
use forecourt_domain::FieldError;
use forecourt_domain::ids::CustomerId;
use forecourt_domain::permission::Permission;
use forecourt_domain::username::REASON_MAX;
use forecourt_domain::username::parse_name;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct IdNumberReveal {
    /// Why the number is needed (e.g. "开具购车发票"); kept in the audit log.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::REASON_MAX }>)]
    pub reason: String,
}

#[derive(Clone, Serialize, ToSchema)]
pub struct RevealedIdNumber {
    /// The customer's full 身份证 number.
    pub id_number: String,
}

impl std::fmt::Debug for RevealedIdNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RevealedIdNumber(..)")
    }
}

impl Customers<'_> {
    /// Shows a customer's full ID number, with a reason that is kept in the audit log. Needs
    /// `pii.unmask_id_number` reaching the customer's owner (else 403); a customer with no ID
    /// number is 404.
    pub async fn reveal_id_number(
        &self,
        actor: &Actor,
        id: CustomerId,
        input: IdNumberReveal,
    ) -> CoreResult<RevealedIdNumber> {
        let tx = self.db().begin().await?;
        let customer = customer_for(&*tx, actor, id, Permission::CustomerRead).await?;
        actor.require(Permission::PiiUnmaskIdNumber)?;
        let owners = owner_teams(&*tx, actor, customer.owner_id).await?;
        if !reaches(actor, Permission::PiiUnmaskIdNumber, &customer, &owners) {
            return Err(CoreError::Forbidden {
                permission: Permission::PiiUnmaskIdNumber,
            });
        }
        let reason = parse_name("reason", &input.reason, REASON_MAX)?;
        if reason.chars().count() < 2 {
            return Err(CoreError::invalid(
                FieldError::new("reason", "too_short", "say why the number is needed")
                    .with_param("min", 2),
            ));
        }
        let Some(cipher) = &customer.id_number_cipher else {
            return Err(CoreError::not_found("id_number"));
        };
        let id_number = self.pii().decrypt(cipher)?;
        let entry = AuditEntry::action("customer", "id_number_revealed", Some(customer.id)).change(
            "reason",
            Value::Null,
            reason,
        );
        audit::record(&*tx, actor, entry, self.now()).await?;
        tx.commit().await?;
        Ok(RevealedIdNumber { id_number })
    }
}
