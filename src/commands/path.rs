use std::io::Write;
use std::process::ExitCode;

use super::Outcome;
use crate::store::{self, DataPath, Found};

/// `handover path`: the file in use (absolute), why, and what is there;
/// then the config folder (SPEC §4, §5).
pub fn run(data: &DataPath, out: &mut dyn Write) -> Outcome {
    let state = match store::inspect(&data.path) {
        Ok(Found::File) => "exists".to_string(),
        Ok(Found::Missing) => "does not exist yet".to_string(),
        Ok(Found::DanglingLink { target }) => format!(
            "a symbolic link to {}, which does not exist",
            target.display()
        ),
        Ok(Found::NotRegular { what }) => format!("{what}, not a team file"),
        Err(e) => format!("cannot look at it: {e}"),
    };
    writeln!(
        out,
        "{}\n  ({}; {state})",
        store::absolute(&data.path).display(),
        data.origin.describe()
    )?;
    match store::config_dir() {
        Some(dir) => writeln!(
            out,
            "{}\n  (the config folder: keys.ron, theme.ron, config.ron)",
            store::absolute(&dir).display()
        )?,
        None => writeln!(
            out,
            "no config folder (no home directory); set ${}",
            store::config::ENV_CONFIG_DIR
        )?,
    }
    Ok(ExitCode::SUCCESS)
}
