//! earl-store
