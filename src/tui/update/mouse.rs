//! The mouse, when it is turned on: a click on a tab shows its view, a
//! click on a row selects it; the wheel moves through the list under the
//! pointer, or scrolls the detail or agenda pane under it. What is where
//! is what the last frame drew (`State::areas`), never worked out again.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::{App, handle};
use crate::tui::message::{Action, Effect, Message, View};
use crate::tui::state::Spot;

/// Lines the pane moves for one notch of the wheel.
pub const WHEEL_LINES: u16 = 3;

pub(super) fn mouse(app: &mut App, event: MouseEvent) -> Vec<Effect> {
    // A modal has the keyboard and the screen: the pointer does nothing
    // under it (closing or answering it is for its keys).
    if app.modal.is_some() {
        return Vec::new();
    }
    let Some(spot) = app.state.areas.at(event.column, event.row) else {
        return Vec::new();
    };
    match (event.kind, spot) {
        (MouseEventKind::Down(MouseButton::Left), Spot::Tab(view)) => {
            done_filtering(app);
            handle(app, Message::Action(show(view)))
        }
        (MouseEventKind::Down(MouseButton::Left), Spot::Row(line)) => {
            done_filtering(app);
            select(app, |list| {
                let at = list.offset.get() + line;
                if at < list.rows.len() {
                    list.selected = at;
                }
            });
            Vec::new()
        }
        (MouseEventKind::ScrollDown, Spot::Row(_)) => {
            select(app, |list| list.move_by(1));
            Vec::new()
        }
        (MouseEventKind::ScrollUp, Spot::Row(_)) => {
            select(app, |list| list.move_by(-1));
            Vec::new()
        }
        (MouseEventKind::ScrollDown, Spot::Pane) => {
            app.state.notice = None;
            app.state.detail_scroll = app
                .state
                .detail_scroll
                .saturating_add(WHEEL_LINES)
                .min(app.state.detail_max.get());
            Vec::new()
        }
        (MouseEventKind::ScrollUp, Spot::Pane) => {
            app.state.notice = None;
            app.state.detail_scroll = app
                .state
                .detail_scroll
                .min(app.state.detail_max.get())
                .saturating_sub(WHEEL_LINES);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The action that shows a view, as its key would.
fn show(view: View) -> Action {
    match view {
        View::Missions => Action::ShowMissions,
        View::People => Action::ShowPeople,
        View::Matrix => Action::ShowMatrix,
        View::OneOnOne => Action::ShowOneOnOne,
        View::Plan => Action::ShowPlan,
    }
}

/// A click while the filter line is being typed keeps the filter, as
/// Enter does, and the click does what it does.
fn done_filtering(app: &mut App) {
    if let Some(list) = app.state.list_mut() {
        list.filtering = false;
    }
}

/// Moves the selection of the current view's list; a new selection starts
/// at the top of its detail, as with the keys.
fn select(app: &mut App, change: impl FnOnce(&mut crate::tui::list::ListState)) {
    app.state.notice = None;
    let Some(list) = app.state.list_mut() else {
        return;
    };
    let before = list.selected_item();
    change(list);
    if list.selected_item() != before {
        app.state.detail_scroll = 0;
    }
}
