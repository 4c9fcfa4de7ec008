//! `update`: the one place the app's state changes. It returns effects for
//! the runtime (saving, reloading) instead of performing them.

mod edits;
mod missions;

use edits::{add, delete_selected, edit_selected};
use missions::{accept_plan, accept_proposal};

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

use super::app::{App, NoticeKind, SaveState};
use super::message::{Action, Effect, Message, View};
use super::modal::confirm::{Pending, ask};
use super::modal::picker::PickerKind;
use super::modal::{self, Conflict, Help, Modal};
use crate::edit::Change;
use crate::text::capitalise;

pub fn update(app: &mut App, message: Message) -> Vec<Effect> {
    let mut effects = handle(app, message);
    // What views show of the selection follows it, whatever moved it.
    app.sync_agenda();
    app.sync_suggestions();
    if let Some(generation) = app.plan_wanted() {
        app.plan.asked = Some(generation);
        effects.push(Effect::WorkOutPlan);
    }
    effects
}

fn handle(app: &mut App, message: Message) -> Vec<Effect> {
    match message {
        Message::Resize(width, height) => {
            app.size = (width, height);
            Vec::new()
        }
        Message::Saved { result, changes } => {
            app.unsaved = app.unsaved.saturating_sub(changes);
            saved(app, result);
            Vec::new()
        }
        Message::Reloaded { result, kept } => {
            reloaded(app, result, kept);
            Vec::new()
        }
        Message::KeptForQuit(Ok(path)) => {
            app.kept = Some((app.generation, path));
            app.quit = true;
            Vec::new()
        }
        Message::KeptForQuit(Err(e)) => {
            app.tell(
                NoticeKind::Error,
                format!("Not quitting: could not keep your changes: {e}"),
            );
            Vec::new()
        }
        Message::Input(key) => input(app, key),
        Message::SetAside(Ok(path)) => {
            if app.notice.is_none() {
                app.tell(
                    NoticeKind::Info,
                    format!("The recovery file is kept as {}", path.display()),
                );
            }
            Vec::new()
        }
        Message::SetAside(Err(e)) => {
            app.tell(
                NoticeKind::Warning,
                format!("The recovery file could not be set aside: {e}"),
            );
            Vec::new()
        }
        Message::Planned(state) => {
            app.take_plan(*state);
            Vec::new()
        }
        Message::Edited(result) => {
            modal::entry::edited(app, result);
            Vec::new()
        }
        Message::DraftKept(result) => {
            draft_kept(app, result);
            Vec::new()
        }
        Message::KeptForLater { result, drafts } => {
            let what = format!("{drafts} more draft{}", crate::text::plural(drafts));
            match result {
                Ok(path) => app.tell(
                    NoticeKind::Info,
                    format!(
                        "{what} wait in {}: the next start offers them",
                        path.display()
                    ),
                ),
                Err(e) => app.tell(
                    NoticeKind::Error,
                    format!("{what} could not be kept for later ({e}); they are in the recovery file set aside"),
                ),
            }
            Vec::new()
        }
        Message::ChangedOnDisk => changed_on_disk(app),
        Message::StillTheSame(baseline) => {
            app.file.baseline = Some(baseline);
            Vec::new()
        }
        Message::Written { path, result } => {
            modal::export::written(app, path, result);
            Vec::new()
        }
        Message::Action(action) => {
            app.notice = None;
            let before = (app.view, app.list().and_then(|l| l.selected_item()));
            let effects = act(app, action);
            // A new selection starts at the top of its detail.
            if (app.view, app.list().and_then(|l| l.selected_item())) != before {
                app.detail_scroll = 0;
            }
            effects
        }
    }
}

fn saved(app: &mut App, result: Result<crate::store::Saved, crate::store::SaveError>) {
    use crate::store::SaveError;
    match result {
        Ok(saved) => {
            app.file.baseline = Some(saved.baseline);
            if let Some(orig) = saved.original_kept {
                app.tell(
                    NoticeKind::Info,
                    format!(
                        "Your comments are kept in {}: saving does not keep comments",
                        orig.display()
                    ),
                );
            }
            if !matches!(app.file.save, SaveState::Conflict) {
                app.file.save = SaveState::Saved;
            }
        }
        // Changed, deleted, or (for a first save) created meanwhile by someone else.
        Err(SaveError::ChangedOnDisk(_) | SaveError::DeletedOnDisk(_) | SaveError::Exists(_)) => {
            app.file.save = SaveState::Conflict;
            if work_in_hand(app) {
                // Never over what is being written: asked when it is saved.
                app.tell(
                    NoticeKind::Warning,
                    "Not saved: the file changed on disk. Finish what you are writing; you will be asked then.",
                );
            } else {
                app.modal = Some(Modal::Conflict(Conflict));
            }
        }
        Err(e) => {
            app.tell(NoticeKind::Error, format!("Not saved: {e}"));
            app.file.save = SaveState::Failed(e.to_string());
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
            app.tell(
                NoticeKind::Warning,
                format!(
                    "Read-only: nothing was changed, but what you wrote is kept in {}; open \
                     handover on a writable file to restore it",
                    path.display()
                ),
            );
        }
        Err(e) => app.tell(
            NoticeKind::Error,
            format!("Read-only, and what you wrote could not be kept either ({e}): it is still open here"),
        ),
    }
}

/// Another program wrote the file: with nothing unsaved, take its version;
/// with work in hand, it is a conflict (never written over, asked when
/// the work is done).
/// A modal holding words or a decision that a conflict dialog or a reload
/// must not sweep away: text being typed (also while "drop it?" is asked),
/// a path being typed, the offer to restore unsaved work.
fn work_in_hand(app: &App) -> bool {
    super::recovery::draft(app).is_some()
        || matches!(
            app.modal,
            Some(Modal::Export(_) | Modal::Form(_) | Modal::Entry(_))
                | Some(Modal::Confirm(modal::Confirm {
                    on_yes: Pending::Recover(_),
                    ..
                }))
        )
}

fn changed_on_disk(app: &mut App) -> Vec<Effect> {
    if app.file.save == SaveState::Conflict {
        return Vec::new();
    }
    let typing = work_in_hand(app);
    let unsaved = app.saving() || matches!(app.file.save, SaveState::Failed(_));
    if !typing && !unsaved {
        return vec![Effect::Reload];
    }
    app.file.save = SaveState::Conflict;
    if typing {
        app.tell(
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
            app.team = loaded.team;
            app.file.baseline = Some(loaded.baseline);
            app.file.save = SaveState::Saved;
            // Changes still on their way were kept aside; the saver starts
            // again from the reloaded file.
            app.unsaved = 0;
            app.undo.clear();
            app.redo.clear();
            app.generation += 1;
            app.modal = None;
            app.refresh();
            let text = match kept {
                Some(p) => format!("Reloaded from disk; your version is in {}", p.display()),
                None => "The team file changed on disk: reloaded it".into(),
            };
            app.tell(NoticeKind::Info, text);
        }
        Err(e) => {
            // Not written over until the user decides (reload again, or quit
            // keeping the app's version aside).
            app.file.save = SaveState::Conflict;
            let kept = match kept {
                Some(path) => {
                    let shown = format!("; your version is in {}", path.display());
                    app.kept = Some((app.generation, path));
                    shown
                }
                None => String::new(),
            };
            app.tell(NoticeKind::Error, format!("Could not reload: {e}{kept}"));
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
    match app.view {
        View::Missions => app.refilter_missions(),
        View::People | View::Matrix | View::OneOnOne => app.refilter_people(),
        View::Plan => {}
    }
    if let Some(list) = app.list_mut() {
        list.select_first();
    }
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if app.modal.is_some() {
        return modal_action(app, action);
    }
    if app.list().is_some_and(|l| l.filtering) {
        filter_action(app, action);
        return Vec::new();
    }
    match action {
        Action::Quit => quit(app),
        Action::NextView => show(app, View::ALL[(app.view.index() + 1) % View::ALL.len()]),
        Action::PrevView => show(
            app,
            View::ALL[(app.view.index() + View::ALL.len() - 1) % View::ALL.len()],
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
        Action::Undo => undo(app),
        Action::Redo => redo(app),
        Action::Up => move_by(app, -1),
        Action::Down => move_by(app, 1),
        Action::PageUp => move_by(app, -app.page()),
        Action::PageDown => move_by(app, app.page()),
        Action::Top => {
            if let Some(l) = app.list_mut() {
                l.select_first();
            }
            Vec::new()
        }
        Action::Bottom => {
            if let Some(l) = app.list_mut() {
                l.select_last();
            }
            Vec::new()
        }
        Action::Left => {
            app.matrix.col = app.matrix.col.saturating_sub(1);
            Vec::new()
        }
        Action::Right => {
            app.matrix.col = (app.matrix.col + 1).min(app.matrix.skills.len().saturating_sub(1));
            Vec::new()
        }
        Action::ScrollDown => {
            app.detail_scroll = app.detail_scroll.saturating_add(app.page() as u16 / 2);
            Vec::new()
        }
        Action::ScrollUp => {
            app.detail_scroll = app.detail_scroll.saturating_sub(app.page() as u16 / 2);
            Vec::new()
        }
        Action::Filter => {
            if let Some(l) = app.list_mut() {
                l.filtering = true;
            }
            Vec::new()
        }
        Action::Add => add(app),
        Action::Edit => edit_selected(app),
        Action::Delete => delete_selected(app),
        Action::AssignOwner => modal::picker::open(app, PickerKind::Owner),
        Action::AssignMentor => modal::picker::open(app, PickerKind::Mentor),
        Action::HandOver => modal::hand_over::open(app),
        Action::Confirm if app.view == View::Plan => accept_proposal(app),
        Action::AcceptAll => accept_plan(app),
        Action::NewEntry => modal::entry::open(app),
        Action::Toggle => modal::actions::open(app),
        Action::ExportAgenda => modal::export::open(app),
        Action::OpenEditor => Vec::new(),
        Action::Suspend => vec![Effect::Suspend],
        Action::Confirm
        | Action::Cancel
        | Action::NextField
        | Action::PrevField
        | Action::Reload => Vec::new(),
    }
}

fn show(app: &mut App, view: View) -> Vec<Effect> {
    app.view = view;
    Vec::new()
}

fn move_by(app: &mut App, delta: isize) -> Vec<Effect> {
    if let Some(list) = app.list_mut() {
        list.move_by(delta);
    }
    Vec::new()
}

fn quit(app: &mut App) -> Vec<Effect> {
    match &app.file.save {
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
        _ => app.quit = true,
    }
    Vec::new()
}

fn filter_action(app: &mut App, action: Action) {
    let Some(list) = app.list_mut() else { return };
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
    if change.is_empty() {
        app.tell(NoticeKind::Info, "Nothing changed");
        return Vec::new();
    }
    if !app.can_change() {
        app.tell(
            NoticeKind::Error,
            "Read-only: you cannot write this file, so nothing was changed",
        );
        return Vec::new();
    }
    change.apply(&mut app.team);
    app.tell(NoticeKind::Info, capitalise(&change.summary));
    let effects = changed(app, &change);
    app.undo.push(change);
    app.redo.clear();
    effects
}

/// Why a change would break a rule of the file (tried on the team, then
/// taken back), if it would: forms and entries are refused with it.
pub(crate) fn breaks_a_rule(app: &mut App, change: &Change) -> Option<String> {
    change.apply(&mut app.team);
    let problems = crate::model::validate::validate(&app.team);
    change.inverse().apply(&mut app.team);
    let problem = problems.into_iter().next()?;
    let hint = problem.hint.map(|h| format!(" — {h}")).unwrap_or_default();
    // The form is about the subject already; say what is wrong with it.
    Some(format!("{}{hint}", capitalise(&problem.message)))
}

/// After any change of the team: analyse again and save.
fn changed(app: &mut App, change: &Change) -> Vec<Effect> {
    app.generation += 1;
    app.refresh_after(change);
    if app.file.save == SaveState::Conflict {
        app.modal = Some(Modal::Conflict(Conflict));
        return Vec::new();
    }
    app.unsaved += 1;
    vec![Effect::Save(change.clone())]
}

fn undo(app: &mut App) -> Vec<Effect> {
    let Some(change) = app.undo.pop() else {
        app.tell(NoticeKind::Info, "Nothing to undo");
        return Vec::new();
    };
    let inverse = change.inverse();
    inverse.apply(&mut app.team);
    app.tell(NoticeKind::Info, format!("Undid: {}", change.summary));
    app.redo.push(change);
    changed(app, &inverse)
}

fn redo(app: &mut App) -> Vec<Effect> {
    let Some(change) = app.redo.pop() else {
        app.tell(NoticeKind::Info, "Nothing to redo");
        return Vec::new();
    };
    change.apply(&mut app.team);
    app.tell(NoticeKind::Info, format!("Redid: {}", change.summary));
    let effects = changed(app, &change);
    app.undo.push(change);
    effects
}

/// A command while a modal is open: the modal decides; one it opened
/// meanwhile (a conflict, say) takes its place.
fn modal_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(modal) = app.modal.take() else {
        return Vec::new();
    };
    let step = modal.command(app, action);
    if app.modal.is_none() {
        app.modal = step.next;
    }
    step.effects
}
