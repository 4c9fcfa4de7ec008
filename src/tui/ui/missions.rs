//! The Missions view: the list with verdict badges, and the selected
//! mission's detail: goal, needs, people, every gap and the suggestions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::text::{cut, fit};
use crate::analysis::Verdict;
use crate::analysis::explain::{self, person};
use crate::text::clean;
use crate::tui::app::App;
use crate::tui::list::ListState;
use crate::tui::theme::Theme;

const BADGE_WIDTH: usize = 13;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let list_width = (area.width * 45 / 100).clamp(30, 60);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    render_list(app, frame, list);
    render_detail(app, frame, detail);
}

/// The frame of a list: its title with counts and the filter.
pub fn list_block<'a>(app: &App, name: &str, list: &ListState, total: usize) -> Block<'a> {
    let mut title = if list.rows.len() == total {
        format!(" {name} ({total}) ")
    } else {
        format!(" {name} ({} of {total}) ", list.rows.len())
    };
    if list.filtering || !list.query().is_empty() {
        title.push_str(&format!("/{} ", cut(list.query(), 30)));
    }
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border())
        .title(Span::styled(title, app.theme.title()))
}

/// Where the filter's cursor goes while typing it.
pub fn filter_cursor(frame: &mut Frame, area: Rect, name: &str, list: &ListState, total: usize) {
    if !list.filtering {
        return;
    }
    let counts = if list.rows.len() == total {
        format!(" {name} ({total}) ")
    } else {
        format!(" {name} ({} of {total}) ", list.rows.len())
    };
    let before = crate::text::width(&counts) + 2 + list.filter.visual_cursor();
    let x = area.x + (before as u16).min(area.width.saturating_sub(2));
    frame.set_cursor_position((x, area.y));
}

fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let list = &app.missions;
    let block = list_block(app, "Missions", list, app.team.missions.len());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for row in list.window(usize::from(inner.height)) {
        let m = list.rows[row];
        let verdict = app.analysis.missions[m].verdict;
        let badge = Span::styled(
            fit(Theme::badge(verdict), BADGE_WIDTH),
            theme.verdict(verdict),
        );
        let title = fit(
            &app.team.missions[m].title,
            width.saturating_sub(BADGE_WIDTH),
        );
        let mut line = Line::from(vec![badge, Span::raw(title)]);
        if row == list.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if list.rows.is_empty() {
        lines.push(Line::styled(
            if app.team.missions.is_empty() {
                "No missions yet: press a to add one."
            } else {
                "No mission matches the filter."
            },
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    filter_cursor(frame, area, "Missions", list, app.team.missions.len());
}

fn label(theme: Theme, text: &str) -> Span<'static> {
    Span::styled(format!("{text:<11}"), theme.dim())
}

fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border());
    let Some(m) = app.selected_mission() else {
        frame.render_widget(block, area);
        return;
    };
    let mission = &app.team.missions[m];
    let report = &app.analysis.missions[m];
    let index = &app.analysis.index;
    let mut lines = vec![
        Line::styled(clean(&mission.title).into_owned(), theme.bold()),
        Line::from(vec![
            Span::styled(Theme::badge(report.verdict), theme.verdict(report.verdict)),
            Span::styled(format!(" · {}", status_text(app, m)), theme.dim()),
        ]),
        Line::raw(""),
    ];
    lines.push(if report.goal_missing {
        Line::from(vec![
            label(theme, "Goal"),
            Span::styled("none — write what done looks like", theme.error()),
        ])
    } else {
        Line::from(vec![
            label(theme, "Goal"),
            Span::raw(clean(&mission.goal).into_owned()),
        ])
    });
    let name_or = |p: Option<usize>, none: &'static str| match p {
        Some(p) => Span::raw(person(&app.team, p)),
        None => Span::styled(none, theme.dim()),
    };
    lines.push(Line::from(vec![
        label(theme, "Owner"),
        name_or(index.owner[m], "nobody yet (o)"),
    ]));
    lines.push(Line::from(vec![
        label(theme, "Mentor"),
        name_or(index.mentor[m], "none (m)"),
    ]));
    if let Some(level) = mission.delegation {
        lines.push(Line::from(vec![
            label(theme, "Delegation"),
            Span::raw(explain::delegation(mission, level)),
        ]));
    }
    if let Some(due) = mission.due {
        lines.push(Line::from(vec![
            label(theme, "Due"),
            Span::raw(due.to_string()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Needs", theme.bold()));
    let owner = index.owner[m];
    for &(skill, need) in &index.mission_skills[m] {
        let mut spans = vec![Span::raw(format!(
            "  {} {need}",
            explain::skill(&app.analysis, skill)
        ))];
        if let Some(o) = owner {
            let have = index.level(o, skill);
            let (mark, style) = if have >= need {
                ("✓", theme.ok())
            } else {
                ("✗", theme.error())
            };
            spans.push(Span::styled(format!("  {mark} has {have}"), style));
        }
        lines.push(Line::from(spans));
    }
    for &tool in &index.mission_tools[m] {
        let mut spans = vec![Span::raw(format!(
            "  {}",
            cut(app.analysis.tool_name(tool), 40)
        ))];
        if let Some(o) = owner {
            let (mark, style) = if index.has_tool(o, tool) {
                ("✓", theme.ok())
            } else {
                ("✗ missing", theme.error())
            };
            spans.push(Span::styled(format!("  {mark}"), style));
        }
        lines.push(Line::from(spans));
    }
    if index.mission_skills[m].is_empty() && index.mission_tools[m].is_empty() {
        lines.push(Line::styled("  no particular skill or tool", theme.dim()));
    }
    let findings = explain::findings(&app.team, &app.analysis, m);
    if !findings.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("What is missing", theme.bold()));
        for finding in findings {
            lines.push(Line::from(vec![
                Span::styled("• ", theme.warn()),
                Span::raw(finding),
            ]));
        }
    }
    for (heading, items) in [
        (
            "Who could pair with them (m)",
            explain::mentor_suggestions(&app.team, &app.analysis, m),
        ),
        (
            "Who could take it (o)",
            explain::owner_suggestions(&app.team, &app.analysis, m),
        ),
    ] {
        if !items.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(heading, theme.bold()));
            for item in items {
                lines.push(Line::raw(format!("→ {item}")));
            }
        }
    }
    if report.verdict == Verdict::Unassigned && report.suggested_owners.is_empty() {
        lines.push(Line::styled(
            "Nobody has spare capacity for it.",
            theme.warn(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn status_text(app: &App, m: usize) -> String {
    let mission = &app.team.missions[m];
    match (mission.status, mission.handed_over) {
        (crate::model::Status::Planned, _) => "planned".into(),
        (crate::model::Status::HandedOver, Some(d)) => format!("handed over {d}"),
        (crate::model::Status::HandedOver, None) => "handed over".into(),
        (crate::model::Status::Done, _) => "done".into(),
    }
}
