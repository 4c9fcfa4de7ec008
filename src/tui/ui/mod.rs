//! Drawing: read-only over the app. Each view and each modal in its own file.

mod agenda;
mod bars;
mod log;
mod matrix;
mod missions;
mod modal;
mod one_on_one;
mod people;
mod plan;
pub mod text;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::message::View;

/// Below this size only a notice is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = format!(
            "Terminal too small ({}×{}); handover needs {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(notice).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    bars::tabs(app, frame, tabs);
    match app.view {
        View::Missions => missions::render(app, frame, body),
        View::People => people::render(app, frame, body),
        View::Matrix => matrix::render(app, frame, body),
        View::OneOnOne => one_on_one::render(app, frame, body),
        View::Plan => plan::render(app, frame, body),
    }
    bars::status(app, frame, status);
    if let Some(modal) = &app.modal {
        modal::render(app, modal, frame, area);
    }
}

/// Clears `rect` over the view and draws a framed, titled box in it;
/// returns the inside.
pub fn modal_box(app: &App, frame: &mut Frame, rect: Rect, title: &str) -> Rect {
    use ratatui::text::Span;
    use ratatui::widgets::{Block, Borders, Clear};
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.title())
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// A box of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
