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
            let mut skills: Vec<(SkillId, u8)> = person
                .skills
                .iter()
                .map(|(name, &level)| (index.skills.intern(name), level))
                .collect();
            skills.sort_unstable();
            index.person_skills.push(skills);
            let wants = person
                .wants
                .iter()
                .map(|w| index.skills.intern(w))
                .collect();
            index.person_wants.push(wants);
            let mut tools: Vec<ToolId> =
                person.tools.iter().map(|t| index.tools.intern(t)).collect();
            tools.sort_unstable();
            tools.dedup();
            index.person_tools.push(tools);
        }
        for person in &team.people {
            let turns_to = person
                .turns_to
                .iter()
                .filter_map(|n| index.person_with(n, &mut buf))
                .collect();
            index.person_turns_to.push(turns_to);
        }
        index.load = vec![0; team.people.len()];
        index.mentoring = vec![0; team.people.len()];
        for mission in &team.missions {
            let skills = mission
                .skills
                .iter()
                .map(|(name, &level)| (index.skills.intern(name), level))
                .collect();
            index.mission_skills.push(skills);
            let tools = mission
                .tools
                .iter()
                .map(|t| index.tools.intern(t))
                .collect();
            index.mission_tools.push(tools);
            let owner = mission
                .owner
                .as_deref()
                .and_then(|n| index.person_with(n, &mut buf));
            let mentor = mission
                .mentor
                .as_deref()
                .and_then(|n| index.person_with(n, &mut buf));
            if mission.is_active() {
                owner.inspect(|&p| index.load[p] += 1);
                mentor.inspect(|&p| index.mentoring[p] += 1);
            }
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
            holders.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        index
    }

    /// The person a name refers to (trimmed, any case).
    pub fn person(&self, name: &str) -> Option<PersonId> {
        self.person_with(name, &mut String::new())
    }

    /// [`Index::person`] with a scratch buffer, for loops.
    fn person_with(&self, name: &str, buf: &mut String) -> Option<PersonId> {
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
