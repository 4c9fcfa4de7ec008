//! The file a note is written in by the user's own editor ($EDITOR):
//! private, and kept in place whenever what it holds cannot be taken whole.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A private temporary file (0600) holding a note for the editor. It is
/// removed when dropped, unless `read` had to keep it.
pub struct NoteFile(tempfile::NamedTempFile);

/// What the editor left in the file.
#[derive(Debug, PartialEq, Eq)]
pub struct ReadNote {
    pub text: String,
    /// The text was not UTF-8: it was read with replacement marks, and the
    /// file is left in place, here, with the exact bytes.
    pub kept: Option<PathBuf>,
}

impl NoteFile {
    pub fn new(text: &str) -> Result<NoteFile, String> {
        let mut file = tempfile::Builder::new()
            .prefix("handover-note-")
            .suffix(".md")
            .tempfile()
            .map_err(|e| format!("cannot make a file for the editor: {e}"))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.flush())
            .map_err(|e| format!("cannot write the note for the editor: {e}"))?;
        Ok(NoteFile(file))
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// Reads the note back; text that is not UTF-8 keeps its file.
    pub fn read(self) -> Result<ReadNote, String> {
        let bytes = std::fs::read(self.0.path()).map_err(|e| {
            format!(
                "cannot read the note back from {}: {e}",
                self.path().display()
            )
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(ReadNote { text, kept: None }),
            Err(e) => {
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let (_, path) = self
                    .0
                    .keep()
                    .map_err(|e| format!("cannot keep the note's file: {e}"))?;
                Ok(ReadNote {
                    text,
                    kept: Some(path),
                })
            }
        }
    }

    /// Leaves the file in place (the app is stopping with the editor open).
    pub fn keep(self) -> Option<PathBuf> {
        self.0.keep().ok().map(|(_, path)| path)
    }
}

/// Reads a note an editor left in a file, taking text that is not UTF-8
/// with replacement marks (the file is left as it is).
pub fn read_note(path: &Path) -> Result<ReadNote, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => ReadNote { text, kept: None },
        Err(e) => ReadNote {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            kept: Some(path.to_path_buf()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_utf8_is_read_with_marks_and_its_file_kept() {
        let file = NoteFile::new("").unwrap();
        std::fs::write(file.path(), b"caf\xe9").unwrap();
        let read = file.read().unwrap();
        assert_eq!(read.text, "caf\u{fffd}");
        let kept = read.kept.expect("the file is kept");
        assert_eq!(std::fs::read(&kept).unwrap(), b"caf\xe9");
        std::fs::remove_file(kept).unwrap();
    }

    #[test]
    fn utf8_text_is_read_and_its_file_removed() {
        let file = NoteFile::new("draft").unwrap();
        let path = file.path().to_path_buf();
        assert_eq!(
            file.read().unwrap(),
            ReadNote {
                text: "draft".into(),
                kept: None
            }
        );
        assert!(!path.exists());
    }
}
