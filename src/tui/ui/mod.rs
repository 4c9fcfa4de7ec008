//! Drawing: read-only over the app. Each view in its own file here; each
//! modal draws itself (`tui/modal/`) in the frame this module gives it.

mod agenda;
pub mod bars;
mod matrix;
mod missions;
mod one_on_one;
mod people;
mod plan;
pub mod text;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::message::View;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Wrap};
use text::cut;

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
        modal.draw(app, frame, area);
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

/// A framed box sized to its lines, with the keys at the foot.
pub fn boxed(
    app: &App,
    title: &str,
    lines: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
    width: u16,
) {
    boxed_with(
        app,
        title,
        lines,
        bars::modal_hints(app),
        frame,
        area,
        width,
    );
}

pub fn boxed_with(
    app: &App,
    title: &str,
    mut lines: Vec<Line<'static>>,
    footer: Line<'static>,
    frame: &mut Frame,
    area: Rect,
    width: u16,
) {
    lines.push(Line::raw(""));
    lines.push(footer);
    // Wrapped lines take more than one row.
    let inner = usize::from(width.min(area.width).saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.title())
        .title(Span::styled(
            format!(" {} ", cut(title, usize::from(width) - 4)),
            app.theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// In the monochrome theme, a mark on the list's left border beside the
/// selected row: the selection reads without colour or reverse video (and
/// shows in text snapshots). `rows` is where the list's rows are drawn.
pub fn mark_selection(
    app: &App,
    frame: &mut Frame,
    rows: Rect,
    list: &crate::tui::list::ListState,
) {
    if app.theme.color || rows.x == 0 || list.rows.is_empty() {
        return;
    }
    let Some(line) = list.selected.checked_sub(list.offset.get()) else {
        return;
    };
    let y = rows.y.saturating_add(line as u16);
    if y < rows.bottom()
        && let Some(cell) = frame.buffer_mut().cell_mut((rows.x - 1, y))
    {
        cell.set_symbol("▸");
    }
}
