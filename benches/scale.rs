//! handover at department scale: teams from `handover demo` with 1,000 and
//! 10,000 people and missions. SPEC §6 sets the numbers; docs/PERFORMANCE.md
//! records them.
//!
//! cargo bench --bench scale

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use handover::analysis::analyse;
use handover::commands::style::Paint;
use handover::model::Team;
use handover::tui::app::{App, FileState, SaveState};
use handover::tui::keymap::Keymap;
use handover::tui::message::{Action, Message, View};
use handover::tui::theme::Theme;
use handover::tui::{ui, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [usize; 2] = [1_000, 10_000];

fn team(size: usize) -> (Team, String) {
    let team = handover::demo::generate(size, size, 1);
    let text = handover::store::to_ron(&team);
    (team, text)
}

fn app(team: Team) -> App {
    let file = FileState {
        path: PathBuf::from("team.ron"),
        baseline: None,
        read_only: false,
        save: SaveState::Sample,
    };
    App::new(
        team,
        file,
        Keymap::default(),
        Theme::mono(),
        "2026-11-28".parse().unwrap(),
    )
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for size in SIZES {
        let (team, text) = team(size);
        group.bench_with_input(BenchmarkId::new("load", size), &size, |b, _| {
            b.iter(|| {
                handover::store::parse(black_box(text.as_bytes()), Path::new("team.ron")).unwrap()
            })
        });
        group.bench_with_input(BenchmarkId::new("analyse", size), &size, |b, _| {
            b.iter(|| analyse(black_box(&team)))
        });
        group.bench_with_input(BenchmarkId::new("check_json", size), &size, |b, _| {
            b.iter(|| {
                let team = handover::store::parse(text.as_bytes(), Path::new("team.ron")).unwrap();
                handover::commands::check::run(
                    &team,
                    true,
                    "2026-11-28".parse().unwrap(),
                    Paint::plain(),
                    &mut std::io::sink(),
                )
                .unwrap()
            })
        });
        // `handover week --json` from the file's text: load, analyse, the
        // dates of every person and mission, the JSON.
        group.bench_with_input(BenchmarkId::new("week", size), &size, |b, _| {
            b.iter(|| {
                let team = handover::store::parse(text.as_bytes(), Path::new("team.ron")).unwrap();
                handover::commands::week::run(
                    &team,
                    true,
                    "2026-11-28".parse().unwrap(),
                    Paint::plain(),
                    &mut std::io::sink(),
                )
                .unwrap()
            })
        });
        // The week alone, on a team already analysed: what the dates cost.
        group.bench_with_input(BenchmarkId::new("week_of", size), &size, |b, _| {
            let a = analyse(&team);
            let today = "2026-11-28".parse().unwrap();
            b.iter(|| handover::week::Week::of(black_box(&team), black_box(&a), today))
        });
        group.bench_with_input(BenchmarkId::new("open", size), &size, |b, _| {
            b.iter(|| {
                let team = handover::store::parse(text.as_bytes(), Path::new("team.ron")).unwrap();
                let app = app(team);
                let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
                terminal.draw(|f| ui::render(&app, f)).unwrap();
            })
        });
        // One edit through `update`: change a goal, re-analyse (the save is
        // the runtime's, not measured here).
        let mut edited = app(team.clone());
        group.bench_with_input(BenchmarkId::new("edit", size), &size, |b, _| {
            b.iter_batched(
                || (),
                |()| {
                    let m = edited.selected_mission().unwrap();
                    let mut mission = edited.team().missions[m].clone();
                    mission.goal.push('.');
                    let change =
                        handover::edit::update_mission(edited.team(), m, mission, edited.today());
                    handover::tui::update::apply(&mut edited, change)
                },
                BatchSize::SmallInput,
            )
        });
        // A key press: update plus everything it recomputes for the views.
        let mut moving = app(team.clone());
        group.bench_with_input(BenchmarkId::new("key_move_down_up", size), &size, |b, _| {
            b.iter(|| {
                update(&mut moving, Message::Action(Action::Down));
                update(&mut moving, Message::Action(Action::Up))
            })
        });
        let mut filtering = app(team.clone());
        update(&mut filtering, Message::Action(Action::Filter));
        let key = |c| crossterm::event::KeyEvent::new(c, crossterm::event::KeyModifiers::NONE);
        group.bench_with_input(
            BenchmarkId::new("key_filter_type_erase", size),
            &size,
            |b, _| {
                b.iter(|| {
                    update(
                        &mut filtering,
                        Message::Input(key(crossterm::event::KeyCode::Char('m'))),
                    );
                    update(
                        &mut filtering,
                        Message::Input(key(crossterm::event::KeyCode::Backspace)),
                    )
                })
            },
        );
        // The same with fields before the letter: `-is:done due:60 owner:`
        // then `a` typed and erased (the owner's name, accents aside).
        let mut fields = app(team.clone());
        update(&mut fields, Message::Action(Action::Filter));
        for c in "-is:done due:60 owner:".chars() {
            update(
                &mut fields,
                Message::Input(key(crossterm::event::KeyCode::Char(c))),
            );
        }
        group.bench_with_input(
            BenchmarkId::new("key_filter_fields_type_erase", size),
            &size,
            |b, _| {
                b.iter(|| {
                    update(
                        &mut fields,
                        Message::Input(key(crossterm::event::KeyCode::Char('a'))),
                    );
                    update(
                        &mut fields,
                        Message::Input(key(crossterm::event::KeyCode::Backspace)),
                    )
                })
            },
        );
        // `s` four times: most urgent, due date, owner, file order again.
        let mut sorting = app(team.clone());
        group.bench_with_input(BenchmarkId::new("key_sort_cycle", size), &size, |b, _| {
            b.iter(|| {
                for _ in 0..4 {
                    update(&mut sorting, Message::Action(Action::Sort));
                }
            })
        });
        let mut switching = app(team.clone());
        group.bench_with_input(
            BenchmarkId::new("key_view_switch_1_to_4", size),
            &size,
            |b, _| {
                b.iter(|| {
                    for action in [
                        Action::ShowPeople,
                        Action::ShowMatrix,
                        Action::ShowOneOnOne,
                        Action::ShowMissions,
                    ] {
                        update(&mut switching, Message::Action(action));
                    }
                })
            },
        );
        for view in View::ALL {
            let mut shown = app(team.clone());
            let show = [
                Action::ShowMissions,
                Action::ShowPeople,
                Action::ShowMatrix,
                Action::ShowOneOnOne,
                Action::ShowPlan,
            ][view.index()];
            update(&mut shown, Message::Action(show));
            if view == View::Plan {
                let state = handover::tui::app::PlanState::work_out(
                    shown.team(),
                    shown.analysis(),
                    shown.generation(),
                );
                update(&mut shown, Message::Planned(Box::new(state)));
            }
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
            let name = format!("frame_{}", view.title().to_lowercase().replace('-', "_"));
            group.bench_with_input(BenchmarkId::new(name, size), &size, |b, _| {
                b.iter(|| {
                    terminal.draw(|f| ui::render(&shown, f)).unwrap();
                })
            });
        }
        group.bench_with_input(BenchmarkId::new("plan", size), &size, |b, _| {
            let a = analyse(&team);
            b.iter(|| handover::plan::plan(black_box(&team), black_box(&a)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
