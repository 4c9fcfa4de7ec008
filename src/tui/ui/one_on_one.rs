//! The One-on-one view: pick a person, read their agenda — the same
//! agenda as `handover agenda`, drawn from its structure.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::people::{Columns, render_list};
use crate::tui::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let list_width = (area.width * 30 / 100).clamp(22, 36);
    let [list, agenda] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    render_list(app, frame, list, Columns::Meetings);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Agenda ", theme.title()));
    let width = usize::from(block.inner(agenda).width);
    let lines = app
        .one_on_one
        .agenda
        .as_ref()
        .map(|a| crate::tui::widgets::agenda::wrapped(a, theme, width))
        .unwrap_or_default();
    let pane = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(
        crate::tui::widgets::scrolled_pane(&app.state, pane, agenda),
        agenda,
    );
}
