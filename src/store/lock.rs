//! One writer at a time (SPEC §2 "Every writer takes the lock"). The lock is
//! `.team.ron.lock` beside the *real* team file (symlinks resolved), held
//! with `File::try_lock` for as long as a writer needs it: the app while it
//! is open, a CLI writer while it reads, decides and renames. The holder
//! writes who it is into the lock file (`app 1234` or `cli 1234`), so a
//! CLI writer can tell the app (refuse at once) from another CLI writer
//! (wait for it). The OS drops the lock when the process ends, however it
//! ends.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::paths::real_path;

/// How long a CLI writer waits for another one before giving up.
pub const WRITER_WAIT: Duration = Duration::from_secs(10);

/// A held lock; dropping it lets the next writer in.
#[derive(Debug)]
pub struct FileLock {
    file: File,
    path: PathBuf,
}

impl FileLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Removed while still held, so nothing is left beside the team
        // file; whoever opened it meanwhile sees it is gone once they
        // lock it, and starts again (see `attempt`). The OS unlocks when
        // the file is closed.
        let _ = self.file.set_len(0);
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Who holds a lock, as its holder wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    App(u32),
    Cli(u32),
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// A CLI writer finds the app holding the file.
    #[error("{}: open in handover, pid {pid}: quit it or do this in the app", file.display())]
    OpenInApp { file: PathBuf, pid: u32 },
    /// A second app on the same real file.
    #[error(
        "{} is open in another handover (pid {pid}); close that one first (lock: {})",
        file.display(), lock.display()
    )]
    AlreadyOpen {
        file: PathBuf,
        lock: PathBuf,
        pid: u32,
    },
    #[error(
        "{}: another handover command{} was still writing it after {} s; \
         nothing was changed, try again once it has finished",
        file.display(),
        pid.map(|p| format!(" (pid {p})")).unwrap_or_default(),
        waited.as_secs()
    )]
    Busy {
        file: PathBuf,
        pid: Option<u32>,
        waited: Duration,
    },
    #[error(
        "{}: cannot use the lock file {}: {error}. Every writer locks the team file; {hint}",
        file.display(), lock.display()
    )]
    Unusable {
        file: PathBuf,
        lock: PathBuf,
        error: io::Error,
        hint: &'static str,
    },
}

/// The lock file for a team file: beside the real file, whatever path
/// (link, relative path) leads to it.
pub fn lock_path(team_file: &Path) -> PathBuf {
    let real = real_path(team_file);
    let name = real.file_name().unwrap_or_default().to_string_lossy();
    real.with_file_name(format!(".{name}.lock"))
}

/// The app's lock: refused at once while another app has the file open
/// (two apps on one file would race each other's saves); held by a CLI
/// writer, waited for (it takes a moment).
pub fn for_app(team_file: &Path) -> Result<FileLock, LockError> {
    acquire(team_file, "app", WRITER_WAIT)
}

/// A CLI writer's lock: refused at once while the app has the file open;
/// held by another CLI writer, waited for (up to `wait`).
pub fn for_writer(team_file: &Path, wait: Duration) -> Result<FileLock, LockError> {
    acquire(team_file, "cli", wait)
}

fn acquire(team_file: &Path, who: &str, wait: Duration) -> Result<FileLock, LockError> {
    let start = Instant::now();
    // The holder writes its name right after locking: a name read in that
    // moment may be its predecessor's, so "the app" is believed only when
    // read twice.
    let mut seen_app = None;
    loop {
        let (holder, lock) = match attempt(team_file, who)? {
            Attempt::Got(held) => return Ok(held),
            Attempt::Again => continue,
            Attempt::Held(file, lock) => (holder(&file), lock),
        };
        match holder {
            Some(Holder::App(pid)) if seen_app == Some(pid) => {
                let file = team_file.to_path_buf();
                return Err(if who == "app" {
                    LockError::AlreadyOpen { file, lock, pid }
                } else {
                    LockError::OpenInApp { file, pid }
                });
            }
            Some(Holder::App(pid)) => seen_app = Some(pid),
            _ => seen_app = None,
        }
        if start.elapsed() >= wait {
            return Err(LockError::Busy {
                file: team_file.to_path_buf(),
                pid: match holder {
                    Some(Holder::Cli(pid) | Holder::App(pid)) => Some(pid),
                    None => None,
                },
                waited: wait,
            });
        }
        std::thread::sleep(Duration::from_millis(if seen_app.is_some() {
            100
        } else {
            15
        }));
    }
}

enum Attempt {
    Got(FileLock),
    /// Someone else holds it: the open lock file, to read who.
    Held(File, PathBuf),
    /// The lock file went away (its holder let go) while we locked it.
    Again,
}

/// One try at the lock.
fn attempt(team_file: &Path, who: &str) -> Result<Attempt, LockError> {
    let (file, lock) = open(team_file)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(Attempt::Held(file, lock)),
        Err(TryLockError::Error(error)) => return Err(unusable(team_file, lock, error)),
    }
    // Locked — but is it still the lock file? A holder removes it as it
    // lets go, and may have done so after we opened it.
    let same = match (file.metadata(), std::fs::metadata(&lock)) {
        (Ok(ours), Ok(now)) => ours.dev() == now.dev() && ours.ino() == now.ino(),
        _ => false,
    };
    if !same {
        return Ok(Attempt::Again);
    }
    claim(file, lock, team_file, who).map(Attempt::Got)
}

/// Opens (creating, 0600) the lock file beside the real team file; a lock
/// that cannot be created or written is an error, never "no lock".
fn open(team_file: &Path) -> Result<(File, PathBuf), LockError> {
    let lock = lock_path(team_file);
    if let Some(dir) = lock.parent() {
        // The writer is about to create the team file in this folder.
        std::fs::create_dir_all(dir).map_err(|e| unusable(team_file, lock.clone(), e))?;
    }
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&lock)
        .map_err(|e| unusable(team_file, lock.clone(), e))?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok((file, lock)),
        Ok(_) => Err(unusable(
            team_file,
            lock,
            io::Error::other("it is not a regular file"),
        )),
        Err(e) => Err(unusable(team_file, lock, e)),
    }
}

/// Writes who holds the lock into it.
fn claim(
    mut file: File,
    lock: PathBuf,
    team_file: &Path,
    who: &str,
) -> Result<FileLock, LockError> {
    let written = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| writeln!(file, "{who} {}", std::process::id()))
        .and_then(|()| file.flush());
    match written {
        Ok(()) => Ok(FileLock { file, path: lock }),
        Err(e) => Err(unusable(team_file, lock, e)),
    }
}

/// Who holds the lock, read from the file (without moving its cursor).
fn holder(file: &File) -> Option<Holder> {
    let mut bytes = [0u8; 64];
    let n = file.read_at(&mut bytes, 0).ok()?;
    parse_holder(std::str::from_utf8(&bytes[..n]).ok()?)
}

fn parse_holder(text: &str) -> Option<Holder> {
    let (who, pid) = text.trim().split_once(' ')?;
    let pid = pid.trim().parse().ok()?;
    match who {
        "app" => Some(Holder::App(pid)),
        "cli" => Some(Holder::Cli(pid)),
        _ => None,
    }
}

/// Who holds the lock of `team_file` now, if anyone (for messages and tests).
pub fn held_by(team_file: &Path) -> Option<Holder> {
    let mut file = File::open(lock_path(team_file)).ok()?;
    if file.try_lock().is_ok() {
        return None;
    }
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    parse_holder(&text)
}

fn unusable(team_file: &Path, lock: PathBuf, error: io::Error) -> LockError {
    let hint = if std::fs::symlink_metadata(&lock).is_ok() {
        "if a run as another user (sudo) left it behind, remove it \
         (while no handover is running) and try again"
    } else {
        "make its folder writable, or keep the team file in a folder you can write"
    };
    LockError::Unusable {
        hint,
        file: team_file.to_path_buf(),
        lock,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_waits_for_a_writer_and_refuses_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let team = dir.path().join("team.ron");
        let first = for_writer(&team, WRITER_WAIT).unwrap();
        assert_eq!(held_by(&team), Some(Holder::Cli(std::process::id())));
        let err = for_writer(&team, Duration::from_millis(100)).unwrap_err();
        assert!(matches!(err, LockError::Busy { .. }), "{err}");
        // Let go in a moment: the waiting writer gets it.
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(150));
            drop(first);
        });
        let second = for_writer(&team, WRITER_WAIT).unwrap();
        releaser.join().unwrap();
        // The app opening meanwhile waits for the writer too.
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(150));
            drop(second);
        });
        let app = for_app(&team).unwrap();
        releaser.join().unwrap();
        drop(app);
        assert_eq!(held_by(&team), None);

        let app = for_app(&team).unwrap();
        let start = Instant::now();
        let err = for_writer(&team, WRITER_WAIT).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(1), "refused at once");
        assert_eq!(
            err.to_string(),
            format!(
                "{}: open in handover, pid {}: quit it or do this in the app",
                team.display(),
                std::process::id()
            )
        );
        assert!(matches!(for_app(&team), Err(LockError::AlreadyOpen { .. })));
        drop(app);
    }

    #[test]
    fn the_lock_belongs_to_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        std::fs::create_dir(real.join("b")).unwrap();
        std::fs::write(real.join("a/team.ron"), "").unwrap();
        std::os::unix::fs::symlink(real.join("a/team.ron"), real.join("b/link.ron")).unwrap();
        assert_eq!(
            lock_path(&real.join("b/link.ron")),
            real.join("a/.team.ron.lock")
        );
        let _app = for_app(&real.join("a/team.ron")).unwrap();
        assert!(for_app(&real.join("b/link.ron")).is_err());
    }

    #[test]
    fn a_lock_that_cannot_be_made_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let team = dir.path().join("team.ron");
        std::fs::create_dir(dir.path().join(".team.ron.lock")).unwrap();
        let err = for_app(&team).unwrap_err();
        assert!(matches!(err, LockError::Unusable { .. }));
        assert!(err.to_string().contains(".team.ron.lock"), "{err}");
    }
}
