//! Adding, editing and deleting missions and people: what opens the forms
//! (`modal/form.rs`) and asks before a deletion.

use crate::edit;
use crate::model::{Mission, Person};
use crate::text::clean;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::message::{Action, Effect, View};
use crate::tui::modal::confirm::{Pending, ask};
use crate::tui::modal::form::FormKind;
use crate::tui::modal::{Form, Modal};

pub(super) fn add(app: &mut App) -> Vec<Effect> {
    let form = if mission_view(app) {
        // New missions and people start from the settings' defaults.
        let mut mission = Mission::titled("");
        mission.delegation = app.state.settings.delegation;
        Form::mission(FormKind::AddMission, &mission)
    } else if app.state.view == View::Plan {
        return Vec::new();
    } else {
        let mut person = Person::named("");
        person.cadence = app.state.settings.cadence;
        Form::person(FormKind::AddPerson, &person)
    };
    app.modal = Some(Modal::Form(Box::new(form)));
    Vec::new()
}

pub(super) fn edit_selected(app: &mut App) -> Vec<Effect> {
    let form = if mission_view(app) {
        app.state
            .selected_mission()
            .map(|m| Form::mission(FormKind::EditMission(m), &app.state.team.missions[m]))
    } else {
        app.state
            .selected_person()
            .map(|p| Form::person(FormKind::EditPerson(p), &app.state.team.people[p]))
    };
    if let Some(form) = form {
        app.modal = Some(Modal::Form(Box::new(form)));
    }
    Vec::new()
}

pub(super) fn delete_selected(app: &mut App) -> Vec<Effect> {
    if mission_view(app) {
        if let Some(m) = app.state.selected_mission() {
            let title = clean(&app.state.team.missions[m].title).into_owned();
            let undo = undo_key(app);
            app.modal = Some(ask(
                format!("Delete \"{title}\"?"),
                vec![format!("{undo} undoes it.")],
                Pending::Apply(Box::new(edit::delete_mission(&app.state.team, m))),
            ));
        }
    } else if let Some(p) = app.state.selected_person() {
        let name = clean(&app.state.team.people[p].name).into_owned();
        let links = edit::links_of(&app.state.team, p);
        let titles = |missions: &[usize]| {
            missions
                .iter()
                .map(|&m| format!("\"{}\"", clean(&app.state.team.missions[m].title)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut lines = Vec::new();
        if !links.owns.is_empty() {
            lines.push(format!(
                "They own {}; those lose their owner.",
                titles(&links.owns)
            ));
        }
        if !links.mentors.is_empty() {
            lines.push(format!(
                "They mentor {}; those lose their mentor.",
                titles(&links.mentors)
            ));
        }
        if !links.turned_to_by.is_empty() {
            let n = links.turned_to_by.len();
            lines.push(format!(
                "{n} {} turn{} to them; they are taken off those lists.",
                if n == 1 { "person" } else { "people" },
                if n == 1 { "s" } else { "" }
            ));
        }
        if !app.state.team.people[p].log.is_empty() {
            lines.push("Their one-on-one log goes with them.".into());
        }
        lines.push(format!("{} undoes it.", undo_key(app)));
        app.modal = Some(ask(
            format!("Delete {name}?"),
            lines,
            Pending::Apply(Box::new(edit::delete_person(&app.state.team, p))),
        ));
    }
    Vec::new()
}

fn undo_key(app: &App) -> String {
    app.state.keymap.key(Context::Global, Action::Undo)
}

pub(super) fn mission_view(app: &App) -> bool {
    app.state.view == View::Missions
}
