//! Keybindings as data: one table holds each key, its action, its
//! description and whether the status bar shows it. The `?` help and the
//! hints come from this table, and `keys.ron` in the config directory can
//! rebind any action.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::message::Action;

mod defaults;
pub use defaults::defaults;

/// Where a binding applies. The app looks in the innermost context first.
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
    const fn plain(code: KeyCode) -> Self {
        Keystroke {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn ch(c: char) -> Self {
        Keystroke::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Self {
        Keystroke {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

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

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// The defaults with `keys.ron` applied: `{"hand_over": ["H"], ...}`
    /// rebinds an action everywhere it is bound.
    pub fn with_overrides(text: &str, file: &Path) -> Result<Keymap, String> {
        let overrides: HashMap<String, Vec<String>> = ron::from_str(text).map_err(|e| {
            format!(
                "{}:{}: {} — expected a map like {{\"hand_over\": [\"H\"]}}",
                file.display(),
                e.span.start,
                e.code
            )
        })?;
        let mut keymap = Keymap::default();
        let mut names: Vec<&String> = overrides.keys().collect();
        names.sort();
        for name in names {
            let action: Action = ron::from_str(name).map_err(|_| {
                format!(
                    "{}: {name:?} is not an action (see ? in the app for their names)",
                    file.display()
                )
            })?;
            let keys = overrides[name]
                .iter()
                .map(|k| {
                    Keystroke::parse(k).map_err(|e| format!("{}: {name}: {e}", file.display()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            for binding in keymap.bindings.iter_mut().filter(|b| b.action == action) {
                binding.keys = keys.clone();
            }
        }
        Ok(keymap)
    }

    /// Loads `keys.ron` if there is one. A bad file gives the defaults and a
    /// message to show, never a crash.
    pub fn load(path: Option<&Path>) -> (Keymap, Option<String>) {
        let Some(path) = path else {
            return (Keymap::default(), None);
        };
        match std::fs::read_to_string(path) {
            Ok(text) => match Keymap::with_overrides(&text, path) {
                Ok(keymap) => (keymap, None),
                Err(e) => (
                    Keymap::default(),
                    Some(format!("{e} (using the default keys)")),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Keymap::default(), None),
            Err(e) => (
                Keymap::default(),
                Some(format!("{}: {e} (using the default keys)", path.display())),
            ),
        }
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

    /// Every binding of these contexts, for the help screen.
    pub fn help(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        contexts
            .iter()
            .flat_map(|context| self.bindings.iter().filter(move |b| b.context == *context))
            .filter(|b| !b.keys.is_empty())
            .map(|b| (keys_text(&b.keys), b.description))
            .collect()
    }

    /// The keys bound to an action in a context, e.g. "y Enter".
    pub fn keys_for(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .map(|b| keys_text(&b.keys))
            .unwrap_or_default()
    }

    /// The first key bound to an action in a context, as shown to the user
    /// ("y", "Ctrl-s"): what prompts and messages name.
    pub fn first_key(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .and_then(|b| b.keys.first())
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// The status-bar hints of these contexts: `(key, short name)`.
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        contexts
            .iter()
            .flat_map(|context| self.bindings.iter().filter(move |b| b.context == *context))
            .filter_map(|b| Some((b.keys.first()?.to_string(), b.hint?)))
            .collect()
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

    #[test]
    fn an_override_rebinds_an_action_everywhere() {
        let keymap = Keymap::with_overrides(
            r#"{"hand_over": ["H"], "quit": ["ctrl-q"]}"#,
            Path::new("keys.ron"),
        )
        .unwrap();
        let contexts = [Context::Missions, Context::Global];
        let big_h = press(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(keymap.resolve(&contexts, &big_h), Some(Action::HandOver));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(&contexts, &q), None);
        let help = keymap.help(&contexts);
        assert!(help.contains(&("Ctrl-q".to_string(), "quit (every change is already saved)")));
    }

    #[test]
    fn a_bad_keymap_file_says_where_and_what() {
        let file = Path::new("keys.ron");
        let err = Keymap::with_overrides("{\"hand_ovr\": [\"H\"]}", file).unwrap_err();
        assert!(err.contains("\"hand_ovr\" is not an action"), "{err}");
        let err = Keymap::with_overrides("{\"quit\": [\"xyz\"]}", file).unwrap_err();
        assert!(err.contains("quit: \"xyz\" is not a key"), "{err}");
        let err = Keymap::with_overrides("{\"quit\": ", file).unwrap_err();
        assert!(err.starts_with("keys.ron:1:"), "{err}");
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
