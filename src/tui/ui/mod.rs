//! Drawing: read-only over the app. Each view in its own file here; each
//! modal draws itself (`tui/modal/`) in the frame this module gives it.

pub mod bars;
mod matrix;
mod missions;
mod one_on_one;
mod people;
mod plan;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::message::View;

/// Below this size only a notice is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    // What the mouse can point at is what this frame draws.
    app.areas.clear();
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
        modal.draw(&app.state, frame, area);
    }
}
