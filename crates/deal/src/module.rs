//! What the deal brings to the kernel: the `quote.discount` approval and its effects, its
//! texts, its customer columns and timeline kinds.

use forecourt_kernel::approvals::ApprovalType;
use forecourt_kernel::module::Module;
use forecourt_kernel::texts::Words;

/// The deal module.
#[derive(Debug)]
pub struct DealModule;

/// The deal module, for the composition root.
pub static MODULE: DealModule = DealModule;

static APPROVAL_TYPES: &[&ApprovalType] = &[&super::quotes::approval::QUOTE_APPROVAL];

impl Module for DealModule {
    fn name(&self) -> &'static str {
        "deal"
    }

    fn approval_types(&self) -> &'static [&'static ApprovalType] {
        APPROVAL_TYPES
    }

    fn texts(&self) -> &'static [Words] {
        super::TEXTS
    }

    fn customer_references(&self) -> &'static [(&'static str, &'static str)] {
        &[("appraisals", "customer_id"), ("quotes", "customer_id")]
    }

    fn timeline_kinds(&self) -> &'static [&'static str] {
        &["quote.created", "quote.accepted", "appraisal.created"]
    }
}
