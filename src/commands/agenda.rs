use std::io::Write;
use std::path::Path;

use super::{Failure, Outcome};
use crate::agenda::{agenda_on, find_person};
use crate::analysis::analyse;
use crate::model::{Date, Team};

/// `handover agenda PERSON`: the Markdown agenda, printed or written to a file.
/// The agenda goes to `out`, or to `file` with a note on `err`; `today`
/// says which action items are overdue.
#[allow(clippy::too_many_arguments)]
pub fn run(
    team: &Team,
    today: Date,
    team_file: &Path,
    name: &str,
    file: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let analysis = analyse(team);
    let who = find_person(team, &analysis, name).map_err(Failure)?;
    let text = agenda_on(team, &analysis, who, today);
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
