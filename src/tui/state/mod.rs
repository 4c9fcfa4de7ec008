//! The app's state under the modals: the team and its analysis, the file,
//! undo, the state of each view, the keys, the theme, the notice. Only
//! `update` and the modals change it; views read it.

mod areas;
mod changes;

use std::path::PathBuf;

pub use self::areas::{Areas, Spot};
use super::keymap::{Context, Keymap};
use super::list::{ListState, filter_rows};
use super::message::View;
pub use super::planner::{PlanState, Proposal};
use super::theme::Theme;
use crate::analysis::{Analysis, analyse};
use crate::edit::Change;
use crate::model::{Date, Team};
use crate::query::{Query, Sort};
use crate::store::Baseline;

/// Where the team lives and whether it is safely written.
#[derive(Debug)]
pub struct FileState {
    pub path: PathBuf,
    /// What was loaded or last saved; None until the first save of a new file.
    pub baseline: Option<Baseline>,
    /// The user cannot write the file: changes are refused.
    pub read_only: bool,
    pub save: SaveState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Showing the built-in sample; nothing written yet.
    Sample,
    Saved,
    /// The last save failed; the message says why.
    Failed(String),
    /// Another program changed the file: nothing is written until reload.
    Conflict,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// A message in the status bar until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// The Missions view: its list, how it is sorted and filtered, and who
/// could take or mentor on the selected mission (worked out for that one
/// only).
#[derive(Debug, Default)]
pub struct MissionsView {
    pub list: ListState,
    /// The order `s` cycles through; kept across edits and filters.
    pub sort: Sort,
    /// Why a field of the filter line cannot be read (shown under it; the
    /// rows are those of the rest of the line).
    pub query_error: Option<String>,
    pub suggestions: crate::analysis::Suggestions,
    /// What it takes (SPEC §3 options), when the selected mission is
    /// blocked or at risk.
    pub options: Vec<crate::analysis::MissionOption>,
    suggestions_for: Option<(usize, u64)>,
}

/// The people list, which the People, Matrix and One-on-one views share.
#[derive(Debug, Default)]
pub struct PeopleView {
    pub list: ListState,
    /// The rows are in meeting order (most overdue first), as the
    /// One-on-one view lists them; else in file order.
    pub by_meeting: bool,
}

/// The Matrix view: the selected skill column and how far it scrolled.
#[derive(Debug, Default)]
pub struct MatrixView {
    /// Index into `skills`.
    pub col: usize,
    pub col_offset: std::cell::Cell<usize>,
    /// Skills in column order (the skill reports' order: by name).
    pub skills: Vec<usize>,
}

/// The One-on-one view: the agenda of the selected person.
#[derive(Debug, Default)]
pub struct OneOnOneView {
    pub agenda: Option<crate::agenda::Agenda>,
    agenda_for: Option<(usize, u64)>,
}

/// The Plan view: the plan as last worked out, and its rows.
#[derive(Debug, Default)]
pub struct PlanView {
    /// Computed when the view is shown and after changes, off the key thread.
    pub state: Option<PlanState>,
    /// The generation whose plan was last asked for.
    pub asked: Option<u64>,
    /// A plan is being worked out: the next is asked for only once it is
    /// back, so the worker holds one copy of the team at a time.
    pub working: bool,
    pub list: ListState,
}

/// How many messages the log keeps.
pub const MESSAGES_KEPT: usize = 100;

#[derive(Debug)]
pub struct State {
    pub(crate) team: Team,
    pub(crate) analysis: Analysis,
    pub(crate) file: FileState,
    pub(crate) view: View,
    pub(crate) missions: MissionsView,
    /// The people list, shared by the People, Matrix and One-on-one views.
    pub(crate) people: PeopleView,
    pub(crate) matrix: MatrixView,
    pub(crate) one_on_one: OneOnOneView,
    pub(crate) plan: PlanView,
    /// How far the detail pane (or the agenda) is scrolled down.
    pub(crate) detail_scroll: u16,
    /// How far it can scroll: its lines beyond the pane, as last drawn
    /// (so scrolling stops at the end instead of running into blank space).
    pub(crate) detail_max: std::cell::Cell<u16>,
    /// Where the last frame drew the tabs, the list's rows and the pane:
    /// what a click or the wheel points at.
    pub(crate) areas: Areas,
    pub(crate) undo: Vec<Change>,
    pub(crate) redo: Vec<Change>,
    /// Bumped on every change of the team.
    pub(crate) generation: u64,
    pub(crate) keymap: Keymap,
    pub(crate) theme: Theme,
    /// `config.ron`: the defaults of new people and missions, the theme.
    pub(crate) settings: super::settings::Settings,
    pub(crate) notice: Option<Notice>,
    /// The last messages, oldest first (the message log).
    pub(crate) messages: std::collections::VecDeque<Notice>,
    pub(crate) today: Date,
    /// Changes handed to the saver and not yet written.
    pub(crate) unsaved: usize,
    /// The generation of the team last kept aside whole (after a failed
    /// save or a conflict), and where: what it holds is safe.
    pub(crate) kept: Option<(u64, PathBuf)>,
    /// The editor for long notes ($EDITOR), if set.
    pub(crate) editor: Option<String>,
    pub(crate) size: (u16, u16),
    pub(crate) quit: bool,
    /// A change was made while the file is in conflict: the app (which
    /// holds the modals) opens the conflict dialog.
    pub(crate) ask_about_conflict: bool,
}

impl State {
    pub fn new(team: Team, file: FileState, keymap: Keymap, theme: Theme, today: Date) -> Self {
        let mut state = State {
            analysis: analyse(&team),
            team,
            file,
            view: View::Missions,
            missions: MissionsView::default(),
            people: PeopleView::default(),
            matrix: MatrixView::default(),
            one_on_one: OneOnOneView::default(),
            plan: PlanView::default(),
            detail_scroll: 0,
            detail_max: std::cell::Cell::new(u16::MAX),
            areas: Areas::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            generation: 0,
            keymap,
            theme,
            notice: None,
            settings: Default::default(),
            messages: std::collections::VecDeque::new(),
            today,
            unsaved: 0,
            kept: None,
            editor: None,
            size: (80, 24),
            quit: false,
            ask_about_conflict: false,
        };
        state.refresh();
        state
    }

    /// After the team changed: analyse it again and rebuild what views show.
    pub fn refresh(&mut self) {
        self.analysis = analyse(&self.team);
        self.refresh_views();
    }

    /// After a change of the team: the analysis follows what it touched
    /// (or starts afresh when people or missions came or went).
    pub fn refresh_after(&mut self, change: &Change) {
        if !self.analysis.update(&self.team, &change.ops) {
            self.analysis = analyse(&self.team);
        }
        self.refresh_views();
    }

    /// What the views show of the analysis: rows, columns, the agenda.
    fn refresh_views(&mut self) {
        self.refilter_missions();
        self.refilter_people();
        // The skill reports are sorted by name already.
        self.matrix.skills = self.analysis.skills.iter().map(|r| r.skill).collect();
        self.matrix.col = self
            .matrix
            .col
            .min(self.matrix.skills.len().saturating_sub(1));
        self.sync_agenda();
        self.sync_suggestions();
    }

    /// The generation whose plan should be worked out now: the Plan view is
    /// shown, its plan is older than the team, and nobody asked yet.
    pub fn plan_wanted(&self) -> Option<u64> {
        let current = self
            .plan
            .state
            .as_ref()
            .is_some_and(|p| p.generation == self.generation);
        (self.view == View::Plan
            && !current
            && !self.plan.working
            && self.plan.asked != Some(self.generation))
        .then_some(self.generation)
    }

    /// Whether the plan on screen is the plan of the team as it is.
    pub fn plan_is_current(&self) -> bool {
        self.plan
            .state
            .as_ref()
            .is_some_and(|p| p.generation == self.generation)
    }

    /// Takes a worked-out plan, unless the team changed since it was asked.
    pub fn take_plan(&mut self, state: PlanState) {
        self.plan.working = false;
        if state.generation != self.generation {
            return;
        }
        self.plan.list.set_rows((0..state.rows.len()).collect());
        self.plan.state = Some(state);
    }

    pub fn selected_proposal(&self) -> Option<Proposal> {
        let state = self.plan.state.as_ref()?;
        self.plan.list.selected_item().map(|i| state.rows[i])
    }

    /// The rows of the Missions list: the missions the filter line keeps
    /// (`query`: fields and words), in the order of `sort`. A field that
    /// cannot be read is left out, and the list says why under the line.
    /// The selected mission stays selected when it is still shown.
    pub fn refilter_missions(&mut self) {
        let view = &mut self.missions;
        let (query, error) = Query::parse_partly(view.list.query(), self.today);
        let query = query.due_soon_within(self.settings.due_soon_days());
        view.query_error = error.map(|e| e.to_string());
        let analysis = &self.analysis;
        let verdict = |i: usize| analysis.missions[i].verdict;
        let mut rows = if query.is_empty() {
            (0..self.team.missions.len()).collect()
        } else {
            query.rows(&self.team, verdict)
        };
        view.sort.sort(&mut rows, &self.team.missions, verdict);
        let selected = view.list.selected_item();
        view.list.set_rows(rows);
        if let Some(item) = selected {
            view.list.select_item(item);
        }
    }

    /// `s`: the Missions list in its next order, the selection kept.
    pub fn next_sort(&mut self) {
        self.missions.sort = self.missions.sort.next();
        self.refilter_missions();
    }

    pub fn refilter_people(&mut self) {
        // The One-on-one view lists people most overdue first (unless a
        // filter ranks them by match); the others in file order.
        let by_meeting = self.view == View::OneOnOne && self.people.list.query().is_empty();
        if self.people.list.query().is_empty()
            && self.people.list.rows.len() == self.team.people.len()
            && !by_meeting
            && !self.people.by_meeting
        {
            self.sync_agenda();
            return;
        }
        let mut rows = if self.people.list.query().is_empty() {
            (0..self.team.people.len()).collect()
        } else {
            let texts: Vec<String> = self
                .team
                .people
                .iter()
                .map(|p| format!("{} {}", p.name, p.role))
                .collect();
            filter_rows(
                self.people.list.query(),
                texts.iter().map(String::as_str).enumerate(),
            )
        };
        if by_meeting {
            let today = self.today;
            // Never met counts as the most overdue; ties keep file order.
            rows.sort_by_cached_key(|&p| {
                std::cmp::Reverse(
                    crate::analysis::dates::person(&self.team.people[p], today)
                        .days_late()
                        .unwrap_or(i64::MAX),
                )
            });
        }
        self.people.by_meeting = by_meeting;
        // The selected person stays selected, wherever the order puts them.
        let selected = self.people.list.selected_item();
        self.people.list.set_rows(rows);
        if let Some(person) = selected {
            self.people.list.select_item(person);
        }
        self.sync_agenda();
    }

    /// Keeps the suggestions in step with the selected mission: worked out
    /// for that one mission only, when the selection or the team changes.
    pub fn sync_suggestions(&mut self) {
        // Only the Missions view shows them: no view, no work (an edit
        // elsewhere re-analyses without working them out).
        if self.view != View::Missions {
            return;
        }
        let Some(m) = self.missions.list.selected_item() else {
            self.missions.suggestions = Default::default();
            self.missions.options = Vec::new();
            self.missions.suggestions_for = None;
            return;
        };
        if self.missions.suggestions_for != Some((m, self.generation)) {
            self.missions.suggestions = self.analysis.suggestions(&self.team, m);
            self.missions.options = self.analysis.options(&self.team, m);
            self.missions.suggestions_for = Some((m, self.generation));
        }
    }

    /// Keeps the one-on-one agenda in step with the selected person.
    pub fn sync_agenda(&mut self) {
        // Only the One-on-one view shows it.
        if self.view != View::OneOnOne {
            return;
        }
        let Some(person) = self.people.list.selected_item() else {
            self.one_on_one.agenda = None;
            self.one_on_one.agenda_for = None;
            return;
        };
        if self.one_on_one.agenda_for == Some((person, self.generation)) {
            return;
        }
        self.one_on_one.agenda = Some(crate::agenda::Agenda::on(
            &self.team,
            &self.analysis,
            person,
            self.today,
        ));
        self.one_on_one.agenda_for = Some((person, self.generation));
    }

    /// The list the current view moves through.
    pub fn list(&self) -> Option<&ListState> {
        match self.view {
            View::Missions => Some(&self.missions.list),
            View::People | View::Matrix | View::OneOnOne => Some(&self.people.list),
            View::Plan => Some(&self.plan.list),
        }
    }

    pub fn list_mut(&mut self) -> Option<&mut ListState> {
        match self.view {
            View::Missions => Some(&mut self.missions.list),
            View::People | View::Matrix | View::OneOnOne => Some(&mut self.people.list),
            View::Plan => Some(&mut self.plan.list),
        }
    }

    pub fn selected_mission(&self) -> Option<usize> {
        self.missions.list.selected_item()
    }

    pub fn selected_person(&self) -> Option<usize> {
        self.people.list.selected_item()
    }

    /// The keymap contexts of the current view, innermost first.
    pub fn view_contexts(&self) -> Vec<Context> {
        let view = match self.view {
            View::Missions => Context::Missions,
            View::People => Context::People,
            View::Matrix => Context::Matrix,
            View::OneOnOne => Context::OneOnOne,
            View::Plan => Context::Plan,
        };
        // The plan's rows move like a list but are not edited as one.
        if self.view == View::Plan {
            vec![view, Context::Move, Context::Global]
        } else {
            vec![view, Context::List, Context::Move, Context::Global]
        }
    }

    /// Whether a save is under way.
    pub fn saving(&self) -> bool {
        self.unsaved > 0
    }

    /// Shows a message in the status bar.
    pub fn tell(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let notice = Notice {
            kind,
            text: text.into(),
        };
        // Kept for the message log: a message cut to the status bar can be
        // read in full.
        if self.messages.len() == MESSAGES_KEPT {
            self.messages.pop_front();
        }
        self.messages.push_back(notice.clone());
        self.notice = Some(notice);
    }

    /// The base of the app's work: the file as it was last loaded or saved.
    pub fn base(&self) -> crate::store::Base {
        match &self.file.baseline {
            Some(baseline) => crate::store::Base::File(baseline.fingerprint()),
            None => crate::store::Base::NoFile,
        }
    }

    /// Whether an action may change the team now.
    pub fn can_change(&self) -> bool {
        !self.file.read_only
    }

    /// Rows a page moves: as many as the list showed in the last frame
    /// (before any frame, a guess from the terminal's height).
    pub fn page(&self) -> isize {
        let shown = self.list().map_or(0, |l| l.height.get());
        let rows = if shown > 0 {
            shown
        } else {
            usize::from(self.size.1.saturating_sub(8))
        };
        rows.max(1) as isize
    }
}

/// What the rest of the world (the tests, the benchmarks) may read of the
/// state; only `update` and the modals change it.
impl State {
    pub fn team(&self) -> &Team {
        &self.team
    }
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }
    pub fn file(&self) -> &FileState {
        &self.file
    }
    pub fn view(&self) -> View {
        self.view
    }
    pub fn missions(&self) -> &MissionsView {
        &self.missions
    }
    pub fn people(&self) -> &PeopleView {
        &self.people
    }
    pub fn matrix(&self) -> &MatrixView {
        &self.matrix
    }
    pub fn one_on_one(&self) -> &OneOnOneView {
        &self.one_on_one
    }
    pub fn plan(&self) -> &PlanView {
        &self.plan
    }
    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll
    }
    pub fn undo(&self) -> &[Change] {
        &self.undo
    }
    pub fn generation(&self) -> u64 {
        self.generation
    }
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }
    pub fn theme(&self) -> Theme {
        self.theme
    }
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }
    /// The messages of the session, oldest first (the message log).
    pub fn messages(&self) -> impl Iterator<Item = &Notice> {
        self.messages.iter()
    }
    pub fn today(&self) -> Date {
        self.today
    }
    pub fn quit(&self) -> bool {
        self.quit
    }
    /// The terminal's size, as last told.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Selects a mission in the Missions list (showing it, whatever filter).
    pub fn select_mission(&mut self, mission: usize) {
        self.missions.list.select_item(mission);
        self.sync_suggestions();
    }

    /// Selects a person in the list the People, Matrix and One-on-one views share.
    pub fn select_person(&mut self, person: usize) {
        self.people.list.select_item(person);
        self.sync_agenda();
    }
}
