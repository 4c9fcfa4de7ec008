//! `W` on a person: what if they leave (SPEC §3) — the missions whose
//! verdict changes, the skills left at risk, and the plan for what they
//! leave. It changes nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Modal, Step};
use crate::analysis::explain::{self, person};
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::widgets::{centered, modal_box, modal_hints};
use crate::whatif::{WhatIf, without};

#[derive(Debug)]
pub struct WhatIfModal {
    pub what: Box<WhatIf>,
    /// How far the text is scrolled down.
    pub scroll: u16,
}

/// The team without the selected person, analysed again.
pub fn open(state: &mut State) -> Option<Modal> {
    let p = state.selected_person()?;
    let what = without(&state.team, &state.analysis, p);
    Some(Modal::WhatIf(WhatIfModal {
        what: Box::new(what),
        scroll: 0,
    }))
}

impl WhatIfModal {
    pub fn command(mut self, action: Action) -> Step {
        match action {
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Cancel => return Step::close(),
            _ => {}
        }
        Step::stay(self)
    }

    /// The same sections as `handover whatif`, as lines.
    pub fn lines(&self, theme: Theme) -> Vec<Line<'static>> {
        let w = &self.what;
        let title = |m: usize| clean(&w.team.missions[m].title).into_owned();
        let mut lines = Vec::new();
        let heading = |text: String| Line::styled(text, theme.bold());
        if w.changed.is_empty() {
            lines.push(Line::raw("No mission's verdict changes."));
        } else {
            let n = w.changed.len();
            lines.push(heading(format!(
                "{n} verdict{} would change",
                crate::text::plural(n)
            )));
            for &(m, before, after) in &w.changed {
                lines.push(Line::from(vec![
                    Span::raw(format!("  {}: ", title(m))),
                    Span::styled(Theme::badge(before), theme.verdict(before)),
                    Span::raw(" → "),
                    Span::styled(Theme::badge(after), theme.verdict(after)),
                ]));
            }
        }
        if !w.single_points.is_empty() {
            lines.push(Line::raw(""));
            lines.push(heading("Skills at risk".into()));
            for name in &w.single_points {
                let holders = w
                    .analysis
                    .skills
                    .iter()
                    .find(|r| w.analysis.skill_name(r.skill) == name)
                    .map_or_else(String::new, |r| explain::holders(&w.team, r));
                lines.push(Line::raw(format!("  {}: {holders}", clean(name))));
            }
        }
        lines.push(Line::raw(""));
        if w.plan.owners.is_empty() && w.plan.mentors.is_empty() && w.plan.unplaced.is_empty() {
            if !w.orphaned.is_empty() || !w.changed.is_empty() {
                lines.push(Line::raw("Nothing to plan for what they leave."));
            }
        } else {
            lines.push(heading("The plan for what they leave".into()));
            for o in &w.plan.owners {
                lines.push(Line::raw(format!(
                    "  {} → {}{}",
                    title(o.mission),
                    person(&w.team, o.person),
                    if o.wants {
                        " (wants to grow in it)"
                    } else {
                        ""
                    }
                )));
            }
            for m in &w.plan.mentors {
                lines.push(Line::raw(format!(
                    "  {}: {} pairs with the owner",
                    title(m.mission),
                    person(&w.team, m.person)
                )));
            }
            for &m in &w.plan.unplaced {
                lines.push(Line::styled(
                    format!("  {}: nobody has room for it", title(m)),
                    theme.warn(),
                ));
            }
        }
        lines
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let rect = centered(area, 90, area.height.saturating_sub(2));
        let title = format!("What if {} leaves?", clean(&self.what.without));
        let inner = modal_box(state, frame, rect, &title);
        let [body, keys] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Fill(1),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(self.lines(state.theme))
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            body,
        );
        frame.render_widget(Paragraph::new(modal_hints(state, Context::WhatIf)), keys);
    }
}
