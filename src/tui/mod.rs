//! The app: a keyboard-driven planner. Keys become messages, `update`
//! changes the state, the views draw it. This is the only module that
//! knows a terminal exists.

pub mod app;
pub mod editor;
pub mod inbox;
pub mod keymap;
pub mod list;
pub mod message;
pub mod modal;
pub mod planner;
pub mod recovery;
pub mod runtime;
pub mod saver;
pub mod settings;
pub mod state;
pub mod theme;
pub mod ui;
pub mod update;
pub mod widgets;

use std::io::{self, IsTerminal, Write};
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
use crate::model::Date;
use crate::store::{self, DataPath, LoadError};

/// Why the app could not start, or ended without keeping everything:
/// `main` shows it on stderr and exits 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AppError(String);

/// Opens the app on the team file (or the sample team when there is none);
/// `mouse` (`--mouse`) turns the mouse on whatever `config.ron` says.
pub fn run(data: &DataPath, mouse: bool) -> Result<ExitCode, AppError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(AppError(
            "the planner needs a terminal on stdin and stdout; for scripts use \
             `handover check` or `handover agenda PERSON`"
                .into(),
        ));
    }
    let (team, file) = open(&data.path)?;
    let _lock = lock(&data.path)?;
    // Holding the lock, nothing else of ours is saving here.
    store::remove_stale_temporaries(folder(&data.path));
    let (keymap, keymap_problem) = Keymap::load(store::config::read("keys.ron"));
    let (settings, theme, setting_problems) = settings_and_theme();
    let mouse = mouse || settings.mouse;
    let mut app = App::new(team, file, keymap, theme, today()?);
    app.state.settings = settings;
    app.state.editor = std::env::var("EDITOR")
        .ok()
        .filter(|e| !e.trim().is_empty());
    if app.file.read_only {
        app.state.tell(
            NoticeKind::Warning,
            "Read-only: you cannot write this file, so changes are refused",
        );
    }
    if let Some(problem) = keymap_problem {
        app.state.tell(NoticeKind::Warning, problem);
    }
    for problem in setting_problems {
        app.state.tell(NoticeKind::Warning, problem);
    }
    recovery::offer(&mut app);
    if app.modal.is_none() {
        app.modal = modal::welcome::open(&app.state);
    }
    let (outbox, inbox) = std::sync::mpsc::channel();
    let saved = outbox.clone();
    let saver = Saver::start_with(
        data.path.clone(),
        app.team.clone(),
        app.file.baseline.clone(),
        move |written| {
            let _ = saved.send(inbox::Inbox::Saved(written));
        },
    );
    let loop_done = Arc::new(AtomicBool::new(false));
    let shared = Arc::new(runtime::Shared::default());
    watch_signals(
        saver.pending(),
        Arc::clone(&loop_done),
        Arc::clone(&shared),
        data.path.clone(),
        outbox.clone(),
        mouse,
    )?;
    // A panic restores the terminal (ratatui's hook) and lands here, so that
    // what was not saved yet can be kept in a recovery file.
    // `ratatui::init` and `try_restore` rather than `ratatui::run`: when the
    // terminal has gone away, `run` reports the failed restore with
    // `eprintln!`, which panics on the dead terminal before anything unsaved
    // could be kept.
    let mut terminal = ratatui::init();
    if mouse {
        runtime::capture_mouse(true);
        // A panic anywhere gives the mouse back too, before ratatui's hook
        // restores the rest and says what happened.
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            runtime::capture_mouse(false);
            restore(info);
        }));
    }
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime::event_loop(
            &mut terminal,
            &saver,
            &mut app,
            &shared,
            (&outbox, &inbox),
            mouse,
        )
    }));
    loop_done.store(true, Ordering::SeqCst);
    // However the loop ended (q, an error, a panic, a signal): the mouse
    // first, while raw mode still keeps its reports off the screen.
    if mouse {
        runtime::capture_mouse(false);
    }
    let _ = ratatui::try_restore();
    // Every queued write finishes before handover ends.
    saver.finish();
    let Ok(result) = result else {
        // After a panic the app may be half-way through a change: nothing
        // more runs through `update`; whatever the file does not hold, and
        // what was being typed (the watcher's copy, should the modal have
        // been taken out when it broke), is kept.
        let typed = shared.typed.lock().ok().and_then(|mut t| t.take());
        // Only the baseline of the last good write is taken in, by hand.
        for message in inbox.try_iter() {
            if let inbox::Inbox::Saved(store_written) = message
                && let Ok(saved) = store_written.result
            {
                app.state.file.baseline = Some(saved.baseline);
            }
        }
        return Err(AppError(match recovery::write_after_a_panic(&app, typed) {
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
    // The last writes, taken in.
    for message in inbox.try_iter() {
        if let inbox::Inbox::Saved(written) = message {
            dispatch(&mut app, runtime::saved(written));
        }
    }
    // However the app ended (q, a signal, the terminal gone), what it holds
    // that the file did not take, and any text being typed, is kept.
    let kept = match recovery::write(&app) {
        Some(Ok(path)) => Some(format!(
            "What was not saved is kept in {}; open handover again to restore it.",
            path.display()
        )),
        Some(Err(e)) => {
            return Err(AppError(format!(
                "what was not saved could not be kept: {e}"
            )));
        }
        None => app
            .kept
            .as_ref()
            .filter(|(generation, _)| *generation == app.generation)
            .map(|(_, path)| {
                format!(
                    "The team file did not take your last changes; your version is kept in {}.",
                    path.display()
                )
            }),
    };
    if let Some(kept) = &kept {
        // The terminal may be gone: a message that cannot be shown is no error.
        let _ = writeln!(io::stderr(), "{kept}");
    }
    result.map_err(|e| AppError(format!("terminal error: {e}")))?;
    Ok(ExitCode::SUCCESS)
}

/// SIGTERM, SIGHUP (the window closed) and SIGINT end the app: the event
/// loop notices within a moment and leaves through the normal exit, which
/// restores the terminal, waits for the saver and keeps anything unsaved.
/// Should it not (crossterm can spin on a terminal that has gone away, or
/// $EDITOR may hold it), this thread waits for the changes still on their
/// way to be written, keeps the text being typed in the recovery file,
/// restores the terminal and ends the process: nothing typed is lost
/// either way. SIGTSTP and SIGCONT suspend and resume the app.
fn watch_signals(
    pending: Arc<AtomicUsize>,
    loop_done: Arc<AtomicBool>,
    shared: Arc<runtime::Shared>,
    team_file: std::path::PathBuf,
    inbox: std::sync::mpsc::Sender<inbox::Inbox>,
    mouse: bool,
) -> Result<(), AppError> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])
            .map_err(|e| AppError(format!("cannot watch for signals: {e}")))?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                // $EDITOR has the terminal: stop with it, as the shell expects
                // (the app's own screen is already given back).
                SIGTSTP if shared.editing.load(Ordering::SeqCst) => {
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                }
                SIGTSTP => {
                    let _ = inbox.send(inbox::Inbox::Suspend);
                }
                SIGCONT => {
                    let _ = inbox.send(inbox::Inbox::Resumed);
                }
                _ => {
                    shared.stop.store(true, Ordering::SeqCst);
                    let _ = inbox.send(inbox::Inbox::Stop);
                    break_out(signal, &pending, &loop_done, &shared, &team_file, mouse);
                    return;
                }
            }
        }
    });
    Ok(())
}

/// After a signal to stop: the normal exit has a moment to take over; if
/// it does not, the process ends here, keeping what is being typed.
fn break_out(
    signal: i32,
    pending: &AtomicUsize,
    loop_done: &AtomicBool,
    shared: &runtime::Shared,
    team_file: &Path,
    mouse: bool,
) {
    let waiting = std::time::Instant::now();
    while waiting.elapsed() < Duration::from_millis(600) {
        if loop_done.load(Ordering::SeqCst) {
            return; // the normal exit takes it from here
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let writing = std::time::Instant::now();
    while pending.load(Ordering::SeqCst) > 0 && writing.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    if loop_done.load(Ordering::SeqCst) {
        return;
    }
    let mut kept = shared.typed.lock().ok().and_then(|mut t| t.take());
    let team = shared.team.lock().ok().and_then(|mut t| t.take());
    if let Some((_, team, based_on)) = team {
        let recovery = kept.get_or_insert_with(|| store::Recovery {
            based_on,
            team: None,
            drafts: Vec::new(),
        });
        recovery.team = Some(team);
    }
    if let Some(recovery) = kept {
        let _ = store::write_recovery(team_file, &recovery);
    }
    // Through stderr (the same terminal): the main thread may be holding
    // stdout's lock, and waiting for it would never end.
    if mouse {
        let _ = crossterm::execute!(io::stderr(), crossterm::event::DisableMouseCapture);
    }
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        io::stderr(),
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    std::process::exit(128 + signal);
}

/// Today: `$HANDOVER_TODAY` when set (so tests and examples do not depend
/// on the day they run), else the local date.
fn today() -> Result<Date, AppError> {
    crate::today::today().map_err(|e| AppError(e.to_string()))
}

/// Loads the team, or the sample when the file does not exist yet.
fn open(path: &Path) -> Result<(crate::model::Team, FileState), AppError> {
    match store::load(path) {
        Ok(loaded) => Ok((
            loaded.team,
            FileState {
                path: path.to_path_buf(),
                baseline: Some(loaded.baseline),
                read_only: !store::writable(path),
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
        Err(e) => Err(AppError(e.to_string())),
    }
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
fn lock(path: &Path) -> Result<Option<store::FileLock>, AppError> {
    match store::lock::for_app(path) {
        Ok(lock) => Ok(Some(lock)),
        Err(store::LockError::Unusable { .. }) if path.exists() && !store::writable(path) => {
            Ok(None)
        }
        Err(e) => Err(AppError(e.to_string())),
    }
}

/// `config.ron` and `theme.ron` from the config folder: the settings and
/// the theme, and what could not be read of them (the app then opens with
/// the defaults, and says so).
fn settings_and_theme() -> (settings::Settings, Theme, Vec<String>) {
    let mut problems = Vec::new();
    let settings = match store::config::read("config.ron") {
        Ok(Some(file)) => settings::Settings::parse(&file.text).unwrap_or_else(|e| {
            problems.push(format!(
                "{}:{e}; the default settings are used",
                file.path.display()
            ));
            settings::Settings::default()
        }),
        Ok(None) => settings::Settings::default(),
        Err(e) => {
            problems.push(format!("{e}; the default settings are used"));
            settings::Settings::default()
        }
    };
    let mut theme = Theme::of(settings.theme());
    match store::config::read("theme.ron") {
        Ok(Some(file)) if theme.color => match theme.palette.overridden(&file.text) {
            Ok(palette) => theme.palette = palette,
            Err(e) => problems.push(format!(
                "{}:{e}; the {} colours are used",
                file.path.display(),
                settings.theme
            )),
        },
        Ok(_) => {}
        Err(e) => problems.push(e.to_string()),
    }
    (settings, theme, problems)
}
