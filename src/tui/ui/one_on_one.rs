//! The One-on-one view: pick a person, read their agenda — the same text
//! as `handover agenda`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::people::render_list;
use crate::text::clean_multiline;
use crate::tui::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let list_width = (area.width * 30 / 100).clamp(22, 36);
    let [list, agenda] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    render_list(app, frame, list, false);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Agenda ", theme.title()));
    let lines: Vec<Line> = clean_multiline(&app.agenda)
        .lines()
        .map(|line| {
            if line.starts_with('#') {
                Line::styled(line.to_string(), theme.bold())
            } else if let Some(rest) = line.strip_prefix("- [ ] ") {
                Line::from(vec![
                    Span::styled("☐ ", theme.key()),
                    Span::raw(rest.to_string()),
                ])
            } else {
                Line::raw(line.to_string())
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.detail_scroll, 0)),
        agenda,
    );
}
