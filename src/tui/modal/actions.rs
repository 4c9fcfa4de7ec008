//! Space: a person's action items, open first (oldest first), then the
//! done ones; Space ticks or reopens one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Modal, Step};
use crate::edit;
use crate::tui::app::{App, NoticeKind};
use crate::tui::keymap::Context;
use crate::tui::list::ListState;
use crate::tui::message::{Action, Effect};
use crate::tui::ui::bars::modal_hints;
use crate::tui::ui::text::{cut, fit};
use crate::tui::ui::{centered, modal_box};
use crate::tui::update::apply;

#[derive(Debug)]
pub struct ActionItems {
    pub person: usize,
    /// (entry, action) in the person's log, in display order.
    pub items: Vec<(usize, usize)>,
    pub list: ListState,
}

/// Space: the person's action items, open ones first (oldest first), then
/// the done ones.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(person) = app.selected_person() else {
        return Vec::new();
    };
    let items = action_items(app, person);
    if items.is_empty() {
        let new = app.keymap.key(Context::OneOnOne, Action::NewEntry);
        app.tell(
            NoticeKind::Info,
            format!("No action items yet: {new} starts an entry with some"),
        );
        return Vec::new();
    }
    let mut list = ListState::default();
    list.set_rows((0..items.len()).collect());
    app.modal = Some(Modal::Actions(ActionItems {
        person,
        items,
        list,
    }));
    Vec::new()
}

fn action_items(app: &App, person: usize) -> Vec<(usize, usize)> {
    let log = &app.team.people[person].log;
    let all = log
        .iter()
        .enumerate()
        .flat_map(|(e, entry)| (0..entry.actions.len()).map(move |a| (e, a)));
    let (mut open, done): (Vec<_>, Vec<_>) = all.partition(|&(e, a)| !log[e].actions[a].done);
    open.extend(done);
    open
}

impl ActionItems {
    pub fn command(mut self, app: &mut App, action: Action) -> Step {
        let mut effects = Vec::new();
        match action {
            Action::Up => self.list.move_by(-1),
            Action::Down => self.list.move_by(1),
            Action::Cancel => return Step::close(),
            Action::Toggle => {
                if let Some(&(entry, item)) = self.list.selected_item().map(|i| &self.items[i]) {
                    let change = edit::toggle_action(&app.team, self.person, entry, item);
                    effects = apply(app, change);
                }
            }
            _ => {}
        }
        // Items keep their places while the modal is open, so a tick is easy
        // to undo with another Space.
        Step::stay(self).with(effects)
    }

    pub fn draw(&self, app: &App, frame: &mut Frame, area: Rect) {
        let (person, items, list) = (self.person, &self.items, &self.list);
        let theme = app.theme;
        let name = crate::analysis::explain::person(&app.team, person);
        let height = (items.len() as u16 + 3).min(area.height);
        let rect = centered(area, 84, height);
        let inner = modal_box(
            app,
            frame,
            rect,
            &format!("Action items of {}", cut(&name, 40)),
        );
        let [rows, keys] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let width = usize::from(rows.width);
        let log = &app.team.people[person].log;
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
        crate::tui::ui::mark_selection(app, frame, rows, list);
        frame.render_widget(Paragraph::new(modal_hints(app)), keys);
    }
}
