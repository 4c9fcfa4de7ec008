//! Saving off the key-handling thread: the saver keeps its own copy of the
//! team, applies each change the app makes to it, and writes the file
//! (atomically, through the store) while the app goes on. Changes that
//! queue up while a write is under way are written together.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use crate::edit::Change;
use crate::model::Team;
use crate::store::{self, Baseline, SaveError, Saved};

enum Job {
    Apply(Change),
    /// The file was reloaded: start again from this team and baseline.
    Reset(Box<Team>, Option<Baseline>),
}

/// A finished write: its result and how many changes it carried.
pub struct Written {
    pub result: Result<Saved, SaveError>,
    pub changes: usize,
}

pub struct Saver {
    jobs: Option<Sender<Job>>,
    done: Receiver<Written>,
    thread: Option<JoinHandle<()>>,
    /// Changes handed over and not yet written (or given up).
    pending: Arc<AtomicUsize>,
}

impl Saver {
    /// Starts the saver on a copy of the team as loaded (or the sample).
    pub fn start(path: PathBuf, team: Team, baseline: Option<Baseline>) -> Saver {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, done) = channel::<Written>();
        let pending = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&pending);
        let thread = std::thread::spawn(move || run(path, team, baseline, inbox, outbox, counter));
        Saver {
            jobs: Some(jobs),
            done,
            thread: Some(thread),
            pending,
        }
    }

    pub fn apply(&self, change: Change) {
        if let Some(jobs) = &self.jobs {
            self.pending.fetch_add(1, Ordering::SeqCst);
            let _ = jobs.send(Job::Apply(change));
        }
    }

    /// How many changes are still on their way to the file: a signal
    /// handler waits for it to reach zero before ending the process.
    pub fn pending(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.pending)
    }

    pub fn reset(&self, team: Team, baseline: Option<Baseline>) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Reset(Box::new(team), baseline));
        }
    }

    /// A finished write, if one is waiting.
    pub fn poll(&self) -> Option<Written> {
        self.done.try_recv().ok()
    }

    /// Waits for every queued write to finish and returns their results.
    pub fn finish(mut self) -> Vec<Written> {
        drop(self.jobs.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.done.try_iter().collect()
    }
}

fn run(
    path: PathBuf,
    mut team: Team,
    mut baseline: Option<Baseline>,
    inbox: Receiver<Job>,
    outbox: Sender<Written>,
    pending: Arc<AtomicUsize>,
) {
    // After another program changed the file, nothing more is written
    // until the app reloads it.
    let mut halted = false;
    while let Ok(job) = inbox.recv() {
        let (mut changes, mut dropped) = (0, 0);
        for job in std::iter::once(job).chain(inbox.try_iter()) {
            match job {
                Job::Apply(change) => {
                    change.apply(&mut team);
                    changes += 1;
                }
                Job::Reset(fresh, fresh_baseline) => {
                    // Changes before a reload were kept aside by the app.
                    team = *fresh;
                    baseline = fresh_baseline;
                    halted = false;
                    dropped += changes;
                    changes = 0;
                }
            }
        }
        if changes == 0 || halted {
            pending.fetch_sub(changes + dropped, Ordering::SeqCst);
            continue;
        }
        pending.fetch_sub(dropped, Ordering::SeqCst);
        let result = match &baseline {
            Some(b) => store::save(&path, &team, b),
            None => store::create_new(&path, &team).map(Saved::from),
        };
        match &result {
            Ok(saved) => baseline = Some(saved.baseline.clone()),
            Err(
                SaveError::ChangedOnDisk(_) | SaveError::DeletedOnDisk(_) | SaveError::Exists(_),
            ) => halted = true,
            Err(_) => {}
        }
        pending.fetch_sub(changes, Ordering::SeqCst);
        let _ = outbox.send(Written { result, changes });
    }
}
