//! One inbox for everything the app hears: the terminal (keys, resizes),
//! the saver, the plan worker, the signal watcher and a clock that says when
//! to look at the file again. The event loop receives, updates, draws.

use std::io;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event};

use super::planner::PlanState;
use super::saver::Written;

/// What arrives in the inbox.
pub enum Inbox {
    /// A key press, a resize, a paste.
    Terminal(Event),
    /// The terminal cannot be read any more (it went away).
    TerminalGone(io::Error),
    Saved(Written),
    Planned(Box<PlanState>),
    /// SIGTERM, SIGHUP or SIGINT.
    Stop,
    /// SIGTSTP: give the terminal back and stop until `fg`.
    Suspend,
    /// SIGCONT: the shell may have reset the terminal; take it again.
    Resumed,
    /// Time to look whether another program changed the file.
    Tick,
}

/// How long the terminal reader waits for a key before it looks whether it
/// should step aside (for $EDITOR, or the shell after Ctrl-z).
const READ_WAIT: Duration = Duration::from_millis(50);

/// Whether the terminal reader reads, and whether it has stepped aside.
#[derive(Default)]
struct Gate {
    paused: bool,
    parked: bool,
}

/// The thread that reads the terminal into the inbox. It steps aside while
/// another program has the terminal, so it never takes that program's keys.
pub struct Reader {
    gate: Arc<(Mutex<Gate>, Condvar)>,
}

impl Reader {
    pub fn start(inbox: Sender<Inbox>) -> Reader {
        let gate = Arc::new((Mutex::new(Gate::default()), Condvar::new()));
        let shared = Arc::clone(&gate);
        std::thread::spawn(move || {
            let (lock, changed) = &*shared;
            loop {
                {
                    let Ok(mut gate) = lock.lock() else { return };
                    while gate.paused {
                        gate.parked = true;
                        changed.notify_all();
                        gate = match changed.wait(gate) {
                            Ok(gate) => gate,
                            Err(_) => return,
                        };
                    }
                    gate.parked = false;
                }
                let message = match event::poll(READ_WAIT) {
                    Ok(false) => continue,
                    Ok(true) => match event::read() {
                        Ok(event) => Inbox::Terminal(event),
                        Err(e) => Inbox::TerminalGone(e),
                    },
                    Err(e) => Inbox::TerminalGone(e),
                };
                let gone = matches!(message, Inbox::TerminalGone(_));
                if inbox.send(message).is_err() || gone {
                    return;
                }
            }
        });
        Reader { gate }
    }

    /// Stops reading, and waits until the reader has stepped aside.
    pub fn pause(&self) {
        let (lock, changed) = &*self.gate;
        let Ok(mut gate) = lock.lock() else { return };
        gate.paused = true;
        // Bounded: the reader looks every READ_WAIT.
        while !gate.parked {
            gate = match changed.wait_timeout(gate, READ_WAIT * 4) {
                Ok((gate, timeout)) if timeout.timed_out() => {
                    drop(gate);
                    return;
                }
                Ok((gate, _)) => gate,
                Err(_) => return,
            };
        }
    }

    pub fn resume(&self) {
        let (lock, changed) = &*self.gate;
        if let Ok(mut gate) = lock.lock() {
            gate.paused = false;
            changed.notify_all();
        }
    }
}

impl Drop for Reader {
    // The app is done with the terminal: the shell gets its keys back.
    fn drop(&mut self) {
        self.pause();
    }
}

/// Sends a `Tick` every `every`, while the inbox is open.
pub fn clock(inbox: Sender<Inbox>, every: Duration) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(every);
            if inbox.send(Inbox::Tick).is_err() {
                return;
            }
        }
    });
}
