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
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::message::Action;
use crate::store::{ConfigError, ConfigFile};

mod words;
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
}

/// A key with its modifiers, e.g. `ctrl-r`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Keystroke {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Keystroke {
    /// The key a terminal event stands for. Shift is part of the character
    /// for letters and symbols, so `Q` is `Q` whatever the terminal reports.
    pub fn from_event(event: &KeyEvent) -> Self {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Keystroke { code, modifiers }
    }

    /// Parses `q`, `Q`, `ctrl-r`, `alt-x`, `shift-tab`, `enter`, `pgdn`, `f1`…
    pub fn parse(text: &str) -> Result<Keystroke, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower.strip_prefix("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower.strip_prefix("shift-") {
                modifiers |= KeyModifiers::SHIFT;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => {
                        if modifiers.contains(KeyModifiers::SHIFT) {
                            modifiers.remove(KeyModifiers::SHIFT);
                            KeyCode::Char(c.to_ascii_uppercase())
                        } else if modifiers.contains(KeyModifiers::CONTROL) {
                            KeyCode::Char(c.to_ascii_lowercase())
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => {
                        return Err(format!(
                            "{text:?} is not a key (try \"q\", \"ctrl-r\", \"enter\", \"f1\")"
                        ));
                    }
                }
            }
        };
        Ok(Keystroke { code, modifiers })
    }
}

impl fmt::Display for Keystroke {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl Context {
    pub const ALL: [Context; 16] = [
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
    fn fill(&self, text: &str) -> String {
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
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_parse_and_print() {
        for (text, shown) in [
            ("q", "q"),
            ("Q", "Q"),
            ("shift-q", "Q"),
            ("ctrl-r", "Ctrl-r"),
            ("CTRL-R", "Ctrl-r"),
            ("shift-tab", "Shift-Tab"),
            ("enter", "Enter"),
            ("f1", "F1"),
            ("space", "Space"),
            ("?", "?"),
        ] {
            assert_eq!(Keystroke::parse(text).unwrap().to_string(), shown, "{text}");
        }
        assert!(Keystroke::parse("qq").is_err());
        assert!(Keystroke::parse("ctrl-").is_err());
    }

    #[test]
    fn the_innermost_context_wins() {
        let keymap = Keymap::default();
        let h = press(KeyCode::Char('h'), KeyModifiers::NONE);
        assert_eq!(
            keymap.resolve(&[Context::Missions, Context::Global], &h),
            Some(Action::HandOver)
        );
        assert_eq!(
            keymap.resolve(&[Context::Matrix, Context::Global], &h),
            Some(Action::Left)
        );
        assert_eq!(
            keymap.resolve(&[Context::People, Context::Global], &h),
            None
        );
    }

    #[test]
    fn shifted_letters_and_ctrl_resolve() {
        let keymap = Keymap::default();
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            keymap.resolve(&[Context::Move], &big_g),
            Some(Action::Bottom)
        );
        let ctrl_r = press(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.resolve(&[Context::Global], &ctrl_r),
            Some(Action::Redo)
        );
        let backtab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            keymap.resolve(&[Context::Global], &backtab),
            Some(Action::PrevView)
        );
    }

    fn parse(text: &str) -> (Keymap, Vec<String>) {
        Keymap::parse(text, Path::new("keys.ron"))
    }

    #[test]
    fn an_override_rebinds_an_action_everywhere() {
        let (keymap, problems) = parse(r#"{"hand_over": ["H"], "quit": ["ctrl-q"]}"#);
        assert_eq!(problems, Vec::<String>::new());
        let contexts = [Context::Missions, Context::Global];
        let big_h = press(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(keymap.resolve(&contexts, &big_h), Some(Action::HandOver));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&contexts, &q), None);
        let help = keymap.help(&contexts);
        assert!(help.contains(&(
            "Ctrl-q".into(),
            "quit (every change is already saved)".into()
        )));
    }

    #[test]
    fn an_action_is_rebound_everywhere_or_in_one_context() {
        // Up is bound in move, actions, picker, form (prev_field aside) and help.
        let (keymap, problems) = parse(r#"{"up": ["i"], "help.up": ["w"]}"#);
        assert_eq!(problems, Vec::<String>::new());
        let i = press(KeyCode::Char('i'), KeyModifiers::NONE);
        let w = press(KeyCode::Char('w'), KeyModifiers::NONE);
        for context in [Context::Move, Context::Actions, Context::Picker] {
            assert_eq!(
                keymap.resolve(&[context], &i),
                Some(Action::Up),
                "{context:?}"
            );
            assert_eq!(keymap.resolve(&[context], &w), None, "{context:?}");
        }
        // The one-context binding wins, whatever the order in the file.
        assert_eq!(keymap.resolve(&[Context::Help], &w), Some(Action::Up));
        assert_eq!(keymap.resolve(&[Context::Help], &i), None);
        assert_eq!(keymap.key(Context::Help, Action::Up), "w");
        assert_eq!(keymap.key(Context::Move, Action::Up), "i");

        let (keymap, _) = parse(r#"{"matrix.left": ["b"]}"#);
        let h = press(KeyCode::Char('h'), KeyModifiers::NONE);
        let b = press(KeyCode::Char('b'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&[Context::Matrix], &b), Some(Action::Left));
        assert_eq!(keymap.resolve(&[Context::Matrix], &h), None);
        // hand_over keeps h in the Missions view.
        assert_eq!(
            keymap.resolve(&[Context::Missions], &h),
            Some(Action::HandOver)
        );
    }

    #[test]
    fn an_empty_list_unbinds_and_the_key_says_so() {
        let (keymap, problems) = parse(r#"{"undo": []}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let u = press(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&[Context::Global], &u), None);
        assert_eq!(keymap.key(Context::Global, Action::Undo), NO_KEY);
        assert!(keymap.keys(Context::Global, Action::Undo).is_empty());
    }

    #[test]
    fn a_clash_in_one_context_is_reported_and_the_defaults_stay() {
        // x is also export_agenda in one_on_one: a different context, no clash.
        let (keymap, problems) = parse(r#"{"undo": ["q"], "redo": ["x"]}"#);
        assert_eq!(
            problems,
            ["keys.ron: q is bound to both undo and quit in global \
              (the default keys stay for them)"]
        );
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        let u = press(KeyCode::Char('u'), KeyModifiers::NONE);
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&[Context::Global], &q), Some(Action::Quit));
        assert_eq!(keymap.resolve(&[Context::Global], &u), Some(Action::Undo));
        // The binding that does not clash is kept.
        assert_eq!(keymap.resolve(&[Context::Global], &x), Some(Action::Redo));

        // Two of the file's own bindings on one key.
        let (keymap, problems) = parse(r#"{"missions.hand_over": ["o"], "help": ["o"]}"#);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("o is bound to both assign_owner and hand_over in missions"),
            "{problems:?}"
        );
        let o = press(KeyCode::Char('o'), KeyModifiers::NONE);
        assert_eq!(
            keymap.resolve(&[Context::Missions], &o),
            Some(Action::AssignOwner)
        );
        assert_eq!(keymap.key(Context::Missions, Action::HandOver), "h");
        assert_eq!(keymap.resolve(&[Context::Global], &o), Some(Action::Help));
    }

    #[test]
    fn a_swap_is_no_clash() {
        let (keymap, problems) = parse(r#"{"undo": ["q"], "quit": ["u"]}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&[Context::Global], &q), Some(Action::Undo));
    }

    #[test]
    fn unknown_names_are_reported_with_a_did_you_mean_and_the_rest_applies() {
        let (keymap, problems) = parse(
            r#"{"hand_ovr": ["H"], "misions.assign_owner": ["O"], "people.hand_over": ["H"],
                "quit": ["xyz"], "redo": ["U"], "frobnicate": ["z"]}"#,
        );
        assert_eq!(
            problems,
            [
                "keys.ron: \"frobnicate\" is not an action (ignored)",
                "keys.ron: \"hand_ovr\" is not an action — did you mean hand_over? (ignored)",
                "keys.ron: \"misions\" is not a context — did you mean missions? (ignored)",
                "keys.ron: people has no hand_over (it is in missions) (ignored)",
                "keys.ron: quit: \"xyz\" is not a key (try \"q\", \"ctrl-r\", \"enter\", \"f1\") (ignored)",
            ]
        );
        let big_u = press(KeyCode::Char('U'), KeyModifiers::SHIFT);
        assert_eq!(
            keymap.resolve(&[Context::Global], &big_u),
            Some(Action::Redo)
        );
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&[Context::Global], &q), Some(Action::Quit));
    }

    #[test]
    fn a_file_that_does_not_parse_says_where_and_leaves_the_defaults() {
        let (keymap, problems) = parse("{\"quit\": ");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("keys.ron:1:"), "{problems:?}");
        assert!(
            problems[0].ends_with("(using the default keys)"),
            "{problems:?}"
        );
        assert_eq!(keymap.key(Context::Global, Action::Quit), "q");
    }

    #[test]
    fn load_joins_the_problems_into_one_message() {
        let file = |text: &str| {
            Ok(Some(ConfigFile {
                path: "keys.ron".into(),
                text: text.into(),
            }))
        };
        assert_eq!(Keymap::load(Ok(None)).1, None);
        assert_eq!(Keymap::load(file(r#"{"quit": ["Q"]}"#)).1, None);
        let (_, problem) = Keymap::load(file(r#"{"qit": ["Q"], "undo": ["q"]}"#));
        let problem = problem.unwrap();
        assert!(
            problem.contains("did you mean quit?") && problem.contains("; "),
            "{problem}"
        );
        let error = ConfigError {
            path: "keys.ron".into(),
            error: std::io::Error::other("denied"),
        };
        let (keymap, problem) = Keymap::load(Err(error));
        assert_eq!(
            problem.as_deref(),
            Some("keys.ron: cannot read it: denied (using the default keys)")
        );
        assert_eq!(keymap.key(Context::Global, Action::Undo), "u");
    }

    #[test]
    fn the_asset_binds_exactly_the_actions_that_have_words_and_nothing_clashes() {
        let (keymap, problems) = defaults();
        assert_eq!(problems, Vec::<String>::new());
        let entries: BTreeMap<String, Vec<String>> = ron::from_str(DEFAULT_KEYS).unwrap();
        assert_eq!(entries.len(), WORDS.len(), "one line per row of words.rs");
        for b in &keymap.bindings {
            assert!(
                !b.keys.is_empty(),
                "{}.{} has no default key",
                b.context.name(),
                action_name(b.action)
            );
        }
        assert_eq!(keymap.clashes(), []);
        // One binding per line, in the user's schema.
        let lines = DEFAULT_KEYS
            .lines()
            .filter(|l| l.trim_start().starts_with('"'))
            .count();
        assert_eq!(lines, WORDS.len());
    }

    #[test]
    fn the_help_names_keys_in_descriptions_from_the_keymap() {
        let filter = |keymap: &Keymap| {
            keymap
                .help(&[Context::List])
                .into_iter()
                .find(|(keys, _)| keys == &keymap.keys_for(Context::List, Action::Filter))
                .unwrap()
                .1
        };
        assert_eq!(
            filter(&Keymap::default()),
            "filter the list (fuzzy); Esc clears"
        );
        let (keymap, _) = parse(r#"{"filter.cancel": ["ctrl-g"]}"#);
        assert_eq!(filter(&keymap), "filter the list (fuzzy); Ctrl-g clears");
    }

    #[test]
    fn opposite_keys_are_named_in_pairs() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.pairs(Context::Matrix, Action::Left, Action::Right),
            "h/l ←/→"
        );
        assert_eq!(keymap.key(Context::Confirm, Action::Confirm), "y");
        assert_eq!(
            keymap.keys_for(Context::Confirm, Action::Confirm),
            "y Enter"
        );
        let (keymap, _) = parse(r#"{"matrix.left": ["b"], "matrix.right": ["f", "right", "tab"]}"#);
        assert_eq!(
            keymap.pairs(Context::Matrix, Action::Left, Action::Right),
            "b/f → Tab"
        );
    }

    #[test]
    fn the_help_notes_name_the_keys_in_force() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.help_notes(),
            [
                "Forms: Tab/↓ next field · Shift-Tab/↑ previous · Enter saves · Esc closes.",
                "Confirmations: y or Enter for yes, n or Esc for no. Rebind keys in keys.ron.",
            ]
        );
        assert_eq!(keymap.help_footer(), " j/k scroll · Esc or ? closes ");
        let (keymap, _) = parse(r#"{"cancel": ["ctrl-g"], "help.down": ["s"]}"#);
        assert_eq!(keymap.help_footer(), " s/k scroll · Ctrl-g closes ");
        assert!(!keymap.help_notes()[1].contains("n or Esc"));
        assert!(keymap.help_notes()[1].contains("for yes, Ctrl-g for no"));
    }

    #[test]
    fn the_readme_example_is_a_good_keys_file() {
        let readme = include_str!("../../../README.md");
        let start = readme.find("```ron\n{\n    \"hand_over\"").unwrap() + "```ron\n".len();
        let example = &readme[start..start + readme[start..].find("```").unwrap()];
        let (keymap, problems) = parse(example);
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(
            keymap.pairs(Context::Matrix, Action::Left, Action::Right),
            "b/l ←/→"
        );
        assert_eq!(keymap.key(Context::Global, Action::Undo), NO_KEY);
    }

    #[test]
    fn names_are_snake_case() {
        assert_eq!(action_name(Action::HandOver), "hand_over");
        assert_eq!(action_name(Action::ShowOneOnOne), "show_one_on_one");
        for context in Context::ALL {
            assert_eq!(Context::named(context.name()), Some(context));
        }
    }

    #[test]
    fn hints_come_from_the_same_table() {
        let hints = Keymap::default().hints(&[Context::Missions, Context::List, Context::Global]);
        let names: Vec<&str> = hints.iter().map(|(_, n)| *n).collect();
        assert_eq!(
            names,
            [
                "owner",
                "mentor",
                "hand over",
                "filter",
                "add",
                "edit",
                "undo",
                "help",
                "quit"
            ]
        );
    }
}
