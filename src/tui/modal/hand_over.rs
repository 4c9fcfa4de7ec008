//! `h`: the moment the state exists for. The three conditions of a mission
//! about to be handed over — goal, skills (or the mentor who covers them),
//! tools — and its verdict; a ready or stretch mission goes with one key,
//! anything else asks once more, naming what is missing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::confirm::{Pending, ask};
use super::{Modal, Step};
use crate::analysis::explain::{self, person};
use crate::analysis::{Finding, Verdict};
use crate::edit;
use crate::model::Status;
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, State};
use crate::tui::theme::Theme;
use crate::tui::widgets::boxed_with;
use crate::tui::widgets::text::cut;

#[derive(Debug)]
pub struct HandOver {
    pub mission: usize,
}

/// Opens the checklist for the selected mission (or says why not).
pub fn open(state: &mut State) -> Option<Modal> {
    let m = state.selected_mission()?;
    let mission = &state.team.missions[m];
    let title = clean(&mission.title).into_owned();
    match (mission.status, state.analysis.missions[m].verdict) {
        (Status::Done, _) => state.tell(NoticeKind::Info, format!("\"{title}\" is done")),
        (Status::HandedOver, _) => {
            let when = mission
                .handed_over
                .map(|d| format!(" on {d}"))
                .unwrap_or_default();
            state.tell(
                NoticeKind::Info,
                format!("\"{title}\" was handed over{when}"),
            );
        }
        (_, Verdict::Unassigned) => {
            let owner = state.keymap.key(Context::Missions, Action::AssignOwner);
            state.tell(
                NoticeKind::Warning,
                format!("\"{title}\" has no owner yet: press {owner} to choose one"),
            );
        }
        _ => return Some(Modal::HandOver(HandOver { mission: m })),
    }
    None
}

/// Hands the mission over: one undoable change.
pub fn hand_over(state: &mut State, mission: usize) -> Vec<Effect> {
    let change = edit::hand_over(&state.team, mission, state.today);
    state.apply(change)
}

impl HandOver {
    pub fn command(self, state: &mut State, action: Action) -> Step {
        match action {
            Action::Confirm => {
                let mission = self.mission;
                let verdict = state.analysis.missions[mission].verdict;
                if matches!(verdict, Verdict::Ready | Verdict::Stretch) {
                    return Step::done(hand_over(state, mission));
                }
                let title = clean(&state.team.missions[mission].title).into_owned();
                let owner = state.analysis.index.owner[mission]
                    .map(|o| person(&state.team, o))
                    .unwrap_or_default();
                let mut lines = vec![format!("{owner} would be missing:")];
                lines.extend(
                    Finding::of(&state.team, &state.analysis, mission)
                        .iter()
                        .map(|f| format!("  • {}", f.words(&state.team, &state.analysis))),
                );
                lines.push(String::new());
                lines.push(if verdict == Verdict::AtRisk {
                    "Handing over an at-risk mission is abandonment, not autonomy.".into()
                } else {
                    "A blocked mission cannot succeed until this is fixed.".into()
                });
                Step {
                    next: Some(ask(
                        format!("Hand \"{title}\" over anyway?"),
                        lines,
                        Pending::Apply(Box::new(edit::hand_over(
                            &state.team,
                            mission,
                            state.today,
                        ))),
                    )),
                    effects: Vec::new(),
                }
            }
            Action::Cancel => Step::close(),
            _ => Step::stay(self),
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let m = self.mission;
        let theme = state.theme;
        let mission = &state.team.missions[m];
        let report = &state.analysis.missions[m];
        let a = &state.analysis;
        let owner = a.index.owner[m]
            .map(|o| person(&state.team, o))
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
                (Some(mentor), false) => format!("covered by {}", person(&state.team, mentor)),
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
            Verdict::Stretch => format!(
                "A stretch: {owner} grows into it with a mentor. Agree when you will check in."
            ),
            Verdict::AtRisk => {
                "At risk: handing it over now would be abandonment, not autonomy.".to_string()
            }
            _ => "Blocked: fix what is missing first.".to_string(),
        };
        lines.push(Line::raw(advice));
        for finding in Finding::of(&state.team, a, m)
            .iter()
            .filter(|f| f.is_abandonment_risk() || f.is_overloaded())
        {
            lines.push(Line::styled(
                format!("  {}", finding.words(&state.team, a)),
                theme.warn(),
            ));
        }
        let yes = state.keymap.keys_for(Context::Confirm, Action::Confirm);
        let no = state.keymap.keys_for(Context::Confirm, Action::Cancel);
        let footer = if matches!(report.verdict, Verdict::Ready | Verdict::Stretch) {
            format!("{yes}: hand it over now · {no}: not now")
        } else {
            format!("{yes}: hand it over anyway (asks once more) · {no}: not now")
        };
        let title = format!("Hand over \"{}\"", cut(&mission.title, 50));
        boxed_with(
            state,
            &title,
            lines,
            Line::styled(footer, theme.key()),
            frame,
            area,
            80,
        );
    }
}
