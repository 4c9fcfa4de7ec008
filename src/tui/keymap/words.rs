//! The words of each binding: its description for the `?` help and its
//! short name for the status bar, keyed by context and action. The keys
//! themselves are data, in `assets/keys.ron`; a test checks that both bind
//! the same actions in the same contexts. Rows are in the order the help
//! and the hints show them. A description may name another binding's key
//! as `{context.action}`; the help fills in the key in use.

use super::Context;
use crate::tui::message::Action;

/// `(context, action, description, status-bar name)`.
pub(super) type Words = (Context, Action, &'static str, Option<&'static str>);

#[rustfmt::skip]
pub(super) const WORDS: &[Words] = {
    use Action as A;
    use Context as C;
    &[
    (C::Missions, A::AssignOwner, "assign an owner from a ranked picker", Some("owner")),
    (C::Missions, A::AssignMentor, "assign a mentor from a ranked picker", Some("mentor")),
    (C::Missions, A::HandOver, "hand the mission over (checks the three conditions)", Some("hand over")),
    (C::Missions, A::Sort, "sort: file order, most urgent, due date, owner", None),
    (C::Missions, A::MarkDone, "mark the mission done (asks first)", None),
    (C::OneOnOne, A::NewEntry, "start today's one-on-one entry: a note and action items", Some("new entry")),
    (C::OneOnOne, A::Toggle, "the action items: tick them done", Some("actions")),
    (C::OneOnOne, A::ExportAgenda, "write the agenda to a Markdown file", Some("export")),
    (C::Entry, A::Confirm, "save the entry", Some("save")),
    (C::Entry, A::Cancel, "close (asks if anything was written)", Some("cancel")),
    (C::Entry, A::NextField, "next field", Some("next field")),
    (C::Entry, A::PrevField, "previous field", None),
    (C::Entry, A::OpenEditor, "write the note in $EDITOR", Some("$EDITOR")),
    (C::Prompt, A::Confirm, "go ahead", Some("write")),
    (C::Prompt, A::Cancel, "never mind", Some("cancel")),
    (C::Actions, A::Toggle, "tick or reopen", Some("tick")),
    (C::Actions, A::Up, "move up", None),
    (C::Actions, A::Down, "move down", None),
    (C::Actions, A::Cancel, "close", Some("close")),
    (C::Plan, A::Confirm, "accept the selected proposal", Some("accept")),
    (C::Plan, A::AcceptAll, "accept every proposal (one undo takes them all back)", Some("accept all")),
    (C::Matrix, A::Left, "scroll to the skill on the left", None),
    (C::Matrix, A::Right, "scroll to the skill on the right", None),
    (C::List, A::ScrollDown, "scroll the detail (or agenda) down", None),
    (C::List, A::ScrollUp, "scroll the detail (or agenda) up", None),
    (C::Move, A::Up, "move up", None),
    (C::Move, A::Down, "move down", None),
    (C::Move, A::PageUp, "move up a page", None),
    (C::Move, A::PageDown, "move down a page", None),
    (C::Move, A::Top, "go to the first row", None),
    (C::Move, A::Bottom, "go to the last row", None),
    (C::List, A::Filter, "filter (in Missions also is:, owner:…); {filter.cancel} clears", Some("filter")),
    (C::List, A::Add, "add", Some("add")),
    (C::List, A::Edit, "edit the selected row", Some("edit")),
    (C::List, A::Delete, "delete the selected row (asks first)", None),
    (C::Global, A::NextView, "next view", None),
    (C::Global, A::PrevView, "previous view", None),
    (C::Global, A::ShowMissions, "Missions view", None),
    (C::Global, A::ShowPeople, "People view", None),
    (C::Global, A::ShowMatrix, "Matrix view", None),
    (C::Global, A::ShowOneOnOne, "One-on-one view", None),
    (C::Global, A::ShowPlan, "Plan view", None),
    (C::Global, A::Undo, "undo the last change", Some("undo")),
    (C::Global, A::Redo, "redo", None),
    (C::Global, A::Suspend, "suspend: back to the shell until `fg`", None),
    (C::Global, A::Help, "show every key", Some("help")),
    (C::Global, A::Quit, "quit (every change is already saved)", Some("quit")),
    (C::Global, A::StartOwn, "sample: start your own team", None),
    (C::Filter, A::Confirm, "keep the filter and go back to the list", None),
    (C::Filter, A::Cancel, "clear the filter", None),
    (C::Form, A::Confirm, "save the form", Some("save")),
    (C::Form, A::Cancel, "close the form (asks if anything changed)", Some("cancel")),
    (C::Form, A::NextField, "next field", Some("next field")),
    (C::Form, A::PrevField, "previous field", None),
    (C::Picker, A::Confirm, "choose", Some("choose")),
    (C::Picker, A::Cancel, "close without choosing", Some("cancel")),
    (C::Picker, A::Up, "move up", None),
    (C::Picker, A::Down, "move down", None),
    (C::Confirm, A::Confirm, "yes", Some("yes")),
    (C::Confirm, A::Cancel, "no", Some("no")),
    (C::Confirm, A::Reload, "reload the file from disk", None),
    (C::Help, A::Cancel, "close the help", Some("close")),
    (C::Help, A::Down, "scroll down", None),
    (C::Help, A::Up, "scroll up", None),
    (C::HandOver, A::Confirm, "hand it over (a mission at risk or blocked is asked once more)", None),
    (C::HandOver, A::CheckIn, "change when to check in on it", None),
    (C::HandOver, A::Cancel, "not now", None),
    (C::AtRisk, A::Confirm, "hand it over anyway, knowing what is missing", None),
    (C::AtRisk, A::Cancel, "back to the checklist", None),
    (C::Welcome, A::StartEmpty, "start an empty team", None),
    (C::Welcome, A::ImportCsv, "import a skills matrix (CSV)", None),
    (C::Welcome, A::TrySample, "try the sample team in memory", None),
    (C::Welcome, A::KeepSample, "keep the sample as your team", None),
    (C::Welcome, A::Cancel, "try the sample team in memory", Some("the sample")),
    (C::Entry, A::ScrollDown, "scroll the agenda down while you write", Some("agenda")),
    (C::Entry, A::ScrollUp, "scroll the agenda up", None),
    (C::OneOnOne, A::History, "the one-on-one history: every entry in full, to edit or delete", Some("history")),
    (C::History, A::Edit, "edit the entry beside the agenda", Some("edit")),
    (C::History, A::Delete, "delete the entry (asks first, undoable)", Some("delete")),
    (C::History, A::ScrollDown, "scroll the entry down", Some("scroll")),
    (C::History, A::ScrollUp, "scroll the entry up", None),
    (C::History, A::Up, "newer entry", None),
    (C::History, A::Down, "older entry", None),
    (C::History, A::Cancel, "close", Some("close")),
    ]
};
