use ron::ser::PrettyConfig;

use crate::model::Team;

/// The team as the file holds it. Deterministic: the same team gives the same
/// bytes, maps are sorted, and each field sits on its own line, so one change
/// changes one line and the file diffs well in git.
pub fn to_ron(team: &Team) -> String {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(team, config)
        .expect("a team always serialises: it holds only strings, numbers and dates");
    text.push('\n');
    text
}
