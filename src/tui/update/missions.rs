//! Choosing owners and mentors, handing missions over, accepting the plan.

use super::apply;
use crate::edit;
use crate::tui::app::{App, NoticeKind, Proposal};
use crate::tui::message::{Effect, View};

/// Accepts the selected proposal of the plan as an ordinary change.
pub(super) fn accept_proposal(app: &mut App) -> Vec<Effect> {
    if !app.plan_is_current() {
        app.tell(
            NoticeKind::Info,
            "The plan is being worked out again; a moment",
        );
        return Vec::new();
    }
    let (Some(proposal), Some(state)) = (app.selected_proposal(), app.plan.state.as_ref()) else {
        return Vec::new();
    };
    let change = match proposal {
        Proposal::Owner(i) => {
            let o = &state.plan.owners[i];
            edit::set_owner(&app.team, o.mission, Some(o.person))
        }
        Proposal::Mentor(i) => {
            let m = &state.plan.mentors[i];
            edit::set_mentor(&app.team, m.mission, Some(m.person))
        }
    };
    apply(app, change)
}

/// Accepts every proposal in one change, so one undo takes it back.
pub(super) fn accept_plan(app: &mut App) -> Vec<Effect> {
    if app.view != View::Plan {
        return Vec::new();
    }
    if !app.plan_is_current() {
        app.tell(
            NoticeKind::Info,
            "The plan is being worked out again; a moment",
        );
        return Vec::new();
    }
    let Some(state) = app.plan.state.as_ref().filter(|s| !s.plan.is_empty()) else {
        app.tell(NoticeKind::Info, "Nothing to accept: the plan is empty");
        return Vec::new();
    };
    let change = state.plan.change(&app.team);
    apply(app, change)
}
