use serde::{Deserialize, Serialize};

use super::{Mission, Person};

/// The file format version this build reads and writes.
pub const CURRENT_VERSION: u32 = 1;

/// One team: its people and its missions, in file order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    #[serde(default = "current_version")]
    pub version: u32,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub missions: Vec<Mission>,
}

fn current_version() -> u32 {
    CURRENT_VERSION
}

impl Default for Team {
    fn default() -> Self {
        Team {
            version: CURRENT_VERSION,
            people: Vec::new(),
            missions: Vec::new(),
        }
    }
}
