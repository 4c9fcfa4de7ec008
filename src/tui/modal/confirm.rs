//! A question that needs a yes or a no, and what a yes does.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{EntryForm, Form, Modal, Step};
use crate::edit;
use crate::tui::app::App;
use crate::tui::message::{Action, Effect};
use crate::tui::ui::boxed;
use crate::tui::update::apply;

#[derive(Debug)]
pub struct Confirm {
    pub title: String,
    pub lines: Vec<String>,
    pub on_yes: Pending,
}

/// What a confirmation does on yes.
#[derive(Debug)]
pub enum Pending {
    DeleteMission(usize),
    DeletePerson(usize),
    HandOverAnyway(usize),
    /// Drop the edits in this form (on no, it comes back).
    DiscardForm(Box<Form>),
    /// Quit although the last changes are not saved (they are kept aside).
    QuitUnsaved,
    /// Replace a file that exists with this text.
    Overwrite {
        path: PathBuf,
        text: String,
    },
    /// Drop a one-on-one entry being written (on no, it comes back).
    DiscardEntry(Box<EntryForm>),
    /// Restore the work a stop left in a recovery file (on no, set it aside).
    Recover(Box<crate::tui::recovery::Offer>),
}

impl Confirm {
    pub fn command(self, app: &mut App, action: Action) -> Step {
        match action {
            Action::Confirm => Step::done(confirmed(app, self.on_yes)),
            Action::Cancel => match self.on_yes {
                Pending::DiscardForm(form) => Step::stay(form),
                Pending::DiscardEntry(form) => Step::stay(form),
                Pending::Recover(offer) => Step::done(vec![Effect::SetAsideRecovery(offer.path)]),
                _ => Step::close(),
            },
            _ => Step::stay(self),
        }
    }

    pub fn draw(&self, app: &App, frame: &mut Frame, area: Rect) {
        let lines: Vec<Line> = self.lines.iter().map(|l| Line::raw(l.clone())).collect();
        boxed(app, &self.title, lines, frame, area, 70);
    }
}

fn confirmed(app: &mut App, pending: Pending) -> Vec<Effect> {
    match pending {
        Pending::DeleteMission(m) => {
            let change = edit::delete_mission(&app.team, m);
            apply(app, change)
        }
        Pending::DeletePerson(p) => {
            let change = edit::delete_person(&app.team, p);
            apply(app, change)
        }
        Pending::HandOverAnyway(m) => super::hand_over::hand_over(app, m),
        Pending::DiscardForm(_) | Pending::DiscardEntry(_) => Vec::new(),
        Pending::Recover(offer) => {
            let mut effects = match crate::tui::recovery::team_to_restore(&offer) {
                Some(team) => {
                    let change = edit::replace_all(&app.team, team, "restored the unsaved work");
                    apply(app, change)
                }
                None => Vec::new(),
            };
            let later = crate::tui::recovery::reopen(app, &offer.recovery.drafts);
            // Set aside first: the drafts for later go to a new recovery file.
            effects.push(Effect::SetAsideRecovery(offer.path));
            effects.extend(later);
            effects
        }
        Pending::Overwrite { path, text } => vec![Effect::WriteFile {
            path,
            text,
            overwrite: true,
        }],
        Pending::QuitUnsaved => vec![Effect::KeepMineAndQuit],
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
