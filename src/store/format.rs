//! The layout of the team file. Deterministic: the same team gives the same
//! bytes; people and missions keep their order; maps are sorted by key; and
//! each field (each log entry's each action) sits on its own line, so one
//! change is one changed line and the file diffs well in git. Values are
//! written by `ron` itself, so escaping is always right.

use std::fmt::Write;

use ron::ser::PrettyConfig;
use serde::Serialize;

use crate::model::{LogEntry, Mission, Person, Team};

/// The team as the file holds it.
pub fn to_ron(team: &Team) -> String {
    to_ron_about(team, 0)
}

/// As [`to_ron`], for a team whose last text was about `bytes` long: the
/// text is made in one buffer of that size, never grown (growing a large
/// team's text holds it twice, for a moment).
pub fn to_ron_about(team: &Team, bytes: usize) -> String {
    let Team {
        version,
        people,
        missions,
    } = team;
    let guess = 256 * (people.len() + missions.len()) + 64;
    let mut out = String::with_capacity(guess.max(bytes + bytes / 8));
    out.push_str("(\n");
    field(&mut out, 1, "version", version);
    list(&mut out, 1, "people", people, write_person);
    list(&mut out, 1, "missions", missions, write_mission);
    out.push_str(")\n");
    out
}

const INDENT: &str = "    ";

/// One value on one line: `["a", "b"]`, `{"rust": 4}`, `Some("x")`.
fn value<T: Serialize + ?Sized>(value: &T) -> String {
    let config = PrettyConfig::new()
        .new_line("")
        .indentor("")
        .separator(" ")
        .struct_names(false)
        .compact_arrays(true)
        .compact_maps(true)
        .compact_structs(true)
        .escape_strings(true);
    ron::ser::to_string_pretty(value, config)
        .expect("team data always serialises: strings, numbers and dates")
}

fn field<T: Serialize + ?Sized>(out: &mut String, depth: usize, name: &str, v: &T) {
    let _ = writeln!(out, "{}{name}: {},", INDENT.repeat(depth), value(v));
}

/// `name: [` then each item by `write_item` then `],`; an empty list on one line.
fn list<T>(
    out: &mut String,
    depth: usize,
    name: &str,
    items: &[T],
    write_item: fn(&mut String, usize, &T),
) {
    let pad = INDENT.repeat(depth);
    if items.is_empty() {
        let _ = writeln!(out, "{pad}{name}: [],");
        return;
    }
    let _ = writeln!(out, "{pad}{name}: [");
    for item in items {
        write_item(out, depth + 1, item);
    }
    let _ = writeln!(out, "{pad}],");
}

fn open(out: &mut String, depth: usize) {
    let _ = writeln!(out, "{}(", INDENT.repeat(depth));
}

fn close(out: &mut String, depth: usize) {
    let _ = writeln!(out, "{}),", INDENT.repeat(depth));
}

fn write_person(out: &mut String, depth: usize, person: &Person) {
    // Destructured so that a new field cannot be forgotten here.
    let Person {
        name,
        role,
        skills,
        tools,
        capacity,
        mentor_capacity,
        turns_to,
        wants,
        cadence,
        history,
        log,
    } = person;
    let inner = depth + 1;
    open(out, depth);
    field(out, inner, "name", name);
    field(out, inner, "role", role);
    field(out, inner, "skills", skills);
    field(out, inner, "tools", tools);
    field(out, inner, "capacity", capacity);
    field(out, inner, "mentor_capacity", mentor_capacity);
    field(out, inner, "turns_to", turns_to);
    field(out, inner, "wants", wants);
    field(out, inner, "cadence", cadence);
    list(out, inner, "history", history, one_line);
    list(out, inner, "log", log, write_log_entry);
    close(out, depth);
}

fn write_log_entry(out: &mut String, depth: usize, entry: &LogEntry) {
    let LogEntry {
        date,
        note,
        actions,
    } = entry;
    let inner = depth + 1;
    open(out, depth);
    field(out, inner, "date", date);
    field(out, inner, "note", note);
    list(out, inner, "actions", actions, one_line);
    close(out, depth);
}

/// A small struct on a line of its own: an action item, a level change.
fn one_line<T: Serialize>(out: &mut String, depth: usize, item: &T) {
    let _ = writeln!(out, "{}{},", INDENT.repeat(depth), value(item));
}

fn write_mission(out: &mut String, depth: usize, mission: &Mission) {
    let Mission {
        title,
        goal,
        skills,
        tools,
        owner,
        mentor,
        delegation,
        delegation_history,
        status,
        due,
        handed_over,
        handed_over_as,
        check_in,
        completed,
    } = mission;
    let inner = depth + 1;
    open(out, depth);
    field(out, inner, "title", title);
    field(out, inner, "goal", goal);
    field(out, inner, "skills", skills);
    field(out, inner, "tools", tools);
    field(out, inner, "owner", owner);
    field(out, inner, "mentor", mentor);
    field(out, inner, "delegation", delegation);
    field(out, inner, "delegation_history", delegation_history);
    field(out, inner, "status", status);
    field(out, inner, "due", due);
    field(out, inner, "handed_over", handed_over);
    field(out, inner, "handed_over_as", handed_over_as);
    field(out, inner, "check_in", check_in);
    field(out, inner, "completed", completed);
    close(out, depth);
}
