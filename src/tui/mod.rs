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
pub mod runtime;
pub mod saver;
pub mod theme;
pub mod ui;
pub mod update;

use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    let stop = watch_signals()?;
    let saver = Saver::start(
        data.path.clone(),
        app.team.clone(),
        app.file.baseline.clone(),
    );
    let result = ratatui::run(|terminal| runtime::event_loop(terminal, &saver, &mut app, &stop));
    // Every queued write finishes before handover ends.
    for written in saver.finish() {
        dispatch(&mut app, runtime::saved(written));
    }
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

/// SIGTERM, SIGHUP (the window closed) and SIGINT end the app: the event
/// loop notices within a moment and leaves through the normal exit, which
/// restores the terminal. Should it not (crossterm can spin on a terminal
/// that has gone away), this thread restores the terminal and exits.
/// Every change is saved when it is made, so nothing is lost either way.
fn watch_signals() -> Result<Arc<AtomicBool>, Failure> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .map_err(|e| Failure(format!("cannot watch for signals: {e}")))?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            flag.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(600));
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
    OpenOptions::new().append(true).open(path).is_ok() && tempfile::tempfile_in(dir).is_ok()
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Holds `.team.ron.lock` beside the file so that a second copy of the app
/// on the same file is told, not allowed to race. The OS drops the lock when
/// the process ends, however it ends.
fn lock(path: &Path) -> Result<Option<File>, Failure> {
    let dir = folder(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let lock_path = dir.join(format!(".{name}.lock"));
    if std::fs::create_dir_all(dir).is_err() {
        return Ok(None);
    }
    let Ok(file) = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
    else {
        // A folder we cannot write: the app is read-only there anyway.
        return Ok(None);
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(Failure(format!(
            "{} is open in another handover; close that one first (lock: {})",
            path.display(),
            lock_path.display()
        ))),
        Err(std::fs::TryLockError::Error(_)) => Ok(None),
    }
}
