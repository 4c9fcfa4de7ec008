//! The runtime: the event loop, and the effects `update` asks for — saving
//! (on the saver thread), $EDITOR, writing files, reloading.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use std::sync::mpsc::{Receiver, Sender, channel};

use super::app::{App, PlanState};
use super::message::{Effect, Message};
use super::saver::{Saver, Written};
use super::{editor, ui, update};
use crate::edit::Change;
use crate::store;

/// What effects need of the world around the app.
pub trait Host {
    /// Lends the terminal to another program, and takes it back.
    fn suspend(&mut self) {}
    fn resume(&mut self) {}
    /// Saves a change the app just made: the outcome now, or `None` when
    /// it comes later (from the saver thread).
    fn save(&mut self, app: &App, change: Change) -> Option<Message>;
    /// The file was reloaded: saving starts again from what the app holds.
    fn reloaded(&mut self, _app: &App) {}
    /// Writes a file the user asked for (an agenda).
    fn write_file(&mut self, path: PathBuf, text: String, overwrite: bool) -> Message {
        Message::Written {
            result: store::write_private_new(&path, text.as_bytes(), overwrite).map(|_| ()),
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

/// The real terminal, with saves on the saver thread.
struct Terminal<'a> {
    terminal: &'a mut DefaultTerminal,
    saver: &'a Saver,
    plans: (Sender<PlanState>, Receiver<PlanState>),
}

impl Host for Terminal<'_> {
    fn suspend(&mut self) {
        ratatui::restore();
    }

    fn resume(&mut self) {
        *self.terminal = ratatui::init();
        let _ = self.terminal.clear();
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
        let (team, generation) = (app.team.clone(), app.generation);
        let done = self.plans.0.clone();
        std::thread::spawn(move || {
            let analysis = crate::analysis::analyse(&team);
            let _ = done.send(PlanState::work_out(&team, &analysis, generation));
        });
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

pub fn event_loop(
    terminal: &mut DefaultTerminal,
    saver: &Saver,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    let mut host = Terminal {
        terminal,
        saver,
        plans: channel(),
    };
    loop {
        while let Some(written) = saver.poll() {
            dispatch_on(app, saved(written), &mut host);
        }
        while let Ok(state) = host.plans.1.try_recv() {
            dispatch_on(app, Message::Planned(Box::new(state)), &mut host);
        }
        host.terminal.draw(|frame| ui::render(app, frame))?;
        if app.quit {
            return Ok(());
        }
        // Wake now and then to notice a signal to stop, and (sooner while
        // a save is under way) to show it done.
        let wait = if app.saving() || app.plan_asked.is_some() && !app.plan_is_current() {
            30
        } else {
            200
        };
        if !event::poll(Duration::from_millis(wait))? {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            continue;
        }
        // Handle every key already typed before drawing again, so holding a
        // key never lags behind.
        loop {
            handle(app, event::read()?, &mut host);
            if app.quit || stop.load(Ordering::Relaxed) || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}

fn handle(app: &mut App, event: Event, host: &mut impl Host) {
    #[cfg(debug_assertions)]
    debug_panic(&event);
    let message = match event {
        Event::Key(key) => app.message_for(key),
        Event::Resize(width, height) => Some(Message::Resize(width, height)),
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
        Effect::SetAsideRecovery(path) => Message::SetAside(super::recovery::set_aside(&path)),
        Effect::EditNote(text) => {
            let Some(command) = app.editor.clone() else {
                return Some(Message::Edited(Err("$EDITOR is not set".into())));
            };
            host.suspend();
            let result = editor::run(&command, &text);
            host.resume();
            Message::Edited(result)
        }
        Effect::WriteFile {
            path,
            text,
            overwrite,
        } => host.write_file(path, text, overwrite),
        Effect::KeepMineAndReload => match keep_mine(app) {
            Ok(kept) => {
                let result = store::load(&app.file.path).map_err(|e| e.to_string());
                let ok = result.is_ok();
                let reply = Message::Reloaded {
                    result,
                    kept: Some(kept),
                };
                if ok {
                    // Let `update` take the reloaded team, restart the saver on
                    // it, then do what `update` asked (the plan, say).
                    let effects = update::update(app, reply);
                    host.reloaded(app);
                    for effect in effects {
                        if let Some(reply) = perform(app, effect, host) {
                            dispatch_on(app, reply, host);
                        }
                    }
                    return None;
                }
                reply
            }
            Err(e) => Message::Reloaded {
                result: Err(format!(
                    "could not keep your version first, so nothing was reloaded: {e}"
                )),
                kept: None,
            },
        },
        Effect::KeepMineAndQuit => Message::KeptForQuit(keep_mine(app)),
    })
}

/// Writes the app's version beside the team file, as `team.mine-<time>.ron`.
pub fn keep_mine(app: &App) -> Result<PathBuf, String> {
    let path = &app.file.path;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = jiff::ZonedDateTime::now().strftime("%Y%m%d-%H%M%S");
    let kept = path.with_file_name(format!("{stem}.mine-{stamp}.ron"));
    store::write_private_new(&kept, store::to_ron(&app.team).as_bytes(), false)
        .map(|_| kept)
        .map_err(|e| e.to_string())
}
