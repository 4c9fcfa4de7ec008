//! `h`: the moment the state exists for. The three conditions of a mission
//! about to be handed over — goal, skills (or the mentor who covers them),
//! tools — and its verdict; a ready or stretch mission goes with one key,
//! anything else asks once more, naming what is missing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crossterm::event::{Event, KeyEvent};
use jiff::ToSpan;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Modal, Step};
use crate::analysis::explain::{self, person};
use crate::analysis::{Finding, Verdict};
use crate::date_input;
use crate::edit;
use crate::model::{Date, Status};
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, State};
use crate::tui::theme::Theme;
use crate::tui::widgets::boxed_with;
use crate::tui::widgets::text::cut;

/// Days from the hand-over to the first check-in, unless the manager says.
pub const CHECK_IN_DAYS: i64 = 14;

#[derive(Debug)]
pub struct HandOver {
    pub mission: usize,
    /// When to look in on it after the hand-over.
    pub check_in: Date,
    /// Another check-in date being typed, and why the last try was refused.
    editing: Option<(Input, Option<String>)>,
    /// Asked once more, naming what is missing: the mission is at risk or
    /// blocked. Its own key answers, never the one that asked.
    pub asking: Option<Vec<String>>,
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
        _ => {
            return Some(Modal::HandOver(HandOver {
                mission: m,
                check_in: state.today + CHECK_IN_DAYS.days(),
                editing: None,
                asking: None,
            }));
        }
    }
    None
}

impl HandOver {
    /// The keys in force: the checklist's, the question's, or a date's.
    pub fn context(&self) -> (Context, bool) {
        match (&self.editing, &self.asking) {
            (Some(_), _) => (Context::Prompt, true),
            (None, Some(_)) => (Context::AtRisk, false),
            (None, None) => (Context::HandOver, false),
        }
    }

    pub fn text(&mut self, key: KeyEvent) {
        if let Some((input, error)) = &mut self.editing {
            input.handle_event(&Event::Key(key));
            *error = None;
        }
    }

    pub fn command(mut self, state: &mut State, action: Action) -> Step {
        if let Some((input, error)) = &mut self.editing {
            match action {
                Action::Confirm => match date_input::parse(input.value(), state.today) {
                    Ok(date) if date < state.today => {
                        *error = Some(format!("{date} is past: a check-in is today or later"));
                    }
                    Ok(date) => {
                        self.check_in = date;
                        self.editing = None;
                    }
                    Err(e) => *error = Some(e.to_string()),
                },
                Action::Cancel => self.editing = None,
                _ => {}
            }
            return Step::stay(self);
        }
        let verdict = state.analysis.missions[self.mission].verdict;
        match action {
            // The question's own key: handed over knowing what is missing.
            Action::Confirm if self.asking.is_some() => Step::done(self.hand_over(state, verdict)),
            Action::Confirm if matches!(verdict, Verdict::Ready | Verdict::Stretch) => {
                Step::done(self.hand_over(state, verdict))
            }
            Action::Confirm => {
                self.asking = Some(missing(state, self.mission, verdict));
                Step::stay(self)
            }
            Action::CheckIn => {
                self.editing = Some((Input::new(self.check_in.to_string()), None));
                Step::stay(self)
            }
            // From the question, back to the checklist.
            Action::Cancel if self.asking.is_some() => {
                self.asking = None;
                Step::stay(self)
            }
            Action::Cancel => Step::close(),
            _ => Step::stay(self),
        }
    }

    /// Hands the mission over: one undoable change, which keeps the verdict
    /// it had (a mission handed over at risk stays visible) and the check-in.
    fn hand_over(&self, state: &mut State, verdict: Verdict) -> Vec<Effect> {
        let change = edit::hand_over_as(
            &state.team,
            self.mission,
            state.today,
            Some(verdict),
            Some(self.check_in),
        );
        state.apply(change)
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        if let Some(lines) = &self.asking {
            return self.draw_question(state, lines, frame, area);
        }
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
        // 4. How much to let go: the delegation the owner's readiness supports.
        if let Some(s) = report.suggested_delegation {
            let name = crate::model::Delegation::name;
            let (text, style) = match mission.delegation {
                Some(level) if level > s => (
                    format!(
                        "{level} {}: above the {s} {} their readiness supports",
                        name(level),
                        name(s)
                    ),
                    theme.warn(),
                ),
                Some(level) if level < s => (
                    format!(
                        "{level} {}: they are ready for up to {s} {}",
                        name(level),
                        name(s)
                    ),
                    theme.dim(),
                ),
                Some(level) => (
                    format!("{level} {}: as their readiness supports", name(level)),
                    theme.ok(),
                ),
                None => (
                    format!("not set: {s} {} suits their readiness", name(s)),
                    theme.dim(),
                ),
            };
            lines.push(Line::from(vec![
                Span::styled("Delegation ", theme.bold()),
                Span::styled(text, style),
            ]));
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
        // When to look in on it: part of handing over, never an afterthought.
        lines.push(Line::raw(""));
        let footer = match &self.editing {
            Some((input, error)) => {
                lines.push(Line::from(vec![
                    Span::styled("Check in  ", theme.bold()),
                    Span::raw(clean(input.value()).into_owned()),
                ]));
                lines.push(
                    match (error, date_input::parse(input.value(), state.today)) {
                        (Some(error), _) => {
                            Line::styled(format!("          {error}"), theme.error())
                        }
                        (None, Ok(date)) => Line::styled(
                            format!("          → {}", date_input::shown(date, state.today)),
                            theme.dim(),
                        ),
                        (None, Err(_)) => {
                            Line::styled(format!("          {}", date_input::HINT), theme.dim())
                        }
                    },
                );
                let set = state.keymap.keys_for(Context::Prompt, Action::Confirm);
                let keep = state.keymap.keys_for(Context::Prompt, Action::Cancel);
                Line::styled(
                    format!("{set}: set the date · {keep}: keep {}", self.check_in),
                    theme.key(),
                )
            }
            None => {
                let change = state.keymap.key(Context::HandOver, Action::CheckIn);
                lines.push(Line::from(vec![
                    Span::styled("Check in  ", theme.bold()),
                    Span::raw(date_input::shown(self.check_in, state.today)),
                    Span::styled(format!("  ({change} changes it)"), theme.dim()),
                ]));
                let yes = state.keymap.keys_for(Context::HandOver, Action::Confirm);
                let no = state.keymap.keys_for(Context::HandOver, Action::Cancel);
                let text = if matches!(report.verdict, Verdict::Ready | Verdict::Stretch) {
                    format!("{yes}: hand it over now · {no}: not now")
                } else {
                    format!("{yes}: hand it over anyway (asks once more) · {no}: not now")
                };
                Line::styled(text, theme.key())
            }
        };
        let title = format!("Hand over \"{}\"", cut(&mission.title, 50));
        boxed_with(state, &title, lines, footer, frame, area, 80);
    }

    /// The second question, naming what is missing, with its own key.
    fn draw_question(&self, state: &State, lines: &[String], frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let title = clean(&state.team.missions[self.mission].title).into_owned();
        let lines: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
        let yes = state.keymap.keys_for(Context::AtRisk, Action::Confirm);
        let no = state.keymap.keys_for(Context::AtRisk, Action::Cancel);
        let footer = Line::styled(
            format!("{yes}: hand it over anyway · {no}: back to the checklist"),
            theme.key(),
        );
        boxed_with(
            state,
            &format!("Hand \"{}\" over anyway?", cut(&title, 50)),
            lines,
            footer,
            frame,
            area,
            70,
        );
    }
}

/// What the owner would be missing, and what handing over anyway means.
fn missing(state: &State, mission: usize, verdict: Verdict) -> Vec<String> {
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
    lines.push("It stays marked as handed over at risk until it is done.".into());
    lines
}
