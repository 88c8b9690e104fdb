//! earl-data
