//! Changes to a team as data: every edit the app makes is a [`Change`] that
//! can be applied and undone exactly. Pure domain code, shared by the app
//! and commands that write the file.

use crate::model::{Date, Key, LevelChange, Mission, Person, Skills, Status, Team, Verdict, key};

/// One step of a change: a person or mission put in, replaced or taken out
/// at a position. `before: None` inserts; `after: None` removes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Person {
        index: usize,
        before: Option<Person>,
        after: Option<Person>,
    },
    Mission {
        index: usize,
        before: Option<Mission>,
        after: Option<Mission>,
    },
}

impl Op {
    fn inverse(self) -> Op {
        match self {
            Op::Person {
                index,
                before,
                after,
            } => Op::Person {
                index,
                before: after,
                after: before,
            },
            Op::Mission {
                index,
                before,
                after,
            } => Op::Mission {
                index,
                before: after,
                after: before,
            },
        }
    }

    fn apply(&self, team: &mut Team) {
        fn put<T: Clone>(items: &mut Vec<T>, index: usize, before: &Option<T>, after: &Option<T>) {
            match (before, after) {
                (None, Some(item)) => items.insert(index, item.clone()),
                (Some(_), Some(item)) => items[index] = item.clone(),
                (Some(_), None) => {
                    items.remove(index);
                }
                (None, None) => {}
            }
        }
        match self {
            Op::Person {
                index,
                before,
                after,
            } => put(&mut team.people, *index, before, after),
            Op::Mission {
                index,
                before,
                after,
            } => put(&mut team.missions, *index, before, after),
        }
    }
}

/// A change a user makes in one go, described for the status bar and undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub summary: String,
    pub ops: Vec<Op>,
}

impl Change {
    pub fn new(summary: impl Into<String>) -> Self {
        Change {
            summary: summary.into(),
            ops: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Applies the change in order.
    pub fn apply(&self, team: &mut Team) {
        for op in &self.ops {
            op.apply(team);
        }
    }

    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        Change {
            summary: self.summary.clone(),
            ops: self.ops.iter().rev().cloned().map(Op::inverse).collect(),
        }
    }

    fn set_person(&mut self, team: &Team, index: usize, after: Person) {
        if team.people[index] != after {
            self.ops.push(Op::Person {
                index,
                before: Some(team.people[index].clone()),
                after: Some(after),
            });
        }
    }

    fn set_mission(&mut self, team: &Team, index: usize, after: Mission) {
        if team.missions[index] != after {
            self.ops.push(Op::Mission {
                index,
                before: Some(team.missions[index].clone()),
                after: Some(after),
            });
        }
    }
}

/// Adds a person at the end.
pub fn add_person(team: &Team, person: Person) -> Change {
    let mut change = Change::new(format!("added {}", person.name.trim()));
    change.ops.push(Op::Person {
        index: team.people.len(),
        before: None,
        after: Some(person),
    });
    change
}

/// Replaces a person; a new name is carried to every mission and colleague
/// that refers to the old one. Each skill whose level changes is recorded in
/// their `history` on `today`.
pub fn update_person(team: &Team, index: usize, mut person: Person, today: Date) -> Change {
    let old = &team.people[index];
    record_level_changes(&old.skills, &mut person, today);
    let renamed = key(&old.name) != key(&person.name) || old.name != person.name;
    let mut change = Change::new(if key(&old.name) != key(&person.name) {
        format!("renamed {} to {}", old.name.trim(), person.name.trim())
    } else {
        format!("edited {}", person.name.trim())
    });
    let old_key = key(&old.name);
    let new_name = person.name.clone();
    change.set_person(team, index, person);
    if renamed {
        relink(team, &old_key, Some(&new_name), &mut change);
    }
    change
}

/// Deletes a person and clears every link to them: missions they own or
/// mentor lose that link, colleagues stop turning to them.
pub fn delete_person(team: &Team, index: usize) -> Change {
    let old = &team.people[index];
    let mut change = Change::new(format!("deleted {}", old.name.trim()));
    relink(team, &key(&old.name), None, &mut change);
    change.ops.push(Op::Person {
        index,
        before: Some(old.clone()),
        after: None,
    });
    change
}

/// Points every reference to `old` at `new`, or removes it when `new` is None.
fn relink(team: &Team, old: &Key, new: Option<&str>, change: &mut Change) {
    let is_old = |name: &Option<String>| name.as_deref().is_some_and(|n| key(n) == *old);
    for (i, mission) in team.missions.iter().enumerate() {
        if is_old(&mission.owner) || is_old(&mission.mentor) {
            let mut m = mission.clone();
            if is_old(&m.owner) {
                m.owner = new.map(str::to_string);
            }
            if is_old(&m.mentor) {
                m.mentor = new.map(str::to_string);
            }
            change.set_mission(team, i, m);
        }
    }
    for (i, person) in team.people.iter().enumerate() {
        if person.turns_to.iter().any(|n| key(n) == *old) {
            let mut p = person.clone();
            p.turns_to = p
                .turns_to
                .iter()
                .filter_map(|n| {
                    if key(n) == *old {
                        new.map(str::to_string)
                    } else {
                        Some(n.clone())
                    }
                })
                .collect();
            change.set_person(team, i, p);
        }
    }
}

/// Appends `(today, skill, new level)` to `person.history` for every skill
/// whose level differs from `before` (an absent skill is level 0; skills
/// compare as names do). Nothing is added when no level changed.
pub fn record_level_changes(before: &Skills, person: &mut Person, today: Date) {
    let old: std::collections::HashMap<Key, (&String, u8)> = before
        .iter()
        .map(|(skill, &level)| (key(skill), (skill, level)))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut changes = Vec::new();
    for (skill, &level) in &person.skills {
        let k = key(skill);
        let was = old.get(&k).map_or(0, |&(_, level)| level);
        if was != level {
            changes.push((skill.clone(), level));
        }
        seen.insert(k);
    }
    for (skill, &level) in before {
        if level != 0 && !seen.contains(&key(skill)) {
            changes.push((skill.clone(), 0));
        }
    }
    person
        .history
        .extend(changes.into_iter().map(|(skill, level)| LevelChange {
            date: today,
            skill,
            level,
        }));
}

/// What removing a person would unlink, for the confirmation message.
pub struct Links {
    pub owns: Vec<usize>,
    pub mentors: Vec<usize>,
    pub turned_to_by: Vec<usize>,
}

pub fn links_of(team: &Team, index: usize) -> Links {
    let k = key(&team.people[index].name);
    let refers = |n: &Option<String>| n.as_deref().is_some_and(|n| key(n) == k);
    Links {
        owns: (0..team.missions.len())
            .filter(|&m| refers(&team.missions[m].owner))
            .collect(),
        mentors: (0..team.missions.len())
            .filter(|&m| refers(&team.missions[m].mentor))
            .collect(),
        turned_to_by: (0..team.people.len())
            .filter(|&p| team.people[p].turns_to.iter().any(|n| key(n) == k))
            .collect(),
    }
}

/// Adds a mission at the end.
pub fn add_mission(team: &Team, mission: Mission) -> Change {
    let mut change = Change::new(format!("added \"{}\"", mission.title.trim()));
    change.ops.push(Op::Mission {
        index: team.missions.len(),
        before: None,
        after: Some(mission),
    });
    change
}

/// Replaces a mission. When the delegation level changes, the level it had
/// is kept in its history with the day it changed, so growing trust stays
/// visible ("Agree → Advise since 2026-10-02"). A change of status clears
/// what the new status rules out and dates it `today` (see [`set_status`]).
pub fn update_mission(team: &Team, index: usize, mut mission: Mission, today: Date) -> Change {
    let old = &team.missions[index];
    enter_status(&mut mission, old.status, today);
    if let (Some(before), true) = (old.delegation, old.delegation != mission.delegation)
        && mission.delegation_history == old.delegation_history
    {
        mission
            .delegation_history
            .push(crate::model::DelegationChange {
                date: today,
                level: before,
            });
    }
    let mut change = Change::new(format!("edited \"{}\"", mission.title.trim()));
    change.set_mission(team, index, mission);
    change
}

pub fn delete_mission(team: &Team, index: usize) -> Change {
    let mut change = Change::new(format!("deleted \"{}\"", team.missions[index].title.trim()));
    change.ops.push(Op::Mission {
        index,
        before: Some(team.missions[index].clone()),
        after: None,
    });
    change
}

/// Makes `person` (by index) the owner of a mission, or clears it. A mentor
/// who becomes the owner stops being the mentor.
pub fn set_owner(team: &Team, mission: usize, person: Option<usize>) -> Change {
    let mut m = team.missions[mission].clone();
    let name = person.map(|p| team.people[p].name.clone());
    if let (Some(n), Some(mentor)) = (&name, &m.mentor)
        && key(n) == key(mentor)
    {
        m.mentor = None;
    }
    let summary = match &name {
        Some(n) => format!("{} owns \"{}\"", n.trim(), m.title.trim()),
        None => format!("\"{}\" has no owner", m.title.trim()),
    };
    m.owner = name;
    let mut change = Change::new(summary);
    change.set_mission(team, mission, m);
    change
}

/// Makes `person` the mentor of a mission, or clears it.
pub fn set_mentor(team: &Team, mission: usize, person: Option<usize>) -> Change {
    let mut m = team.missions[mission].clone();
    let name = person.map(|p| team.people[p].name.clone());
    let summary = match &name {
        Some(n) => format!("{} mentors \"{}\"", n.trim(), m.title.trim()),
        None => format!("\"{}\" has no mentor", m.title.trim()),
    };
    m.mentor = name;
    let mut change = Change::new(summary);
    change.set_mission(team, mission, m);
    change
}

/// Sets owners and mentors on many missions in one change (accepting a
/// plan). Each mission is replaced once, with all that changed on it.
pub fn assign(
    team: &Team,
    owners: &[(usize, usize)],
    mentors: &[(usize, usize)],
    summary: impl Into<String>,
) -> Change {
    let mut updated: std::collections::BTreeMap<usize, Mission> = Default::default();
    for &(m, p) in owners {
        updated
            .entry(m)
            .or_insert_with(|| team.missions[m].clone())
            .owner = Some(team.people[p].name.clone());
    }
    for &(m, p) in mentors {
        updated
            .entry(m)
            .or_insert_with(|| team.missions[m].clone())
            .mentor = Some(team.people[p].name.clone());
    }
    let mut change = Change::new(summary);
    for (m, mission) in updated {
        change.set_mission(team, m, mission);
    }
    change
}

/// Adds a one-on-one entry to a person's log, kept oldest first.
pub fn add_log_entry(team: &Team, person: usize, entry: crate::model::LogEntry) -> Change {
    let mut p = team.people[person].clone();
    let at = p.log.partition_point(|e| e.date <= entry.date);
    let summary = format!(
        "added a one-on-one with {} on {}",
        p.name.trim(),
        entry.date
    );
    p.log.insert(at, entry);
    let mut change = Change::new(summary);
    change.set_person(team, person, p);
    change
}

/// Replaces the one-on-one entry at `entry` (edited, perhaps redated),
/// keeping the log oldest first.
pub fn replace_log_entry(
    team: &Team,
    person: usize,
    entry: usize,
    with: crate::model::LogEntry,
) -> Change {
    let mut p = team.people[person].clone();
    let summary = format!(
        "edited the one-on-one with {} of {}",
        p.name.trim(),
        p.log[entry].date
    );
    p.log.remove(entry);
    let at = p.log.partition_point(|e| e.date <= with.date);
    p.log.insert(at, with);
    let mut change = Change::new(summary);
    change.set_person(team, person, p);
    change
}

/// Deletes the one-on-one entry at `entry` of a person's log.
pub fn delete_log_entry(team: &Team, person: usize, entry: usize) -> Change {
    let mut p = team.people[person].clone();
    let removed = p.log.remove(entry);
    let summary = format!(
        "deleted the one-on-one with {} of {}",
        p.name.trim(),
        removed.date
    );
    let mut change = Change::new(summary);
    change.set_person(team, person, p);
    change
}

/// Ticks an action item as done, or opens it again.
pub fn toggle_action(team: &Team, person: usize, entry: usize, action: usize) -> Change {
    let mut p = team.people[person].clone();
    let item = &mut p.log[entry].actions[action];
    item.done = !item.done;
    let summary = format!(
        "{} \"{}\"",
        if item.done { "ticked" } else { "reopened" },
        item.text.trim()
    );
    let mut change = Change::new(summary);
    change.set_person(team, person, p);
    change
}

/// The change that turns `from` into `to` (a recovered team): each person
/// and mission replaced where they differ, the rest added or removed.
pub fn replace_all(from: &Team, to: &Team, summary: impl Into<String>) -> Change {
    let mut change = Change::new(summary);
    fn diff<T: Clone + PartialEq>(
        from: &[T],
        to: &[T],
        ops: &mut Vec<Op>,
        op: fn(usize, Option<T>, Option<T>) -> Op,
    ) {
        for i in 0..from.len().min(to.len()) {
            if from[i] != to[i] {
                ops.push(op(i, Some(from[i].clone()), Some(to[i].clone())));
            }
        }
        for (i, item) in to.iter().enumerate().skip(from.len()) {
            ops.push(op(i, None, Some(item.clone())));
        }
        for i in (to.len()..from.len()).rev() {
            ops.push(op(i, Some(from[i].clone()), None));
        }
    }
    diff(
        &from.people,
        &to.people,
        &mut change.ops,
        |index, before, after| Op::Person {
            index,
            before,
            after,
        },
    );
    diff(
        &from.missions,
        &to.missions,
        &mut change.ops,
        |index, before, after| Op::Mission {
            index,
            before,
            after,
        },
    );
    change
}

/// What a mission that moves from status `from` to its own status keeps:
/// back to `Planned` clears the hand-over, its verdict and check-in; any
/// status but `Done` clears `completed`; `Done` is completed on `date`
/// (and needs no check-in any more); `HandedOver` is dated `date` unless it
/// already has a hand-over date (a done mission reopened keeps its own).
fn enter_status(mission: &mut Mission, from: Status, date: Date) {
    if mission.status == from {
        return;
    }
    match mission.status {
        Status::Planned => {}
        Status::HandedOver => {
            mission.handed_over.get_or_insert(date);
        }
        Status::Done => {
            mission.completed = Some(date);
            mission.check_in = None;
        }
    }
    mission.clear_what_status_rules_out();
}

/// Moves a mission to `status` on `date`: `Done` sets `completed` to it,
/// `HandedOver` the hand-over date, and what the new status rules out is
/// cleared (SPEC §2). Empty when the status is already that.
pub fn set_status(team: &Team, mission: usize, status: Status, date: Date) -> Change {
    let mut m = team.missions[mission].clone();
    let from = m.status;
    m.status = status;
    enter_status(&mut m, from, date);
    let title = m.title.trim().to_string();
    let mut change = Change::new(match status {
        Status::Planned => format!("\"{title}\" is planned again"),
        Status::HandedOver => format!("handed \"{title}\" over"),
        Status::Done => format!("\"{title}\" is done"),
    });
    change.set_mission(team, mission, m);
    change
}

/// Hands a mission over today.
pub fn hand_over(team: &Team, mission: usize, today: Date) -> Change {
    hand_over_as(team, mission, today, None, None)
}

/// Hands a mission over on `today`, keeping the verdict it had then (so a
/// mission handed over at risk stays visible) and when to check in on it.
pub fn hand_over_as(
    team: &Team,
    mission: usize,
    today: Date,
    verdict: Option<Verdict>,
    check_in: Option<Date>,
) -> Change {
    let mut m = team.missions[mission].clone();
    let from = m.status;
    m.status = Status::HandedOver;
    m.handed_over = Some(today);
    m.handed_over_as = verdict;
    m.check_in = check_in;
    enter_status(&mut m, from, today);
    let mut change = Change::new(format!("handed \"{}\" over", m.title.trim()));
    change.set_mission(team, mission, m);
    change
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;

    fn sample() -> Team {
        crate::sample::team()
    }

    fn roundtrip(change: &Change) {
        let original = sample();
        let mut team = original.clone();
        change.apply(&mut team);
        change.inverse().apply(&mut team);
        assert_eq!(team, original, "undo restores the team exactly");
    }

    fn person_index(team: &Team, name: &str) -> usize {
        team.people.iter().position(|p| p.name == name).unwrap()
    }

    #[test]
    fn renaming_a_person_updates_every_reference() {
        let team = sample();
        let amina = person_index(&team, "Amina Diallo");
        let mut renamed = team.people[amina].clone();
        renamed.name = "Amina Diallo-Sow".into();
        let change = update_person(&team, amina, renamed, "2026-11-28".parse().unwrap());
        let mut after = team.clone();
        change.apply(&mut after);
        assert_eq!(validate(&after), vec![]);
        let text = crate::store::to_ron(&after);
        assert!(
            !text.contains("\"Amina Diallo\""),
            "no reference left to the old name"
        );
        assert_eq!(after.missions[0].owner.as_deref(), Some("Amina Diallo-Sow"));
        assert_eq!(
            after.missions[1].mentor.as_deref(),
            Some("Amina Diallo-Sow")
        );
        let farid = person_index(&after, "Farid Haddad");
        assert_eq!(after.people[farid].turns_to[0], "Amina Diallo-Sow");
        assert_eq!(change.summary, "renamed Amina Diallo to Amina Diallo-Sow");
        roundtrip(&change);
    }

    #[test]
    fn deleting_a_person_clears_their_links() {
        let team = sample();
        let amina = person_index(&team, "Amina Diallo");
        let links = links_of(&team, amina);
        assert_eq!(
            (
                links.owns.len(),
                links.mentors.len(),
                links.turned_to_by.len()
            ),
            (1, 1, 2)
        );
        let change = delete_person(&team, amina);
        let mut after = team.clone();
        change.apply(&mut after);
        assert_eq!(validate(&after), vec![]);
        assert_eq!(after.people.len(), team.people.len() - 1);
        assert_eq!(after.missions[0].owner, None);
        assert_eq!(after.missions[1].mentor, None);
        assert!(!crate::store::to_ron(&after).contains("Amina Diallo"));
        roundtrip(&change);
    }

    #[test]
    fn a_changed_delegation_level_is_recorded_with_the_day() {
        let team = sample();
        let mut m = team.missions[0].clone();
        m.delegation = Some(5);
        let today: Date = "2026-11-28".parse().unwrap();
        let change = update_mission(&team, 0, m, today);
        let mut after = team.clone();
        change.apply(&mut after);
        let history = &after.missions[0].delegation_history;
        assert_eq!(history.last().map(|h| (h.date, h.level)), Some((today, 4)));
        roundtrip(&change);
    }

    #[test]
    fn marking_done_dates_it_and_nothing_else_and_is_undone_exactly() {
        let team = sample();
        let today: Date = "2026-11-28".parse().unwrap();
        let change = set_status(&team, 4, Status::Done, today);
        assert_eq!(change.ops.len(), 1);
        let mut after = team.clone();
        change.apply(&mut after);
        assert_eq!(after.missions[4].status, Status::Done);
        assert_eq!(after.missions[4].completed, Some(today));
        after.missions[4].status = team.missions[4].status;
        after.missions[4].completed = team.missions[4].completed;
        assert_eq!(after, team, "nothing else changed");
        roundtrip(&change);
    }

    #[test]
    fn an_owner_who_was_the_mentor_stops_mentoring() {
        let team = sample();
        let amina = person_index(&team, "Amina Diallo");
        let change = set_owner(&team, 1, Some(amina));
        let mut after = team.clone();
        change.apply(&mut after);
        assert_eq!(after.missions[1].owner.as_deref(), Some("Amina Diallo"));
        assert_eq!(after.missions[1].mentor, None);
        assert_eq!(validate(&after), vec![]);
        roundtrip(&change);
    }

    #[test]
    fn hand_over_sets_status_and_date() {
        let team = sample();
        let today: Date = "2026-11-28".parse().unwrap();
        let change = hand_over(&team, 0, today);
        let mut after = team.clone();
        change.apply(&mut after);
        assert_eq!(after.missions[0].status, Status::HandedOver);
        assert_eq!(after.missions[0].handed_over, Some(today));
        roundtrip(&change);
    }

    #[test]
    fn adds_and_deletes_undo_exactly() {
        let team = sample();
        roundtrip(&add_person(&team, Person::named("New")));
        roundtrip(&add_mission(&team, Mission::titled("New")));
        roundtrip(&delete_mission(&team, 3));
        roundtrip(&set_mentor(&team, 0, Some(1)));
    }

    #[test]
    fn assigning_many_at_once_replaces_each_mission_once() {
        let team = sample();
        let change = assign(&team, &[(8, 3)], &[(8, 4), (4, 3)], "accepted the plan");
        assert_eq!(change.ops.len(), 2);
        let mut after = team.clone();
        change.apply(&mut after);
        assert_eq!(after.missions[8].owner.as_deref(), Some("Dana Kowalski"));
        assert_eq!(after.missions[8].mentor.as_deref(), Some("Elif Şahin"));
        assert_eq!(after.missions[4].mentor.as_deref(), Some("Dana Kowalski"));
        roundtrip(&change);
    }

    #[test]
    fn log_entries_stay_oldest_first_and_actions_toggle() {
        let team = sample();
        let amina = person_index(&team, "Amina Diallo");
        let entry = |date: &str| crate::model::LogEntry {
            date: date.parse().unwrap(),
            note: date.into(),
            actions: vec![],
        };
        let change = add_log_entry(&team, amina, entry("2026-10-01"));
        let mut after = team.clone();
        change.apply(&mut after);
        let dates: Vec<String> = after.people[amina]
            .log
            .iter()
            .map(|e| e.date.to_string())
            .collect();
        assert_eq!(dates, ["2026-10-01", "2026-11-06"]);
        roundtrip(&change);
        let tick = toggle_action(&team, amina, 0, 0);
        assert_eq!(tick.summary, "ticked \"Share the PG16 runbook\"");
        let mut after = team.clone();
        tick.apply(&mut after);
        assert!(after.people[amina].log[0].actions[0].done);
        roundtrip(&tick);
    }

    #[test]
    fn replacing_all_turns_one_team_into_another_and_back() {
        let from = sample();
        let mut to = crate::demo::generate(5, 20, 3);
        to.people[0] = from.people[2].clone();
        let change = replace_all(&from, &to, "restored");
        let mut team = from.clone();
        change.apply(&mut team);
        assert_eq!(team, to);
        change.inverse().apply(&mut team);
        assert_eq!(team, from);
        assert!(replace_all(&from, &from, "x").is_empty());
    }

    #[test]
    fn an_edit_that_changes_nothing_is_empty() {
        let team = sample();
        assert!(
            update_person(
                &team,
                0,
                team.people[0].clone(),
                "2026-11-28".parse().unwrap()
            )
            .is_empty()
        );
        assert!(set_owner(&team, 0, Some(0)).is_empty());
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// The sample's mission 1 is handed over (at risk, with a check-in);
    /// mission 11 is done.
    fn after(change: &Change) -> Team {
        let mut team = sample();
        change.apply(&mut team);
        assert_eq!(validate(&team), vec![], "an edit never breaks a rule");
        roundtrip(change);
        team
    }

    #[test]
    fn back_to_planned_clears_the_hand_over_its_verdict_and_check_in() {
        let team = sample();
        assert!(team.missions[1].handed_over_as.is_some() && team.missions[1].check_in.is_some());
        let today = day("2026-11-28");
        let by_status = after(&set_status(&team, 1, Status::Planned, today));
        let mut edited = team.missions[1].clone();
        edited.status = Status::Planned;
        let by_form = after(&update_mission(&team, 1, edited, today));
        for team in [by_status, by_form] {
            let m = &team.missions[1];
            assert_eq!(m.status, Status::Planned);
            assert_eq!(
                (m.handed_over, m.handed_over_as, m.check_in),
                (None, None, None)
            );
            assert_eq!(m.due, sample().missions[1].due, "the rest is kept");
        }
    }

    #[test]
    fn done_is_dated_and_leaving_done_clears_the_date() {
        let team = sample();
        let today = day("2026-11-28");
        let done = after(&set_status(&team, 1, Status::Done, today));
        let m = &done.missions[1];
        assert_eq!(m.completed, Some(today));
        assert_eq!(m.check_in, None, "a done mission needs no check-in");
        assert_eq!(
            m.handed_over, team.missions[1].handed_over,
            "the hand-over stays on record"
        );
        let mut edited = team.missions[0].clone();
        edited.status = Status::Done;
        let by_form = after(&update_mission(&team, 0, edited, today));
        assert_eq!(by_form.missions[0].completed, Some(today));
        // Mission 11 is done: reopening it clears `completed`.
        assert!(team.missions[11].completed.is_some());
        let reopened = after(&set_status(&team, 11, Status::HandedOver, today));
        let m = &reopened.missions[11];
        assert_eq!((m.status, m.completed), (Status::HandedOver, None));
        assert_eq!(
            m.handed_over, team.missions[11].handed_over,
            "keeps its own date"
        );
        let planned = after(&set_status(&team, 11, Status::Planned, today));
        let m = &planned.missions[11];
        assert_eq!(
            (m.completed, m.handed_over, m.handed_over_as),
            (None, None, None)
        );
    }

    #[test]
    fn handing_over_needs_a_date_and_keeps_the_verdict_it_had() {
        let team = sample();
        let today = day("2026-11-28");
        let mut edited = team.missions[0].clone();
        edited.status = Status::HandedOver;
        let by_form = after(&update_mission(&team, 0, edited.clone(), today));
        assert_eq!(by_form.missions[0].handed_over, Some(today));
        edited.handed_over = Some(day("2026-11-20"));
        let typed = after(&update_mission(&team, 0, edited, today));
        assert_eq!(
            typed.missions[0].handed_over,
            Some(day("2026-11-20")),
            "a typed date is kept"
        );
        let check_in = day("2026-12-12");
        let handed = after(&hand_over_as(
            &team,
            4,
            today,
            Some(Verdict::AtRisk),
            Some(check_in),
        ));
        let m = &handed.missions[4];
        assert_eq!(m.status, Status::HandedOver);
        assert_eq!(
            (m.handed_over, m.handed_over_as, m.check_in),
            (Some(today), Some(Verdict::AtRisk), Some(check_in))
        );
        assert!(set_status(&team, 1, Status::HandedOver, today).is_empty());
    }

    #[test]
    fn a_changed_skill_level_is_recorded_in_the_history_with_the_day() {
        let team = sample();
        let today = day("2026-11-28");
        let amina = person_index(&team, "Amina Diallo");
        let before = team.people[amina].history.clone();
        let mut edited = team.people[amina].clone();
        edited.skills.insert("kubernetes".into(), 2); // was 1
        edited.skills.remove("linux"); // was 3
        edited.skills.insert("go".into(), 1); // new
        edited.skills.insert("rust".into(), 4); // unchanged
        let changed = after(&update_person(&team, amina, edited, today));
        let history = &changed.people[amina].history;
        assert_eq!(
            &history[..before.len()],
            &before[..],
            "earlier entries are kept, oldest first"
        );
        let added: Vec<(Date, &str, u8)> = history[before.len()..]
            .iter()
            .map(|h| (h.date, h.skill.as_str(), h.level))
            .collect();
        assert_eq!(
            added,
            [
                (today, "go", 1),
                (today, "kubernetes", 2),
                (today, "linux", 0)
            ]
        );
        // Editing the role alone adds nothing; nor does a new spelling of the same level.
        let mut edited = team.people[amina].clone();
        edited.role = "Lead".into();
        let level = edited.skills.remove("sql").unwrap();
        edited.skills.insert("SQL".into(), level);
        let same = after(&update_person(&team, amina, edited, today));
        assert_eq!(same.people[amina].history, before);
    }
}
