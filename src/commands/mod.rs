//! What each command does, writing data to `out`; messages go back to
//! `main` as errors. Each reads the same analysis the app shows.

pub mod agenda;
pub mod check;
pub mod csv;
pub mod demo;
pub mod init;
pub mod path;
pub mod plan;
pub mod style;

use std::fmt;
use std::path::Path;
use std::process::ExitCode;

use crate::model::Team;
use crate::store::{self, LoadError};

/// A command that could not do its job: the message is shown on stderr and
/// handover exits 2.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Failure {
    /// The reader of our output went away (`handover check | head`): not an
    /// error worth a message.
    pub fn is_quiet(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure(String::new());
        }
        Failure(format!("cannot write the output: {e}"))
    }
}

pub type Outcome = Result<ExitCode, Failure>;

/// Prints `text`, or writes it to `file` (0600, never over an existing file
/// unless `force`) with a note on `err` naming `what` was written.
pub fn print_or_write(
    text: &str,
    file: Option<&Path>,
    force: bool,
    what: &str,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> Outcome {
    match file {
        None => out.write_all(text.as_bytes())?,
        Some(path) => match store::write_private_new(path, text.as_bytes(), force) {
            Ok(_) => writeln!(err, "Wrote {what} to {}", path.display())?,
            Err(store::SaveError::Exists(path)) => {
                return Err(Failure(format!(
                    "{}: already exists; not overwritten (add --force to replace it)",
                    path.display()
                )));
            }
            Err(e) => return Err(Failure(e.to_string())),
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads the team for a command that reads it, with a message saying what
/// to do when there is none.
pub fn load_team(path: &Path) -> Result<Team, Failure> {
    match store::load(path) {
        Ok(loaded) => Ok(loaded.team),
        Err(LoadError::Missing(path)) => Err(Failure(format!(
            "{}: no team file yet. Run `handover init` to start from the sample team, \
             or pass --file PATH.",
            path.display()
        ))),
        Err(e) => Err(Failure(e.to_string())),
    }
}
