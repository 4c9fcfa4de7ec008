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
pub mod theme;
pub mod ui;
pub mod update;

use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use self::app::{App, FileState, NoticeKind, SaveState};
use self::keymap::Keymap;
use self::message::{Effect, Message};
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
    if app.file.save == SaveState::Sample {
        app.tell(
            NoticeKind::Info,
            format!(
                "The sample team. Your first change creates {}",
                data.path.display()
            ),
        );
    }
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
    ratatui::run(|terminal| event_loop(terminal, &mut app, &stop))
        .map_err(|e| Failure(format!("terminal error: {e}")))?;
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

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        // Wake now and then to notice a signal to stop.
        if !event::poll(Duration::from_millis(200))? {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            continue;
        }
        // Handle every key already typed before drawing again, so holding a
        // key never lags behind.
        loop {
            handle(app, event::read()?, terminal);
            if app.quit || stop.load(Ordering::Relaxed) || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}

/// What the runtime needs of the screen to lend it to another program.
pub trait Screen {
    fn suspend(&mut self) {}
    fn resume(&mut self) {}
}

/// No screen at all: tests drive the app without a terminal.
pub struct NoScreen;

impl Screen for NoScreen {}

impl Screen for DefaultTerminal {
    fn suspend(&mut self) {
        ratatui::restore();
    }

    fn resume(&mut self) {
        *self = ratatui::init();
        let _ = self.clear();
    }
}

fn handle(app: &mut App, event: Event, screen: &mut impl Screen) {
    let message = match event {
        Event::Key(key) => app.message_for(key),
        Event::Resize(width, height) => Some(Message::Resize(width, height)),
        _ => None,
    };
    if let Some(message) = message {
        dispatch_on(app, message, screen);
    }
}

/// Runs a message through `update` and performs the effects it asks for,
/// without a screen (for tests and scripts).
pub fn dispatch(app: &mut App, message: Message) {
    dispatch_on(app, message, &mut NoScreen);
}

/// Runs a message through `update` and performs the effects it asks for.
pub fn dispatch_on(app: &mut App, message: Message, screen: &mut impl Screen) {
    for effect in update::update(app, message) {
        let reply = perform(app, effect, screen);
        dispatch_on(app, reply, screen);
    }
}

fn perform(app: &App, effect: Effect, screen: &mut impl Screen) -> Message {
    match effect {
        Effect::EditNote(text) => {
            let Some(command) = app.editor.clone() else {
                return Message::Edited(Err("$EDITOR is not set".into()));
            };
            screen.suspend();
            let result = editor::run(&command, &text);
            screen.resume();
            Message::Edited(result)
        }
        Effect::WriteFile {
            path,
            text,
            overwrite,
        } => Message::Written {
            result: store::write_private_new(&path, text.as_bytes(), overwrite).map(|_| ()),
            path,
        },
        Effect::Save => Message::Saved(match &app.file.baseline {
            Some(baseline) => store::save(&app.file.path, &app.team, baseline),
            None => store::create_new(&app.file.path, &app.team),
        }),
        Effect::KeepMineAndReload => match keep_mine(app) {
            Ok(kept) => Message::Reloaded {
                result: store::load(&app.file.path).map_err(|e| e.to_string()),
                kept: Some(kept),
            },
            Err(e) => Message::Reloaded {
                result: Err(format!(
                    "could not keep your version first, so nothing was reloaded: {e}"
                )),
                kept: None,
            },
        },
        Effect::KeepMineAndQuit => Message::KeptForQuit(keep_mine(app)),
    }
}

/// Writes the app's version beside the team file, as `team.mine-<time>.ron`.
fn keep_mine(app: &App) -> Result<PathBuf, String> {
    let path = &app.file.path;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = jiff::ZonedDateTime::now().strftime("%Y%m%d-%H%M%S");
    let kept = path.with_file_name(format!("{stem}.mine-{stamp}.ron"));
    store::write_private_new(&kept, store::to_ron(&app.team).as_bytes(), false)
        .map(|_| kept)
        .map_err(|e| e.to_string())
}
