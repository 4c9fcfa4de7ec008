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
        spans.push(Span::styled(label, style));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    // The verdicts that need the manager, on the right when there is room.
    let counts = app.analysis.verdict_counts();
    let summary: Vec<(Verdict, String)> = Verdict::ALL[..3]
        .iter()
        .filter(|v| counts[**v as usize] > 0)
        .map(|v| (*v, format!("{} {}", counts[*v as usize], v.label())))
        .collect();
    let summary_width: usize = summary.iter().map(|(_, s)| s.len() + 3).sum();
    let width = usize::from(area.width);
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
    let mut hints = Vec::new();
    let mut used = 0;
    for (key, name) in app.keymap.hints(&contexts) {
        let len = key.chars().count() + name.len() + 3;
        if used + len > width {
            break;
        }
        used += len;
        hints.push(Span::styled(key, theme.key()));
        hints.push(Span::raw(format!(" {name}   ")));
    }
    let lines = vec![Line::from(first), Line::from(hints)];
    frame.render_widget(Paragraph::new(lines), area);
}
