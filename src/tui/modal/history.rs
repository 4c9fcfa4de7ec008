//! `L`: a person's one-on-one history — every entry, newest first, read in
//! full beside the list (scrolled), edited in the meeting screen or deleted
//! (asks first; one undo brings it back).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::confirm::{Pending, ask};
use super::{EntryForm, Modal, Step};
use crate::edit;
use crate::model::LogEntry;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::state::{NoticeKind, State};
use crate::tui::theme::Theme;
use crate::tui::widgets::modal_box;
use crate::tui::widgets::text::cut;

#[derive(Debug)]
pub struct History {
    pub person: usize,
    /// The entry selected, counted from the newest.
    pub selected: usize,
    /// How far the selected entry's text is scrolled down.
    pub scroll: u16,
}

/// The history of the selected person, or a notice when there is none.
pub fn open(state: &mut State) -> Option<Modal> {
    let person = state.selected_person()?;
    if state.team.people[person].log.is_empty() {
        let new = state.keymap.key(Context::OneOnOne, Action::NewEntry);
        state.tell(
            NoticeKind::Info,
            format!("No one-on-ones yet: {new} starts today's"),
        );
        return None;
    }
    Some(Modal::History(History {
        person,
        selected: 0,
        scroll: 0,
    }))
}

impl History {
    /// The index in the log of the selected entry (the log is oldest first).
    fn entry(&self, state: &State) -> Option<usize> {
        let len = state.team.people.get(self.person)?.log.len();
        (self.selected < len).then(|| len - 1 - self.selected)
    }

    pub fn command(mut self, state: &mut State, action: Action) -> Step {
        let len = state.team.people[self.person].log.len();
        match action {
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                self.scroll = 0;
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(len.saturating_sub(1));
                self.scroll = 0;
            }
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(5),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(5),
            Action::Cancel => return Step::close(),
            Action::Toggle => {
                if let Some(e) = self.entry(state)
                    && let Some(actions) = super::actions::for_entry(state, self.person, e)
                {
                    return Step::stay(actions);
                }
            }
            Action::Edit => {
                if let Some(e) = self.entry(state) {
                    let log = &state.team.people[self.person].log;
                    return Step::stay(EntryForm::editing(self.person, e, &log[e]));
                }
            }
            Action::Delete => {
                if let Some(e) = self.entry(state) {
                    let change = edit::delete_log_entry(&state.team, self.person, e);
                    let undo = state.keymap.key(Context::Global, Action::Undo);
                    let name = crate::analysis::explain::person(&state.team, self.person);
                    let entry = &state.team.people[self.person].log[e];
                    return Step {
                        next: Some(ask(
                            format!("Delete the one-on-one of {}?", entry.date),
                            vec![format!(
                                "Its note and {} action item(s) go from {name}'s history. {undo} brings it back.",
                                entry.actions.len()
                            )],
                            Pending::Apply(Box::new(change)),
                        )),
                        effects: Vec::new(),
                    };
                }
            }
            _ => {}
        }
        Step::stay(self)
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let name = crate::analysis::explain::person(&state.team, self.person);
        let rect = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(3),
            ..area
        };
        let inner = modal_box(
            state,
            frame,
            rect,
            &format!("One-on-ones with {}", cut(&name, 40)),
        );
        // The keys are in the status bar below.
        let [list, text] =
            Layout::horizontal([Constraint::Length(24), Constraint::Fill(1)]).areas(inner);
        let log = &state.team.people[self.person].log;
        let height = usize::from(list.height);
        let offset = self.selected.saturating_sub(height.saturating_sub(1));
        let rows: Vec<Line> = log
            .iter()
            .rev()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(i, entry)| {
                let open = entry.actions.iter().filter(|a| !a.done).count();
                let mark = if i == self.selected { "▸ " } else { "  " };
                let line = Line::from(vec![
                    Span::styled(mark, theme.key()),
                    Span::raw(entry.date.to_string()),
                    Span::styled(
                        if open > 0 {
                            format!(" · {open} open")
                        } else {
                            String::new()
                        },
                        theme.dim(),
                    ),
                ]);
                if i == self.selected {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(rows), list);
        let lines = self
            .entry(state)
            .map(|e| entry_lines(&log[e], theme))
            .unwrap_or_default();
        let scroll = self.scroll.min(lines.len().saturating_sub(1) as u16);
        frame.render_widget(
            Paragraph::new(lines)
                .block(
                    Block::default()
                        .borders(Borders::LEFT)
                        .border_style(theme.border()),
                )
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0)),
            text,
        );
    }
}

/// An entry in full: its date, every line of its note, its action items
/// with whose they are, when due and whether done.
pub fn entry_lines(entry: &LogEntry, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(entry.date.to_string(), theme.bold())];
    lines.push(Line::raw(""));
    if entry.note.trim().is_empty() {
        lines.push(Line::styled("(no note)", theme.dim()));
    }
    for line in entry.note.lines() {
        lines.push(Line::raw(crate::text::clean(line).into_owned()));
    }
    if !entry.actions.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Action items", theme.bold()));
    }
    for action in &entry.actions {
        let mut about = Vec::new();
        if action.mine {
            about.push("yours".to_string());
        }
        if let Some(due) = action.due {
            about.push(format!("due {due}"));
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join("; "))
        };
        lines.push(Line::from(vec![
            if action.done {
                Span::styled("☑ ", theme.ok())
            } else {
                Span::styled("☐ ", theme.key())
            },
            Span::raw(crate::text::clean(&action.text).into_owned()),
            Span::styled(about, theme.dim()),
        ]));
    }
    lines
}
