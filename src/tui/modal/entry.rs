//! `n`: the meeting screen — the person's agenda beside (or above) the
//! entry being written: the date (today, editable), a note over many lines
//! (or written in $EDITOR), and action items, one per line. Today's entry
//! reopens instead of starting a second one; a past entry opens the same
//! way from the history.
//!
//! An action item line says whose it is and when it is due in its words:
//! `me: Share the runbook @ fri` is the manager's own, due next Friday (any
//! typed-date form); `done: ` before it marks one already ticked.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::confirm::{Pending, ask};
use super::{Modal, Step};
use crate::edit;
use crate::model::{ActionItem, Date, LogEntry};
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::settled_date;
use crate::tui::widgets::text::cut;

/// From this width the agenda and the entry stand side by side.
pub const SIDE_BY_SIDE: u16 = 100;

/// Starts an action item line that is the manager's own.
pub const MINE: &str = "me:";
/// Starts an action item line already ticked.
pub const DONE: &str = "done:";
/// Comes before an action item's due date.
pub const DUE: &str = "@";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryField {
    Date,
    Note,
    Actions,
}

#[derive(Debug)]
pub struct EntryForm {
    pub person: usize,
    /// The entry of the person's log being edited; none for a new one.
    pub editing: Option<usize>,
    pub date: Input,
    pub note: TextArea<'static>,
    pub actions: TextArea<'static>,
    pub focus: EntryField,
    pub error: Option<String>,
    /// The day the entry was opened: what `fri` or `-1w` are counted from.
    pub today: Date,
    /// How far the agenda beside the entry is scrolled down.
    pub agenda_scroll: u16,
    /// What the fields held when the form opened, to tell a change.
    initial: (String, String, Vec<String>),
}

fn text_area(lines: Vec<String>, placeholder: &str) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_placeholder_text(placeholder.to_string());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::new());
    // Writing goes on where the text ends.
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

const NOTE_PLACEHOLDER: &str = "What was said: how they are, what they want, what you agreed";
const ACTIONS_PLACEHOLDER: &str = "One action item per line";

impl EntryForm {
    pub fn new(person: usize, today: Date) -> Self {
        let mut form = EntryForm {
            person,
            editing: None,
            date: Input::new(today.to_string()),
            note: text_area(vec![String::new()], NOTE_PLACEHOLDER),
            actions: text_area(vec![String::new()], ACTIONS_PLACEHOLDER),
            focus: EntryField::Note,
            error: None,
            today,
            agenda_scroll: 0,
            initial: Default::default(),
        };
        form.initial = form.snapshot();
        form
    }

    /// The form over an entry of the log, to change it.
    pub fn editing(person: usize, index: usize, entry: &LogEntry) -> Self {
        let mut form = EntryForm::new(person, entry.date);
        form.editing = Some(index);
        form.set_note(&entry.note);
        form.actions = text_area(
            entry.actions.iter().map(action_line).collect(),
            ACTIONS_PLACEHOLDER,
        );
        form.initial = form.snapshot();
        form
    }

    fn snapshot(&self) -> (String, String, Vec<String>) {
        (
            self.date.value().trim().to_string(),
            self.note_text().trim().to_string(),
            self.action_lines(),
        )
    }

    fn action_lines(&self) -> Vec<String> {
        self.actions
            .lines()
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
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
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        self.note = text_area(lines, NOTE_PLACEHOLDER);
    }

    /// Replaces the action item lines (a draft brought back).
    pub fn set_actions(&mut self, lines: Vec<String>) {
        let lines = if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        };
        self.actions = text_area(lines, ACTIONS_PLACEHOLDER);
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

    /// Anything typed since the form opened (a new entry: anything at all
    /// but today's date).
    pub fn is_modified(&self, _today: Date) -> bool {
        self.snapshot() != self.initial
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
        // The meeting screen takes the body of the app: the tab bar stays
        // above it and the status bar (saved, notices, the keys) below.
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(3),
            ..area
        };
        frame.render_widget(Clear, body);
        let [agenda, entry] = if area.width >= SIDE_BY_SIDE {
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body)
        } else {
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body)
        };
        self.draw_agenda(state, frame, agenda);
        self.draw_entry(state, frame, entry);
    }

    fn draw_agenda(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let agenda =
            crate::agenda::Agenda::on(&state.team, &state.analysis, self.person, state.today);
        // The frame takes a column each side.
        let width = usize::from(area.width.saturating_sub(2));
        let lines = crate::tui::widgets::agenda::wrapped(&agenda, theme, width);
        let scroll = self.agenda_scroll.min(lines.len().saturating_sub(1) as u16);
        let keys = format!(
            " {}/{} scrolls ",
            state.keymap.key(Context::Entry, Action::ScrollDown),
            state.keymap.key(Context::Entry, Action::ScrollUp)
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(Span::styled(" Agenda ", theme.title()))
            .title_bottom(Line::styled(keys, theme.dim()).right_aligned());
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0)),
            area,
        );
    }

    fn draw_entry(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let name = crate::analysis::explain::person(&state.team, self.person);
        let title = match self.editing {
            Some(_) => format!(" One-on-one with {}: reopened ", cut(&name, 30)),
            None => format!(" One-on-one with {} ", cut(&name, 30)),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.title())
            .title(Span::styled(title, theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [date, note_label, note, actions_label, syntax, actions, hint] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(2),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let message = match &self.error {
            Some(error) => Line::styled(cut(error, usize::from(hint.width)), theme.error()),
            None => Line::styled(
                cut(
                    &format!(
                        "Enter: a new line. {} saves, {} closes.",
                        state.keymap.key(Context::Entry, Action::Confirm),
                        state.keymap.key(Context::Entry, Action::Cancel)
                    ),
                    usize::from(hint.width),
                ),
                theme.dim(),
            ),
        };
        frame.render_widget(Paragraph::new(message), hint);
        // The field in focus: a mark before its label, its label as a key,
        // the cursor in it; the others dim and without a cursor.
        let label = |text: &str, field: EntryField| {
            if self.focus == field {
                Span::styled(format!("▸ {text}"), theme.key())
            } else {
                Span::styled(format!("  {text}"), theme.dim())
            }
        };
        let width = usize::from(date.width);
        let shown = match crate::date_input::parse(self.date.value(), state.today) {
            Ok(day) if day.to_string() != self.date.value().trim() => {
                format!("  → {}", crate::date_input::shown(day, state.today))
            }
            _ => String::new(),
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                label("Date   ", EntryField::Date),
                Span::raw(cut(self.date.value(), width.saturating_sub(9))),
                Span::styled(shown, theme.dim()),
            ])),
            date,
        );
        if self.focus == EntryField::Date {
            let x = date.x + 9 + self.date.visual_cursor() as u16;
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
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                label("Action items", EntryField::Actions),
                Span::styled(" (one per line)", theme.dim()),
            ])),
            actions_label,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(
                cut(
                    &format!("  {MINE} yours · {DUE} fri or {DUE} 2027-01-05: due · {DONE} ticked"),
                    usize::from(syntax.width),
                ),
                theme.dim(),
            )),
            syntax,
        );
        let indent = |r: Rect| Rect {
            x: r.x + 2,
            width: r.width.saturating_sub(2),
            ..r
        };
        for (field, area, rect) in [
            (EntryField::Note, &self.note, indent(note)),
            (EntryField::Actions, &self.actions, indent(actions)),
        ] {
            let focused = self.focus == field;
            let mut area = area.clone();
            area.set_cursor_style(if focused {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            });
            frame.render_widget(&area, rect);
            if focused {
                let cursor = area.screen_cursor();
                let (top, left) = area.scroll_offset();
                let x = rect.x + (cursor.col as u16).saturating_sub(left);
                let y = rect.y + (cursor.row as u16).saturating_sub(top);
                if x < rect.right() && y < rect.bottom() {
                    frame.set_cursor_position((x, y));
                }
            }
        }
    }

    /// The entry the form describes, or why not.
    pub fn to_entry(&self, today: Date) -> Result<LogEntry, String> {
        let date =
            crate::date_input::parse(self.date.value(), today).map_err(|e| format!("Date: {e}"))?;
        let note = self.note_text().trim().to_string();
        let actions = self
            .action_lines()
            .iter()
            .enumerate()
            .map(|(n, line)| {
                parse_action(line, today).map_err(|e| format!("Action item {}: {e}", n + 1))
            })
            .collect::<Result<Vec<_>, _>>()?;
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

/// Strips `prefix` from the start of `text`, in any case.
fn strip_word<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text[prefix.len()..].trim_start())
}

/// One action item line: `[done:] [me:] what [@ when]`.
pub fn parse_action(line: &str, today: Date) -> Result<ActionItem, String> {
    let mut text = line.trim();
    let done = strip_word(text, DONE).inspect(|rest| text = rest).is_some();
    let mine = strip_word(text, MINE).inspect(|rest| text = rest).is_some();
    // The due date follows the last `@` that starts a word: an address
    // (`ana@example.com`) is text.
    let at = text
        .char_indices()
        .filter(|&(i, c)| c == '@' && (i == 0 || text[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i)
        .next_back();
    let mut due = None;
    if let Some(at) = at {
        let when = &text[at + DUE.len()..];
        due = Some(crate::date_input::parse(when, today).map_err(|e| e.to_string())?);
        text = text[..at].trim_end();
    }
    if text.is_empty() {
        return Err("say what is to be done".to_string());
    }
    Ok(ActionItem {
        text: text.to_string(),
        done,
        mine,
        due,
    })
}

/// An action item as a line of the form: what [`parse_action`] reads back.
pub fn action_line(action: &ActionItem) -> String {
    let mut line = String::new();
    if action.done {
        line.push_str(DONE);
        line.push(' ');
    }
    if action.mine {
        line.push_str(MINE);
        line.push(' ');
    }
    line.push_str(action.text.trim());
    if let Some(due) = action.due {
        line.push_str(&format!(" {DUE} {due}"));
    }
    line
}

/// `n`: today's entry for the selected person — the one already written
/// today, reopened, or a new one.
pub fn open(state: &State) -> Option<Modal> {
    let p = state.selected_person()?;
    Some(open_for(state, p, state.today).into())
}

/// The form for `person`'s entry on `date`: the one in the log, or a new one.
pub fn open_for(state: &State, person: usize, date: Date) -> EntryForm {
    let log = &state.team.people[person].log;
    match log.iter().rposition(|e| e.date == date) {
        Some(i) => EntryForm::editing(person, i, &log[i]),
        None => {
            let mut form = EntryForm::new(person, state.today);
            form.date = Input::new(date.to_string());
            form.initial = form.snapshot();
            form
        }
    }
}

pub fn command(mut form: Box<EntryForm>, state: &mut State, action: Action) -> Step {
    match action {
        Action::NextField => form.next_field(),
        Action::PrevField => form.prev_field(),
        Action::ScrollDown => form.agenda_scroll = form.agenda_scroll.saturating_add(5),
        Action::ScrollUp => form.agenda_scroll = form.agenda_scroll.saturating_sub(5),
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
            let question = if form.editing.is_some() {
                "Drop these changes?"
            } else {
                "Drop this entry?"
            };
            return Step {
                next: Some(ask(
                    question,
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
        Action::Confirm => match form.to_entry(state.today) {
            Ok(entry) => {
                let log = &state.team.people[form.person].log;
                let clash = log
                    .iter()
                    .enumerate()
                    .any(|(i, e)| e.date == entry.date && Some(i) != form.editing);
                if clash {
                    form.error = Some(format!(
                        "There is already an entry on {}: change the date, or open that one from the history",
                        entry.date
                    ));
                    return Step::stay(form);
                }
                let change = match form.editing {
                    Some(i) => edit::replace_log_entry(&state.team, form.person, i, entry),
                    None => edit::add_log_entry(&state.team, form.person, entry),
                };
                if change.is_empty() {
                    return Step::close();
                }
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
        form.set_actions(vec![
            "Share the runbook".into(),
            "  ".into(),
            " Book a pairing slot ".into(),
        ]);
        let entry = form.to_entry(today()).unwrap();
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
        assert!(
            form.to_entry(today())
                .unwrap_err()
                .starts_with("Write a note")
        );
        assert!(!form.is_modified(today()));
        let mut form = EntryForm::new(0, today());
        form.set_note("x");
        form.date = Input::new("2026-02-30".into());
        assert!(form.to_entry(today()).unwrap_err().starts_with("Date:"));
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
                form.to_entry(today()).unwrap().date,
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
