/// Skill levels of a person: 0 none · 1 learning · 2 guided · 3 autonomous · 4 expert.
pub const MAX_SKILL: u8 = 4;
/// A mission needs at least level 1 and at most level 4 of a skill.
pub const MIN_NEED: u8 = 1;
pub const MAX_NEED: u8 = 4;

/// What each skill level means, indexed by level.
pub const SKILL_NAMES: [&str; 5] = ["none", "learning", "guided", "autonomous", "expert"];

/// Management 3.0's seven delegation levels, 1 (Tell) to 7 (Delegate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delegation(pub u8);

impl Delegation {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 7;
    const NAMES: [&'static str; 7] = [
        "Tell", "Sell", "Consult", "Agree", "Advise", "Inquire", "Delegate",
    ];

    /// The level's name, e.g. "Agree" for 4; "?" outside 1..=7.
    pub fn name(level: u8) -> &'static str {
        match level {
            Self::MIN..=Self::MAX => Self::NAMES[usize::from(level - 1)],
            _ => "?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delegation_names_follow_management_3_0() {
        assert_eq!(Delegation::name(1), "Tell");
        assert_eq!(Delegation::name(4), "Agree");
        assert_eq!(Delegation::name(7), "Delegate");
        assert_eq!(Delegation::name(0), "?");
        assert_eq!(Delegation::name(8), "?");
    }
}
