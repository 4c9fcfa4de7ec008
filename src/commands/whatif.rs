//! `handover whatif --without PERSON`: the team without one person,
//! analysed again (SPEC §3 *what if someone leaves*). Changes nothing.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::style::Paint;
use super::{Failure, Outcome};
use crate::agenda::find_person;
use crate::analysis::analyse;
use crate::analysis::explain;
use crate::model::Team;
use crate::text::clean;
use crate::whatif::{WhatIf, without};

pub fn run(team: &Team, name: &str, json: bool, paint: Paint, out: &mut dyn Write) -> Outcome {
    let before = analyse(team);
    let who = find_person(team, &before, name).map_err(Failure)?;
    let what = without(team, &before, who);
    if json {
        let json = serde_json::to_string(&to_json(&what)).map_err(std::io::Error::from)?;
        writeln!(out, "{}", crate::text::escape_json_controls(json))?;
    } else {
        out.write_all(render_text(&what, paint).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// What changes, the skills at risk, then the plan for what they leave.
pub fn render_text(w: &WhatIf, paint: Paint) -> String {
    let mut text = format!("Without {}:\n\n", clean(&w.without));
    let title = |m: usize| clean(&w.team.missions[m].title).into_owned();
    if w.changed.is_empty() {
        text.push_str("No mission's verdict changes.\n\n");
    } else {
        text.push_str(&paint.heading(&format!("VERDICTS THAT CHANGE ({})", w.changed.len())));
        text.push('\n');
        for &(m, before, after) in &w.changed {
            let change = format!("{} → {}", before.label(), after.label());
            text.push_str(&format!(
                "  {}: {}\n",
                title(m),
                paint.verdict(after, &change)
            ));
        }
        text.push('\n');
    }
    if !w.single_points.is_empty() {
        text.push_str(&paint.heading("SKILLS AT RISK"));
        text.push('\n');
        for name in &w.single_points {
            let report = w
                .analysis
                .skills
                .iter()
                .find(|r| w.analysis.skill_name(r.skill) == name);
            let holders = report.map_or_else(String::new, |r| explain::holders(&w.team, r));
            text.push_str(&format!("  {}: {holders}\n", clean(name)));
        }
        text.push('\n');
    }
    if w.plan.is_empty() && w.plan.unplaced.is_empty() {
        if !w.orphaned.is_empty() || !w.changed.is_empty() {
            text.push_str("Nothing to plan for what they leave.\n");
        }
    } else {
        text.push_str(&paint.heading("THE PLAN FOR WHAT THEY LEAVE"));
        text.push('\n');
        text.push_str(&super::plan::render_text(
            &w.team,
            &w.analysis,
            &w.plan,
            paint,
            true,
        ));
    }
    text
}

#[derive(Serialize)]
struct Json<'a> {
    without: &'a str,
    changed: Vec<ChangedJson<'a>>,
    single_points: &'a [String],
    plan: super::plan::Json<'a>,
}

#[derive(Serialize)]
struct ChangedJson<'a> {
    title: &'a str,
    before: &'static str,
    after: &'static str,
}

fn to_json(w: &WhatIf) -> Json<'_> {
    Json {
        without: &w.without,
        changed: w
            .changed
            .iter()
            .map(|&(m, before, after)| ChangedJson {
                title: &w.team.missions[m].title,
                before: before.as_str(),
                after: after.as_str(),
            })
            .collect(),
        single_points: &w.single_points,
        plan: super::plan::to_json(&w.team, &w.analysis, &w.plan),
    }
}
