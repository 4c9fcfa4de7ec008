//! `?`: every key of the current view, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::Step;
use crate::tui::message::{Action, View};
use crate::tui::state::State;
use crate::tui::widgets::centered;
use crate::tui::widgets::text::fit;

#[derive(Debug, Default)]
pub struct Help {
    scroll: u16,
}

impl Help {
    pub fn command(mut self, action: Action) -> Step {
        match action {
            Action::Cancel => return Step::close(),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
        Step::stay(self)
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let keymap = &state.keymap;
        let contexts = state.view_contexts();
        let entries: Vec<Line> = keymap
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
        // What the view's marks mean: no symbol without its words.
        lines.push(Line::raw(""));
        for line in legend(state.view) {
            // The due-soon days are the setting's.
            lines.push(Line::raw(
                line.replace("{soon}", &state.settings.due_soon_days.to_string()),
            ));
        }
        // Every key named here comes from the keymap.
        lines.push(Line::raw(""));
        for note in keymap.help_notes() {
            lines.push(Line::styled(note, theme.dim()));
        }
        let rect = centered(area, width as u16, lines.len() as u16 + 2);
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.title())
            .title(Span::styled(
                format!(" Keys — {} ", state.view.title()),
                theme.title(),
            ))
            .title_bottom(Span::styled(keymap.help_footer(), theme.dim()));
        frame.render_widget(
            Paragraph::new(lines).block(block).scroll((self.scroll, 0)),
            rect,
        );
    }
}

/// The marks a view draws, in words.
fn legend(view: View) -> &'static [&'static str] {
    match view {
        View::Missions => &[
            "Marks: ✓ ready · ~ stretch · ! at risk · ✗ blocked · ? unassigned · · done.",
            "Due: ! late, » within {soon} days; \"3d late\", \"today\", \"in 5d\".",
        ],
        View::People => &[
            "Rows: ! in front: a signal (overloaded, isolated, mentoring too much, the",
            "only one at 3+ in a skill work needs) · 22d: days since your last one-on-one,",
            "! when one is due by their cadence (new!: never met) · 1/3: missions owned",
            "of their capacity.",
        ],
        View::Matrix => &[
            "Levels: · none, 1 learning, 2 guided, 3 autonomous, 4 expert. !skill: only",
            "one person (or nobody) is at 3+ while work needs it.",
        ],
        View::OneOnOne => &[
            "Rows: days since your last one-on-one, ! when one is due by their cadence",
            "(new!: never met); the most overdue first.",
        ],
        View::Plan => &[
            "Proposals: the mission's verdict now → after it, by its mark (? → ~: from",
            "unassigned to a stretch); the detail says why one stays at risk or blocked.",
        ],
    }
}
