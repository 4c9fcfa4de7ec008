//! `n`: writing a one-on-one entry — the date (today, editable), a note over many
//! lines (or written in $EDITOR), and action items, one per line.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::confirm::{Pending, ask};
use super::{Modal, Step};
use crate::edit;
use crate::model::{ActionItem, Date, LogEntry};
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::text::cut;
use crate::tui::widgets::{centered, modal_box};
use crate::tui::widgets::{date_echo, modal_hints, settled_date};

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
    /// The day the entry was opened: what `fri` or `-1w` are counted from.
    pub today: Date,
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
            today,
        }
    }

    pub fn next_field(&mut self) {
        self.settle_date();
        self.focus = match self.focus {
            EntryField::Date => EntryField::Note,
            EntryField::Note => EntryField::Actions,
            EntryField::Actions => EntryField::Date,
        };
    }

    /// Leaving the date: what was typed (`-1w`, `yesterday`) becomes the
    /// ISO date it means.
    fn settle_date(&mut self) {
        if self.focus == EntryField::Date
            && let Some(iso) = settled_date(self.date.value(), self.today)
        {
            self.date = Input::new(iso);
        }
    }

    pub fn prev_field(&mut self) {
        self.settle_date();
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

    /// What is typed, for the recovery file.
    pub fn draft(&self, team: &crate::model::Team) -> crate::store::Draft {
        crate::store::Draft::Entry {
            person: team
                .people
                .get(self.person)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            date: self.date.value().to_string(),
            note: self.note_text(),
            actions: self.actions.lines().to_vec(),
            editor_file: None,
        }
    }

    pub fn is_modified(&self, today: Date) -> bool {
        self.date.value() != today.to_string()
            || !self.note_text().trim().is_empty()
            || self.actions.lines().iter().any(|l| !l.trim().is_empty())
    }

    /// A key typed into the field in focus: Enter is a new line in the
    /// note and the actions, and moves on from the date.
    pub fn text(&mut self, mut key: KeyEvent) {
        self.error = None;
        // A line feed (Ctrl-J to the terminal; what Enter sends when the
        // terminal is not in raw mode, and what a paste holds) is a new line,
        // never the text area's "delete to the start of the line".
        if key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL {
            key = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        }
        match self.focus {
            EntryField::Date if key.code == KeyCode::Enter => self.next_field(),
            EntryField::Date => {
                self.date.handle_event(&Event::Key(key));
            }
            EntryField::Note => {
                self.note.input(key);
            }
            EntryField::Actions => {
                self.actions.input(key);
            }
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let form = self;
        let theme = state.theme;
        let name = crate::analysis::explain::person(&state.team, form.person);
        let rect = centered(area, 84, area.height.saturating_sub(2).clamp(10, 24));
        let inner = modal_box(
            state,
            frame,
            rect,
            &format!("One-on-one with {}", cut(&name, 40)),
        );
        let [date, note_label, note, actions_label, actions, hint, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(2),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let label = |text: &str, field: EntryField| {
            let style = if form.focus == field {
                theme.key()
            } else {
                theme.dim()
            };
            Span::styled(text.to_string(), style)
        };
        // The day the date field means, or why it means none.
        let typed = cut(form.date.value(), usize::from(date.width).saturating_sub(7));
        let room = usize::from(date.width).saturating_sub(7 + crate::text::width(&typed) + 2);
        let mut spans = vec![label("Date   ", EntryField::Date), Span::raw(typed)];
        if let Some(echo) = date_echo(state, form.date.value()) {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(cut(&echo.content, room), echo.style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), date);
        if form.focus == EntryField::Date {
            let x = date.x + 7 + form.date.visual_cursor() as u16;
            frame.set_cursor_position((x.min(date.right().saturating_sub(1)), date.y));
        }
        let editor = match &state.editor {
            Some(e) => format!(
                " ({} writes it in {})",
                state.keymap.key(Context::Entry, Action::OpenEditor),
                cut(e, 20)
            ),
            None => String::new(),
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                label("Note", EntryField::Note),
                Span::styled(editor, theme.dim()),
            ])),
            note_label,
        );
        frame.render_widget(&form.note, note);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                label("Action items", EntryField::Actions),
                Span::styled(" (one per line)", theme.dim()),
            ])),
            actions_label,
        );
        frame.render_widget(&form.actions, actions);
        let message = match &form.error {
            Some(error) => Line::styled(cut(error, usize::from(hint.width)), theme.error()),
            None => Line::styled(
                format!(
                    "Enter starts a new line; {} saves the entry.",
                    state.keymap.key(Context::Entry, Action::Confirm)
                ),
                theme.dim(),
            ),
        };
        frame.render_widget(Paragraph::new(message), hint);
        frame.render_widget(Paragraph::new(modal_hints(state, Context::Entry)), keys);
    }

    /// The entry the form describes, or why not. The date is any that
    /// [`crate::date_input`] reads, from the day the entry was opened.
    pub fn to_entry(&self) -> Result<LogEntry, String> {
        let date = crate::date_input::parse(self.date.value(), self.today)
            .map_err(|e| format!("Date: {e}"))?;
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
                mine: false,
                due: None,
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

/// `n`: today's entry for the selected person.
pub fn open(state: &State) -> Option<Modal> {
    let p = state.selected_person()?;
    Some(Modal::Entry(Box::new(EntryForm::new(p, state.today))))
}

pub fn command(mut form: Box<EntryForm>, state: &mut State, action: Action) -> Step {
    match action {
        Action::NextField => form.next_field(),
        Action::PrevField => form.prev_field(),
        Action::OpenEditor => {
            if state.editor.is_none() {
                state.tell(
                    NoticeKind::Warning,
                    "Set $EDITOR to write notes in your editor",
                );
                return Step::stay(form);
            }
            let text = form.note_text();
            return Step::stay(form).with(vec![Effect::EditNote(text)]);
        }
        Action::Cancel => {
            if !form.is_modified(state.today) {
                return Step::close();
            }
            let back = state.keymap.key(Context::Confirm, Action::Cancel);
            return Step {
                next: Some(ask(
                    "Drop this entry?",
                    vec![format!("What you wrote is lost. {back} goes back to it.")],
                    Pending::DiscardEntry(form),
                )),
                effects: Vec::new(),
            };
        }
        Action::Confirm if !state.can_change() => {
            let draft = form.draft(&state.team);
            return Step::stay(form).with(super::keep_typed(state, draft));
        }
        Action::Confirm => match form.to_entry() {
            Ok(entry) => {
                let change = edit::add_log_entry(&state.team, form.person, entry);
                match state.breaks_a_rule(&change) {
                    Some(reason) => form.error = Some(reason),
                    None => return Step::done(state.apply(change)),
                }
            }
            Err(reason) => form.error = Some(reason),
        },
        _ => {}
    }
    Step::stay(form)
}

/// The text $EDITOR gave back goes into the note of the open entry.
pub fn edited(
    state: &mut State,
    modal: &mut Option<Modal>,
    result: Result<crate::store::ReadNote, String>,
) {
    match (result, modal) {
        (Ok(read), Some(Modal::Entry(form))) => {
            form.set_note(&read.text);
            form.focus = EntryField::Actions;
            if let Some(kept) = read.kept {
                state.tell(
                    NoticeKind::Warning,
                    format!(
                        "The editor wrote text that is not UTF-8: it was read with \u{fffd} marks, \
                         and the exact bytes are kept in {}",
                        kept.display()
                    ),
                );
            }
        }
        (Err(e), _) => state.tell(NoticeKind::Error, format!("The editor did not finish: {e}")),
        _ => {}
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
        assert_eq!(
            form.to_entry().unwrap_err(),
            "Date: 2026-02-30: February 2026 has 28 days"
        );
    }

    #[test]
    fn the_date_is_read_as_people_type_it_and_shown_back_as_iso() {
        let mut form = EntryForm::new(0, today());
        form.set_note("x");
        for (typed, day) in [
            ("yesterday", "2026-11-27"),
            ("-1w", "2026-11-21"),
            ("2026-11-3", "2026-11-03"),
        ] {
            form.date = Input::new(typed.into());
            assert_eq!(
                form.to_entry().unwrap().date,
                day.parse::<Date>().unwrap(),
                "{typed}"
            );
        }
        form.focus = EntryField::Date;
        form.date = Input::new("-1w".into());
        form.next_field();
        assert_eq!(form.date.value(), "2026-11-21");
        assert_eq!(form.focus, EntryField::Note);
    }

    #[test]
    fn a_note_from_the_editor_shows_control_characters_as_placeholders() {
        let mut form = EntryForm::new(0, today());
        form.set_note("ok\x1b[2J\n");
        assert_eq!(form.note_text(), "ok␛[2J");
    }
}
