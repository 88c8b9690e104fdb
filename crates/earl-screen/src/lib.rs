//! earl-screen
