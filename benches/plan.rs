//! The plan against `pathfinding::kuhn_munkres_min` on the same instances:
//! teams from `handover demo` with 100, 300 and 1,000 unassigned missions
//! among twice as many people.
//!
//! cargo bench --bench plan

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use handover::analysis::{Analysis, analyse, gaps, suggest::spare};
use handover::model::Team;

/// A demo team of `2 × open` people whose assigned missions are kept, with
/// exactly `open` of its unassigned active missions.
pub fn instance(open: usize) -> (Team, Analysis) {
    let mut team = handover::demo::generate(2 * open, 6 * open, 7);
    let mut kept = 0;
    team.missions.retain(|m| {
        if m.owner.is_some() || !m.is_active() {
            return true;
        }
        kept += 1;
        kept <= open
    });
    assert_eq!(
        kept.min(open),
        open,
        "the demo team has enough unassigned missions"
    );
    let analysis = analyse(&team);
    (team, analysis)
}

/// The same assignment as a Kuhn–Munkres matrix: one column per free place.
fn matrix(team: &Team, a: &Analysis) -> pathfinding::matrix::Matrix<i64> {
    let open: Vec<usize> = (0..team.missions.len())
        .filter(|&m| team.missions[m].is_active() && a.index.owner[m].is_none())
        .collect();
    let places: Vec<usize> = (0..team.people.len())
        .flat_map(|p| std::iter::repeat_n(p, spare(team, &a.index, p) as usize))
        .collect();
    pathfinding::matrix::Matrix::from_fn(open.len(), places.len(), |(i, j)| {
        i64::from(gaps::cost(&a.index, open[i], places[j]))
    })
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for open in [100, 300, 1000] {
        let (team, a) = instance(open);
        let plan = handover::plan::plan(&team, &a);
        let (km_cost, _) = pathfinding::kuhn_munkres::kuhn_munkres_min(&matrix(&team, &a));
        assert_eq!(i64::from(plan.total_cost), km_cost, "the same optimum");
        let open_missions: Vec<usize> = (0..team.missions.len())
            .filter(|&m| team.missions[m].is_active() && a.index.owner[m].is_none())
            .collect();
        // The owners alone: what Kuhn–Munkres solves too.
        group.bench_with_input(BenchmarkId::new("handover_owners", open), &open, |b, _| {
            b.iter(|| {
                handover::plan::place_owners(
                    black_box(&team),
                    black_box(&a),
                    black_box(&open_missions),
                )
            })
        });
        // The whole plan: owners, then mentors.
        group.bench_with_input(BenchmarkId::new("handover_plan", open), &open, |b, _| {
            b.iter(|| handover::plan::plan(black_box(&team), black_box(&a)))
        });
        let weights = matrix(&team, &a);
        group.bench_with_input(BenchmarkId::new("kuhn_munkres_min", open), &open, |b, _| {
            b.iter(|| pathfinding::kuhn_munkres::kuhn_munkres_min(black_box(&weights)))
        });
        // Kuhn–Munkres needs the dense matrix with a column per free place.
        group.bench_with_input(
            BenchmarkId::new("kuhn_munkres_min_with_matrix", open),
            &open,
            |b, _| {
                b.iter(|| {
                    pathfinding::kuhn_munkres::kuhn_munkres_min(&matrix(
                        black_box(&team),
                        black_box(&a),
                    ))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
