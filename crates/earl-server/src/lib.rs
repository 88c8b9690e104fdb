//! earl-server
