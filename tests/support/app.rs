//! Building apps for the tests: one builder instead of a fixture in every
//! file, a host that never writes, and the small moves tests make.
#![allow(dead_code)]

use std::path::PathBuf;

use handover::model::{Date, Team};
use handover::tui::app::{App, FileState, SaveState};
use handover::tui::keymap::Keymap;
use handover::tui::message::{Action, Message};
use handover::tui::runtime::Host;
use handover::tui::theme::Theme;

/// The day every test lives on.
pub fn today() -> Date {
    "2026-11-28".parse().unwrap()
}

/// An app on the sample team, as on a first start (`team.ron` not written
/// yet), with the default keys and the monochrome theme; each part can be
/// changed before `build`.
pub struct AppBuilder {
    team: Team,
    file: FileState,
    keymap: Keymap,
    theme: Theme,
}

pub fn app() -> AppBuilder {
    AppBuilder {
        team: handover::sample::team(),
        file: FileState {
            path: PathBuf::from("team.ron"),
            baseline: None,
            read_only: false,
            save: SaveState::Sample,
        },
        keymap: Keymap::default(),
        theme: Theme::mono(),
    }
}

impl AppBuilder {
    pub fn team(mut self, team: Team) -> Self {
        self.team = team;
        self
    }

    pub fn file(mut self, file: FileState) -> Self {
        self.file = file;
        self
    }

    pub fn keymap(mut self, keymap: Keymap) -> Self {
        self.keymap = keymap;
        self
    }

    pub fn theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    pub fn build(self) -> App {
        App::new(self.team, self.file, self.keymap, self.theme, today())
    }
}

/// Runs the effects `update` asks for (the plan, say) but never writes the
/// team file.
pub struct NoSave;

impl Host for NoSave {
    fn save(&mut self, _app: &App, _change: handover::edit::Change) -> Option<Message> {
        None
    }
}

/// Does what a key bound to `action` would.
pub fn act(app: &mut App, action: Action) {
    handover::tui::dispatch_on(app, Message::Action(action), &mut NoSave);
}

pub fn select_mission(app: &mut App, title: &str) {
    let m = app
        .team()
        .missions
        .iter()
        .position(|m| m.title == title)
        .unwrap_or_else(|| panic!("no mission {title:?}"));
    app.select_mission(m);
}

pub fn select_person(app: &mut App, name: &str) {
    let p = app
        .team()
        .people
        .iter()
        .position(|p| p.name == name)
        .unwrap_or_else(|| panic!("no person {name:?}"));
    app.select_person(p);
}

/// Key presses written as text: characters are typed as themselves (`\n`
/// is Enter, `\t` Tab); names in angle brackets are keys — `<Enter>`,
/// `<Esc>`, `<Tab>`, `<S-Tab>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`,
/// `<BS>`, and `<C-x>` for Ctrl with a letter.
pub fn parse_keys(text: &str) -> Vec<crossterm::event::KeyEvent> {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut events = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let event = if let Some(after) = rest.strip_prefix('<')
            && let Some(end) = after.find('>')
        {
            let name = &after[..end];
            rest = &after[end + 1..];
            match name {
                "Enter" => key(KeyCode::Enter),
                "Esc" => key(KeyCode::Esc),
                "Tab" => key(KeyCode::Tab),
                "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Up" => key(KeyCode::Up),
                "Down" => key(KeyCode::Down),
                "Left" => key(KeyCode::Left),
                "Right" => key(KeyCode::Right),
                "BS" => key(KeyCode::Backspace),
                ctrl if ctrl.starts_with("C-") && ctrl.chars().count() == 3 => {
                    let c = ctrl.chars().last().unwrap_or_default();
                    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
                }
                other => panic!("unknown key <{other}>"),
            }
        } else {
            let c = rest.chars().next().unwrap_or_default();
            rest = &rest[c.len_utf8()..];
            match c {
                '\n' => key(KeyCode::Enter),
                '\t' => key(KeyCode::Tab),
                c if c.is_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
                c => key(KeyCode::Char(c)),
            }
        };
        events.push(event);
    }
    events
}

/// Presses keys (see [`parse_keys`]) on an app that never writes.
pub fn press(app: &mut App, keys: &str) {
    for event in parse_keys(keys) {
        if let Some(message) = app.message_for(event) {
            handover::tui::dispatch_on(app, message, &mut NoSave);
        }
    }
}
