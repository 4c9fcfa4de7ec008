//! Dates in the analysis (SPEC §3 *Dates*): how a mission stands against
//! its due date and check-in, and how a person stands against their
//! one-on-one cadence and action items, on a given day.
//!
//! These are cheap pure functions of one mission or person and today, not
//! part of the incremental [`Analysis`](super::Analysis): today changes
//! without any edit, and a view asks only for the rows it shows.

use crate::model::{ActionItem, Date, Mission, Person, Status};

/// A mission due within this many days is due soon.
pub const DUE_SOON_DAYS: i64 = 14;

/// Days from `from` to `to`: negative when `to` is earlier.
pub fn days_between(from: Date, to: Date) -> i64 {
    from.duration_until(to).as_secs() / 86_400
}

/// Where one mission stands on a day. A done mission has none of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MissionDates {
    /// The due date of an active mission.
    pub due: Option<Date>,
    /// Days until it is due; negative when past.
    pub due_in_days: Option<i64>,
    /// Due before today.
    pub overdue: bool,
    /// Due today or within [`DUE_SOON_DAYS`], and not overdue.
    pub due_soon: bool,
    /// The check-in date of a handed-over mission.
    pub check_in: Option<Date>,
    /// Handed over, and its check-in is today or past.
    pub check_in_due: bool,
}

impl MissionDates {
    /// Overdue or due soon: what the week lists.
    pub fn is_due(&self) -> bool {
        self.overdue || self.due_soon
    }
}

/// How `mission` stands on `today`.
pub fn mission(mission: &Mission, today: Date) -> MissionDates {
    mission_soon(mission, today, DUE_SOON_DAYS)
}

/// How `mission` stands on `today`, due soon meaning within `soon` days
/// (the app's `due_soon_days` setting; [`DUE_SOON_DAYS`] elsewhere).
pub fn mission_soon(mission: &Mission, today: Date, soon: i64) -> MissionDates {
    if !mission.is_active() {
        return MissionDates::default();
    }
    let due_in_days = mission.due.map(|due| days_between(today, due));
    let check_in = mission
        .check_in
        .filter(|_| mission.status == Status::HandedOver);
    MissionDates {
        due: mission.due,
        due_in_days,
        overdue: due_in_days.is_some_and(|d| d < 0),
        due_soon: due_in_days.is_some_and(|d| (0..=soon).contains(&d)),
        check_in,
        check_in_due: check_in.is_some_and(|c| c <= today),
    }
}

/// Where one person stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonDates {
    /// Days between their one-on-ones.
    pub cadence: u32,
    /// The newest one-on-one, if any.
    pub last_one_on_one: Option<Date>,
    /// Days since it.
    pub days_since: Option<i64>,
    /// No one-on-one yet, or `days_since >= cadence`.
    pub one_on_one_due: bool,
    /// Action items not done.
    pub open_actions: usize,
    /// Open action items whose due date is past.
    pub overdue_actions: usize,
}

impl PersonDates {
    /// How many days past the cadence the next one-on-one is (0 when it is
    /// due today), or `None` with no one-on-one yet.
    pub fn days_late(&self) -> Option<i64> {
        self.days_since.map(|d| d - i64::from(self.cadence))
    }
}

/// How `person` stands on `today`.
pub fn person(person: &Person, today: Date) -> PersonDates {
    let last_one_on_one = person.log.iter().map(|e| e.date).max();
    let days_since = last_one_on_one.map(|last| days_between(last, today));
    let mut open_actions = 0;
    let mut overdue_actions = 0;
    for action in person.log.iter().flat_map(|e| &e.actions) {
        if !action.done {
            open_actions += 1;
            overdue_actions += usize::from(action_overdue(action, today));
        }
    }
    PersonDates {
        cadence: person.cadence,
        last_one_on_one,
        days_since,
        one_on_one_due: days_since.is_none_or(|d| d >= i64::from(person.cadence)),
        open_actions,
        overdue_actions,
    }
}

/// An action item not done whose due date is past.
pub fn action_overdue(action: &ActionItem, today: Date) -> bool {
    !action.done && action.due.is_some_and(|due| due < today)
}

/// "3 days late", "due today", "in 5 days": a due date against today.
pub fn relative(days: i64) -> String {
    match days {
        0 => "due today".into(),
        d if d < 0 => format!("{} late", count_days(-d)),
        d => format!("in {}", count_days(d)),
    }
}

/// "1 day", "5 days".
pub fn count_days(days: i64) -> String {
    format!("{days} day{}", if days == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LogEntry;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    const TODAY: &str = "2026-11-28";

    fn due(status: Status, due: &str) -> MissionDates {
        let mut m = Mission::titled("M");
        m.status = status;
        m.due = Some(day(due));
        mission(&m, day(TODAY))
    }

    #[test]
    fn days_between_counts_calendar_days_both_ways() {
        assert_eq!(days_between(day("2026-11-28"), day("2027-03-01")), 93);
        assert_eq!(days_between(day("2026-11-28"), day("2026-11-25")), -3);
        assert_eq!(days_between(day("2026-02-28"), day("2026-03-01")), 1);
        assert_eq!(days_between(day("2028-02-28"), day("2028-03-01")), 2);
    }

    #[test]
    fn a_mission_due_in_the_past_is_overdue_and_not_due_soon() {
        let d = due(Status::Planned, "2026-11-25");
        assert_eq!(d.due_in_days, Some(-3));
        assert!(d.overdue && !d.due_soon && d.is_due());
        let d = due(Status::Planned, "2026-11-27");
        assert_eq!((d.due_in_days, d.overdue), (Some(-1), true));
    }

    #[test]
    fn due_soon_runs_from_today_to_fourteen_days_ahead() {
        for (date, soon) in [
            ("2026-11-28", true),
            ("2026-12-12", true),
            ("2026-12-13", false),
            ("2027-03-01", false),
        ] {
            let d = due(Status::HandedOver, date);
            assert_eq!(d.due_soon, soon, "{date}");
            assert!(!d.overdue, "{date}");
        }
        assert_eq!(due(Status::Planned, "2026-12-12").due_in_days, Some(14));
    }

    #[test]
    fn a_done_mission_or_one_without_a_due_date_has_no_dates() {
        assert_eq!(due(Status::Done, "2026-11-01"), MissionDates::default());
        let m = Mission::titled("M");
        assert_eq!(mission(&m, day(TODAY)), MissionDates::default());
    }

    #[test]
    fn a_check_in_is_due_on_its_day_and_after_for_a_handed_over_mission_only() {
        let mut m = Mission::titled("M");
        m.status = Status::HandedOver;
        for (check_in, is_due) in [
            ("2026-11-27", true),
            ("2026-11-28", true),
            ("2026-11-29", false),
        ] {
            m.check_in = Some(day(check_in));
            let d = mission(&m, day(TODAY));
            assert_eq!(d.check_in_due, is_due, "{check_in}");
            assert_eq!(d.check_in, Some(day(check_in)));
        }
        m.status = Status::Done;
        assert!(!mission(&m, day(TODAY)).check_in_due);
    }

    fn met(dates: &[&str], cadence: u32) -> PersonDates {
        let mut p = Person::named("A");
        p.cadence = cadence;
        p.log = dates
            .iter()
            .map(|d| LogEntry {
                date: day(d),
                note: String::new(),
                actions: Vec::new(),
            })
            .collect();
        person(&p, day(TODAY))
    }

    #[test]
    fn nobody_met_yet_is_due_a_one_on_one() {
        let d = met(&[], 14);
        assert_eq!((d.last_one_on_one, d.days_since), (None, None));
        assert!(d.one_on_one_due);
        assert_eq!(d.days_late(), None);
    }

    #[test]
    fn a_one_on_one_is_due_once_the_cadence_has_passed() {
        let d = met(&["2026-10-01", "2026-11-14"], 14);
        assert_eq!(d.last_one_on_one, Some(day("2026-11-14")));
        assert_eq!(d.days_since, Some(14));
        assert!(d.one_on_one_due, "14 days on a 14-day cadence");
        assert_eq!(d.days_late(), Some(0));
        let d = met(&["2026-11-15"], 14);
        assert_eq!(d.days_since, Some(13));
        assert!(!d.one_on_one_due);
        let d = met(&["2026-11-20"], 7);
        assert!(d.one_on_one_due, "8 days on a weekly cadence");
        assert_eq!(d.days_late(), Some(1));
        assert_eq!(d.cadence, 7);
    }

    #[test]
    fn open_and_overdue_actions_are_counted() {
        let mut p = Person::named("A");
        let action = |done: bool, due: Option<&str>| ActionItem {
            done,
            due: due.map(day),
            ..ActionItem::new("x")
        };
        p.log.push(LogEntry {
            date: day("2026-11-01"),
            note: String::new(),
            actions: vec![
                action(false, Some("2026-11-27")),
                action(false, Some("2026-11-28")),
                action(false, None),
                action(true, Some("2026-11-01")),
            ],
        });
        let d = person(&p, day(TODAY));
        assert_eq!((d.open_actions, d.overdue_actions), (3, 1));
        assert!(action_overdue(&p.log[0].actions[0], day(TODAY)));
        assert!(
            !action_overdue(&p.log[0].actions[1], day(TODAY)),
            "due today is not late"
        );
        assert!(
            !action_overdue(&p.log[0].actions[3], day(TODAY)),
            "done is never late"
        );
    }

    #[test]
    fn relative_dates_read_as_a_manager_says_them() {
        assert_eq!(relative(-1), "1 day late");
        assert_eq!(relative(-3), "3 days late");
        assert_eq!(relative(0), "due today");
        assert_eq!(relative(5), "in 5 days");
    }
}
