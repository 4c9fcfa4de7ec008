//! The rules of the data file that serde cannot express (SPEC §2): unique
//! names, levels in range, references that resolve. Shared by the loader and
//! the app's forms, so a form refuses exactly what a file would.

use rustc_hash::FxHashMap as HashMap;

use super::{
    CADENCE_DAYS, Delegation, Key, MAX_NEED, MAX_SKILL, MIN_NEED, Team, code_point, invisible, key,
};

/// What a problem is about, so the message can say where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Team,
    /// A person, by name and position in the file.
    Person {
        name: String,
        index: usize,
    },
    /// A mission, by title and position in the file.
    Mission {
        title: String,
        index: usize,
    },
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Team => f.write_str("the team"),
            Subject::Person { name, index } if name.trim().is_empty() => {
                write!(f, "person #{}", index + 1)
            }
            Subject::Person { name, .. } => write!(f, "person {}", quoted(name)),
            Subject::Mission { title, index } if title.trim().is_empty() => {
                write!(f, "mission #{}", index + 1)
            }
            Subject::Mission { title, .. } => write!(f, "mission {}", quoted(title)),
        }
    }
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub subject: Subject,
    pub message: String,
    /// A "did you mean" or how to fix it.
    pub hint: Option<String>,
    /// The field at fault within the subject, so the loader can point at
    /// its line rather than the subject's first.
    pub at: Option<At>,
}

/// Which part of a person or mission a problem is about, as written in the
/// file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// A field: `delegation`, `name`.
    Field(&'static str),
    /// A string inside a field: a colleague in `turns_to`, the `owner`, a tool.
    Text(&'static str, String),
    /// A key of a map field: the skill in `skills`.
    MapKey(&'static str, String),
    /// An entry of a list of dated entries (`log`, `delegation_history`),
    /// found by its date.
    Dated(&'static str, String),
}

/// A name in quotes for a message: escaped like Rust's `{:?}` (so control
/// characters show as escapes), and cut short when very long.
pub fn quoted(name: &str) -> String {
    crate::text::quoted(name)
}

/// "has an invisible character (U+200D) in its name "Anna\u{200d}"" when a
/// name holds one.
fn invisible_in(what: &str, name: &str) -> Option<String> {
    invisible(name).map(|c| {
        format!(
            "has an invisible character ({}) in {what} {}",
            code_point(c),
            quoted(name)
        )
    })
}

fn invisible_hint() -> Option<String> {
    Some(
        "names may not hold control, zero-width or bidi characters: they make two names \
         that look the same; retype the name"
            .into(),
    )
}

/// The most a field or list may hold: beyond this a file is refused rather
/// than stalling the app (a 1 MB name is a mistake, not a name).
pub mod limits {
    /// Names of people and missions, and roles.
    pub const NAME: usize = 200;
    /// Names of skills and tools.
    pub const LABEL: usize = 100;
    /// A mission's goal, an action item.
    pub const TEXT: usize = 5_000;
    /// A one-on-one note.
    pub const NOTE: usize = 100_000;
    /// Skills, tools, wants, colleagues of one person or mission; actions
    /// of one entry.
    pub const LIST: usize = 500;
    /// One-on-one entries of one person.
    pub const LOG: usize = 10_000;
}

/// "is 1,048,576 characters long; at most 200" when over the limit.
fn over(what: &str, text: &str, max: usize) -> Option<String> {
    let chars = text.chars().count();
    (chars > max).then(|| format!("has a {what} of {chars} characters; at most {max}"))
}

fn too_many(what: &str, count: usize, max: usize) -> Option<String> {
    (count > max).then(|| format!("has {count} {what}; at most {max}"))
}

/// Every broken rule of the team, in file order; empty when the team is valid.
pub fn validate(team: &Team) -> Vec<Invalid> {
    let mut out = Vec::new();
    let people = name_index(team.people.iter().map(|p| p.name.as_str()));
    let mut hints = HINTS;
    check_people(team, &people, &mut hints, &mut out);
    check_missions(team, &people, &mut hints, &mut out);
    out
}

/// Maps each person's key to the name as first spelt.
fn name_index<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<Key, &'a str> {
    let mut index = HashMap::default();
    for name in names {
        index.entry(key(name)).or_insert(name);
    }
    index
}

fn check_people(
    team: &Team,
    people: &HashMap<Key, &str>,
    hints: &mut usize,
    out: &mut Vec<Invalid>,
) {
    let mut seen: HashMap<Key, &str> = HashMap::default();
    for (index, person) in team.people.iter().enumerate() {
        // Made only when there is a problem: most people have none.
        let mut problem = |message: String, hint: Option<String>, at: Option<At>| {
            out.push(Invalid {
                subject: Subject::Person {
                    name: person.name.clone(),
                    index,
                },
                message,
                hint,
                at,
            })
        };
        let limits = [
            (over("name", &person.name, limits::NAME), "name"),
            (over("role", &person.role, limits::NAME), "role"),
            (
                too_many("skills", person.skills.len(), limits::LIST),
                "skills",
            ),
            (too_many("tools", person.tools.len(), limits::LIST), "tools"),
            (
                too_many(
                    "colleagues they turn to",
                    person.turns_to.len(),
                    limits::LIST,
                ),
                "turns_to",
            ),
            (
                too_many("skills they want", person.wants.len(), limits::LIST),
                "wants",
            ),
            (
                too_many("one-on-one entries", person.log.len(), limits::LOG),
                "log",
            ),
            (
                too_many("skill history entries", person.history.len(), limits::LOG),
                "history",
            ),
        ];
        let mut too_big = false;
        for (message, field) in limits {
            if let Some(message) = message {
                problem(message, None, Some(At::Field(field)));
                too_big = true;
            }
        }
        let labels = (person.skills.keys().map(|s| (s, "skills", true)))
            .chain(person.tools.iter().map(|t| (t, "tools", false)))
            .chain(person.wants.iter().map(|w| (w, "wants", false)))
            .chain(person.history.iter().map(|h| (&h.skill, "history", false)));
        for (label, field, is_key) in labels {
            if let Some(message) = over("skill or tool name", label, limits::LABEL) {
                problem(message, None, Some(label_at(field, label, is_key)));
                too_big = true;
            }
        }
        for entry in &person.log {
            let limits = [
                over("note", &entry.note, limits::NOTE),
                too_many(
                    "action items in one entry",
                    entry.actions.len(),
                    limits::LIST,
                ),
            ];
            let at = || Some(At::Dated("log", entry.date.to_string()));
            for message in limits.into_iter().flatten() {
                problem(format!("{message} ({})", entry.date), None, at());
                too_big = true;
            }
            for action in &entry.actions {
                if let Some(message) = over("action item", &action.text, limits::TEXT) {
                    problem(message, None, at());
                    too_big = true;
                }
            }
        }
        if too_big {
            // The other rules would only repeat the size in other words.
            continue;
        }
        let name_at = || Some(At::Field("name"));
        if person.name.trim().is_empty() {
            problem("has an empty name".into(), None, name_at());
        } else if let Some(message) = invisible_in("the name", &person.name) {
            problem(message, invisible_hint(), name_at());
        } else if let Some(first) = seen.insert(key(&person.name), &person.name) {
            problem(
                format!("appears twice (also as {})", quoted(first)),
                Some(
                    "names ignore case, accents written two ways and surrounding spaces; \
                     rename or merge one of them"
                        .into(),
                ),
                name_at(),
            );
        }
        for (skill, &level) in &person.skills {
            let at = || Some(At::MapKey("skills", skill.clone()));
            if skill.trim().is_empty() {
                problem("has a skill with an empty name".into(), None, at());
            } else if let Some(message) = invisible_in("the skill", skill) {
                problem(message, invisible_hint(), at());
            }
            if level > MAX_SKILL {
                problem(
                    format!("has skill {} at level {level}, out of range", quoted(skill)),
                    Some("a person's levels go from 0 (none) to 4 (expert: can teach it)".into()),
                    at(),
                );
            }
        }
        for tool in &person.tools {
            let at = || Some(At::Text("tools", tool.clone()));
            if tool.trim().is_empty() {
                problem("has a tool with an empty name".into(), None, at());
            } else if let Some(message) = invisible_in("the tool", tool) {
                problem(message, invisible_hint(), at());
            }
        }
        for want in &person.wants {
            if let Some(message) = invisible_in("the skill they want", want) {
                problem(
                    message,
                    invisible_hint(),
                    Some(At::Text("wants", want.clone())),
                );
            }
        }
        for colleague in &person.turns_to {
            let at = || Some(At::Text("turns_to", colleague.clone()));
            if key(colleague) == key(&person.name) {
                problem(
                    format!("turns to themselves ({})", quoted(colleague)),
                    None,
                    at(),
                );
            } else if !people.contains_key(&key(colleague)) {
                problem(
                    format!(
                        "turns to {}, who is not a person of this team",
                        quoted(colleague)
                    ),
                    suggest(colleague, people, hints),
                    at(),
                );
            }
        }
        if !CADENCE_DAYS.contains(&person.cadence) {
            problem(
                format!(
                    "has a one-on-one cadence of {} days, out of range",
                    person.cadence
                ),
                Some(format!(
                    "the cadence is the days between one-on-ones, from {} to {}; 14 is every two weeks",
                    CADENCE_DAYS.start(),
                    CADENCE_DAYS.end()
                )),
                Some(At::Field("cadence")),
            );
        }
        for change in &person.history {
            let at = || Some(At::Dated("history", change.date.to_string()));
            if change.skill.trim().is_empty() {
                problem(
                    format!(
                        "has a skill with an empty name in its history ({})",
                        change.date
                    ),
                    None,
                    at(),
                );
            } else if let Some(message) = invisible_in("the skill", &change.skill) {
                problem(message, invisible_hint(), at());
            }
            if change.level > MAX_SKILL {
                problem(
                    format!(
                        "has skill {} at level {} in its history ({}), out of range",
                        quoted(&change.skill),
                        change.level,
                        change.date
                    ),
                    Some("a person's levels go from 0 (none) to 4 (expert: can teach it)".into()),
                    at(),
                );
            }
        }
        for entry in &person.log {
            for action in &entry.actions {
                if action.text.trim().is_empty() {
                    problem(
                        format!("has an empty action item in the log of {}", entry.date),
                        None,
                        Some(At::Dated("log", entry.date.to_string())),
                    );
                }
            }
        }
    }
}

/// Where a skill (a map key) or a tool (a list item) is written.
fn label_at(field: &'static str, label: &str, is_key: bool) -> At {
    if is_key {
        At::MapKey(field, label.to_string())
    } else {
        At::Text(field, label.to_string())
    }
}

fn check_missions(
    team: &Team,
    people: &HashMap<Key, &str>,
    hints: &mut usize,
    out: &mut Vec<Invalid>,
) {
    let mut seen: HashMap<Key, &str> = HashMap::default();
    for (index, mission) in team.missions.iter().enumerate() {
        let mut problem = |message: String, hint: Option<String>, at: Option<At>| {
            out.push(Invalid {
                subject: Subject::Mission {
                    title: mission.title.clone(),
                    index,
                },
                message,
                hint,
                at,
            })
        };
        let limits = [
            (over("title", &mission.title, limits::NAME), "title"),
            (over("goal", &mission.goal, limits::TEXT), "goal"),
            (
                too_many("skills", mission.skills.len(), limits::LIST),
                "skills",
            ),
            (
                too_many("tools", mission.tools.len(), limits::LIST),
                "tools",
            ),
            (
                too_many(
                    "delegation changes",
                    mission.delegation_history.len(),
                    limits::LOG,
                ),
                "delegation_history",
            ),
        ];
        let mut too_big = false;
        for (message, field) in limits {
            if let Some(message) = message {
                problem(message, None, Some(At::Field(field)));
                too_big = true;
            }
        }
        let labels = (mission.skills.keys().map(|s| (s, "skills", true)))
            .chain(mission.tools.iter().map(|t| (t, "tools", false)));
        for (label, field, is_key) in labels {
            if let Some(message) = over("skill or tool name", label, limits::LABEL) {
                problem(message, None, Some(label_at(field, label, is_key)));
                too_big = true;
            }
        }
        if too_big {
            continue;
        }
        let title_at = || Some(At::Field("title"));
        if mission.title.trim().is_empty() {
            problem("has an empty title".into(), None, title_at());
        } else if let Some(message) = invisible_in("the title", &mission.title) {
            problem(message, invisible_hint(), title_at());
        } else if let Some(first) = seen.insert(key(&mission.title), &mission.title) {
            problem(
                format!("appears twice (also as {})", quoted(first)),
                Some(
                    "titles ignore case, accents written two ways and surrounding spaces; \
                     rename one of them"
                        .into(),
                ),
                title_at(),
            );
        }
        for (skill, &level) in &mission.skills {
            let at = || Some(At::MapKey("skills", skill.clone()));
            if skill.trim().is_empty() {
                problem("needs a skill with an empty name".into(), None, at());
            } else if let Some(message) = invisible_in("the skill", skill) {
                problem(message, invisible_hint(), at());
            }
            if !(MIN_NEED..=MAX_NEED).contains(&level) {
                problem(
                    format!(
                        "needs skill {} at level {level}, out of range",
                        quoted(skill)
                    ),
                    Some("a mission needs levels 1 (learning) to 4 (expert)".into()),
                    at(),
                );
            }
        }
        for tool in &mission.tools {
            let at = || Some(At::Text("tools", tool.clone()));
            if tool.trim().is_empty() {
                problem("needs a tool with an empty name".into(), None, at());
            } else if let Some(message) = invisible_in("the tool", tool) {
                problem(message, invisible_hint(), at());
            }
        }
        for (role, name) in [("owner", &mission.owner), ("mentor", &mission.mentor)] {
            if let Some(name) = name
                && !people.contains_key(&key(name))
            {
                problem(
                    format!(
                        "has {role} {}, who is not a person of this team",
                        quoted(name)
                    ),
                    suggest(name, people, hints),
                    Some(At::Text(role, name.clone())),
                );
            }
        }
        if let (Some(owner), Some(mentor)) = (&mission.owner, &mission.mentor)
            && key(owner) == key(mentor)
        {
            problem(
                format!("has {} as both owner and mentor", quoted(mentor)),
                Some("a mentor is a second person who pairs with the owner".into()),
                Some(At::Text("mentor", mentor.clone())),
            );
        }
        let delegation_hint =
            || Some("delegation levels go from 1 (Tell) to 7 (Delegate)".to_string());
        if let Some(level) = mission.delegation
            && !(Delegation::MIN..=Delegation::MAX).contains(&level)
        {
            problem(
                format!("has delegation level {level}, out of range"),
                delegation_hint(),
                Some(At::Field("delegation")),
            );
        }
        for field in mission.fields_status_rules_out() {
            let (status, hint) = if field == "completed" {
                (
                    "is not done",
                    "only a done mission has a completed date; remove it, or set the status to Done",
                )
            } else {
                (
                    "is planned",
                    "a planned mission has not been handed over yet; remove the field, \
                     or set the status to HandedOver",
                )
            };
            problem(
                format!("{status} but has `{field}`"),
                Some(hint.into()),
                Some(At::Field(field)),
            );
        }
        for change in &mission.delegation_history {
            if !(Delegation::MIN..=Delegation::MAX).contains(&change.level) {
                problem(
                    format!(
                        "has delegation level {} in its history ({}), out of range",
                        change.level, change.date
                    ),
                    delegation_hint(),
                    Some(At::Dated("delegation_history", change.date.to_string())),
                );
            }
        }
    }
}

/// How many unknown names of one team get a "did you mean": each compares
/// the name with every person, and a file naming 10,000 strangers would
/// otherwise take minutes to refuse.
const HINTS: usize = 100;

/// [`did_you_mean`] while the budget of hints lasts.
fn suggest(name: &str, people: &HashMap<Key, &str>, left: &mut usize) -> Option<String> {
    *left = left.checked_sub(1)?;
    did_you_mean(name, people)
}

/// "did you mean …?" for a name that is close to one of the team's.
pub fn did_you_mean(name: &str, people: &HashMap<Key, &str>) -> Option<String> {
    let wanted = key(name);
    // Compare with the whole name and with each part of it, so "Brno" finds
    // "Bruno Costa".
    let score = |k: &Key| {
        k.as_str()
            .split_whitespace()
            .chain([k.as_str()])
            .map(|part| strsim::jaro_winkler(wanted.as_str(), part))
            .fold(0.0, f64::max)
    };
    people
        .iter()
        .map(|(k, shown)| (score(k), *shown))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, shown)| format!("did you mean {}?", quoted(shown)))
}

/// The closest names to `name` among `names`, best first, for messages.
pub fn closest_name<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<String> {
    did_you_mean(name, &name_index(names))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mission, Person};

    fn team(people: &[&str]) -> Team {
        Team {
            people: people.iter().map(|n| Person::named(*n)).collect(),
            ..Team::default()
        }
    }

    fn messages(team: &Team) -> Vec<String> {
        validate(team)
            .into_iter()
            .map(|p| format!("{}: {}", p.subject, p.message))
            .collect()
    }

    #[test]
    fn a_valid_team_has_no_problems() {
        let mut t = team(&["Amina", "Bruno"]);
        let mut m = Mission::titled("Ship it");
        m.owner = Some("amina ".into());
        m.mentor = Some("BRUNO".into());
        m.delegation = Some(7);
        m.skills.insert("rust".into(), 4);
        t.missions.push(m);
        t.people[0].turns_to.push("Bruno".into());
        t.people[0].skills.insert("rust".into(), 0);
        assert_eq!(validate(&t), vec![]);
    }

    #[test]
    fn duplicate_people_compare_trimmed_and_case_insensitively() {
        let t = team(&["Amina Diallo", " amina diallo"]);
        assert_eq!(
            messages(&t),
            vec![r#"person " amina diallo": appears twice (also as "Amina Diallo")"#]
        );
    }

    #[test]
    fn duplicate_mission_titles_are_refused() {
        let mut t = team(&[]);
        t.missions.push(Mission::titled("Ship"));
        t.missions.push(Mission::titled("SHIP "));
        assert_eq!(messages(&t).len(), 1);
        assert!(messages(&t)[0].contains("appears twice"));
    }

    #[test]
    fn empty_names_are_refused() {
        let mut t = team(&["  "]);
        t.missions.push(Mission::titled(""));
        assert_eq!(
            messages(&t),
            vec![
                "person #1: has an empty name",
                "mission #1: has an empty title"
            ]
        );
    }

    #[test]
    fn unknown_owner_gets_a_did_you_mean() {
        let mut t = team(&["Amina Diallo", "Bruno Costa"]);
        let mut m = Mission::titled("Ship");
        m.owner = Some("Amina Dialo".into());
        t.missions.push(m);
        let problems = validate(&t);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("owner \"Amina Dialo\""));
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean \"Amina Diallo\"?")
        );
    }

    #[test]
    fn unknown_mentor_and_turns_to_are_refused() {
        let mut t = team(&["Amina", "Bruno"]);
        t.people[0].turns_to.push("Zed".into());
        let mut m = Mission::titled("Ship");
        m.mentor = Some("Nobody".into());
        t.missions.push(m);
        let all = messages(&t);
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].contains("turns to \"Zed\""));
        assert!(all[1].contains("mentor \"Nobody\""));
        assert_eq!(validate(&t)[1].hint, None, "nothing close to suggest");
    }

    #[test]
    fn turning_to_oneself_is_refused() {
        let mut t = team(&["Amina"]);
        t.people[0].turns_to.push("amina".into());
        assert_eq!(
            messages(&t),
            vec![r#"person "Amina": turns to themselves ("amina")"#]
        );
    }

    #[test]
    fn mentor_who_is_the_owner_is_refused() {
        let mut t = team(&["Amina"]);
        let mut m = Mission::titled("Ship");
        m.owner = Some("Amina".into());
        m.mentor = Some(" AMINA".into());
        t.missions.push(m);
        assert!(messages(&t)[0].contains("both owner and mentor"));
    }

    #[test]
    fn levels_out_of_range_are_refused() {
        let mut t = team(&["Amina"]);
        t.people[0].skills.insert("rust".into(), 5);
        t.people[0].skills.insert("sql".into(), 4);
        let mut m = Mission::titled("Ship");
        m.skills.insert("rust".into(), 0);
        m.skills.insert("go".into(), 5);
        m.skills.insert("sql".into(), 1);
        m.delegation = Some(8);
        m.delegation_history.push(crate::model::DelegationChange {
            date: "2026-01-01".parse().unwrap(),
            level: 0,
        });
        t.missions.push(m);
        let all = messages(&t);
        assert_eq!(all.len(), 5, "{all:?}");
        assert!(all[0].contains("skill \"rust\" at level 5"));
        assert!(all[1].contains("\"go\" at level 5"));
        assert!(all[2].contains("\"rust\" at level 0"));
        assert!(all[3].contains("delegation level 8"));
        assert!(all[4].contains("delegation level 0 in its history"));
    }

    #[test]
    fn huge_fields_and_lists_are_refused_with_their_size() {
        let mut t = team(&["Amina"]);
        t.people[0].name = "x".repeat(1_048_576);
        t.people.push(Person::named("Bruno"));
        t.people[1].tools = (0..100_000).map(|i| format!("tool {i}")).collect();
        let mut m = Mission::titled("Ship");
        m.goal = "g".repeat(6_000);
        t.missions.push(m);
        let all = messages(&t);
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(all[0].starts_with("person \"xxxx"), "{}", &all[0][..40]);
        assert!(
            all[0]
                .contains("… (1048576 characters): has a name of 1048576 characters; at most 200")
        );
        assert!(all[0].len() < 250, "the message itself stays short");
        assert_eq!(all[1], "person \"Bruno\": has 100000 tools; at most 500");
        assert_eq!(
            all[2],
            "mission \"Ship\": has a goal of 6000 characters; at most 5000"
        );
    }

    #[test]
    fn names_typed_two_ways_or_folded_are_the_same_name() {
        let t = team(&[
            "Jose\u{301} Nu\u{301}n\u{303}ez",
            "José Núñez",
            "Straße",
            "STRASSE",
        ]);
        let all = messages(&t);
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].ends_with("appears twice (also as \"Jose\u{301} Nu\u{301}n\u{303}ez\")"));
        assert_eq!(
            all[1],
            r#"person "STRASSE": appears twice (also as "Straße")"#
        );
        let mut t = team(&[]);
        t.missions.push(Mission::titled("Maße"));
        t.missions.push(Mission::titled("MASSE"));
        assert_eq!(messages(&t).len(), 1);
    }

    #[test]
    fn invisible_characters_in_names_are_refused_and_shown_escaped() {
        let mut t = team(&["Anna", "An\u{200d}na", "Bruno"]);
        t.people[2].skills.insert("r\u{200b}ust".into(), 3);
        t.people[2].tools.push("vault\u{202e}".into());
        t.people[2].wants.push("go\u{2060}".into());
        let mut m = Mission::titled("Ship\u{feff}");
        m.skills.insert("sql\u{1b}".into(), 2);
        t.missions.push(m);
        let problems = validate(&t);
        let all = messages(&t);
        assert_eq!(all.len(), 6, "{all:?}");
        assert_eq!(
            all[0],
            r#"person "An\u{200d}na": has an invisible character (U+200D) in the name "An\u{200d}na""#
        );
        assert!(
            all[1].contains("(U+200B) in the skill \"r\\u{200b}ust\""),
            "{}",
            all[1]
        );
        assert!(all[2].contains("(U+202E) in the tool"), "{}", all[2]);
        assert!(
            all[3].contains("(U+2060) in the skill they want"),
            "{}",
            all[3]
        );
        assert!(all[4].contains("(U+FEFF) in the title"), "{}", all[4]);
        assert!(all[5].contains("(U+001B) in the skill"), "{}", all[5]);
        assert!(
            all.iter()
                .all(|m| !m.contains(['\u{200d}', '\u{1b}', '\u{202e}']))
        );
        assert_eq!(problems[0].at, Some(At::Field("name")));
        assert_eq!(
            problems[1].at,
            Some(At::MapKey("skills", "r\u{200b}ust".into()))
        );
        assert!(problems[0].hint.as_deref().unwrap().contains("zero-width"));
    }

    #[test]
    fn each_problem_says_which_field_is_at_fault() {
        let mut t = team(&["Amina"]);
        t.people[0].skills.insert("rust".into(), 7);
        t.people[0].turns_to.push("Zed".into());
        let mut m = Mission::titled("Ship");
        m.owner = Some("Nobody".into());
        m.delegation = Some(9);
        t.missions.push(m);
        let at: Vec<Option<At>> = validate(&t).into_iter().map(|p| p.at).collect();
        assert_eq!(
            at,
            [
                Some(At::MapKey("skills", "rust".into())),
                Some(At::Text("turns_to", "Zed".into())),
                Some(At::Text("owner", "Nobody".into())),
                Some(At::Field("delegation")),
            ]
        );
    }

    #[test]
    fn only_the_first_hundred_unknown_names_get_a_did_you_mean() {
        let mut t = team(&["Amina Diallo"]);
        for i in 0..150 {
            let mut p = Person::named(format!("P{i}"));
            p.turns_to.push("Amina Dialo".into());
            t.people.push(p);
        }
        let problems = validate(&t);
        assert_eq!(problems.len(), 150);
        assert!(problems[..100].iter().all(|p| p.hint.is_some()));
        assert!(problems[100..].iter().all(|p| p.hint.is_none()));
    }

    #[test]
    fn delegation_zero_is_out_of_range() {
        let mut t = team(&[]);
        let mut m = Mission::titled("Ship");
        m.delegation = Some(0);
        t.missions.push(m);
        assert_eq!(messages(&t).len(), 1);
    }
}
