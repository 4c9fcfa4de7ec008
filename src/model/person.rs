use serde::{Deserialize, Serialize};

use super::{Date, Skills, unique_skill_map};

/// A team member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default, deserialize_with = "unique_skill_map")]
    pub skills: Skills,
    #[serde(default)]
    pub tools: Vec<String>,
    /// Missions they can own at once.
    #[serde(default = "default_capacity")]
    pub capacity: u32,
    /// Missions they can mentor at once.
    #[serde(default = "default_mentor_capacity")]
    pub mentor_capacity: u32,
    /// The colleagues they go to for help.
    #[serde(default)]
    pub turns_to: Vec<String>,
    /// Skills they want to grow in.
    #[serde(default)]
    pub wants: Vec<String>,
    /// The one-on-one log, oldest first.
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

pub const DEFAULT_CAPACITY: u32 = 3;
pub const DEFAULT_MENTOR_CAPACITY: u32 = 2;

fn default_capacity() -> u32 {
    DEFAULT_CAPACITY
}

fn default_mentor_capacity() -> u32 {
    DEFAULT_MENTOR_CAPACITY
}

impl Person {
    /// A person with this name and every other field at its default.
    pub fn named(name: impl Into<String>) -> Self {
        Person {
            name: name.into(),
            role: String::new(),
            skills: Skills::new(),
            tools: Vec::new(),
            capacity: DEFAULT_CAPACITY,
            mentor_capacity: DEFAULT_MENTOR_CAPACITY,
            turns_to: Vec::new(),
            wants: Vec::new(),
            log: Vec::new(),
        }
    }
}

/// One one-on-one: what was said and what was agreed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    pub date: Date,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}

/// An action item agreed in a one-on-one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub text: String,
    #[serde(default)]
    pub done: bool,
}
