//! Modals drawn over the view: help, forms, pickers, the hand-over
//! checklist, confirmations and the conflict notice.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::bars::modal_hints;
use super::text::{cut, fit};
use super::{centered, modal_box};
use crate::analysis::Verdict;
use crate::analysis::explain::{self, person};
use crate::text::clean;
use crate::tui::app::{App, Modal};
use crate::tui::form::Form;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::picker::{Picker, PickerKind};
use crate::tui::theme::Theme;

pub fn render(app: &App, modal: &Modal, frame: &mut Frame, area: Rect) {
    match modal {
        Modal::Help { scroll } => help(app, *scroll, frame, area),
        Modal::Entry(form) => super::log::entry(app, form, frame, area),
        Modal::Actions {
            person,
            items,
            list,
        } => super::log::actions(app, *person, items, list, frame, area),
        Modal::Export { path, .. } => super::log::export(app, path, frame, area),
        Modal::Form(form) => form_modal(app, form, frame, area),
        Modal::Picker(picker) => picker_modal(app, picker, frame, area),
        Modal::HandOver { mission } => hand_over(app, *mission, frame, area),
        Modal::Confirm(confirm) => {
            let lines: Vec<Line> = confirm.lines.iter().map(|l| Line::raw(l.clone())).collect();
            boxed(app, &confirm.title, lines, frame, area, 70);
        }
        Modal::Conflict => {
            let name = app.file.path.display().to_string();
            let lines = vec![
                Line::raw(format!(
                    "{} changed on disk since handover read it:",
                    cut(&name, 60)
                )),
                Line::raw("another program, a git checkout or another editor wrote it."),
                Line::raw(""),
                Line::styled("Nothing was overwritten.", app.theme.bold()),
                Line::raw(""),
                Line::raw("y or r: keep your version in a copy beside it, then reload the file."),
                Line::raw("n: keep working; your changes stay unsaved until you reload."),
            ];
            boxed(app, "The team file changed on disk", lines, frame, area, 74);
        }
    }
}

/// A framed box sized to its lines, with the keys at the foot.
fn boxed(
    app: &App,
    title: &str,
    lines: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
    width: u16,
) {
    boxed_with(app, title, lines, modal_hints(app), frame, area, width);
}

fn boxed_with(
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

fn help(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let contexts = app.view_contexts();
    let entries: Vec<Line> = app
        .keymap
        .help(&contexts)
        .into_iter()
        .map(|(keys, description)| {
            Line::from(vec![
                Span::styled(fit(&keys, 12), theme.key()),
                Span::raw(description),
            ])
        })
        .collect();
    // Two columns when there is room, so every key fits on one screen.
    let half = entries.len().div_ceil(2);
    let left = entries[..half].iter().map(Line::width).max().unwrap_or(0) + 3;
    let right = entries[half..].iter().map(Line::width).max().unwrap_or(0);
    let two = usize::from(area.width) >= left + right + 2;
    let width = if two { left + right + 2 } else { 78 };
    let mut lines: Vec<Line> = if two {
        (0..half)
            .map(|i| {
                let mut spans = entries[i].spans.clone();
                spans.push(Span::raw(
                    " ".repeat(left.saturating_sub(entries[i].width())),
                ));
                if let Some(right) = entries.get(i + half) {
                    spans.extend(right.spans.clone());
                }
                Line::from(spans)
            })
            .collect()
    } else {
        entries
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Forms: Tab/↓ next field · Shift-Tab/↑ previous · Enter saves · Esc closes.",
        theme.dim(),
    ));
    lines.push(Line::styled(
        "Confirmations: y or Enter for yes, n or Esc for no. Rebind keys in keys.ron.",
        theme.dim(),
    ));
    let rect = centered(area, width as u16, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title())
        .title(Span::styled(
            format!(" Keys — {} ", app.view.title()),
            theme.title(),
        ))
        .title_bottom(Span::styled(" j/k scroll · Esc or ? closes ", theme.dim()));
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
}

fn form_modal(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let title = match form.kind {
        crate::tui::form::FormKind::AddMission => "New mission".to_string(),
        crate::tui::form::FormKind::AddPerson => "New person".to_string(),
        crate::tui::form::FormKind::EditMission(m) => {
            format!("Edit \"{}\"", cut(&app.team.missions[m].title, 50))
        }
        crate::tui::form::FormKind::EditPerson(p) => {
            format!("Edit {}", cut(&app.team.people[p].name, 50))
        }
    };
    let fields = form.fields.len() as u16;
    let rect = centered(area, 84, fields + 7);
    let inner = modal_box(app, frame, rect, &title);
    let [rows, hint, error, keys] = Layout::vertical([
        Constraint::Length(fields + 1),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(inner);
    let label_width = 17;
    let value_width = usize::from(inner.width).saturating_sub(label_width + 1);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        // Only the field being typed in scrolls to its cursor.
        let scroll = if focused {
            field.input.visual_scroll(value_width.max(1))
        } else {
            0
        };
        let visible = skip_columns(field.input.value(), scroll);
        let label_style = if focused { theme.key() } else { theme.dim() };
        let value_style = if focused {
            theme.bold()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(fit(field.label, label_width), label_style),
            Span::styled(fit(&visible, value_width), value_style),
        ]));
        if focused {
            let x =
                rows.x + (label_width + field.input.visual_cursor().saturating_sub(scroll)) as u16;
            let y = rows.y + i as u16;
            if x < rows.right() && y < rows.bottom() {
                cursor = Some((x, y));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), rows);
    frame.render_widget(
        Paragraph::new(cut(form.fields[form.focus].hint, usize::from(inner.width)))
            .style(theme.dim()),
        hint,
    );
    if let Some(text) = &form.error {
        frame.render_widget(
            Paragraph::new(clean(text).into_owned())
                .style(theme.error())
                .wrap(Wrap { trim: true }),
            error,
        );
    }
    frame.render_widget(Paragraph::new(modal_hints(app)), keys);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The text after its first `columns` display columns.
fn skip_columns(text: &str, columns: usize) -> String {
    let mut used = 0;
    text.chars()
        .skip_while(|c| {
            let skip = used < columns;
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            skip
        })
        .collect()
}

fn picker_modal(app: &App, picker: &Picker, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let mission = clean(&app.team.missions[picker.mission].title).into_owned();
    let title = match picker.kind {
        PickerKind::Owner => format!("Who should own \"{}\"?", cut(&mission, 40)),
        PickerKind::Mentor => format!("Who should mentor on \"{}\"?", cut(&mission, 40)),
    };
    let rect = centered(area, 100, area.height.saturating_sub(4).max(8));
    let inner = modal_box(app, frame, rect, &title);
    let [filter, list, hints] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let query = picker.list.query();
    let filter_line = Line::from(vec![
        Span::styled("type to filter: ", theme.dim()),
        Span::raw(cut(query, usize::from(filter.width).saturating_sub(17))),
    ]);
    let ranking = match picker.kind {
        PickerKind::Owner => "ranked by cost (Σ gap² + 2 × missing tools), then spare capacity",
        PickerKind::Mentor => "ranked by gaps covered, then people the owner turns to, then load",
    };
    frame.render_widget(
        Paragraph::new(vec![filter_line, Line::styled(ranking, theme.dim())]),
        filter,
    );
    frame.set_cursor_position((
        filter.x
            + 16
            + picker
                .list
                .filter
                .visual_cursor()
                .min(usize::from(filter.width)) as u16,
        filter.y,
    ));
    let width = usize::from(list.width);
    let name_width = 22.min(width / 3);
    let mut lines = Vec::new();
    for row in picker.list.window(usize::from(list.height)) {
        let candidate = &picker.candidates[picker.list.rows[row]];
        let full = if candidate.available { "" } else { "full · " };
        let detail = format!("{full}{}", candidate.detail);
        let mut line = Line::from(vec![
            Span::raw(fit(&candidate.name, name_width)),
            Span::raw(" "),
            Span::styled(
                fit(&detail, width.saturating_sub(name_width + 1)),
                if candidate.available {
                    ratatui::style::Style::new()
                } else {
                    theme.dim()
                },
            ),
        ]);
        if row == picker.list.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if picker.list.rows.is_empty() {
        lines.push(Line::styled("Nobody matches.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(Paragraph::new(modal_hints(app)), hints);
}

fn hand_over(app: &App, m: usize, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let mission = &app.team.missions[m];
    let report = &app.analysis.missions[m];
    let a = &app.analysis;
    let owner = a.index.owner[m]
        .map(|o| person(&app.team, o))
        .unwrap_or_default();
    let check = |ok: bool| {
        if ok {
            Span::styled("[✓] ", theme.ok())
        } else {
            Span::styled("[✗] ", theme.error())
        }
    };
    let mut lines = vec![Line::raw(format!("To {owner}.")), Line::raw("")];
    // 1. A clear goal.
    lines.push(Line::from(vec![
        check(!report.goal_missing),
        Span::styled("A clear goal", theme.bold()),
    ]));
    lines.push(Line::raw(if report.goal_missing {
        "      none yet: write what done looks like".to_string()
    } else {
        format!("      {}", clean(&mission.goal))
    }));
    // 2. The skills, or a mentor who covers them.
    let skills_ok = report
        .skill_gaps
        .iter()
        .all(|g| g.is_covered() && !g.is_wide());
    lines.push(Line::from(vec![
        check(skills_ok),
        Span::styled("The skills, or a mentor who covers them", theme.bold()),
    ]));
    if report.skill_gaps.is_empty() {
        lines.push(Line::raw(format!("      {owner} has every skill it needs")));
    }
    for gap in &report.skill_gaps {
        let skill = explain::skill(a, gap.skill);
        let how = match (gap.covered_by, gap.is_wide()) {
            (_, true) => format!("too wide to pair (gap of {})", gap.size()),
            (Some(mentor), false) => format!("covered by {}", person(&app.team, mentor)),
            (None, false) => "not covered".to_string(),
        };
        lines.push(Line::raw(format!(
            "      {skill}: needs {}, has {} — {how}",
            gap.need, gap.have
        )));
    }
    // 3. The tools and resources.
    lines.push(Line::from(vec![
        check(report.tool_gaps.is_empty()),
        Span::styled("The tools and resources", theme.bold()),
    ]));
    if a.index.mission_tools[m].is_empty() {
        lines.push(Line::raw("      none needed"));
    } else {
        let tools: Vec<String> = a.index.mission_tools[m]
            .iter()
            .map(|&t| {
                let mark = if report.tool_gaps.contains(&t) {
                    "missing"
                } else {
                    "✓"
                };
                format!("{} {mark}", clean(a.tool_name(t)))
            })
            .collect();
        lines.push(Line::raw(format!("      {}", tools.join(", "))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::raw("Verdict: "),
        Span::styled(Theme::badge(report.verdict), theme.verdict(report.verdict)),
    ]));
    let advice = match report.verdict {
        Verdict::Ready => "Everything is in place: hand it over with confidence.".to_string(),
        Verdict::Stretch => {
            format!("A stretch: {owner} grows into it with a mentor. Agree when you will check in.")
        }
        Verdict::AtRisk => {
            "At risk: handing it over now would be abandonment, not autonomy.".to_string()
        }
        _ => "Blocked: fix what is missing first.".to_string(),
    };
    lines.push(Line::raw(advice));
    if report.abandonment_risk || report.overloaded {
        for finding in explain::findings(&app.team, a, m)
            .into_iter()
            .filter(|f| f.starts_with("abandonment") || f.starts_with("overloaded"))
        {
            lines.push(Line::styled(format!("  {finding}"), theme.warn()));
        }
    }
    let yes = app.keymap.keys_for(Context::Confirm, Action::Confirm);
    let no = app.keymap.keys_for(Context::Confirm, Action::Cancel);
    let footer = if matches!(report.verdict, Verdict::Ready | Verdict::Stretch) {
        format!("{yes}: hand it over now · {no}: not now")
    } else {
        format!("{yes}: hand it over anyway (asks once more) · {no}: not now")
    };
    let title = format!("Hand over \"{}\"", cut(&mission.title, 50));
    boxed_with(
        app,
        &title,
        lines,
        Line::styled(footer, theme.key()),
        frame,
        area,
        80,
    );
}
