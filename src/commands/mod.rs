//! What each command does, writing data to `out`; messages go back to
//! `main` as errors. Each reads the same analysis the app shows.

pub mod agenda;
pub mod check;
pub mod completions;
pub mod csv;
pub mod demo;
pub mod init;
pub mod path;
pub mod plan;
pub mod style;
pub mod week;
pub mod whatif;

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::{Date, Team};
use crate::store::{self, DataPath, LoadError, PathOrigin};

/// A command that could not do its job: the message is shown on stderr and
/// handover exits 2.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<crate::tui::AppError> for Failure {
    fn from(e: crate::tui::AppError) -> Self {
        Failure(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure(format!("cannot write the output: {e}"))
    }
}

pub type Outcome = Result<ExitCode, Failure>;

/// Standard output that outlives its reader: once the reader has gone
/// (`handover check | head`), what is left is dropped, and the command goes
/// on to its real exit status (SPEC §4: a closed pipe never changes what the
/// status means). Other write errors are errors.
pub struct Output<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W) -> Self {
        Output {
            inner,
            closed: false,
        }
    }

    /// Whether the reader went away.
    pub fn closed(&self) -> bool {
        self.closed
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Prints `text`, or writes it to `file` (0600, never over an existing file
/// unless `force`, never over the team file `team` or its companions, never
/// creating folders) with a note on `err` naming `what` was written;
/// `example` is a file name to suggest when `file` is a folder.
#[allow(clippy::too_many_arguments)]
pub fn print_or_write(
    text: &str,
    file: Option<&Path>,
    force: bool,
    what: &str,
    team: &Path,
    example: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    match file {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            store::write_output(path, text.as_bytes(), force, team, example)
                .map_err(|e| Failure(e.to_string()))?;
            writeln!(err, "Wrote {what} to {}", path.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Today ([`crate::today`]): `$HANDOVER_TODAY` when set, else the local
/// date; a bad value is a command's error.
pub fn today() -> Result<Date, Failure> {
    crate::today::today().map_err(|e| Failure(e.to_string()))
}

/// Loads the team for a command that reads it, with a message saying what
/// to do when there is none.
pub fn load_team(data: &DataPath) -> Result<Team, Failure> {
    store::load(&data.path)
        .map(|loaded| loaded.team)
        .map_err(|e| load_failure(data, e))
}

/// A failed load as a message; a missing file's fits how it was chosen.
pub fn load_failure(data: &DataPath, error: LoadError) -> Failure {
    let LoadError::Missing(path) = error else {
        return Failure(error.to_string());
    };
    let path = path.display();
    Failure(match data.origin {
        PathOrigin::Flag => format!(
            "{path}: no such file (given with --file). Check the path, or run \
             `handover init --file {path}` to start from the sample team there."
        ),
        PathOrigin::Env => format!(
            "{path}: no such file (named by ${}). Check the variable, or run \
             `handover init` to start from the sample team there.",
            store::ENV_FILE
        ),
        PathOrigin::DataDir => format!(
            "{path}: no team file yet. Run `handover init` to start from the sample team, \
             or pass --file PATH."
        ),
    })
}

/// The lock every CLI writer holds while it reads, decides and renames:
/// refused while the app has the file open, waited for (a few seconds)
/// while another command writes it.
pub fn writer_lock(path: &Path) -> Result<store::FileLock, Failure> {
    store::lock::for_writer(path, store::lock::WRITER_WAIT).map_err(|e| Failure(e.to_string()))
}

/// The line a writer prints when its save kept the commented original.
pub fn note_kept(saved: &store::Saved, out: &mut dyn Write) -> std::io::Result<()> {
    if let Some(orig) = &saved.original_kept {
        writeln!(
            out,
            "The file had comments, which saving does not keep: kept the commented file as {}",
            orig.display()
        )?;
    }
    Ok(())
}
