//! The manager's week (SPEC §4 `handover week`): what needs them now, drawn
//! from the analysis and the dates of [`crate::analysis::dates`], most
//! urgent first in each group. A structure; `commands::week` writes it as
//! text or JSON.

use crate::analysis::dates::{self, MissionDates};
use crate::analysis::{Analysis, MissionId, PersonId, Verdict};
use crate::model::{Date, Status, Team};

/// What is due in the week of `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Week {
    pub today: Date,
    /// People due a one-on-one: never met first, then the most overdue.
    pub one_on_ones_due: Vec<OneOnOneDue>,
    /// Active missions overdue or due within 14 days, the most overdue first.
    pub missions_due: Vec<MissionDue>,
    /// Handed-over missions whose check-in is today or past, oldest first.
    pub check_ins_due: Vec<CheckInDue>,
    /// Action items not done: overdue first (most overdue first), then
    /// those with a due date by date, then the rest as agreed.
    pub actions_open: Vec<OpenAction>,
    /// Active missions handed over while blocked or at risk.
    pub handed_over_at_risk: Vec<HandedOverAtRisk>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneOnOneDue {
    pub person: PersonId,
    pub last: Option<Date>,
    pub days_since: Option<i64>,
    pub cadence: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissionDue {
    pub mission: MissionId,
    pub due: Date,
    pub due_in_days: i64,
    pub verdict: Verdict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckInDue {
    pub mission: MissionId,
    pub check_in: Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAction {
    pub person: PersonId,
    /// The log entry and the action within it.
    pub entry: usize,
    pub action: usize,
    /// The day it was agreed.
    pub since: Date,
    pub mine: bool,
    pub due: Option<Date>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandedOverAtRisk {
    pub mission: MissionId,
    pub handed_over: Option<Date>,
    /// `Blocked` or `AtRisk`: the verdict when it was handed over.
    pub was: Verdict,
    /// Its verdict now.
    pub now: Verdict,
}

impl Week {
    /// Nothing needs the manager this week.
    pub fn is_clear(&self) -> bool {
        self.one_on_ones_due.is_empty()
            && self.missions_due.is_empty()
            && self.check_ins_due.is_empty()
            && self.actions_open.is_empty()
            && self.handed_over_at_risk.is_empty()
    }

    /// The week of `today`: one pass over people and missions, each with
    /// the cheap date functions; only what is due is kept and sorted.
    pub fn of(team: &Team, a: &Analysis, today: Date) -> Week {
        let mut one_on_ones_due = Vec::new();
        let mut actions_open = Vec::new();
        for (p, person) in team.people.iter().enumerate() {
            let d = dates::person(person, today);
            if d.one_on_one_due {
                one_on_ones_due.push(OneOnOneDue {
                    person: p,
                    last: d.last_one_on_one,
                    days_since: d.days_since,
                    cadence: d.cadence,
                });
            }
            if d.open_actions == 0 {
                continue;
            }
            for (e, entry) in person.log.iter().enumerate() {
                for (i, action) in entry.actions.iter().enumerate() {
                    if !action.done {
                        actions_open.push(OpenAction {
                            person: p,
                            entry: e,
                            action: i,
                            since: entry.date,
                            mine: action.mine,
                            due: action.due,
                            overdue: dates::action_overdue(action, today),
                        });
                    }
                }
            }
        }
        // Never met first; then the most days past the cadence.
        one_on_ones_due.sort_by_key(|o| {
            (
                o.days_since.is_some(),
                o.days_since.map(|d| -(d - i64::from(o.cadence))),
                o.person,
            )
        });
        actions_open.sort_by_key(|o| {
            (
                !o.overdue,
                o.due.is_none(),
                o.due,
                o.since,
                o.person,
                o.entry,
                o.action,
            )
        });
        let mut missions_due = Vec::new();
        let mut check_ins_due = Vec::new();
        let mut handed_over_at_risk = Vec::new();
        for (m, mission) in team.missions.iter().enumerate() {
            if !mission.is_active() {
                continue;
            }
            let verdict = a.missions[m].verdict;
            let d: MissionDates = dates::mission(mission, today);
            if let (true, Some(due), Some(due_in_days)) = (d.is_due(), d.due, d.due_in_days) {
                missions_due.push(MissionDue {
                    mission: m,
                    due,
                    due_in_days,
                    verdict,
                });
            }
            if let (true, Some(check_in)) = (d.check_in_due, d.check_in) {
                check_ins_due.push(CheckInDue {
                    mission: m,
                    check_in,
                });
            }
            if mission.status == Status::HandedOver
                && let Some(was @ (Verdict::Blocked | Verdict::AtRisk)) = mission.handed_over_as
            {
                handed_over_at_risk.push(HandedOverAtRisk {
                    mission: m,
                    handed_over: mission.handed_over,
                    was,
                    now: verdict,
                });
            }
        }
        missions_due.sort_by_key(|d| (d.due_in_days, d.verdict, d.mission));
        check_ins_due.sort_by_key(|c| (c.check_in, c.mission));
        handed_over_at_risk.sort_by_key(|h| (h.was, h.handed_over, h.mission));
        Week {
            today,
            one_on_ones_due,
            missions_due,
            check_ins_due,
            actions_open,
            handed_over_at_risk,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    fn week_of(text: &str, today: &str) -> (Team, Week) {
        let team: Team = ron::from_str(text).unwrap();
        let a = analyse(&team);
        let week = Week::of(&team, &a, today.parse().unwrap());
        (team, week)
    }

    #[test]
    fn one_on_ones_due_come_never_met_first_then_most_overdue() {
        let (_, week) = week_of(
            r#"(people: [
                (name: "On time", log: [(date: "2026-11-20")]),
                (name: "A bit late", cadence: 14, log: [(date: "2026-11-10")]),
                (name: "Never"),
                (name: "Very late", cadence: 7, log: [(date: "2026-10-01")]),
                (name: "Due today", cadence: 7, log: [(date: "2026-11-21")]),
            ])"#,
            "2026-11-28",
        );
        let order: Vec<(usize, Option<i64>)> = week
            .one_on_ones_due
            .iter()
            .map(|o| (o.person, o.days_since))
            .collect();
        assert_eq!(
            order,
            [(2, None), (3, Some(58)), (1, Some(18)), (4, Some(7))]
        );
    }

    #[test]
    fn missions_due_are_the_late_and_the_soon_latest_first_of_active_missions() {
        let (_, week) = week_of(
            r#"(people: [(name: "A")], missions: [
                (title: "Soon", goal: "g", owner: Some("A"), due: Some("2026-12-05")),
                (title: "Far", goal: "g", owner: Some("A"), due: Some("2026-12-13")),
                (title: "Late", due: Some("2026-11-20")),
                (title: "Done late", status: Done, due: Some("2026-11-01")),
                (title: "Today", goal: "g", owner: Some("A"), due: Some("2026-11-28")),
                (title: "No date"),
            ])"#,
            "2026-11-28",
        );
        let due: Vec<(usize, i64, Verdict)> = week
            .missions_due
            .iter()
            .map(|d| (d.mission, d.due_in_days, d.verdict))
            .collect();
        assert_eq!(
            due,
            [
                (2, -8, Verdict::Unassigned),
                (4, 0, Verdict::Ready),
                (0, 7, Verdict::Ready)
            ]
        );
    }

    #[test]
    fn check_ins_and_missions_handed_over_at_risk_are_listed() {
        let (_, week) = week_of(
            r#"(people: [(name: "A")], missions: [
                (title: "Checked later", owner: Some("A"), status: HandedOver, check_in: Some("2026-12-01")),
                (title: "Check now", owner: Some("A"), status: HandedOver, check_in: Some("2026-11-28"),
                 handed_over: Some("2026-11-14"), handed_over_as: Some(AtRisk)),
                (title: "Check late", owner: Some("A"), status: HandedOver, check_in: Some("2026-11-20"),
                 handed_over: Some("2026-11-01"), handed_over_as: Some(Blocked)),
                (title: "Was fine", owner: Some("A"), status: HandedOver, handed_over_as: Some(Stretch)),
                (title: "Finished", owner: Some("A"), status: Done, handed_over_as: Some(AtRisk)),
            ])"#,
            "2026-11-28",
        );
        let checks: Vec<usize> = week.check_ins_due.iter().map(|c| c.mission).collect();
        assert_eq!(checks, [2, 1], "the oldest check-in first");
        let risky: Vec<(usize, Verdict)> = week
            .handed_over_at_risk
            .iter()
            .map(|h| (h.mission, h.was))
            .collect();
        assert_eq!(risky, [(2, Verdict::Blocked), (1, Verdict::AtRisk)]);
    }

    #[test]
    fn open_actions_come_overdue_first_then_by_due_date_then_as_agreed() {
        let (_, week) = week_of(
            r#"(people: [
                (name: "A", log: [(date: "2026-11-01", actions: [
                    (text: "no date"), (text: "done", done: true, due: Some("2026-11-02")),
                    (text: "late", due: Some("2026-11-20"), mine: true)])]),
                (name: "B", log: [(date: "2026-10-01", actions: [
                    (text: "soon", due: Some("2026-12-01")), (text: "very late", due: Some("2026-11-02"))])]),
            ])"#,
            "2026-11-28",
        );
        let order: Vec<(usize, usize, bool, bool)> = week
            .actions_open
            .iter()
            .map(|a| (a.person, a.action, a.overdue, a.mine))
            .collect();
        assert_eq!(
            order,
            [
                (1, 1, true, false),
                (0, 2, true, true),
                (1, 0, false, false),
                (0, 0, false, false)
            ]
        );
    }

    #[test]
    fn a_quiet_week_is_clear() {
        let (_, week) = week_of(
            r#"(people: [(name: "A", log: [(date: "2026-11-27")])],
                missions: [(title: "M", goal: "g", owner: Some("A"), due: Some("2027-06-01"))])"#,
            "2026-11-28",
        );
        assert!(week.is_clear(), "{week:?}");
        let (_, week) = week_of(r#"(people: [(name: "A")])"#, "2026-11-28");
        assert!(!week.is_clear(), "nobody met yet");
    }
}
