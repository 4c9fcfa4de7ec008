//! The one-on-one agenda of a person: what to raise, drawn from the
//! analysis, as a structure. Two renderers draw it: [`Agenda::markdown`]
//! for `handover agenda` and the export, and the One-on-one view's styled
//! lines (in `tui::ui`), so the view never re-reads the Markdown.

mod markdown;

use crate::analysis::dates;
use crate::analysis::explain::{self, person};
use crate::analysis::{Analysis, Finding, PersonId, PersonSignal, Verdict};
use crate::model::{Date, Delegation, Lookup, Team};
use crate::text::{clean, clean_multiline};

/// How many past notes the agenda recalls.
pub const RECENT_NOTES: usize = 3;

/// A one-on-one agenda. Every text in it is cleaned of control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agenda {
    /// "One-on-one: " and the person's name.
    pub title: String,
    /// Their role, load and mentoring, on one line.
    pub summary: String,
    pub sections: Vec<Section>,
}

/// A part of the agenda under its own heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section holds, each block apart from the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A sentence on its own, such as "No active missions.".
    Text(String),
    /// A list.
    Items(Vec<Item>),
    /// A mission the person owns, under its title and verdict.
    Mission {
        title: String,
        verdict: Verdict,
        items: Vec<Item>,
    },
}

/// One entry of a list: its text and what it is, which says how to draw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// An action agreed at an earlier one-on-one and not done yet: the
    /// manager's own (`mine`) or the person's, with its due date, and
    /// whether that is past (only known for an agenda made on a day).
    OpenAction {
        agreed: Date,
        mine: bool,
        due: Option<Date>,
        overdue: bool,
    },
    /// A fact about a mission: its goal, delegation or due date.
    Fact {
        label: &'static str,
        /// The fact is missing and should not be (a goal nobody wrote).
        missing: bool,
    },
    /// A gap or warning of a mission, worded by [`Finding::words`].
    Finding(Finding),
    /// Something to raise in this one-on-one.
    TalkingPoint,
    /// A colleague: someone they mentor or turn to.
    Colleague,
    /// A past note; it may span several lines.
    Note { date: Date },
    /// Something that changed since the last one-on-one: a skill level, a
    /// mission handed over or done, a delegation level.
    Since { date: Date },
}

impl ItemKind {
    /// What an open action's parentheses say: "yours; agreed 2026-11-06;
    /// due 2026-11-20: overdue". The Markdown and the view both show it.
    pub fn about(&self) -> Option<String> {
        let ItemKind::OpenAction {
            agreed,
            mine,
            due,
            overdue,
        } = self
        else {
            return None;
        };
        let mut about = Vec::new();
        if *mine {
            about.push("yours".to_string());
        }
        about.push(format!("agreed {agreed}"));
        match (due, overdue) {
            (Some(due), true) => about.push(format!("due {due}: overdue")),
            (Some(due), false) => about.push(format!("due {due}")),
            (None, _) => {}
        }
        Some(about.join("; "))
    }

    /// Something to tick off: an open action or a talking point.
    pub fn is_to_do(&self) -> bool {
        matches!(self, ItemKind::OpenAction { .. } | ItemKind::TalkingPoint)
    }
}

impl Item {
    fn new(kind: ItemKind, text: impl Into<String>) -> Self {
        Item {
            kind,
            text: text.into(),
        }
    }
}

/// The agenda for one person, as Markdown.
pub fn agenda(team: &Team, a: &Analysis, who: PersonId) -> String {
    Agenda::of(team, a, who).markdown()
}

/// The agenda for one person on `today`, as Markdown: overdue action items
/// first, and marked.
pub fn agenda_on(team: &Team, a: &Analysis, who: PersonId, today: Date) -> String {
    Agenda::on(team, a, who, today).markdown()
}

impl Agenda {
    /// The agenda for one person, with no day to count dates from.
    pub fn of(team: &Team, a: &Analysis, who: PersonId) -> Agenda {
        Self::build(team, a, who, None)
    }

    /// The agenda for one person on `today`: overdue action items first.
    pub fn on(team: &Team, a: &Analysis, who: PersonId, today: Date) -> Agenda {
        Self::build(team, a, who, Some(today))
    }

    fn build(team: &Team, a: &Analysis, who: PersonId, today: Option<Date>) -> Agenda {
        let p = &team.people[who];
        let report = &a.people[who];
        let mut facts = Vec::new();
        if !p.role.trim().is_empty() {
            facts.push(clean(&p.role).into_owned());
        }
        facts.push(format!("owns {} of {}", report.load(), p.capacity));
        facts.push(format!(
            "mentors {} of {}",
            report.mentoring(),
            p.mentor_capacity
        ));
        let sections = [
            open_actions(team, who, today),
            since_last_time(team, who, today),
            Some(missions(team, a, who)),
            Some(talking_points(team, a, who)),
            mentoring(team, a, who),
            turns_to(team, a, who),
            recent_notes(team, who),
        ];
        Agenda {
            title: format!("One-on-one: {}", person(team, who)),
            summary: facts.join(" · "),
            sections: sections.into_iter().flatten().collect(),
        }
    }
}

fn section(heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        heading: heading.to_string(),
        blocks,
    }
}

/// A section holding one list, or none when the list is empty.
fn list(heading: &str, items: Vec<Item>) -> Option<Section> {
    (!items.is_empty()).then(|| section(heading, vec![Block::Items(items)]))
}

/// The actions not done yet, overdue ones first (the most overdue first),
/// the rest in the order they were agreed.
fn open_actions(team: &Team, who: PersonId, today: Option<Date>) -> Option<Section> {
    let mut open: Vec<Item> = team.people[who]
        .log
        .iter()
        .flat_map(|entry| entry.actions.iter().map(move |a| (entry.date, a)))
        .filter(|(_, action)| !action.done)
        .map(|(agreed, action)| {
            let kind = ItemKind::OpenAction {
                agreed,
                mine: action.mine,
                due: action.due,
                overdue: today.is_some_and(|t| dates::action_overdue(action, t)),
            };
            Item::new(kind, clean(&action.text))
        })
        .collect();
    open.sort_by_key(|item| match item.kind {
        ItemKind::OpenAction {
            overdue: true, due, ..
        } => (false, due),
        _ => (true, None),
    });
    list("Open actions", open)
}

/// What changed since the last one-on-one before today (or the last one,
/// with no day): skills whose level moved per `history`, missions of theirs
/// handed over or done, delegation levels changed — each dated, oldest
/// first. None before a first one-on-one, or when nothing changed.
fn since_last_time(team: &Team, who: PersonId, today: Option<Date>) -> Option<Section> {
    let p = &team.people[who];
    let since = p
        .log
        .iter()
        .map(|e| e.date)
        .filter(|d| today.is_none_or(|t| *d < t))
        .max()?;
    let mut items: Vec<(Date, String)> = Vec::new();
    // Skills: the level on the day of the last one-on-one against the
    // newest, for each skill that changed after it.
    let mut skills: Vec<&str> = Vec::new();
    for change in p.history.iter().filter(|c| c.date > since) {
        if !skills
            .iter()
            .any(|s| crate::model::key(s) == crate::model::key(&change.skill))
        {
            skills.push(&change.skill);
        }
    }
    for skill in skills {
        let same = |c: &&crate::model::LevelChange| {
            crate::model::key(&c.skill) == crate::model::key(skill)
        };
        let before = p.history.iter().filter(same).rfind(|c| c.date <= since);
        let Some(now) = p.history.iter().rfind(same) else {
            continue;
        };
        let skill = clean(skill);
        let text = match before {
            Some(b) if b.level == now.level => continue,
            Some(b) => format!("{skill} {} → {} since {since}", b.level, now.level),
            None => format!("{skill} at {} (recorded {})", now.level, now.date),
        };
        items.push((now.date, text));
    }
    let name = crate::model::key(&p.name);
    for mission in &team.missions {
        let title = clean(&mission.title);
        let theirs = mission
            .owner
            .as_deref()
            .is_some_and(|o| crate::model::key(o) == name);
        if theirs {
            if let Some(date) = mission.handed_over.filter(|d| *d > since) {
                items.push((date, format!("Handed over: \"{title}\" on {date}")));
            }
            if let Some(date) = mission.completed.filter(|d| *d > since) {
                items.push((date, format!("Done: \"{title}\" on {date}")));
            }
            let history = &mission.delegation_history;
            for (i, change) in history.iter().enumerate().filter(|(_, c)| c.date > since) {
                let to = history
                    .get(i + 1)
                    .map(|h| h.level)
                    .or(mission.delegation)
                    .map_or("no level", Delegation::name);
                items.push((
                    change.date,
                    format!(
                        "Delegation on \"{title}\": {} → {to} on {}",
                        Delegation::name(change.level),
                        change.date
                    ),
                ));
            }
        }
    }
    items.sort_by_key(|(date, _)| *date);
    let items = items
        .into_iter()
        .map(|(date, text)| Item::new(ItemKind::Since { date }, text))
        .collect();
    list(&format!("Since last time ({since})"), items)
}

fn missions(team: &Team, a: &Analysis, who: PersonId) -> Section {
    let owns = &a.people[who].owns;
    if owns.is_empty() {
        return section("Missions", vec![Block::Text("No active missions.".into())]);
    }
    let blocks = owns
        .iter()
        .map(|&m| {
            let mission = &team.missions[m];
            let report = &a.missions[m];
            let fact =
                |label, missing, text: String| Item::new(ItemKind::Fact { label, missing }, text);
            let goal = if report.goal_missing {
                "none yet".into()
            } else {
                clean(&mission.goal).into_owned()
            };
            let mut items = vec![fact("Goal", report.goal_missing, goal)];
            if let Some(level) = mission.delegation {
                items.push(fact(
                    "Delegation",
                    false,
                    explain::delegation(mission, level),
                ));
            }
            if let Some(due) = mission.due {
                items.push(fact("Due", false, due.to_string()));
            }
            items.extend(Finding::of(team, a, m).into_iter().map(|f| {
                let text = f.words(team, a);
                Item::new(ItemKind::Finding(f), text)
            }));
            Block::Mission {
                title: clean(&mission.title).into_owned(),
                verdict: report.verdict,
                items,
            }
        })
        .collect();
    section("Missions", blocks)
}

fn talking_points(team: &Team, a: &Analysis, who: PersonId) -> Section {
    let mut points = points(team, a, who);
    if points.is_empty() {
        points.push("Nothing flagged: ask what would help them most right now.".into());
    }
    let items = points
        .into_iter()
        .map(|p| Item::new(ItemKind::TalkingPoint, p))
        .collect();
    section("Talking points", vec![Block::Items(items)])
}

/// What to raise, drawn from the findings of the person's missions and
/// from their signals.
pub fn points(team: &Team, a: &Analysis, who: PersonId) -> Vec<String> {
    let mut points: Vec<String> = a.people[who]
        .owns
        .iter()
        .flat_map(|&m| mission_points(team, a, m))
        .collect();
    for signal in PersonSignal::of(team, a, who) {
        points.extend(match signal {
            PersonSignal::Overloaded { load, capacity } => Some(format!(
                "Capacity: they own {load} active missions against {capacity}; what can move?"
            )),
            PersonSignal::MentorOverloaded {
                mentoring,
                capacity,
            } => Some(format!(
                "Mentoring {mentoring} missions against {capacity}: is it too much alongside their own work?"
            )),
            PersonSignal::Isolated => Some(
                "They turn to nobody and have no mentor: who could they go to for help?".into(),
            ),
            // A matter for the team more than for this one-on-one.
            PersonSignal::OnlyHolder { .. } => None,
        });
    }
    points.extend(growth_points(team, a, who));
    points.extend(mentoring_points(team, a, who));
    points
}

/// What to raise about one mission they own: what is missing, who could
/// help with each uncovered gap, how pairing goes, then the delegation.
fn mission_points(team: &Team, a: &Analysis, m: usize) -> Vec<String> {
    let title = clean(&team.missions[m].title).into_owned();
    let findings = Finding::of(team, a, m);
    let suggestions = if a.missions[m].uncovered().next().is_some() {
        a.suggestions(team, m)
    } else {
        crate::analysis::Suggestions::default()
    };
    let mut points = Vec::new();
    let mut paired = Vec::new();
    let mut delegation = Vec::new();
    for finding in &findings {
        match finding {
            Finding::GoalMissing => points.push(format!(
                "Agree a clear goal for \"{title}\": what does done look like?"
            )),
            Finding::ToolGap { tool } => points.push(format!(
                "Arrange {} for \"{title}\"",
                clean(a.tool_name(*tool))
            )),
            Finding::SkillGap(gap) if gap.is_covered() => {
                if !gap.is_wide() {
                    paired.push(explain::skill(a, gap.skill));
                }
            }
            Finding::SkillGap(gap) => {
                let skill = explain::skill(a, gap.skill);
                let helpers: Vec<String> = suggestions
                    .mentors
                    .iter()
                    .filter(|s| s.covers.contains(&gap.skill))
                    .map(|s| person(team, s.person))
                    .collect();
                points.push(if gap.is_wide() {
                    format!(
                        "{skill} on \"{title}\" is a wide gap (needs {}, has {}): rescope, train first, or hand it to someone else",
                        gap.need, gap.have
                    )
                } else if helpers.is_empty() {
                    format!("Find help with {skill} on \"{title}\": nobody free on the team can mentor it")
                } else {
                    format!(
                        "Introduce a mentor for {skill} on \"{title}\": {}",
                        helpers.join(" or ")
                    )
                });
            }
            // Raised once for the person, from their signals.
            Finding::Overloaded { .. } => {}
            Finding::AbandonmentRisk { delegation: level, .. } => delegation.push(format!(
                "Delegation {level} {} on \"{title}\" leaves them alone with a gap: agree check-ins until a mentor is in place",
                Delegation::name(*level)
            )),
            Finding::Micromanagement { delegation: level, .. } => delegation.push(format!(
                "Delegation {level} {} on \"{title}\" is tighter than they need: they are autonomous in every skill it needs",
                Delegation::name(*level)
            )),
        }
    }
    if let (false, Some(mentor)) = (paired.is_empty(), a.index.mentor[m]) {
        points.push(format!(
            "Check how pairing with {} on {} is going (\"{title}\")",
            person(team, mentor),
            paired.join(" and ")
        ));
    }
    points.extend(delegation);
    points
}

/// Unassigned missions that need a skill they want to grow in.
fn growth_points(team: &Team, a: &Analysis, who: PersonId) -> Vec<String> {
    let wants = &a.index.person_wants[who];
    (0..team.missions.len())
        .filter(|&m| a.missions[m].verdict == Verdict::Unassigned)
        .filter_map(|m| {
            let wanted: Vec<String> = a.index.mission_skills[m]
                .iter()
                .filter(|(skill, _)| wants.contains(skill))
                .map(|&(skill, _)| explain::skill(a, skill))
                .collect();
            (!wanted.is_empty()).then(|| {
                format!(
                    "Growth: \"{}\" is unassigned and needs {}, which they want to grow in",
                    clean(&team.missions[m].title),
                    wanted.join(", ")
                )
            })
        })
        .collect()
}

/// Colleagues with a pairable gap (SPEC §3: not wide, not covered) in a
/// skill this person is expert in. A wide gap is no mentor's to close.
fn mentoring_points(team: &Team, a: &Analysis, who: PersonId) -> Vec<String> {
    let mut points = Vec::new();
    for (m, r) in a.missions.iter().enumerate() {
        let Some(owner) = a.index.owner[m].filter(|&o| o != who) else {
            continue;
        };
        for gap in r.uncovered().filter(|g| !g.is_wide()) {
            if a.index.level(who, gap.skill) == crate::model::MAX_SKILL {
                points.push(format!(
                    "Could mentor {} in {} on \"{}\"",
                    person(team, owner),
                    explain::skill(a, gap.skill),
                    clean(&team.missions[m].title)
                ));
            }
        }
    }
    points
}

fn mentoring(team: &Team, a: &Analysis, who: PersonId) -> Option<Section> {
    let items = a.people[who]
        .mentors
        .iter()
        .map(|&m| {
            let owner = a.index.owner[m]
                .map(|o| person(team, o))
                .unwrap_or_else(|| "(no owner yet)".into());
            let title = clean(&team.missions[m].title);
            Item::new(ItemKind::Colleague, format!("{owner} on \"{title}\""))
        })
        .collect();
    list("Mentoring", items)
}

fn turns_to(team: &Team, a: &Analysis, who: PersonId) -> Option<Section> {
    let items = a.index.person_turns_to[who]
        .iter()
        .map(|&p| Item::new(ItemKind::Colleague, person(team, p)))
        .collect();
    list("Turns to", items)
}

fn recent_notes(team: &Team, who: PersonId) -> Option<Section> {
    let notes = team.people[who]
        .log
        .iter()
        .rev()
        .filter(|e| !e.note.trim().is_empty())
        .take(RECENT_NOTES)
        .map(|entry| {
            let note = clean_multiline(&shortened(entry.note.trim())).into_owned();
            Item::new(ItemKind::Note { date: entry.date }, note)
        })
        .collect();
    list("Recent notes", notes)
}

/// The agenda recalls the start of a very long note.
const NOTE_SHOWN: usize = 2_000;

fn shortened(note: &str) -> std::borrow::Cow<'_, str> {
    match note.char_indices().nth(NOTE_SHOWN) {
        Some((end, _)) => format!(
            "{}… ({} more characters in the log)",
            &note[..end],
            note[end..].chars().count()
        )
        .into(),
        None => note.into(),
    }
}

/// Finds a person by name (any case), or by the start of their first or
/// last name when only one person matches; otherwise says who was meant.
pub fn find_person(team: &Team, a: &Analysis, name: &str) -> Result<PersonId, String> {
    if let Some(id) = a.index.person(name) {
        return Ok(id);
    }
    // The whole name, accents ignored when that leaves one person (SPEC §2),
    // else the start of the name or of one of its words, accents ignored.
    let matches: Vec<PersonId> = match crate::model::find_person(team, name) {
        Lookup::Exact(one) | Lookup::Unique(one) => return Ok(one),
        Lookup::Ambiguous(many) => many,
        Lookup::None => {
            let wanted = crate::model::loose_key(name);
            let wanted = wanted.as_str();
            let mut buf = String::new();
            if wanted.is_empty() {
                Vec::new()
            } else {
                (0..team.people.len())
                    .filter(|&p| {
                        crate::model::loose_into(&team.people[p].name, &mut buf);
                        buf.starts_with(wanted)
                            || buf.split_whitespace().any(|w| w.starts_with(wanted))
                    })
                    .collect()
            }
        }
    };
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => {
            let hint = crate::model::validate::closest_name(
                name,
                team.people.iter().map(|p| p.name.as_str()),
            )
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
            Err(format!(
                "no person named {:?} in this team{hint}",
                clean(name)
            ))
        }
        many => {
            let names: Vec<String> = many.iter().take(5).map(|&p| person(team, p)).collect();
            Err(format!(
                "{:?} matches {} people: {}{}; give more of the name",
                clean(name),
                many.len(),
                names.join(", "),
                if many.len() > 5 { ", …" } else { "" }
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;

    fn team(text: &str) -> Team {
        ron::from_str(text).unwrap()
    }

    fn points_of(text: &str, who: &str) -> Vec<String> {
        let t = team(text);
        let a = analyse(&t);
        points(&t, &a, a.index.person(who).unwrap())
    }

    #[test]
    fn a_missing_goal_and_tool_become_talking_points() {
        let p = points_of(
            r#"(people: [(name: "A", turns_to: ["B"]), (name: "B")],
                missions: [(title: "M", tools: ["vault"], owner: Some("A"))])"#,
            "A",
        );
        assert_eq!(
            p,
            [
                "Agree a clear goal for \"M\": what does done look like?",
                "Arrange vault for \"M\""
            ]
        );
    }

    #[test]
    fn an_uncovered_gap_names_who_could_mentor_or_says_nobody_can() {
        let p = points_of(
            r#"(people: [(name: "A", turns_to: ["B"]), (name: "B", skills: {"go": 4})],
                missions: [(title: "M", goal: "g", skills: {"go": 2, "ml": 1}, owner: Some("A"))])"#,
            "A",
        );
        assert_eq!(
            p,
            [
                "Introduce a mentor for go on \"M\": B",
                "Find help with ml on \"M\": nobody free on the team can mentor it",
            ]
        );
    }

    #[test]
    fn a_wide_gap_asks_to_rescope() {
        let p = points_of(
            r#"(people: [(name: "A")], missions: [(title: "M", goal: "g", skills: {"go": 3}, owner: Some("A"))])"#,
            "A",
        );
        assert!(
            p[0].starts_with("go on \"M\" is a wide gap (needs 3, has 0)"),
            "{p:?}"
        );
    }

    #[test]
    fn delegation_warnings_become_talking_points() {
        let p = points_of(
            r#"(people: [(name: "A", skills: {"go": 3}, turns_to: ["B"]), (name: "B")], missions: [
                (title: "Loose", goal: "g", skills: {"ml": 1}, owner: Some("A"), delegation: Some(6)),
                (title: "Tight", goal: "g", skills: {"go": 3}, owner: Some("A"), delegation: Some(1))])"#,
            "A",
        );
        assert!(
            p.iter()
                .any(|x| x.starts_with("Delegation 6 Inquire on \"Loose\" leaves them alone")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|x| x.starts_with("Delegation 1 Tell on \"Tight\" is tighter than they need")),
            "{p:?}"
        );
    }

    #[test]
    fn a_wide_gap_is_no_mentoring_chance() {
        // B needs go 3 and has 0: too wide to pair, whoever the expert.
        let p = points_of(
            r#"(people: [(name: "A", skills: {"go": 4}, turns_to: ["B"]), (name: "B", turns_to: ["A"])], missions: [
                (title: "Wide", goal: "g", skills: {"go": 3}, owner: Some("B"))])"#,
            "A",
        );
        assert!(!p.iter().any(|x| x.starts_with("Could mentor")), "{p:?}");
    }

    #[test]
    fn capacity_isolation_growth_and_mentoring_chances() {
        let p = points_of(
            r#"(people: [(name: "A", capacity: 1, skills: {"go": 4}, wants: ["ml"]), (name: "B")], missions: [
                (title: "One", goal: "g", owner: Some("A")),
                (title: "Two", goal: "g", owner: Some("A")),
                (title: "Open", goal: "g", skills: {"ml": 2}),
                (title: "Theirs", goal: "g", skills: {"go": 2}, owner: Some("B"))])"#,
            "A",
        );
        assert_eq!(
            p,
            [
                "Capacity: they own 2 active missions against 1; what can move?",
                "They turn to nobody and have no mentor: who could they go to for help?",
                "Growth: \"Open\" is unassigned and needs ml, which they want to grow in",
                "Could mentor B in go on \"Theirs\"",
            ]
        );
    }

    #[test]
    fn the_agenda_says_what_each_item_is() {
        let t = crate::sample::team();
        let a = analyse(&t);
        let farid = a.index.person("Farid Haddad").unwrap();
        let agenda = Agenda::of(&t, &a, farid);
        assert_eq!(agenda.title, "One-on-one: Farid Haddad");
        let headings: Vec<&str> = agenda.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Open actions",
                "Missions",
                "Talking points",
                "Turns to",
                "Recent notes"
            ]
        );
        let [Block::Items(actions)] = agenda.sections[0].blocks.as_slice() else {
            panic!("{:?}", agenda.sections[0]);
        };
        assert_eq!(
            actions[0].kind,
            ItemKind::OpenAction {
                agreed: "2026-11-13".parse().unwrap(),
                mine: false,
                due: Some("2026-11-27".parse().unwrap()),
                overdue: false,
            }
        );
        let [Block::Mission { verdict, items, .. }] = agenda.sections[1].blocks.as_slice() else {
            panic!("{:?}", agenda.sections[1]);
        };
        assert_eq!(*verdict, Verdict::Stretch);
        let kinds: Vec<String> = items
            .iter()
            .map(|i| match &i.kind {
                ItemKind::Fact { label, missing } => format!("{label} {missing}"),
                ItemKind::Finding(f) => format!("covered {}", f.is_covered_gap()),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "Goal false",
                "Delegation false",
                "Due false",
                "covered true",
                "covered true"
            ]
        );
        assert!(
            agenda.sections[2].blocks.iter().all(
                |b| matches!(b, Block::Items(items) if items.iter().all(|i| i.kind.is_to_do()))
            )
        );
    }

    #[test]
    fn delegation_shows_how_trust_grew() {
        let t = crate::sample::team();
        let a = analyse(&t);
        let bruno = a.index.person("Bruno Costa").unwrap();
        let md = agenda(&t, &a, bruno);
        assert!(
            md.contains("- Delegation: 6 Inquire (Advise → Inquire since 2026-10-20)"),
            "{md}"
        );
        let api = &t.missions[7];
        assert_eq!(
            crate::analysis::explain::delegation_history(api).as_deref(),
            Some("Agree → Advise on 2026-09-15 → Inquire on 2026-10-20")
        );
    }

    #[test]
    fn a_quiet_agenda_still_has_a_question() {
        let t = team(r#"(people: [(name: "A", turns_to: ["B"]), (name: "B")])"#);
        let a = analyse(&t);
        let md = agenda(&t, &a, 0);
        assert!(md.contains("- [ ] Nothing flagged"), "{md}");
        assert!(md.contains("No active missions."));
    }

    #[test]
    fn the_last_three_notes_are_recalled_newest_first() {
        let t = team(
            r#"(people: [(name: "A", log: [
                (date: "2026-01-01", note: "one"), (date: "2026-02-01", note: "two"),
                (date: "2026-03-01", note: "three"), (date: "2026-04-01", note: "four")])])"#,
        );
        let a = analyse(&t);
        let md = agenda(&t, &a, 0);
        assert!(
            md.ends_with(
                "## Recent notes\n\n- 2026-04-01: four\n- 2026-03-01: three\n- 2026-02-01: two\n"
            ),
            "{md}"
        );
    }

    #[test]
    fn a_very_long_note_is_recalled_by_its_start() {
        let mut t = team(r#"(people: [(name: "A", log: [(date: "2026-01-01", note: "x")])])"#);
        t.people[0].log[0].note = "word ".repeat(20_000);
        let a = analyse(&t);
        let md = agenda(&t, &a, 0);
        assert!(md.len() < 3_000, "{} bytes", md.len());
        assert!(md.contains("… (97999 more characters in the log)"));
    }

    #[test]
    fn hostile_text_is_made_visible() {
        let t = team(r#"(people: [(name: "A\u{1b}[2J", role: "x\u{7}")])"#);
        let a = analyse(&t);
        let md = agenda(&t, &a, 0);
        assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'), "{md:?}");
    }

    #[test]
    fn on_a_day_overdue_actions_come_first_and_the_managers_own_are_marked() {
        let t = team(
            r#"(people: [(name: "A", log: [
                (date: "2026-10-01", actions: [(text: "later", due: Some("2026-12-20")),
                                               (text: "no date")]),
                (date: "2026-11-01", actions: [(text: "mine, late", mine: true, due: Some("2026-11-20")),
                                               (text: "done", done: true, due: Some("2026-11-01")),
                                               (text: "most late", due: Some("2026-11-10"))])])])"#,
        );
        let a = analyse(&t);
        let today: Date = "2026-11-28".parse().unwrap();
        let md = agenda_on(&t, &a, 0, today);
        let start = md.find("## Open actions").unwrap();
        let section = &md[start..md[start..].find("\n## ").map_or(md.len(), |e| start + e)];
        assert_eq!(
            section,
            "## Open actions\n\n\
             - [ ] most late (agreed 2026-11-01; due 2026-11-10: overdue)\n\
             - [ ] mine, late (yours; agreed 2026-11-01; due 2026-11-20: overdue)\n\
             - [ ] later (agreed 2026-10-01; due 2026-12-20)\n\
             - [ ] no date (agreed 2026-10-01)\n"
        );
        // Without a day nothing is called overdue, and the order is the log's.
        let undated = agenda(&t, &a, 0);
        assert!(!undated.contains("overdue"), "{undated}");
        assert!(undated.contains("- [ ] later (agreed 2026-10-01; due 2026-12-20)\n- [ ] no date"));
    }
}
