//! The modals over the views. Each lives in one file with its state, what
//! it does with a key, and how it is drawn; this enum dispatches to them.
//! Adding a modal touches its own file and this enum.

pub mod actions;
pub mod confirm;
pub mod conflict;
pub mod entry;
pub mod export;
pub mod form;
pub mod hand_over;
pub mod help;
pub mod history;
pub mod messages;
pub mod picker;
pub mod restore;
pub mod welcome;
pub mod what_it_takes;
pub mod whatif;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

pub use self::actions::ActionItems;
pub use self::confirm::{Confirm, Pending};
pub use self::conflict::Conflict;
pub use self::entry::EntryForm;
pub use self::export::Export;
pub use self::form::Form;
pub use self::hand_over::HandOver;
pub use self::help::Help;
pub use self::history::History;
pub use self::messages::Messages;
pub use self::picker::Picker;
pub use self::restore::Restore;
pub use self::welcome::Welcome;
pub use self::what_it_takes::WhatItTakes;
pub use self::whatif::WhatIfModal;

use super::keymap::Context;
use super::message::{Action, Effect};
use super::state::State;
use crate::model::{Date, Team};
use crate::store::{Draft, Recovery};

#[derive(Debug)]
pub enum Modal {
    Help(Help),
    Form(Box<Form>),
    Picker(Box<Picker>),
    /// The three conditions of a mission about to be handed over.
    HandOver(HandOver),
    Confirm(Confirm),
    /// The file changed on disk behind the state.
    Conflict(Conflict),
    /// Writing a one-on-one entry.
    Entry(Box<EntryForm>),
    /// A person's action items, open first; Space ticks one.
    Actions(ActionItems),
    /// Where to write the agenda.
    Export(Export),
    /// Work an earlier stop left unsaved, offered back at start.
    Restore(Restore),
    /// First start: no team file yet.
    Welcome(Welcome),
    /// The ways out of a blocked or at-risk mission.
    WhatItTakes(WhatItTakes),
    /// What if a person leaves.
    WhatIf(WhatIfModal),
    /// The message log.
    Messages(Messages),
    /// A person's one-on-ones, each in full: edit or delete one.
    History(History),
}

/// What follows a key in a modal: the modal as it stays open (or none:
/// it closes), and what the runtime is asked to do.
#[must_use]
pub struct Step {
    pub next: Option<Modal>,
    pub effects: Vec<Effect>,
}

impl Step {
    pub fn stay(modal: impl Into<Modal>) -> Step {
        Step {
            next: Some(modal.into()),
            effects: Vec::new(),
        }
    }

    pub fn close() -> Step {
        Step {
            next: None,
            effects: Vec::new(),
        }
    }

    /// Closes, asking the runtime for these effects.
    pub fn done(effects: Vec<Effect>) -> Step {
        Step {
            next: None,
            effects,
        }
    }

    pub fn with(mut self, effects: Vec<Effect>) -> Step {
        self.effects.extend(effects);
        self
    }
}

impl Modal {
    /// The keymap context of the modal, and whether keys bound there are
    /// the only commands (the others being text for a field).
    pub fn context(&self) -> (Context, bool) {
        match self {
            Modal::Help(_) => (Context::Help, false),
            Modal::Welcome(m) => m.context(),
            Modal::WhatItTakes(_) => (Context::Options, false),
            Modal::WhatIf(_) => (Context::WhatIf, false),
            Modal::Messages(_) => (Context::Messages, false),
            Modal::Form(_) => (Context::Form, true),
            Modal::Export(_) => (Context::Prompt, true),
            Modal::Entry(_) => (Context::Entry, true),
            Modal::Actions(_) => (Context::Actions, false),
            Modal::History(_) => (Context::History, false),
            Modal::Picker(_) => (Context::Picker, true),
            Modal::HandOver(m) => m.context(),
            Modal::Confirm(_) | Modal::Conflict(_) | Modal::Restore(_) => (Context::Confirm, false),
        }
    }

    /// A command while the modal is open.
    pub fn command(self, state: &mut State, action: Action) -> Step {
        match self {
            Modal::Help(m) => m.command(action),
            Modal::Restore(m) => m.command(state, action),
            Modal::Welcome(m) => m.command(state, action),
            Modal::WhatItTakes(m) => m.command(state, action),
            Modal::WhatIf(m) => m.command(action),
            Modal::Messages(m) => m.command(action),
            Modal::Form(m) => form::command(m, state, action),
            Modal::Picker(m) => picker::command(m, state, action),
            Modal::HandOver(m) => m.command(state, action),
            Modal::Confirm(m) => m.command(state, action),
            Modal::Conflict(m) => m.command(state, action),
            Modal::Entry(m) => entry::command(m, state, action),
            Modal::Actions(m) => m.command(state, action),
            Modal::History(m) => m.command(state, action),
            Modal::Export(m) => m.command(state, action),
        }
    }

    /// A key typed into the modal's text field, if it has one.
    pub fn text(&mut self, key: KeyEvent) {
        match self {
            Modal::Form(m) => m.text(key),
            Modal::Picker(m) => m.text(key),
            Modal::Entry(m) => m.text(key),
            Modal::Export(m) => m.text(key),
            Modal::Welcome(m) => m.text(key),
            Modal::HandOver(m) => m.text(key),
            Modal::Help(_)
            | Modal::Confirm(_)
            | Modal::Conflict(_)
            | Modal::Actions(_)
            | Modal::History(_)
            | Modal::Restore(_)
            | Modal::WhatItTakes(_)
            | Modal::WhatIf(_)
            | Modal::Messages(_) => {}
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        match self {
            Modal::Help(m) => m.draw(state, frame, area),
            Modal::Form(m) => m.draw(state, frame, area),
            Modal::Picker(m) => m.draw(state, frame, area),
            Modal::HandOver(m) => m.draw(state, frame, area),
            Modal::Confirm(m) => m.draw(state, frame, area),
            Modal::Conflict(m) => m.draw(state, frame, area),
            Modal::Entry(m) => m.draw(state, frame, area),
            Modal::Actions(m) => m.draw(state, frame, area),
            Modal::Export(m) => m.draw(state, frame, area),
            Modal::Restore(m) => m.draw(state, frame, area),
            Modal::Welcome(m) => m.draw(state, frame, area),
            Modal::WhatItTakes(m) => m.draw(state, frame, area),
            Modal::WhatIf(m) => m.draw(state, frame, area),
            Modal::Messages(m) => m.draw(state, frame, area),
            Modal::History(m) => m.draw(state, frame, area),
        }
    }

    /// The text being typed, if any: an entry or a form (also while the
    /// app asks whether to drop it).
    pub fn draft(&self, team: &Team, today: Date) -> Option<Draft> {
        match self {
            Modal::Entry(form) if form.is_modified(today) => Some(form.draft(team)),
            Modal::Form(form) if form.is_modified() => Some(form.draft(team)),
            Modal::Confirm(Confirm {
                on_yes: Pending::DiscardEntry(form),
                ..
            }) => Some(form.draft(team)),
            Modal::Confirm(Confirm {
                on_yes: Pending::DiscardForm(form),
                ..
            }) => Some(form.draft(team)),
            _ => None,
        }
    }

    /// Holds words or a decision that a conflict dialog or a reload must
    /// not sweep away: text being typed (also while "drop it?" is asked),
    /// a path being typed, the offer to restore unsaved work.
    pub fn holds_work(&self) -> bool {
        matches!(
            self,
            Modal::Export(_)
                | Modal::Form(_)
                | Modal::Entry(_)
                | Modal::Restore(_)
                | Modal::Confirm(Confirm {
                    on_yes: Pending::DiscardEntry(_) | Pending::DiscardForm(_),
                    ..
                })
        )
    }
}

/// Typed text a read-only file cannot take: kept in the recovery file
/// (the form stays open until it is).
fn keep_typed(state: &State, draft: Draft) -> Vec<Effect> {
    vec![Effect::KeepDraft(Box::new(Recovery {
        based_on: state.base(),
        team: None,
        drafts: vec![draft],
    }))]
}

impl From<Help> for Modal {
    fn from(m: Help) -> Self {
        Modal::Help(m)
    }
}
impl From<Form> for Modal {
    fn from(m: Form) -> Self {
        Modal::Form(Box::new(m))
    }
}
impl From<Box<Form>> for Modal {
    fn from(m: Box<Form>) -> Self {
        Modal::Form(m)
    }
}
impl From<Picker> for Modal {
    fn from(m: Picker) -> Self {
        Modal::Picker(Box::new(m))
    }
}
impl From<Box<Picker>> for Modal {
    fn from(m: Box<Picker>) -> Self {
        Modal::Picker(m)
    }
}
impl From<HandOver> for Modal {
    fn from(m: HandOver) -> Self {
        Modal::HandOver(m)
    }
}
impl From<Confirm> for Modal {
    fn from(m: Confirm) -> Self {
        Modal::Confirm(m)
    }
}
impl From<Conflict> for Modal {
    fn from(m: Conflict) -> Self {
        Modal::Conflict(m)
    }
}
impl From<EntryForm> for Modal {
    fn from(m: EntryForm) -> Self {
        Modal::Entry(Box::new(m))
    }
}
impl From<Box<EntryForm>> for Modal {
    fn from(m: Box<EntryForm>) -> Self {
        Modal::Entry(m)
    }
}
impl From<ActionItems> for Modal {
    fn from(m: ActionItems) -> Self {
        Modal::Actions(m)
    }
}
impl From<Restore> for Modal {
    fn from(m: Restore) -> Self {
        Modal::Restore(m)
    }
}
impl From<Welcome> for Modal {
    fn from(m: Welcome) -> Self {
        Modal::Welcome(m)
    }
}
impl From<History> for Modal {
    fn from(m: History) -> Self {
        Modal::History(m)
    }
}
impl From<WhatItTakes> for Modal {
    fn from(m: WhatItTakes) -> Self {
        Modal::WhatItTakes(m)
    }
}
impl From<WhatIfModal> for Modal {
    fn from(m: WhatIfModal) -> Self {
        Modal::WhatIf(m)
    }
}
impl From<Messages> for Modal {
    fn from(m: Messages) -> Self {
        Modal::Messages(m)
    }
}
impl From<Export> for Modal {
    fn from(m: Export) -> Self {
        Modal::Export(m)
    }
}
