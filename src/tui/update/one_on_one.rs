//! Updates of the One-on-one view: writing an entry (in the form or in
//! $EDITOR), ticking action items, writing the agenda to a file.

use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{apply, breaks_a_rule};
use crate::edit;
use crate::store::OutputError;
use crate::tui::app::{App, Confirm, Modal, NoticeKind, Pending};
use crate::tui::entry::{EntryField, EntryForm};
use crate::tui::list::ListState;
use crate::tui::message::{Action, Effect};

/// `n`: today's entry for the selected person.
pub fn new_entry(app: &mut App) -> Vec<Effect> {
    if let Some(p) = app.selected_person() {
        app.modal = Some(Modal::Entry(Box::new(EntryForm::new(p, app.today))));
    }
    Vec::new()
}

/// Space: the person's action items, open ones first (oldest first), then
/// the done ones.
pub fn open_actions(app: &mut App) -> Vec<Effect> {
    let Some(person) = app.selected_person() else {
        return Vec::new();
    };
    let items = action_items(app, person);
    if items.is_empty() {
        app.tell(
            NoticeKind::Info,
            "No action items yet: n starts an entry with some",
        );
        return Vec::new();
    }
    let mut list = ListState::default();
    list.set_rows((0..items.len()).collect());
    app.modal = Some(Modal::Actions {
        person,
        items,
        list,
    });
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

/// `x`: asks where to write the agenda, suggesting a file beside the team.
pub fn export_agenda(app: &mut App) -> Vec<Effect> {
    let Some(person) = app.selected_person() else {
        return Vec::new();
    };
    let slug: String = app.team.people[person]
        .name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let dir = app
        .file
        .path
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = dir.join(format!("agenda-{slug}-{}.md", app.today));
    app.modal = Some(Modal::Export {
        person,
        path: Input::new(path.display().to_string()),
    });
    Vec::new()
}

/// Keys typed into the entry form: Enter is a new line in the note and
/// the actions, and moves on from the date.
pub fn entry_input(form: &mut EntryForm, mut key: KeyEvent) {
    form.error = None;
    // A line feed (Ctrl-J to the terminal; what Enter sends when the
    // terminal is not in raw mode, and what a paste holds) is a new line,
    // never the text area's "delete to the start of the line".
    if key.code == KeyCode::Char('j') && key.modifiers == crossterm::event::KeyModifiers::CONTROL {
        key = KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::NONE);
    }
    match form.focus {
        EntryField::Date if key.code == KeyCode::Enter => form.next_field(),
        EntryField::Date => {
            form.date.handle_event(&Event::Key(key));
        }
        EntryField::Note => {
            form.note.input(key);
        }
        EntryField::Actions => {
            form.actions.input(key);
        }
    }
}

pub fn entry_action(app: &mut App, mut form: Box<EntryForm>, action: Action) -> Vec<Effect> {
    match action {
        Action::NextField => form.next_field(),
        Action::PrevField => form.prev_field(),
        Action::OpenEditor => {
            let text = form.note_text();
            app.modal = Some(Modal::Entry(form));
            if app.editor.is_none() {
                app.tell(
                    NoticeKind::Warning,
                    "Set $EDITOR to write notes in your editor",
                );
                return Vec::new();
            }
            return vec![Effect::EditNote(text)];
        }
        Action::Cancel => {
            if form.is_modified(app.today) {
                app.modal = Some(Modal::Confirm(Confirm {
                    title: "Drop this entry?".into(),
                    lines: vec!["What you wrote is lost. n goes back to it.".into()],
                    on_yes: Pending::DiscardEntry(form),
                }));
            }
            return Vec::new();
        }
        Action::Confirm if !app.can_change() => {
            app.modal = Some(Modal::Entry(form));
            return crate::tui::recovery::keep_typed(app);
        }
        Action::Confirm => match form.to_entry() {
            Ok(entry) => {
                let change = edit::add_log_entry(&app.team, form.person, entry);
                match breaks_a_rule(app, &change) {
                    Some(reason) => form.error = Some(reason),
                    None => return apply(app, change),
                }
            }
            Err(reason) => form.error = Some(reason),
        },
        _ => {}
    }
    app.modal = Some(Modal::Entry(form));
    Vec::new()
}

/// The text $EDITOR gave back goes into the note of the open entry.
pub fn edited(app: &mut App, result: Result<crate::store::ReadNote, String>) {
    match (result, &mut app.modal) {
        (Ok(read), Some(Modal::Entry(form))) => {
            form.set_note(&read.text);
            form.focus = EntryField::Actions;
            if let Some(kept) = read.kept {
                app.tell(
                    NoticeKind::Warning,
                    format!(
                        "The editor wrote text that is not UTF-8: it was read with \u{fffd} marks, \
                         and the exact bytes are kept in {}",
                        kept.display()
                    ),
                );
            }
        }
        (Err(e), _) => app.tell(NoticeKind::Error, format!("The editor did not finish: {e}")),
        _ => {}
    }
}

pub fn actions_action(
    app: &mut App,
    person: usize,
    items: Vec<(usize, usize)>,
    mut list: ListState,
    action: Action,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::Up => list.move_by(-1),
        Action::Down => list.move_by(1),
        Action::Cancel => return effects,
        Action::Toggle => {
            if let Some(&(entry, item)) = list.selected_item().map(|i| &items[i]) {
                let change = edit::toggle_action(&app.team, person, entry, item);
                effects = apply(app, change);
            }
        }
        _ => {}
    }
    // Items keep their places while the modal is open, so a tick is easy to
    // undo with another Space.
    app.modal = Some(Modal::Actions {
        person,
        items,
        list,
    });
    effects
}

pub fn export_action(
    app: &mut App,
    person: usize,
    mut path: Input,
    action: Action,
    key: Option<KeyEvent>,
) -> Vec<Effect> {
    if let Some(key) = key {
        path.handle_event(&Event::Key(key));
        app.modal = Some(Modal::Export { person, path });
        return Vec::new();
    }
    match action {
        Action::Confirm => {
            let target = PathBuf::from(path.value().trim());
            if path.value().trim().is_empty() {
                app.tell(NoticeKind::Warning, "Give a file to write the agenda to");
                app.modal = Some(Modal::Export { person, path });
                return Vec::new();
            }
            let text = crate::agenda::agenda(&app.team, &app.analysis, person);
            vec![Effect::WriteFile {
                path: target,
                text,
                overwrite: false,
            }]
        }
        Action::Cancel => Vec::new(),
        _ => {
            app.modal = Some(Modal::Export { person, path });
            Vec::new()
        }
    }
}

/// A file was written, or exists already (then ask before replacing it).
pub fn written(app: &mut App, path: PathBuf, result: Result<(), OutputError>) {
    match result {
        Ok(()) => app.tell(NoticeKind::Info, format!("Wrote {}", path.display())),
        Err(OutputError::Exists(_)) => {
            let text = match &app.people.selected_item() {
                Some(p) => crate::agenda::agenda(&app.team, &app.analysis, *p),
                None => return,
            };
            app.modal = Some(Modal::Confirm(Confirm {
                title: format!("Replace {}?", path.display()),
                lines: vec!["A file of that name is already there.".into()],
                on_yes: Pending::Overwrite { path, text },
            }));
        }
        Err(e) => app.tell(NoticeKind::Error, format!("Not written: {e}")),
    }
}
