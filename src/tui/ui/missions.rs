//! The Missions view: the list with verdict badges, and the selected
//! mission's detail: goal, needs, people, every gap and the suggestions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::analysis::explain::{self, person};
use crate::analysis::{Finding, Verdict};
use crate::text::clean;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::list::ListState;
use crate::tui::message::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{cut, fit, hanging};

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
    let list = &app.missions.list;
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
                format!(
                    "No missions yet: press {} to add one.",
                    app.keymap.key(Context::List, Action::Add)
                )
            } else {
                "No mission matches the filter.".to_string()
            },
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    crate::tui::widgets::mark_selection(&app.state, frame, inner, list);
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
    let width = usize::from(block.inner(area).width);
    let lines = detail_lines(app, m, width);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((app.detail_scroll, 0)),
        area,
    );
}

/// The detail of a mission, wrapped to `width` columns.
fn detail_lines(app: &App, m: usize, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mission = &app.team.missions[m];
    let report = &app.analysis.missions[m];
    let index = &app.analysis.index;
    let plain = Style::new();
    let mut lines = hanging(Span::raw(""), &mission.title, width, theme.bold());
    lines.push(Line::from(vec![
        Span::styled(Theme::badge(report.verdict), theme.verdict(report.verdict)),
        // A done mission's badge says it is done: only its date follows.
        Span::styled(
            status_text(app, m)
                .map(|s| format!(" · {s}"))
                .unwrap_or_default(),
            theme.dim(),
        ),
    ]));
    lines.push(Line::raw(""));
    if report.goal_missing {
        lines.extend(hanging(
            label(theme, "Goal"),
            "none: write what done looks like",
            width,
            theme.error(),
        ));
    } else {
        lines.extend(hanging(label(theme, "Goal"), &mission.goal, width, plain));
    }
    let owner_key = app.keymap.key(Context::Missions, Action::AssignOwner);
    let mentor_key = app.keymap.key(Context::Missions, Action::AssignMentor);
    let name_or = |p: Option<usize>, none: String| match p {
        Some(p) => Span::raw(person(&app.team, p)),
        None => Span::styled(none, theme.dim()),
    };
    lines.push(Line::from(vec![
        label(theme, "Owner"),
        name_or(index.owner[m], format!("nobody yet ({owner_key})")),
    ]));
    lines.push(Line::from(vec![
        label(theme, "Mentor"),
        name_or(index.mentor[m], format!("none ({mentor_key})")),
    ]));
    if let Some(level) = mission.delegation {
        lines.extend(hanging(
            label(theme, "Delegation"),
            // How it changed over time is the line below, said once.
            &format!("{level} {}", crate::model::Delegation::name(level)),
            width,
            plain,
        ));
    }
    if let Some(history) = explain::delegation_history(mission) {
        lines.extend(hanging(label(theme, ""), &history, width, theme.dim()));
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
    let names: Vec<String> = index.mission_skills[m]
        .iter()
        .map(|&(skill, need)| format!("{} {need}", explain::skill(&app.analysis, skill)))
        .chain(
            index.mission_tools[m]
                .iter()
                .map(|&t| clean(app.analysis.tool_name(t)).into_owned()),
        )
        .collect();
    let name_width = names
        .iter()
        .map(|n| crate::text::width(n))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    for (i, &(skill, need)) in index.mission_skills[m].iter().enumerate() {
        let mut spans = vec![Span::raw(format!("  {}", fit(&names[i], name_width)))];
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
    let skills = index.mission_skills[m].len();
    for (i, &tool) in index.mission_tools[m].iter().enumerate() {
        let mut spans = vec![Span::raw(format!(
            "  {}",
            fit(&names[skills + i], name_width)
        ))];
        if let Some(o) = owner {
            let (mark, style) = if index.has_tool(o, tool) {
                ("✓ has it", theme.ok())
            } else {
                ("✗ missing", theme.error())
            };
            spans.push(Span::styled(format!("  {mark}"), style));
        }
        lines.push(Line::from(spans));
    }
    if names.is_empty() {
        lines.push(Line::styled("  no particular skill or tool", theme.dim()));
    }
    let findings = Finding::of(&app.team, &app.analysis, m);
    if !findings.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Gaps and warnings", theme.bold()));
        for finding in findings {
            lines.extend(hanging(
                Span::styled("• ", theme.warn()),
                &finding.words(&app.team, &app.analysis),
                width,
                plain,
            ));
        }
    }
    for (heading, items) in [
        (
            format!("Who could pair with them ({mentor_key})"),
            explain::mentor_suggestions(&app.team, &app.analysis, &app.missions.suggestions),
        ),
        (
            format!("Who could take it ({owner_key})"),
            explain::owner_suggestions(&app.team, &app.analysis, &app.missions.suggestions),
        ),
    ] {
        if !items.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(heading, theme.bold()));
            for item in items {
                lines.extend(hanging(
                    Span::styled("→ ", theme.key()),
                    &item,
                    width,
                    plain,
                ));
            }
        }
    }
    if report.verdict == Verdict::Unassigned && app.missions.suggestions.owners.is_empty() {
        lines.push(Line::styled(
            "Nobody has spare capacity for it.",
            theme.warn(),
        ));
    }
    lines
}

fn status_text(app: &App, m: usize) -> Option<String> {
    let mission = &app.team.missions[m];
    Some(match (mission.status, mission.handed_over) {
        (crate::model::Status::Planned, _) => "planned".into(),
        (crate::model::Status::HandedOver, Some(d)) => format!("handed over {d}"),
        (crate::model::Status::HandedOver, None) => "handed over".into(),
        (crate::model::Status::Done, _) => format!("completed {}", mission.completed?),
    })
}
