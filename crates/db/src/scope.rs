//! The proof that a caller may touch one dealer's data.

use forecourt_domain::ids::DealerId;

/// Names the one dealer a query may touch. Every repository function over tenant-owned rows
/// takes one and filters by it, so a query without a scope does not compile.
///
/// Only the auth layer (`forecourt_kernel::auth`) issues scopes, after it has authenticated the
/// caller and checked they may act in the dealer; an architecture test fails if
/// [`DealerScope::issued_by_auth`] is called anywhere else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DealerScope {
    dealer_id: DealerId,
}

impl DealerScope {
    /// Issues a scope. Reserved for `forecourt_kernel::auth` (and test fixtures).
    #[doc(hidden)]
    pub fn issued_by_auth(dealer_id: DealerId) -> Self {
        Self { dealer_id }
    }

    pub fn dealer_id(&self) -> DealerId {
        self.dealer_id
    }
}
