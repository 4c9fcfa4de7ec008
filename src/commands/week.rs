//! `handover week`: the manager's week (SPEC §4), as text or JSON.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Outcome;
use super::style::Paint;
use crate::analysis::dates::{count_days, relative};
use crate::analysis::explain::person;
use crate::analysis::{Analysis, analyse};
use crate::model::{Date, Team};
use crate::text::clean;
use crate::week::Week;

/// A group shows at most this many lines of text; `--json` lists all.
pub const SHOWN: usize = 20;

/// `handover week` on `today`. Always exits 0: a bad file is refused
/// before (exit 2).
pub fn run(team: &Team, json: bool, today: Date, paint: Paint, out: &mut dyn Write) -> Outcome {
    let analysis = analyse(team);
    let week = Week::of(team, &analysis, today);
    if json {
        let json = serde_json::to_string(&to_json(team, &analysis, &week))
            .map_err(std::io::Error::from)?;
        writeln!(out, "{}", crate::text::escape_json_controls(json))?;
    } else {
        out.write_all(render_text(team, &analysis, &week, paint).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The week as short groups, most urgent first in each; empty groups left
/// out.
pub fn render_text(team: &Team, a: &Analysis, week: &Week, paint: Paint) -> String {
    let mut text = paint.heading(&format!("Week of {}", week.today));
    text.push('\n');
    if week.is_clear() {
        text.push_str(
            "\nAll is well: no one-on-ones, deadlines, check-ins or action items are due.\n",
        );
        return text;
    }
    let title = |m: usize| clean(&team.missions[m].title).into_owned();
    let owner = |m: usize| {
        a.index.owner[m]
            .map(|p| person(team, p))
            .unwrap_or_else(|| "no owner".into())
    };

    let lines = week
        .one_on_ones_due
        .iter()
        .map(|o| {
            let every = format!("every {}", count_days(i64::from(o.cadence)));
            match (o.last, o.days_since) {
                (Some(last), Some(days)) => format!(
                    "{} — last {last}, {} ago · {every}",
                    person(team, o.person),
                    count_days(days)
                ),
                _ => format!("{} — none yet · {every}", person(team, o.person)),
            }
        })
        .collect();
    group(&mut text, "ONE-ON-ONES DUE", lines, paint);

    let lines = week
        .missions_due
        .iter()
        .map(|d| {
            let when = format!("due {} ({})", d.due, relative(d.due_in_days));
            let when = if d.due_in_days < 0 {
                paint.warn(&when)
            } else {
                when
            };
            format!(
                "{} — {} · {when} · {}",
                title(d.mission),
                owner(d.mission),
                paint.verdict(d.verdict, d.verdict.label())
            )
        })
        .collect();
    group(&mut text, "MISSIONS DUE", lines, paint);

    let lines = week
        .check_ins_due
        .iter()
        .map(|c| {
            let days = crate::analysis::dates::days_between(c.check_in, week.today);
            let when = if days == 0 {
                "today".to_string()
            } else {
                format!("{} ago", count_days(days))
            };
            format!(
                "{} — {} · check-in {}, {when}",
                title(c.mission),
                owner(c.mission),
                c.check_in
            )
        })
        .collect();
    group(&mut text, "CHECK-INS DUE", lines, paint);

    let lines = week
        .actions_open
        .iter()
        .map(|o| {
            let action = &team.people[o.person].log[o.entry].actions[o.action];
            let who = if o.mine {
                paint.heading(&format!("yours, with {}", person(team, o.person)))
            } else {
                person(team, o.person)
            };
            let when = match o.due {
                Some(due) => {
                    let days = crate::analysis::dates::days_between(week.today, due);
                    let when = format!("due {due} ({})", relative(days));
                    if o.overdue { paint.warn(&when) } else { when }
                }
                None => format!("agreed {}", o.since),
            };
            format!("{} — {who} · {when}", clean(&action.text))
        })
        .collect();
    group(&mut text, "OPEN ACTIONS", lines, paint);

    let lines = week
        .handed_over_at_risk
        .iter()
        .map(|h| {
            let when = h
                .handed_over
                .map(|d| format!("handed over {d}"))
                .unwrap_or_else(|| "handed over".into());
            format!(
                "{} — {} · {when} {}, now {}",
                title(h.mission),
                owner(h.mission),
                paint.verdict(h.was, h.was.label()),
                paint.verdict(h.now, h.now.label())
            )
        })
        .collect();
    group(&mut text, "HANDED OVER AT RISK", lines, paint);
    text
}

/// A heading with its count, then at most [`SHOWN`] lines; nothing when empty.
fn group(text: &mut String, heading: &str, lines: Vec<String>, paint: Paint) {
    if lines.is_empty() {
        return;
    }
    text.push('\n');
    text.push_str(&paint.heading(&format!("{heading} ({})", lines.len())));
    text.push('\n');
    for line in lines.iter().take(SHOWN) {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    if lines.len() > SHOWN {
        text.push_str(&paint.dim(&format!(
            "  … and {} more (handover week --json lists them all)",
            lines.len() - SHOWN
        )));
        text.push('\n');
    }
}

#[derive(Serialize)]
struct Json<'a> {
    today: Date,
    one_on_ones_due: Vec<OneOnOneJson<'a>>,
    missions_due: Vec<MissionDueJson<'a>>,
    check_ins_due: Vec<CheckInJson<'a>>,
    actions_open: Vec<ActionJson<'a>>,
    handed_over_at_risk: Vec<AtRiskJson<'a>>,
}

#[derive(Serialize)]
struct OneOnOneJson<'a> {
    person: &'a str,
    last: Option<Date>,
    days_since: Option<i64>,
    cadence: u32,
}

#[derive(Serialize)]
struct MissionDueJson<'a> {
    title: &'a str,
    owner: Option<&'a str>,
    due: Date,
    due_in_days: i64,
    verdict: &'static str,
}

#[derive(Serialize)]
struct CheckInJson<'a> {
    title: &'a str,
    owner: Option<&'a str>,
    check_in: Date,
}

#[derive(Serialize)]
struct ActionJson<'a> {
    person: &'a str,
    text: &'a str,
    since: Date,
    mine: bool,
    due: Option<Date>,
    overdue: bool,
}

#[derive(Serialize)]
struct AtRiskJson<'a> {
    title: &'a str,
    owner: Option<&'a str>,
    handed_over: Option<Date>,
}

fn to_json<'a>(team: &'a Team, a: &'a Analysis, week: &Week) -> Json<'a> {
    let name = |p: usize| team.people[p].name.as_str();
    let title = |m: usize| team.missions[m].title.as_str();
    let owner = |m: usize| a.index.owner[m].map(name);
    Json {
        today: week.today,
        one_on_ones_due: week
            .one_on_ones_due
            .iter()
            .map(|o| OneOnOneJson {
                person: name(o.person),
                last: o.last,
                days_since: o.days_since,
                cadence: o.cadence,
            })
            .collect(),
        missions_due: week
            .missions_due
            .iter()
            .map(|d| MissionDueJson {
                title: title(d.mission),
                owner: owner(d.mission),
                due: d.due,
                due_in_days: d.due_in_days,
                verdict: d.verdict.as_str(),
            })
            .collect(),
        check_ins_due: week
            .check_ins_due
            .iter()
            .map(|c| CheckInJson {
                title: title(c.mission),
                owner: owner(c.mission),
                check_in: c.check_in,
            })
            .collect(),
        actions_open: week
            .actions_open
            .iter()
            .map(|o| ActionJson {
                person: name(o.person),
                text: &team.people[o.person].log[o.entry].actions[o.action].text,
                since: o.since,
                mine: o.mine,
                due: o.due,
                overdue: o.overdue,
            })
            .collect(),
        handed_over_at_risk: week
            .handed_over_at_risk
            .iter()
            .map(|h| AtRiskJson {
                title: title(h.mission),
                owner: owner(h.mission),
                handed_over: h.handed_over,
            })
            .collect(),
    }
}
