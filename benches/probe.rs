use std::time::{Duration, Instant};
fn time<T>(n: u32, mut f: impl FnMut() -> T) -> Duration {
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(f());
    }
    t.elapsed() / n
}
fn main() {
    for size in [1000usize, 10000] {
        let team = handover::demo::generate(size, size, 1);
        let text = handover::store::to_ron(&team);
        let n = if size == 1000 { 50 } else { 5 };
        let parse = time(n, || ron::from_str::<handover::model::Team>(&text).unwrap());
        let validate = time(n, || handover::model::validate::validate(&team));
        let index = time(n, || handover::analysis::Index::new(&team));
        let analyse = time(n, || handover::analysis::analyse(&team));
        let sugg = time(n, || {
            let a = handover::analysis::analyse(&team);
            (0..team.missions.len())
                .map(|m| a.suggestions(&team, m).owners.len())
                .sum::<usize>()
        });
        let check = time(n, || {
            handover::commands::check::run(
                &team,
                true,
                handover::commands::style::Paint::plain(),
                &mut std::io::sink(),
            )
            .unwrap()
        });
        println!(
            "{size}: parse {parse:?} validate {validate:?} index {index:?} analyse {analyse:?} analyse+suggest {sugg:?} check(no parse) {check:?}"
        );
    }
}
