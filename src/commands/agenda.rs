use std::io::Write;
use std::path::Path;

use super::{Failure, Outcome};
use crate::agenda::{agenda_on, find_person};
use crate::analysis::analyse;
use crate::model::{Date, Team};

/// `handover agenda PERSON`: the Markdown agenda, printed or written to a file.
/// The agenda goes to `out`, or to `file` with a note on `err`. `today` is
/// the day of the one-on-one ([`crate::today`]): it names the file written
/// to a folder and says which action items are overdue.
#[allow(clippy::too_many_arguments)]
pub fn run(
    team: &Team,
    team_file: &Path,
    name: &str,
    file: Option<&Path>,
    force: bool,
    today: Date,
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
        &file_name(&team.people[who].name, today),
        out,
        err,
    )
}

/// The file an agenda of `person` on `today` is suggested to go to, as the
/// app's export names it: `agenda-elif-sahin-2026-11-28.md` (letters and
/// digits kept, everything else a single `-`).
pub fn file_name(person: &str, today: Date) -> String {
    let slug = person
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("agenda-{slug}-{today}.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_holds_the_person_and_the_day() {
        let day = Date::new(2026, 11, 28).unwrap();
        assert_eq!(
            file_name("Elif Şahin", day),
            "agenda-elif-şahin-2026-11-28.md"
        );
        assert_eq!(
            file_name(" Jean-Luc  O'Neil ", day),
            "agenda-jean-luc-o-neil-2026-11-28.md"
        );
        assert_eq!(file_name("王芳", day), "agenda-王芳-2026-11-28.md");
    }
}
