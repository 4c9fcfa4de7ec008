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
        let mut flow = 0;
        while let Some(dist) = self.dijkstra(s, t, &potential) {
            let reach = dist[t];
            for v in 0..n {
                potential[v] += dist[v].min(reach);
            }
            // The edges on shortest paths have zero reduced cost; only they
            // (and their reverses, also zero) can carry this phase's flow.
            let admissible: Vec<Vec<usize>> = (0..n)
                .map(|u| {
                    self.adj[u]
                        .iter()
                        .copied()
                        .filter(|&e| self.reduced(e, u, &potential) == 0)
                        .collect()
                })
                .collect();
            let pushed = self.blocking_flow(s, t, &admissible);
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

    fn reduced(&self, e: usize, from: usize, potential: &[i64]) -> i64 {
        self.cost[e] + potential[from] - potential[self.to[e]]
    }

    /// Shortest reduced distances from `s`, stopping once `t` is settled.
    fn dijkstra(&self, s: usize, t: usize, potential: &[i64]) -> Option<Vec<i64>> {
        let mut dist = vec![INF; self.adj.len()];
        let mut done = vec![false; self.adj.len()];
        let mut heap = BinaryHeap::new();
        dist[s] = 0;
        heap.push(Reverse((0, s)));
        while let Some(Reverse((d, u))) = heap.pop() {
            if done[u] {
                continue;
            }
            done[u] = true;
            if u == t {
                break;
            }
            for &e in &self.adj[u] {
                if self.cap[e] <= 0 {
                    continue;
                }
                let v = self.to[e];
                let nd = d + self.reduced(e, u, potential);
                if nd < dist[v] {
                    dist[v] = nd;
                    heap.push(Reverse((nd, v)));
                }
            }
        }
        if !done[t] {
            return None;
        }
        let reach = dist[t];
        // Settled nodes keep their distance; the rest are at least `reach`.
        for (v, d) in dist.iter_mut().enumerate() {
            if !done[v] {
                *d = reach;
            }
        }
        Some(dist)
    }

    /// A blocking flow over the admissible edges (Dinic).
    fn blocking_flow(&mut self, s: usize, t: usize, admissible: &[Vec<usize>]) -> i64 {
        let n = self.adj.len();
        let mut total = 0;
        loop {
            // Levels over admissible edges.
            let mut level = vec![usize::MAX; n];
            level[s] = 0;
            let mut queue = VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &e in &admissible[u] {
                    let v = self.to[e];
                    if self.cap[e] > 0 && level[v] == usize::MAX {
                        level[v] = level[u] + 1;
                        queue.push_back(v);
                    }
                }
            }
            if level[t] == usize::MAX {
                return total;
            }
            let mut next = vec![0usize; n];
            loop {
                let pushed = self.augment(s, t, &level, &mut next, admissible);
                if pushed == 0 {
                    break;
                }
                total += pushed;
            }
        }
    }

    /// Finds one path along the levels (iteratively, keeping each node's
    /// next edge to try) and pushes its bottleneck.
    fn augment(
        &mut self,
        s: usize,
        t: usize,
        level: &[usize],
        next: &mut [usize],
        admissible: &[Vec<usize>],
    ) -> i64 {
        let mut path: Vec<usize> = Vec::new();
        let mut u = s;
        loop {
            if u == t {
                let bottleneck = path.iter().map(|&e| self.cap[e]).min().unwrap_or(0);
                for &e in &path {
                    self.cap[e] -= bottleneck;
                    self.cap[e ^ 1] += bottleneck;
                }
                return bottleneck;
            }
            let mut advanced = false;
            while next[u] < admissible[u].len() {
                let e = admissible[u][next[u]];
                let v = self.to[e];
                if self.cap[e] > 0 && level[v] == level[u] + 1 {
                    path.push(e);
                    u = v;
                    advanced = true;
                    break;
                }
                next[u] += 1;
            }
            if !advanced {
                // A dead end: retreat and never try it again this round.
                let Some(e) = path.pop() else {
                    return 0;
                };
                u = self.to[e ^ 1];
                next[u] += 1;
            }
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
