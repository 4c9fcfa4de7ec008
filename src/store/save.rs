use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::format::to_ron_about;
use super::paths::{Found, inspect, original_path, real_path, recovery_path};
use super::{Baseline, Fingerprint, backup_path, to_ron};
use crate::model::Team;

/// A finished save: what the file now is, and where the comments of a
/// hand-written file went if this save dropped them (SPEC §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub baseline: Baseline,
    /// `team.ron.orig`, written by this save: the file as it was, comments
    /// and all. Tell the user.
    pub original_kept: Option<PathBuf>,
}

impl From<Baseline> for Saved {
    /// A save that kept nothing aside (a new file, say).
    fn from(baseline: Baseline) -> Self {
        Saved {
            baseline,
            original_kept: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "{}: another program changed it since it was loaded; nothing was overwritten",
        .0.display()
    )]
    ChangedOnDisk(PathBuf),
    #[error("{}: it was deleted since it was loaded; nothing was written", .0.display())]
    DeletedOnDisk(PathBuf),
    #[error("{}: already exists; it was not overwritten", .0.display())]
    Exists(PathBuf),
    #[error(
        "{}: read-only (no write permission), so nothing was written; \
         make it writable (chmod u+w) to change it",
        .0.display()
    )]
    ReadOnly(PathBuf),
    #[error("{} is {what}, not a team file; nothing was written", path.display())]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}: cannot save: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
}

impl SaveError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> SaveError + '_ {
        move |error| SaveError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}

/// Saves over a file loaded (or last saved) as `baseline`, keeping the old
/// version as `.bak`. Refuses if anything else changed the file meanwhile,
/// and a file the user made read-only. The first save that drops the
/// comments of a hand-written file keeps it as `.orig` (0600, never
/// overwritten) and says so in [`Saved::original_kept`].
pub fn save(path: &Path, team: &Team, baseline: &Baseline) -> Result<Saved, SaveError> {
    // Write through a symlink (dotfile managers) rather than replacing it.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(SaveError::io(path))?
        }
        _ => path.to_path_buf(),
    };
    refuse_read_only(&target)?;
    // The new version first, into its temporary file, keeping only its
    // fingerprint: a large team's new text and its old file are never in
    // memory together. (Nothing is renamed before the old file is checked.)
    let (new, contents) = {
        let size = fs::metadata(&target).map_or(0, |meta| meta.len() as usize);
        let text = to_ron_about(team, size);
        (
            prepare(&target, text.as_bytes())?,
            Fingerprint::of(text.as_bytes()),
        )
    };
    let old = read_if_unchanged(&target, baseline)?;
    write_atomically(&backup_path(&target), &old, true)?;
    let original_kept = keep_comments(&target, &old)?;
    // Not held through the last look: the file would be in memory twice.
    drop(old);
    // One last look right before the rename: a writer that came in while
    // the new version and the backup were written is not overwritten.
    read_if_unchanged(&target, baseline)?;
    let baseline = put_in_place(new, &target, contents, true)?;
    Ok(Saved {
        baseline,
        original_kept,
    })
}

/// Writes a team to a file that must not exist yet (`handover init`, the
/// app's first save), creating its folder. Through a symbolic link whose
/// target does not exist yet (a dotfile manager's), the target is created.
pub fn create_new(path: &Path, team: &Team) -> Result<Baseline, SaveError> {
    let target = match inspect(path).map_err(SaveError::io(path))? {
        Found::DanglingLink { target } => target,
        Found::NotRegular { what } => {
            return Err(SaveError::NotRegular {
                path: path.to_path_buf(),
                what,
            });
        }
        Found::File => return Err(SaveError::Exists(path.to_path_buf())),
        Found::Missing => path.to_path_buf(),
    };
    write_private_new(&target, to_ron(team).as_bytes(), false)
}

/// A file without write permission is read-only for every writer: the
/// mode bits say so (root ignores them when opening), or opening it to
/// write is refused.
fn refuse_read_only(path: &Path) -> Result<(), SaveError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(SaveError::DeletedOnDisk(path.to_path_buf()));
        }
        Err(e) => return Err(SaveError::io(path)(e)),
    };
    if !meta.is_file() {
        return Err(SaveError::NotRegular {
            path: path.to_path_buf(),
            what: "not a regular file",
        });
    }
    if meta.permissions().readonly() {
        return Err(SaveError::ReadOnly(path.to_path_buf()));
    }
    match fs::OpenOptions::new().append(true).open(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            Err(SaveError::ReadOnly(path.to_path_buf()))
        }
        _ => Ok(()),
    }
}

/// Whether a team file is read-only for handover's writers (see [`save`]).
pub fn is_read_only(path: &Path) -> bool {
    matches!(refuse_read_only(path), Err(SaveError::ReadOnly(_)))
}

/// Whether a save could succeed: the file and its folder accept writes,
/// and the file has a write bit (root included).
pub fn writable(path: &Path) -> bool {
    fs::OpenOptions::new().append(true).open(path).is_ok()
        && tempfile::tempfile_in(folder(path)).is_ok()
        && !is_read_only(path)
}

/// Keeps the bytes about to be replaced as `<file>.orig` when they hold a
/// comment that the save drops, unless an `.orig` is already there.
fn keep_comments(target: &Path, old: &[u8]) -> Result<Option<PathBuf>, SaveError> {
    if !has_comment(old) {
        return Ok(None);
    }
    let orig = original_path(target);
    if fs::symlink_metadata(&orig).is_ok() {
        return Ok(None);
    }
    match write_atomically(&orig, old, false) {
        Ok(_) => Ok(Some(orig)),
        // Written meanwhile by another: it is never overwritten.
        Err(SaveError::Exists(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether RON text holds a `//` or `/* */` comment, outside strings
/// (`"…"` with escapes, raw strings `r#"…"#`) and characters (`'"'`).
pub fn has_comment(bytes: &[u8]) -> bool {
    let mut i = 0;
    let at = |i: usize| bytes.get(i).copied();
    while let Some(b) = at(i) {
        match b {
            b'/' if matches!(at(i + 1), Some(b'/' | b'*')) => return true,
            b'"' => {
                i += 1;
                while let Some(c) = at(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                i += 1;
            }
            b'r' if i == 0 || !is_ident(bytes[i - 1]) => {
                // r"…", r#"…"#: ends at a quote followed by as many #.
                let mut j = i + 1;
                let mut hashes = 0;
                while at(j) == Some(b'#') {
                    hashes += 1;
                    j += 1;
                }
                if at(j) != Some(b'"') {
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    match at(j) {
                        None => return false,
                        Some(b'"') if (1..=hashes).all(|k| at(j + k) == Some(b'#')) => {
                            j += 1 + hashes;
                            break;
                        }
                        Some(_) => j += 1,
                    }
                }
                i = j;
            }
            b'\'' => {
                // A character: 'x', '\'' or '\u{…}'; else just a quote.
                match (at(i + 1), at(i + 2)) {
                    (Some(b'\\'), _) => {
                        let mut j = i + 3;
                        while at(j).is_some_and(|c| c != b'\'') {
                            j += 1;
                        }
                        i = j + 1;
                    }
                    (Some(_), Some(b'\'')) => i += 3,
                    _ => {
                        // A multi-byte character: skip to its closing quote.
                        let close = bytes[i + 1..].iter().take(5).position(|&c| c == b'\'');
                        i += close.map_or(1, |p| p + 2);
                    }
                }
            }
            _ => i += 1,
        }
    }
    false
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Writes bytes readable by the owner only (0600), atomically; refuses to
/// replace an existing file unless `overwrite`. For exports and agendas too.
pub fn write_private_new(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
) -> Result<Baseline, SaveError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(SaveError::io(dir))?;
    }
    write_atomically(path, bytes, overwrite)
}

fn read_if_unchanged(path: &Path, baseline: &Baseline) -> Result<Vec<u8>, SaveError> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(SaveError::DeletedOnDisk(path.to_path_buf()));
        }
        Err(e) => return Err(SaveError::io(path)(e)),
    };
    // A new time alone (a `touch`, a copy back) is no change: the bytes decide.
    let meta = file.metadata().map_err(SaveError::io(path))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(SaveError::io(path))?;
    if !baseline.same_bytes(&bytes) {
        return Err(SaveError::ChangedOnDisk(path.to_path_buf()));
    }
    Ok(bytes)
}

/// Removes temporary files an interrupted save left in `folder` (a killed
/// process cannot clean up after itself) once they are an hour old — no
/// save takes that long, so none is still being written. Returns how many.
pub fn remove_stale_temporaries(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(".handover-") && name.ends_with(".tmp")
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < hour_ago)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// A temporary file in the same folder (created 0600), flushed to disk, then
/// renamed over the target: a crash leaves the old file or the new, never half.
fn write_atomically(path: &Path, bytes: &[u8], overwrite: bool) -> Result<Baseline, SaveError> {
    let temp = prepare(path, bytes)?;
    put_in_place(temp, path, Fingerprint::of(bytes), overwrite)
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The bytes in a temporary file beside `path`, on disk.
fn prepare(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, SaveError> {
    let mut temp = tempfile::Builder::new()
        .prefix(".handover-")
        .suffix(".tmp")
        .tempfile_in(folder(path))
        .map_err(SaveError::io(path))?;
    temp.write_all(bytes).map_err(SaveError::io(path))?;
    temp.as_file().sync_all().map_err(SaveError::io(path))?;
    Ok(temp)
}

/// Renames a prepared file over `path` (or beside it when `path` exists
/// and `overwrite` is false) and makes the rename durable.
fn put_in_place(
    temp: tempfile::NamedTempFile,
    path: &Path,
    contents: Fingerprint,
    overwrite: bool,
) -> Result<Baseline, SaveError> {
    let dir = folder(path);
    let file = if overwrite {
        temp.persist(path)
    } else {
        temp.persist_noclobber(path)
    }
    .map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            SaveError::Exists(path.to_path_buf())
        } else {
            SaveError::io(path)(e.error)
        }
    })?;
    // Make the rename itself durable.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    let meta = file.metadata().map_err(SaveError::io(path))?;
    Ok(Baseline::written(contents, &meta))
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "{}: that is {which}; an agenda or an export is never written there. Choose another file name",
        path.display()
    )]
    TeamFile { path: PathBuf, which: &'static str },
    #[error(
        "{}: the folder {} does not exist; nothing was written. \
         Create it first, or choose another place",
        path.display(), folder.display()
    )]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error(
        "{}: is a folder; nothing was written. Give a file name in it, e.g. {}",
        path.display(), example.display()
    )]
    IsFolder { path: PathBuf, example: PathBuf },
    #[error(
        "{}: already exists; not overwritten (add --force to replace it)",
        .0.display()
    )]
    Exists(PathBuf),
    #[error(transparent)]
    Save(SaveError),
}

/// Writes a file the user asked for with `--out` (an agenda, an export):
/// 0600, atomically, never over an existing file unless `overwrite`, never
/// over the team file `team_file`, its backup, its recovery file or its
/// `.orig` (compared as real paths), and never creating folders.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    team_file: &Path,
    example_name: &str,
) -> Result<(), OutputError> {
    let real = real_path(path);
    for base in [super::paths::absolute(team_file), real_path(team_file)] {
        let protected = [
            (base.clone(), "the team file"),
            (backup_path(&base), "the team file's backup"),
            (recovery_path(&base), "the team file's recovery file"),
            (original_path(&base), "the team file's commented original"),
        ];
        if let Some((_, which)) = protected.iter().find(|(p, _)| real_path(p) == real) {
            return Err(OutputError::TeamFile {
                path: path.to_path_buf(),
                which,
            });
        }
    }
    let dir = folder(path);
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        _ => {
            return Err(OutputError::NoFolder {
                path: path.to_path_buf(),
                folder: dir.to_path_buf(),
            });
        }
    }
    match inspect(path).map_err(|e| OutputError::Save(SaveError::io(path)(e)))? {
        Found::NotRegular { what: "a folder" } => {
            return Err(OutputError::IsFolder {
                path: path.to_path_buf(),
                example: path.join(example_name),
            });
        }
        Found::File | Found::NotRegular { .. } | Found::DanglingLink { .. } if !overwrite => {
            return Err(OutputError::Exists(path.to_path_buf()));
        }
        _ => {}
    }
    write_atomically(path, bytes, overwrite)
        .map(|_| ())
        .map_err(|e| match e {
            SaveError::Exists(path) => OutputError::Exists(path),
            e => OutputError::Save(e),
        })
}

#[cfg(test)]
mod tests {
    use super::{has_comment, writable};
    use std::path::Path;

    #[test]
    fn a_file_that_cannot_be_written_is_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        std::fs::write(&file, crate::sample::SAMPLE_RON).unwrap();
        assert!(writable(&file));
        // Read-only for everyone, root included.
        assert!(!writable(Path::new("/proc/version")));
        assert!(!writable(&dir.path().join("no/such/folder/team.ron")));
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comment(b"(people: []) // mine"));
        assert!(has_comment(b"(/* a */ people: [])"));
        assert!(has_comment(b"(people: [(name: \"a//b\")]) // after"));
        assert!(!has_comment(b"(people: [(name: \"http://x /* y */\")])"));
        assert!(!has_comment(br#"(people: [(name: "say \"//\" \\")])"#));
        assert!(!has_comment(br###"(people: [(name: r#"a "// b"#)])"###));
        assert!(has_comment(
            br###"(people: [(name: r##"a "# b"##)]) /* c */"###
        ));
        assert!(!has_comment(b"(c: '\"', d: '/', e: \"//\")"));
        assert!(!has_comment(b"(people: [])"));
        assert!(!has_comment(b"(a: 1 / 2)"));
    }
}
