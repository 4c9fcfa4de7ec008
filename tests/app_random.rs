//! Random use of the app: long random key sequences through every view and
//! modal, with undo, redo, filters and resizes. After every key the team
//! still follows every rule of the file; drawing at random sizes never
//! panics; and undoing everything brings back the team as it was.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use handover::edit::Change;
use handover::tui::app::{App, FileState, Modal, Pending, SaveState};
use handover::tui::keymap::Keymap;
use handover::tui::message::{Action, Message};
use handover::tui::runtime::Host;
use handover::tui::theme::Theme;
use handover::tui::{dispatch_on, ui};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Keeps everything in memory: nothing is written anywhere.
struct InMemory;

impl Host for InMemory {
    fn save(&mut self, _app: &App, _change: Change) -> Option<Message> {
        None
    }

    fn write_file(
        &mut self,
        _app: &App,
        path: PathBuf,
        _text: String,
        _overwrite: bool,
    ) -> Message {
        Message::Written {
            path,
            result: Ok(()),
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Resize(u16, u16),
    Draw(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    let keys = vec![
        'j', 'k', 'g', 'G', 'h', 'l', 'J', 'K', '/', 'a', 'e', 'd', 'o', 'm', 'u', 'y', 'n', 'r',
        'x', ' ', '?', 'q', 'A', '1', '2', '3', '4', '5', 'x', 'z', '3', ',',
    ];
    let named = vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Backspace,
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Delete,
    ];
    prop_oneof![
        8 => proptest::sample::select(keys).prop_map(|c| Step::Key(KeyCode::Char(c), if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE })),
        4 => proptest::sample::select(named).prop_map(|k| Step::Key(k, KeyModifiers::NONE)),
        1 => proptest::sample::select(vec!['r', 's', 'u', 'd', 'e', 'c']).prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => (1u16..300, 1u16..100).prop_map(|(w, h)| Step::Resize(w, h)),
        2 => (1u16..300, 1u16..100).prop_map(|(w, h)| Step::Draw(w, h)),
    ]
}

fn app() -> App {
    let file = FileState {
        path: PathBuf::from("/nonexistent/handover-random/team.ron"),
        baseline: None,
        read_only: false,
        save: SaveState::Sample,
    };
    App::new(
        handover::sample::team(),
        file,
        Keymap::default(),
        Theme::mono(),
        "2026-11-28".parse().unwrap(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_break_the_team_and_undo_brings_it_back(steps in proptest::collection::vec(step(), 1..100)) {
        let mut app = app();
        let at_start = app.team().clone();
        for step in &steps {
            match *step {
                Step::Key(code, modifiers) => {
                    if let Some(message) = app.message_for(KeyEvent::new(code, modifiers)) {
                        dispatch_on(&mut app, message, &mut InMemory);
                    }
                }
                Step::Resize(w, h) => dispatch_on(&mut app, Message::Resize(w, h), &mut InMemory),
                Step::Draw(w, h) => {
                    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                    terminal.draw(|f| ui::render(&app, f)).unwrap();
                }
            }
            // Every reference resolves, every level is in range: the team
            // could be saved as it is.
            let problems = handover::model::validate::validate(app.team());
            prop_assert!(problems.is_empty(), "after {:?}: {:?}", step, problems);
            prop_assert_eq!(app.analysis().missions.len(), app.team().missions.len());
            for list in [&app.missions().list, &app.people().list] {
                prop_assert!(list.rows.iter().all(|&r| r < app.team().missions.len().max(app.team().people.len())));
            }
            if app.quit() {
                break;
            }
        }
        // The analysis kept up with every change.
        let fresh = handover::analysis::analyse(app.team());
        prop_assert_eq!(
            handover::commands::check::render_text(app.team(), app.analysis(), "2026-11-28".parse().unwrap(), handover::commands::style::Paint::plain()),
            handover::commands::check::render_text(app.team(), &fresh, "2026-11-28".parse().unwrap(), handover::commands::style::Paint::plain())
        );
        // Undo everything: the team as it was at open.
        // First close what is open, as a user would: Esc, and yes to "drop
        // what you wrote?".
        for _ in 0..20 {
            let action = match app.modal() {
                Some(Modal::Confirm(c))
                    if matches!(c.on_yes, Pending::DiscardEntry(_) | Pending::DiscardForm(_)) =>
                {
                    Action::Confirm
                }
                Some(_) => Action::Cancel,
                None if app.missions().list.filtering
                    || app.people().list.filtering
                    || app.plan().list.filtering =>
                {
                    Action::Cancel
                }
                None => break,
            };
            dispatch_on(&mut app, Message::Action(action), &mut InMemory);
        }
        prop_assert!(app.modal().is_none(), "closed: {:?}", app.modal());
        while !app.undo().is_empty() {
            let message = app.message_for(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE)).unwrap();
            dispatch_on(&mut app, message, &mut InMemory);
        }
        prop_assert_eq!(app.team(), &at_start);
    }
}
