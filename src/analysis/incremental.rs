//! Re-analysis after an edit, keyed by what the edit touched: the people
//! and missions it replaced, the missions whose owner or mentor they are,
//! and the people whose load moved. Everything else keeps its report.
//! The result is the same as analysing the team afresh (property-tested).

use std::collections::BTreeSet;

use super::index::{MissionId, PersonId};
use super::{Analysis, mission_report, signals};
use crate::edit::Op;
use crate::model::Team;

impl Analysis {
    /// Brings the analysis up to date with `team`, which `ops` just changed.
    /// Returns false, changing nothing, when the edit added or removed
    /// people or missions: every index moves, so analyse afresh.
    pub fn update(&mut self, team: &Team, ops: &[Op]) -> bool {
        let replaces_only = ops.iter().all(|op| match op {
            Op::Person { before, after, .. } => before.is_some() && after.is_some(),
            Op::Mission { before, after, .. } => before.is_some() && after.is_some(),
        });
        // Several renames in one change (a swap, a restored recovery file)
        // can hand a name from one person to another: analyse afresh.
        let renames = ops
            .iter()
            .filter(|op| matches!(op, Op::Person { before: Some(b), after: Some(a), .. } if b.name != a.name))
            .count();
        if !replaces_only || renames > 1 {
            return false;
        }
        let mut missions: BTreeSet<MissionId> = BTreeSet::new();
        let mut people: BTreeSet<PersonId> = BTreeSet::new();
        let mut buf = String::new();
        // The candidate lists for suggestions depend on people (skills,
        // tools, capacity, names) and on who owns or mentors what: an edit
        // of a mission's goal or due date leaves them as they are, and the
        // next edit need not rebuild them (a sort of everyone).
        let (skill_names, tool_names) = (self.index.skills.len(), self.index.tools.len());
        let mut lists_stale = false;
        // People first: a mission may name someone just renamed.
        for op in ops {
            if let Op::Person {
                index: p,
                before: Some(before),
                ..
            } = op
            {
                let p = *p;
                lists_stale = true;
                let after = &team.people[p];
                if before.name != after.name {
                    self.index.rename(p, &before.name, &after.name);
                }
                let (skills, wants, tools) = self.index.resolve_person(after);
                self.index.set_person_holdings(p, skills, tools);
                self.index.person_wants[p] = wants;
                people.insert(p);
                // Their levels and capacity bear on what they own and mentor.
                let theirs = |of: &[Option<PersonId>]| {
                    of.iter()
                        .enumerate()
                        .filter(|(_, who)| **who == Some(p))
                        .map(|(m, _)| m)
                        .collect::<Vec<_>>()
                };
                missions.extend(theirs(&self.index.owner));
                missions.extend(theirs(&self.index.mentor));
            }
        }
        for op in ops {
            if let Op::Mission {
                index: m,
                before: Some(before),
                ..
            } = op
            {
                let m = *m;
                let (old_owner, old_mentor) = (self.index.owner[m], self.index.mentor[m]);
                self.index.count(before, old_owner, old_mentor, -1);
                let (skills, tools, owner, mentor) =
                    self.index.resolve_mission(&team.missions[m], &mut buf);
                self.index.count(&team.missions[m], owner, mentor, 1);
                self.index.mission_skills[m] = skills;
                self.index.mission_tools[m] = tools;
                self.index.owner[m] = owner;
                self.index.mentor[m] = mentor;
                if (old_owner, old_mentor) != (owner, mentor)
                    || before.is_active() != team.missions[m].is_active()
                {
                    lists_stale = true;
                }
                missions.insert(m);
                people.extend([old_owner, old_mentor, owner, mentor].into_iter().flatten());
            }
        }
        // New skill or tool names have no holders yet.
        self.index
            .holders
            .resize(self.index.skills.len(), Vec::new());
        self.index
            .tool_holders
            .resize(self.index.tools.len(), Vec::new());
        // Names may now resolve differently (a rename): every turns-to.
        let renamed = ops.iter().any(|op| matches!(op, Op::Person { before: Some(b), index, .. } if b.name != team.people[*index].name));
        if renamed {
            for p in 0..team.people.len() {
                self.index.person_turns_to[p] =
                    self.index.resolve_turns_to(&team.people[p], &mut buf);
            }
        } else {
            for &p in &people {
                self.index.person_turns_to[p] =
                    self.index.resolve_turns_to(&team.people[p], &mut buf);
            }
        }
        // Whose load or mentoring moved: their missions' overload flags too.
        for &p in &people {
            self.rebuild_person(team, p);
            missions.extend(self.people[p].owns.iter().copied());
        }
        for &m in &missions {
            self.missions[m] = mission_report(team, &self.index, m);
        }
        if renamed {
            for p in 0..team.people.len() {
                signals::flags(team, &self.index, p, &mut self.people[p]);
            }
        }
        self.skills = signals::skills(team, &self.index);
        // New skill or tool names make the lists too short.
        if lists_stale
            || self.index.skills.len() != skill_names
            || self.index.tools.len() != tool_names
        {
            self.reset_suggestions();
        }
        true
    }

    /// A person's owned and mentored active missions, from the index.
    fn rebuild_person(&mut self, team: &Team, p: PersonId) {
        let active = |m: &usize| team.missions[*m].is_active();
        let owns: Vec<MissionId> = (0..team.missions.len())
            .filter(|&m| self.index.owner[m] == Some(p))
            .filter(active)
            .collect();
        let mentors: Vec<MissionId> = (0..team.missions.len())
            .filter(|&m| self.index.mentor[m] == Some(p))
            .filter(active)
            .collect();
        let report = &mut self.people[p];
        report.owns = owns;
        report.mentors = mentors;
        signals::flags(team, &self.index, p, report);
    }
}
