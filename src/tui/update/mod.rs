//! `update`: the one place the app's state changes. It returns effects for
//! the runtime (saving, reloading) instead of performing them.

mod edits;
mod missions;
mod mouse;

use edits::{add, delete_selected, edit_selected};
use missions::{accept_plan, accept_proposal, mark_done, sort};

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

use super::app::{App, NoticeKind, SaveState, State};
use super::keymap::Context;
use super::message::{Action, Effect, Message, View};
use super::modal::confirm::{Pending, ask};
use super::modal::picker::PickerKind;
use super::modal::{self, Conflict, Help, Modal};
use crate::edit::Change;

pub fn update(app: &mut App, message: Message) -> Vec<Effect> {
    let mut effects = handle(app, message);
    // A change made while the file is in conflict asks about it first.
    if std::mem::take(&mut app.state.ask_about_conflict) {
        app.modal = Some(Modal::Conflict(Conflict));
    }
    // What views show of the selection follows it, whatever moved it.
    app.state.sync_agenda();
    app.state.sync_suggestions();
    if let Some(generation) = app.state.plan_wanted() {
        app.state.plan.asked = Some(generation);
        app.state.plan.working = true;
        effects.push(Effect::WorkOutPlan);
    }
    effects
}

fn handle(app: &mut App, message: Message) -> Vec<Effect> {
    match message {
        Message::Resize(width, height) => {
            app.state.size = (width, height);
            Vec::new()
        }
        Message::Saved { result, changes } => {
            app.state.unsaved = app.state.unsaved.saturating_sub(changes);
            saved(app, result);
            Vec::new()
        }
        Message::Reloaded { result, kept } => {
            reloaded(app, result, kept);
            Vec::new()
        }
        Message::KeptForQuit(Ok(path)) => {
            app.state.kept = Some((app.state.generation, path));
            app.state.quit = true;
            Vec::new()
        }
        Message::KeptForQuit(Err(e)) => {
            app.state.tell(
                NoticeKind::Error,
                format!("Not quitting: could not keep your changes: {e}"),
            );
            Vec::new()
        }
        Message::Input(key) => input(app, key),
        Message::Mouse(event) => mouse::mouse(app, event),
        Message::SetAside(Ok(path)) => {
            if app.state.notice.is_none() {
                app.state.tell(
                    NoticeKind::Info,
                    format!("The recovery file is kept as {}", path.display()),
                );
            }
            Vec::new()
        }
        Message::SetAside(Err(e)) => {
            app.state.tell(
                NoticeKind::Warning,
                format!("The recovery file could not be set aside: {e}"),
            );
            Vec::new()
        }
        Message::Planned(state) => {
            app.state.take_plan(*state);
            Vec::new()
        }
        Message::Edited(result) => {
            modal::entry::edited(&mut app.state, &mut app.modal, result);
            Vec::new()
        }
        Message::DraftKept(result) => {
            draft_kept(app, result);
            Vec::new()
        }
        Message::KeptForLater { result, drafts } => {
            let what = format!("{drafts} more draft{}", crate::text::plural(drafts));
            match result {
                Ok(path) => app.state.tell(
                    NoticeKind::Info,
                    format!(
                        "{what} wait in {}: the next start offers them",
                        path.display()
                    ),
                ),
                Err(e) => app.state.tell(
                    NoticeKind::Error,
                    format!("{what} could not be kept for later ({e}); they are in the recovery file set aside"),
                ),
            }
            Vec::new()
        }
        Message::CsvRead(result) => {
            modal::welcome::csv_read(&mut app.state, &mut app.modal, result)
        }
        Message::ChangedOnDisk => changed_on_disk(app),
        Message::StillTheSame(baseline) => {
            app.state.file.baseline = Some(baseline);
            Vec::new()
        }
        Message::Written { path, result } => {
            if let Some(question) = modal::export::written(&mut app.state, path, result) {
                app.modal = Some(question);
            }
            Vec::new()
        }
        Message::Action(action) => {
            app.state.notice = None;
            let before = (
                app.state.view,
                app.state.list().and_then(|l| l.selected_item()),
            );
            let effects = act(app, action);
            // A new selection starts at the top of its detail.
            if (
                app.state.view,
                app.state.list().and_then(|l| l.selected_item()),
            ) != before
            {
                app.state.detail_scroll = 0;
            }
            effects
        }
    }
}

fn saved(app: &mut App, result: Result<crate::store::Saved, crate::store::SaveError>) {
    use crate::store::SaveError;
    match result {
        Ok(saved) => {
            app.state.file.baseline = Some(saved.baseline);
            if let Some(orig) = saved.original_kept {
                app.state.tell(
                    NoticeKind::Info,
                    format!(
                        "Your comments are kept in {}: saving does not keep comments",
                        orig.display()
                    ),
                );
            }
            if !matches!(app.state.file.save, SaveState::Conflict) {
                app.state.file.save = SaveState::Saved;
            }
        }
        // Changed, deleted, or (for a first save) created meanwhile by someone else.
        Err(SaveError::ChangedOnDisk(_) | SaveError::DeletedOnDisk(_) | SaveError::Exists(_)) => {
            app.state.file.save = SaveState::Conflict;
            if work_in_hand(app) {
                // Never over what is being written: asked when it is saved.
                app.state.tell(
                    NoticeKind::Warning,
                    "Not saved: the file changed on disk. Finish what you are writing; you will be asked then.",
                );
            } else {
                app.modal = Some(Modal::Conflict(Conflict));
            }
        }
        Err(e) => {
            app.state.tell(NoticeKind::Error, format!("Not saved: {e}"));
            app.state.file.save = SaveState::Failed(e.to_string());
        }
    }
}

/// Typed text a read-only file refused was kept in the recovery file: the
/// form closes, and the notice says where its words are.
fn draft_kept(app: &mut App, result: Result<std::path::PathBuf, String>) {
    match result {
        Ok(path) => {
            if matches!(app.modal, Some(Modal::Entry(_) | Modal::Form(_))) {
                app.modal = None;
            }
            app.state.tell(
                NoticeKind::Warning,
                format!(
                    "Read-only: nothing was changed, but what you wrote is kept in {}; open \
                     handover on a writable file to restore it",
                    path.display()
                ),
            );
        }
        Err(e) => app.state.tell(
            NoticeKind::Error,
            format!("Read-only, and what you wrote could not be kept either ({e}): it is still open here"),
        ),
    }
}

/// A modal holding words or a decision that a conflict dialog or a reload
/// must not sweep away.
fn work_in_hand(app: &App) -> bool {
    app.modal().is_some_and(Modal::holds_work)
}

/// Another program wrote the file: with nothing unsaved, take its version;
/// with work in hand, it is a conflict (never written over, asked when
/// the work is done).
fn changed_on_disk(app: &mut App) -> Vec<Effect> {
    if app.state.file.save == SaveState::Conflict {
        return Vec::new();
    }
    let typing = work_in_hand(app);
    let unsaved = app.state.saving() || matches!(app.state.file.save, SaveState::Failed(_));
    if !typing && !unsaved {
        return vec![Effect::Reload];
    }
    app.state.file.save = SaveState::Conflict;
    if typing {
        app.state.tell(
            NoticeKind::Warning,
            "The team file changed on disk. Finish what you are writing; you will be asked then.",
        );
    } else {
        app.modal = Some(Modal::Conflict(Conflict));
    }
    Vec::new()
}

fn reloaded(
    app: &mut App,
    result: Result<crate::store::Loaded, String>,
    kept: Option<std::path::PathBuf>,
) {
    match result {
        Ok(loaded) => {
            app.state.team = loaded.team;
            app.state.file.baseline = Some(loaded.baseline);
            app.state.file.save = SaveState::Saved;
            // Changes still on their way were kept aside; the saver starts
            // again from the reloaded file.
            app.state.unsaved = 0;
            app.state.undo.clear();
            app.state.redo.clear();
            app.state.generation += 1;
            app.modal = None;
            app.state.refresh();
            let text = match kept {
                Some(p) => format!("Reloaded from disk; your version is in {}", p.display()),
                None => "The team file changed on disk: reloaded it".into(),
            };
            app.state.tell(NoticeKind::Info, text);
        }
        Err(e) => {
            // Not written over until the user decides (reload again, or quit
            // keeping the app's version aside).
            app.state.file.save = SaveState::Conflict;
            let kept = match kept {
                Some(path) => {
                    let shown = format!("; your version is in {}", path.display());
                    app.state.kept = Some((app.state.generation, path));
                    shown
                }
                None => String::new(),
            };
            app.state
                .tell(NoticeKind::Error, format!("Could not reload: {e}{kept}"));
        }
    }
}

/// A key for the text field that has focus.
fn input(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if let Some(modal) = &mut app.modal {
        modal.text(key);
        return Vec::new();
    }
    let event = Event::Key(key);
    let changed = app
        .state
        .list_mut()
        .filter(|l| l.filtering)
        .and_then(|l| l.filter.handle_event(&event))
        .is_some();
    if changed {
        refilter_current(app);
    }
    Vec::new()
}

fn refilter_current(app: &mut App) {
    match app.state.view {
        View::Missions => app.state.refilter_missions(),
        View::People | View::Matrix | View::OneOnOne => app.state.refilter_people(),
        View::Plan => {}
    }
    if let Some(list) = app.state.list_mut() {
        list.select_first();
    }
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if app.modal.is_some() {
        return modal_action(app, action);
    }
    if app.state.list().is_some_and(|l| l.filtering) {
        filter_action(app, action);
        return Vec::new();
    }
    match action {
        Action::Quit => quit(app),
        Action::NextView => show(
            app,
            View::ALL[(app.state.view.index() + 1) % View::ALL.len()],
        ),
        Action::PrevView => show(
            app,
            View::ALL[(app.state.view.index() + View::ALL.len() - 1) % View::ALL.len()],
        ),
        Action::ShowMissions => show(app, View::Missions),
        Action::ShowPeople => show(app, View::People),
        Action::ShowMatrix => show(app, View::Matrix),
        Action::ShowOneOnOne => show(app, View::OneOnOne),
        Action::ShowPlan => show(app, View::Plan),
        Action::Help => {
            app.modal = Some(Modal::Help(Help::default()));
            Vec::new()
        }
        Action::Undo => app.state.undo_last(),
        Action::Redo => app.state.redo_last(),
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -app.state.page()),
        Action::PageDown => move_by(app, app.state.page()),
        Action::Top => {
            if let Some(l) = app.state.list_mut() {
                l.select_first();
            }
            Vec::new()
        }
        Action::Bottom => {
            if let Some(l) = app.state.list_mut() {
                l.select_last();
            }
            Vec::new()
        }
        Action::Left => {
            app.state.matrix.col = app.state.matrix.col.saturating_sub(1);
            Vec::new()
        }
        Action::Right => {
            app.state.matrix.col =
                (app.state.matrix.col + 1).min(app.state.matrix.skills.len().saturating_sub(1));
            Vec::new()
        }
        Action::ScrollDown => {
            // Not past the end of the pane's text, as last drawn.
            app.state.detail_scroll = app
                .state
                .detail_scroll
                .saturating_add(app.state.page() as u16 / 2)
                .min(app.state.detail_max.get());
            Vec::new()
        }
        Action::ScrollUp => {
            app.state.detail_scroll = app
                .state
                .detail_scroll
                .min(app.state.detail_max.get())
                .saturating_sub(app.state.page() as u16 / 2);
            Vec::new()
        }
        Action::Filter => {
            if let Some(l) = app.state.list_mut() {
                l.filtering = true;
            }
            Vec::new()
        }
        Action::Add => add(app),
        Action::Edit => edit_selected(app),
        Action::Delete => delete_selected(app),
        Action::AssignOwner => open(app, |s| modal::picker::open(s, PickerKind::Owner)),
        Action::AssignMentor => open(app, |s| modal::picker::open(s, PickerKind::Mentor)),
        Action::HandOver => open(app, modal::hand_over::open),
        Action::Sort => sort(&mut app.state),
        Action::MarkDone => open(app, mark_done),
        Action::Confirm if app.state.view == View::Plan => accept_proposal(&mut app.state),
        Action::AcceptAll => accept_plan(&mut app.state),
        Action::NewEntry => open(app, |s| modal::entry::open(s)),
        Action::Toggle => open(app, modal::actions::open),
        Action::History => open(app, modal::history::open),
        Action::ExportAgenda => open(app, |s| modal::export::open(s)),
        Action::OpenEditor => Vec::new(),
        Action::Suspend => vec![Effect::Suspend],
        Action::StartOwn => open(app, modal::welcome::reopen),
        Action::WhatItTakes => open(app, modal::what_it_takes::open),
        Action::WhatIfLeaves => open(app, modal::whatif::open),
        Action::MessageLog => open(app, modal::messages::open),
        Action::Confirm
        | Action::Cancel
        | Action::NextField
        | Action::PrevField
        | Action::Reload
        | Action::StartEmpty
        | Action::TrySample
        | Action::ImportCsv
        | Action::KeepSample
        | Action::CheckIn => Vec::new(),
    }
}

/// Opens the modal a command asks for, if it does.
fn open(app: &mut App, modal: impl FnOnce(&mut State) -> Option<Modal>) -> Vec<Effect> {
    if let Some(modal) = modal(&mut app.state) {
        app.modal = Some(modal);
    }
    Vec::new()
}

fn show(app: &mut App, view: View) -> Vec<Effect> {
    app.state.view = view;
    // The people list is in meeting order in the One-on-one view only.
    if (view == View::OneOnOne) != app.state.people.by_meeting {
        app.state.refilter_people();
    }
    Vec::new()
}

fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    if let Some(list) = app.state.list_mut() {
        list.move_by(delta);
    }
    Vec::new()
}

fn quit(app: &mut App) -> Vec<Effect> {
    match &app.state.file.save {
        SaveState::Conflict | SaveState::Failed(_) => {
            app.modal = Some(ask(
                "Quit with unsaved changes?",
                vec![
                    "Your last changes could not be written to the team file.".into(),
                    "Quitting keeps them in a copy beside it, so nothing is lost.".into(),
                ],
                Pending::QuitUnsaved,
            ));
        }
        // Changes made to the sample live in memory only: say so once.
        SaveState::Sample if app.state.generation > 0 => {
            let own = app.state.keymap.key(Context::Global, Action::StartOwn);
            app.modal = Some(ask(
                "Quit and leave the sample behind?",
                vec![
                    "What you changed in the sample team is in memory only, and goes.".into(),
                    format!("To keep it as your team, say no, then {own}."),
                ],
                Pending::LeaveSample,
            ));
        }
        _ => app.state.quit = true,
    }
    Vec::new()
}

fn filter_action(app: &mut App, action: Action) {
    let Some(list) = app.state.list_mut() else {
        return;
    };
    match action {
        Action::Confirm => list.filtering = false,
        Action::Cancel => {
            list.filtering = false;
            list.filter.reset();
            refilter_current(app);
        }
        _ => {}
    }
}

/// Applies a change the user made: it is recorded for undo and saved.
pub fn apply(app: &mut App, change: Change) -> Vec<Effect> {
    app.state.apply(change)
}

/// A command while a modal is open: the modal decides what follows (a
/// conflict its change raised takes its place: see `update`).
fn modal_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(modal) = app.modal.take() else {
        return Vec::new();
    };
    let step = modal.command(&mut app.state, action);
    app.modal = step.next;
    step.effects
}
