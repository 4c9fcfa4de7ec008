//! The Plan view (the plan itself lands with its own issue).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::tui::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let lines = vec![
        Line::styled("The plan is coming.", theme.bold()),
        Line::raw(""),
        Line::raw(
            "Here handover will propose an owner for every unassigned mission and a mentor for \
             every uncovered gap at once, and let you accept one proposal or all of them.",
        ),
        Line::raw(""),
        Line::styled(
            "Until then: the Missions view suggests owners (o) and mentors (m) one mission at a time.",
            theme.dim(),
        ),
    ];
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border());
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
