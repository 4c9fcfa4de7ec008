//! The whole plan at company scale (SPEC §6): teams from `handover demo
//! --people N --missions N --seed 1` at 1,000, 10,000, 20,000 and 50,000,
//! each plan worked out on a fresh analysis (the candidate lists the plan
//! walks are built inside the measured time, as `handover plan` builds them).
//!
//! cargo bench --bench plan_scale
//! cargo bench --bench plan_scale -- 10000   (one size)

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use handover::analysis::analyse;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan_scale");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    for size in [1_000, 10_000, 20_000, 50_000] {
        let team = handover::demo::generate(size, size, 1);
        group.bench_with_input(BenchmarkId::new("whole_plan", size), &size, |b, _| {
            b.iter_batched(
                || analyse(&team),
                |a| handover::plan::plan(black_box(&team), black_box(&a)),
                BatchSize::LargeInput,
            )
        });
        // How the owners were found: rounds of pricing and edges kept.
        let a = analyse(&team);
        let open: Vec<usize> = (0..team.missions.len())
            .filter(|&m| team.missions[m].is_active() && a.index.owner[m].is_none())
            .collect();
        let (owners, effort) = handover::plan::owners::place_with(
            &team,
            &a,
            &open,
            handover::plan::owners::FIRST_EDGES,
        );
        eprintln!(
            "{size}: {} open missions, {} placed, {} people; {} rounds, {} direct edges",
            open.len(),
            owners.len(),
            team.people.len(),
            effort.rounds,
            effort.edges
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
