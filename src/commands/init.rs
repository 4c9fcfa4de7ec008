use std::io::Write;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::sample;
use crate::store::{self, DataPath, Found, SaveError};

/// `handover init`: writes the sample team — or, when `empty`, a team with
/// nobody in it — never over an existing file. Through a symbolic link
/// whose target does not exist yet (a dotfile manager's), the target is
/// created. The note goes to `err`: it is a message, not data.
pub fn run(data: &DataPath, empty: bool, err: &mut dyn Write) -> Outcome {
    let team = if empty {
        crate::model::Team::default()
    } else {
        sample::team()
    };
    let through = match store::inspect(&data.path) {
        Ok(Found::DanglingLink { target }) => Some(target),
        _ => None,
    };
    let _lock = super::writer_lock(&data.path)?;
    match store::create_new(&data.path, &team) {
        Ok(_) => {
            let what = if empty {
                "an empty team (nobody yet: add people and missions in the app, or import a CSV)"
                    .to_string()
            } else {
                format!(
                    "the sample team ({} people, {} missions)",
                    team.people.len(),
                    team.missions.len()
                )
            };
            writeln!(
                err,
                "Wrote {what} to {}{}",
                data.path.display(),
                through
                    .map(|t| format!(" (a symbolic link: the file is {})", t.display()))
                    .unwrap_or_default()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(SaveError::Exists(path)) => Err(Failure(format!(
            "{}: a team file is already there; it was not overwritten. \
             Pass --file PATH to start another.",
            path.display()
        ))),
        Err(e) => Err(Failure(e.to_string())),
    }
}
