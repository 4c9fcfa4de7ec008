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

/// The owner column is cut to at most this many columns, and dropped below
/// the least.
const OWNER_MAX: usize = 16;
const OWNER_MIN: usize = 8;
/// The verdict's mark alone ("✗ "), when the row is too narrow for its word.
const MARK_WIDTH: usize = 2;

/// Where a mission's due date stands, seen from today (SPEC §3 *Dates*).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Due before today.
    Late(i64),
    /// Due today or within `soon` days (the `due_soon_days` setting).
    Soon(i64),
    /// Due later than that.
    Later(i64),
}

impl Due {
    /// The due date of an active mission; none for a done or undated one.
    /// Due soon is within `soon` days.
    pub fn of(
        mission: &crate::model::Mission,
        today: crate::model::Date,
        soon: i64,
    ) -> Option<Due> {
        // The dates as the analysis and `week` read them.
        let dates = crate::analysis::dates::mission_soon(mission, today, soon);
        let days = dates.due_in_days?;
        Some(if dates.overdue {
            Due::Late(days)
        } else if dates.due_soon {
            Due::Soon(days)
        } else {
            Due::Later(days)
        })
    }

    /// Relative, for a row: "3d late", "today", "in 5d".
    pub fn text(self) -> String {
        match self {
            Due::Late(days) => format!("{}d late", -days),
            Due::Soon(0) => "today".to_string(),
            Due::Soon(days) | Due::Later(days) => format!("in {days}d"),
        }
    }

    /// A mark that reads without colour: `!` late, `»` soon, nothing later.
    pub fn mark(self) -> &'static str {
        match self {
            Due::Late(_) => "!",
            Due::Soon(_) => "»",
            Due::Later(_) => " ",
        }
    }

    pub fn style(self, theme: Theme) -> Style {
        match self {
            Due::Late(_) => theme.error(),
            Due::Soon(_) => theme.warn(),
            Due::Later(_) => Style::new(),
        }
    }
}

/// The columns a row has room for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Columns {
    /// The verdict's word ("✗ blocked") or its mark alone ("✗").
    badge: usize,
    title: usize,
    /// 0: no owner column.
    owner: usize,
    /// 0: no due column.
    due: usize,
}

/// Fits the columns into `width`, the title keeping room to be read. The
/// first that fits: everything, the owners' names whole; the verdict's mark
/// without its word, the names cut if need be; then
/// without the owner, with the word and then the mark; last the verdict and
/// the title alone. `owner` and `due` are the widest of the rows on screen
/// (0: none has one).
fn columns(width: usize, owner: usize, due: usize) -> Columns {
    let due_part = if due > 0 { due + 1 } else { 0 };
    let owner = owner.min(OWNER_MAX);
    if owner > 0 {
        // The verdict's word only when the owner's name fits whole.
        for (badge, least) in [(BADGE_WIDTH, owner), (MARK_WIDTH, owner.min(OWNER_MIN))] {
            let room = width.saturating_sub(badge + 20 + due_part + 1);
            if room >= least {
                let owner = owner.min(room);
                return Columns {
                    badge,
                    title: width - badge - due_part - owner - 1,
                    owner,
                    due,
                };
            }
        }
    }
    if due > 0 {
        for (badge, title) in [(BADGE_WIDTH, 16), (MARK_WIDTH, 12)] {
            if badge + title + due_part <= width {
                return Columns {
                    badge,
                    title: width - badge - due_part,
                    owner: 0,
                    due,
                };
            }
        }
    }
    Columns {
        badge: BADGE_WIDTH,
        title: width.saturating_sub(BADGE_WIDTH),
        owner: 0,
        due: 0,
    }
}

/// The list's name in its title, with the order when it is not the file's.
fn list_name(app: &App) -> String {
    match app.missions.sort {
        crate::query::Sort::File => "Missions".to_string(),
        sort => format!("Missions · by {}", sort.name()),
    }
}

fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let list = &app.missions.list;
    let name = list_name(app);
    let block = list_block(app, &name, list, app.team.missions.len());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    // A filter line that cannot be read says why, under it.
    let mut said = Vec::new();
    if let Some(error) = &app.missions.query_error {
        said = hanging(
            Span::styled("✗ ", theme.error()),
            error,
            width,
            theme.error(),
        );
        said.truncate(usize::from(inner.height / 2).min(3));
    }
    let [said_area, rows_area] =
        Layout::vertical([Constraint::Length(said.len() as u16), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(said), said_area);
    let window = list.window(usize::from(rows_area.height));
    let today = app.today;
    let soon = app.settings.due_soon_days();
    let missions = &app.team.missions;
    let (mut owner_width, mut due_width) = (0, 0);
    for &m in &list.rows[window.clone()] {
        if let Some(owner) = &missions[m].owner {
            owner_width = owner_width.max(crate::text::width(&clean(owner)));
        }
        if let Some(due) = Due::of(&missions[m], today, soon) {
            due_width = due_width.max(2 + due.text().len());
        }
    }
    let cols = columns(width, owner_width, due_width);
    let mut lines = Vec::new();
    for row in window {
        let m = list.rows[row];
        let mission = &missions[m];
        let verdict = app.analysis.missions[m].verdict;
        let badge = Theme::badge(verdict);
        let badge = if cols.badge == MARK_WIDTH {
            fit(badge.split(' ').next().unwrap_or(badge), MARK_WIDTH)
        } else {
            fit(badge, cols.badge)
        };
        let mut spans = vec![
            Span::styled(badge, theme.verdict(verdict)),
            Span::raw(fit(&mission.title, cols.title)),
        ];
        if cols.owner > 0 {
            spans.push(Span::raw(" "));
            spans.push(match &mission.owner {
                Some(owner) => Span::raw(fit(owner, cols.owner)),
                None => Span::styled(fit("—", cols.owner), theme.dim()),
            });
        }
        if cols.due > 0 {
            spans.push(Span::raw(" "));
            let due = Due::of(mission, today, soon);
            let text = due.map_or(String::new(), |d| format!("{} {}", d.mark(), d.text()));
            let style = due.map_or(Style::new(), |d| d.style(theme));
            spans.push(Span::styled(fit(&text, cols.due), style));
        }
        let mut line = Line::from(spans);
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
    frame.render_widget(Paragraph::new(lines), rows_area);
    crate::tui::widgets::mark_selection(&app.state, frame, rows_area, list);
    app.areas.rows.set(rows_area);
    filter_cursor(frame, area, &name, list, app.team.missions.len());
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
    let pane = Paragraph::new(lines).block(block);
    frame.render_widget(
        crate::tui::widgets::scrolled_pane(&app.state, pane, area),
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
    // The level set, and beside it the one the owner's readiness supports
    // (SPEC §3): above it is abandonment, well below it micromanagement.
    let suggested = report.suggested_delegation.filter(|_| mission.is_active());
    let name = crate::model::Delegation::name;
    match (mission.delegation, suggested) {
        (Some(level), Some(s)) if s != level => lines.extend(hanging(
            label(theme, "Delegation"),
            &format!("{level} {} · suggested {s} {}", name(level), name(s)),
            width,
            if level > s { theme.warn() } else { plain },
        )),
        // How it changed over time is the line below, said once.
        (Some(level), _) => lines.extend(hanging(
            label(theme, "Delegation"),
            &format!("{level} {}", name(level)),
            width,
            plain,
        )),
        (None, Some(s)) => lines.extend(hanging(
            label(theme, "Delegation"),
            &format!("not set · suggested {s} {}", name(s)),
            width,
            theme.dim(),
        )),
        (None, None) => {}
    }
    if let Some(history) = explain::delegation_history(mission) {
        lines.extend(hanging(label(theme, ""), &history, width, theme.dim()));
    }
    let dates =
        crate::analysis::dates::mission_soon(mission, app.today, app.settings.due_soon_days());
    if let Some(date) = mission.due {
        // Marked as in the list when late or soon: "! 2026-11-25 (Wed, 3 days ago)".
        let (mark, style) = match Due::of(mission, app.today, app.settings.due_soon_days()) {
            Some(due @ (Due::Late(_) | Due::Soon(_))) => {
                (format!("{} ", due.mark()), due.style(theme))
            }
            _ => (String::new(), plain),
        };
        lines.push(Line::from(vec![
            label(theme, "Due"),
            Span::styled(
                match dates.due_in_days {
                    // Active: how it stands against today, "3 days late".
                    Some(days) => {
                        format!("{mark}{date} ({})", crate::analysis::dates::relative(days))
                    }
                    None => format!("{mark}{date}"),
                },
                style,
            ),
        ]));
    }
    if let Some(check_in) = dates.check_in {
        let days = crate::analysis::dates::days_between(app.today, check_in);
        let (when, style) = if dates.check_in_due {
            (format!("{check_in}: due, look in on it"), theme.warn())
        } else {
            (
                format!(
                    "{check_in} (in {})",
                    crate::analysis::dates::count_days(days)
                ),
                plain,
            )
        };
        lines.push(Line::from(vec![
            label(theme, "Check in"),
            Span::styled(when, style),
        ]));
    }
    if let (Some(when), Some(verdict)) = (mission.handed_over, mission.handed_over_as)
        && !matches!(verdict, Verdict::Ready | Verdict::Stretch | Verdict::Done)
        && mission.status == crate::model::Status::HandedOver
    {
        lines.extend(hanging(
            label(theme, ""),
            &format!(
                "handed over {when} while {}",
                match verdict {
                    Verdict::Blocked => "blocked",
                    Verdict::Unassigned => "unassigned",
                    _ => "at risk",
                }
            ),
            width,
            theme.warn(),
        ));
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
    // What it takes: the ways out of a blocked or at-risk mission.
    if !app.missions.options.is_empty() {
        let apply_key = app.keymap.key(Context::Missions, Action::WhatItTakes);
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("What it takes ({apply_key} applies one)"),
            theme.bold(),
        ));
        for (i, option) in app.missions.options.iter().enumerate() {
            lines.extend(hanging(
                // A rank, not a key: styled as text.
                Span::styled(format!("{}. ", i + 1), theme.bold()),
                &explain::option(&app.team, &app.analysis, m, option),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_goes_first_then_the_verdicts_word_then_the_due_date() {
        // Room for all, the names whole.
        assert_eq!(
            columns(80, 13, 9),
            Columns {
                badge: BADGE_WIDTH,
                title: 43,
                owner: 13,
                due: 9
            }
        );
        // The verdict's mark alone keeps the owner, cut if need be.
        assert_eq!(
            columns(52, 13, 9),
            Columns {
                badge: MARK_WIDTH,
                title: 26,
                owner: 13,
                due: 9
            }
        );
        assert_eq!(
            columns(42, 16, 9),
            Columns {
                badge: MARK_WIDTH,
                title: 20,
                owner: 9,
                due: 9
            }
        );
        // No owner column, the verdict's word back with the due date.
        assert_eq!(
            columns(40, 16, 9),
            Columns {
                badge: BADGE_WIDTH,
                title: 17,
                owner: 0,
                due: 9
            }
        );
        assert_eq!(
            columns(34, 13, 9),
            Columns {
                badge: MARK_WIDTH,
                title: 22,
                owner: 0,
                due: 9
            }
        );
        // Then the due date goes too.
        assert_eq!(
            columns(20, 13, 9),
            Columns {
                badge: BADGE_WIDTH,
                title: 7,
                owner: 0,
                due: 0
            }
        );
        // Nothing to show in a column: no column.
        assert_eq!(
            columns(80, 0, 0),
            Columns {
                badge: BADGE_WIDTH,
                title: 67,
                owner: 0,
                due: 0
            }
        );
        assert_eq!(columns(0, 13, 9).title, 0);
    }

    #[test]
    fn due_dates_read_relative_to_today() {
        let today: crate::model::Date = "2026-11-28".parse().unwrap();
        let mut m = crate::model::Mission::titled("M");
        let at = |m: &mut crate::model::Mission, day: &str| {
            m.due = Some(day.parse().unwrap());
            Due::of(m, today, 14).map(|d| (d.mark(), d.text()))
        };
        assert_eq!(at(&mut m, "2026-11-25"), Some(("!", "3d late".into())));
        assert_eq!(at(&mut m, "2026-11-28"), Some(("»", "today".into())));
        assert_eq!(at(&mut m, "2026-12-12"), Some(("»", "in 14d".into())));
        assert_eq!(at(&mut m, "2026-12-13"), Some((" ", "in 15d".into())));
        m.status = crate::model::Status::Done;
        assert_eq!(at(&mut m, "2026-11-25"), None, "done: nothing due");
    }

    #[test]
    fn due_soon_is_within_the_days_set() {
        let today: crate::model::Date = "2026-11-28".parse().unwrap();
        let mut m = crate::model::Mission::titled("M");
        m.due = Some("2026-12-02".parse().unwrap());
        assert_eq!(Due::of(&m, today, 14), Some(Due::Soon(4)));
        assert_eq!(Due::of(&m, today, 4), Some(Due::Soon(4)));
        assert_eq!(Due::of(&m, today, 3), Some(Due::Later(4)));
    }
}
