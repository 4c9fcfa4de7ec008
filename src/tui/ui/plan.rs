//! The Plan view: the proposed owners and mentors, each with its effect on
//! the mission's verdict; Enter accepts one, A accepts all.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::analysis::explain::{person, skill};
use crate::analysis::gaps;
use crate::text::clean;
use crate::tui::app::{App, PlanState, Proposal};
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, hanging};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(state) = &app.plan.state else {
        frame.render_widget(
            Paragraph::new("Working out the plan…").style(theme.dim()),
            area,
        );
        return;
    };
    let plan = &state.plan;
    let list_width = (area.width * 55 / 100).clamp(36, 80);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    let updating = if app.plan_is_current() {
        ""
    } else {
        " · updating…"
    };
    let title = format!(
        " Plan: {} owner{} (cost {}), {} mentor{}{}{updating} ",
        plan.owners.len(),
        crate::text::plural(plan.owners.len()),
        plan.total_cost,
        plan.mentors.len(),
        crate::text::plural(plan.mentors.len()),
        if plan.unplaced.is_empty() {
            String::new()
        } else {
            format!(", {} unplaced", plan.unplaced.len())
        }
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if state.rows.is_empty() {
        lines.push(Line::raw("Nothing to propose:"));
        lines.extend(hanging(
            Span::raw(""),
            "every active mission has an owner, and no free mentor covers a remaining gap.",
            width,
            theme.dim(),
        ));
    }
    for row in app.plan.list.window(usize::from(inner.height)) {
        let (kind, mission, who) = describe(state, state.rows[row]);
        let kind_style = if matches!(state.rows[row], Proposal::Owner(_)) {
            theme.key()
        } else {
            theme.ok()
        };
        let tail = format!(" → {}", person(&app.team, who));
        let tail_width = crate::text::width(&tail).min(width / 2);
        // The verdict before and after, by their marks: "? → ~".
        let (before, after) = (app.analysis.missions[mission].verdict, state.after[mission]);
        let mark = |v| Theme::badge(v).chars().next().unwrap_or(' ');
        let effect = format!(" {}→{}", mark(before), mark(after));
        let mut line = Line::from(vec![
            Span::styled(format!("{kind:<7}"), kind_style),
            Span::raw(fit(
                &app.team.missions[mission].title,
                width.saturating_sub(7 + tail_width + 4),
            )),
            Span::raw(fit(&tail, tail_width)),
            Span::styled(effect, theme.verdict(after)),
        ]);
        if row == app.plan.list.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    crate::tui::widgets::mark_selection(&app.state, frame, inner, &app.plan.list);
    if !state.rows.is_empty() {
        app.areas.rows.set(inner);
    }
    render_detail(app, state, frame, detail);
}

/// (kind, mission, person) of a proposal.
fn describe(state: &PlanState, proposal: Proposal) -> (&'static str, usize, usize) {
    match proposal {
        Proposal::Owner(i) => (
            "owner",
            state.plan.owners[i].mission,
            state.plan.owners[i].person,
        ),
        Proposal::Mentor(i) => (
            "mentor",
            state.plan.mentors[i].mission,
            state.plan.mentors[i].person,
        ),
    }
}

fn render_detail(app: &App, state: &PlanState, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let a = &app.analysis;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border());
    let width = usize::from(block.inner(area).width);
    let mut lines = Vec::new();
    if let Some(proposal) = app.selected_proposal() {
        let (_, m, who) = describe(state, proposal);
        lines.extend(hanging(
            Span::raw(""),
            &app.team.missions[m].title,
            width,
            theme.bold(),
        ));
        let before = a.missions[m].verdict;
        let after = state.after[m];
        lines.push(Line::from(vec![
            Span::styled(Theme::badge(before), theme.verdict(before)),
            Span::raw("  →  "),
            Span::styled(Theme::badge(after), theme.verdict(after)),
        ]));
        lines.push(Line::styled(
            "(once the whole plan is in place)",
            theme.dim(),
        ));
        // Why it stays at risk or blocked, as `handover plan` says it.
        if let Some(problems) = state.still.get(&m) {
            lines.push(Line::styled(
                format!("Still {}:", after.label()),
                theme.warn(),
            ));
            for problem in problems {
                lines.extend(hanging(
                    Span::styled("• ", theme.warn()),
                    problem,
                    width,
                    Style::new(),
                ));
            }
        }
        lines.push(Line::raw(""));
        match proposal {
            Proposal::Owner(i) => {
                let o = &state.plan.owners[i];
                lines.push(Line::from(vec![
                    Span::styled("Owner      ", theme.dim()),
                    Span::styled(person(&app.team, who), theme.bold()),
                    Span::raw(format!("  cost {}", o.cost)),
                ]));
                let skill_gaps = gaps::skill_gaps(&a.index, m, who, None);
                let tool_gaps = gaps::tool_gaps(&a.index, m, who);
                if skill_gaps.is_empty() && tool_gaps.is_empty() {
                    lines.push(Line::styled(
                        "           has every skill and tool it needs",
                        theme.ok(),
                    ));
                }
                for g in &skill_gaps {
                    let text = format!(
                        "{} {} of {} (gap {}, costs {})",
                        skill(a, g.skill),
                        g.have,
                        g.need,
                        g.size(),
                        g.size() * g.size()
                    );
                    lines.extend(hanging(
                        Span::raw("           "),
                        &text,
                        width,
                        Style::new(),
                    ));
                }
                for &t in &tool_gaps {
                    let text = format!("no {} (costs 2)", clean(a.tool_name(t)));
                    lines.extend(hanging(
                        Span::raw("           "),
                        &text,
                        width,
                        Style::new(),
                    ));
                }
                let load = a.people[who].load();
                lines.push(Line::styled(
                    format!(
                        "           owns {load} of {} today",
                        app.team.people[who].capacity
                    ),
                    theme.dim(),
                ));
            }
            Proposal::Mentor(i) => {
                let mp = &state.plan.mentors[i];
                let covers: Vec<String> = mp.covers.iter().map(|&s| skill(a, s)).collect();
                lines.push(Line::from(vec![
                    Span::styled("Mentor     ", theme.dim()),
                    Span::styled(person(&app.team, who), theme.bold()),
                ]));
                lines.extend(hanging(
                    Span::raw("           "),
                    &format!("covers {}", covers.join(", ")),
                    width,
                    Style::new(),
                ));
                lines.push(Line::styled(
                    format!(
                        "           mentors {} of {} today",
                        a.people[who].mentoring(),
                        app.team.people[who].mentor_capacity
                    ),
                    theme.dim(),
                ));
            }
        }
    }
    if !state.plan.unplaced.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("No capacity left for", theme.warn()));
        for &m in &state.plan.unplaced {
            lines.extend(hanging(
                Span::raw("  "),
                &app.team.missions[m].title,
                width,
                Style::new(),
            ));
        }
        lines.push(Line::styled(
            format!(
                "The team has {} free places in all.",
                state.plan.spare_places
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    let keys = &app.keymap;
    lines.push(Line::styled(
        format!(
            "{} accepts the selected proposal, {} accepts them all; {} undoes. Owners are placed \
             for the lowest total cost (Σ gap² + 2 × missing tools) with no one above capacity.",
            keys.key(Context::Plan, Action::Confirm),
            keys.key(Context::Plan, Action::AcceptAll),
            keys.key(Context::Global, Action::Undo),
        ),
        theme.dim(),
    ));
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            // Re-wrap plain long lines (the explanation at the foot).
            if l.width() > width && l.spans.len() == 1 {
                let style = l.spans[0].style;
                hanging(Span::raw(""), &l.spans[0].content, width, style)
            } else {
                vec![l]
            }
        })
        .collect();
    let pane = Paragraph::new(lines).block(block);
    frame.render_widget(
        crate::tui::widgets::scrolled_pane(&app.state, pane, area),
        area,
    );
}
