use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::{Baseline, backup_path, to_ron};
use crate::model::Team;

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
/// version as `.bak`. Refuses if anything else changed the file meanwhile.
pub fn save(path: &Path, team: &Team, baseline: &Baseline) -> Result<Baseline, SaveError> {
    // Write through a symlink (dotfile managers) rather than replacing it.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(SaveError::io(path))?
        }
        _ => path.to_path_buf(),
    };
    let old = read_if_unchanged(&target, baseline)?;
    let text = to_ron(team);
    let new = prepare(&target, text.as_bytes())?;
    write_atomically(&backup_path(&target), &old, true)?;
    // One last look right before the rename: a writer that came in while
    // the new version and the backup were written is not overwritten.
    read_if_unchanged(&target, baseline)?;
    put_in_place(new, &target, text.as_bytes(), true)
}

/// Writes a team to a file that must not exist yet (`handover init`, the
/// app's first save), creating its folder.
pub fn create_new(path: &Path, team: &Team) -> Result<Baseline, SaveError> {
    write_private_new(path, to_ron(team).as_bytes(), false)
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
    put_in_place(temp, path, bytes, overwrite)
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
    bytes: &[u8],
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
    Ok(Baseline::of(bytes, &meta))
}
