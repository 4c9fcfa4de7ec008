//! The sample team, embedded in the binary: what a new user first sees.

use std::path::Path;

use crate::model::Team;

pub const SAMPLE_RON: &str = include_str!("../assets/sample-team.ron");

/// The sample team. It is checked by the tests, so it always loads.
pub fn team() -> Team {
    crate::store::parse(SAMPLE_RON.as_bytes(), Path::new("assets/sample-team.ron"))
        .expect("the embedded sample team is valid")
}
