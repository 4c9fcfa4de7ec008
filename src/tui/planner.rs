//! The Plan view's plan, worked out off the key-handling thread by one
//! worker that keeps only the newest request: a burst of edits runs at most
//! two plans (the one under way, then the newest), never one per edit.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};

use crate::analysis::Analysis;
use crate::model::Team;

/// One row of the Plan view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proposal {
    Owner(usize),
    Mentor(usize),
}

/// The plan for the team as it is now, with each mission's verdict once
/// the whole plan is in place.
#[derive(Debug)]
pub struct PlanState {
    pub generation: u64,
    pub plan: crate::plan::Plan,
    pub after: Vec<crate::analysis::Verdict>,
    /// What still stands in the way of a proposal's mission once the plan
    /// is in place, when it stays at risk or blocked (as `handover plan`
    /// says it), by mission.
    pub still: std::collections::BTreeMap<usize, Vec<String>>,
    pub rows: Vec<Proposal>,
}

impl PlanState {
    /// Works out the plan of a team (seconds on the largest teams: the
    /// runtime does it off the key-handling thread).
    pub fn work_out(team: &Team, analysis: &Analysis, generation: u64) -> Self {
        let plan = crate::plan::plan(team, analysis);
        Self::once_in_place(plan, team.clone(), generation)
    }

    /// As [`PlanState::work_out`], on a team of its own: the team is changed
    /// in place and the analysis before the plan dropped before the one
    /// after it is made, so a plan holds one team and one analysis at a time.
    pub fn work_out_owned(team: Team, generation: u64) -> Self {
        let plan = {
            let analysis = crate::analysis::analyse(&team);
            crate::plan::plan(&team, &analysis)
        };
        Self::once_in_place(plan, team, generation)
    }

    /// The state once the whole plan is in place in `team` (the team the
    /// plan was made for, changed here).
    fn once_in_place(plan: crate::plan::Plan, mut after_team: Team, generation: u64) -> Self {
        use crate::analysis::{Finding, Verdict};
        plan.change(&after_team).apply(&mut after_team);
        let after_analysis = crate::analysis::analyse(&after_team);
        let after: Vec<Verdict> = after_analysis.missions.iter().map(|r| r.verdict).collect();
        let proposed = plan
            .owners
            .iter()
            .map(|o| o.mission)
            .chain(plan.mentors.iter().map(|m| m.mission));
        let still = proposed
            .filter(|&m| matches!(after[m], Verdict::AtRisk | Verdict::Blocked))
            .map(|m| {
                let problems: Vec<String> = Finding::of(&after_team, &after_analysis, m)
                    .iter()
                    .filter(|f| !f.is_covered_gap())
                    .map(|f| f.words(&after_team, &after_analysis))
                    .collect();
                (m, problems)
            })
            .collect();
        let rows = (0..plan.owners.len())
            .map(Proposal::Owner)
            .chain((0..plan.mentors.len()).map(Proposal::Mentor))
            .collect();
        PlanState {
            generation,
            plan,
            after,
            still,
            rows,
        }
    }
}

/// A team whose plan is wanted, and the generation it is.
struct Request {
    team: Team,
    generation: u64,
}

#[derive(Default)]
struct Slot {
    /// The newest request not started yet; an older one is dropped.
    newest: Option<Request>,
    closed: bool,
}

/// The one plan worker of the app.
pub struct Planner {
    slot: Arc<(Mutex<Slot>, Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Planner {
    /// Starts the worker; each plan worked out is sent to `done`.
    pub fn start(done: impl Fn(PlanState) + Send + 'static) -> Planner {
        Planner::start_with(done, PlanState::work_out_owned)
    }

    /// As `start`, with the work itself given (tests count the plans).
    pub fn start_with(
        done: impl Fn(PlanState) + Send + 'static,
        work: impl Fn(Team, u64) -> PlanState + Send + 'static,
    ) -> Planner {
        let slot = Arc::new((Mutex::new(Slot::default()), Condvar::new()));
        let shared = Arc::clone(&slot);
        let thread = std::thread::spawn(move || {
            let (lock, ready) = &*shared;
            loop {
                let request = {
                    let Ok(mut slot) = lock.lock() else { return };
                    loop {
                        if let Some(request) = slot.newest.take() {
                            break request;
                        }
                        if slot.closed {
                            return;
                        }
                        slot = match ready.wait(slot) {
                            Ok(slot) => slot,
                            Err(_) => return,
                        };
                    }
                };
                done(work(request.team, request.generation));
            }
        });
        Planner {
            slot,
            thread: Some(thread),
        }
    }

    /// Asks for the plan of this team, replacing any request not started.
    pub fn request(&self, team: Team, generation: u64) {
        let (lock, ready) = &*self.slot;
        if let Ok(mut slot) = lock.lock() {
            slot.newest = Some(Request { team, generation });
            ready.notify_one();
        }
    }
}

impl Drop for Planner {
    fn drop(&mut self) {
        let (lock, ready) = &*self.slot;
        if let Ok(mut slot) = lock.lock() {
            slot.closed = true;
            slot.newest = None;
            ready.notify_one();
        }
        // A plan under way finishes on its own; nobody waits for it.
        drop(self.thread.take());
    }
}

/// Sends each plan to a channel, for the event loop.
pub fn to_channel(sender: Sender<PlanState>) -> impl Fn(PlanState) + Send + 'static {
    move |state| {
        let _ = sender.send(state);
    }
}
