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
use crate::tui::app::{App, NoticeKind};
use crate::tui::message::{Action, Effect};
use crate::tui::ui::bars::modal_hints;
use crate::tui::ui::text::fit;
use crate::tui::ui::{centered, modal_box};

#[derive(Debug)]
pub struct Export {
    pub person: usize,
    pub path: Input,
}

/// `x`: asks where to write the agenda, suggesting a file beside the team.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(person) = app.selected_person() else {
        return Vec::new();
    };
    let slug: String = app.team.people[person]
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let dir = app
        .file
        .path
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = dir.join(format!("agenda-{slug}-{}.md", app.today));
    app.modal = Some(Modal::Export(Export {
        person,
        path: Input::new(path.display().to_string()),
    }));
    Vec::new()
}

impl Export {
    pub fn text(&mut self, key: KeyEvent) {
        self.path.handle_event(&Event::Key(key));
    }

    pub fn command(self, app: &mut App, action: Action) -> Step {
        match action {
            Action::Confirm => {
                let target = self.path.value().trim();
                if target.is_empty() {
                    app.tell(NoticeKind::Warning, "Give a file to write the agenda to");
                    return Step::stay(self);
                }
                let text =
                    crate::agenda::agenda_on(&app.team, &app.analysis, self.person, app.today);
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

    pub fn draw(&self, app: &App, frame: &mut Frame, area: Rect) {
        let path = &self.path;
        let theme = app.theme;
        let rect = centered(area, 84, 7);
        let inner = modal_box(app, frame, rect, "Write the agenda to");
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
            modal_hints(app),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        let x = inner.x + path.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    }
}

/// A file was written, or exists already (then ask before replacing it).
pub fn written(app: &mut App, path: PathBuf, result: Result<(), OutputError>) {
    match result {
        Ok(()) => app.tell(NoticeKind::Info, format!("Wrote {}", path.display())),
        Err(OutputError::Exists(_)) => {
            let text = match &app.people.list.selected_item() {
                Some(p) => crate::agenda::agenda_on(&app.team, &app.analysis, *p, app.today),
                None => return,
            };
            app.modal = Some(ask(
                format!("Replace {}?", path.display()),
                vec!["A file of that name is already there.".into()],
                Pending::Overwrite { path, text },
            ));
        }
        Err(e) => app.tell(NoticeKind::Error, format!("Not written: {e}")),
    }
}
