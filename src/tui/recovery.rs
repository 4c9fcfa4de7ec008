//! Nothing typed is lost: what the app holds that is not on disk — changes
//! the file did not take, an entry or a form being written — becomes a
//! recovery file when the app stops (or when a read-only file refuses it),
//! and the next start offers it back, reopening what was being typed.

use std::path::PathBuf;

use super::app::{App, Modal, SaveState};
use crate::store::{self, Draft, Recovery};

/// The text being typed, if any: an entry or a form (also while the app
/// asks whether to drop it).
pub fn draft(app: &App) -> Option<Draft> {
    app.modal()?.draft(&app.team, app.today)
}

/// Whether the team holds changes the file did not take (and that were
/// not kept aside since).
fn team_unsaved(app: &App) -> bool {
    let not_written =
        matches!(app.file.save, SaveState::Failed(_) | SaveState::Conflict) || app.unsaved > 0;
    not_written
        && app
            .kept
            .as_ref()
            .is_none_or(|(generation, _)| *generation != app.generation)
}

/// What would be lost if the app stopped now, if anything.
pub fn unsaved(app: &App) -> Option<Recovery> {
    let team =
        (team_unsaved(app) && !store::holds(&app.file.path, &app.team)).then(|| app.team.clone());
    let drafts: Vec<Draft> = draft(app).into_iter().collect();
    (team.is_some() || !drafts.is_empty()).then(|| Recovery {
        based_on: app.base(),
        team,
        drafts,
    })
}

/// The text the signal watcher keeps should the app not stop by itself (the
/// loop stuck, $EDITOR holding the terminal): what is being typed — the
/// entry even untouched when `editor_open`.
pub fn for_the_watcher(app: &App, editor_open: bool) -> Option<Recovery> {
    let mut drafts: Vec<Draft> = draft(app).into_iter().collect();
    if editor_open
        && drafts.is_empty()
        && let Some(Modal::Entry(form)) = &app.modal
    {
        drafts.push(form.draft(&app.team));
    }
    (!drafts.is_empty()).then(|| Recovery {
        based_on: app.base(),
        team: None,
        drafts,
    })
}

/// Whether the file refused changes the team holds (a failed save, a
/// conflict) and they were not kept aside since: then the signal watcher
/// needs a copy of the team too. (Changes merely on their way are written
/// by the saver, which the watcher waits for.)
pub fn file_refused_changes(app: &App) -> bool {
    matches!(app.file.save, SaveState::Failed(_) | SaveState::Conflict)
        && app
            .kept
            .as_ref()
            .is_none_or(|(generation, _)| *generation != app.generation)
}

/// The typed text alone, as a recovery: for a read-only file, or for the
/// signal watcher to write should the app not stop by itself.
pub fn draft_only(app: &App) -> Option<Recovery> {
    draft(app).map(|draft| Recovery {
        based_on: app.base(),
        team: None,
        drafts: vec![draft],
    })
}

/// Writes the recovery file if anything is unsaved; says where.
pub fn write(app: &App) -> Option<Result<PathBuf, String>> {
    let recovery = unsaved(app)?;
    Some(store::write_recovery(&app.file.path, &recovery))
}

/// After a panic: the team whenever the file does not hold it, and the
/// text being typed — from the open modal, or else the signal watcher's
/// copy (a modal is taken out while it handles a key).
pub fn write_after_a_panic(app: &App, typed: Option<Recovery>) -> Option<Result<PathBuf, String>> {
    // The sample team as it opened is no work of the user's.
    let untouched_sample = app.file.baseline.is_none() && app.generation == 0;
    let team =
        (!untouched_sample && !store::holds(&app.file.path, &app.team)).then(|| app.team.clone());
    let mut drafts: Vec<Draft> = draft(app).into_iter().collect();
    if drafts.is_empty() {
        drafts = typed.map(|t| t.drafts).unwrap_or_default();
    }
    if team.is_none() && drafts.is_empty() {
        return None;
    }
    let recovery = Recovery {
        based_on: app.base(),
        team,
        drafts,
    };
    Some(store::write_recovery(&app.file.path, &recovery))
}

/// At start: a recovery file left by an earlier stop becomes a question
/// (or, when nothing of it can be restored here, a notice).
pub fn offer(app: &mut App) {
    if let Some(modal) = super::modal::restore::offer(&mut app.state) {
        app.modal = Some(modal);
    }
}
