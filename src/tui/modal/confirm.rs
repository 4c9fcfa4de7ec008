//! A question that needs a yes or a no, and what a yes does.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{EntryForm, Form, Modal, Step};
use crate::edit::Change;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::State;
use crate::tui::widgets::boxed;

#[derive(Debug)]
pub struct Confirm {
    pub title: String,
    pub lines: Vec<String>,
    pub on_yes: Pending,
}

/// What a confirmation does on yes.
#[derive(Debug)]
pub enum Pending {
    /// Make this change (a deletion, a hand-over despite what is missing).
    /// Worked out when asked: nothing changes the team while a modal is
    /// open but a reload, which closes it.
    Apply(Box<Change>),
    /// Drop the edits in this form (on no, it comes back).
    DiscardForm(Box<Form>),
    /// Quit although the last changes are not saved (they are kept aside).
    QuitUnsaved,
    /// Quit, leaving the changes made to the sample (in memory) behind.
    LeaveSample,
    /// Replace a file that exists with this text.
    Overwrite { path: PathBuf, text: String },
    /// Drop a one-on-one entry being written (on no, it comes back).
    DiscardEntry(Box<EntryForm>),
}

impl Confirm {
    pub fn command(self, state: &mut State, action: Action) -> Step {
        match action {
            Action::Confirm => Step::done(confirmed(state, self.on_yes)),
            Action::Cancel => match self.on_yes {
                Pending::DiscardForm(form) => Step::stay(form),
                Pending::DiscardEntry(form) => Step::stay(form),
                _ => Step::close(),
            },
            _ => Step::stay(self),
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let lines: Vec<Line> = self.lines.iter().map(|l| Line::raw(l.clone())).collect();
        boxed(state, Context::Confirm, &self.title, lines, frame, area, 70);
    }
}

fn confirmed(state: &mut State, pending: Pending) -> Vec<Effect> {
    match pending {
        Pending::Apply(change) => state.apply(*change),
        Pending::DiscardForm(_) | Pending::DiscardEntry(_) => Vec::new(),
        Pending::Overwrite { path, text } => vec![Effect::WriteFile {
            path,
            text,
            overwrite: true,
        }],
        Pending::QuitUnsaved => vec![Effect::KeepMineAndQuit],
        Pending::LeaveSample => {
            state.quit = true;
            Vec::new()
        }
    }
}

/// Opens a confirmation (the modal to show next).
pub fn ask(title: impl Into<String>, lines: Vec<String>, on_yes: Pending) -> Modal {
    Modal::Confirm(Confirm {
        title: title.into(),
        lines,
        on_yes,
    })
}
