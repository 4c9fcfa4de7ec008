//! Names resolved to numbers once, so every rule is a lookup rather than a
//! string comparison or a scan of the team.

use rustc_hash::FxHashMap;

use crate::model::{Team, normalize_into};

pub type PersonId = usize;
pub type MissionId = usize;
pub type SkillId = usize;
pub type ToolId = usize;

/// Interned names: each distinct key gets an id; the first spelling is shown.
#[derive(Clone, Debug, Default)]
pub struct Names {
    ids: FxHashMap<Box<str>, usize>,
    shown: Vec<String>,
    /// Scratch space for keys, so interning allocates only for new names.
    buf: String,
}

impl Names {
    pub fn intern(&mut self, name: &str) -> usize {
        normalize_into(name, &mut self.buf);
        if let Some(&id) = self.ids.get(self.buf.as_str()) {
            return id;
        }
        let id = self.shown.len();
        self.ids.insert(self.buf.as_str().into(), id);
        self.shown.push(name.trim().to_string());
        id
    }

    pub fn get(&self, name: &str) -> Option<usize> {
        let mut buf = String::new();
        normalize_into(name, &mut buf);
        self.ids.get(buf.as_str()).copied()
    }

    pub fn name(&self, id: usize) -> &str {
        &self.shown[id]
    }

    pub fn len(&self) -> usize {
        self.shown.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }
}

/// Holders are kept highest level first, then by person.
fn holder_order(a: &(PersonId, u8), b: &(PersonId, u8)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The team, resolved: ids instead of names, and who holds what.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub skills: Names,
    pub tools: Names,
    person_by_key: FxHashMap<Box<str>, PersonId>,
    /// Each person's skills, sorted by skill id.
    pub person_skills: Vec<Vec<(SkillId, u8)>>,
    /// Each person's tools, sorted.
    pub person_tools: Vec<Vec<ToolId>>,
    pub person_wants: Vec<Vec<SkillId>>,
    pub person_turns_to: Vec<Vec<PersonId>>,
    /// Each mission's needs, in the file's (sorted) order.
    pub mission_skills: Vec<Vec<(SkillId, u8)>>,
    /// Each mission's tools, in the mission's order.
    pub mission_tools: Vec<Vec<ToolId>>,
    pub owner: Vec<Option<PersonId>>,
    pub mentor: Vec<Option<PersonId>>,
    /// Active missions each person owns, and mentors.
    pub load: Vec<u32>,
    pub mentoring: Vec<u32>,
    /// Per skill, the people at level ≥ 1, highest level first, then by id.
    pub holders: Vec<Vec<(PersonId, u8)>>,
    /// Per tool, the people who have it.
    pub tool_holders: Vec<Vec<PersonId>>,
}

impl Index {
    pub fn new(team: &Team) -> Self {
        let mut index = Index::default();
        let mut buf = String::new();
        for (id, person) in team.people.iter().enumerate() {
            normalize_into(&person.name, &mut buf);
            if !index.person_by_key.contains_key(buf.as_str()) {
                index.person_by_key.insert(buf.as_str().into(), id);
            }
        }
        for person in &team.people {
            let (skills, wants, tools) = index.resolve_person(person);
            index.person_skills.push(skills);
            index.person_wants.push(wants);
            index.person_tools.push(tools);
        }
        for person in &team.people {
            let turns_to = index.resolve_turns_to(person, &mut buf);
            index.person_turns_to.push(turns_to);
        }
        index.load = vec![0; team.people.len()];
        index.mentoring = vec![0; team.people.len()];
        for mission in &team.missions {
            let (skills, tools, owner, mentor) = index.resolve_mission(mission, &mut buf);
            index.mission_skills.push(skills);
            index.mission_tools.push(tools);
            index.count(mission, owner, mentor, 1);
            index.owner.push(owner);
            index.mentor.push(mentor);
        }
        index.holders = vec![Vec::new(); index.skills.len()];
        index.tool_holders = vec![Vec::new(); index.tools.len()];
        for (person, skills) in index.person_skills.iter().enumerate() {
            for &(skill, level) in skills.iter().filter(|(_, level)| *level > 0) {
                index.holders[skill].push((person, level));
            }
            for &tool in &index.person_tools[person] {
                index.tool_holders[tool].push(person);
            }
        }
        for holders in &mut index.holders {
            holders.sort_unstable_by(holder_order);
        }
        index
    }

    /// A person's skills (sorted by id), wants and tools (sorted), interned.
    pub(super) fn resolve_person(
        &mut self,
        person: &crate::model::Person,
    ) -> (Vec<(SkillId, u8)>, Vec<SkillId>, Vec<ToolId>) {
        let mut skills: Vec<(SkillId, u8)> = person
            .skills
            .iter()
            .map(|(name, &level)| (self.skills.intern(name), level))
            .collect();
        skills.sort_unstable();
        let wants = person.wants.iter().map(|w| self.skills.intern(w)).collect();
        let mut tools: Vec<ToolId> = person.tools.iter().map(|t| self.tools.intern(t)).collect();
        tools.sort_unstable();
        tools.dedup();
        (skills, wants, tools)
    }

    pub(super) fn resolve_turns_to(
        &self,
        person: &crate::model::Person,
        buf: &mut String,
    ) -> Vec<PersonId> {
        person
            .turns_to
            .iter()
            .filter_map(|n| self.person_with(n, buf))
            .collect()
    }

    /// A mission's needs, tools, owner and mentor, interned and resolved.
    #[allow(clippy::type_complexity)]
    pub(super) fn resolve_mission(
        &mut self,
        mission: &crate::model::Mission,
        buf: &mut String,
    ) -> (
        Vec<(SkillId, u8)>,
        Vec<ToolId>,
        Option<PersonId>,
        Option<PersonId>,
    ) {
        let skills = mission
            .skills
            .iter()
            .map(|(name, &level)| (self.skills.intern(name), level))
            .collect();
        let tools = mission.tools.iter().map(|t| self.tools.intern(t)).collect();
        let owner = mission
            .owner
            .as_deref()
            .and_then(|n| self.person_with(n, buf));
        let mentor = mission
            .mentor
            .as_deref()
            .and_then(|n| self.person_with(n, buf));
        (skills, tools, owner, mentor)
    }

    /// Adds (`by` = 1) or takes back (`by` = -1) what an active mission adds
    /// to its owner's load and its mentor's mentoring.
    pub(super) fn count(
        &mut self,
        mission: &crate::model::Mission,
        owner: Option<PersonId>,
        mentor: Option<PersonId>,
        by: i32,
    ) {
        if mission.is_active() {
            if let Some(p) = owner {
                self.load[p] = self.load[p].saturating_add_signed(by);
            }
            if let Some(p) = mentor {
                self.mentoring[p] = self.mentoring[p].saturating_add_signed(by);
            }
        }
    }

    /// Points a name's key at a person (after a rename), dropping the old.
    pub(super) fn rename(&mut self, person: PersonId, old: &str, new: &str) {
        let mut buf = String::new();
        normalize_into(old, &mut buf);
        if self.person_by_key.get(buf.as_str()) == Some(&person) {
            self.person_by_key.remove(buf.as_str());
        }
        normalize_into(new, &mut buf);
        self.person_by_key
            .entry(buf.as_str().into())
            .or_insert(person);
    }

    /// Replaces a person's skills and tools, keeping the holder lists sorted.
    pub(super) fn set_person_holdings(
        &mut self,
        person: PersonId,
        skills: Vec<(SkillId, u8)>,
        tools: Vec<ToolId>,
    ) {
        for &(skill, level) in &self.person_skills[person] {
            if level > 0 {
                let list = &mut self.holders[skill];
                if let Ok(at) = list.binary_search_by(|h| holder_order(h, &(person, level))) {
                    list.remove(at);
                }
            }
        }
        for &tool in &self.person_tools[person] {
            let list = &mut self.tool_holders[tool];
            if let Ok(at) = list.binary_search(&person) {
                list.remove(at);
            }
        }
        self.holders.resize(self.skills.len(), Vec::new());
        self.tool_holders.resize(self.tools.len(), Vec::new());
        for &(skill, level) in &skills {
            if level > 0 {
                let list = &mut self.holders[skill];
                let at = list.partition_point(|h| holder_order(h, &(person, level)).is_lt());
                list.insert(at, (person, level));
            }
        }
        for &tool in &tools {
            let list = &mut self.tool_holders[tool];
            let at = list.partition_point(|&p| p < person);
            list.insert(at, person);
        }
        self.person_skills[person] = skills;
        self.person_tools[person] = tools;
    }

    /// The person a name refers to (trimmed, any case).
    pub fn person(&self, name: &str) -> Option<PersonId> {
        self.person_with(name, &mut String::new())
    }

    /// [`Index::person`] with a scratch buffer, for loops.
    pub(super) fn person_with(&self, name: &str, buf: &mut String) -> Option<PersonId> {
        normalize_into(name, buf);
        self.person_by_key.get(buf.as_str()).copied()
    }

    /// A person's level in a skill; absent is 0.
    pub fn level(&self, person: PersonId, skill: SkillId) -> u8 {
        let skills = &self.person_skills[person];
        skills
            .binary_search_by_key(&skill, |&(s, _)| s)
            .map_or(0, |i| skills[i].1)
    }

    pub fn has_tool(&self, person: PersonId, tool: ToolId) -> bool {
        self.person_tools[person].binary_search(&tool).is_ok()
    }

    /// People at `min_level` or above in a skill, highest first.
    pub fn holders_at(&self, skill: SkillId, min_level: u8) -> &[(PersonId, u8)] {
        let holders = &self.holders[skill];
        let end = holders.partition_point(|&(_, level)| level >= min_level);
        &holders[..end]
    }
}
