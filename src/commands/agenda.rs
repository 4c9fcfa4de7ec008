use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::agenda::{agenda, find_person};
use crate::analysis::analyse;
use crate::model::Team;
use crate::store::{self, SaveError};

/// `handover agenda PERSON`: the Markdown agenda, printed or written to a file.
/// The agenda goes to `out`, or to `file` with a note on `err`.
pub fn run(
    team: &Team,
    name: &str,
    file: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let analysis = analyse(team);
    let who = find_person(team, &analysis, name).map_err(Failure)?;
    let text = agenda(team, &analysis, who);
    match file {
        None => out.write_all(text.as_bytes())?,
        Some(path) => match store::write_private_new(path, text.as_bytes(), force) {
            Ok(_) => writeln!(err, "Wrote the agenda to {}", path.display())?,
            Err(SaveError::Exists(path)) => {
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
