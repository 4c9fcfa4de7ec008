//! `handover import FILE.csv` and `handover export --csv`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::model::Team;
use crate::model::validate::validate;
use crate::skills_csv::{self, CsvProblem, Report};
use crate::store::{self, LoadError};
use crate::text::clean;

/// How `import` treats what it reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Names that match nobody in the team become new people; without it
    /// they are refused with a "did you mean".
    pub add_people: bool,
    /// Say what would change and write nothing.
    pub dry_run: bool,
}

/// Merges a CSV skills matrix into the team file (creating it if there is
/// none yet) and reports what changed. Any bad row changes nothing.
pub fn import(
    team_path: &Path,
    csv_path: &Path,
    options: ImportOptions,
    today: crate::model::Date,
    out: &mut dyn Write,
) -> Outcome {
    let bytes = store::read_input(csv_path).map_err(Failure)?;
    let levels =
        skills_csv::parse(&bytes).map_err(|problems| refused(csv_path, &problems, false))?;
    // Held while the file is read, the change decided and renamed in.
    let _lock = super::writer_lock(team_path)?;
    let (team, baseline) = match store::load(team_path) {
        Ok(loaded) => (loaded.team, Some(loaded.baseline)),
        Err(LoadError::Missing(_)) => (Team::default(), None),
        Err(e) => return Err(Failure(e.to_string())),
    };
    // A team file yet to be written has nobody to misspell: all are new.
    let add_people = options.add_people || baseline.is_none();
    let (change, report) = skills_csv::merge(&team, &levels, add_people, today)
        .map_err(|unmatched| refused(csv_path, &unmatched.problems, unmatched.unknown_people))?;
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
    if options.dry_run {
        let text = describe(
            &report,
            &after,
            csv_path,
            team_path,
            baseline.is_none(),
            true,
        );
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    // Written before anything is printed: a closed pipe never leaves a
    // reported change unmade.
    let saved = match &baseline {
        Some(baseline) => store::save(team_path, &after, baseline),
        None => store::create_new(team_path, &after).map(store::Saved::from),
    }
    .map_err(|e| Failure(e.to_string()))?;
    drop(_lock);
    out.write_all(
        describe(
            &report,
            &after,
            csv_path,
            team_path,
            baseline.is_none(),
            false,
        )
        .as_bytes(),
    )?;
    super::note_kept(&saved, out)?;
    Ok(ExitCode::SUCCESS)
}

/// The message for a CSV refused whole: each problem, then what to do.
fn refused(csv: &Path, problems: &[CsvProblem], unknown_people: bool) -> Failure {
    let count = problems.len();
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {p}", clean(&csv.display().to_string())))
        .collect();
    let hint = if unknown_people {
        "\n  hint: to add the people the team does not have yet, run the import again with \
         --add-people (add --dry-run to see first what it would change)"
    } else {
        ""
    };
    Failure(format!(
        "{}{hint}\n{count} problem{} found; nothing was imported.",
        lines.join("\nerror: "),
        crate::text::plural(count)
    ))
}

fn describe(
    report: &Report,
    after: &Team,
    csv: &Path,
    team: &Path,
    created: bool,
    dry_run: bool,
) -> String {
    let new_file = if created { " (a new team file)" } else { "" };
    let mut text = if dry_run {
        format!(
            "Importing {} would change {}{new_file} (a dry run: nothing was written):\n",
            csv.display(),
            team.display(),
        )
    } else {
        format!(
            "Imported {} into {}{new_file}:\n",
            csv.display(),
            team.display()
        )
    };
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
