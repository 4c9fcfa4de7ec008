//! Keybindings as data. The default keys are `assets/keys.ron`, in the
//! schema of the user's own `keys.ron` (SPEC §5), which overrides them:
//!
//! ```ron
//! {
//!     "hand_over": ["H"],          // in every context that has hand_over
//!     "matrix.left": ["b", "left"], // in the Matrix view only
//! }
//! ```
//!
//! Each binding's words (its help description and status-bar name) are in
//! `words.rs`, keyed by context and action; the `?` help, the status-bar
//! hints and every key named on screen ([`Keymap::key`]) come from the
//! resulting table, so they cannot drift from the keys in force.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use crossterm::event::KeyEvent;

use super::message::Action;
use crate::store::{ConfigError, ConfigFile};

mod keystroke;
mod words;
pub use keystroke::Keystroke;
use words::WORDS;

/// The default keys, embedded.
pub const DEFAULT_KEYS: &str = include_str!("../../../assets/keys.ron");

/// Where a binding applies. The app looks in the innermost context first.
/// In `keys.ron` a context is named in snake case: `one_on_one.new_entry`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    /// The views whose rows are edited: filter, add, edit, delete.
    List,
    /// Moving through rows (every view).
    Move,
    Missions,
    People,
    Matrix,
    OneOnOne,
    Plan,
    Filter,
    Form,
    Picker,
    Confirm,
    Help,
    /// The one-on-one entry form.
    Entry,
    /// The action items of a person.
    Actions,
    /// A one-line question, like where to write a file.
    Prompt,
    /// First start: what to do without a team file.
    Welcome,
    /// The hand-over checklist.
    HandOver,
    /// Handing over a mission at risk or blocked: asked once more.
    AtRisk,
    /// What it takes: the ways out of a mission.
    Options,
    /// What if a person leaves.
    WhatIf,
    /// The message log.
    Messages,
    /// A person's one-on-one history.
    History,
}

impl Context {
    pub const ALL: [Context; 23] = [
        Context::Global,
        Context::List,
        Context::Move,
        Context::Missions,
        Context::People,
        Context::Matrix,
        Context::OneOnOne,
        Context::Plan,
        Context::Filter,
        Context::Form,
        Context::Picker,
        Context::Confirm,
        Context::Help,
        Context::Entry,
        Context::Actions,
        Context::Prompt,
        Context::Welcome,
        Context::HandOver,
        Context::AtRisk,
        Context::History,
        Context::Options,
        Context::WhatIf,
        Context::Messages,
    ];

    /// The name in `keys.ron`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Move => "move",
            Context::Missions => "missions",
            Context::People => "people",
            Context::Matrix => "matrix",
            Context::OneOnOne => "one_on_one",
            Context::Plan => "plan",
            Context::Filter => "filter",
            Context::Form => "form",
            Context::Picker => "picker",
            Context::Confirm => "confirm",
            Context::Help => "help",
            Context::Entry => "entry",
            Context::Actions => "actions",
            Context::Prompt => "prompt",
            Context::Welcome => "welcome",
            Context::HandOver => "hand_over",
            Context::AtRisk => "at_risk",
            Context::Options => "options",
            Context::WhatIf => "whatif",
            Context::Messages => "messages",
            Context::History => "history",
        }
    }

    fn named(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The name of an action in `keys.ron`: `HandOver` is `hand_over`.
pub fn action_name(action: Action) -> String {
    let mut name = String::new();
    for (i, c) in format!("{action:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Keystroke>,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the status bar, by this short name.
    pub hint: Option<&'static str>,
}

/// The bindings in use: the defaults with the user's overrides.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

static DEFAULTS: LazyLock<Keymap> = LazyLock::new(|| defaults().0);

impl Default for Keymap {
    fn default() -> Self {
        DEFAULTS.clone()
    }
}

/// The default keymap: the words of `words.rs` with the keys of
/// `assets/keys.ron`, and anything in the asset that does not fit (a test
/// keeps this empty).
fn defaults() -> (Keymap, Vec<String>) {
    let mut keymap = Keymap {
        bindings: WORDS
            .iter()
            .map(|&(context, action, description, hint)| Binding {
                context,
                keys: Vec::new(),
                action,
                description,
                hint,
            })
            .collect(),
    };
    let problems = keymap.apply(DEFAULT_KEYS, Path::new("assets/keys.ron"));
    (keymap, problems)
}

/// What a name in `keys.ron` binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// `"hand_over"`: every context that has the action.
    Everywhere(Action),
    /// `"missions.hand_over"`: that context only.
    In(Context, Action),
}

impl Keymap {
    /// The defaults with the user's `keys.ron` applied, and every problem
    /// found in it, worded for the status bar. A file that does not parse
    /// leaves the defaults; an entry with a mistake is skipped; bindings
    /// that clash keep their default keys.
    pub fn parse(text: &str, file: &Path) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let problems = keymap.apply(text, file);
        (keymap, problems)
    }

    /// Loads `keys.ron` as `store::config::read` found it. A bad file gives
    /// the defaults (for what is wrong in it) and a message to show, never
    /// a crash.
    pub fn load(file: Result<Option<ConfigFile>, ConfigError>) -> (Keymap, Option<String>) {
        match file {
            Ok(None) => (Keymap::default(), None),
            Err(e) => (
                Keymap::default(),
                Some(format!("{e} (using the default keys)")),
            ),
            Ok(Some(file)) => {
                let (keymap, problems) = Keymap::parse(&file.text, &file.path);
                let problem = (!problems.is_empty()).then(|| problems.join("; "));
                (keymap, problem)
            }
        }
    }

    /// Applies a keys file over these bindings; returns its problems.
    fn apply(&mut self, text: &str, file: &Path) -> Vec<String> {
        let file = file.display();
        let entries: BTreeMap<String, Vec<String>> = match ron::from_str(text) {
            Ok(entries) => entries,
            Err(e) => {
                return vec![format!(
                    "{file}:{}: {} — expected a map like {{\"hand_over\": [\"H\"]}} \
                     (using the default keys)",
                    e.span.start, e.code
                )];
            }
        };
        let mut problems = Vec::new();
        let mut everywhere = Vec::new();
        let mut specific = Vec::new();
        for (name, keys) in &entries {
            let target = match self.target(name) {
                Ok(target) => target,
                Err(e) => {
                    problems.push(format!("{file}: {e} (ignored)"));
                    continue;
                }
            };
            let keys = match keys
                .iter()
                .map(|k| Keystroke::parse(k))
                .collect::<Result<Vec<_>, _>>()
            {
                Ok(mut keys) => {
                    let mut seen = Vec::new();
                    keys.retain(|k| {
                        let new = !seen.contains(k);
                        seen.push(*k);
                        new
                    });
                    keys
                }
                Err(e) => {
                    problems.push(format!("{file}: {name}: {e} (ignored)"));
                    continue;
                }
            };
            match target {
                Target::Everywhere(_) => everywhere.push((target, keys)),
                Target::In(..) => specific.push((target, keys)),
            }
        }
        // A binding for one context wins over one for every context.
        let before = self.bindings.clone();
        let mut changed = vec![false; self.bindings.len()];
        for (target, keys) in everywhere.into_iter().chain(specific) {
            for (i, b) in self.bindings.iter_mut().enumerate() {
                let hit = match target {
                    Target::Everywhere(action) => b.action == action,
                    Target::In(context, action) => b.context == context && b.action == action,
                };
                if hit {
                    b.keys = keys.clone();
                    changed[i] = true;
                }
            }
        }
        // A key bound to two actions in one context is a clash: it is
        // reported, and the bindings of this file that take part in it go
        // back to the keys they had. Those never clash among themselves, so
        // this ends.
        loop {
            let clashes = self.clashes();
            let mut took_back = false;
            for (key, i, j) in clashes {
                let (a, b) = (&self.bindings[i], &self.bindings[j]);
                let clash = format!(
                    "{file}: {key} is bound to both {} and {} in {} \
                     (the default keys stay for them)",
                    action_name(a.action),
                    action_name(b.action),
                    a.context.name()
                );
                if !problems.contains(&clash) {
                    problems.push(clash);
                }
                for k in [i, j] {
                    if changed[k] {
                        self.bindings[k].keys = before[k].keys.clone();
                        changed[k] = false;
                        took_back = true;
                    }
                }
            }
            // Nothing left to take back: only the bindings we started from
            // clash (never so for the defaults, tested).
            if !took_back {
                break;
            }
        }
        problems
    }

    /// Every key bound to two actions in one context: `(key, i, j)`.
    fn clashes(&self) -> Vec<(Keystroke, usize, usize)> {
        let mut found = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            for (j, b) in self.bindings.iter().enumerate().skip(i + 1) {
                if a.context != b.context {
                    continue;
                }
                if let Some(key) = a.keys.iter().find(|k| b.keys.contains(k)) {
                    found.push((*key, i, j));
                }
            }
        }
        found
    }

    /// What `name` in a keys file binds, or what is wrong with it.
    fn target(&self, name: &str) -> Result<Target, String> {
        let (context, action) = match name.split_once('.') {
            Some((context, action)) => (Some(context), action),
            None => (None, name),
        };
        let actions: Vec<String> = {
            let mut names: Vec<String> = self
                .bindings
                .iter()
                .map(|b| action_name(b.action))
                .collect();
            names.sort();
            names.dedup();
            names
        };
        let parsed = ron::from_str::<Action>(action)
            .ok()
            .filter(|a| actions.contains(&action_name(*a)));
        let Some(action) = parsed else {
            return Err(format!(
                "{action:?} is not an action{}",
                did_you_mean(action, actions.iter().map(String::as_str))
            ));
        };
        let Some(context) = context else {
            return Ok(Target::Everywhere(action));
        };
        let Some(context) = Context::named(context) else {
            return Err(format!(
                "{context:?} is not a context{}",
                did_you_mean(context, Context::ALL.iter().map(|c| c.name()))
            ));
        };
        if !self
            .bindings
            .iter()
            .any(|b| b.context == context && b.action == action)
        {
            let mut has: Vec<&str> = self
                .bindings
                .iter()
                .filter(|b| b.action == action)
                .map(|b| b.context.name())
                .collect();
            has.dedup();
            return Err(format!(
                "{} has no {} (it is in {})",
                context.name(),
                action_name(action),
                has.join(", ")
            ));
        }
        Ok(Target::In(context, action))
    }

    /// The action for a key, looking through `contexts` innermost first.
    pub fn resolve(&self, contexts: &[Context], event: &KeyEvent) -> Option<Action> {
        let key = Keystroke::from_event(event);
        contexts.iter().find_map(|context| {
            self.bindings
                .iter()
                .find(|b| b.context == *context && b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// Every binding of these contexts, for the help screen: the keys and
    /// the description, with any key it names filled in.
    pub fn help(&self, contexts: &[Context]) -> Vec<(String, String)> {
        contexts
            .iter()
            .flat_map(|context| self.bindings.iter().filter(move |b| b.context == *context))
            .filter(|b| !b.keys.is_empty())
            .map(|b| (keys_text(&b.keys), self.fill(b.description)))
            .collect()
    }

    /// The keys bound to an action in a context: none when it is unbound.
    pub fn keys(&self, context: Context, action: Action) -> &[Keystroke] {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .map(|b| b.keys.as_slice())
            .unwrap_or_default()
    }

    /// The key to name on screen for an action in a context: the first one
    /// bound, e.g. `keymap.key(Context::Global, Action::Undo)` is `"u"` with
    /// the default keys; `"(no key)"` when `keys.ron` unbinds it.
    pub fn key(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .first()
            .map_or_else(|| NO_KEY.to_string(), ToString::to_string)
    }

    /// The keys of two opposite actions, paired: `h/l ←/→` for the Matrix
    /// view's left and right.
    pub fn pairs(&self, context: Context, one: Action, other: Action) -> String {
        let (one, other) = (self.keys(context, one), self.keys(context, other));
        (0..one.len().max(other.len()))
            .map(|i| match (one.get(i), other.get(i)) {
                (Some(a), Some(b)) => format!("{a}/{b}"),
                (Some(k), None) | (None, Some(k)) => k.to_string(),
                (None, None) => String::new(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// At most `max` keys of an action in a context, joined by `between`:
    /// `names(Context::Confirm, Action::Confirm, " or ", 2)` is "y or Enter".
    pub fn names(&self, context: Context, action: Action, between: &str, max: usize) -> String {
        let keys = self.keys(context, action);
        if keys.is_empty() {
            return NO_KEY.to_string();
        }
        keys.iter()
            .take(max)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(between)
    }

    /// The notes under the help's keys, about the keys of forms and
    /// confirmations (which the help of a view does not list).
    pub fn help_notes(&self) -> [String; 2] {
        use Action as A;
        use Context as C;
        [
            format!(
                "Forms: {} next field · {} previous · {} saves · {} closes.",
                self.names(C::Form, A::NextField, "/", 2),
                self.names(C::Form, A::PrevField, "/", 2),
                self.key(C::Form, A::Confirm),
                self.key(C::Form, A::Cancel),
            ),
            format!(
                "Confirmations: {} for yes, {} for no. Rebind keys in keys.ron.",
                self.names(C::Confirm, A::Confirm, " or ", 2),
                self.names(C::Confirm, A::Cancel, " or ", 2),
            ),
        ]
    }

    /// The help's bottom line: how to scroll it and close it.
    pub fn help_footer(&self) -> String {
        format!(
            " {}/{} scroll · {} closes ",
            self.key(Context::Help, Action::Down),
            self.key(Context::Help, Action::Up),
            self.names(Context::Help, Action::Cancel, " or ", 2),
        )
    }

    /// The keys bound to an action in a context, e.g. "y Enter".
    pub fn keys_for(&self, context: Context, action: Action) -> String {
        keys_text(self.keys(context, action))
    }

    /// The status-bar hints of these contexts: `(key, short name)`.
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        contexts
            .iter()
            .flat_map(|context| self.bindings.iter().filter(move |b| b.context == *context))
            .filter_map(|b| Some((b.keys.first()?.to_string(), b.hint?)))
            .collect()
    }

    /// A description with each `{context.action}` replaced by its key.
    pub fn fill(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            out.push_str(&rest[..open]);
            match self.target(&rest[open + 1..close]) {
                Ok(Target::In(context, action)) => out.push_str(&self.key(context, action)),
                _ => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// What [`Keymap::key`] names when an action has no key.
pub const NO_KEY: &str = "(no key)";

fn did_you_mean<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> String {
    let lower = name.to_ascii_lowercase();
    let best = names
        .map(|n| (strsim::jaro_winkler(&lower, n), n))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, n)) => format!(" — did you mean {n}?"),
        None => String::new(),
    }
}

fn keys_text(keys: &[Keystroke]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
