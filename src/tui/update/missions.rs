//! Choosing owners and mentors, handing missions over, accepting the plan.

use crate::edit;
use crate::tui::message::{Effect, View};
use crate::tui::state::{NoticeKind, Proposal, State};

/// Accepts the selected proposal of the plan as an ordinary change.
pub(super) fn accept_proposal(state: &mut State) -> Vec<Effect> {
    if !state.plan_is_current() {
        state.tell(
            NoticeKind::Info,
            "The plan is being worked out again; a moment",
        );
        return Vec::new();
    }
    let (Some(proposal), Some(plan)) = (state.selected_proposal(), state.plan.state.as_ref())
    else {
        return Vec::new();
    };
    let change = match proposal {
        Proposal::Owner(i) => {
            let o = &plan.plan.owners[i];
            edit::set_owner(&state.team, o.mission, Some(o.person))
        }
        Proposal::Mentor(i) => {
            let m = &plan.plan.mentors[i];
            edit::set_mentor(&state.team, m.mission, Some(m.person))
        }
    };
    state.apply(change)
}

/// Accepts every proposal in one change, so one undo takes it back.
pub(super) fn accept_plan(state: &mut State) -> Vec<Effect> {
    if state.view != View::Plan {
        return Vec::new();
    }
    if !state.plan_is_current() {
        state.tell(
            NoticeKind::Info,
            "The plan is being worked out again; a moment",
        );
        return Vec::new();
    }
    let Some(plan) = state.plan.state.as_ref().filter(|p| !p.plan.is_empty()) else {
        state.tell(NoticeKind::Info, "Nothing to accept: the plan is empty");
        return Vec::new();
    };
    let change = plan.plan.change(&state.team);
    state.apply(change)
}
