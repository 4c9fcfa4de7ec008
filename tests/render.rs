//! Every view and modal drawn into a `TestBackend` at 80×24 and 120×35 on
//! the sample team, compared with reviewed snapshots; and drawing at any
//! size never panics.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use handover::sample;
use handover::tui::app::{App, FileState, SaveState};
use handover::tui::keymap::Keymap;
use handover::tui::message::{Action, Message};
use handover::tui::runtime::Host;
use handover::tui::theme::Theme;
use handover::tui::{dispatch_on, ui, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let file = FileState {
        path: PathBuf::from("team.ron"),
        baseline: None,
        read_only: false,
        save: SaveState::Sample,
    };
    App::new(
        sample::team(),
        file,
        Keymap::default(),
        Theme::mono(),
        "2026-11-28".parse().unwrap(),
    )
}

/// Runs effects (the plan) but writes nothing.
struct NoSave;

impl Host for NoSave {
    fn save(&mut self, _app: &App, _change: handover::edit::Change) -> Option<Message> {
        None
    }
}

/// Drives the app; nothing is written.
fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = match c {
            '\n' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '\t' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        if let Some(message) = app.message_for(event) {
            dispatch_on(app, message, &mut NoSave);
        }
    }
}

fn select_mission(app: &mut App, title: &str) {
    let m = app
        .team
        .missions
        .iter()
        .position(|m| m.title == title)
        .unwrap();
    app.missions.select_item(m);
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal
}

/// One snapshot per size.
fn snapshot(name: &str, app: &mut App) {
    for (width, height) in [(80, 24), (120, 35)] {
        update(app, Message::Resize(width, height));
        let terminal = draw(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn missions_view() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    snapshot("missions", &mut app);
}

#[test]
fn missions_view_unassigned_detail() {
    let mut app = app();
    select_mission(&mut app, "Design tokens for the component library");
    app.notice = None;
    snapshot("missions_unassigned", &mut app);
}

#[test]
fn missions_filter() {
    let mut app = app();
    keys(&mut app, "/bill");
    snapshot("missions_filter", &mut app);
}

#[test]
fn people_view() {
    let mut app = app();
    keys(&mut app, "2jj");
    snapshot("people", &mut app);
}

#[test]
fn matrix_view() {
    let mut app = app();
    keys(&mut app, "3jjlllllllllllll");
    snapshot("matrix", &mut app);
}

#[test]
fn one_on_one_view() {
    let mut app = app();
    keys(&mut app, "4jjjjj");
    snapshot("one_on_one", &mut app);
}

#[test]
fn plan_view() {
    let mut app = app();
    keys(&mut app, "5");
    snapshot("plan", &mut app);
}

#[test]
fn help_modal() {
    let mut app = app();
    keys(&mut app, "?");
    snapshot("help", &mut app);
}

#[test]
fn add_mission_form() {
    let mut app = app();
    keys(
        &mut app,
        "aOnboarding guide\tNew hires ship on day 3\twriting 3",
    );
    snapshot("form_add_mission", &mut app);
}

#[test]
fn edit_person_form_with_an_error() {
    let mut app = app();
    keys(&mut app, "2e\t\t\t\tx\n");
    snapshot("form_edit_person_error", &mut app);
}

#[test]
fn owner_picker() {
    let mut app = app();
    select_mission(&mut app, "Design tokens for the component library");
    keys(&mut app, "o");
    snapshot("picker_owner", &mut app);
}

#[test]
fn mentor_picker() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    keys(&mut app, "m");
    snapshot("picker_mentor", &mut app);
}

#[test]
fn hand_over_ready() {
    let mut app = app();
    select_mission(&mut app, "Migrate billing to Postgres 16");
    keys(&mut app, "h");
    snapshot("hand_over_ready", &mut app);
}

#[test]
fn hand_over_stretch() {
    let mut app = app();
    select_mission(&mut app, "Add retries to the payment webhooks");
    app.team.missions[1].status = handover::model::Status::Planned;
    app.refresh();
    keys(&mut app, "h");
    snapshot("hand_over_stretch", &mut app);
}

#[test]
fn hand_over_at_risk_and_its_confirmation() {
    let mut app = app();
    select_mission(&mut app, "Speed up the checkout page");
    keys(&mut app, "h");
    snapshot("hand_over_at_risk", &mut app);
    keys(&mut app, "y");
    snapshot("hand_over_confirm", &mut app);
}

#[test]
fn delete_person_confirmation() {
    let mut app = app();
    keys(&mut app, "2");
    let p = app
        .team
        .people
        .iter()
        .position(|p| p.name == "Chen Wei")
        .unwrap();
    app.people.select_item(p);
    keys(&mut app, "d");
    snapshot("confirm_delete_person", &mut app);
}

#[test]
fn conflict_modal() {
    let mut app = app();
    app.modal = Some(handover::tui::app::Modal::Conflict(Default::default()));
    app.file.save = SaveState::Conflict;
    snapshot("conflict", &mut app);
}

#[test]
fn too_small() {
    let app = app();
    let terminal = draw(&app, 30, 8);
    insta::assert_snapshot!("too_small_30x8", terminal.backend());
}

#[test]
fn wide_names_stay_aligned() {
    let mut app = app();
    app.team.missions[0].title = "移行: 請求システムを Postgres 16 へ 🚀".into();
    app.team.people[0].name = "王芳 (Wáng Fāng) 👩‍💻".into();
    app.team.missions[0].owner = Some(app.team.people[0].name.clone());
    app.team.missions[1].mentor = Some(app.team.people[0].name.clone());
    app.team.people[5].turns_to[0] = app.team.people[0].name.clone();
    app.refresh();
    let terminal = draw(&app, 80, 24);
    // No row runs past 80 columns, whatever the script: a wide character
    // covers the cell after it, which is skipped.
    for y in 0..24 {
        let (mut x, mut width) = (0, 0);
        while x < 80 {
            let w =
                unicode_width::UnicodeWidthStr::width(terminal.backend().buffer()[(x, y)].symbol())
                    .max(1);
            width += w;
            x += w as u16;
        }
        assert_eq!(width, 80, "row {y}");
    }
    insta::assert_snapshot!("wide_names_80x24", terminal.backend());
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let mut app = app();
    app.team.missions[0].title = "pwn\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt".into();
    app.team.people[0].name = "evil\u{1b}[31mname\u{7f}".into();
    app.team.missions[0].owner = Some(app.team.people[0].name.clone());
    app.team.missions[1].mentor = Some(app.team.people[0].name.clone());
    app.team.people[5].turns_to[0] = app.team.people[0].name.clone();
    app.refresh();
    for view in ["1", "2", "3", "4"] {
        keys(&mut app, view);
        let terminal = draw(&app, 120, 35);
        for cell in terminal.backend().buffer().content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "a control character reached the screen in view {view}: {:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn every_view_and_modal_draws_at_any_size_without_panicking() {
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 5),
        (10, 3),
        (39, 9),
        (40, 10),
        (41, 11),
        (60, 15),
        (80, 24),
        (300, 100),
    ];
    let setups: Vec<&str> = vec![
        "1", "2", "3", "4", "5", "?", "a", "2e", "o", "m", "h", "hy", "d", "/x",
    ];
    for setup in setups {
        let mut app = app();
        select_mission(&mut app, "Speed up the checkout page");
        keys(&mut app, setup);
        for (width, height) in sizes {
            update(&mut app, Message::Resize(width, height));
            draw(&app, width, height);
        }
    }
    let mut app = app();
    update(&mut app, Message::Action(Action::Quit));
    assert!(app.quit);
}

#[test]
fn one_on_one_entry_form() {
    let mut app = app();
    keys(
        &mut app,
        "4nShipped the retries.\nWants to present them.\tBook the guild slot\nPair on idempotency",
    );
    snapshot("entry_form", &mut app);
}

#[test]
fn one_on_one_action_items() {
    let mut app = app();
    let farid = app
        .team
        .people
        .iter()
        .position(|p| p.name == "Farid Haddad")
        .unwrap();
    keys(&mut app, "4");
    app.people.select_item(farid);
    keys(&mut app, " ");
    snapshot("action_items", &mut app);
}

#[test]
fn one_on_one_export_prompt() {
    let mut app = app();
    keys(&mut app, "4x");
    snapshot("export_agenda", &mut app);
}
