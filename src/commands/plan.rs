//! `handover plan`: owners for every unassigned mission and mentors for
//! every uncovered gap, as text or JSON, or written into the file.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::style::Paint;
use super::{Failure, Outcome};
use crate::analysis::explain::{self, person, skill};
use crate::analysis::{Analysis, Finding, Verdict, analyse, gaps};
use crate::model::{Team, key};
use crate::plan::{Plan, plan};
use crate::store::{self, DataPath};
use crate::text::clean;

/// `handover plan [--apply]`. With `--apply`, the plan is written into the
/// file (holding the writers' lock) before anything is printed, so a closed
/// pipe never leaves a reported change unmade.
pub fn run(
    data: &DataPath,
    json: bool,
    apply: bool,
    paint: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let path = &data.path;
    let lock = if apply {
        Some(super::writer_lock(path)?)
    } else {
        None
    };
    let loaded = store::load(path).map_err(|e| super::load_failure(data, e))?;
    let team = loaded.team;
    let analysis = analyse(&team);
    let plan = plan(&team, &analysis);
    let saved = if apply && !plan.is_empty() {
        let change = plan.change(&team);
        let mut after = team.clone();
        change.apply(&mut after);
        Some(store::save(path, &after, &loaded.baseline).map_err(|e| Failure(e.to_string()))?)
    } else {
        None
    };
    drop(lock);
    if json {
        let json = serde_json::to_string(&to_json(&team, &analysis, &plan))
            .map_err(std::io::Error::from)?;
        writeln!(out, "{}", crate::text::escape_json_controls(json))?;
    } else {
        out.write_all(render_text(&team, &analysis, &plan, paint, apply).as_bytes())?;
    }
    if let Some(saved) = saved {
        super::note_kept(&saved, if json { err } else { &mut *out })?;
        if !json {
            writeln!(
                out,
                "Wrote {} owner{} and {} mentor{} into {} (the previous version is in {}).",
                plan.owners.len(),
                crate::text::plural(plan.owners.len()),
                plan.mentors.len(),
                crate::text::plural(plan.mentors.len()),
                path.display(),
                store::backup_path(path).display()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn title(team: &Team, m: usize) -> String {
    clean(&team.missions[m].title).into_owned()
}

/// Each proposal with its cost and the gaps behind it, then what is left.
pub fn render_text(team: &Team, a: &Analysis, plan: &Plan, paint: Paint, applying: bool) -> String {
    let mut text = String::new();
    if plan.is_empty() && plan.unplaced.is_empty() {
        text.push_str("Nothing to plan: every active mission has an owner, and every owner's gaps are covered or have no one free to cover them.\n");
        return text;
    }
    let (after_team, after) = plan.after(team);
    // "  mission → person  (verdict before → after)", shared by owners and mentors.
    let proposal = |m: usize, p: usize| {
        let effect = format!(
            "  ({} → {})",
            a.missions[m].verdict.label(),
            after.missions[m].verdict.label()
        );
        format!(
            "  {} → {}{}\n",
            title(team, m),
            person(team, p),
            paint.dim(&effect)
        )
    };
    // What still stands in the way once the plan is in place.
    let remaining = |m: usize| -> String {
        if !matches!(
            after.missions[m].verdict,
            Verdict::AtRisk | Verdict::Blocked
        ) {
            return String::new();
        }
        let problems: Vec<String> = Finding::of(&after_team, &after, m)
            .iter()
            .filter(|f| !f.is_covered_gap())
            .map(|f| f.words(&after_team, &after))
            .collect();
        format!(
            "      still {}: {}\n",
            after.missions[m].verdict.label(),
            problems.join("; ")
        )
    };
    if !plan.owners.is_empty() {
        text.push_str(&paint.heading(&format!(
            "OWNERS ({}, total cost {})",
            plan.owners.len(),
            plan.total_cost
        )));
        text.push('\n');
        for o in &plan.owners {
            text.push_str(&proposal(o.mission, o.person));
            let skill_gaps = gaps::skill_gaps(&a.index, o.mission, o.person, None);
            let tool_gaps = gaps::tool_gaps(&a.index, o.mission, o.person);
            let why = explain::lacks(a, &skill_gaps, &tool_gaps);
            text.push_str(&format!("      cost {}: {why}\n", o.cost));
            // The growth rule's picks say so (SPEC §3), as the JSON's "wants".
            if o.wants {
                let wanted = &team.people[o.person].wants;
                let skills: Vec<String> = team.missions[o.mission]
                    .skills
                    .keys()
                    .filter(|s| wanted.iter().any(|w| key(w) == key(s)))
                    .map(|s| clean(s).into_owned())
                    .collect();
                text.push_str(&format!(
                    "      a growth pick: they want to grow in {}\n",
                    skills.join(", ")
                ));
            }
            if !plan.mentors.iter().any(|mp| mp.mission == o.mission) {
                text.push_str(&paint.warn(&remaining(o.mission)));
            }
        }
        text.push('\n');
    }
    if !plan.mentors.is_empty() {
        text.push_str(&paint.heading(&format!("MENTORS ({})", plan.mentors.len())));
        text.push('\n');
        for mp in &plan.mentors {
            let owner = a.index.owner[mp.mission]
                .or_else(|| {
                    plan.owners
                        .iter()
                        .find(|o| o.mission == mp.mission)
                        .map(|o| o.person)
                })
                .map(|o| person(team, o))
                .unwrap_or_default();
            let covers: Vec<String> = mp.covers.iter().map(|&s| skill(a, s)).collect();
            text.push_str(&proposal(mp.mission, mp.person));
            text.push_str(&format!(
                "      pairs with {owner} on {}\n",
                covers.join(", ")
            ));
            text.push_str(&paint.warn(&remaining(mp.mission)));
        }
        text.push('\n');
    }
    if !plan.unplaced.is_empty() {
        text.push_str(&paint.warn(&format!("UNPLACED ({})", plan.unplaced.len())));
        text.push('\n');
        let open = plan.owners.len() + plan.unplaced.len();
        for &m in &plan.unplaced {
            text.push_str(&format!(
                "  {}: no capacity left (the team has {} free place{} for {open} unassigned missions)\n",
                title(team, m),
                plan.spare_places,
                crate::text::plural(plan.spare_places as usize)
            ));
        }
        text.push('\n');
    }
    if !applying && !plan.is_empty() {
        text.push_str(
            "Accept it with `handover plan --apply`, or one by one in the app's Plan view.\n",
        );
    }
    text
}

#[derive(Serialize)]
pub(crate) struct Json<'a> {
    owners: Vec<OwnerJson<'a>>,
    mentors: Vec<MentorJson<'a>>,
    unplaced: Vec<&'a str>,
    total_cost: u32,
}

#[derive(Serialize)]
struct OwnerJson<'a> {
    mission: &'a str,
    person: &'a str,
    cost: u32,
    wants: bool,
}

#[derive(Serialize)]
struct MentorJson<'a> {
    mission: &'a str,
    person: &'a str,
    covers: Vec<&'a str>,
}

pub(crate) fn to_json<'a>(team: &'a Team, a: &'a Analysis, plan: &Plan) -> Json<'a> {
    Json {
        owners: plan
            .owners
            .iter()
            .map(|o| OwnerJson {
                mission: &team.missions[o.mission].title,
                person: &team.people[o.person].name,
                cost: o.cost,
                wants: o.wants,
            })
            .collect(),
        mentors: plan
            .mentors
            .iter()
            .map(|m| MentorJson {
                mission: &team.missions[m.mission].title,
                person: &team.people[m.person].name,
                covers: m.covers.iter().map(|&s| a.skill_name(s)).collect(),
            })
            .collect(),
        unplaced: plan
            .unplaced
            .iter()
            .map(|&m| team.missions[m].title.as_str())
            .collect(),
        total_cost: plan.total_cost,
    }
}
