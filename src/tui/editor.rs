//! Writing a long note in the user's own editor ($EDITOR).

use std::path::Path;
use std::process::Command;

use crate::store::{NoteFile, ReadNote};

/// Runs `command` (e.g. `vim`, or `code --wait`) on a private temporary
/// file holding `text`, and returns what the file holds when it exits.
/// `started` learns the file's name first, so that were the app stopped
/// meanwhile, what the editor writes can still be found.
pub fn run(command: &str, text: &str, started: impl FnOnce(&Path)) -> Result<ReadNote, String> {
    let mut parts = command.split_whitespace();
    let program = parts.next().ok_or("$EDITOR is empty")?;
    // Created readable by the owner only: notes are personal.
    let file = NoteFile::new(text)?;
    started(file.path());
    let status = Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !status.success() {
        return Err(format!(
            "{program} exited with {status}; the note was kept as it was"
        ));
    }
    file.read()
}
