//! The Matrix view: people × skills as a heat map, scrolling both ways.
//! Skills that only one person (or nobody) holds while work needs them
//! stand out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::missions::{filter_cursor, list_block};
use crate::analysis::explain::{self, person, skill};
use crate::model::SKILL_NAMES;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::widgets::text::fit;

const NAME_WIDTH: usize = 18;
const COLUMN_WIDTH: usize = 6;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let a = &app.analysis;
    let [info, grid] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let list = &app.people.list;
    let block = list_block(app, "Matrix", list, app.team.people.len());
    let inner = block.inner(grid);
    frame.render_widget(block, grid);
    filter_cursor(frame, grid, "Matrix", list, app.team.people.len());

    let columns = (usize::from(inner.width).saturating_sub(NAME_WIDTH) / COLUMN_WIDTH).max(1);
    let skills = &app.matrix.skills;
    // Scroll columns as rows scroll: as little as keeps the selection visible.
    let mut first = app.matrix.col_offset.get();
    if app.matrix.col < first {
        first = app.matrix.col;
    } else if app.matrix.col >= first + columns {
        first = app.matrix.col + 1 - columns;
    }
    first = first.min(skills.len().saturating_sub(columns));
    app.matrix.col_offset.set(first);
    let shown = &skills[first.min(skills.len())..(first + columns).min(skills.len())];
    // Columns are the skill reports in order (`App::matrix_skills`): a
    // column's report is found by its position, not by a search.
    let single = |column: usize| a.skills.get(column).is_some_and(|r| r.single_point);

    // Skill names on two staggered lines, so each can use two columns.
    let mut header = [
        vec![Span::raw(fit("", NAME_WIDTH))],
        vec![Span::raw(fit("", NAME_WIDTH))],
    ];
    for (i, &s) in shown.iter().enumerate() {
        let column = first + i;
        let mut style = if single(column) {
            theme.single_point()
        } else {
            theme.dim()
        };
        if column == app.matrix.col {
            style = style.patch(theme.selected());
        }
        // The mark leads, so a name cut to fit never loses it.
        let mark = if single(column) { "!" } else { "" };
        let name = format!("{mark}{}", a.skill_name(s));
        let (this, other) = if i % 2 == 0 { (0, 1) } else { (1, 0) };
        let wide = if i + 1 < shown.len() {
            2 * COLUMN_WIDTH - 1
        } else {
            COLUMN_WIDTH - 1
        };
        header[this].push(Span::styled(fit(&name, wide), style));
        header[this].push(Span::raw(" "));
        if i == 0 {
            header[other].push(Span::raw(" ".repeat(COLUMN_WIDTH)));
        }
    }
    let [top, bottom] = header;
    let mut lines = vec![Line::from(top), Line::from(bottom)];
    let rows = usize::from(inner.height).saturating_sub(2);
    for row in list.window(rows) {
        let p = list.rows[row];
        let selected = row == list.selected;
        let name_style = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let mut spans = vec![Span::styled(
            fit(&app.team.people[p].name, NAME_WIDTH - 1) + " ",
            name_style,
        )];
        for (i, &s) in shown.iter().enumerate() {
            let level = a.index.level(p, s);
            let text = if level == 0 {
                "  ·  ".to_string()
            } else {
                format!("  {level}  ")
            };
            let mut style = theme.heat(level);
            if selected && first + i == app.matrix.col {
                style = theme.selected();
            }
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    // The rows start below the two lines of skill names.
    let rows_area = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    crate::tui::widgets::mark_selection(&app.state, frame, rows_area, list);
    app.areas.rows.set(rows_area);

    // What the selected cell means.
    let mut about = Vec::new();
    if let (Some(p), Some(&s)) = (app.selected_person(), skills.get(app.matrix.col)) {
        let level = a.index.level(p, s);
        about.push(Line::from(vec![
            Span::styled(
                format!("{} × {}: ", person(&app.team, p), skill(a, s)),
                theme.bold(),
            ),
            Span::raw(format!(
                "{level} {}",
                SKILL_NAMES.get(usize::from(level)).copied().unwrap_or("?")
            )),
            Span::styled(
                format!(
                    "   skill {} of {}   {} move between skills",
                    app.matrix.col + 1,
                    skills.len(),
                    app.keymap
                        .pairs(Context::Matrix, Action::Left, Action::Right)
                ),
                theme.dim(),
            ),
        ]));
        if let Some(report) = a.skills.get(app.matrix.col).filter(|r| r.skill == s) {
            let style = if report.single_point {
                theme.single_point()
            } else {
                theme.dim()
            };
            let mark = if report.single_point {
                "single point of knowledge: "
            } else {
                ""
            };
            about.push(Line::styled(
                format!("{mark}{}", explain::holders(&app.team, report)),
                style,
            ));
        }
    } else if skills.is_empty() {
        about.push(Line::styled("No skills recorded yet.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(about), info);
}
