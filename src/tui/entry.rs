//! The one-on-one entry form: the date (today, editable), a note over many
//! lines (or written in $EDITOR), and action items, one per line.

use ratatui_textarea::TextArea;
use tui_input::Input;

use crate::model::{ActionItem, Date, LogEntry};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryField {
    Date,
    Note,
    Actions,
}

#[derive(Debug)]
pub struct EntryForm {
    pub person: usize,
    pub date: Input,
    pub note: TextArea<'static>,
    pub actions: TextArea<'static>,
    pub focus: EntryField,
    pub error: Option<String>,
}

impl EntryForm {
    pub fn new(person: usize, today: Date) -> Self {
        let mut note = TextArea::default();
        note.set_placeholder_text("What was said: how they are, what they want, what you agreed");
        let mut actions = TextArea::default();
        actions.set_placeholder_text("One action item per line");
        EntryForm {
            person,
            date: Input::new(today.to_string()),
            note,
            actions,
            focus: EntryField::Note,
            error: None,
        }
    }

    pub fn next_field(&mut self) {
        self.focus = match self.focus {
            EntryField::Date => EntryField::Note,
            EntryField::Note => EntryField::Actions,
            EntryField::Actions => EntryField::Date,
        };
    }

    pub fn prev_field(&mut self) {
        self.focus = match self.focus {
            EntryField::Date => EntryField::Actions,
            EntryField::Note => EntryField::Date,
            EntryField::Actions => EntryField::Note,
        };
    }

    pub fn note_text(&self) -> String {
        self.note.lines().join("\n")
    }

    /// Replaces the note (from $EDITOR), keeping it on screen as typed text.
    pub fn set_note(&mut self, text: &str) {
        let text = crate::text::clean_multiline(text.trim_end());
        self.note = TextArea::new(text.lines().map(str::to_string).collect());
        // Writing goes on where the text ends.
        self.note.move_cursor(ratatui_textarea::CursorMove::Bottom);
        self.note.move_cursor(ratatui_textarea::CursorMove::End);
    }

    pub fn is_modified(&self, today: Date) -> bool {
        self.date.value() != today.to_string()
            || !self.note_text().trim().is_empty()
            || self.actions.lines().iter().any(|l| !l.trim().is_empty())
    }

    /// The entry the form describes, or why not.
    pub fn to_entry(&self) -> Result<LogEntry, String> {
        let date: Date = self.date.value().trim().parse().map_err(|_| {
            format!(
                "Date: \"{}\" is not a date like 2026-11-28",
                self.date.value().trim()
            )
        })?;
        let note = self.note_text().trim().to_string();
        let actions: Vec<ActionItem> = self
            .actions
            .lines()
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(|text| ActionItem {
                text: text.to_string(),
                done: false,
            })
            .collect();
        if note.is_empty() && actions.is_empty() {
            return Err("Write a note or an action item first".to_string());
        }
        Ok(LogEntry {
            date,
            note,
            actions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        "2026-11-28".parse().unwrap()
    }

    #[test]
    fn an_entry_has_a_date_a_note_and_one_action_per_line() {
        let mut form = EntryForm::new(0, today());
        form.set_note("Talked about the migration.\nWants more design work.\n\n");
        form.actions = TextArea::new(vec![
            "Share the runbook".into(),
            "  ".into(),
            " Book a pairing slot ".into(),
        ]);
        let entry = form.to_entry().unwrap();
        assert_eq!(entry.date, today());
        assert_eq!(
            entry.note,
            "Talked about the migration.\nWants more design work."
        );
        let texts: Vec<&str> = entry.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["Share the runbook", "Book a pairing slot"]);
        assert!(entry.actions.iter().all(|a| !a.done));
    }

    #[test]
    fn an_empty_entry_or_a_bad_date_is_refused() {
        let form = EntryForm::new(0, today());
        assert!(form.to_entry().unwrap_err().starts_with("Write a note"));
        assert!(!form.is_modified(today()));
        let mut form = EntryForm::new(0, today());
        form.set_note("x");
        form.date = Input::new("2026-02-30".into());
        assert!(form.to_entry().unwrap_err().starts_with("Date:"));
    }

    #[test]
    fn a_note_from_the_editor_shows_control_characters_as_placeholders() {
        let mut form = EntryForm::new(0, today());
        form.set_note("ok\x1b[2J\n");
        assert_eq!(form.note_text(), "ok␛[2J");
    }
}
