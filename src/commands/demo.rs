use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Failure, Outcome};
use crate::demo::generate_on;
use crate::model::Date;
use crate::store::{self, SaveError, to_ron};

/// `handover demo`: a synthetic team as of `today`, as RON on `out` — or,
/// with `--file`, written to that file (0600), never over an existing one,
/// with a note on `err`.
#[allow(clippy::too_many_arguments)]
pub fn run(
    people: usize,
    missions: usize,
    seed: u64,
    today: Date,
    file: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    if people == 0 {
        return Err(Failure(
            "--people 0: a team needs at least one person; try --people 8 --missions 12 \
             (or `handover init --empty` for a team with nobody in it yet)"
                .into(),
        ));
    }
    let team = generate_on(people, missions, seed, today);
    let Some(path) = file else {
        out.write_all(to_ron(&team).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let _lock = super::writer_lock(path)?;
    match store::create_new(path, &team) {
        Ok(_) => {
            writeln!(
                err,
                "Wrote a demo team ({people} people, {missions} missions, seed {seed}) to {}",
                path.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(SaveError::Exists(path)) => Err(Failure(format!(
            "{}: a file is already there; it was not overwritten. \
             Give another --file, or leave --file out to print the team",
            path.display()
        ))),
        Err(e) => Err(Failure(e.to_string())),
    }
}
