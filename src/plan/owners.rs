//! The optimal owners (SPEC §3) on a graph that grows with the team, not
//! with people × missions.
//!
//! The plan is a min-cost max-flow from the missions to the people with
//! spare capacity. Giving every mission an edge to everyone it could go to
//! costs missions × people, so:
//! - **Everyone at once, at the highest cost.** Each mission reaches every
//!   person with spare capacity through a tree over them, at the cost of
//!   someone who holds nothing it needs: the flow is never short of places.
//!   A mission's mentor is left out by entering the tree at the siblings of
//!   the mentor's path (a few nodes), so the tree stays one for all.
//! - **A few cheap edges each.** Each mission also gets an edge of its true
//!   cost to its few cheapest people (a threshold walk, `walk.rs`). Someone
//!   who holds none of its skills or tools and wants none costs exactly
//!   what the tree charges, so never needs an edge.
//! - **Proved, not hoped.** Once solved, the flow's node potentials (moved
//!   towards the sink, so a person's price is that of their next place)
//!   price
//!   every edge left out: a person whose edge would have a negative reduced
//!   cost is found by the same walk, ordered by the people's potentials. Such
//!   edges are added and the flow solved again, until none is left — then
//!   the flow is optimal over every (mission, person) pair, exactly as if
//!   each had its edge.

use crate::analysis::suggest::{by_spare_capacity, spare};
use crate::analysis::{Analysis, MissionId, PersonId, gaps};
use crate::model::Team;

use super::OwnerProposal;
use super::flow::Network;
use super::walk::{Scale, Walker};

/// How many cheap edges each mission starts with.
pub const FIRST_EDGES: usize = 4;
/// How many edges a mission gains in a round when pricing finds it short.
const MORE_EDGES: usize = 16;

/// What solving took: for the benchmarks and the tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effort {
    /// Times the flow was solved (1 when the first edges were enough).
    pub rounds: usize,
    /// Direct (mission, person) edges in the last network.
    pub edges: usize,
}

/// The optimal owners for the open missions.
pub fn place(team: &Team, a: &Analysis, open: &[MissionId]) -> Vec<OwnerProposal> {
    place_with(team, a, open, FIRST_EDGES).0
}

/// As [`place`], starting each mission with `first` edges (the tests start
/// with one or none, so that pricing has to find the rest).
pub fn place_with(
    team: &Team,
    a: &Analysis,
    open: &[MissionId],
    first: usize,
) -> (Vec<OwnerProposal>, Effort) {
    let index = &a.index;
    // People in a fixed order (most spare first, then by name), so equal
    // plans are always broken the same way.
    let people = by_spare_capacity(team, index);
    if open.is_empty() || people.is_empty() {
        return (Vec::new(), Effort::default());
    }
    let mut slot = vec![usize::MAX; team.people.len()];
    for (j, &p) in people.iter().enumerate() {
        slot[p] = j;
    }
    let free: Vec<u32> = people
        .iter()
        .map(|&p| spare(team, index, p).min(open.len() as u32))
        .collect();
    let scale = scale(index, &people, &free, open.len());
    let lists = a.lists(team);
    let mut walker = Walker::new(index, lists, scale);

    // The first edges, a first guess that pricing proves or corrects: the
    // cheapest people, counting the price of the next place each has (their
    // load after it) as the spread does. Each mission in turn takes the
    // cheapest person, whom later missions' first walks leave out, so that
    // missions alike do not all start with the same few people (and no walk
    // reads past those already taken).
    let mut price = vec![0i64; team.people.len()];
    for &p in &people {
        price[p] = i64::from(index.load[p]) + 1;
    }
    let least = people.iter().map(|&p| price[p]).min().unwrap_or(0);
    walker.order_by(&price);
    let mut best = Vec::new();
    let mut edges: Vec<Vec<PersonId>> = Vec::with_capacity(open.len());
    for &m in open {
        let mentor = index.mentor[m];
        walker.cheapest(
            m,
            first,
            i64::MAX,
            (&price, &price, least),
            |p| Some(p) == mentor,
            &mut best,
        );
        if let Some(&(_, p)) = best.first() {
            walker.take(p);
        }
        edges.push(best.iter().map(|&(_, p)| p).collect());
    }
    walker.back();
    let mut rounds = 0;
    loop {
        rounds += 1;
        let mut graph = Graph::build(&walker, open, &people, &free, &slot, &edges, index);
        graph.net.min_cost_max_flow(Graph::S, Graph::T);
        graph.net.tighten_towards(Graph::T);
        // Price every edge left out under the flow's potentials, moved
        // towards the people's next places.
        for (j, &p) in people.iter().enumerate() {
            price[p] = -graph.net.potential(graph.person(j));
        }
        let least = people.iter().map(|&p| price[p]).min().unwrap_or(0);
        walker.order_by(&price);
        let mut short = false;
        for (i, &m) in open.iter().enumerate() {
            let mentor = index.mentor[m];
            let have = &edges[i];
            // An edge is worth adding when its reduced cost is negative:
            // base + potential(mission) − potential(person) < 0.
            let below = -graph.net.potential(graph.mission(i));

            walker.cheapest(
                m,
                MORE_EDGES,
                below,
                (&price, &price, least),
                |p| Some(p) == mentor || have.contains(&p),
                &mut best,
            );
            if !best.is_empty() {
                short = true;
                edges[i].extend(best.iter().map(|&(_, p)| p));
            }
        }
        if !short {
            let effort = Effort {
                rounds,
                edges: edges.iter().map(Vec::len).sum(),
            };
            return (graph.owners(a, open, &people, &walker), effort);
        }
    }
}

/// The plan's costs in one number each, lexicographic: among plans of equal
/// cost, grow people: a mission given to someone who does not want one of
/// its skills costs `growth` more. Then spread the work: the k-th mission a
/// person takes costs a little more than the one before (their load after
/// it). Each is scaled so that no amount of spreading outweighs one growth
/// pick, and no amount of growth one point of the real cost.
fn scale(index: &crate::analysis::Index, people: &[PersonId], free: &[u32], open: usize) -> Scale {
    let most_places = free.iter().copied().max().unwrap_or(0);
    let most_load = people.iter().map(|&p| index.load[p]).max().unwrap_or(0);
    let growth = i64::from(most_places + most_load + 1) * open as i64 + 1;
    Scale {
        cost: growth * (open as i64 + 1),
        growth,
    }
}

/// The network of one round and where its edges are.
struct Graph {
    net: Network,
    missions: usize,
    people: usize,
    /// (edge, mission index, person) of each direct edge.
    direct: Vec<(usize, usize, PersonId)>,
    /// (edge, mission index, tree position) of each entry into the tree.
    entries: Vec<(usize, usize, usize)>,
    /// The edge into each tree position from its parent (position ≥ 2).
    down: Vec<usize>,
}

impl Graph {
    const S: usize = 0;
    const T: usize = 1;

    fn mission(&self, i: usize) -> usize {
        2 + i
    }

    fn person(&self, j: usize) -> usize {
        2 + self.missions + j
    }

    /// The node at a tree position: positions `1..n` are the tree's inner
    /// nodes (children `2k`, `2k + 1`), `n..2n` the people, in order.
    fn tree(&self, position: usize) -> usize {
        if position >= self.people {
            self.person(position - self.people)
        } else {
            2 + self.missions + self.people + position
        }
    }

    fn build(
        walker: &Walker,
        open: &[MissionId],
        people: &[PersonId],
        free: &[u32],
        slot: &[usize],
        edges: &[Vec<PersonId>],
        index: &crate::analysis::Index,
    ) -> Graph {
        let n = people.len();
        let mut graph = Graph {
            net: Network::new(2 + open.len() + 2 * n + 1),
            missions: open.len(),
            people: n,
            direct: Vec::new(),
            entries: Vec::new(),
            down: vec![usize::MAX; 2 * n],
        };
        let everyone = i64::from(free.iter().sum::<u32>());
        for k in 2..2 * n {
            let (from, to) = (graph.tree(k / 2), graph.tree(k));
            graph.down[k] = graph.net.add_edge(from, to, everyone, 0);
        }
        for (j, &p) in people.iter().enumerate() {
            for k in 1..=free[j] {
                let cost = i64::from(index.load[p] + k);
                graph.net.add_edge(graph.person(j), Self::T, 1, cost);
            }
        }
        for (i, &m) in open.iter().enumerate() {
            let node = graph.mission(i);
            graph.net.add_edge(Self::S, node, 1, 0);
            let most = walker.most(m);
            // Everyone but the mentor: the siblings along the mentor's path
            // to the root cover all the other people.
            let enter = |graph: &mut Graph, position: usize| {
                let e = graph.net.add_edge(node, graph.tree(position), 1, most);
                graph.entries.push((e, i, position));
            };
            let mentor = index.mentor[m]
                .map(|p| slot[p])
                .filter(|&j| j != usize::MAX);
            match mentor {
                None => enter(&mut graph, 1),
                Some(j) => {
                    let mut k = n + j;
                    while k > 1 {
                        enter(&mut graph, k ^ 1);
                        k /= 2;
                    }
                }
            }
            for &p in &edges[i] {
                let e = graph
                    .net
                    .add_edge(node, graph.person(slot[p]), 1, walker.base(m, p));
                graph.direct.push((e, i, p));
            }
        }
        graph
    }

    /// Reads the owners back: a direct edge names its person; a mission
    /// that entered the tree follows the flow down to one.
    fn owners(
        &self,
        a: &Analysis,
        open: &[MissionId],
        people: &[PersonId],
        walker: &Walker,
    ) -> Vec<OwnerProposal> {
        let index = &a.index;
        let mut owner: Vec<Option<PersonId>> = vec![None; open.len()];
        for &(e, i, p) in &self.direct {
            if self.net.flow(e) > 0 {
                owner[i] = Some(p);
            }
        }
        let mut left: Vec<i64> = self
            .down
            .iter()
            .map(|&e| if e == usize::MAX { 0 } else { self.net.flow(e) })
            .collect();
        for &(e, i, position) in &self.entries {
            if self.net.flow(e) == 0 {
                continue;
            }
            let mut k = position;
            while k < self.people {
                k = if left[2 * k] > 0 { 2 * k } else { 2 * k + 1 };
                left[k] -= 1;
            }
            owner[i] = Some(people[k - self.people]);
        }
        open.iter()
            .zip(owner)
            .filter_map(|(&m, p)| {
                p.map(|person| OwnerProposal {
                    mission: m,
                    person,
                    cost: gaps::cost(index, m, person),
                    wants: walker.wants(m, person),
                })
            })
            .collect()
    }
}
