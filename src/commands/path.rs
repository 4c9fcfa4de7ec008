use std::io::Write;
use std::process::ExitCode;

use super::Outcome;
use crate::store::DataPath;

/// `handover path`: the file in use, why, and whether it exists.
pub fn run(data: &DataPath, out: &mut dyn Write) -> Outcome {
    let exists = if data.path.exists() {
        "exists"
    } else {
        "does not exist yet"
    };
    writeln!(
        out,
        "{}\n  ({}; {exists})",
        data.path.display(),
        data.origin.describe()
    )?;
    Ok(ExitCode::SUCCESS)
}
