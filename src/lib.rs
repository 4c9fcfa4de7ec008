//! handover: check what makes delegation autonomy rather than abandonment.
//!
//! Data flows one way: file → [`store`] → [`model`] → [`analysis`] → output.
//! Nothing outside `tui` knows a terminal exists.

pub mod agenda;
pub mod analysis;
pub mod cli;
pub mod color;
pub mod commands;
pub mod date_input;
pub mod demo;
pub mod edit;
pub mod model;
pub mod plan;
pub mod query;
pub mod sample;
pub mod skills_csv;
pub mod store;
pub mod text;
pub mod today;
pub mod tui;
pub mod week;
pub mod whatif;
