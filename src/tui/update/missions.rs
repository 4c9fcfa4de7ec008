//! Choosing owners and mentors, handing missions over, marking them done,
//! sorting the list, accepting the plan.

use crate::edit;
use crate::model::Status;
use crate::text::clean;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect, View};
use crate::tui::modal::Modal;
use crate::tui::modal::confirm::{Pending, ask};
use crate::tui::state::{NoticeKind, Proposal, State};

/// `s`: the Missions list in its next order; the title says which.
pub(super) fn sort(state: &mut State) -> Vec<Effect> {
    if state.view == View::Missions {
        state.next_sort();
    }
    Vec::new()
}

/// `D`: asks whether the selected mission is done, naming it; a yes is one
/// undoable change to status Done.
pub(super) fn mark_done(state: &mut State) -> Option<Modal> {
    if state.view != View::Missions {
        return None;
    }
    let m = state.selected_mission()?;
    let mission = &state.team.missions[m];
    let title = clean(&mission.title).into_owned();
    if mission.status == Status::Done {
        state.tell(NoticeKind::Info, format!("\"{title}\" is done already"));
        return None;
    }
    let undo = state.keymap.key(Context::Global, Action::Undo);
    let mut lines = Vec::new();
    if let Some(owner) = &mission.owner {
        lines.push(format!(
            "It no longer counts in {}'s load{}.",
            clean(owner),
            match &mission.mentor {
                Some(mentor) => format!(" nor in {}'s mentoring", clean(mentor)),
                None => String::new(),
            }
        ));
    }
    lines.push(format!("{undo} undoes it."));
    Some(ask(
        format!("Mark \"{title}\" done?"),
        lines,
        Pending::Apply(Box::new(edit::set_status(
            &state.team,
            m,
            Status::Done,
            state.today,
        ))),
    ))
}

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
