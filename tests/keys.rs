//! Every key named on screen comes from the keymap: with a `keys.ron` that
//! moves every default binding to another key, no default key name is left
//! where a key is named — in the tabs, the status bar, the help, the hints
//! and the words of each view.
//!
//! To add a case (a modal, a view state), write a test that calls
//! [`check`] with a name and what to do to the app, by actions (the letters
//! of the default keys mean nothing under the rebound keymap).

mod support;

use std::collections::{BTreeMap, BTreeSet};

use std::path::{Path, PathBuf};
use support::app::{NoSave, act, select_mission};

use handover::model::Team;
use handover::sample;
use handover::tui::app::{App, FileState, SaveState};
use handover::tui::keymap::{DEFAULT_KEYS, Keymap, Keystroke};
use handover::tui::message::{Action, Message};
use handover::tui::theme::Theme;
use handover::tui::{dispatch_on, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 35;

/// `keys.ron` moving every default binding (`"context.action"`, one a
/// line in `assets/keys.ron`) to a function key of its own, F13 upwards:
/// names no default key has and no text contains.
fn rebound_file() -> String {
    let defaults: BTreeMap<String, Vec<String>> = ron::from_str(DEFAULT_KEYS).unwrap();
    let lines: Vec<String> = defaults
        .keys()
        .enumerate()
        .map(|(i, name)| format!("    {name:?}: [\"f{}\"],", 13 + i))
        .collect();
    format!("{{\n{}\n}}\n", lines.join("\n"))
}

fn rebound() -> Keymap {
    let (keymap, problems) = Keymap::parse(&rebound_file(), Path::new("keys.ron"));
    assert_eq!(problems, Vec::<String>::new());
    keymap
}

/// The names the default keys are shown by: `q`, `Ctrl-r`, `Enter`, `←`…
fn default_names() -> BTreeSet<String> {
    let defaults: BTreeMap<String, Vec<String>> = ron::from_str(DEFAULT_KEYS).unwrap();
    defaults
        .values()
        .flatten()
        .map(|k| Keystroke::parse(k).unwrap().to_string())
        .collect()
}

/// Words of prose and data that are also default key names: the article
/// "a", a sentence's "A", the `?` of the unassigned badge, the `!` of the
/// at-risk badge and of signals, the arrows of suggestions and proposals,
/// numbers. They count where a key is named
/// (styled as a key, after "press", in parentheses, before a view's name)
/// but not in running text.
const PROSE: [&str; 11] = ["a", "A", "?", "!", "→", "←", "1", "2", "3", "4", "5"];

fn app(team: Team, keymap: Keymap, save: SaveState) -> App {
    // Colour, so that keys are told apart by their style.
    let file = FileState {
        path: PathBuf::from("team.ron"),
        baseline: None,
        read_only: false,
        save,
    };
    let mut app = support::app::app()
        .team(team)
        .file(file)
        .keymap(keymap)
        .theme(Theme::dark())
        .build();
    dispatch_on(&mut app, Message::Resize(WIDTH, HEIGHT), &mut NoSave);
    app
}

/// The screen as rows of text, and the runs of text styled as a key.
struct Screen {
    rows: Vec<String>,
    key_runs: Vec<String>,
}

fn draw(app: &App) -> Screen {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let key = app.theme().key();
    let mut rows = Vec::new();
    let mut key_runs = Vec::new();
    for y in 0..HEIGHT {
        let mut row = String::new();
        let mut run = String::new();
        // A title has the key's style too, but sits on a border.
        let mut on_border = false;
        let mut previous = " ";
        for x in 0..WIDTH {
            let cell = &buffer[(x, y)];
            row.push_str(cell.symbol());
            let is_key = Some(cell.fg) == key.fg
                && cell.fg != Color::Reset
                && cell.modifier.contains(Modifier::BOLD);
            if is_key {
                if run.is_empty() {
                    on_border = ["┌", "└", "─"].contains(&previous);
                }
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                let run = std::mem::take(&mut run);
                if !on_border {
                    key_runs.push(run);
                }
            }
            previous = cell.symbol();
        }
        if !run.is_empty() && !on_border {
            key_runs.push(run);
        }
        rows.push(row);
    }
    Screen { rows, key_runs }
}

/// The words of a text, as key names would stand in it: split at spaces and
/// at the `/` of `h/l`, bare of the punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .flat_map(|w| {
            if w == "/" {
                vec![w]
            } else {
                w.split('/').filter(|p| !p.is_empty()).collect()
            }
        })
        .map(|w| {
            w.trim_matches(|c: char| "()[]{},;:.'\"·`".contains(c))
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every default key name on the screen where a key is named.
fn offences(screen: &Screen, names: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    // Styled as a key: the status-bar hints, the help's key column, modal
    // hints. A lone arrow or box is a list marker, not a key.
    for run in &screen.key_runs {
        if ["→", "☐"].contains(&run.trim()) {
            continue;
        }
        for w in words(run) {
            if names.contains(&w) {
                found.push(format!("{w:?} styled as a key in {run:?}"));
            }
        }
    }
    let titles = ["Missions", "People", "Matrix", "One-on-one", "Plan"];
    for (y, row) in screen.rows.iter().enumerate() {
        let raw: Vec<&str> = row.split_whitespace().collect();
        let clean = words(row);
        for w in &clean {
            if names.contains(w) && !PROSE.contains(&w.as_str()) {
                found.push(format!("{w:?} in row {y}: {}", row.trim_end()));
            }
        }
        for pair in raw.windows(2) {
            let next = words(pair[1]).first().cloned().unwrap_or_default();
            if pair[0].eq_ignore_ascii_case("press") && names.contains(&next) {
                found.push(format!("\"press {next}\" in row {y}: {}", row.trim_end()));
            }
            // The tab bar: " 1 Missions ".
            if y == 0 && titles.contains(&pair[1]) && names.contains(pair[0]) {
                found.push(format!("{:?} names the {} tab", pair[0], pair[1]));
            }
        }
        for w in &raw {
            let inner = w.trim_end_matches([',', '.', ';', ':']);
            if let Some(k) = inner.strip_prefix('(').and_then(|w| w.strip_suffix(')'))
                && names.contains(k)
            {
                found.push(format!("\"({k})\" in row {y}: {}", row.trim_end()));
            }
        }
    }
    found
}

/// Draws the app `setup` leaves at 120×35, once with the default keys and
/// once with every key rebound: the check must find default key names in
/// the first (so it looks where keys are named) and none in the second.
fn check(name: &str, team: fn() -> Team, setup: impl Fn(&mut App)) {
    check_on(name, team, SaveState::Saved, setup);
}

/// `check`, on a file in this state (the sample: no file yet).
fn check_on(name: &str, team: fn() -> Team, save: SaveState, setup: impl Fn(&mut App)) {
    let names = default_names();
    let mut default = app(team(), Keymap::default(), save.clone());
    setup(&mut default);
    let found = offences(&draw(&default), &names);
    assert!(
        !found.is_empty(),
        "{name}: with the default keys, no key name was found: the check looks nowhere"
    );

    let mut moved = app(team(), rebound(), save);
    setup(&mut moved);
    let screen = draw(&moved);
    let found = offences(&screen, &names);
    assert!(
        found.is_empty(),
        "{name}: default key names on screen with every key rebound:\n{}\n\n{}",
        found.join("\n"),
        screen.rows.join("\n")
    );
    // And the rebound keys are named instead.
    assert!(
        screen.key_runs.iter().flat_map(|r| words(r)).any(|w| w
            .strip_prefix('F')
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| n >= 13)),
        "{name}: no rebound key named in {:?}:\n{}",
        screen.key_runs,
        screen.rows.join("\n")
    );
}

fn empty() -> Team {
    Team::default()
}

#[test]
fn the_rebound_file_moves_every_binding() {
    let keymap = rebound();
    let names = default_names();
    for context in handover::tui::keymap::Context::ALL {
        for (keys, description) in keymap.help(&[context]) {
            for w in words(&keys) {
                assert!(!names.contains(&w), "{context:?}: {w} ({description})");
            }
        }
    }
}

#[test]
fn missions_view() {
    check("missions", sample::team, |app| {
        select_mission(app, "Speed up the checkout page");
    });
}

#[test]
fn missions_without_owner_or_mentor() {
    check("missions unassigned", sample::team, |app| {
        select_mission(app, "Design tokens for the component library");
    });
}

#[test]
fn missions_sorted_filtered_and_marked_done() {
    check("missions sorted, a bad filter", sample::team, |app| {
        act(app, Action::Sort);
        act(app, Action::Sort);
        act(app, Action::Filter);
        type_text(app, "is:bloked due:soon");
        act(app, Action::Confirm);
    });
    check("mark done", sample::team, |app| {
        select_mission(app, "Speed up the checkout page");
        act(app, Action::MarkDone);
    });
}

#[test]
fn people_view() {
    check("people", sample::team, |app| {
        act(app, Action::ShowPeople);
        act(app, Action::Down);
    });
}

#[test]
fn matrix_view() {
    check("matrix", sample::team, |app| {
        act(app, Action::ShowMatrix);
        act(app, Action::Down);
        act(app, Action::Right);
    });
}

#[test]
fn one_on_one_view() {
    check("one-on-one", sample::team, |app| {
        act(app, Action::ShowOneOnOne);
        act(app, Action::Down);
    });
}

#[test]
fn plan_view() {
    check("plan", sample::team, |app| act(app, Action::ShowPlan));
}

#[test]
fn an_empty_team() {
    check("no missions", empty, |_| {});
    check("no people", empty, |app| act(app, Action::ShowPeople));
}

#[test]
fn the_help_over_every_view() {
    for view in [
        Action::ShowMissions,
        Action::ShowPeople,
        Action::ShowMatrix,
        Action::ShowOneOnOne,
        Action::ShowPlan,
    ] {
        check(&format!("help over {view:?}"), sample::team, |app| {
            act(app, view);
            act(app, Action::Help);
        });
    }
}

/// Types text into the field in focus.
fn type_text(app: &mut App, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        dispatch_on(app, Message::Input(key), &mut NoSave);
    }
}

#[test]
fn the_hand_over_checklist_and_its_second_question() {
    check("hand over ready", sample::team, |app| {
        select_mission(app, "Migrate billing to Postgres 16");
        act(app, Action::HandOver);
    });
    check("hand over at risk", sample::team, |app| {
        select_mission(app, "Speed up the checkout page");
        act(app, Action::HandOver);
    });
    check("hand over anyway?", sample::team, |app| {
        select_mission(app, "Speed up the checkout page");
        act(app, Action::HandOver);
        act(app, Action::Confirm);
    });
    check("hand over: the check-in date", sample::team, |app| {
        select_mission(app, "Migrate billing to Postgres 16");
        act(app, Action::HandOver);
        act(app, Action::CheckIn);
    });
}

#[test]
fn deleting_asks_naming_the_undo_key() {
    check("delete a mission", sample::team, |app| {
        act(app, Action::Delete)
    });
    check("delete a person", sample::team, |app| {
        act(app, Action::ShowPeople);
        act(app, Action::Delete);
    });
}

#[test]
fn the_forms_and_their_questions() {
    check("edit a mission, on the owner", sample::team, |app| {
        act(app, Action::Edit);
        for _ in 0..4 {
            act(app, Action::NextField);
        }
    });
    check("discard the edits?", sample::team, |app| {
        act(app, Action::Add);
        type_text(app, "New work");
        act(app, Action::Cancel);
    });
}

#[test]
fn the_pickers() {
    check("owner picker", sample::team, |app| {
        select_mission(app, "Design tokens for the component library");
        act(app, Action::AssignOwner);
    });
}

#[test]
fn the_one_on_one_modals() {
    check("an entry", sample::team, |app| {
        app.set_editor(Some("vim".into()));
        act(app, Action::ShowOneOnOne);
        act(app, Action::NewEntry);
    });
    check("drop the entry?", sample::team, |app| {
        act(app, Action::ShowOneOnOne);
        act(app, Action::NewEntry);
        type_text(app, "Half a thought");
        act(app, Action::Cancel);
    });
    check("the history", sample::team, |app| {
        act(app, Action::ShowOneOnOne);
        act(app, Action::History);
    });
    check("delete an entry?", sample::team, |app| {
        act(app, Action::ShowOneOnOne);
        act(app, Action::History);
        act(app, Action::Delete);
    });
    check("action items", sample::team, |app| {
        act(app, Action::ShowOneOnOne);
        act(app, Action::Toggle);
    });
    check("where to write the agenda", sample::team, |app| {
        act(app, Action::ShowOneOnOne);
        act(app, Action::ExportAgenda);
    });
}

#[test]
fn the_conflict() {
    check("conflict", sample::team, |app| {
        // The saver finds the file changed by another program.
        dispatch_on(
            app,
            Message::Saved {
                result: Err(handover::store::SaveError::ChangedOnDisk("team.ron".into())),
                changes: 0,
            },
            &mut NoSave,
        );
    });
}

#[test]
fn the_welcome_and_the_sample() {
    check_on("welcome", sample::team, SaveState::Sample, |app| {
        act(app, Action::StartOwn);
    });
    check_on("welcome import", sample::team, SaveState::Sample, |app| {
        act(app, Action::StartOwn);
        act(app, Action::ImportCsv);
        type_text(app, "matrix.csv");
    });
    check_on(
        "leaving the sample",
        sample::team,
        SaveState::Sample,
        |app| {
            act(app, Action::Delete);
            act(app, Action::Confirm);
            act(app, Action::Quit);
        },
    );
}

#[test]
fn what_it_takes() {
    check("what it takes", sample::team, |app| {
        select_mission(app, "Speed up the checkout page");
        act(app, Action::WhatItTakes);
    });
}

#[test]
fn what_if_someone_leaves() {
    check("what if", sample::team, |app| {
        act(app, Action::ShowPeople);
        act(app, Action::WhatIfLeaves);
    });
}

#[test]
fn the_message_log() {
    check("message log", sample::team, |app| {
        act(app, Action::Undo);
        act(app, Action::MessageLog);
    });
}
