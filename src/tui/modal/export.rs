//! `x`: where to write the agenda, as a Markdown file.

use std::path::PathBuf;

use crossterm::event::{Event, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::confirm::{Pending, ask};
use super::{Modal, Step};
use crate::store::OutputError;
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::modal_hints;
use crate::tui::widgets::text::fit;
use crate::tui::widgets::{centered, modal_box};

#[derive(Debug)]
pub struct Export {
    pub person: usize,
    pub path: Input,
}

/// `x`: asks where to write the agenda, suggesting a file beside the team.
pub fn open(state: &State) -> Option<Modal> {
    let person = state.selected_person()?;
    let slug: String = state.team.people[person]
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let dir = state
        .file
        .path
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = dir.join(format!("agenda-{slug}-{}.md", state.today));
    Some(Modal::Export(Export {
        person,
        path: Input::new(path.display().to_string()),
    }))
}

impl Export {
    pub fn text(&mut self, key: KeyEvent) {
        self.path.handle_event(&Event::Key(key));
    }

    pub fn command(self, state: &mut State, action: Action) -> Step {
        match action {
            Action::Confirm => {
                let target = self.path.value().trim();
                if target.is_empty() {
                    state.tell(NoticeKind::Warning, "Give a file to write the agenda to");
                    return Step::stay(self);
                }
                let text = crate::agenda::agenda_on(
                    &state.team,
                    &state.analysis,
                    self.person,
                    state.today,
                );
                Step::done(vec![Effect::WriteFile {
                    path: PathBuf::from(target),
                    text,
                    overwrite: false,
                }])
            }
            Action::Cancel => Step::close(),
            _ => Step::stay(self),
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let path = &self.path;
        let theme = state.theme;
        let rect = centered(area, 84, 7);
        let inner = modal_box(state, frame, rect, "Write the agenda to");
        let width = usize::from(inner.width);
        let scroll = path.visual_scroll(width.max(1));
        let visible: String = clean(path.value()).chars().skip(scroll).collect();
        let lines = vec![
            Line::raw(fit(&visible, width)),
            Line::raw(""),
            Line::styled(
                "A Markdown file readable by you only; an existing file is not replaced without asking.",
                theme.dim(),
            ),
            modal_hints(state, Context::Prompt),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        let x = inner.x + path.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    }
}

/// A file was written, or exists already (then ask before replacing it).
/// Returns the question to ask, if any.
pub fn written(state: &mut State, path: PathBuf, result: Result<(), OutputError>) -> Option<Modal> {
    match result {
        Ok(()) => state.tell(NoticeKind::Info, format!("Wrote {}", path.display())),
        Err(OutputError::Exists(_)) => {
            let text = match &state.people.list.selected_item() {
                Some(p) => crate::agenda::agenda_on(&state.team, &state.analysis, *p, state.today),
                None => return None,
            };
            return Some(ask(
                format!("Replace {}?", path.display()),
                vec!["A file of that name is already there.".into()],
                Pending::Overwrite { path, text },
            ));
        }
        Err(e) => state.tell(NoticeKind::Error, format!("Not written: {e}")),
    }
    None
}
