//! The app: a keyboard-driven planner. Keys become messages, `update`
//! changes the state, the views draw it. This is the only module that
//! knows a terminal exists.

pub mod app;
pub mod editor;
pub mod entry;
pub mod form;
pub mod keymap;
pub mod list;
pub mod message;
pub mod picker;
pub mod recovery;
pub mod runtime;
pub mod saver;
pub mod theme;
pub mod ui;
pub mod update;

use std::fs::OpenOptions;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use self::app::{App, FileState, NoticeKind, SaveState};
use self::keymap::Keymap;
pub use self::runtime::{dispatch, dispatch_on};
use self::saver::Saver;
use self::theme::Theme;
use crate::commands::Failure;
use crate::model::Date;
use crate::store::{self, DataPath, LoadError};

/// Opens the app on the team file (or the sample team when there is none).
pub fn run(data: &DataPath) -> Result<ExitCode, Failure> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(Failure(
            "the planner needs a terminal on stdin and stdout; for scripts use \
             `handover check` or `handover agenda PERSON`"
                .into(),
        ));
    }
    let (team, file) = open(&data.path)?;
    let _lock = lock(&data.path)?;
    // Holding the lock, nothing else of ours is saving here.
    store::remove_stale_temporaries(folder(&data.path));
    let keys =
        directories::ProjectDirs::from("", "", "handover").map(|d| d.config_dir().join("keys.ron"));
    let (keymap, keymap_problem) = Keymap::load(keys.as_deref());
    let mut app = App::new(team, file, keymap, Theme::from_env(), today());
    app.editor = std::env::var("EDITOR")
        .ok()
        .filter(|e| !e.trim().is_empty());
    if app.file.read_only {
        app.tell(
            NoticeKind::Warning,
            "Read-only: you cannot write this file, so changes are refused",
        );
    }
    if let Some(problem) = keymap_problem {
        app.tell(NoticeKind::Warning, problem);
    }
    offer_recovery(&mut app);
    let saver = Saver::start(
        data.path.clone(),
        app.team.clone(),
        app.file.baseline.clone(),
    );
    let loop_done = Arc::new(AtomicBool::new(false));
    let stop = watch_signals(saver.pending(), Arc::clone(&loop_done))?;
    // A panic restores the terminal (ratatui's hook) and lands here, so that
    // what was not saved yet can be kept in a recovery file.
    let result = ratatui::run(|terminal| {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            runtime::event_loop(terminal, &saver, &mut app, &stop)
        }));
        loop_done.store(true, Ordering::SeqCst);
        result
    });
    // Every queued write finishes before handover ends.
    for written in saver.finish() {
        dispatch(&mut app, runtime::saved(written));
    }
    let Ok(result) = result else {
        return Err(Failure(match recovery::write(&app) {
            Some(Ok(path)) => format!(
                "handover stopped on an internal error. What was not saved yet is in {}; \
                 open handover again to restore it.",
                path.display()
            ),
            Some(Err(e)) => format!(
                "handover stopped on an internal error, and what was not saved could not be kept: {e}"
            ),
            None => "handover stopped on an internal error; every change was already saved.".into(),
        }));
    };
    if matches!(app.file.save, SaveState::Failed(_) | SaveState::Conflict) {
        let kept = runtime::keep_mine(&app);
        return Err(Failure(match kept {
            Ok(path) => format!(
                "the last changes could not be saved; your version is in {}",
                path.display()
            ),
            Err(e) => format!("the last changes could not be saved, nor kept aside: {e}"),
        }));
    }
    result.map_err(|e| Failure(format!("terminal error: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// A recovery file left by a crash: ask whether to restore it.
fn offer_recovery(app: &mut App) {
    match recovery::find(&app.file.path) {
        None => {}
        Some(Err(e)) => app.tell(
            NoticeKind::Warning,
            format!("A recovery file could not be read: {e}"),
        ),
        Some(Ok((path, team))) => {
            let when = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| jiff::Timestamp::try_from(t).ok())
                .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default();
            app.modal = Some(app::Modal::Confirm(app::Confirm {
                title: "Restore unsaved work?".into(),
                lines: vec![
                    format!("handover stopped unexpectedly {when} with work not yet saved."),
                    format!("It is in {}.", path.display()),
                    String::new(),
                    "y restores it (u undoes that); n sets the file aside, kept, and goes on."
                        .into(),
                ],
                on_yes: app::Pending::Recover {
                    path,
                    team: Box::new(team),
                },
            }));
        }
    }
}

/// SIGTERM, SIGHUP (the window closed) and SIGINT end the app: the event
/// loop notices within a moment and leaves through the normal exit, which
/// restores the terminal and waits for the saver. Should it not (crossterm
/// can spin on a terminal that has gone away), this thread waits for the
/// changes still on their way to be written, restores the terminal and
/// ends the process: nothing typed is lost either way.
fn watch_signals(
    pending: Arc<AtomicUsize>,
    loop_done: Arc<AtomicBool>,
) -> Result<Arc<AtomicBool>, Failure> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .map_err(|e| Failure(format!("cannot watch for signals: {e}")))?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            flag.store(true, Ordering::SeqCst);
            let waiting = std::time::Instant::now();
            while waiting.elapsed() < Duration::from_millis(600) {
                if loop_done.load(Ordering::SeqCst) {
                    return; // the normal exit takes it from here
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let writing = std::time::Instant::now();
            while pending.load(Ordering::SeqCst) > 0 && writing.elapsed() < Duration::from_secs(30)
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = ratatui::try_restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(stop)
}

fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// Loads the team, or the sample when the file does not exist yet.
fn open(path: &Path) -> Result<(crate::model::Team, FileState), Failure> {
    match store::load(path) {
        Ok(loaded) => Ok((
            loaded.team,
            FileState {
                path: path.to_path_buf(),
                baseline: Some(loaded.baseline),
                read_only: !writable(path),
                save: SaveState::Saved,
            },
        )),
        Err(LoadError::Missing(_)) => Ok((
            crate::sample::team(),
            FileState {
                path: path.to_path_buf(),
                baseline: None,
                read_only: false,
                save: SaveState::Sample,
            },
        )),
        Err(e) => Err(Failure(e.to_string())),
    }
}

/// Whether a save could succeed: the file and its folder accept writes.
fn writable(path: &Path) -> bool {
    let dir = folder(path);
    OpenOptions::new().append(true).open(path).is_ok()
        && tempfile::tempfile_in(dir).is_ok()
        && !store::is_read_only(path)
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Holds the lock of the real file (`store::lock`) so that a second copy of
/// the app, or a CLI writer, is told, not allowed to race. A team file the
/// user cannot write opens read-only and needs no lock.
fn lock(path: &Path) -> Result<Option<store::FileLock>, Failure> {
    match store::lock::for_app(path) {
        Ok(lock) => Ok(Some(lock)),
        Err(store::LockError::Unusable { .. }) if path.exists() && !writable(path) => Ok(None),
        Err(e) => Err(Failure(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_written_opens_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        std::fs::write(&file, crate::sample::SAMPLE_RON).unwrap();
        assert!(writable(&file));
        // Read-only for everyone, root included.
        assert!(!writable(Path::new("/proc/version")));
        assert!(!writable(&dir.path().join("no/such/folder/team.ron")));
        let (_, state) = open(&file).unwrap();
        assert!(!state.read_only);
    }
}
