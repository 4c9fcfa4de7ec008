//! The skills matrix as CSV, the shape spreadsheets keep it in: long
//! (`person,skill,level`, one row per level) for export, long or wide (one
//! row per person, one column per skill) for import. A file with any bad
//! row is refused whole, with the row, the column and why.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::edit::{Change, Op};
use crate::model::validate::closest_name;
use crate::model::{
    Date, Key, Lookup, MAX_SKILL, NameIndex, Person, Team, code_point, invisible, key,
};
use crate::text::{quoted, shown};

/// One level read from a CSV file, with the row it came from (1 is the
/// header, as a spreadsheet numbers it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    pub row: usize,
    pub person: String,
    pub skill: String,
    pub level: u8,
}

/// Why a CSV file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.row, &self.column) {
            // A column is named by its header cell: data from the file.
            (Some(row), Some(column)) => write!(f, "row {row}, column {}: ", shown(column))?,
            (Some(row), None) => write!(f, "row {row}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

fn problem(
    row: impl Into<Option<usize>>,
    column: Option<&str>,
    message: impl Into<String>,
) -> CsvProblem {
    CsvProblem {
        row: row.into(),
        column: column.map(str::to_string),
        message: message.into(),
    }
}

/// The team's skills as `person,skill,level`, a header row first, sorted by
/// person then skill (RFC 4180: quoted where needed, CRLF line ends).
/// Control characters in names are written as visible placeholders: the
/// file may well be shown in a terminal.
pub fn export(team: &Team) -> String {
    let mut rows: Vec<(&str, &str, u8)> = team
        .people
        .iter()
        .flat_map(|p| {
            p.skills
                .iter()
                .map(move |(s, &l)| (p.name.as_str(), s.as_str(), l))
        })
        .collect();
    rows.sort();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let level_text: Vec<String> = rows.iter().map(|r| r.2.to_string()).collect();
    let _ = writer.write_record(["person", "skill", "level"]);
    for (row, level) in rows.iter().zip(&level_text) {
        let (person, skill) = (crate::text::clean(row.0), crate::text::clean(row.1));
        let _ = writer.write_record([person.as_ref(), skill.as_ref(), level.as_str()]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Reads a CSV skills matrix, long or wide. Every problem is reported; a
/// file with any is refused whole.
pub fn parse(bytes: &[u8]) -> Result<Vec<Level>, Vec<CsvProblem>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(bytes);
    let mut records = Vec::new();
    for (i, record) in reader.byte_records().enumerate() {
        let row = i + 1;
        match record {
            Ok(record) => {
                let fields: Result<Vec<String>, _> = record
                    .iter()
                    .map(|f| std::str::from_utf8(f).map(|s| s.trim().to_string()))
                    .collect();
                match fields {
                    Ok(fields) => records.push((row, fields)),
                    Err(_) => {
                        return Err(vec![problem(
                            row,
                            None,
                            "is not UTF-8 text; save the file as UTF-8 CSV",
                        )]);
                    }
                }
            }
            Err(e) => return Err(vec![csv_error(row, &e)]),
        }
    }
    let Some((_, header)) = records.first() else {
        return Err(vec![problem(
            None,
            None,
            "the file is empty; expected a header row like person,skill,level",
        )]);
    };
    let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
    let person_column = ["person", "name"];
    let (levels, mut problems) = if lower == ["person", "skill", "level"] {
        long(&records[1..])
    } else if lower
        .first()
        .is_some_and(|h| person_column.contains(&h.as_str()))
        && header.len() > 1
    {
        wide(header, &records[1..])
    } else {
        return Err(vec![problem(
            1,
            None,
            "the header must be person,skill,level — or person followed by one column per skill",
        )]);
    };
    problems.extend(duplicates(&levels));
    if problems.is_empty() {
        Ok(levels)
    } else {
        problems.sort_by_key(|p| p.row);
        Err(problems)
    }
}

fn csv_error(row: usize, error: &csv::Error) -> CsvProblem {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => problem(
            row,
            None,
            format!("has {len} fields where the header has {expected_len}"),
        ),
        _ => problem(row, None, shown(&error.to_string())),
    }
}

fn level(row: usize, column: &str, text: &str) -> Result<u8, CsvProblem> {
    text.parse::<u8>()
        .ok()
        .filter(|&l| l <= MAX_SKILL)
        .ok_or_else(|| {
            problem(
                row,
                Some(column),
                format!("{} is not a level from 0 to 4", quoted(text)),
            )
        })
}

/// One cell's level: kept, or its problem noted.
fn read_level(
    row: usize,
    column: &str,
    person: &str,
    skill: &str,
    text: &str,
    levels: &mut Vec<Level>,
    problems: &mut Vec<CsvProblem>,
) {
    match level(row, column, text) {
        Ok(level) => levels.push(Level {
            row,
            person: person.to_string(),
            skill: skill.to_string(),
            level,
        }),
        Err(p) => problems.push(p),
    }
}

fn long(rows: &[(usize, Vec<String>)]) -> (Vec<Level>, Vec<CsvProblem>) {
    let mut levels = Vec::new();
    let mut problems = Vec::new();
    for (row, fields) in rows {
        let row = *row;
        if fields.iter().all(String::is_empty) {
            continue;
        }
        let (person, skill, text) = (&fields[0], &fields[1], &fields[2]);
        if person.is_empty() {
            problems.push(problem(row, Some("person"), "is empty"));
            continue;
        }
        if skill.is_empty() {
            problems.push(problem(row, Some("skill"), "is empty"));
            continue;
        }
        if let Some(p) =
            invisible_in(row, "person", person).or_else(|| invisible_in(row, "skill", skill))
        {
            problems.push(p);
            continue;
        }
        read_level(
            row,
            "level",
            person,
            skill,
            text,
            &mut levels,
            &mut problems,
        );
    }
    (levels, problems)
}

fn wide(header: &[String], rows: &[(usize, Vec<String>)]) -> (Vec<Level>, Vec<CsvProblem>) {
    let mut levels = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    for (i, skill) in header.iter().enumerate().skip(1) {
        if skill.is_empty() {
            problems.push(problem(
                1,
                Some(&format!("{}", i + 1)),
                "a skill column has no name",
            ));
        } else if let Some(p) = invisible_in(1, &format!("{}", i + 1), skill) {
            problems.push(p);
        } else if let Some(first) = seen.insert(key(skill), i) {
            problems.push(problem(
                1,
                Some(skill),
                format!("is the same skill as column {}", first + 1),
            ));
        }
    }
    for (row, fields) in rows {
        let row = *row;
        if fields.iter().all(String::is_empty) {
            continue;
        }
        let person = &fields[0];
        if person.is_empty() {
            problems.push(problem(row, Some(&header[0]), "is empty"));
            continue;
        }
        if let Some(p) = invisible_in(row, &header[0], person) {
            problems.push(p);
            continue;
        }
        for (skill, text) in header.iter().zip(fields).skip(1) {
            // An empty cell says nothing about that skill.
            if text.is_empty() {
                continue;
            }
            read_level(row, skill, person, skill, text, &mut levels, &mut problems);
        }
    }
    (levels, problems)
}

/// A name in a cell holding a character that cannot be seen: refused, as
/// in the team file (SPEC §2).
fn invisible_in(row: usize, column: &str, name: &str) -> Option<CsvProblem> {
    invisible(name).map(|c| {
        problem(
            row,
            Some(column),
            format!(
                "{} has an invisible character ({}); names may not hold control, zero-width or bidi characters",
                quoted(name),
                code_point(c)
            ),
        )
    })
}

/// The same person and skill twice is ambiguous: refused.
fn duplicates(levels: &[Level]) -> Vec<CsvProblem> {
    let mut first: HashMap<(Key, Key), usize> = HashMap::new();
    let mut problems = Vec::new();
    for l in levels {
        if let Some(row) = first.insert((key(&l.person), key(&l.skill)), l.row) {
            problems.push(problem(
                l.row,
                None,
                format!(
                    "{} / {} is already given on row {row}",
                    shown(&l.person),
                    shown(&l.skill)
                ),
            ));
        }
    }
    problems
}

/// What an import changed, for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// (person, skill, old level, new level) for levels that changed.
    pub changed: Vec<(String, String, u8, u8)>,
    /// (person, skill, level) for levels a known person did not have.
    pub added: Vec<(String, String, u8)>,
    pub new_people: Vec<String>,
    pub unchanged: usize,
}

/// Why rows that read well still cannot be merged: names that match nobody
/// (or more than one person) in the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    pub problems: Vec<CsvProblem>,
    /// Whether `--add-people` would have taken some of them as new people.
    pub unknown_people: bool,
}

/// At most this many unknown names are reported one by one.
const UNKNOWN_SHOWN: usize = 20;

/// Merges levels into the team and returns the change and what it did.
///
/// People are matched as SPEC §2 says: the same name (case, spaces, and
/// accents typed two ways aside), else the one person whose name is equal
/// once accents are ignored. A name that matches nobody is a new person
/// with `add_people`, and refused with a "did you mean" without. A skill
/// takes the spelling the team already uses for it (case, accents).
///
/// Every level that changes is recorded in the person's `history` on `today`.
pub fn merge(
    team: &Team,
    levels: &[Level],
    add_people: bool,
    today: Date,
) -> Result<(Change, Report), Unmatched> {
    let mut report = Report::default();
    let people = NameIndex::new(team.people.iter().map(|p| p.name.as_str()));
    let mut skills = Spellings::of(team);
    let mut updated: BTreeMap<usize, Person> = BTreeMap::new();
    let mut added: Vec<Person> = Vec::new();
    let mut added_index: HashMap<Key, usize> = HashMap::new();
    let mut unmatched = Unmatched {
        problems: Vec::new(),
        unknown_people: false,
    };
    let mut refused: HashSet<Key> = HashSet::new();
    for l in levels {
        let (person, known) = match people.find(&l.person) {
            Lookup::Exact(i) | Lookup::Unique(i) => (
                updated.entry(i).or_insert_with(|| team.people[i].clone()),
                true,
            ),
            Lookup::None if add_people => {
                let at = *added_index.entry(key(&l.person)).or_insert_with(|| {
                    added.push(Person::named(l.person.clone()));
                    report.new_people.push(l.person.clone());
                    added.len() - 1
                });
                (&mut added[at], false)
            }
            lookup => {
                // Each name once, at its first row.
                if refused.insert(key(&l.person)) && refused.len() <= UNKNOWN_SHOWN {
                    unmatched.problems.push(unmatched_problem(team, l, &lookup));
                }
                unmatched.unknown_people |= lookup == Lookup::None;
                continue;
            }
        };
        let spelling = skills.spelling(&l.skill);
        // Keep the person's own spelling of a skill they already have.
        let existing = person
            .skills
            .keys()
            .find(|s| key(s) == key(&spelling))
            .cloned();
        match existing {
            Some(name) => {
                let old = person.skills[&name];
                if old == l.level {
                    report.unchanged += 1;
                } else {
                    report
                        .changed
                        .push((person.name.clone(), name.clone(), old, l.level));
                    person.skills.insert(name, l.level);
                }
            }
            None => {
                if known {
                    report
                        .added
                        .push((person.name.clone(), spelling.clone(), l.level));
                }
                person.skills.insert(spelling, l.level);
            }
        }
    }
    if refused.len() > UNKNOWN_SHOWN {
        unmatched.problems.push(problem(
            None,
            None,
            format!(
                "and {} more names that match nobody in the team",
                refused.len() - UNKNOWN_SHOWN
            ),
        ));
    }
    if !unmatched.problems.is_empty() {
        return Err(unmatched);
    }
    let mut change = Change::new("imported skill levels");
    for (i, mut person) in updated {
        crate::edit::record_level_changes(&team.people[i].skills, &mut person, today);
        if person != team.people[i] {
            change.ops.push(Op::Person {
                index: i,
                before: Some(team.people[i].clone()),
                after: Some(person),
            });
        }
    }
    for (n, mut person) in added.into_iter().enumerate() {
        crate::edit::record_level_changes(&Default::default(), &mut person, today);
        change.ops.push(Op::Person {
            index: team.people.len() + n,
            before: None,
            after: Some(person),
        });
    }
    Ok((change, report))
}

/// "\"Amina Dialo\" is not a person of this team (did you mean …?)", or the
/// people an accent-free name could be.
fn unmatched_problem(team: &Team, level: &Level, lookup: &Lookup) -> CsvProblem {
    let name = |i: &usize| quoted(&team.people[*i].name);
    let message = match lookup {
        Lookup::Ambiguous(many) => format!(
            "{} could be {}: write the name as the team file does",
            quoted(&level.person),
            many.iter().map(name).collect::<Vec<_>>().join(" or ")
        ),
        _ => {
            let hint = closest_name(&level.person, team.people.iter().map(|p| p.name.as_str()))
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!(
                "{} is not a person of this team{hint}",
                quoted(&level.person)
            )
        }
    };
    problem(level.row, Some("person"), message)
}

/// The team's skills as first spelt, so an imported "SQL" or "resume"
/// becomes the "sql" or "résumé" the team already has.
struct Spellings {
    index: NameIndex,
    shown: Vec<String>,
}

impl Spellings {
    fn of(team: &Team) -> Self {
        let names = team
            .people
            .iter()
            .flat_map(|p| p.skills.keys().chain(&p.wants))
            .chain(team.missions.iter().flat_map(|m| m.skills.keys()));
        let mut spellings = Spellings {
            index: NameIndex::default(),
            shown: Vec::new(),
        };
        for name in names {
            spellings.add(name);
        }
        spellings
    }

    fn add(&mut self, name: &str) {
        if self.index.insert(name, self.shown.len()) {
            self.shown.push(name.to_string());
        }
    }

    /// The team's spelling of `skill`, or `skill` itself when new (and from
    /// then on the spelling of that skill).
    fn spelling(&mut self, skill: &str) -> String {
        match self.index.find(skill) {
            Lookup::Exact(i) | Lookup::Unique(i) => self.shown[i].clone(),
            Lookup::Ambiguous(_) | Lookup::None => {
                self.add(skill);
                skill.to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests;
