//! Nothing typed is lost: what the app holds that is not on disk — changes
//! the file did not take, an entry or a form being written — becomes a
//! recovery file when the app stops (or when a read-only file refuses it),
//! and the next start offers it back, reopening what was being typed.

use std::path::PathBuf;

use super::app::{App, Confirm, Modal, NoticeKind, Pending, SaveState};
use super::modal::form::FormKind;
use super::modal::{EntryForm, Form};
use crate::model::{Mission, Person, Team, key};
use crate::store::{self, Base, Draft, FormOf, Recovery};
use crate::text::clean;

/// The text being typed, if any: an entry or a form (also while the app
/// asks whether to drop it).
pub fn draft(app: &App) -> Option<Draft> {
    match &app.modal {
        Some(Modal::Entry(form)) if form.is_modified(app.today) => Some(entry_draft(app, form)),
        Some(Modal::Form(form)) if form.is_modified() => Some(form_draft(app, form)),
        Some(Modal::Confirm(Confirm {
            on_yes: Pending::DiscardEntry(form),
            ..
        })) => Some(entry_draft(app, form)),
        Some(Modal::Confirm(Confirm {
            on_yes: Pending::DiscardForm(form),
            ..
        })) => Some(form_draft(app, form)),
        _ => None,
    }
}

pub fn entry_draft(app: &App, form: &EntryForm) -> Draft {
    Draft::Entry {
        person: app
            .team
            .people
            .get(form.person)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        date: form.date.value().to_string(),
        note: form.note_text(),
        actions: form.actions.lines().to_vec(),
        editor_file: None,
    }
}

pub fn form_draft(app: &App, form: &Form) -> Draft {
    let of = match form.kind {
        FormKind::AddMission => FormOf::NewMission,
        FormKind::EditMission(m) => FormOf::Mission(app.team.missions[m].title.clone()),
        FormKind::AddPerson => FormOf::NewPerson,
        FormKind::EditPerson(p) => FormOf::Person(app.team.people[p].name.clone()),
    };
    Draft::Form {
        of,
        fields: form.texts(),
    }
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

/// The base of the app's work: the file as it was last loaded or saved.
pub fn base(app: &App) -> Base {
    match &app.file.baseline {
        Some(baseline) => Base::File(baseline.fingerprint()),
        None => Base::NoFile,
    }
}

/// What would be lost if the app stopped now, if anything.
pub fn unsaved(app: &App) -> Option<Recovery> {
    let team =
        (team_unsaved(app) && !store::holds(&app.file.path, &app.team)).then(|| app.team.clone());
    let drafts: Vec<Draft> = draft(app).into_iter().collect();
    (team.is_some() || !drafts.is_empty()).then(|| Recovery {
        based_on: base(app),
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
        drafts.push(entry_draft(app, form));
    }
    (!drafts.is_empty()).then(|| Recovery {
        based_on: base(app),
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
        based_on: base(app),
        team: None,
        drafts: vec![draft],
    })
}

/// Typed text a read-only file cannot take: kept in the recovery file
/// (the form stays open until it is).
pub fn keep_typed(app: &App, draft: Draft) -> Vec<super::message::Effect> {
    vec![super::message::Effect::KeepDraft(Box::new(Recovery {
        based_on: base(app),
        team: None,
        drafts: vec![draft],
    }))]
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
        based_on: base(app),
        team,
        drafts,
    };
    Some(store::write_recovery(&app.file.path, &recovery))
}

/// A restore the next start offers.
#[derive(Debug)]
pub struct Offer {
    pub path: PathBuf,
    pub recovery: Box<Recovery>,
    /// The file is still what the work was based on: the changes apply.
    pub applies: bool,
}

/// At start: a recovery file left by an earlier stop becomes a question
/// (or, when nothing of it can be restored here, a notice).
pub fn offer(app: &mut App) {
    let (path, recovery) = match store::find_recovery(&app.file.path) {
        None => return,
        Some(Err(e)) => {
            app.tell(
                NoticeKind::Warning,
                format!("A recovery file could not be read: {e}"),
            );
            return;
        }
        Some(Ok(found)) => found,
    };
    let applies = store::base_now(&app.file.path).is_ok_and(|now| now == recovery.based_on);
    let mut lines = vec![format!(
        "handover stopped with work not yet saved; it is in {}.",
        path.display()
    )];
    if let Some(team) = &recovery.team {
        let change = crate::edit::replace_all(&app.team, team, "");
        if applies {
            lines.push(format!(
                "• {} change{} the file did not take",
                change.ops.len(),
                crate::text::plural(change.ops.len())
            ));
        } else {
            lines.push(
                "• changes the file did not take — but the file changed since, so they are not \
                 applied over it: they stay in the file above to compare (a conflict: both kept)"
                    .into(),
            );
        }
    }
    for draft in &recovery.drafts {
        lines.push(format!("• {}", describe(draft)));
    }
    let restorable = applies && recovery.team.is_some() || !recovery.drafts.is_empty();
    if !restorable {
        app.tell(
            NoticeKind::Warning,
            format!(
                "Unsaved work from an earlier stop is in {}: the team file changed since, so it \
                 was not applied. Compare the two to take what you need.",
                path.display()
            ),
        );
        return;
    }
    let yes = app.keymap.keys_for(
        super::keymap::Context::Confirm,
        super::message::Action::Confirm,
    );
    let no = app.keymap.keys_for(
        super::keymap::Context::Confirm,
        super::message::Action::Cancel,
    );
    lines.push(String::new());
    lines.push(format!(
        "{yes} restores it (what was being typed opens again); {no} sets it aside, kept."
    ));
    app.modal = Some(Modal::Confirm(Confirm {
        title: "Restore unsaved work?".into(),
        lines,
        on_yes: Pending::Recover(Box::new(Offer {
            path,
            recovery: Box::new(recovery),
            applies,
        })),
    }));
}

fn describe(draft: &Draft) -> String {
    match draft {
        Draft::Entry { person, note, .. } => {
            let start: String = note.chars().take(40).collect();
            format!(
                "a one-on-one entry for {} being written: \"{}{}\"",
                clean(person),
                clean(&start),
                if note.chars().count() > 40 { "…" } else { "" }
            )
        }
        Draft::Form { of, .. } => match of {
            FormOf::NewMission => "a new mission being written".into(),
            FormOf::Mission(title) => format!("an edit of \"{}\"", clean(title)),
            FormOf::NewPerson => "a new person being written".into(),
            FormOf::Person(name) => format!("an edit of {}", clean(name)),
        },
    }
}

/// The team to restore, when the file is still what the work was based on.
pub fn team_to_restore(offer: &Offer) -> Option<&Team> {
    offer
        .applies
        .then_some(offer.recovery.team.as_ref())
        .flatten()
}

/// Opens again what was being typed (the first draft whose person or
/// mission is still there); the others are kept for the next start, and
/// those whose person or mission is gone are named in a notice.
pub fn reopen(app: &mut App, drafts: &[Draft]) -> Vec<super::message::Effect> {
    let mut missing = Vec::new();
    let mut later = Vec::new();
    for draft in drafts {
        match modal_for(app, draft) {
            Some(modal) if app.modal.is_none() => {
                // An entry opens where it belongs: beside its person's agenda.
                if let Modal::Entry(form) = &modal {
                    let person = form.person;
                    app.view = super::message::View::OneOnOne;
                    app.people.list.filter.reset();
                    app.refilter_people();
                    app.people.list.select_item(person);
                    app.sync_agenda();
                }
                app.modal = Some(modal);
            }
            // One opens at a time: the others wait for the next start.
            Some(_) => later.push(draft.clone()),
            None => missing.push(describe(draft)),
        }
    }
    if !missing.is_empty() {
        app.tell(
            NoticeKind::Warning,
            format!(
                "Not reopened, as who or what it was for is gone: {} (kept in the recovery file set aside)",
                missing.join("; ")
            ),
        );
    }
    if later.is_empty() {
        return Vec::new();
    }
    vec![super::message::Effect::KeepForLater(Box::new(Recovery {
        based_on: base(app),
        team: None,
        drafts: later,
    }))]
}

fn modal_for(app: &App, draft: &Draft) -> Option<Modal> {
    let person = |name: &str| {
        let wanted = key(name);
        app.team.people.iter().position(|p| key(&p.name) == wanted)
    };
    let mission = |title: &str| {
        let wanted = key(title);
        app.team
            .missions
            .iter()
            .position(|m| key(&m.title) == wanted)
    };
    Some(match draft {
        Draft::Entry {
            person: name,
            date,
            note,
            actions,
            editor_file,
        } => {
            let mut form = EntryForm::new(person(name)?, app.today);
            form.date = tui_input::Input::new(date.clone());
            // What the editor had written, when it was open, is the newer note.
            let note = editor_file
                .as_deref()
                .and_then(|f| store::read_note(f).ok())
                .map(|read| read.text)
                .unwrap_or_else(|| note.clone());
            form.set_note(&note);
            form.actions = ratatui_textarea::TextArea::new(actions.clone());
            Modal::Entry(Box::new(form))
        }
        Draft::Form { of, fields } => {
            let mut form = match of {
                FormOf::NewMission => Form::mission(FormKind::AddMission, &Mission::titled("")),
                FormOf::Mission(title) => {
                    let m = mission(title)?;
                    Form::mission(FormKind::EditMission(m), &app.team.missions[m])
                }
                FormOf::NewPerson => Form::person(FormKind::AddPerson, &Person::named("")),
                FormOf::Person(name) => {
                    let p = person(name)?;
                    Form::person(FormKind::EditPerson(p), &app.team.people[p])
                }
            };
            form.set_texts(fields);
            Modal::Form(Box::new(form))
        }
    })
}
