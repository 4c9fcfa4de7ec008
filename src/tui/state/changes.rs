//! Changes of the team made in the app: applied, recorded for undo, and
//! handed to the saver (as effects: nothing here touches the disk).

use super::{NoticeKind, SaveState, State};
use crate::edit::Change;
use crate::text::capitalise;
use crate::tui::message::Effect;

impl State {
    /// Applies a change the user made: it is recorded for undo and saved.
    pub fn apply(&mut self, change: Change) -> Vec<Effect> {
        if change.is_empty() {
            self.tell(NoticeKind::Info, "Nothing changed");
            return Vec::new();
        }
        if !self.can_change() {
            self.tell(
                NoticeKind::Error,
                "Read-only: you cannot write this file, so nothing was changed",
            );
            return Vec::new();
        }
        change.apply(&mut self.team);
        self.tell(NoticeKind::Info, capitalise(&change.summary));
        let effects = self.changed(&change);
        self.undo.push(change);
        self.redo.clear();
        effects
    }

    /// Why a change would break a rule of the file (tried on the team, then
    /// taken back), if it would: forms and entries are refused with it.
    pub fn breaks_a_rule(&mut self, change: &Change) -> Option<String> {
        change.apply(&mut self.team);
        let problems = crate::model::validate::validate(&self.team);
        change.inverse().apply(&mut self.team);
        let problem = problems.into_iter().next()?;
        let hint = problem.hint.map(|h| format!(" — {h}")).unwrap_or_default();
        // The form is about the subject already; say what is wrong with it.
        Some(format!("{}{hint}", capitalise(&problem.message)))
    }

    /// Takes the last change back.
    pub fn undo_last(&mut self) -> Vec<Effect> {
        let Some(change) = self.undo.pop() else {
            self.tell(NoticeKind::Info, "Nothing to undo");
            return Vec::new();
        };
        let inverse = change.inverse();
        inverse.apply(&mut self.team);
        self.tell(NoticeKind::Info, format!("Undid: {}", change.summary));
        self.redo.push(change);
        self.changed(&inverse)
    }

    /// Makes the last change taken back again.
    pub fn redo_last(&mut self) -> Vec<Effect> {
        let Some(change) = self.redo.pop() else {
            self.tell(NoticeKind::Info, "Nothing to redo");
            return Vec::new();
        };
        change.apply(&mut self.team);
        self.tell(NoticeKind::Info, format!("Redid: {}", change.summary));
        let effects = self.changed(&change);
        self.undo.push(change);
        effects
    }

    /// After any change of the team: analyse again and save — unless the
    /// file changed behind the app, which is then asked about.
    fn changed(&mut self, change: &Change) -> Vec<Effect> {
        self.generation += 1;
        self.refresh_after(change);
        match self.file.save {
            SaveState::Conflict => {
                self.ask_about_conflict = true;
                return Vec::new();
            }
            // The sample lives in memory until it is kept.
            SaveState::Sample => return Vec::new(),
            SaveState::Saved | SaveState::Failed(_) => {}
        }
        self.unsaved += 1;
        vec![Effect::Save(change.clone())]
    }
}
