//! `o` and `m`: the owner and mentor pickers — everyone, ranked as SPEC §3
//! ranks suggestions, each with what they would lack or cover. Typing
//! filters; Enter chooses.

use crossterm::event::{Event, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::backend::crossterm::EventHandler;

use super::{Modal, Step};
use crate::analysis::explain::{person, skill};
use crate::analysis::suggest::{rank_all_mentors, rank_all_owners};
use crate::analysis::{Analysis, PersonId, gaps};
use crate::edit;
use crate::model::Team;
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::list::{ListState, filter_rows};
use crate::tui::message::Action;
use crate::tui::state::State;
use crate::tui::widgets::modal_hints;
use crate::tui::widgets::text::{cut, fit};
use crate::tui::widgets::{centered, modal_box};

/// How many of the best-ranked owners get their stretch mentor worked out.
const STRETCH_CHECKED: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickerKind {
    Owner,
    Mentor,
}

#[derive(Debug)]
pub struct Candidate {
    /// None clears the owner or mentor.
    pub person: Option<PersonId>,
    pub name: String,
    pub detail: String,
    /// Has room to take it on.
    pub available: bool,
}

#[derive(Debug)]
pub struct Picker {
    pub kind: PickerKind,
    pub mission: usize,
    pub candidates: Vec<Candidate>,
    pub list: ListState,
}

impl Picker {
    pub fn owner(team: &Team, a: &Analysis, mission: usize) -> Self {
        let mut candidates: Vec<Candidate> = rank_all_owners(team, &a.index, mission)
            .into_iter()
            .enumerate()
            .map(|(rank, (p, cost, spare))| {
                let mut notes = Vec::new();
                let skill_gaps = gaps::skill_gaps(&a.index, mission, p, a.index.mentor[mission]);
                let tool_gaps = gaps::tool_gaps(&a.index, mission, p);
                if skill_gaps.is_empty() && tool_gaps.is_empty() {
                    notes.push("has everything it needs".to_string());
                }
                for g in &skill_gaps {
                    let covered = if g.is_covered() {
                        ", mentor covers"
                    } else {
                        ""
                    };
                    notes.push(format!(
                        "{} {} of {}{covered}",
                        skill(a, g.skill),
                        g.have,
                        g.need
                    ));
                }
                for &t in &tool_gaps {
                    notes.push(format!("no {}", clean(a.tool_name(t))));
                }
                // Whether it would be a stretch, and for whom: worth working
                // out for the candidates near the top only.
                if rank < STRETCH_CHECKED {
                    let candidate = a.as_owner(team, mission, p);
                    if let Some(mentor) = candidate.stretch_with.filter(|_| !skill_gaps.is_empty())
                    {
                        notes.push(format!("stretch with {}", person(team, mentor)));
                    }
                    if !candidate.wants.is_empty() {
                        let wants: Vec<String> =
                            candidate.wants.iter().map(|&s| skill(a, s)).collect();
                        notes.push(format!("wants {}", wants.join(", ")));
                    }
                }
                let load = format!("owns {} of {}", a.people[p].load(), team.people[p].capacity);
                Candidate {
                    person: Some(p),
                    name: person(team, p),
                    detail: format!("cost {cost} · {} · {load}", notes.join(", ")),
                    available: spare > 0,
                }
            })
            .collect();
        candidates.push(nobody("no owner"));
        Picker::new(PickerKind::Owner, mission, candidates)
    }

    pub fn mentor(team: &Team, a: &Analysis, mission: usize) -> Self {
        let turns_to: &[PersonId] =
            a.index.owner[mission].map_or(&[], |o| &a.index.person_turns_to[o]);
        let mut candidates: Vec<Candidate> = rank_all_mentors(team, &a.index, mission)
            .into_iter()
            .map(|c| {
                let covers = if c.covers.is_empty() {
                    "covers no gap".to_string()
                } else {
                    let skills: Vec<String> = c
                        .covers
                        .iter()
                        .map(|&s| format!("{} {}", skill(a, s), a.index.level(c.person, s)))
                        .collect();
                    format!("covers {}", skills.join(", "))
                };
                let mut detail = format!(
                    "{covers} · mentors {} of {}",
                    a.people[c.person].mentoring(),
                    team.people[c.person].mentor_capacity
                );
                if turns_to.contains(&c.person) {
                    detail.push_str(" · the owner turns to them");
                }
                Candidate {
                    person: Some(c.person),
                    name: person(team, c.person),
                    detail,
                    available: c.available,
                }
            })
            .collect();
        candidates.push(nobody("no mentor"));
        Picker::new(PickerKind::Mentor, mission, candidates)
    }

    fn new(kind: PickerKind, mission: usize, candidates: Vec<Candidate>) -> Self {
        let mut picker = Picker {
            kind,
            mission,
            candidates,
            list: ListState::default(),
        };
        picker.refilter();
        picker
    }

    /// Re-applies the typed filter to the candidates.
    pub fn refilter(&mut self) {
        let rows = filter_rows(
            self.list.query(),
            self.candidates.iter().map(|c| c.name.as_str()).enumerate(),
        );
        self.list.set_rows(rows);
        self.list.select_first();
    }

    pub fn chosen(&self) -> Option<&Candidate> {
        self.list.selected_item().map(|i| &self.candidates[i])
    }

    /// A key typed into the filter.
    pub fn text(&mut self, key: KeyEvent) {
        if self.list.filter.handle_event(&Event::Key(key)).is_some() {
            self.refilter();
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let picker = self;
        let theme = state.theme;
        let mission = clean(&state.team.missions[picker.mission].title).into_owned();
        let title = match picker.kind {
            PickerKind::Owner => format!("Who should own \"{}\"?", cut(&mission, 40)),
            PickerKind::Mentor => format!("Who should mentor on \"{}\"?", cut(&mission, 40)),
        };
        let rect = centered(area, 100, area.height.saturating_sub(4).max(8));
        let inner = modal_box(state, frame, rect, &title);
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
            PickerKind::Mentor => {
                "ranked by gaps covered, then people the owner turns to, then load"
            }
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
        crate::tui::widgets::mark_selection(state, frame, list, &picker.list);
        frame.render_widget(Paragraph::new(modal_hints(state, Context::Picker)), hints);
    }
}

/// Opens the picker for the selected mission.
pub fn open(state: &State, kind: PickerKind) -> Option<Modal> {
    let m = state.selected_mission()?;
    let picker = match kind {
        PickerKind::Owner => Picker::owner(&state.team, &state.analysis, m),
        PickerKind::Mentor => Picker::mentor(&state.team, &state.analysis, m),
    };
    Some(Modal::Picker(Box::new(picker)))
}

pub fn command(mut picker: Box<Picker>, state: &mut State, action: Action) -> Step {
    match action {
        Action::Up => picker.list.move_by(-1),
        Action::Down => picker.list.move_by(1),
        Action::Cancel => return Step::close(),
        Action::Confirm => {
            let Some(choice) = picker.chosen() else {
                return Step::stay(picker);
            };
            let person = choice.person;
            let change = match picker.kind {
                PickerKind::Owner => edit::set_owner(&state.team, picker.mission, person),
                PickerKind::Mentor => edit::set_mentor(&state.team, picker.mission, person),
            };
            return Step::done(state.apply(change));
        }
        _ => {}
    }
    Step::stay(picker)
}

fn nobody(label: &str) -> Candidate {
    Candidate {
        person: None,
        name: format!("({label})"),
        detail: "clear it".to_string(),
        available: true,
    }
}
