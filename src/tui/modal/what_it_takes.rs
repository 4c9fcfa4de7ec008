//! `f`: what it takes — the ways out of a blocked or at-risk mission
//! (SPEC §3 options), each with the verdict it leads to. Enter applies one
//! as one undoable change; an option that needs words (the goal) opens the
//! mission's form on the goal, with the rest of the option filled in.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::form::FormKind;
use super::{Form, Modal, Step};
use crate::analysis::{Change, MissionOption, explain};
use crate::edit;
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::Action;
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::boxed;
use crate::tui::widgets::text::cut;

#[derive(Debug)]
pub struct WhatItTakes {
    pub mission: usize,
    pub options: Vec<MissionOption>,
    pub selected: usize,
}

/// The options of the selected mission, or a notice saying why there are none.
pub fn open(state: &mut State) -> Option<Modal> {
    let m = state.selected_mission()?;
    let options = state.analysis.options(&state.team, m);
    if options.is_empty() {
        let title = clean(&state.team.missions[m].title).into_owned();
        let why = match state.analysis.missions[m].verdict {
            crate::analysis::Verdict::Blocked | crate::analysis::Verdict::AtRisk => {
                "no change of owner, mentor, tool or goal makes it better"
            }
            _ => "only a blocked or at-risk mission needs a way out",
        };
        state.tell(NoticeKind::Info, format!("\"{title}\": {why}"));
        return None;
    }
    Some(Modal::WhatItTakes(WhatItTakes {
        mission: m,
        options,
        selected: 0,
    }))
}

impl WhatItTakes {
    pub fn command(mut self, state: &mut State, action: Action) -> Step {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(self.options.len() - 1),
            Action::Cancel => return Step::close(),
            Action::Confirm => return self.apply(state),
            _ => {}
        }
        Step::stay(self)
    }

    /// The selected option, as one change; a goal to write opens the form.
    fn apply(self, state: &mut State) -> Step {
        let m = self.mission;
        let option = &self.options[self.selected];
        let mut after = state.team.clone();
        option.apply(
            &mut after,
            m,
            &state.analysis.index,
            &state.team.missions[m].goal,
        );
        let words = explain::option(&state.team, &state.analysis, m, option);
        let title = clean(&state.team.missions[m].title).into_owned();
        if option.changes.contains(&Change::Goal) {
            // The goal takes words: the form opens on it, the rest filled in.
            // Tools belong to people, not to the mission's form: given first.
            let tools_only: Vec<_> = option
                .changes
                .iter()
                .filter(|c| matches!(c, Change::Tool { .. }))
                .cloned()
                .collect();
            let mut effects = Vec::new();
            if !tools_only.is_empty() {
                let mut with_tools = state.team.clone();
                MissionOption {
                    changes: tools_only,
                    ..option.clone()
                }
                .apply(&mut with_tools, m, &state.analysis.index, "");
                let change =
                    edit::replace_all(&state.team, &with_tools, format!("tools for \"{title}\""));
                effects = state.apply(change);
            }
            let mut form = Form::mission(FormKind::EditMission(m), &after.missions[m]);
            if let Some(goal) = form.fields.iter().position(|f| f.label == "Goal") {
                form.focus = goal;
            }
            state.tell(
                NoticeKind::Info,
                format!("Write the goal down: saving the form does the rest ({words})"),
            );
            return Step::stay(form).with(effects);
        }
        let change = edit::replace_all(
            &state.team,
            &after,
            format!("what it takes for \"{title}\": {words}"),
        );
        Step::done(state.apply(change))
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let m = self.mission;
        let mut lines = vec![Line::raw(format!(
            "{} is {} now. Ways out, best first:",
            cut(&state.team.missions[m].title, 40),
            state.analysis.missions[m].verdict.label()
        ))];
        lines.push(Line::raw(""));
        for (i, option) in self.options.iter().enumerate() {
            let chosen = i == self.selected;
            let text = explain::option(&state.team, &state.analysis, m, option);
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} {}. ", if chosen { "▸" } else { " " }, i + 1),
                    theme.bold(),
                ),
                if chosen {
                    Span::styled(text, theme.selected())
                } else {
                    Span::raw(text)
                },
            ]));
        }
        boxed(
            state,
            Context::Options,
            "What it takes",
            lines,
            frame,
            area,
            90,
        );
    }
}
