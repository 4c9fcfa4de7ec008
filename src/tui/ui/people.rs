//! The People view: the list with load, and the selected person's skills,
//! tools, missions, relations and signals.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::missions::{filter_cursor, list_block};
use crate::analysis::PersonSignal;
use crate::analysis::dates::count_days;
use crate::analysis::explain::person;
use crate::model::SKILL_NAMES;
use crate::text::clean;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, hanging};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let list_width = (area.width * 40 / 100).clamp(28, 50);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    render_list(app, frame, list, Columns::Load);
    render_detail(app, frame, detail);
}

/// What a row of the people list shows beside the name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    /// Days since the last one-on-one, signals, owned of capacity.
    Load,
    /// Days since the last one-on-one.
    Meetings,
    /// The name alone.
    Name,
}

/// Days since the last one-on-one, `!` when one is due (SPEC §3 *Dates*):
/// "3d", "22d!", "new!" for someone never met.
fn last_met(app: &App, p: usize) -> (String, bool) {
    let dates = crate::analysis::dates::person(&app.team.people[p], app.today);
    let mark = if dates.one_on_one_due { "!" } else { " " };
    let days = match dates.days_since {
        Some(days) => format!("{}d", days.max(0)),
        None => "new".to_string(),
    };
    (format!("{days:>4}{mark}"), dates.one_on_one_due)
}

/// The people list, with `columns` beside each name.
pub fn render_list(app: &App, frame: &mut Frame, area: Rect, columns: Columns) {
    let load = columns == Columns::Load;
    let theme = app.theme;
    let list = &app.people.list;
    let block = list_block(app, "People", list, app.team.people.len());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for row in list.window(usize::from(inner.height)) {
        let p = list.rows[row];
        let report = &app.analysis.people[p];
        // Every signal marks the row (the detail names them), the only one
        // who knows a skill too.
        let warn = !PersonSignal::of(&app.team, &app.analysis, p).is_empty();
        let mut spans = Vec::new();
        let met = (columns != Columns::Name).then(|| last_met(app, p));
        let met_width = met.as_ref().map_or(0, |(text, _)| text.len() + 1);
        if load {
            let load = format!(" {}/{}", report.load(), app.team.people[p].capacity);
            // A signal marks the row in front, as a verdict marks a mission.
            let mark = if warn { "! " } else { "  " };
            spans.push(Span::styled(mark.to_string(), theme.warn()));
            spans.push(Span::raw(fit(
                &app.team.people[p].name,
                width.saturating_sub(load.len() + 3 + met_width),
            )));
            if let Some((text, due)) = &met {
                spans.push(Span::styled(
                    format!(" {text}"),
                    if *due { theme.warn() } else { theme.dim() },
                ));
            }
            spans.push(Span::styled(
                format!("{load} "),
                if report.overloaded {
                    theme.warn()
                } else {
                    theme.dim()
                },
            ));
        } else {
            spans.push(Span::raw(fit(
                &app.team.people[p].name,
                width.saturating_sub(met_width),
            )));
            if let Some((text, due)) = &met {
                spans.push(Span::styled(
                    format!(" {text}"),
                    if *due { theme.warn() } else { theme.dim() },
                ));
            }
        }
        let mut line = Line::from(spans);
        if row == list.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if list.rows.is_empty() {
        lines.push(Line::styled(
            if app.team.people.is_empty() {
                format!(
                    "No people yet: press {} to add someone.",
                    app.keymap.key(Context::List, Action::Add)
                )
            } else {
                "Nobody matches the filter.".to_string()
            },
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    crate::tui::widgets::mark_selection(&app.state, frame, inner, list);
    app.areas.rows.set(inner);
    filter_cursor(frame, area, "People", list, app.team.people.len());
}

fn heading(theme: Theme, text: &str) -> Line<'static> {
    Line::styled(text.to_string(), theme.bold())
}

fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border());
    let Some(p) = app.selected_person() else {
        frame.render_widget(block, area);
        return;
    };
    let who = &app.team.people[p];
    let report = &app.analysis.people[p];
    let a = &app.analysis;
    let mut lines = vec![Line::styled(person(&app.team, p), theme.bold())];
    if !who.role.trim().is_empty() {
        lines.push(Line::styled(clean(&who.role).into_owned(), theme.dim()));
    }
    lines.push(Line::raw(format!(
        "Owns {} of {} · mentors {} of {}",
        report.load(),
        who.capacity,
        report.mentoring(),
        who.mentor_capacity
    )));
    // When you last met, against their cadence, and what is still open.
    let dates = crate::analysis::dates::person(who, app.today);
    let mut open = match dates.open_actions {
        0 => String::new(),
        1 => " · 1 open action".to_string(),
        n => format!(" · {n} open actions"),
    };
    if dates.overdue_actions > 0 {
        open.push_str(&format!(" ({} overdue)", dates.overdue_actions));
    }
    let every = format!("One-on-one every {}", count_days(i64::from(dates.cadence)));
    match (dates.last_one_on_one, dates.days_since) {
        (Some(last), Some(days)) => {
            let ago = match days {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                d if d > 0 => format!("{} ago", count_days(d)),
                _ => "ahead".to_string(),
            };
            lines.push(Line::styled(
                format!("Last one-on-one {last} ({ago}){open}"),
                theme.dim(),
            ));
            let (due, style) = match dates.days_late() {
                Some(0) => (": due today".to_string(), theme.warn()),
                Some(late) if late > 0 => (format!(": {} overdue", count_days(late)), theme.warn()),
                _ => (
                    format!(": next in {}", count_days(i64::from(dates.cadence) - days)),
                    theme.dim(),
                ),
            };
            lines.push(Line::styled(format!("{every}{due}"), style));
        }
        _ => {
            lines.push(Line::styled(
                format!("No one-on-one yet{open}"),
                theme.warn(),
            ));
            lines.push(Line::styled(format!("{every}: due now"), theme.warn()));
        }
    }
    let signals: Vec<String> = PersonSignal::of(&app.team, a, p)
        .iter()
        .map(|s| s.words(a))
        .collect();
    let width = usize::from(block.inner(area).width);
    for signal in signals {
        lines.extend(hanging(
            Span::styled("! ", theme.warn()),
            &signal,
            width,
            Style::new(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(heading(theme, "Skills"));
    if who.skills.is_empty() {
        lines.push(Line::styled("  none recorded", theme.dim()));
    }
    let name_width = who
        .skills
        .keys()
        .map(|k| crate::text::width(&clean(k)))
        .max()
        .unwrap_or(0)
        .min(24);
    for (name, &level) in &who.skills {
        let bar: String = (1..=4)
            .map(|l| if l <= level { '●' } else { '○' })
            .collect();
        let meaning = SKILL_NAMES.get(usize::from(level)).copied().unwrap_or("?");
        lines.push(Line::from(vec![
            Span::raw(format!("  {} ", fit(name, name_width))),
            Span::styled(
                bar,
                theme
                    .heat(level.max(1))
                    .remove_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::styled(format!(" {level} {meaning}"), theme.dim()),
        ]));
    }
    // How each skill grew, month by month (history), as a small bar chart
    // whose heights read without colour.
    let growth = crate::analysis::growth::of(who, app.today);
    if !growth.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading(theme, "Growth (a bar a month)"));
        let name_width = growth
            .iter()
            .map(|g| crate::text::width(&clean(&g.skill)))
            .max()
            .unwrap_or(0)
            .min(24);
        for g in &growth {
            use ratatui::symbols::bar;
            let bars: String = g
                .months
                .iter()
                .map(|level| match level {
                    None => " ",
                    Some(0) => bar::ONE_EIGHTH,
                    Some(1) => bar::ONE_QUARTER,
                    Some(2) => bar::HALF,
                    Some(3) => bar::THREE_QUARTERS,
                    Some(_) => bar::FULL,
                })
                .collect();
            let (from, since) = g.from;
            let words = if from == g.to {
                format!(" {} since {since}", g.to)
            } else {
                format!(" {from} → {} since {since}", g.to)
            };
            lines.push(Line::from(vec![
                Span::raw(format!("  {} ", fit(&g.skill, name_width))),
                Span::styled(bars, theme.heat(g.to.max(1))),
                Span::styled(words, theme.dim()),
            ]));
        }
    }
    let list_line = |label: &str, items: Vec<String>| {
        let text = if items.is_empty() {
            "—".to_string()
        } else {
            items.join(", ")
        };
        hanging(
            Span::styled(format!("{label:<11}"), theme.dim()),
            &text,
            width,
            Style::new(),
        )
    };
    lines.push(Line::raw(""));
    lines.extend(list_line("Tools", who.tools.clone()));
    lines.extend(list_line(
        "Turns to",
        a.index.person_turns_to[p]
            .iter()
            .map(|&q| app.team.people[q].name.clone())
            .collect(),
    ));
    lines.extend(list_line("Wants", who.wants.clone()));
    for (title, missions) in [("Owns", &report.owns), ("Mentors", &report.mentors)] {
        if missions.is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(heading(theme, title));
        for &m in missions {
            let verdict = a.missions[m].verdict;
            let badge = Span::styled(
                format!("  {} ", fit(Theme::badge(verdict), 12)),
                theme.verdict(verdict),
            );
            lines.extend(hanging(
                badge,
                &app.team.missions[m].title,
                width,
                Style::new(),
            ));
        }
    }
    let pane = Paragraph::new(lines).block(block);
    frame.render_widget(
        crate::tui::widgets::scrolled_pane(&app.state, pane, area),
        area,
    );
}
