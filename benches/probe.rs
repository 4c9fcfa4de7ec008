use std::time::{Duration, Instant};
fn time<T>(n: u32, mut f: impl FnMut() -> T) -> Duration {
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(f());
    }
    t.elapsed() / n
}
fn main() {
    let team = handover::demo::generate(10000, 10000, 1);
    let a = handover::analysis::analyse(&team);
    let n = 10;
    println!(
        "analyse {:?}",
        time(n, || handover::analysis::analyse(&team))
    );
    println!(
        "analyse + first suggestion {:?}",
        time(n, || {
            let a = handover::analysis::analyse(&team);
            a.suggestions(&team, 0)
        })
    );
    println!(
        "agenda p0 {:?}",
        time(n, || handover::agenda::agenda(&team, &a, 0))
    );
    let file = handover::tui::app::FileState {
        path: "x".into(),
        baseline: None,
        read_only: false,
        save: handover::tui::app::SaveState::Sample,
    };
    let mut app = handover::tui::app::App::new(
        team.clone(),
        file,
        Default::default(),
        handover::tui::theme::Theme::mono(),
        "2026-11-28".parse().unwrap(),
    );
    println!(
        "refilter missions {:?}",
        time(n, || app.refilter_missions())
    );
    println!("refilter people {:?}", time(n, || app.refilter_people()));
    println!("refresh {:?}", time(n, || app.refresh()));
    println!("clone team {:?}", time(n, || team.clone()));
}
