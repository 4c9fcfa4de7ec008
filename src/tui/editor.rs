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
    if status.success() {
        return file.read();
    }
    // The editor gave up (`:cq`, a signal): what it wrote is not taken into
    // the note, but never thrown away either.
    let path = file.path().to_path_buf();
    let wrote = crate::store::read_note(&path).is_ok_and(|read| read.text != text);
    if wrote && let Some(kept) = file.keep() {
        return Err(format!(
            "{program} exited with {status}; the note was kept as it was, and what \
             the editor wrote is in {}",
            kept.display()
        ));
    }
    Err(format!(
        "{program} exited with {status}; the note was kept as it was"
    ))
}
