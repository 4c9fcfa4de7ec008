//! At start, the offer to restore work an earlier stop left in a recovery
//! file: the changes the file did not take, and what was being typed,
//! which opens again where it was.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::form::FormKind;
use super::{EntryForm, Form, Modal, Step};
use crate::model::{Mission, Person, Team, key};
use crate::store::{self, Draft, FormOf, Recovery};
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect, View};
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::boxed;

/// A restore the next start offers.
#[derive(Debug)]
pub struct Restore {
    pub path: PathBuf,
    pub recovery: Box<Recovery>,
    /// The file is still what the work was based on: the changes apply.
    pub applies: bool,
    /// What the question says.
    pub lines: Vec<String>,
}

/// At start: a recovery file left by an earlier stop becomes a question
/// (or, when nothing of it can be restored here, a notice).
pub fn offer(state: &mut State) -> Option<Modal> {
    let (path, recovery) = match store::find_recovery(&state.file.path) {
        None => return None,
        Some(Err(e)) => {
            state.tell(
                NoticeKind::Warning,
                format!("A recovery file could not be read: {e}"),
            );
            return None;
        }
        Some(Ok(found)) => found,
    };
    let applies = store::base_now(&state.file.path).is_ok_and(|now| now == recovery.based_on);
    let mut lines = vec![format!(
        "handover stopped with work not yet saved; it is in {}.",
        path.display()
    )];
    if let Some(team) = &recovery.team {
        let change = crate::edit::replace_all(&state.team, team, "");
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
        state.tell(
            NoticeKind::Warning,
            format!(
                "Unsaved work from an earlier stop is in {}: the team file changed since, so it \
                 was not applied. Compare the two to take what you need.",
                path.display()
            ),
        );
        return None;
    }
    let yes = state.keymap.keys_for(Context::Confirm, Action::Confirm);
    let no = state.keymap.keys_for(Context::Confirm, Action::Cancel);
    lines.push(String::new());
    lines.push(format!(
        "{yes} restores it (what was being typed opens again); {no} sets it aside, kept."
    ));
    Some(Modal::Restore(Restore {
        path,
        recovery: Box::new(recovery),
        applies,
        lines,
    }))
}

impl Restore {
    pub fn command(self, state: &mut State, action: Action) -> Step {
        match action {
            Action::Confirm => self.restore(state),
            // Set aside, kept: never deleted.
            Action::Cancel => Step::done(vec![Effect::SetAsideRecovery(self.path)]),
            _ => Step::stay(self),
        }
    }

    fn restore(self, state: &mut State) -> Step {
        let mut effects = match self.team_to_restore() {
            Some(team) => {
                let change =
                    crate::edit::replace_all(&state.team, team, "restored the unsaved work");
                state.apply(change)
            }
            None => Vec::new(),
        };
        // A conflict asked meanwhile comes first: then every draft waits.
        let (next, later) = reopen(state, &self.recovery.drafts, !state.ask_about_conflict);
        // Set aside first: the drafts for later go to a new recovery file.
        effects.push(Effect::SetAsideRecovery(self.path));
        effects.extend(later);
        Step { next, effects }
    }

    /// The team to restore, when the file is still what the work was based on.
    fn team_to_restore(&self) -> Option<&Team> {
        self.applies
            .then_some(self.recovery.team.as_ref())
            .flatten()
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let lines: Vec<Line> = self.lines.iter().map(|l| Line::raw(l.clone())).collect();
        boxed(
            state,
            Context::Confirm,
            "Restore unsaved work?",
            lines,
            frame,
            area,
            70,
        );
    }
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

/// Opens again what was being typed (the first draft whose person or
/// mission is still there, when `can_open`); the others are kept for the
/// next start, and those whose person or mission is gone are named in a
/// notice.
fn reopen(state: &mut State, drafts: &[Draft], can_open: bool) -> (Option<Modal>, Vec<Effect>) {
    let mut opened = None;
    let mut missing = Vec::new();
    let mut later = Vec::new();
    for draft in drafts {
        match modal_for(state, draft) {
            Some(modal) if can_open && opened.is_none() => {
                // An entry opens where it belongs: beside its person's agenda.
                if let Modal::Entry(form) = &modal {
                    let person = form.person;
                    state.view = View::OneOnOne;
                    state.people.list.filter.reset();
                    state.refilter_people();
                    state.select_person(person);
                }
                opened = Some(modal);
            }
            // One opens at a time: the others wait for the next start.
            Some(_) => later.push(draft.clone()),
            None => missing.push(describe(draft)),
        }
    }
    if !missing.is_empty() {
        state.tell(
            NoticeKind::Warning,
            format!(
                "Not reopened, as who or what it was for is gone: {} (kept in the recovery file set aside)",
                missing.join("; ")
            ),
        );
    }
    if later.is_empty() {
        return (opened, Vec::new());
    }
    let effects = vec![Effect::KeepForLater(Box::new(Recovery {
        based_on: state.base(),
        team: None,
        drafts: later,
    }))];
    (opened, effects)
}

fn modal_for(state: &State, draft: &Draft) -> Option<Modal> {
    let person = |name: &str| {
        let wanted = key(name);
        state
            .team
            .people
            .iter()
            .position(|p| key(&p.name) == wanted)
    };
    let mission = |title: &str| {
        let wanted = key(title);
        state
            .team
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
            // A draft of a day that has an entry was that entry, reopened.
            let who = person(name)?;
            let mut form = match crate::date_input::parse(date, state.today) {
                Ok(day) => super::entry::open_for(state, who, day),
                Err(_) => EntryForm::new(who, state.today),
            };
            form.date = tui_input::Input::new(date.clone());
            // What the editor had written, when it was open, is the newer note.
            let note = editor_file
                .as_deref()
                .and_then(|f| store::read_note(f).ok())
                .map(|read| read.text)
                .unwrap_or_else(|| note.clone());
            form.set_note(&note);
            form.set_actions(actions.clone());
            Modal::Entry(Box::new(form))
        }
        Draft::Form { of, fields } => {
            let mut form = match of {
                FormOf::NewMission => Form::mission(FormKind::AddMission, &Mission::titled("")),
                FormOf::Mission(title) => {
                    let m = mission(title)?;
                    Form::mission(FormKind::EditMission(m), &state.team.missions[m])
                }
                FormOf::NewPerson => Form::person(FormKind::AddPerson, &Person::named("")),
                FormOf::Person(name) => {
                    let p = person(name)?;
                    Form::person(FormKind::EditPerson(p), &state.team.people[p])
                }
            };
            form.set_texts(fields);
            Modal::Form(Box::new(form))
        }
    })
}
