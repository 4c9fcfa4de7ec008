//! The app: its state, and the modal open over it (if any). Only `update`
//! changes it; views read it.

use std::ops::Deref;

use crossterm::event::{KeyEvent, KeyEventKind};

use super::keymap::{Context, Keymap};
use super::message::Message;
pub use super::modal::{Confirm, Modal, Pending};
pub use super::planner::{PlanState, Proposal};
pub use super::state::{
    FileState, MatrixView, MissionsView, Notice, NoticeKind, OneOnOneView, PeopleView, PlanView,
    SaveState, State,
};
use super::theme::Theme;
use crate::model::{Date, Team};

#[derive(Debug)]
pub struct App {
    pub(crate) state: State,
    pub(crate) modal: Option<Modal>,
}

/// The app reads as its state (`app.team()`, `app.view`); changes go
/// through `app.state` or the modal, by name.
impl Deref for App {
    type Target = State;
    fn deref(&self) -> &State {
        &self.state
    }
}

/// A key that types a character: no Ctrl or Alt (Shift makes capitals).
fn is_typed_character(key: &KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
}

impl App {
    pub fn new(team: Team, file: FileState, keymap: Keymap, theme: Theme, today: Date) -> Self {
        App {
            state: State::new(team, file, keymap, theme, today),
            modal: None,
        }
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The keymap contexts in force, innermost first, and whether other
    /// keys are text for a field.
    pub fn contexts(&self) -> (Vec<Context>, bool) {
        match &self.modal {
            Some(modal) => {
                let (context, text) = modal.context();
                (vec![context], text)
            }
            None if self.list().is_some_and(|l| l.filtering) => (vec![Context::Filter], true),
            None => (self.view_contexts(), false),
        }
    }

    /// The message a key press stands for, if any.
    pub fn message_for(&self, key: KeyEvent) -> Option<Message> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let (contexts, text) = self.contexts();
        // Where text is typed, a letter is always text, whatever keys.ron
        // binds to it: a note must be able to hold every word.
        if text && is_typed_character(&key) {
            return Some(Message::Input(key));
        }
        match self.keymap.resolve(&contexts, &key) {
            Some(action) => Some(Message::Action(action)),
            None if text => Some(Message::Input(key)),
            None => None,
        }
    }

    /// Selects a mission in the Missions list (showing it, whatever filter).
    pub fn select_mission(&mut self, mission: usize) {
        self.state.select_mission(mission);
    }

    /// Selects a person in the list the People, Matrix and One-on-one views share.
    pub fn select_person(&mut self, person: usize) {
        self.state.select_person(person);
    }

    /// The editor for long notes (`$EDITOR` at start).
    pub fn set_editor(&mut self, editor: Option<String>) {
        self.state.editor = editor;
    }

    /// The keys in force (`keys.ron` at start).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.state.keymap = keymap;
    }

    /// The settings (`config.ron` at start).
    pub fn set_settings(&mut self, settings: super::settings::Settings) {
        self.state.settings = settings;
        // `is:due-soon` follows `due_soon_days`.
        self.state.refilter_missions();
    }
}
