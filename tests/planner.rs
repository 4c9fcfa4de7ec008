//! The Plan view's plan: one worker, one request at a time, the newest. A
//! burst of changes runs at most two plans — the one under way and the
//! newest.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Barrier};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use handover::tui::app::{App, PlanState};
use handover::tui::message::{Message, View};
use handover::tui::planner::Planner;
use handover::tui::runtime::{Host, dispatch_on};

/// A host whose plans go to a planner that counts them; the first plan
/// waits at a barrier until the burst is over.
struct Counting {
    planner: Planner,
    /// Teams sent to the worker (each a copy of the team).
    requests: usize,
}

impl Host for Counting {
    fn save(&mut self, _app: &App, _change: handover::edit::Change) -> Option<Message> {
        None
    }

    fn work_out_plan(&mut self, app: &App) -> Option<Message> {
        self.requests += 1;
        self.planner.request(app.team().clone(), app.generation());
        None
    }
}

fn counting_planner(plans: Arc<AtomicUsize>, gate: Arc<Barrier>) -> (Planner, Receiver<PlanState>) {
    let (done, planned) = channel();
    let planner = Planner::start_with(
        move |state| {
            let _ = done.send(state);
        },
        move |team, generation| {
            if plans.fetch_add(1, Ordering::SeqCst) == 0 {
                gate.wait();
            }
            PlanState::work_out_owned(team, generation)
        },
    );
    (planner, planned)
}

fn press(app: &mut App, host: &mut Counting, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(message) = app.message_for(KeyEvent::new(code, modifiers)) {
        dispatch_on(app, message, host);
    }
}

#[test]
fn a_burst_of_fifty_changes_in_the_plan_view_runs_at_most_two_plans() {
    let mut app = support::app::app().build();
    let plans = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(Barrier::new(2));
    let (planner, planned) = counting_planner(Arc::clone(&plans), Arc::clone(&gate));
    let mut host = Counting {
        planner,
        requests: 0,
    };
    // One change to undo and redo: hand the first mission over.
    press(&mut app, &mut host, KeyCode::Char('h'), KeyModifiers::NONE);
    press(&mut app, &mut host, KeyCode::Char('y'), KeyModifiers::NONE);
    assert_eq!(app.undo().len(), 1);
    // The Plan view asks for its plan; the first one is held at the gate.
    press(&mut app, &mut host, KeyCode::Char('5'), KeyModifiers::NONE);
    assert_eq!(app.view(), View::Plan);
    // Fifty changes while it is worked out: undo and redo, again and again.
    let first = planned.recv_timeout(std::time::Duration::from_millis(50));
    assert!(first.is_err(), "the first plan is still under way");
    for i in 0..50 {
        let (code, modifiers) = if i % 2 == 0 {
            (KeyCode::Char('u'), KeyModifiers::NONE)
        } else {
            (KeyCode::Char('r'), KeyModifiers::CONTROL)
        };
        press(&mut app, &mut host, code, modifiers);
    }
    assert_eq!(app.generation(), 51, "fifty changes were made");
    gate.wait();
    // The plan under way, then the newest: none of the 48 in between. Each
    // plan goes back to the app, as the event loop sends it: the app asks
    // for the next only once the one under way is back, so the worker holds
    // one copy of the team at a time.
    let mut generations = Vec::new();
    while let Ok(state) = planned.recv_timeout(std::time::Duration::from_secs(10)) {
        generations.push(state.generation);
        let newest = state.generation == app.generation();
        dispatch_on(&mut app, Message::Planned(Box::new(state)), &mut host);
        if newest {
            break;
        }
    }
    assert_eq!(plans.load(Ordering::SeqCst), 2, "plans worked out");
    assert_eq!(host.requests, 2, "teams sent to the worker");
    assert_eq!(
        generations.last(),
        Some(&app.generation()),
        "the newest last"
    );
}
