use std::io::Write;
use std::path::Path;

use super::{Failure, Outcome};
use crate::agenda::{agenda, find_person};
use crate::analysis::analyse;
use crate::model::Team;

/// `handover agenda PERSON`: the Markdown agenda, printed or written to a file.
/// The agenda goes to `out`, or to `file` with a note on `err`.
pub fn run(
    team: &Team,
    team_file: &Path,
    name: &str,
    file: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let analysis = analyse(team);
    let who = find_person(team, &analysis, name).map_err(Failure)?;
    let text = agenda(team, &analysis, who);
    super::print_or_write(
        &text,
        file,
        force,
        "the agenda",
        team_file,
        "agenda.md",
        out,
        err,
    )
}
