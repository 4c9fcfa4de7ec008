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
    /// Days between one-on-ones (1..=365).
    #[serde(default = "default_cadence")]
    pub cadence: u32,
    /// Every change of a skill level, oldest first.
    #[serde(default)]
    pub history: Vec<LevelChange>,
    /// The one-on-one log, oldest first.
    #[serde(default)]
    pub log: Vec<LogEntry>,
}

pub const DEFAULT_CAPACITY: u32 = 3;
pub const DEFAULT_MENTOR_CAPACITY: u32 = 2;
/// Days between one-on-ones when the file does not say.
pub const DEFAULT_CADENCE: u32 = 14;
/// The cadences a file may hold: from daily to yearly.
pub const CADENCE_DAYS: std::ops::RangeInclusive<u32> = 1..=365;

fn default_cadence() -> u32 {
    DEFAULT_CADENCE
}

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
            cadence: DEFAULT_CADENCE,
            history: Vec::new(),
            log: Vec::new(),
        }
    }
}

/// A skill level a person reached on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelChange {
    pub date: Date,
    pub skill: String,
    pub level: u8,
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
    /// The manager's own action; otherwise it is the person's.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mine: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

impl ActionItem {
    /// An open action of the person's, with no due date.
    pub fn new(text: impl Into<String>) -> Self {
        ActionItem {
            text: text.into(),
            done: false,
            mine: false,
            due: None,
        }
    }
}

fn is_false(value: &bool) -> bool {
    !value
}
