//! `handover check`: every mission's verdict and gaps, as text or JSON.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Outcome;
use super::style::Paint;
use crate::analysis::dates::{self, count_days, relative};
use crate::analysis::explain::{self, person};
use crate::analysis::{Analysis, Change, Finding, MissionOption, PersonSignal, Verdict, analyse};
use crate::model::{Date, Delegation, Team};
use crate::text::{clean, width};

/// `handover check` on `today`, which the dates are counted from.
pub fn run(team: &Team, json: bool, today: Date, paint: Paint, out: &mut dyn Write) -> Outcome {
    let analysis = analyse(team);
    if json {
        let json = serde_json::to_string(&to_json(team, &analysis, today))
            .map_err(std::io::Error::from)?;
        writeln!(out, "{}", crate::text::escape_json_controls(json))?;
    } else {
        out.write_all(render_text(team, &analysis, today, paint).as_bytes())?;
    }
    Ok(if analysis.needs_attention() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The readable report: missions grouped by verdict, worst first, each gap
/// on its own line; then people and single points of knowledge.
pub fn render_text(team: &Team, analysis: &Analysis, today: Date, paint: Paint) -> String {
    let mut text = String::new();
    for verdict in Verdict::ALL {
        let missions: Vec<usize> = (0..team.missions.len())
            .filter(|&m| analysis.missions[m].verdict == verdict)
            .collect();
        if missions.is_empty() {
            continue;
        }
        let heading = format!("{} ({})", verdict.label().to_uppercase(), missions.len());
        text.push_str(&paint.verdict(verdict, &heading));
        text.push('\n');
        for m in missions {
            mission_text(team, analysis, m, today, paint, &mut text);
        }
        text.push('\n');
    }
    people_text(team, analysis, today, paint, &mut text);
    skills_text(team, analysis, paint, &mut text);
    text.push_str(&summary(team, analysis));
    text.push('\n');
    text
}

fn mission_text(team: &Team, a: &Analysis, m: usize, today: Date, paint: Paint, text: &mut String) {
    let mission = &team.missions[m];
    let when = dates::mission(mission, today);
    let mut line = format!("  {}", clean(&mission.title));
    let mut facts = Vec::new();
    if let Some(owner) = a.index.owner[m] {
        facts.push(person(team, owner));
    }
    if let Some(mentor) = a.index.mentor[m] {
        facts.push(format!("mentor {}", person(team, mentor)));
    }
    let suggested = a.missions[m].suggested_delegation;
    match (mission.delegation, suggested) {
        (Some(level), Some(s)) if level > s => facts.push(format!(
            "delegation {level} {} (suggested {s} {})",
            Delegation::name(level),
            Delegation::name(s)
        )),
        (Some(level), _) => facts.push(format!("delegation {level} {}", Delegation::name(level))),
        (None, Some(s)) => facts.push(format!("suggested delegation {s} {}", Delegation::name(s))),
        (None, None) => {}
    }
    let mut marks = Vec::new();
    match (mission.due, when.due_in_days) {
        (Some(due), Some(days)) if when.is_due() => {
            marks.push(format!("due {due} ({})", relative(days)));
        }
        (Some(due), Some(days)) => facts.push(format!("due {due} ({})", relative(days))),
        (Some(due), None) => facts.push(format!("due {due}")),
        (None, _) => {}
    }
    if let (true, Some(check_in)) = (when.check_in_due, when.check_in) {
        marks.push(format!("check-in due ({check_in})"));
    }
    if !facts.is_empty() {
        line.push_str(&paint.dim(&format!(" — {}", facts.join(" · "))));
    }
    if !marks.is_empty() {
        line.push_str(&paint.warn(&format!(" · {}", marks.join(" · "))));
    }
    text.push_str(&line);
    text.push('\n');
    let suggestions = a.suggestions(team, m);
    for finding in Finding::of(team, a, m) {
        text.push_str("      ");
        text.push_str(&finding.words(team, a));
        text.push('\n');
    }
    let options: Vec<String> = a
        .options(team, m)
        .iter()
        .map(|o| explain::option(team, a, m, o))
        .collect();
    for (label, names) in [
        ("what it takes", options),
        (
            "pair with",
            explain::mentor_suggestions(team, a, &suggestions),
        ),
        (
            "could take it",
            explain::owner_suggestions(team, a, &suggestions),
        ),
    ] {
        for (i, name) in names.iter().enumerate() {
            let lead = if i == 0 {
                format!("→ {label}: ")
            } else {
                " ".repeat(label.len() + 4)
            };
            text.push_str(&format!("      {lead}{name}\n"));
        }
    }
}

fn people_text(team: &Team, a: &Analysis, today: Date, paint: Paint, text: &mut String) {
    if team.people.is_empty() {
        return;
    }
    text.push_str(&paint.heading("PEOPLE"));
    text.push('\n');
    let names: Vec<String> = (0..team.people.len()).map(|p| person(team, p)).collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0);
    for (p, name) in names.iter().enumerate() {
        let report = &a.people[p];
        let who = &team.people[p];
        // Single points of knowledge have their own section below.
        let signals: Vec<String> = PersonSignal::of(team, a, p)
            .iter()
            .filter(|s| !s.is_single_point())
            .map(|s| paint.warn(&s.words(a)))
            .collect();
        let pad = " ".repeat(name_width - width(name));
        let line = format!(
            "  {name}{pad}  owns {}/{}  mentors {}/{}  {}",
            report.load(),
            who.capacity,
            report.mentoring(),
            who.mentor_capacity,
            signals
                .into_iter()
                .chain(person_dates(who, today, paint))
                .collect::<Vec<_>>()
                .join(", ")
        );
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.push('\n');
}

/// "one-on-one due (last 22 days ago, every 14 days)", "2 open actions (1
/// overdue)": what a person's dates say, the urgent parts painted.
fn person_dates(who: &crate::model::Person, today: Date, paint: Paint) -> Vec<String> {
    let d = dates::person(who, today);
    let every = format!("every {}", count_days(i64::from(d.cadence)));
    let mut parts = vec![match (d.one_on_one_due, d.days_since) {
        (true, None) => paint.warn(&format!("one-on-one due (none yet, {every})")),
        (true, Some(days)) => paint.warn(&format!(
            "one-on-one due (last {} ago, {every})",
            count_days(days)
        )),
        (false, Some(days)) => format!("last one-on-one {} ago", count_days(days)),
        (false, None) => String::new(),
    }];
    if d.open_actions > 0 {
        let open = format!(
            "{} open action{}",
            d.open_actions,
            crate::text::plural(d.open_actions)
        );
        parts.push(if d.overdue_actions > 0 {
            paint.warn(&format!("{open} ({} overdue)", d.overdue_actions))
        } else {
            open
        });
    }
    parts.retain(|p| !p.is_empty());
    parts
}

fn skills_text(team: &Team, a: &Analysis, paint: Paint, text: &mut String) {
    let single: Vec<_> = a.skills.iter().filter(|s| s.single_point).collect();
    if single.is_empty() {
        return;
    }
    text.push_str(&paint.heading("SINGLE POINTS OF KNOWLEDGE"));
    text.push('\n');
    for skill in single {
        text.push_str(&format!(
            "  {}: {}\n",
            explain::skill(a, skill.skill),
            explain::holders(team, skill)
        ));
    }
    text.push('\n');
}

fn summary(team: &Team, a: &Analysis) -> String {
    let counts = a.verdict_counts();
    let parts: Vec<String> = Verdict::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{n} {}", v.label()))
        .collect();
    let attention: usize = counts[..3].iter().sum();
    let mut line = format!(
        "{} missions, {} people: {}.",
        team.missions.len(),
        team.people.len(),
        if parts.is_empty() {
            "nothing to check".to_string()
        } else {
            parts.join(", ")
        }
    );
    if attention > 0 {
        line.push_str(&format!(
            " {attention} need{} you before handing over.",
            if attention == 1 { "s" } else { "" }
        ));
    }
    line
}

#[derive(Serialize)]
struct Json<'a> {
    missions: Vec<MissionJson<'a>>,
    people: Vec<PersonJson<'a>>,
    skills: Vec<SkillJson<'a>>,
}

#[derive(Serialize)]
struct MissionJson<'a> {
    title: &'a str,
    owner: Option<&'a str>,
    mentor: Option<&'a str>,
    status: &'static str,
    verdict: &'static str,
    goal_missing: bool,
    tool_gaps: Vec<&'a str>,
    skill_gaps: Vec<GapJson<'a>>,
    overloaded: bool,
    abandonment_risk: bool,
    micromanagement: bool,
    suggested_delegation: Option<u8>,
    uncoverable: Vec<&'a str>,
    due: Option<Date>,
    due_in_days: Option<i64>,
    overdue: bool,
    due_soon: bool,
    check_in_due: bool,
    options: Vec<OptionJson<'a>>,
    suggested_mentors: Vec<&'a str>,
    suggested_owners: Vec<&'a str>,
}

#[derive(Serialize)]
struct OptionJson<'a> {
    verdict_after: &'static str,
    changes: Vec<ChangeJson<'a>>,
    delegation_above_suggestion: bool,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum ChangeJson<'a> {
    Goal,
    /// The first few who hold it (`explain::TOOL_HOLDERS_SHOWN`).
    Tool {
        tool: &'a str,
        holders: Vec<&'a str>,
    },
    Mentor {
        person: &'a str,
    },
    Owner {
        person: &'a str,
    },
}

fn option_json<'a>(team: &'a Team, a: &'a Analysis, option: &MissionOption) -> OptionJson<'a> {
    let name = |p: usize| team.people[p].name.as_str();
    OptionJson {
        verdict_after: option.verdict_after.as_str(),
        changes: option
            .changes
            .iter()
            .map(|change| match change {
                Change::Goal => ChangeJson::Goal,
                Change::Tool { tool, .. } => ChangeJson::Tool {
                    tool: a.tool_name(*tool),
                    holders: explain::tool_holders(a, *tool)
                        .iter()
                        .map(|&p| name(p))
                        .collect(),
                },
                Change::Mentor { person } => ChangeJson::Mentor {
                    person: name(*person),
                },
                Change::Owner { person } => ChangeJson::Owner {
                    person: name(*person),
                },
            })
            .collect(),
        delegation_above_suggestion: option.delegation_above_suggestion,
    }
}

#[derive(Serialize)]
struct GapJson<'a> {
    skill: &'a str,
    need: u8,
    have: u8,
    wide: bool,
    covered_by: Option<&'a str>,
}

#[derive(Serialize)]
struct PersonJson<'a> {
    name: &'a str,
    load: u32,
    capacity: u32,
    mentoring: u32,
    isolated: bool,
    cadence: u32,
    last_one_on_one: Option<Date>,
    days_since: Option<i64>,
    one_on_one_due: bool,
    open_actions: usize,
    overdue_actions: usize,
}

#[derive(Serialize)]
struct SkillJson<'a> {
    skill: &'a str,
    holders: usize,
    single_point: bool,
}

fn to_json<'a>(team: &'a Team, a: &'a Analysis, today: Date) -> Json<'a> {
    let name = |p: usize| team.people[p].name.as_str();
    let missions = team
        .missions
        .iter()
        .zip(&a.missions)
        .enumerate()
        .map(|(m, (mission, report))| {
            let suggestions = a.suggestions(team, m);
            let when = dates::mission(mission, today);
            MissionJson {
                title: &mission.title,
                owner: a.index.owner[m].map(name),
                mentor: a.index.mentor[m].map(name),
                status: mission.status.as_str(),
                verdict: report.verdict.as_str(),
                goal_missing: report.goal_missing,
                tool_gaps: report.tool_gaps.iter().map(|&t| a.tool_name(t)).collect(),
                skill_gaps: report
                    .skill_gaps
                    .iter()
                    .map(|g| GapJson {
                        skill: a.skill_name(g.skill),
                        need: g.need,
                        have: g.have,
                        wide: g.is_wide(),
                        covered_by: g.covered_by.map(name),
                    })
                    .collect(),
                overloaded: report.overloaded,
                abandonment_risk: report.abandonment_risk,
                micromanagement: report.micromanagement,
                suggested_delegation: report.suggested_delegation,
                uncoverable: a
                    .uncoverable(m)
                    .into_iter()
                    .map(|s| a.skill_name(s))
                    .collect(),
                due: when.due,
                due_in_days: when.due_in_days,
                overdue: when.overdue,
                due_soon: when.due_soon,
                check_in_due: when.check_in_due,
                options: a
                    .options(team, m)
                    .iter()
                    .map(|o| option_json(team, a, o))
                    .collect(),
                suggested_mentors: suggestions.mentors.iter().map(|s| name(s.person)).collect(),
                suggested_owners: suggestions.owners.iter().map(|s| name(s.person)).collect(),
            }
        })
        .collect();
    let people = team
        .people
        .iter()
        .zip(&a.people)
        .map(|(p, report)| {
            let when = dates::person(p, today);
            PersonJson {
                name: &p.name,
                load: report.load(),
                capacity: p.capacity,
                mentoring: report.mentoring(),
                isolated: report.isolated,
                cadence: when.cadence,
                last_one_on_one: when.last_one_on_one,
                days_since: when.days_since,
                one_on_one_due: when.one_on_one_due,
                open_actions: when.open_actions,
                overdue_actions: when.overdue_actions,
            }
        })
        .collect();
    let skills = a
        .skills
        .iter()
        .map(|s| SkillJson {
            skill: a.skill_name(s.skill),
            holders: s.holders.len(),
            single_point: s.single_point,
        })
        .collect();
    Json {
        missions,
        people,
        skills,
    }
}
