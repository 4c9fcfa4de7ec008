use serde::{Deserialize, Serialize};

use super::{Date, Skills, Verdict, unique_skill_map};

/// A piece of work to hand over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    pub title: String,
    /// What done looks like. Empty means no clear goal yet.
    #[serde(default)]
    pub goal: String,
    /// Needed skills with the level each needs (1..=4).
    #[serde(default, deserialize_with = "unique_skill_map")]
    pub skills: Skills,
    /// Needed tools and resources.
    #[serde(default)]
    pub tools: Vec<String>,
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub mentor: Option<String>,
    /// Delegation level 1..=7.
    #[serde(default)]
    pub delegation: Option<u8>,
    /// Earlier delegation levels, oldest first.
    #[serde(default)]
    pub delegation_history: Vec<DelegationChange>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub due: Option<Date>,
    /// The day it was handed over, set by the app.
    #[serde(default)]
    pub handed_over: Option<Date>,
    /// The verdict it had when it was handed over.
    #[serde(default)]
    pub handed_over_as: Option<Verdict>,
    /// When to look in on it after the hand-over.
    #[serde(default)]
    pub check_in: Option<Date>,
    /// The day it was marked done.
    #[serde(default)]
    pub completed: Option<Date>,
}

impl Mission {
    /// A planned mission with this title and every other field at its default.
    pub fn titled(title: impl Into<String>) -> Self {
        Mission {
            title: title.into(),
            goal: String::new(),
            skills: Skills::new(),
            tools: Vec::new(),
            owner: None,
            mentor: None,
            delegation: None,
            delegation_history: Vec::new(),
            status: Status::Planned,
            due: None,
            handed_over: None,
            handed_over_as: None,
            check_in: None,
            completed: None,
        }
    }

    /// Clears the dates and verdict its status rules out (SPEC §2): a
    /// `Planned` mission has no `handed_over`, `handed_over_as` or
    /// `check_in`; a mission that is not `Done` has no `completed`.
    pub fn clear_what_status_rules_out(&mut self) {
        if self.status == Status::Planned {
            self.handed_over = None;
            self.handed_over_as = None;
            self.check_in = None;
        }
        if self.status != Status::Done {
            self.completed = None;
        }
    }

    /// The fields its status rules out that it holds, as the file names them.
    pub fn fields_status_rules_out(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.status == Status::Planned {
            if self.handed_over.is_some() {
                fields.push("handed_over");
            }
            if self.handed_over_as.is_some() {
                fields.push("handed_over_as");
            }
            if self.check_in.is_some() {
                fields.push("check_in");
            }
        }
        if self.status != Status::Done && self.completed.is_some() {
            fields.push("completed");
        }
        fields
    }

    /// Planned and handed-over missions are active; done ones count nowhere.
    pub fn is_active(&self) -> bool {
        self.status != Status::Done
    }
}

/// A delegation level a mission had from a date on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DelegationChange {
    pub date: Date,
    pub level: u8,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Planned,
    HandedOver,
    Done,
}

impl Status {
    /// The name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::HandedOver => "handed_over",
            Status::Done => "done",
        }
    }
}
