//! Stock list.
