//! After a crash: the app writes what was not saved yet — changes still on
//! their way to the file, an entry being written — to a recovery file
//! beside the team file, and the next start offers to restore it.

use std::path::{Path, PathBuf};

use super::app::{App, Modal};
use crate::model::{LogEntry, Team};
use crate::store;

/// `team.recovery.ron` beside `team.ron`.
pub fn path_for(team_file: &Path) -> PathBuf {
    let stem = team_file.file_stem().unwrap_or_default().to_string_lossy();
    team_file.with_file_name(format!("{stem}.recovery.ron"))
}

/// The team as the app holds it, with an entry being written added as a
/// draft, when that differs from the file on disk.
fn unsaved(app: &App) -> Option<Team> {
    let mut team = app.team.clone();
    if let Some(Modal::Entry(form)) = &app.modal
        && form.is_modified(app.today)
    {
        let note = format!(
            "[draft recovered after a crash] {}",
            form.note_text().trim()
        );
        let actions = form
            .actions
            .lines()
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(|text| crate::model::Action {
                text: text.to_string(),
                done: false,
            })
            .collect();
        if let Some(person) = team.people.get_mut(form.person) {
            person.log.push(LogEntry {
                date: app.today,
                note,
                actions,
            });
        }
    }
    let on_disk = std::fs::read(&app.file.path).ok();
    (on_disk.as_deref() != Some(store::to_ron(&team).as_bytes())).then_some(team)
}

/// Writes the recovery file if anything is unsaved; says where.
pub fn write(app: &App) -> Option<Result<PathBuf, String>> {
    let team = unsaved(app)?;
    let path = path_for(&app.file.path);
    Some(
        store::write_private_new(&path, store::to_ron(&team).as_bytes(), true)
            .map(|_| path)
            .map_err(|e| e.to_string()),
    )
}

/// A recovery file left by a crash, if there is one and it loads.
pub fn find(team_file: &Path) -> Option<Result<(PathBuf, Team), String>> {
    let path = path_for(team_file);
    if !path.exists() {
        return None;
    }
    Some(match store::load(&path) {
        Ok(loaded) => Ok((path, loaded.team)),
        Err(e) => Err(e.to_string()),
    })
}

/// Moves a recovery file out of the way once dealt with, keeping it.
pub fn set_aside(path: &Path) -> Result<PathBuf, String> {
    let stamp = jiff::ZonedDateTime::now().strftime("%Y%m%d-%H%M%S");
    let aside = path.with_file_name(format!(
        "{}.{stamp}",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    std::fs::rename(path, &aside)
        .map(|()| aside)
        .map_err(|e| e.to_string())
}
