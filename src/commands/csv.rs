//! `handover import FILE.csv` and `handover export --csv`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::model::Team;
use crate::model::validate::validate;
use crate::skills_csv::{self, Report};
use crate::store::{self, LoadError};
use crate::text::clean;

/// Merges a CSV skills matrix into the team file (creating it if there is
/// none yet) and reports what changed. Any bad row changes nothing.
pub fn import(team_path: &Path, csv_path: &Path, out: &mut dyn Write) -> Outcome {
    let bytes = store::read_input(csv_path).map_err(Failure)?;
    let levels = skills_csv::parse(&bytes).map_err(|problems| {
        let count = problems.len();
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {p}", csv_path.display()))
            .collect();
        Failure(format!(
            "{}\n{count} problem{} found; nothing was imported.",
            lines.join("\nerror: "),
            if count == 1 { "" } else { "s" }
        ))
    })?;
    // Held while the file is read, the change decided and renamed in.
    let _lock = super::writer_lock(team_path)?;
    let (team, baseline) = match store::load(team_path) {
        Ok(loaded) => (loaded.team, Some(loaded.baseline)),
        Err(LoadError::Missing(_)) => (Team::default(), None),
        Err(e) => return Err(Failure(e.to_string())),
    };
    let (change, report) = skills_csv::merge(&team, &levels);
    if change.is_empty() {
        writeln!(
            out,
            "Nothing to change: every level in {} is already in {}.",
            csv_path.display(),
            team_path.display()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut after = team;
    change.apply(&mut after);
    if let Some(problem) = validate(&after).first() {
        return Err(Failure(format!(
            "{}: importing would make {} {}; nothing was imported",
            csv_path.display(),
            problem.subject,
            problem.message
        )));
    }
    // Written before anything is printed: a closed pipe never leaves a
    // reported change unmade.
    let saved = match &baseline {
        Some(baseline) => store::save(team_path, &after, baseline),
        None => store::create_new(team_path, &after).map(store::Saved::from),
    }
    .map_err(|e| Failure(e.to_string()))?;
    drop(_lock);
    out.write_all(describe(&report, &after, csv_path, team_path, baseline.is_none()).as_bytes())?;
    super::note_kept(&saved, out)?;
    Ok(ExitCode::SUCCESS)
}

fn describe(report: &Report, after: &Team, csv: &Path, team: &Path, created: bool) -> String {
    let mut text = format!(
        "Imported {} into {}{}:\n",
        csv.display(),
        team.display(),
        if created { " (a new team file)" } else { "" }
    );
    for (person, skill, old, new) in &report.changed {
        text.push_str(&format!(
            "  changed  {} · {} {old} → {new}\n",
            clean(person),
            clean(skill)
        ));
    }
    for (person, skill, level) in &report.added {
        text.push_str(&format!(
            "  added    {} · {} {level}\n",
            clean(person),
            clean(skill)
        ));
    }
    for name in &report.new_people {
        let skills: Vec<String> = after
            .people
            .iter()
            .find(|p| &p.name == name)
            .map(|p| {
                p.skills
                    .iter()
                    .map(|(s, l)| format!("{} {l}", clean(s)))
                    .collect()
            })
            .unwrap_or_default();
        text.push_str(&format!(
            "  new      {} ({})\n",
            clean(name),
            skills.join(", ")
        ));
    }
    if report.unchanged > 0 {
        text.push_str(&format!(
            "  {} level{} already as in the file\n",
            report.unchanged,
            if report.unchanged == 1 {
                " was"
            } else {
                "s were"
            }
        ));
    }
    text
}

/// The skills matrix as CSV, printed or written to a file (0600).
pub fn export(
    team: &Team,
    team_file: &Path,
    file: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let text = skills_csv::export(team);
    super::print_or_write(
        &text,
        file,
        force,
        "the skills matrix",
        team_file,
        "skills.csv",
        out,
        err,
    )
}
