//! Minimum-cost maximum flow, primal–dual: Dijkstra with potentials finds
//! the cost of the shortest augmenting paths, then a blocking flow (Dinic)
//! pushes along every path of that cost at once. With small integer costs
//! the number of phases stays small, so large assignment problems solve
//! in milliseconds without copying anyone `capacity` times.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// A flow network. Edges are stored in pairs: `e` and its residual `e ^ 1`.
#[derive(Clone, Debug, Default)]
pub struct Network {
    to: Vec<usize>,
    cap: Vec<i64>,
    cost: Vec<i64>,
    adj: Vec<Vec<usize>>,
    /// After solving: node potentials under which every arc left with
    /// capacity has a reduced cost ≥ 0 (the proof the flow is cheapest).
    potential: Vec<i64>,
}

const INF: i64 = i64::MAX / 4;

impl Network {
    pub fn new(nodes: usize) -> Self {
        Network {
            adj: vec![Vec::new(); nodes],
            ..Network::default()
        }
    }

    /// Adds an edge `from → to` and returns its id. Costs must be ≥ 0.
    pub fn add_edge(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        debug_assert!(cost >= 0, "costs are non-negative");
        let id = self.to.len();
        self.to.extend([to, from]);
        self.cap.extend([cap, 0]);
        self.cost.extend([cost, -cost]);
        self.adj[from].push(id);
        self.adj[to].push(id + 1);
        id
    }

    /// The flow an edge carries.
    pub fn flow(&self, edge: usize) -> i64 {
        self.cap[edge ^ 1]
    }

    /// Sends as much flow as possible from `s` to `t` at the lowest total
    /// cost; returns (flow, cost). Deterministic: edges are tried in the
    /// order they were added.
    pub fn min_cost_max_flow(&mut self, s: usize, t: usize) -> (i64, i64) {
        let n = self.adj.len();
        let mut potential = vec![0i64; n];
        let mut work = Work::new(n);
        let mut flow = 0;
        while self.dijkstra(s, t, &potential, &mut work) {
            let reach = work.dist[t];
            for (p, d) in potential.iter_mut().zip(&work.dist) {
                *p += (*d).min(reach);
            }
            // The edges on shortest paths now have zero reduced cost; only
            // they (and their reverses, also zero) carry this phase's flow.
            let pushed = self.blocking_flow(s, t, &potential, &mut work);
            if pushed == 0 {
                break;
            }
            flow += pushed;
        }
        let cost = (0..self.to.len())
            .step_by(2)
            .map(|e| self.flow(e) * self.cost[e])
            .sum();
        self.potential = potential;
        (flow, cost)
    }

    /// A node's potential once solved: an arc `u → v` of cost `c` that was
    /// not in the network would make the flow cheaper exactly when
    /// `c + potential(u) − potential(v) < 0`.
    pub fn potential(&self, node: usize) -> i64 {
        self.potential.get(node).copied().unwrap_or(0)
    }

    /// Moves the potentials as far towards `t` as they go: each node's
    /// becomes minus its distance to `t` (shifted), the valid potentials
    /// that price every node's way out — a person's next place at what it
    /// costs — rather than how cheaply it is reached. Pricing an edge left
    /// out against these raises far fewer false alarms.
    pub fn tighten_towards(&mut self, t: usize) {
        let n = self.adj.len();
        if self.potential.len() != n {
            return;
        }
        // Distances to `t` over arcs with capacity left, by reduced cost
        // (never negative): Dijkstra on the reversed arcs.
        let mut dist = vec![INF; n];
        let mut done = vec![false; n];
        let mut heap = BinaryHeap::new();
        dist[t] = 0;
        heap.push(Reverse((0, t)));
        while let Some(Reverse((d, v))) = heap.pop() {
            if done[v] {
                continue;
            }
            done[v] = true;
            for &back in &self.adj[v] {
                let e = back ^ 1; // the arc u → v
                let u = self.to[back];
                if self.cap[e] <= 0 {
                    continue;
                }
                let nd = d + self.reduced(e, u, &self.potential);
                if nd < dist[u] {
                    dist[u] = nd;
                    heap.push(Reverse((nd, u)));
                }
            }
        }
        // Nodes that cannot reach `t` take the farthest distance: every
        // arc keeps a reduced cost ≥ 0.
        let far = dist.iter().copied().filter(|&d| d < INF).max().unwrap_or(0);
        for (p, d) in self.potential.iter_mut().zip(&dist) {
            *p -= (*d).min(far);
        }
    }

    fn reduced(&self, e: usize, from: usize, potential: &[i64]) -> i64 {
        self.cost[e] + potential[from] - potential[self.to[e]]
    }

    /// Whether an arc can carry this phase's flow: capacity left, and on a
    /// shortest path.
    fn admissible(&self, e: usize, from: usize, potential: &[i64]) -> bool {
        self.cap[e] > 0 && self.reduced(e, from, potential) == 0
    }

    /// Shortest reduced distances from `s` into `work.dist`, stopping once
    /// `t` is settled; false when `t` cannot be reached.
    fn dijkstra(&self, s: usize, t: usize, potential: &[i64], work: &mut Work) -> bool {
        work.dist.fill(INF);
        work.done.fill(false);
        work.heap.clear();
        work.dist[s] = 0;
        work.heap.push(Reverse((0, s)));
        while let Some(Reverse((d, u))) = work.heap.pop() {
            if work.done[u] {
                continue;
            }
            work.done[u] = true;
            if u == t {
                break;
            }
            for &e in &self.adj[u] {
                if self.cap[e] <= 0 {
                    continue;
                }
                let v = self.to[e];
                let nd = d + self.reduced(e, u, potential);
                if nd < work.dist[v] {
                    work.dist[v] = nd;
                    work.heap.push(Reverse((nd, v)));
                }
            }
        }
        if !work.done[t] {
            return false;
        }
        let reach = work.dist[t];
        // Settled nodes keep their distance; the rest are at least `reach`.
        for (d, &done) in work.dist.iter_mut().zip(&work.done) {
            if !done {
                *d = reach;
            }
        }
        true
    }

    /// A blocking flow over the admissible arcs (Dinic).
    fn blocking_flow(&mut self, s: usize, t: usize, potential: &[i64], work: &mut Work) -> i64 {
        let mut total = 0;
        loop {
            // Levels over admissible arcs.
            work.level.fill(usize::MAX);
            work.level[s] = 0;
            work.queue.clear();
            work.queue.push_back(s);
            while let Some(u) = work.queue.pop_front() {
                for &e in &self.adj[u] {
                    let v = self.to[e];
                    if work.level[v] == usize::MAX && self.admissible(e, u, potential) {
                        work.level[v] = work.level[u] + 1;
                        work.queue.push_back(v);
                    }
                }
            }
            if work.level[t] == usize::MAX {
                return total;
            }
            work.next.fill(0);
            loop {
                let pushed = self.augment(s, t, potential, work);
                if pushed == 0 {
                    break;
                }
                total += pushed;
            }
        }
    }

    /// Finds one path along the levels (iteratively, keeping each node's
    /// next arc to try) and pushes its bottleneck.
    fn augment(&mut self, s: usize, t: usize, potential: &[i64], work: &mut Work) -> i64 {
        work.path.clear();
        let mut u = s;
        loop {
            if u == t {
                let bottleneck = work.path.iter().map(|&e| self.cap[e]).min().unwrap_or(0);
                for &e in &work.path {
                    self.cap[e] -= bottleneck;
                    self.cap[e ^ 1] += bottleneck;
                }
                return bottleneck;
            }
            let mut advanced = false;
            while work.next[u] < self.adj[u].len() {
                let e = self.adj[u][work.next[u]];
                let v = self.to[e];
                if work.level[v] == work.level[u] + 1 && self.admissible(e, u, potential) {
                    work.path.push(e);
                    u = v;
                    advanced = true;
                    break;
                }
                work.next[u] += 1;
            }
            if !advanced {
                // A dead end: retreat and never try it again this round.
                let Some(e) = work.path.pop() else {
                    return 0;
                };
                u = self.to[e ^ 1];
                work.next[u] += 1;
            }
        }
    }
}

/// The buffers a solve reuses from phase to phase.
struct Work {
    dist: Vec<i64>,
    done: Vec<bool>,
    heap: BinaryHeap<Reverse<(i64, usize)>>,
    level: Vec<usize>,
    queue: VecDeque<usize>,
    next: Vec<usize>,
    path: Vec<usize>,
}

impl Work {
    fn new(n: usize) -> Self {
        Work {
            dist: vec![INF; n],
            done: vec![false; n],
            heap: BinaryHeap::new(),
            level: vec![usize::MAX; n],
            queue: VecDeque::new(),
            next: vec![0; n],
            path: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_assignment_is_solved_at_least_cost() {
        // Two workers, two jobs: the crossed pairing costs 1 + 1 < 0 + 5.
        let mut net = Network::new(6);
        let (s, t) = (0, 5);
        net.add_edge(s, 1, 1, 0);
        net.add_edge(s, 2, 1, 0);
        net.add_edge(1, 3, 1, 0);
        net.add_edge(1, 4, 1, 1);
        net.add_edge(2, 3, 1, 1);
        net.add_edge(2, 4, 1, 5);
        net.add_edge(3, t, 1, 0);
        net.add_edge(4, t, 1, 0);
        assert_eq!(net.min_cost_max_flow(s, t), (2, 2));
    }

    #[test]
    fn flow_is_limited_by_capacity() {
        let mut net = Network::new(4);
        net.add_edge(0, 1, 3, 2);
        net.add_edge(1, 2, 2, 1);
        net.add_edge(2, 3, 5, 0);
        assert_eq!(net.min_cost_max_flow(0, 3), (2, 6));
    }

    #[test]
    fn no_path_no_flow() {
        let mut net = Network::new(3);
        net.add_edge(0, 1, 1, 1);
        assert_eq!(net.min_cost_max_flow(0, 2), (0, 0));
    }
}
