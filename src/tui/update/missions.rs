//! Choosing owners and mentors, handing missions over, accepting the plan.

use super::apply;
use crate::analysis::Verdict;
use crate::edit;
use crate::model::Status;
use crate::text::clean;
use crate::tui::app::{App, Modal, NoticeKind, Proposal};
use crate::tui::message::{Action, Effect, View};
use crate::tui::picker::{Picker, PickerKind};

pub(super) fn pick(app: &mut App, kind: PickerKind) -> Vec<Effect> {
    let Some(m) = app.selected_mission() else {
        return Vec::new();
    };
    let picker = match kind {
        PickerKind::Owner => Picker::owner(&app.team, &app.analysis, m),
        PickerKind::Mentor => Picker::mentor(&app.team, &app.analysis, m),
    };
    app.modal = Some(Modal::Picker(Box::new(picker)));
    Vec::new()
}

pub(super) fn picker_action(app: &mut App, mut picker: Box<Picker>, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => picker.list.move_by(-1),
        Action::Down => picker.list.move_by(1),
        Action::Cancel => return Vec::new(),
        Action::Confirm => {
            let Some(choice) = picker.chosen() else {
                app.modal = Some(Modal::Picker(picker));
                return Vec::new();
            };
            let person = choice.person;
            let change = match picker.kind {
                PickerKind::Owner => edit::set_owner(&app.team, picker.mission, person),
                PickerKind::Mentor => edit::set_mentor(&app.team, picker.mission, person),
            };
            return apply(app, change);
        }
        _ => {}
    }
    app.modal = Some(Modal::Picker(picker));
    Vec::new()
}

pub(super) fn hand_over(app: &mut App) -> Vec<Effect> {
    let Some(m) = app.selected_mission() else {
        return Vec::new();
    };
    let mission = &app.team.missions[m];
    let title = clean(&mission.title).into_owned();
    match (mission.status, app.analysis.missions[m].verdict) {
        (Status::Done, _) => app.tell(NoticeKind::Info, format!("\"{title}\" is done")),
        (Status::HandedOver, _) => {
            let when = mission
                .handed_over
                .map(|d| format!(" on {d}"))
                .unwrap_or_default();
            app.tell(
                NoticeKind::Info,
                format!("\"{title}\" was handed over{when}"),
            );
        }
        (_, Verdict::Unassigned) => app.tell(
            NoticeKind::Warning,
            format!("\"{title}\" has no owner yet: press o to choose one"),
        ),
        _ => app.modal = Some(Modal::HandOver { mission: m }),
    }
    Vec::new()
}

pub(super) fn do_hand_over(app: &mut App, mission: usize) -> Vec<Effect> {
    let change = edit::hand_over(&app.team, mission, app.today);
    apply(app, change)
}

/// Accepts the selected proposal of the plan as an ordinary change.
pub(super) fn accept_proposal(app: &mut App) -> Vec<Effect> {
    if !app.plan_is_current() {
        app.tell(
            NoticeKind::Info,
            "The plan is being worked out again; a moment",
        );
        return Vec::new();
    }
    let (Some(proposal), Some(state)) = (app.selected_proposal(), app.plan.as_ref()) else {
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
    let Some(state) = app.plan.as_ref().filter(|s| !s.plan.is_empty()) else {
        app.tell(NoticeKind::Info, "Nothing to accept: the plan is empty");
        return Vec::new();
    };
    let change = state.plan.change(&app.team);
    apply(app, change)
}
