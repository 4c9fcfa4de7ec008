//! Space: a person's action items, open first (oldest first), then the
//! done ones; Space ticks or reopens one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Modal, Step};
use crate::edit;
use crate::tui::keymap::Context;
use crate::tui::list::ListState;
use crate::tui::message::Action;
use crate::tui::state::{NoticeKind, State};
use crate::tui::widgets::modal_hints;
use crate::tui::widgets::text::{cut, fit};
use crate::tui::widgets::{centered, modal_box};

#[derive(Debug)]
pub struct ActionItems {
    pub person: usize,
    /// (entry, action) in the person's log, in display order.
    pub items: Vec<(usize, usize)>,
    pub list: ListState,
}

/// Space: the person's action items, open ones first (oldest first), then
/// the done ones.
pub fn open(state: &mut State) -> Option<Modal> {
    let person = state.selected_person()?;
    let items = action_items(state, person);
    if items.is_empty() {
        let new = state.keymap.key(Context::OneOnOne, Action::NewEntry);
        state.tell(
            NoticeKind::Info,
            format!("No action items yet: {new} starts an entry with some"),
        );
        return None;
    }
    let mut list = ListState::default();
    list.set_rows((0..items.len()).collect());
    Some(Modal::Actions(ActionItems {
        person,
        items,
        list,
    }))
}

/// From the history: the action items of one entry, to tick.
pub fn for_entry(state: &mut State, person: usize, entry: usize) -> Option<Modal> {
    let log = &state.team.people.get(person)?.log;
    let actions = &log.get(entry)?.actions;
    if actions.is_empty() {
        state.tell(NoticeKind::Info, "This one-on-one agreed no action items");
        return None;
    }
    let (mut items, done): (Vec<_>, Vec<_>) = (0..actions.len())
        .map(|a| (entry, a))
        .partition(|&(_, a)| !actions[a].done);
    items.extend(done);
    let mut list = ListState::default();
    list.set_rows((0..items.len()).collect());
    Some(Modal::Actions(ActionItems {
        person,
        items,
        list,
    }))
}

fn action_items(state: &State, person: usize) -> Vec<(usize, usize)> {
    let log = &state.team.people[person].log;
    let all = log
        .iter()
        .enumerate()
        .flat_map(|(e, entry)| (0..entry.actions.len()).map(move |a| (e, a)));
    let (mut open, done): (Vec<_>, Vec<_>) = all.partition(|&(e, a)| !log[e].actions[a].done);
    open.extend(done);
    open
}

impl ActionItems {
    pub fn command(mut self, state: &mut State, action: Action) -> Step {
        let mut effects = Vec::new();
        match action {
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            Action::Cancel => return Step::close(),
            Action::Toggle => {
                if let Some(&(entry, item)) = self.list.selected_item().map(|i| &self.items[i]) {
                    let change = edit::toggle_action(&state.team, self.person, entry, item);
                    effects = state.apply(change);
                }
            }
            _ => {}
        }
        // Items keep their places while the modal is open, so a tick is easy
        // to undo with another Space.
        Step::stay(self).with(effects)
    }

    pub fn draw(&self, state: &State, frame: &mut Frame, area: Rect) {
        let (person, items, list) = (self.person, &self.items, &self.list);
        let theme = state.theme;
        let name = crate::analysis::explain::person(&state.team, person);
        let height = (items.len() as u16 + 3).min(area.height);
        let rect = centered(area, 84, height);
        let inner = modal_box(
            state,
            frame,
            rect,
            &format!("Action items of {}", cut(&name, 40)),
        );
        let [rows, keys] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let width = usize::from(rows.width);
        let log = &state.team.people[person].log;
        let mut lines = Vec::new();
        for row in list.window(usize::from(rows.height)) {
            let (e, a) = items[list.rows[row]];
            let action = &log[e].actions[a];
            let mark = if action.done { "☑ " } else { "☐ " };
            let date = format!("  {}", log[e].date);
            let style = if action.done {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            let mut line = Line::from(vec![
                Span::styled(mark, if action.done { theme.ok() } else { theme.key() }),
                Span::styled(
                    fit(&action.text, width.saturating_sub(2 + date.len())),
                    style,
                ),
                Span::styled(date, theme.dim()),
            ]);
            if row == list.selected {
                line = line.style(theme.selected());
            }
            lines.push(line);
        }
        frame.render_widget(Paragraph::new(lines), rows);
        crate::tui::widgets::mark_selection(state, frame, rows, list);
        frame.render_widget(Paragraph::new(modal_hints(state, Context::Actions)), keys);
    }
}
