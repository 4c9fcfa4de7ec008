//! Drawing pieces the views and the modals share: boxes over the view,
//! the hint line of a modal, text cut to a width.

pub mod agenda;
pub mod text;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::keymap::Context;
use super::state::State;
use text::cut;

/// Clears `rect` over the view and draws a framed, titled box in it;
/// returns the inside.
pub fn modal_box(state: &State, frame: &mut Frame, rect: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.title())
        .title(Span::styled(format!(" {title} "), state.theme.title()));
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

/// A framed box sized to its lines, with the keys of `context` at the foot.
pub fn boxed(
    state: &State,
    context: Context,
    title: &str,
    lines: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
    width: u16,
) {
    let footer = modal_hints(state, context);
    boxed_with(state, title, lines, footer, frame, area, width);
}

pub fn boxed_with(
    state: &State,
    title: &str,
    lines: Vec<Line<'static>>,
    footer: Line<'static>,
    frame: &mut Frame,
    area: Rect,
    width: u16,
) {
    let inner = usize::from(width.min(area.width).saturating_sub(2)).max(1);
    // A long line wraps under its own start: "  • skill react: …" goes on
    // beneath "skill", not at the box's edge.
    let mut lines: Vec<Line<'static>> = lines
        .into_iter()
        .flat_map(|line| text::indent_wrapped(line, inner))
        .collect();
    lines.push(Line::raw(""));
    lines.push(footer);
    // Wrapped lines take more than one row.
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(state.theme.title())
        .title(Span::styled(
            format!(" {} ", cut(title, usize::from(width) - 4)),
            state.theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The hint line at the foot of a modal: `key action · key action`.
pub fn modal_hints(state: &State, context: Context) -> Line<'static> {
    let theme = state.theme;
    let mut spans = Vec::new();
    for (key, name) in state.keymap.hints(&[context]) {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {name}")));
    }
    Line::from(spans)
}

/// In the monochrome theme, a mark on the list's left border beside the
/// selected row: the selection reads without colour or reverse video (and
/// shows in text snapshots). `rows` is where the list's rows are drawn.
pub fn mark_selection(
    state: &State,
    frame: &mut Frame,
    rows: Rect,
    list: &crate::tui::list::ListState,
) {
    if state.theme.color || rows.x == 0 || list.rows.is_empty() {
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

/// What a date field says back about its text (issue 12, item 7): the day
/// it understood — "→ 2027-01-08 (Fri, in 9 days)", or only "(Fri, in 9
/// days)" when the text is that ISO date already — or why it is not a date,
/// in the error's words. Nothing for an empty field.
pub fn date_echo(state: &State, text: &str) -> Option<Span<'static>> {
    let typed = text.trim();
    if typed.is_empty() {
        return None;
    }
    Some(match crate::date_input::parse(typed, state.today) {
        Ok(date) => {
            let shown = crate::date_input::shown(date, state.today);
            let iso = date.to_string();
            match shown.strip_prefix(&iso) {
                Some(rest) if typed == iso => {
                    Span::styled(rest.trim_start().to_string(), state.theme.dim())
                }
                _ => Span::styled(format!("→ {shown}"), state.theme.key()),
            }
        }
        Err(e) => Span::styled(
            format!("✗ {}", crate::text::clean(&e.to_string())),
            state.theme.error(),
        ),
    })
}

/// A date field's text as the ISO date it means, when it means one (the
/// text as typed otherwise, to be refused with why on saving).
pub fn settled_date(text: &str, today: crate::model::Date) -> Option<String> {
    let date = crate::date_input::parse(text, today).ok()?;
    let iso = date.to_string();
    (text.trim() != iso).then_some(iso)
}

/// A scrolling pane's text, scrolled as far as the state says but never
/// past its end; what lies beyond the pane is kept for the next scroll,
/// and where the pane is, for the wheel.
pub fn scrolled_pane<'a>(state: &State, paragraph: Paragraph<'a>, area: Rect) -> Paragraph<'a> {
    state.areas.pane.set(area);
    // The block's borders take a row at the top and one at the bottom.
    let inner_height = area.height.saturating_sub(2);
    let lines = paragraph.line_count(area.width.saturating_sub(2).max(1));
    let max = u16::try_from(lines.saturating_sub(usize::from(inner_height))).unwrap_or(u16::MAX);
    state.detail_max.set(max);
    paragraph.scroll((state.detail_scroll.min(max), 0))
}
