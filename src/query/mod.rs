//! The Missions list's filter (SPEC §5): a line of words and fields, such as
//! `is:at-risk owner:dana due:14 skill:react billing`. Pure: it reads a
//! mission, its verdict, the team and today, so it is tested without a
//! terminal; the app parses the line when it changes and shows a
//! [`QueryError`] under it.
//!
//! | term | keeps the missions… |
//! |---|---|
//! | `is:blocked` `is:at-risk` `is:unassigned` `is:stretch` `is:ready` `is:done` | with that verdict |
//! | `is:overdue` | active, due before today |
//! | `is:due-soon` | active, due today or within [`DUE_SOON_DAYS`] days (not yet late; in the app, `due_soon_days` of `config.ron`) |
//! | `is:planned` `is:handed-over` `is:active` | with that status (active: not done) |
//! | `owner:dana` / `mentor:dana` | whose owner / mentor has a name with a word starting so |
//! | `owner:` / `mentor:` (nothing after) | with no owner / no mentor |
//! | `skill:react` | needing that skill, or, when the team has no skill of that exact name, a skill with a word starting so (`skill:jav` finds java and javascript, `skill:java` only java) |
//! | `skill:` | needing no skill |
//! | `due:14` | active, due within 14 days or late; `due:fri`, `due:2027-03-01`, `due:+2w` (any [`crate::date_input`] form): due by then or late |
//! | `due:` | with no due date |
//! | `wants:` | a growth assignment: the owner wants to grow in one of its skills; a mission with no owner, when anyone in the team does |
//! | `wants:dana` | needing a skill that Dana wants to grow in, whoever owns it |
//! | any other word | fuzzy on the title and the owner, best match first (as every list's filter) |
//!
//! Names and skills match without case or accents (`owner:sahin` finds Elif
//! Şahin). Every term must hold. A `-` before a field turns it round
//! (`-is:done`). Double quotes keep spaces in a value (`owner:"elif s"`) and
//! make a word of something that looks like a field (`"q3:"`). Field names
//! ignore case; `at_risk` and `at-risk` are one state.

pub mod sort;

use std::fmt;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher as Fuzzy, Utf32Str};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::Verdict;
use crate::model::{Date, Key, Mission, Status, Team, key, loose_key};

pub use sort::{Row, Sort};

/// `is:due-soon` keeps missions due within this many days (SPEC §3).
/// One rule of "due soon" for the analysis, `check`, `week` and the filter.
pub use crate::analysis::dates::DUE_SOON_DAYS;

/// The fields a filter line understands, as typed (without the colon).
pub const FIELDS: [&str; 6] = ["is", "owner", "mentor", "skill", "due", "wants"];

/// A parsed filter line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
    /// The plain words, in nucleo's pattern syntax (a quoted phrase keeps its
    /// spaces escaped).
    words: String,
    today: Date,
    /// `is:due-soon`: due within this many days.
    due_soon: i64,
}

/// One field of the line; `negated` for `-is:done`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub test: Test,
}

/// What a field asks of a mission. Names and skills are held as their
/// accent-free keys; `None` is the bare field (`owner:`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Test {
    Is(State),
    Owner(Option<String>),
    Mentor(Option<String>),
    Skill(Option<String>),
    /// Active and due on or before this day; `None`: no due date.
    Due(Option<Date>),
    /// `Some(name)`: needs a skill that person wants; `None`: a growth
    /// assignment (see the module's table).
    Wants(Option<String>),
}

/// The states `is:` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Verdict(Verdict),
    Overdue,
    DueSoon,
    Planned,
    HandedOver,
    Active,
}

/// Every `is:` value, as typed, with its state.
const STATES: [(&str, State); 11] = [
    ("blocked", State::Verdict(Verdict::Blocked)),
    ("at-risk", State::Verdict(Verdict::AtRisk)),
    ("unassigned", State::Verdict(Verdict::Unassigned)),
    ("stretch", State::Verdict(Verdict::Stretch)),
    ("ready", State::Verdict(Verdict::Ready)),
    ("done", State::Verdict(Verdict::Done)),
    ("overdue", State::Overdue),
    ("due-soon", State::DueSoon),
    ("planned", State::Planned),
    ("handed-over", State::HandedOver),
    ("active", State::Active),
];

/// A filter line handover cannot read: one short sentence for the line
/// under the filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

impl Query {
    /// Reads a filter line; `today` dates `due:` and `is:overdue`.
    pub fn parse(line: &str, today: Date) -> Result<Query, QueryError> {
        match Query::parse_partly(line, today) {
            (query, None) => Ok(query),
            (_, Some(error)) => Err(error),
        }
    }

    /// Reads what it can of a filter line: the query without the fields it
    /// cannot read, and why the first of those cannot be read. The app
    /// filters by the rest while it shows the reason under the line.
    pub fn parse_partly(line: &str, today: Date) -> (Query, Option<QueryError>) {
        let mut terms = Vec::new();
        let mut words = Vec::new();
        let mut error = None;
        for token in tokens(line) {
            match token {
                Token::Word(word) => words.push(word),
                Token::Field {
                    negated,
                    name,
                    value,
                } => match test(&name, &value, today) {
                    Ok(test) => terms.push(Term { negated, test }),
                    Err(e) => {
                        error.get_or_insert(e);
                    }
                },
            }
        }
        let query = Query {
            terms,
            words: words.join(" "),
            today,
            due_soon: DUE_SOON_DAYS,
        };
        (query, error)
    }

    /// `is:due-soon` within `days` rather than [`DUE_SOON_DAYS`] (the
    /// app's `due_soon_days` setting).
    pub fn due_soon_within(mut self, days: i64) -> Query {
        self.due_soon = days;
        self
    }

    /// Nothing typed: every mission, in order.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.words.is_empty()
    }

    /// The fields, in the order typed.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The plain words, as the fuzzy matcher reads them.
    pub fn words(&self) -> &str {
        &self.words
    }

    /// The query ready to test missions of `team`: names and skills looked
    /// up once.
    pub fn matcher<'a>(&'a self, team: &'a Team) -> Matcher<'a> {
        Matcher::new(self, team)
    }

    /// The missions of `team` that pass every field and match the words,
    /// as indexes: in file order, or best match first when words are typed
    /// (ties in file order). `verdict` gives each mission's verdict.
    pub fn rows(&self, team: &Team, verdict: impl Fn(usize) -> Verdict) -> Vec<usize> {
        let matcher = self.matcher(team);
        let kept = team
            .missions
            .iter()
            .enumerate()
            .filter(|&(i, m)| matcher.matches(m, verdict(i)));
        if self.words.is_empty() {
            return kept.map(|(i, _)| i).collect();
        }
        let texts: Vec<(usize, String)> = kept.map(|(i, m)| (i, searched_text(m))).collect();
        filter_rows(
            &self.words,
            texts.iter().map(|(i, text)| (*i, text.as_str())),
        )
    }
}

/// What plain words are matched against: the title and the owner, as the
/// Missions list always has.
pub fn searched_text(mission: &Mission) -> String {
    format!(
        "{} {}",
        mission.title,
        mission.owner.as_deref().unwrap_or("")
    )
}

/// The items whose text matches a fuzzy query, best first (ties in their
/// order); every item, in order, when the query is empty. Every list's
/// filter uses it; a query's plain words come here. Case and accents aside:
/// `sahin` finds "Elif Şahin", and so does `Şahin`.
pub fn filter_rows<'a>(query: &str, items: impl Iterator<Item = (usize, &'a str)>) -> Vec<usize> {
    if query.trim().is_empty() {
        return items.map(|(i, _)| i).collect();
    }
    let pattern = Pattern::parse(
        loose_key(query).as_str(),
        CaseMatching::Ignore,
        Normalization::Smart,
    );
    let mut matcher = Fuzzy::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut loose = String::new();
    let mut scored: Vec<(u32, usize)> = items
        .filter_map(|(i, text)| {
            crate::model::loose_into(text, &mut loose);
            pattern
                .score(Utf32Str::new(&loose, &mut buf), &mut matcher)
                .map(|score| (score, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// A query bound to a team.
pub struct Matcher<'a> {
    query: &'a Query,
    team: &'a Team,
    /// Each person by the key of their name (for `wants:` alone; empty
    /// otherwise).
    people: FxHashMap<Key, usize>,
    /// Per term, what was worked out from the team for it.
    bound: Vec<Bound>,
}

enum Bound {
    Nothing,
    /// `skill:x`: whether a skill of the team is named exactly `x`.
    Skill {
        exact: bool,
    },
    /// The keys of the skills somebody wants.
    Wanted(FxHashSet<Key>),
}

impl<'a> Matcher<'a> {
    fn new(query: &'a Query, team: &'a Team) -> Self {
        // Only `wants:` alone looks owners up: no other line pays for it.
        let mut people = FxHashMap::default();
        if query.terms.iter().any(|t| t.test == Test::Wants(None)) {
            for (i, p) in team.people.iter().enumerate() {
                people.entry(key(&p.name)).or_insert(i);
            }
        }
        let bound = query
            .terms
            .iter()
            .map(|term| match &term.test {
                Test::Skill(Some(wanted)) => Bound::Skill {
                    exact: team_skills(team).any(|s| loose_key(s).as_str() == wanted),
                },
                Test::Wants(who) => Bound::Wanted(
                    team.people
                        .iter()
                        .filter(|p| who.as_ref().is_none_or(|w| name_matches(&p.name, w)))
                        .flat_map(|p| p.wants.iter().map(|w| key(w)))
                        .collect(),
                ),
                _ => Bound::Nothing,
            })
            .collect();
        Matcher {
            query,
            team,
            people,
            bound,
        }
    }

    /// Whether `mission`, with this verdict, passes every field of the
    /// query (the words are [`Query::rows`]' business).
    pub fn matches(&self, mission: &Mission, verdict: Verdict) -> bool {
        self.query
            .terms
            .iter()
            .zip(&self.bound)
            .all(|(term, bound)| self.holds(&term.test, bound, mission, verdict) != term.negated)
    }

    fn holds(&self, test: &Test, bound: &Bound, m: &Mission, verdict: Verdict) -> bool {
        let today = self.query.today;
        // The dates as the analysis and `week` read them.
        let dates = || crate::analysis::dates::mission_soon(m, today, self.query.due_soon);
        match test {
            Test::Is(State::Verdict(v)) => verdict == *v,
            Test::Is(State::Overdue) => dates().overdue,
            Test::Is(State::DueSoon) => dates().due_soon,
            Test::Is(State::Planned) => m.status == Status::Planned,
            Test::Is(State::HandedOver) => m.status == Status::HandedOver,
            Test::Is(State::Active) => m.is_active(),
            Test::Owner(who) => person_matches(m.owner.as_deref(), who.as_deref()),
            Test::Mentor(who) => person_matches(m.mentor.as_deref(), who.as_deref()),
            Test::Skill(None) => m.skills.is_empty(),
            Test::Skill(Some(wanted)) => {
                let exact = matches!(bound, Bound::Skill { exact: true });
                m.skills.keys().any(|s| {
                    let s = loose_key(s);
                    if exact {
                        s.as_str() == wanted
                    } else {
                        word_starts(s.as_str(), wanted)
                    }
                })
            }
            Test::Due(None) => m.due.is_none(),
            Test::Due(Some(by)) => m.is_active() && m.due.is_some_and(|due| due <= *by),
            Test::Wants(who) => {
                let Bound::Wanted(anyone) = bound else {
                    return false;
                };
                let owner = m.owner.as_deref().and_then(|o| self.people.get(&key(o)));
                match (who, owner) {
                    (None, Some(&owner)) => {
                        let wants = &self.team.people[owner].wants;
                        m.skills
                            .keys()
                            .any(|s| wants.iter().any(|w| key(w) == key(s)))
                    }
                    _ => m.skills.keys().any(|s| anyone.contains(&key(s))),
                }
            }
        }
    }
}

/// Every skill the team names: needed by a mission or held by a person.
fn team_skills(team: &Team) -> impl Iterator<Item = &String> {
    team.missions
        .iter()
        .flat_map(|m| m.skills.keys())
        .chain(team.people.iter().flat_map(|p| p.skills.keys()))
}

/// `owner:` (no name) matches a mission with no owner; `owner:x` one whose
/// owner has a name with a word starting with `x`.
fn person_matches(name: Option<&str>, wanted: Option<&str>) -> bool {
    match (name, wanted) {
        (None, None) => true,
        (Some(_), None) | (None, Some(_)) => false,
        (Some(name), Some(wanted)) => name_matches(name, wanted),
    }
}

/// Whether a word of `name`, accents and case aside, starts with `wanted`
/// (an accent-free key): `sahin` and `elif s` find "Elif Şahin", `ahin`
/// does not.
fn name_matches(name: &str, wanted: &str) -> bool {
    word_starts(loose_key(name).as_str(), wanted)
}

fn word_starts(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// What the line is made of.
#[derive(Debug, PartialEq, Eq)]
enum Token {
    Word(String),
    Field {
        negated: bool,
        name: String,
        value: String,
    },
}

/// Splits a line at spaces outside double quotes. A token whose start,
/// before any quote, is `name:` or `-name:` is a field; anything else is a
/// word, its quotes dropped (a quoted phrase's spaces escaped for nucleo).
fn tokens(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return out;
        }
        let mut raw = String::new();
        let mut text = String::new();
        let mut quoted = false;
        let mut in_quotes = false;
        let mut field_end = None;
        while let Some(c) = chars.next_if(|&c| in_quotes || !c.is_whitespace()) {
            raw.push(c);
            match c {
                '"' => {
                    in_quotes = !in_quotes;
                    quoted = true;
                }
                ':' if !quoted && field_end.is_none() => {
                    field_end = Some(text.len());
                    text.push(c);
                }
                c if in_quotes && c.is_whitespace() => text.push_str("\\ "),
                c => text.push(c),
            }
        }
        let field = field_end.and_then(|end| {
            let (name, value) = (&text[..end], &text[end + 1..]);
            let (negated, name) = match name.strip_prefix('-') {
                Some(name) => (true, name),
                None => (false, name),
            };
            let is_name = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '_');
            is_name.then(|| Token::Field {
                negated,
                name: name.to_lowercase(),
                value: value.replace("\\ ", " "),
            })
        });
        out.push(field.unwrap_or(Token::Word(text)));
    }
}

/// The test a field asks for.
fn test(name: &str, value: &str, today: Date) -> Result<Test, QueryError> {
    let value = value.trim();
    let bare = value.is_empty();
    let name_key = || (!bare).then(|| loose_key(value).as_str().to_string());
    Ok(match name {
        "is" => Test::Is(state(value)?),
        "owner" => Test::Owner(name_key()),
        "mentor" => Test::Mentor(name_key()),
        "skill" => Test::Skill(name_key()),
        "wants" => Test::Wants(name_key()),
        "due" if bare => Test::Due(None),
        "due" => Test::Due(Some(due_by(value, today)?)),
        other => return Err(unknown_field(other)),
    })
}

fn state(value: &str) -> Result<State, QueryError> {
    if value.is_empty() {
        return Err(QueryError(
            "is: needs a state, like is:blocked or is:at-risk".into(),
        ));
    }
    let typed = value.to_lowercase().replace('_', "-");
    let typed = match typed.as_str() {
        "atrisk" | "risk" => "at-risk".to_string(),
        "soon" | "duesoon" => "due-soon".to_string(),
        "late" => "overdue".to_string(),
        _ => typed,
    };
    if let Some(&(_, state)) = STATES.iter().find(|(name, _)| *name == typed) {
        return Ok(state);
    }
    Err(QueryError(
        match nearest(&typed, STATES.iter().map(|(name, _)| *name)) {
            Some(near) => format!("is:{}: did you mean is:{near}?", shown(value)),
            None => format!(
                "is:{}: try is:{}",
                shown(value),
                STATES
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        },
    ))
}

/// `due:14` (days from today), or any date a field accepts.
fn due_by(value: &str, today: Date) -> Result<Date, QueryError> {
    use crate::date_input::{DateInputError as E, parse};
    if value.bytes().all(|b| b.is_ascii_digit()) {
        return value
            .parse::<i64>()
            .ok()
            .and_then(|days| {
                today
                    .checked_add(jiff::Span::new().try_days(days).ok()?)
                    .ok()
            })
            .ok_or_else(|| QueryError(format!("due:{}: too many days", shown(value))));
    }
    parse(value, today).map_err(|e| {
        QueryError(match e {
            E::NoSuchMonth { .. }
            | E::DayZero { .. }
            | E::NoSuchDay { .. }
            | E::ShortYear { .. }
            | E::NoSuchUnit { .. }
            | E::TooFar { .. } => format!("due:{e}"),
            E::DidYouMean { suggestion, .. } => {
                format!("due:{}: did you mean due:{suggestion}?", shown(value))
            }
            E::Empty | E::NotADate { .. } | E::NextWeekday { .. } => format!(
                "due:{}: give days (due:14) or a date (due:fri, due:2027-03-01)",
                shown(value)
            ),
        })
    })
}

fn unknown_field(name: &str) -> QueryError {
    QueryError(match nearest(name, FIELDS.iter().copied()) {
        Some(near) => format!(
            "{}: is not a filter field: did you mean {near}:?",
            shown(name)
        ),
        None => format!(
            "{}: is not a filter field: try {} (quote \"{}:\" to search for it)",
            shown(name),
            FIELDS.map(|f| format!("{f}:")).join(" "),
            shown(name)
        ),
    })
}

/// The known word one or two edits away, if any.
fn nearest<'k>(typed: &str, known: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    known
        .map(|k| (strsim::damerau_levenshtein(typed, k), k))
        .filter(|&(d, k)| d > 0 && d <= if k.len() <= 4 { 1 } else { 2 })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Typed text in a message: control characters made visible, cut short.
fn shown(text: &str) -> String {
    crate::text::shown(text)
}

#[cfg(test)]
mod tests;
