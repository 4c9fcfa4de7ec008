//! What can happen in the app: keys resolve to actions; the runtime reports
//! saves and resizes. `update` is the only place these change state.

use crossterm::event::{KeyEvent, MouseEvent};
use serde::Deserialize;

use crate::store::{SaveError, Saved};

/// The five views, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum View {
    Missions,
    People,
    Matrix,
    OneOnOne,
    Plan,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Missions,
        View::People,
        View::Matrix,
        View::OneOnOne,
        View::Plan,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Missions => "Missions",
            View::People => "People",
            View::Matrix => "Matrix",
            View::OneOnOne => "One-on-one",
            View::Plan => "Plan",
        }
    }

    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// Something a key asks for. Names are the keymap file's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    NextView,
    PrevView,
    ShowMissions,
    ShowPeople,
    ShowMatrix,
    ShowOneOnOne,
    ShowPlan,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Filter,
    Add,
    Edit,
    Delete,
    AssignOwner,
    AssignMentor,
    HandOver,
    /// Put the Missions list in its next order (file, most urgent, due
    /// date, owner).
    Sort,
    /// Mark the selected mission done (asks first).
    MarkDone,
    Undo,
    Redo,
    Help,
    /// Accept a filter, submit a form, choose in a picker, say yes.
    Confirm,
    /// Clear a filter, close a form or a modal, say no.
    Cancel,
    NextField,
    PrevField,
    Reload,
    ScrollUp,
    ScrollDown,
    /// Accept every proposal of the plan.
    AcceptAll,
    /// Start today's one-on-one entry.
    NewEntry,
    /// Open the action items; in them, tick or reopen one.
    Toggle,
    /// Write the agenda to a Markdown file.
    ExportAgenda,
    /// Write the note in $EDITOR.
    OpenEditor,
    /// Hand the terminal back to the shell for a while (Ctrl-z); `fg`
    /// brings the app back.
    Suspend,
    /// First start: an empty team of one's own.
    StartEmpty,
    /// First start: the sample, in memory.
    TrySample,
    /// First start: a team from a CSV skills matrix.
    ImportCsv,
    /// Keep the sample (and what was changed in it) as one's team.
    KeepSample,
    /// From the sample: the welcome again, to start one's own team.
    StartOwn,
    /// Change when to check in on a mission being handed over.
    CheckIn,
    /// Apply one of the ways out of a blocked or at-risk mission.
    WhatItTakes,
    /// What if the selected person left.
    WhatIfLeaves,
    /// Every message of the session, in full.
    MessageLog,
    /// A person's one-on-one history: read, edit or delete an entry.
    History,
}

/// Everything `update` handles.
#[derive(Debug)]
pub enum Message {
    Action(Action),
    /// A key for the text field in focus.
    Input(KeyEvent),
    /// A click, the wheel or a move of the mouse (only when the mouse is
    /// turned on: `--mouse` or `mouse: true`).
    Mouse(MouseEvent),
    /// The runtime finished a save, which carried this many changes.
    Saved {
        result: Result<Saved, SaveError>,
        changes: usize,
    },
    /// The runtime reloaded the file from disk, keeping the app's version
    /// aside first when there was one.
    Reloaded {
        result: Result<crate::store::Loaded, String>,
        kept: Option<std::path::PathBuf>,
    },
    /// The runtime kept the app's unsaved version beside the file (or could
    /// not) before quitting.
    KeptForQuit(Result<std::path::PathBuf, String>),
    Resize(u16, u16),
    /// $EDITOR finished with this text (or could not run).
    Edited(Result<crate::store::ReadNote, String>),
    /// Text a read-only file could not take was kept in this file (or not).
    DraftKept(Result<std::path::PathBuf, String>),
    /// Drafts that did not reopen were kept for the next start (or not).
    KeptForLater {
        result: Result<std::path::PathBuf, String>,
        drafts: usize,
    },
    /// The team file is no longer what the app loaded or last saved:
    /// another program wrote, replaced or deleted it.
    ChangedOnDisk,
    /// The team file was touched but holds what the app loaded or saved.
    StillTheSame(crate::store::Baseline),
    /// The plan was worked out.
    Planned(Box<super::planner::PlanState>),
    /// A recovery file was set aside (or could not be).
    SetAside(Result<std::path::PathBuf, String>),
    /// A file the user asked for was written (or not).
    Written {
        path: std::path::PathBuf,
        result: Result<(), crate::store::OutputError>,
    },
    /// The CSV the welcome asked for was read (or not).
    CsvRead(Result<Vec<u8>, String>),
}

/// What `update` asks the runtime to do; it never touches the disk itself.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write this change (just made to the team) to the file, atomically,
    /// checking for other writers.
    Save(crate::edit::Change),
    /// Write the team beside the file under another name, then reload.
    KeepMineAndReload,
    /// Load the file again (nothing unsaved to keep).
    Reload,
    /// Keep typed text the file cannot take in the recovery file.
    KeepDraft(Box<crate::store::Recovery>),
    /// Keep drafts that did not reopen now for the next start.
    KeepForLater(Box<crate::store::Recovery>),
    /// Give the terminal back to the shell until `fg`.
    Suspend,
    /// Write the team beside the file under another name, then quit.
    KeepMineAndQuit,
    /// Work out the plan of the team as it is.
    WorkOutPlan,
    /// Move a recovery file aside (renamed, kept) once dealt with.
    SetAsideRecovery(std::path::PathBuf),
    /// Hand the terminal to $EDITOR on this text.
    EditNote(String),
    /// Write a file readable by the owner only.
    /// Read a CSV skills matrix for the welcome's import.
    ReadCsv(std::path::PathBuf),
    WriteFile {
        path: std::path::PathBuf,
        text: String,
        overwrite: bool,
    },
}
