//! `M`: the message log — every message of this session, newest first, in
//! full (the status bar cuts a long one to its width).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Modal, Step};
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::text::hanging;
use crate::tui::widgets::{centered, modal_box, modal_hints};

#[derive(Debug, Default)]
pub struct Messages {
    /// How far the log is scrolled down.
    pub scroll: u16,
}

pub fn open(state: &mut State) -> Option<Modal> {
    if state.messages.is_empty() {
        state.tell(NoticeKind::Info, "No messages yet");
        return None;
    }
    Some(Modal::Messages(Messages::default()))
}

impl Messages {
    pub fn command(mut self, action: Action) -> Step {
        match action {
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Cancel => return Step::close(),
            _ => {}
        }
        Step::stay(self)
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let rect = centered(area, 100, area.height.saturating_sub(2));
        let inner = modal_box(state, frame, rect, "Messages, newest first");
        let [body, keys] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let width = usize::from(body.width).max(1);
        let lines: Vec<Line> = state
            .messages
            .iter()
            .rev()
            .flat_map(|notice| {
                let (mark, style) = match notice.kind {
                    NoticeKind::Info => ("  ", theme.title()),
                    NoticeKind::Warning => ("! ", theme.warn()),
                    NoticeKind::Error => ("✗ ", theme.error()),
                };
                // Wrapped under the text, not under the mark.
                hanging(
                    Span::styled(mark, style),
                    &clean(&notice.text),
                    width,
                    style,
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).scroll((self.scroll, 0)), body);
        frame.render_widget(Paragraph::new(modal_hints(state, Context::Messages)), keys);
    }
}
