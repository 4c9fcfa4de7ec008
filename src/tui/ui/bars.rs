//! The tab bar at the top and the status bar at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::analysis::Verdict;
use crate::tui::app::{App, NoticeKind, SaveState};
use crate::tui::keymap::Context;
use crate::tui::message::{Action, View};
use crate::tui::widgets::text::cut;

pub fn tabs(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let mut spans = Vec::new();
    // Where each tab is, for a click.
    let mut at = [Rect::ZERO; View::ALL.len()];
    let mut x = area.x;
    for (i, view) in View::ALL.iter().enumerate() {
        // The key that shows the view, from the keymap.
        let action = [
            Action::ShowMissions,
            Action::ShowPeople,
            Action::ShowMatrix,
            Action::ShowOneOnOne,
            Action::ShowPlan,
        ][i];
        let label = match app.keymap.keys(Context::Global, action).first() {
            Some(key) => format!(" {key} {} ", view.title()),
            None => format!(" {} ", view.title()),
        };
        let style = if *view == app.view {
            theme.active_tab()
        } else {
            theme.dim()
        };
        let width = (crate::text::width(&label) as u16).min(area.right().saturating_sub(x));
        at[i] = Rect::new(x, area.y, width, area.height.min(1));
        x += width;
        spans.push(Span::styled(label, style));
    }
    app.areas.tabs.set(at);
    let used: usize = spans.iter().map(|s| s.width()).sum();
    // The verdicts that need the manager, on the right when there is room.
    let counts = app.analysis.verdict_counts();
    let summary: Vec<(Verdict, String)> = Verdict::ALL[..3]
        .iter()
        .filter(|v| counts[**v as usize] > 0)
        .map(|v| (*v, format!("{} {}", counts[*v as usize], v.label())))
        .collect();
    let width = usize::from(area.width);
    let summary_width = |summary: &[(Verdict, String)]| -> usize {
        summary.iter().map(|(_, s)| crate::text::width(s) + 3).sum()
    };
    // Short of room, the counts are said by the verdicts' marks ("✗2 !1
    // ?2"): shortened, never dropped.
    let summary = if used + summary_width(&summary) < width {
        summary
    } else {
        summary
            .into_iter()
            .map(|(v, _)| {
                let mark = crate::tui::theme::Theme::badge(v)
                    .split(' ')
                    .next()
                    .unwrap_or("");
                (v, format!("{mark}{}", counts[v as usize]))
            })
            .collect()
    };
    let summary_width = summary_width(&summary);
    if !summary.is_empty() && used + summary_width < width {
        spans.push(Span::raw(" ".repeat(width - used - summary_width + 1)));
        for (i, (verdict, text)) in summary.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme.dim()));
            }
            spans.push(Span::styled(text, theme.verdict(verdict)));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn status(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let width = usize::from(area.width);
    let file = app.file.path.display().to_string();
    let (state, state_style) = match &app.file.save {
        SaveState::Saved | SaveState::Sample if app.saving() => {
            ("saving…".to_string(), theme.dim())
        }
        SaveState::Sample => (
            format!(
                "sample in memory, not saved · {}: your own team",
                app.keymap.key(Context::Global, Action::StartOwn)
            ),
            theme.warn(),
        ),
        SaveState::Saved if app.file.read_only => ("read-only".to_string(), theme.warn()),
        SaveState::Saved => ("saved".to_string(), theme.ok()),
        SaveState::Failed(_) => ("NOT SAVED".to_string(), theme.error()),
        SaveState::Conflict => ("NOT SAVED: changed on disk".to_string(), theme.error()),
    };
    let mut first = vec![
        Span::styled(cut(&file, width / 2), theme.bold()),
        Span::styled(" · ", theme.dim()),
        Span::styled(state, state_style),
    ];
    if let Some(notice) = &app.notice {
        let style = match notice.kind {
            NoticeKind::Info => theme.title(),
            NoticeKind::Warning => theme.warn(),
            NoticeKind::Error => theme.error(),
        };
        let used: usize = first.iter().map(|s| s.width()).sum();
        first.push(Span::raw("  "));
        first.push(Span::styled(
            cut(&notice.text, width.saturating_sub(used + 2)),
            style,
        ));
    }
    let (contexts, _) = app.contexts();
    let all = app.keymap.hints(&contexts);
    // Help and quit always have their place (at the end); the others fill
    // what room is left, closer together when it is short.
    let lasting: Vec<(String, &'static str)> = [Action::Help, Action::Quit]
        .into_iter()
        .filter_map(|action| {
            let key = app.keymap.key(Context::Global, action);
            all.iter().find(|(k, _)| *k == key).cloned()
        })
        .collect();
    let others: Vec<(String, &'static str)> = all
        .iter()
        .filter(|hint| !lasting.contains(hint))
        .cloned()
        .collect();
    let room = |gap: usize, hints: &[(String, &str)]| -> usize {
        hints
            .iter()
            .map(|(k, n)| crate::text::width(k) + crate::text::width(n) + 1 + gap)
            .sum()
    };
    let gap = if room(3, &all) <= width { 3 } else { 2 };
    let mut used = room(gap, &lasting);
    let mut shown = Vec::new();
    for hint in others {
        let len = room(gap, std::slice::from_ref(&hint));
        if used + len > width {
            break;
        }
        used += len;
        shown.push(hint);
    }
    shown.extend(lasting);
    let mut hints = Vec::new();
    for (key, name) in shown {
        hints.push(Span::styled(key, theme.key()));
        hints.push(Span::raw(format!(" {name}{}", " ".repeat(gap))));
    }
    let lines = vec![Line::from(first), Line::from(hints)];
    frame.render_widget(Paragraph::new(lines), area);
}
