//! handover: check what makes delegation autonomy rather than abandonment.
//!
//! Data flows one way: file → [`store`] → [`model`] → [`analysis`] → output.
//! Nothing outside `tui` knows a terminal exists.

pub mod analysis;
pub mod model;
pub mod store;
pub mod text;
