//! earl-core
