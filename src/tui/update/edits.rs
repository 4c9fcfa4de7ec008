//! Adding, editing and deleting missions and people: the forms, checked
//! with the file's own rules before anything changes.

use super::{apply, breaks_a_rule};
use crate::edit::{self, Change};
use crate::model::{Mission, Person};
use crate::text::clean;
use crate::tui::app::{App, Confirm, Modal, Pending};
use crate::tui::form::{Form, FormKind};
use crate::tui::message::{Action, Effect, View};

pub(super) fn add(app: &mut App) -> Vec<Effect> {
    let form = if mission_view(app) {
        Form::mission(FormKind::AddMission, &Mission::titled(""))
    } else if app.view == View::Plan {
        return Vec::new();
    } else {
        Form::person(FormKind::AddPerson, &Person::named(""))
    };
    app.modal = Some(Modal::Form(Box::new(form)));
    Vec::new()
}

pub(super) fn edit_selected(app: &mut App) -> Vec<Effect> {
    let form = if mission_view(app) {
        app.selected_mission()
            .map(|m| Form::mission(FormKind::EditMission(m), &app.team.missions[m]))
    } else {
        app.selected_person()
            .map(|p| Form::person(FormKind::EditPerson(p), &app.team.people[p]))
    };
    if let Some(form) = form {
        app.modal = Some(Modal::Form(Box::new(form)));
    }
    Vec::new()
}

pub(super) fn delete_selected(app: &mut App) -> Vec<Effect> {
    if mission_view(app) {
        if let Some(m) = app.selected_mission() {
            let title = clean(&app.team.missions[m].title).into_owned();
            app.modal = Some(Modal::Confirm(Confirm {
                title: format!("Delete \"{title}\"?"),
                lines: vec!["u undoes it.".into()],
                on_yes: Pending::DeleteMission(m),
            }));
        }
    } else if let Some(p) = app.selected_person() {
        let name = clean(&app.team.people[p].name).into_owned();
        let links = edit::links_of(&app.team, p);
        let titles = |missions: &[usize]| {
            missions
                .iter()
                .map(|&m| format!("\"{}\"", clean(&app.team.missions[m].title)))
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
        if !app.team.people[p].log.is_empty() {
            lines.push("Their one-on-one log goes with them.".into());
        }
        lines.push("u undoes it.".into());
        app.modal = Some(Modal::Confirm(Confirm {
            title: format!("Delete {name}?"),
            lines,
            on_yes: Pending::DeletePerson(p),
        }));
    }
    Vec::new()
}

pub(super) fn form_action(app: &mut App, mut form: Box<Form>, action: Action) -> Vec<Effect> {
    match action {
        Action::NextField => form.next_field(),
        Action::PrevField => form.prev_field(),
        Action::Cancel => {
            if form.is_modified() {
                app.modal = Some(Modal::Confirm(Confirm {
                    title: "Discard your edits?".into(),
                    lines: vec!["n goes back to the form.".into()],
                    on_yes: Pending::DiscardForm(form),
                }));
            }
            return Vec::new();
        }
        Action::Confirm => return submit(app, form),
        _ => {}
    }
    app.modal = Some(Modal::Form(form));
    Vec::new()
}

/// Saves a form: the change is tried on the team and validated with the
/// file's own rules; a refused form stays open with the reason.
pub(super) fn submit(app: &mut App, mut form: Box<Form>) -> Vec<Effect> {
    if !app.can_change() {
        app.modal = Some(Modal::Form(form));
        return crate::tui::recovery::keep_typed(app);
    }
    let change = match build_change(app, &form) {
        Ok(change) => change,
        Err(reason) => {
            form.error = Some(reason);
            app.modal = Some(Modal::Form(form));
            return Vec::new();
        }
    };
    if let Some(reason) = breaks_a_rule(app, &change) {
        form.error = Some(reason);
        app.modal = Some(Modal::Form(form));
        return Vec::new();
    }
    let added = matches!(form.kind, FormKind::AddMission | FormKind::AddPerson);
    let effects = apply(app, change);
    if added {
        // Show what was just added, even under a filter.
        match form.kind {
            FormKind::AddMission => {
                app.missions.filter.reset();
                app.refilter_missions();
                app.missions.select_item(app.team.missions.len() - 1);
            }
            _ => {
                app.people.filter.reset();
                app.refilter_people();
                app.people.select_item(app.team.people.len() - 1);
            }
        }
    }
    effects
}

fn build_change(app: &App, form: &Form) -> Result<Change, String> {
    Ok(match form.kind {
        FormKind::AddMission => {
            edit::add_mission(&app.team, form.to_mission(&Mission::titled(""))?)
        }
        FormKind::EditMission(m) => {
            let mission = form.to_mission(&app.team.missions[m])?;
            edit::update_mission(&app.team, m, mission, app.today)
        }
        FormKind::AddPerson => edit::add_person(&app.team, form.to_person(&Person::named(""))?),
        FormKind::EditPerson(p) => {
            let person = form.to_person(&app.team.people[p])?;
            edit::update_person(&app.team, p, person)
        }
    })
}

pub(super) fn mission_view(app: &App) -> bool {
    app.view == View::Missions
}
