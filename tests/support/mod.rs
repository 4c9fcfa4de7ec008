//! Helpers the integration tests share.

pub mod app;
pub mod cli;
pub mod pty;
