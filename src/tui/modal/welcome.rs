//! First start: there is no team file yet. The app opens over the sample
//! team and asks what to do — start an empty team, keep trying the sample
//! (in memory: nothing is written until it is kept), or import a CSV
//! skills matrix. A manager's file never fills up with sample people by
//! accident. Reopened from the sample, it also offers to keep it.

use std::path::PathBuf;

use crossterm::event::{Event, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Modal, Step};
use crate::edit;
use crate::model::Team;
use crate::text::{clean, plural};
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect};
use crate::tui::state::{NoticeKind, SaveState, State};
use crate::tui::widgets::boxed_with;
use crate::tui::widgets::modal_hints;
use crate::tui::widgets::text::fit;

#[derive(Debug, Default)]
pub struct Welcome {
    /// Typing the path of a CSV to import (else choosing).
    importing: bool,
    pub path: Input,
    /// Why the last import was refused.
    pub error: Option<String>,
    /// Waiting for the CSV to be read.
    reading: bool,
}

/// The welcome, when the app shows the sample (no team file yet).
pub fn open(state: &State) -> Option<Modal> {
    (state.file.save == SaveState::Sample).then(|| Modal::Welcome(Welcome::default()))
}

/// The welcome again, from the sample: start your own team, or keep this one.
pub fn reopen(state: &mut State) -> Option<Modal> {
    if state.file.save != SaveState::Sample {
        state.tell(
            NoticeKind::Info,
            format!(
                "This team is yours already: it is saved in {}",
                state.file.path.display()
            ),
        );
        return None;
    }
    open(state)
}

impl Welcome {
    pub fn context(&self) -> (Context, bool) {
        if self.importing {
            (Context::Prompt, true)
        } else {
            (Context::Welcome, false)
        }
    }

    pub fn text(&mut self, key: KeyEvent) {
        if self.importing && !self.reading {
            self.path.handle_event(&Event::Key(key));
            self.error = None;
        }
    }

    pub fn command(mut self, state: &mut State, action: Action) -> Step {
        if self.importing {
            return match action {
                Action::Confirm if !self.reading => {
                    let path = self.path.value().trim().to_string();
                    if path.is_empty() {
                        self.error = Some("Type the path of a CSV file: person,skill,level".into());
                        return Step::stay(self);
                    }
                    self.reading = true;
                    Step::stay(self).with(vec![Effect::ReadCsv(PathBuf::from(path))])
                }
                Action::Cancel => {
                    self.importing = false;
                    self.reading = false;
                    self.error = None;
                    Step::stay(self)
                }
                _ => Step::stay(self),
            };
        }
        match action {
            Action::StartEmpty => Step::done(start(
                state,
                Team::default(),
                "started an empty team".into(),
            )),
            Action::KeepSample => {
                let team = state.team.clone();
                Step::done(start(state, team, "kept the sample team".into()))
            }
            Action::ImportCsv => {
                self.importing = true;
                Step::stay(self)
            }
            Action::TrySample | Action::Cancel => {
                let again = state.keymap.key(Context::Global, Action::StartOwn);
                state.tell(
                    NoticeKind::Info,
                    format!(
                        "Trying the sample team in memory: nothing is saved. {again} starts your own team or keeps this one."
                    ),
                );
                Step::close()
            }
            _ => Step::stay(self),
        }
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let theme = state.theme;
        let key = |action| state.keymap.key(Context::Welcome, action);
        let choice = |action, words: &str| {
            Line::from(vec![
                Span::styled(format!("  {:<6}", key(action)), theme.key()),
                Span::raw(words.to_string()),
            ])
        };
        let file = clean(&state.file.path.display().to_string()).into_owned();
        let mut lines = vec![
            Line::raw("handover checks what makes delegation autonomy rather than abandonment:"),
            Line::raw("a clear goal, the skills (or a mentor), the tools."),
            Line::raw(""),
            Line::styled(format!("There is no team file yet ({file})."), theme.dim()),
            Line::raw(""),
            choice(
                Action::StartEmpty,
                "start an empty team: add your people and missions",
            ),
            choice(
                Action::ImportCsv,
                "import a skills matrix (CSV: person,skill,level)",
            ),
            choice(
                Action::TrySample,
                "try the sample team, in memory: nothing is written",
            ),
            choice(
                Action::KeepSample,
                "keep the sample (with any changes) as your team, in the file",
            ),
        ];
        let footer = if self.importing {
            lines.push(Line::raw(""));
            lines.push(Line::styled("CSV file to import:", theme.bold()));
            let shown = clean(self.path.value()).into_owned();
            lines.push(Line::raw(fit(&shown, 70)));
            if self.reading {
                lines.push(Line::styled("Reading…", theme.dim()));
            }
            if let Some(error) = &self.error {
                lines.push(Line::styled(error.clone(), theme.error()));
            }
            modal_hints(state, Context::Prompt)
        } else {
            modal_hints(state, Context::Welcome)
        };
        boxed_with(state, "Welcome to handover", lines, footer, frame, area, 76);
    }
}

/// The team from now on, written to the file at once; the sample is gone
/// and nothing before this can be undone into the file.
fn start(state: &mut State, team: Team, summary: String) -> Vec<Effect> {
    if !state.can_change() {
        state.tell(
            NoticeKind::Error,
            "Read-only: you cannot write here, so nothing was changed",
        );
        return Vec::new();
    }
    // Nothing was written in the sample: the saver still holds the sample
    // as it opened.
    let change = edit::replace_all(&crate::sample::team(), &team, summary.clone());
    state.team = team;
    state.generation += 1;
    state.undo.clear();
    state.redo.clear();
    state.file.save = SaveState::Saved;
    state.unsaved += 1;
    state.refresh();
    state.tell(
        NoticeKind::Info,
        format!(
            "{}: saved in {}",
            crate::text::capitalise(&summary),
            state.file.path.display()
        ),
    );
    vec![Effect::Save(change)]
}

/// The CSV the manager named was read (or not): its people and levels
/// become the team, or the welcome says why not.
pub fn csv_read(
    state: &mut State,
    modal: &mut Option<Modal>,
    result: Result<Vec<u8>, String>,
) -> Vec<Effect> {
    let Some(Modal::Welcome(welcome)) = modal else {
        return Vec::new();
    };
    welcome.reading = false;
    let imported = result.and_then(|bytes| {
        let levels = crate::skills_csv::parse(&bytes).map_err(|p| problems(&p))?;
        let (change, _) = crate::skills_csv::merge(&Team::default(), &levels, true, state.today)
            .map_err(|unmatched| problems(&unmatched.problems))?;
        let mut team = Team::default();
        change.apply(&mut team);
        Ok(team)
    });
    match imported {
        Ok(team) => {
            let people = team.people.len();
            *modal = None;
            start(
                state,
                team,
                format!(
                    "imported {people} {}",
                    if people == 1 { "person" } else { "people" }
                ),
            )
        }
        Err(e) => {
            welcome.error = Some(format!("Not imported: {e}"));
            Vec::new()
        }
    }
}

/// The first few problems of a CSV, in one line.
fn problems(problems: &[crate::skills_csv::CsvProblem]) -> String {
    let shown: Vec<String> = problems.iter().take(3).map(|p| p.to_string()).collect();
    let more = problems.len().saturating_sub(3);
    let more = if more > 0 {
        format!(" (and {more} more problem{})", plural(more))
    } else {
        String::new()
    };
    format!("{}{more}", shown.join("; "))
}
