//! How a person's skills grew, from `history`: each skill's level month by
//! month, for the People view's small chart (SPEC §5).

use crate::model::{Date, Person, key};

/// One skill's level over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Growth {
    /// The skill, as the person's skills spell it.
    pub skill: String,
    /// The level at the end of each month, oldest first, up to this month;
    /// `None` before the first recorded level.
    pub months: Vec<Option<u8>>,
    /// The first recorded level, and when.
    pub from: (u8, Date),
    /// The level now.
    pub to: u8,
}

/// At most this many months are drawn: two years.
pub const MONTHS: usize = 24;

/// Each skill of `person` with a recorded history, in the order of their
/// skills; the months end with the month of `today`.
pub fn of(person: &Person, today: Date) -> Vec<Growth> {
    person
        .skills
        .iter()
        .filter_map(|(skill, &now)| {
            let wanted = key(skill);
            let changes: Vec<_> = person
                .history
                .iter()
                .filter(|c| key(&c.skill) == wanted && c.date <= today)
                .collect();
            let first = changes.first()?;
            let start = month_index(first.date).max(month_index(today) - MONTHS as i32 + 1);
            let months = (start..=month_index(today))
                .map(|month| {
                    changes
                        .iter()
                        .rev()
                        .find(|c| month_index(c.date) <= month)
                        .map(|c| c.level)
                })
                .collect();
            Some(Growth {
                skill: skill.clone(),
                months,
                from: (first.level, first.date),
                to: now,
            })
        })
        .collect()
}

/// Months since year 0: consecutive months differ by one.
fn month_index(date: Date) -> i32 {
    i32::from(date.year()) * 12 + i32::from(date.month()) - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LevelChange;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn person(history: &[(&str, &str, u8)], skills: &[(&str, u8)]) -> Person {
        let mut p = Person::named("Ana");
        p.skills = skills.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        p.history = history
            .iter()
            .map(|(d, s, l)| LevelChange {
                date: day(d),
                skill: s.to_string(),
                level: *l,
            })
            .collect();
        p
    }

    #[test]
    fn each_month_holds_the_level_reached_by_its_end() {
        let p = person(
            &[
                ("2026-08-10", "sql", 1),
                ("2026-09-30", "sql", 2),
                ("2026-11-20", "SQL", 3),
            ],
            &[("sql", 3), ("rust", 2)],
        );
        let growth = of(&p, day("2026-11-28"));
        assert_eq!(growth.len(), 1, "rust has no history: not drawn");
        let sql = &growth[0];
        assert_eq!(sql.skill, "sql");
        // August, September, October, November.
        assert_eq!(sql.months, [Some(1), Some(2), Some(2), Some(3)]);
        assert_eq!(sql.from, (1, day("2026-08-10")));
        assert_eq!(sql.to, 3);
    }

    #[test]
    fn at_most_two_years_are_drawn_and_the_future_is_not() {
        let p = person(
            &[("2020-01-01", "go", 1), ("2027-01-01", "go", 4)],
            &[("go", 1)],
        );
        let go = &of(&p, day("2026-11-28"))[0];
        assert_eq!(go.months.len(), MONTHS);
        assert!(go.months.iter().all(|m| *m == Some(1)), "{:?}", go.months);
    }
}
