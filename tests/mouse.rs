//! The mouse (issue 16 item 4), fed to `update` as the terminal reports
//! it: a click on a tab switches the view, a click on a row selects it, the
//! wheel moves through the list or scrolls the pane under the pointer.
//! Where things are is what the last frame drew, so each test draws first.

mod support;

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use handover::tui::app::App;
use handover::tui::message::{Message, View};
use handover::tui::{dispatch_on, ui, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::app::{NoSave, app, press, select_mission};

/// The terminal's size in every test: 80×24, where titles are cut and
/// details are longer than their pane.
const SIZE: (u16, u16) = (80, 24);

/// Draws the app as the terminal would, and gives back the screen's rows.
fn draw(app: &mut App) -> Vec<String> {
    let (width, height) = SIZE;
    update(app, Message::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The cell where `text` starts on screen, counted in cells.
fn find(screen: &[String], text: &str) -> (u16, u16) {
    for (y, row) in screen.iter().enumerate() {
        if let Some(at) = row.find(text) {
            let x = row[..at].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} is not on screen:\n{}", screen.join("\n"));
}

fn mouse(app: &mut App, kind: MouseEventKind, (column, row): (u16, u16)) {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    dispatch_on(app, Message::Mouse(event), &mut NoSave);
}

fn click(app: &mut App, at: (u16, u16)) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), at);
}

fn wheel_down(app: &mut App, at: (u16, u16)) {
    mouse(app, MouseEventKind::ScrollDown, at);
}

fn wheel_up(app: &mut App, at: (u16, u16)) {
    mouse(app, MouseEventKind::ScrollUp, at);
}

fn selected_title(app: &App) -> String {
    app.team().missions[app.selected_mission().unwrap()]
        .title
        .clone()
}

fn selected_name(app: &App) -> String {
    app.team().people[app.selected_person().unwrap()]
        .name
        .clone()
}

#[test]
fn a_click_on_a_tab_shows_its_view() {
    let mut app = app().build();
    for (title, view) in [
        ("People", View::People),
        ("One-on-one", View::OneOnOne),
        ("Plan", View::Plan),
        ("Matrix", View::Matrix),
        ("Missions", View::Missions),
    ] {
        let screen = draw(&mut app);
        // The tab's key and its title are one target: either will do.
        let (x, y) = find(&screen, title);
        click(&mut app, (x + 1, y));
        assert_eq!(app.view(), view, "{title}");
    }
    // The Plan tab works the plan out, as its key does.
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Plan"));
    assert!(app.plan().state.is_some());
}

#[test]
fn a_click_on_a_row_selects_it_in_every_list() {
    let mut app = app().build();
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Load-test the"));
    assert_eq!(selected_title(&app), "Load-test the payment API");
    let screen = draw(&mut app);
    assert!(
        screen
            .iter()
            .any(|row| row.contains("Load-test the payment API")
                && row.contains("│Load-test the payment API")),
        "the detail shows the mission clicked:\n{}",
        screen.join("\n")
    );

    press(&mut app, "2");
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Farid Haddad"));
    assert_eq!(selected_name(&app), "Farid Haddad");

    // The Matrix's rows are the same people.
    press(&mut app, "3");
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Chen Wei"));
    assert_eq!(selected_name(&app), "Chen Wei");

    // The One-on-one list (meeting order): the agenda follows the click.
    press(&mut app, "4");
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Grace Mensah"));
    assert_eq!(selected_name(&app), "Grace Mensah");
    let agenda = app.one_on_one().agenda.as_ref().unwrap();
    assert!(agenda.title.contains("Grace Mensah"), "{}", agenda.title);

    // The Plan's proposals.
    press(&mut app, "5");
    let screen = draw(&mut app);
    let rows = app.plan().state.as_ref().unwrap().rows.clone();
    assert!(rows.len() >= 2, "the sample's plan proposes more than one");
    let (x, y) = find(&screen, " Plan: ");
    click(&mut app, (x + 2, y + 2));
    assert_eq!(app.selected_proposal(), Some(rows[1]));
}

#[test]
fn a_click_where_there_is_no_row_changes_nothing() {
    let mut app = app().build();
    select_mission(&mut app, "Speed up the checkout page");
    let screen = draw(&mut app);
    // Below the last row of the list, on its border, on the status bar.
    let (x, y) = find(&screen, "Checkout usabil");
    for at in [(x, y + 1), (x, y + 10), (0, y), (x, SIZE.1 - 1)] {
        click(&mut app, at);
        assert_eq!(selected_title(&app), "Speed up the checkout page", "{at:?}");
        assert_eq!(app.view(), View::Missions);
    }
}

#[test]
fn the_wheel_moves_through_the_list_under_the_pointer() {
    let mut app = app().build();
    select_mission(&mut app, "Speed up the checkout page");
    let screen = draw(&mut app);
    let on_list = find(&screen, "Rotate the TLS");
    wheel_down(&mut app, on_list);
    assert_eq!(
        selected_title(&app),
        "Automate the quarterly revenue report"
    );
    wheel_up(&mut app, on_list);
    wheel_up(&mut app, on_list);
    assert_eq!(selected_title(&app), "Rotate the TLS certificates");
    // It stops at the ends.
    for _ in 0..20 {
        wheel_down(&mut app, on_list);
    }
    assert_eq!(selected_title(&app), "Checkout usability study");
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_and_stops_at_its_end() {
    let mut app = app().build();
    select_mission(&mut app, "Design tokens for the component library");
    let screen = draw(&mut app);
    // The detail pane: its first line is the mission's title.
    let (x, y) = find(&screen, "│Design tokens for the component library");
    let on_pane = (x + 10, y + 3);
    wheel_down(&mut app, on_pane);
    assert_eq!(app.detail_scroll(), 3);
    let before = selected_title(&app);
    for _ in 0..50 {
        draw(&mut app);
        wheel_down(&mut app, on_pane);
    }
    assert_eq!(selected_title(&app), before, "the list stays put");
    let end = app.detail_scroll();
    let last = draw(&mut app);
    assert!(end > 3, "the detail is longer than its pane");
    draw(&mut app);
    wheel_down(&mut app, on_pane);
    assert_eq!(app.detail_scroll(), end, "no blank space past the end");
    assert_eq!(draw(&mut app), last);
    wheel_up(&mut app, on_pane);
    assert_eq!(app.detail_scroll(), end - 3);
    for _ in 0..50 {
        wheel_up(&mut app, on_pane);
    }
    assert_eq!(app.detail_scroll(), 0);

    // A row clicked starts at the top of its own detail.
    wheel_down(&mut app, on_pane);
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Churn prediction"));
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn the_wheel_scrolls_the_agenda() {
    let mut app = app().build();
    press(&mut app, "4");
    let screen = draw(&mut app);
    let (x, y) = find(&screen, " Agenda ");
    wheel_down(&mut app, (x, y + 5));
    assert_eq!(app.detail_scroll(), 3);
    wheel_up(&mut app, (x, y + 5));
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn under_a_modal_the_mouse_does_nothing() {
    let mut app = app().build();
    select_mission(&mut app, "Speed up the checkout page");
    let screen = draw(&mut app);
    let tab = find(&screen, "People");
    let row = find(&screen, "Rotate the TLS");
    press(&mut app, "?");
    draw(&mut app);
    click(&mut app, tab);
    click(&mut app, row);
    wheel_down(&mut app, row);
    assert!(app.modal().is_some(), "the help is still open");
    assert_eq!(app.view(), View::Missions);
    assert_eq!(selected_title(&app), "Speed up the checkout page");
}

#[test]
fn a_click_while_typing_a_filter_keeps_the_filter() {
    let mut app = app().build();
    press(&mut app, "/check");
    let screen = draw(&mut app);
    click(&mut app, find(&screen, "Checkout usabil"));
    assert_eq!(selected_title(&app), "Checkout usability study");
    let list = &app.missions().list;
    assert!(!list.filtering, "the keys are commands again");
    assert_eq!(list.query(), "check");
}

#[test]
fn moves_and_other_buttons_do_nothing() {
    let mut app = app().build();
    select_mission(&mut app, "Speed up the checkout page");
    let screen = draw(&mut app);
    let row = find(&screen, "Rotate the TLS");
    let tab = find(&screen, "People");
    for kind in [
        MouseEventKind::Moved,
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
    ] {
        mouse(&mut app, kind, row);
        mouse(&mut app, kind, tab);
    }
    assert_eq!(selected_title(&app), "Speed up the checkout page");
    assert_eq!(app.view(), View::Missions);
}
