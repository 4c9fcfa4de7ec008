//! The runtime: the event loop, and the effects `update` asks for — saving
//! (on the saver thread), $EDITOR, writing files, reloading.

use std::io;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::Event;
use ratatui::DefaultTerminal;

use std::sync::mpsc::{Receiver, Sender};

use super::app::{App, PlanState};
use super::inbox::{Inbox, Reader};
use super::message::{Effect, Message};
use super::saver::{Saver, Written};
use super::{editor, ui, update};
use crate::edit::Change;
use crate::store;

/// What the event loop and the signal watcher share.
#[derive(Default)]
pub struct Shared {
    /// SIGTERM, SIGHUP or SIGINT: stop (and take no more keys).
    pub stop: AtomicBool,
    /// $EDITOR has the terminal: a Ctrl-z there stops the app with it.
    pub editing: AtomicBool,
    /// What is being typed now, for the watcher to keep should the app not
    /// stop by itself.
    pub typed: Mutex<Option<crate::store::Recovery>>,
    /// The team and its generation, while the file refuses its changes.
    pub team: Mutex<Option<(u64, crate::model::Team, crate::store::Base)>>,
}

/// What effects need of the world around the app.
pub trait Host {
    /// Lends the terminal to another program, and takes it back.
    fn suspend(&mut self) {}
    fn resume(&mut self) {}
    /// Stops the process until `fg` (Ctrl-z), the terminal given back.
    fn stop_until_continued(&mut self) {}
    /// $EDITOR is about to run on this file: were the app stopped
    /// meanwhile, the note is there.
    fn editing_in(&mut self, _app: &App, _file: &std::path::Path) {}
    /// $EDITOR has returned.
    fn done_editing(&mut self) {}
    /// Saves a change the app just made: the outcome now, or `None` when
    /// it comes later (from the saver thread).
    fn save(&mut self, app: &App, change: Change) -> Option<Message>;
    /// The file was reloaded: saving starts again from what the app holds.
    fn reloaded(&mut self, _app: &App) {}
    /// Writes a file the user asked for (an agenda).
    fn write_file(&mut self, app: &App, path: PathBuf, text: String, overwrite: bool) -> Message {
        Message::Written {
            result: store::write_output(
                &path,
                text.as_bytes(),
                overwrite,
                &app.file.path,
                "agenda.md",
            ),
            path,
        }
    }
    /// Works out the plan: the outcome now, or `None` when it comes later.
    fn work_out_plan(&mut self, app: &App) -> Option<Message> {
        let state = PlanState::work_out(&app.team, &app.analysis, app.generation);
        Some(Message::Planned(Box::new(state)))
    }
}

/// No terminal, and saves done at once: for tests and scripts.
pub struct Direct;

impl Host for Direct {
    fn save(&mut self, app: &App, _change: Change) -> Option<Message> {
        let result = match &app.file.baseline {
            Some(baseline) => store::save(&app.file.path, &app.team, baseline),
            None => store::create_new(&app.file.path, &app.team).map(store::Saved::from),
        };
        Some(Message::Saved { result, changes: 1 })
    }
}

/// The real terminal, with saves on the saver thread and the plan on the
/// plan worker, both answering in the inbox.
struct Terminal<'a> {
    terminal: &'a mut DefaultTerminal,
    saver: &'a Saver,
    planner: &'a super::planner::Planner,
    reader: &'a Reader,
    shared: &'a Shared,
    /// The terminal reports the mouse while the app has it.
    mouse: bool,
}

/// Asks the terminal to report the mouse (clicks, the wheel), or to stop:
/// while it does, selecting text in it takes Shift in most terminals, so
/// it is on only while the app has the terminal, and only when asked.
pub fn capture_mouse(on: bool) {
    use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
    let _ = if on {
        crossterm::execute!(io::stdout(), EnableMouseCapture)
    } else {
        crossterm::execute!(io::stdout(), DisableMouseCapture)
    };
}

impl Host for Terminal<'_> {
    fn suspend(&mut self) {
        self.reader.pause();
        if self.mouse {
            capture_mouse(false);
        }
        ratatui::restore();
    }

    fn resume(&mut self) {
        // Raw mode and the alternate screen again, without another panic
        // hook (`ratatui::init` would stack one per call).
        let _ = crossterm::terminal::enable_raw_mode();
        let _ = crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen);
        if self.mouse {
            capture_mouse(true);
        }
        // The screen is blank now, but ratatui remembers the last frame: a
        // blank frame makes the next one draw every cell. (`clear` would ask
        // the terminal where its cursor is, and some terminals never say.)
        let _ = self.terminal.draw(|frame| {
            frame.render_widget(ratatui::widgets::Clear, frame.area());
        });
        self.reader.resume();
    }

    fn stop_until_continued(&mut self) {
        self.suspend();
        // Stops here, as the shell expects of Ctrl-z, until `fg` or SIGCONT.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
        self.resume();
    }

    fn editing_in(&mut self, app: &App, file: &std::path::Path) {
        // The entry is kept with the editor's file named, even if nothing
        // was typed in the form before the editor opened.
        let mut typed = super::recovery::for_the_watcher(app, true);
        if let Some(crate::store::Draft::Entry { editor_file, .. }) = typed.as_mut().and_then(|r| {
            r.drafts
                .iter_mut()
                .find(|d| matches!(d, crate::store::Draft::Entry { .. }))
        }) {
            *editor_file = Some(file.to_path_buf());
        }
        if let Ok(mut slot) = self.shared.typed.lock() {
            *slot = typed;
        }
        self.shared.editing.store(true, Ordering::SeqCst);
    }

    fn done_editing(&mut self) {
        self.shared.editing.store(false, Ordering::SeqCst);
    }

    fn save(&mut self, _app: &App, change: Change) -> Option<Message> {
        self.saver.apply(change);
        None
    }

    fn reloaded(&mut self, app: &App) {
        self.saver
            .reset(app.team.clone(), app.file.baseline.clone());
    }

    fn work_out_plan(&mut self, app: &App) -> Option<Message> {
        self.planner.request(app.team.clone(), app.generation);
        None
    }
}

/// A finished write, as a message for `update`.
pub fn saved(written: Written) -> Message {
    Message::Saved {
        result: written.result,
        changes: written.changes,
    }
}

/// How often the app looks whether another program changed the file.
pub const LOOK_AT_THE_FILE: Duration = Duration::from_secs(1);

/// Receive, update, draw: everything the app hears comes through `inbox`.
/// `mouse`: the terminal reports the mouse (given back to the shell and
/// taken again with the terminal on Ctrl-z and around $EDITOR).
pub fn event_loop(
    terminal: &mut DefaultTerminal,
    saver: &Saver,
    app: &mut App,
    shared: &Shared,
    channels: (&Sender<Inbox>, &Receiver<Inbox>),
    mouse: bool,
) -> io::Result<()> {
    let (outbox, inbox) = channels;
    let size = terminal.size()?;
    let _ = super::update::update(app, Message::Resize(size.width, size.height));
    let planned = outbox.clone();
    let planner = super::planner::Planner::start(move |state| {
        let _ = planned.send(Inbox::Planned(Box::new(state)));
    });
    let reader = Reader::start(outbox.clone());
    super::inbox::clock(outbox.clone(), LOOK_AT_THE_FILE);
    let mut host = Terminal {
        terminal,
        saver,
        planner: &planner,
        reader: &reader,
        shared,
        mouse,
    };
    loop {
        // The signal watcher keeps what is being typed should the app not
        // stop by itself; once told to stop, what it has is kept as it is.
        if !shared.stop.load(Ordering::SeqCst) {
            if let Ok(mut typed) = shared.typed.lock() {
                *typed = super::recovery::for_the_watcher(app, false);
            }
            // Copied once per change, and only while the file refuses them.
            if let Ok(mut team) = shared.team.lock() {
                if !super::recovery::file_refused_changes(app) {
                    *team = None;
                } else if team.as_ref().is_none_or(|(g, ..)| *g != app.generation) {
                    let base = app.base();
                    *team = Some((app.generation, app.team.clone(), base));
                }
            }
        }
        host.terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        let Ok(first) = inbox.recv() else {
            return Ok(());
        };
        // Everything that arrived meanwhile (keys held down, a paste) is
        // handled before drawing again, so the screen never lags behind.
        for message in std::iter::once(first).chain(std::iter::from_fn(|| inbox.try_recv().ok())) {
            match message {
                Inbox::Terminal(event) => {
                    // A terminal that went away can still deliver bytes;
                    // after a signal to stop, no key changes what is kept.
                    if !shared.stop.load(Ordering::SeqCst) {
                        handle(app, event, &mut host);
                    }
                }
                Inbox::TerminalGone(e) => return Err(e),
                Inbox::Saved(written) => dispatch_on(app, saved(written), &mut host),
                Inbox::Planned(state) => dispatch_on(app, Message::Planned(state), &mut host),
                Inbox::Stop => return Ok(()),
                Inbox::Suspend => host.stop_until_continued(),
                Inbox::Resumed => host.resume(),
                Inbox::Tick => look_at_the_file(app, &mut host),
            }
            if app.quit {
                break;
            }
        }
    }
}

/// Another program may have written the file: with nothing on its way to
/// it (our own writes are reported first), compare it with what the app
/// loaded or last saved.
fn look_at_the_file(app: &mut App, host: &mut impl Host) {
    if app.saving() || app.file.save == super::app::SaveState::Conflict {
        return;
    }
    match store::check_on_disk(&app.file.path, app.file.baseline.as_ref()) {
        store::OnDisk::Same => {}
        store::OnDisk::Touched(baseline) => {
            dispatch_on(app, Message::StillTheSame(baseline), host);
        }
        store::OnDisk::Changed => dispatch_on(app, Message::ChangedOnDisk, host),
    }
}

fn handle(app: &mut App, event: Event, host: &mut impl Host) {
    #[cfg(debug_assertions)]
    debug_panic(&event);
    let message = match event {
        Event::Key(key) => app.message_for(key),
        Event::Resize(width, height) => Some(Message::Resize(width, height)),
        // Only when the mouse was turned on does the terminal report it.
        Event::Mouse(mouse) => Some(Message::Mouse(mouse)),
        _ => None,
    };
    if let Some(message) = message {
        dispatch_on(app, message, host);
    }
}

/// In debug builds only: `HANDOVER_DEBUG_PANIC_KEY=!` makes that key panic,
/// so the tests can prove what a crash leaves behind.
#[cfg(debug_assertions)]
fn debug_panic(event: &Event) {
    static KEY: std::sync::OnceLock<Option<char>> = std::sync::OnceLock::new();
    let key = KEY.get_or_init(|| {
        std::env::var("HANDOVER_DEBUG_PANIC_KEY")
            .ok()?
            .chars()
            .next()
    });
    if let (Some(key), Event::Key(pressed)) = (key, event)
        && pressed.code == crossterm::event::KeyCode::Char(*key)
    {
        panic!("a deliberate panic for testing (HANDOVER_DEBUG_PANIC_KEY)");
    }
}

/// Runs a message through `update` and performs the effects it asks for,
/// saving at once and without a terminal (for tests and scripts).
pub fn dispatch(app: &mut App, message: Message) {
    dispatch_on(app, message, &mut Direct);
}

/// Runs a message through `update` and performs the effects it asks for.
pub fn dispatch_on(app: &mut App, message: Message, host: &mut impl Host) {
    for effect in update::update(app, message) {
        if let Some(reply) = perform(app, effect, host) {
            dispatch_on(app, reply, host);
        }
    }
}

fn perform(app: &mut App, effect: Effect, host: &mut impl Host) -> Option<Message> {
    Some(match effect {
        Effect::Save(change) => return host.save(app, change),
        Effect::WorkOutPlan => return host.work_out_plan(app),
        Effect::SetAsideRecovery(path) => Message::SetAside(store::set_aside(&path)),
        Effect::EditNote(text) => {
            let Some(command) = app.editor.clone() else {
                return Some(Message::Edited(Err("$EDITOR is not set".into())));
            };
            host.suspend();
            let result = editor::run(&command, &text, |file| host.editing_in(app, file));
            host.done_editing();
            host.resume();
            Message::Edited(result)
        }
        Effect::Suspend => {
            host.stop_until_continued();
            return None;
        }
        Effect::KeepForLater(recovery) => Message::KeptForLater {
            drafts: recovery.drafts.len(),
            result: store::write_recovery(&app.file.path, &recovery),
        },
        Effect::KeepDraft(recovery) => {
            Message::DraftKept(store::write_recovery(&app.file.path, &recovery))
        }
        Effect::Reload => {
            let result = store::load(&app.file.path).map_err(|e| e.to_string());
            reload(app, result, None, host);
            return None;
        }
        Effect::WriteFile {
            path,
            text,
            overwrite,
        } => host.write_file(app, path, text, overwrite),
        Effect::KeepMineAndReload => match keep_mine(app) {
            Ok(kept) => {
                let result = store::load(&app.file.path).map_err(|e| e.to_string());
                reload(app, result, Some(kept), host);
                return None;
            }
            Err(e) => Message::Reloaded {
                result: Err(format!(
                    "could not keep your version first, so nothing was reloaded: {e}"
                )),
                kept: None,
            },
        },
        Effect::KeepMineAndQuit => Message::KeptForQuit(keep_mine(app)),
        Effect::ReadCsv(path) => Message::CsvRead(store::read_input(&path)),
    })
}

/// Lets `update` take a reloaded team, restarts the saver on it (when it
/// loaded), then does what `update` asked (the plan, say).
fn reload(
    app: &mut App,
    result: Result<store::Loaded, String>,
    kept: Option<PathBuf>,
    host: &mut impl Host,
) {
    let ok = result.is_ok();
    let effects = update::update(app, Message::Reloaded { result, kept });
    if ok {
        host.reloaded(app);
    }
    for effect in effects {
        if let Some(reply) = perform(app, effect, host) {
            dispatch_on(app, reply, host);
        }
    }
}

/// Writes the app's version beside the team file, as `team.mine-<time>.ron`.
pub fn keep_mine(app: &App) -> Result<PathBuf, String> {
    store::keep_aside(&app.file.path, &app.team)
}
