//! Tenant-scoped queries, one module per area. Functions take any connection (the pool or a
//! [`crate::WriteTx`]) and, for tenant-owned rows, a [`crate::DealerScope`].

pub mod api_tokens;
pub mod audit;
pub mod login_attempts;
pub mod org;
pub mod roles;
pub mod sessions;
pub mod tenant;
pub mod users;

use crate::entities::{api_token, audit_event, department, role, team, user};

crate::tenant_entity!(department, versioned);
crate::tenant_entity!(team, versioned);
crate::tenant_entity!(user, versioned);
crate::tenant_entity!(role, versioned);
crate::tenant_entity!(api_token, versioned);
crate::tenant_entity!(audit_event);

/// How much of a dealer's rows a list may show, from the caller's data scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Every row of the dealer.
    Dealer,
    /// Rows owned by members of the team (only the user's own when they have no team).
    Team {
        team_id: Option<uuid::Uuid>,
        user_id: uuid::Uuid,
    },
    /// Rows the user owns.
    Own { user_id: uuid::Uuid },
}

/// Escapes `%`, `_` and `\` so user input matches literally inside a LIKE pattern
/// (used with `ESCAPE '\'`).
pub fn like_contains(input: &str) -> String {
    let mut pattern = String::with_capacity(input.len() + 2);
    pattern.push('%');
    for c in input.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}
