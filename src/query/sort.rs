//! The orders of the Missions list (SPEC §5): `s` cycles file order, most
//! urgent verdict, due date, owner. Each order compares missions by what it
//! is about and calls the rest a tie; [`Sort::sort`] is stable, so ties keep
//! the order the rows come in — file order, or, with words in the filter,
//! the best match first.

use std::cmp::Ordering;

use crate::analysis::Verdict;
use crate::model::{Date, Key, Mission, key, loose_key};

/// How the Missions list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// As the file lists them (or best match first while filtering by words).
    #[default]
    File,
    /// Worst verdict first (blocked, at risk, unassigned, stretch, ready,
    /// done: [`Verdict::ALL`]); within a verdict, the nearest due date first.
    Urgency,
    /// Active missions by due date, earliest (latest overdue) first, then
    /// active missions with no due date, then done missions.
    Due,
    /// By owner name, ignoring case and accents; missions with no owner last.
    Owner,
}

/// What a sort reads of one mission.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    pub mission: &'a Mission,
    pub verdict: Verdict,
}

impl Sort {
    /// Every order, in the order `s` goes through them.
    pub const ALL: [Sort; 4] = [Sort::File, Sort::Urgency, Sort::Due, Sort::Owner];

    /// The order after this one; the last leads back to the first.
    pub fn next(self) -> Sort {
        let at = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(at + 1) % Sort::ALL.len()]
    }

    /// The name to show ("sorted by due date").
    pub fn name(self) -> &'static str {
        match self {
            Sort::File => "file order",
            Sort::Urgency => "most urgent",
            Sort::Due => "due date",
            Sort::Owner => "owner",
        }
    }

    /// How `a` and `b` compare in this order; `Equal` for a tie, which a
    /// stable sort leaves as it found.
    pub fn compare(self, a: Row, b: Row) -> Ordering {
        match self {
            Sort::File => Ordering::Equal,
            Sort::Urgency => a
                .verdict
                .cmp(&b.verdict)
                .then_with(|| dated_first(a.mission.due, b.mission.due)),
            Sort::Due => due_key(a.mission).cmp(&due_key(b.mission)),
            Sort::Owner => owner_key(a.mission).cmp(&owner_key(b.mission)),
        }
    }

    /// Orders `rows` (indexes into `missions`) stably; `verdict` gives each
    /// mission's verdict. Owner keys are worked out once per row.
    pub fn sort(
        self,
        rows: &mut [usize],
        missions: &[Mission],
        verdict: impl Fn(usize) -> Verdict,
    ) {
        match self {
            Sort::File => {}
            Sort::Owner => rows.sort_by_cached_key(|&i| owner_key(&missions[i])),
            Sort::Due => rows.sort_by_key(|&i| due_key(&missions[i])),
            Sort::Urgency => rows.sort_by(|&a, &b| {
                let row = |i: usize| Row {
                    mission: &missions[i],
                    verdict: verdict(i),
                };
                self.compare(row(a), row(b))
            }),
        }
    }
}

/// Dated before undated, earlier before later.
fn dated_first(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// (done, undated, due): active dated missions first, by date.
fn due_key(m: &Mission) -> (bool, bool, Option<Date>) {
    (!m.is_active(), m.due.is_none(), m.due)
}

/// (no owner, accent-free name, name): "Élodie" next to "Emma", not after
/// "Zoe"; names equal without accents still in a fixed order.
fn owner_key(m: &Mission) -> (bool, Option<(Key, Key)>) {
    (
        m.owner.is_none(),
        m.owner.as_deref().map(|o| (loose_key(o), key(o))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn mission(title: &str, owner: Option<&str>, due: Option<Date>) -> Mission {
        Mission {
            owner: owner.map(str::to_string),
            due,
            ..Mission::titled(title)
        }
    }

    fn sorted(sort: Sort, missions: &[Mission], verdicts: &[Verdict]) -> Vec<String> {
        let mut rows: Vec<usize> = (0..missions.len()).collect();
        sort.sort(&mut rows, missions, |i| verdicts[i]);
        rows.iter().map(|&i| missions[i].title.clone()).collect()
    }

    #[test]
    fn s_cycles_through_every_order_and_back() {
        assert_eq!(Sort::default(), Sort::File);
        assert_eq!(Sort::File.next(), Sort::Urgency);
        assert_eq!(Sort::Urgency.next(), Sort::Due);
        assert_eq!(Sort::Due.next(), Sort::Owner);
        assert_eq!(Sort::Owner.next(), Sort::File);
        let names: Vec<_> = Sort::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(names, ["file order", "most urgent", "due date", "owner"]);
    }

    #[test]
    fn file_order_keeps_the_rows_as_they_come() {
        let ms = [mission("a", None, None), mission("b", None, None)];
        let mut rows = vec![1, 0];
        Sort::File.sort(&mut rows, &ms, |_| Verdict::Ready);
        assert_eq!(rows, [1, 0], "best match first stays first");
    }

    #[test]
    fn most_urgent_puts_the_worst_verdict_first_then_the_nearest_due_date() {
        use Verdict::*;
        let ms = [
            mission("ready", None, Some(d(2027, 1, 1))),
            mission("blocked late", None, Some(d(2027, 3, 1))),
            mission("done", None, None),
            mission("at risk", None, None),
            mission("blocked soon", None, Some(d(2027, 2, 1))),
            mission("unassigned", None, None),
            mission("blocked undated", None, None),
            mission("stretch", None, None),
        ];
        let verdicts = [
            Ready, Blocked, Done, AtRisk, Blocked, Unassigned, Blocked, Stretch,
        ];
        assert_eq!(
            sorted(Sort::Urgency, &ms, &verdicts),
            [
                "blocked soon",
                "blocked late",
                "blocked undated",
                "at risk",
                "unassigned",
                "stretch",
                "ready",
                "done"
            ]
        );
    }

    #[test]
    fn due_date_puts_dated_first_then_undated_then_done() {
        let mut done = mission("done early", None, Some(d(2020, 1, 1)));
        done.status = crate::model::Status::Done;
        let ms = [
            mission("undated 1", None, None),
            mission("march", None, Some(d(2027, 3, 1))),
            done,
            mission("late", None, Some(d(2026, 11, 1))),
            mission("undated 2", None, None),
            mission("march too", None, Some(d(2027, 3, 1))),
        ];
        let verdicts = [Verdict::Ready; 6];
        assert_eq!(
            sorted(Sort::Due, &ms, &verdicts),
            [
                "late",
                "march",
                "march too",
                "undated 1",
                "undated 2",
                "done early"
            ]
        );
    }

    #[test]
    fn owner_order_ignores_case_and_accents_and_puts_nobody_last() {
        let ms = [
            mission("nobody's", None, None),
            mission("zoe's", Some("Zoe"), None),
            mission("élodie's", Some("Élodie Roy"), None),
            mission("emma's", Some("emma"), None),
            mission("amina's", Some("Amina Diallo"), None),
            mission("amina's too", Some("amina diallo"), None),
            mission("nobody's too", None, None),
        ];
        let verdicts = [Verdict::Ready; 7];
        assert_eq!(
            sorted(Sort::Owner, &ms, &verdicts),
            [
                "amina's",
                "amina's too",
                "élodie's",
                "emma's",
                "zoe's",
                "nobody's",
                "nobody's too"
            ]
        );
    }

    #[test]
    fn compare_agrees_with_sort_and_calls_ties_equal() {
        let a = mission("a", Some("Dana"), Some(d(2027, 1, 1)));
        let b = mission("b", Some("dana"), Some(d(2027, 1, 1)));
        let c = mission("c", Some("Bruno"), None);
        let row = |m| Row {
            mission: m,
            verdict: Verdict::Ready,
        };
        assert_eq!(Sort::Due.compare(row(&a), row(&b)), Ordering::Equal);
        assert_eq!(Sort::Due.compare(row(&a), row(&c)), Ordering::Less);
        assert_eq!(Sort::Owner.compare(row(&c), row(&a)), Ordering::Less);
        assert_eq!(Sort::File.compare(row(&c), row(&a)), Ordering::Equal);
        assert_eq!(
            Sort::Urgency.compare(
                Row {
                    mission: &c,
                    verdict: Verdict::Blocked
                },
                row(&a)
            ),
            Ordering::Less
        );
    }
}
