//! The keymap: parsing keys, the defaults, overrides, clashes, names.

use crossterm::event::{KeyCode, KeyModifiers};

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
        "filter (in Missions also is:, owner:…); Esc clears"
    );
    let (keymap, _) = parse(r#"{"filter.cancel": ["ctrl-g"]}"#);
    assert_eq!(
        filter(&keymap),
        "filter (in Missions also is:, owner:…); Ctrl-g clears"
    );
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
