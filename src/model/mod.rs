//! The team as it is written in the data file: plain serde data, no behaviour
//! beyond name normalisation and defaults.

mod key;
mod levels;
mod mission;
mod person;
mod team;
pub mod validate;
mod verdict;

pub use key::{
    Key, Lookup, NameIndex, code_point, find_person, invisible, key, lookup, loose_into, loose_key,
    normalize_into, unique_skill_map,
};
pub use levels::{Delegation, MAX_NEED, MAX_SKILL, MIN_NEED, SKILL_NAMES};
pub use mission::{DelegationChange, Mission, Status};
pub use person::{
    ActionItem, CADENCE_DAYS, DEFAULT_CADENCE, DEFAULT_CAPACITY, DEFAULT_MENTOR_CAPACITY,
    LevelChange, LogEntry, Person,
};
pub use team::{CURRENT_VERSION, Team};
pub use verdict::Verdict;

/// A skill name with a level: `{"rust": 4}` in the file. Sorted by key so
/// saving is deterministic.
pub type Skills = std::collections::BTreeMap<String, u8>;

/// Dates are calendar days, written `"2026-11-20"`.
pub type Date = jiff::civil::Date;
