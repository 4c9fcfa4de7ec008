//! The user's own editor ($EDITOR) for long notes, through a stub script.

use handover::tui::editor::run;
use std::os::unix::fs::PermissionsExt;

fn stub(dir: &std::path::Path, script: &str) -> String {
    let path = dir.join("editor.sh");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Run through sh, not executed itself: a test thread forking while the
    // script was being written would make exec fail with ETXTBSY.
    format!("sh {}", path.display())
}

#[test]
fn the_editor_gets_the_note_and_gives_back_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    // The stub checks it was given the draft, then appends a line.
    let editor = stub(
        dir.path(),
        r#"grep -q "draft" "$1" && printf 'typed in the editor\n' >> "$1""#,
    );
    assert_eq!(
        run(&editor, "draft\n", |_| ()).unwrap().text,
        "draft\ntyped in the editor\n"
    );
}

#[test]
fn the_note_file_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let editor = stub(dir.path(), r#"stat -c %a "$1" > "$1""#);
    assert_eq!(run(&editor, "", |_| ()).unwrap().text.trim(), "600");
}

#[test]
fn a_failing_or_missing_editor_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let editor = stub(dir.path(), "exit 3");
    assert!(
        run(&editor, "x", |_| ())
            .unwrap_err()
            .contains("exited with")
    );
    assert!(
        run("/no/such/editor", "x", |_| ())
            .unwrap_err()
            .starts_with("cannot run")
    );
    assert!(run("  ", "x", |_| ()).is_err());
}

#[test]
fn text_that_is_not_utf8_is_taken_with_marks_and_its_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let editor = stub(dir.path(), r#"printf 'caf\351' > "$1""#);
    let read = run(&editor, "", |_| ()).unwrap();
    assert_eq!(read.text, "caf\u{fffd}");
    let kept = read.kept.expect("the file is left in place");
    assert_eq!(std::fs::read(&kept).unwrap(), b"caf\xe9");
    std::fs::remove_file(kept).unwrap();
}

#[test]
fn editor_arguments_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let editor = stub(dir.path(), r#"printf '%s' "$1" > "$2""#);
    assert_eq!(
        run(&format!("{editor} --wait"), "", |_| ()).unwrap().text,
        "--wait"
    );
}

#[test]
fn an_editor_that_gives_up_keeps_what_it_wrote_in_a_named_file() {
    let dir = tempfile::tempdir().unwrap();
    // Writes twenty lines, then quits with an error (vim's `:cq`).
    let editor = stub(
        dir.path(),
        r#"for i in $(seq 1 20); do echo "line $i" >> "$1"; done; exit 1"#,
    );
    let error = run(&editor, "draft\n", |_| ()).unwrap_err();
    assert!(error.contains("the note was kept as it was"), "{error}");
    let kept = error
        .split_whitespace()
        .find(|w| w.contains("handover-note-"))
        .expect("the file is named");
    let text = std::fs::read_to_string(kept).unwrap();
    assert!(text.contains("line 20"), "what the editor wrote is there");
    std::fs::remove_file(kept).unwrap();
}
