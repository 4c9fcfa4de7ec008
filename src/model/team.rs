use serde::{Deserialize, Serialize};

use super::{Mission, Person};

/// The file format version this build reads and writes.
pub const CURRENT_VERSION: u32 = 2;

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

impl Team {
    /// Brings a team read from an older file up to this version: a version-1
    /// file may hold a `Planned` mission with a stale hand-over date (the old
    /// app kept it when a mission went back to planned); what its status
    /// rules out is cleared rather than the file refused. The next save
    /// writes the current version.
    pub fn upgrade(&mut self) {
        if self.version >= CURRENT_VERSION {
            return;
        }
        for mission in &mut self.missions {
            mission.clear_what_status_rules_out();
        }
        self.version = CURRENT_VERSION;
    }
}
