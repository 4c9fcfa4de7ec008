use std::io::Write;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::sample;
use crate::store::{self, DataPath, SaveError};

/// `handover init`: writes the sample team, never over an existing file.
/// The note goes to `err`: it is a message, not data.
pub fn run(data: &DataPath, err: &mut dyn Write) -> Outcome {
    let team = sample::team();
    match store::create_new(&data.path, &team) {
        Ok(_) => {
            writeln!(
                err,
                "Wrote the sample team ({} people, {} missions) to {}",
                team.people.len(),
                team.missions.len(),
                data.path.display()
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
