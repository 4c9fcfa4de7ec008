//! Writers (SPEC §2 "Every writer takes the lock", §4 the writers
//! paragraph): real processes racing, the app holding the file, locks that
//! links cannot bypass, closed pipes, read-only and odd files, `--out`,
//! comments kept as `.orig`.

mod support;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use handover::model::Team;
use handover::sample::SAMPLE_RON;
use support::pty::Session;

// ---------------------------------------------------------------------------
// Helpers (from tests/cli.rs and tests/e2e.rs)

fn handover(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_handover"));
    command
        .env_remove("HANDOVER_FILE")
        .env("NO_COLOR", "1")
        .env("HANDOVER_TODAY", "2026-11-28")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .current_dir(dir);
    command
}

struct Run(Output);

impl Run {
    fn code(&self) -> i32 {
        self.0.status.code().unwrap()
    }
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    Run(handover(dir).args(args).output().unwrap())
}

/// Runs a command that must end by itself within `limit` (a FIFO must not
/// hang it); kills it otherwise and fails.
fn run_within(dir: &Path, args: &[&str], limit: Duration) -> Run {
    let mut child = handover(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`handover {}` hung", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Run(child.wait_with_output().unwrap())
}

fn load(path: &Path) -> Team {
    handover::store::load(path).unwrap().team
}

fn sample_in(dir: &Path) -> PathBuf {
    let path = dir.join("team.ron");
    fs::write(&path, SAMPLE_RON).unwrap();
    path
}

// ---------------------------------------------------------------------------
// The app in a pseudo-terminal (from tests/e2e.rs)

// ---------------------------------------------------------------------------
// 7. Racing CLI writers never lose an update

/// A one-row CSV adding a new person, and the name it adds.
fn new_person_csv(dir: &Path, tag: &str) -> (PathBuf, String) {
    let name = format!("Racer {tag}");
    let path = dir.join(format!("{tag}.csv"));
    fs::write(&path, format!("person,skill,level\n{name},rust,2\n")).unwrap();
    (path, name)
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    handover(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// What one round of racing writers reported, checked against the disk.
#[derive(Default, Debug)]
struct Tally {
    reported: usize,
    lost: Vec<String>,
    failed: Vec<String>,
}

/// One round: `imports` imports of a new person each and, if `plan`, one
/// `plan --apply --json`, all started together on the file at `team`.
fn race(dir: &Path, team: &Path, round: usize, imports: usize, plan: bool) -> Tally {
    let team_arg = team.to_str().unwrap();
    let mut children = Vec::new();
    let mut names = Vec::new();
    for i in 0..imports {
        let (csv, name) = new_person_csv(dir, &format!("r{round}-{i}"));
        children.push(spawn(
            dir,
            &[
                "import",
                "--add-people",
                csv.to_str().unwrap(),
                "--file",
                team_arg,
            ],
        ));
        names.push(Some(name));
    }
    if plan {
        children.push(spawn(
            dir,
            &["plan", "--apply", "--json", "--file", team_arg],
        ));
        names.push(None);
    }
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let on_disk = load(team);
    let mut tally = Tally::default();
    for (output, name) in outputs.iter().zip(&names) {
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            tally.failed.push(format!(
                "{}: {}{}",
                output.status,
                String::from_utf8_lossy(&output.stderr),
                stdout
            ));
            continue;
        }
        match name {
            Some(name) => {
                assert!(stdout.contains(&format!("new      {name}")), "{stdout}");
                tally.reported += 1;
                if !on_disk.people.iter().any(|p| &p.name == name) {
                    tally.lost.push(format!("round {round}: person {name}"));
                }
            }
            None => {
                let plan: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                for owner in plan["owners"].as_array().unwrap() {
                    tally.reported += 1;
                    let (mission, person) = (owner["mission"].as_str(), owner["person"].as_str());
                    let found = on_disk
                        .missions
                        .iter()
                        .find(|m| Some(m.title.as_str()) == mission)
                        .unwrap();
                    if found.owner.as_deref() != person {
                        tally
                            .lost
                            .push(format!("round {round}: owner of {mission:?}"));
                    }
                }
            }
        }
    }
    tally
}

#[test]
fn racing_imports_never_lose_an_update() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team.ron");
    handover::store::create_new(&team, &handover::demo::generate(1000, 1000, 7)).unwrap();
    let (rounds, racers) = (15, 6);
    let mut lost = Vec::new();
    let mut failed = Vec::new();
    for round in 0..rounds {
        let tally = race(dir.path(), &team, round, racers, false);
        assert_eq!(tally.reported + tally.failed.len(), racers);
        lost.extend(tally.lost);
        failed.extend(tally.failed);
    }
    eprintln!(
        "{rounds} rounds of {racers} imports: {} lost, {} gave up",
        lost.len(),
        failed.len()
    );
    assert!(lost.is_empty(), "reported but not on disk: {lost:?}");
    // The lock makes each wait for the one before: none needs to give up.
    assert!(failed.is_empty(), "writers that gave up: {failed:?}");
    assert_eq!(load(&team).people.len(), 1000 + rounds * racers);
    // No lock file is left behind.
    assert!(!dir.path().join(".team.ron.lock").exists());
}

/// The stress test: imports and `plan --apply` racing, round after round,
/// each on a fresh file with work for the plan; every change a writer
/// reported is on disk.
#[test]
fn stress_racing_imports_and_plan_apply_keep_every_reported_change() {
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team.ron");
    let mut base = handover::demo::generate(600, 600, 11);
    for mission in base.missions.iter_mut().step_by(7) {
        mission.owner = None;
        mission.mentor = None;
        mission.status = handover::model::Status::Planned;
        mission.clear_what_status_rules_out();
    }
    let rounds = 12;
    let (mut reported, mut lost, mut failed) = (0, Vec::new(), Vec::new());
    for round in 0..rounds {
        let _ = fs::remove_file(&team);
        handover::store::create_new(&team, &base).unwrap();
        let tally = race(dir.path(), &team, round, 4, true);
        reported += tally.reported;
        lost.extend(tally.lost);
        failed.extend(tally.failed);
    }
    eprintln!(
        "{rounds} rounds of 4 imports and a plan: {reported} changes reported, {} lost, {} gave up",
        lost.len(),
        failed.len()
    );
    assert!(lost.is_empty(), "reported but not on disk: {lost:?}");
    assert!(failed.is_empty(), "writers that gave up: {failed:?}");
    assert!(reported > rounds * 4, "the plan had work to do: {reported}");
}

// ---------------------------------------------------------------------------
// 8. CLI writers refuse while the app has the file open

#[test]
fn cli_writers_refuse_while_the_app_has_the_file_open() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    let (csv, _) = new_person_csv(dir.path(), "while-open");
    let expected = format!(
        "{}: open in handover, pid {}: quit it or do this in the app",
        file.display(),
        app.pid()
    );
    for args in [
        vec!["plan", "--apply", "--file", "team.ron"],
        vec![
            "import",
            "--add-people",
            csv.to_str().unwrap(),
            "--file",
            "team.ron",
        ],
        vec!["init", "--file", "team.ron"],
    ] {
        let start = Instant::now();
        let run = run(dir.path(), &args);
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stdout());
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "refused at once, not after waiting"
        );
        let stderr = run.stderr().replace(&dir.path().display().to_string(), "");
        assert!(
            run.stderr().contains(&expected) || stderr.contains("open in handover, pid"),
            "{args:?}: {}",
            run.stderr()
        );
        assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
    }
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    // Once the app is closed, the writer goes ahead.
    let run = run(dir.path(), &["plan", "--apply", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_ne!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
}

// ---------------------------------------------------------------------------
// 9. The lock belongs to the real file, and a lock that cannot be made is an error

#[test]
fn a_second_app_through_a_symlink_in_another_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::create_dir(dir.path().join("b")).unwrap();
    let file = sample_in(&dir.path().join("a"));
    let link = dir.path().join("b/link.ron");
    symlink(&file, &link).unwrap();
    let mut first = Session::start(&file, dir.path());
    first.wait_for("Missions (12)");
    let mut second = Session::start(&link, dir.path());
    second.wait_for("is open in another handover");
    assert_eq!(second.wait_exit(), 2);
    // A CLI writer through the link is refused too.
    let run = run(dir.path(), &["plan", "--apply", "--file", "b/link.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("open in handover, pid"),
        "{}",
        run.stderr()
    );
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
    assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
}

#[test]
fn a_lock_that_cannot_be_made_is_an_error_never_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    // Something that is not a lock file sits where the lock goes.
    fs::create_dir(dir.path().join(".team.ron.lock")).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for(".team.ron.lock");
    assert_eq!(app.wait_exit(), 2);
    let run = run(dir.path(), &["plan", "--apply", "--file", "team.ron"]);
    assert_eq!(run.code(), 2);
    assert!(
        run.stderr().contains("cannot use the lock file"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains(".team.ron.lock"), "{}", run.stderr());
    assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
}

/// A lock file left by a `sudo` run: the user cannot open it. Only when
/// the tests run as root can they be another user; skipped otherwise.
#[test]
fn a_lock_file_left_by_another_user_is_an_error() {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root {
        return;
    }
    let nobody = 65534;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let file = sample_in(dir.path());
    std::os::unix::fs::chown(&file, Some(nobody), Some(nobody)).unwrap();
    let lock = dir.path().join(".team.ron.lock");
    fs::write(&lock, "").unwrap();
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o600)).unwrap();
    let (csv, _) = new_person_csv(dir.path(), "nobody");
    std::os::unix::fs::chown(&csv, Some(nobody), Some(nobody)).unwrap();
    let mut command = handover(dir.path());
    std::os::unix::process::CommandExt::uid(&mut command, nobody);
    std::os::unix::process::CommandExt::gid(&mut command, nobody);
    let run = Run(command
        .args([
            "import",
            "--add-people",
            csv.to_str().unwrap(),
            "--file",
            "team.ron",
        ])
        .output()
        .unwrap());
    if run.stderr().contains("Permission denied") && !run.stderr().contains("lock") {
        eprintln!("skipped: the binary is out of that user's reach here");
        return;
    }
    assert_eq!(run.code(), 2, "{}", run.stdout());
    assert!(run.stderr().contains(".team.ron.lock"), "{}", run.stderr());
    assert!(run.stderr().contains("sudo"), "{}", run.stderr());
    assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
}

// ---------------------------------------------------------------------------
// 10. A closed pipe never changes what the exit status means

/// Runs with stdout a pipe whose reader has already gone.
fn run_into_closed_pipe(dir: &Path, args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Run(handover(dir)
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap())
}

#[test]
fn plan_apply_into_a_closed_pipe_applies_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let run = run_into_closed_pipe(dir.path(), &["plan", "--apply", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert_eq!(run.stderr(), "");
    let team = load(&file);
    let before = handover::store::parse(SAMPLE_RON.as_bytes(), &file).unwrap();
    assert!(
        team.missions.iter().filter(|m| m.owner.is_some()).count()
            > before.missions.iter().filter(|m| m.owner.is_some()).count(),
        "the plan was applied"
    );
}

#[test]
fn check_into_a_closed_pipe_keeps_its_status() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    // The sample has missions at risk: 1, pipe or not.
    assert_eq!(run(dir.path(), &["check", "--file", "team.ron"]).code(), 1);
    let run = run_into_closed_pipe(dir.path(), &["check", "--file", "team.ron"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert_eq!(run.stderr(), "");
    // And an import into a closed pipe is on disk.
    let (csv, name) = new_person_csv(dir.path(), "pipe");
    let run = run_into_closed_pipe(
        dir.path(),
        &[
            "import",
            "--add-people",
            csv.to_str().unwrap(),
            "--file",
            "team.ron",
        ],
    );
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        load(&dir.path().join("team.ron"))
            .people
            .iter()
            .any(|p| p.name == name)
    );
}

// ---------------------------------------------------------------------------
// 11. A file the user made read-only is read-only for every writer

#[test]
fn cli_writers_refuse_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let (csv, _) = new_person_csv(dir.path(), "ro");
    for args in [
        vec!["plan", "--apply", "--file", "team.ron"],
        vec![
            "import",
            "--add-people",
            csv.to_str().unwrap(),
            "--file",
            "team.ron",
        ],
    ] {
        let run = run(dir.path(), &args);
        assert_eq!(run.code(), 2, "{args:?}: {}", run.stdout());
        assert!(run.stderr().contains("read-only"), "{}", run.stderr());
        assert!(run.stderr().contains("team.ron"), "{}", run.stderr());
        assert_eq!(run.stdout(), "", "nothing reported as done");
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert!(!dir.path().join("team.ron.bak").exists());
}

/// The app agrees, whoever runs it (root included): read-only, told so.
#[test]
fn the_app_opens_a_file_made_read_only_as_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Read-only");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
}

// ---------------------------------------------------------------------------
// 12. `agenda --out` / `export --out` never write the team file, never create folders

#[test]
fn out_never_writes_the_team_file_or_its_companions() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    fs::write(dir.path().join("team.ron.bak"), "backup").unwrap();
    symlink(&file, dir.path().join("agenda.md")).unwrap();
    let targets = [
        "team.ron",
        "./team.ron",
        "team.ron.bak",
        "team.recovery.ron",
        "team.ron.orig",
        "agenda.md",
    ];
    for target in targets {
        for command in [
            vec!["agenda", "Amina Diallo", "--file", "team.ron"],
            vec!["export", "--csv", "--file", "team.ron"],
        ] {
            let mut args = command.clone();
            args.extend(["--out", target, "--force"]);
            let run = run(dir.path(), &args);
            assert_eq!(run.code(), 2, "{args:?}");
            assert!(
                run.stderr().contains("is never written there"),
                "{}",
                run.stderr()
            );
        }
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), SAMPLE_RON);
    assert_eq!(
        fs::read_to_string(dir.path().join("team.ron.bak")).unwrap(),
        "backup"
    );
    assert!(!dir.path().join("team.recovery.ron").exists());
    assert!(!dir.path().join("team.ron.orig").exists());
}

#[test]
fn out_never_creates_folders_and_refuses_a_folder_without_suggesting_force() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let agenda = ["agenda", "Amina Diallo", "--file", "team.ron", "--out"];
    let run1 = run(
        dir.path(),
        &[&agenda[..], &["missing/deeper/a.md"]].concat(),
    );
    assert_eq!(run1.code(), 2);
    assert!(
        run1.stderr().contains("missing/deeper"),
        "{}",
        run1.stderr()
    );
    assert!(
        run1.stderr().contains("does not exist"),
        "{}",
        run1.stderr()
    );
    assert!(!dir.path().join("missing").exists(), "no folder created");

    fs::create_dir(dir.path().join("notes")).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let run = run(dir.path(), &[&agenda[..], &["notes"], extra].concat());
        assert_eq!(run.code(), 2);
        assert!(run.stderr().contains("is a folder"), "{}", run.stderr());
        assert!(!run.stderr().contains("--force"), "{}", run.stderr());
        assert!(
            run.stderr()
                .contains("notes/agenda-amina-diallo-2026-11-28.md"),
            "{}",
            run.stderr()
        );
    }
    let export = [
        "export",
        "--csv",
        "--file",
        "team.ron",
        "--out",
        "nowhere/s.csv",
    ];
    let run2 = run(dir.path(), &export);
    assert_eq!(run2.code(), 2);
    assert!(!dir.path().join("nowhere").exists());

    // An ordinary --out still works, and --force replaces an agenda.
    let run3 = run(dir.path(), &[&agenda[..], &["notes/a.md"]].concat());
    assert_eq!(run3.code(), 0, "{}", run3.stderr());
    let run4 = run(dir.path(), &[&agenda[..], &["notes/a.md"]].concat());
    assert!(run4.stderr().contains("add --force"), "{}", run4.stderr());
    let run5 = run(
        dir.path(),
        &[&agenda[..], &["notes/a.md", "--force"]].concat(),
    );
    assert_eq!(run5.code(), 0, "{}", run5.stderr());
}

// ---------------------------------------------------------------------------
// 13. Comments: the first save that drops them keeps the file as `.orig`

#[test]
fn the_first_save_keeps_a_commented_file_as_orig() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    let commented = SAMPLE_RON.replacen(
        "(\n",
        "// Our team, kept by hand.\n(\n    /* people first */\n",
        1,
    );
    assert!(handover::store::parse(commented.as_bytes(), &file).is_ok());
    fs::write(&file, &commented).unwrap();
    let (csv, _) = new_person_csv(dir.path(), "c1");
    let run1 = run(
        dir.path(),
        &[
            "import",
            "--add-people",
            csv.to_str().unwrap(),
            "--file",
            "team.ron",
        ],
    );
    assert_eq!(run1.code(), 0, "{}", run1.stderr());
    let orig = dir.path().join("team.ron.orig");
    assert!(
        run1.stdout()
            .contains("kept the commented file as team.ron.orig"),
        "{}",
        run1.stdout()
    );
    assert_eq!(fs::read_to_string(&orig).unwrap(), commented);
    assert_eq!(
        fs::metadata(&orig).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The next save has no comments to drop: nothing said, `.orig` kept.
    fs::write(&file, fs::read(&file).unwrap()).unwrap();
    let (csv, _) = new_person_csv(dir.path(), "c2");
    let run2 = run(dir.path(), &["plan", "--apply", "--file", "team.ron"]);
    assert_eq!(run2.code(), 0);
    assert!(!run2.stdout().contains("commented"), "{}", run2.stdout());
    // Comments written again later never overwrite the first `.orig`.
    let again = format!("// again\n{}", fs::read_to_string(&file).unwrap());
    fs::write(&file, again).unwrap();
    let run3 = run(
        dir.path(),
        &[
            "import",
            "--add-people",
            csv.to_str().unwrap(),
            "--file",
            "team.ron",
        ],
    );
    assert_eq!(run3.code(), 0, "{}", run3.stderr());
    assert_eq!(fs::read_to_string(&orig).unwrap(), commented);
}

#[test]
fn slashes_inside_strings_are_not_comments() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    let text = SAMPLE_RON.replacen(
        "Backend engineer",
        "Backend engineer, see http://wiki/* and // notes",
        1,
    );
    fs::write(&file, &text).unwrap();
    let run = run(dir.path(), &["plan", "--apply", "--file", "team.ron"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(!dir.path().join("team.ron.orig").exists());
    assert!(!run.stdout().contains("commented"));
}

/// The app says so too: a change saved over a commented file.
#[test]
fn the_app_says_where_the_comments_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.ron");
    fs::write(&file, format!("// mine\n{SAMPLE_RON}")).unwrap();
    let mut app = Session::start(&file, dir.path());
    app.wait_for("Missions (12)");
    app.send("h");
    app.wait_for("hand it over now");
    app.send("y");
    app.wait_for("Your comments are kept in");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(
        fs::read_to_string(dir.path().join("team.ron.orig"))
            .unwrap()
            .starts_with("// mine\n")
    );
}

// ---------------------------------------------------------------------------
// 17. Only a regular file is a team file; a FIFO never hangs anything

#[test]
fn a_fifo_or_a_folder_as_the_team_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("team.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    fs::create_dir(dir.path().join("folder.ron")).unwrap();
    let (csv, _) = new_person_csv(dir.path(), "fifo");
    for (name, what) in [("team.ron", "a FIFO"), ("folder.ron", "a folder")] {
        for args in [
            vec!["check", "--file", name],
            vec!["agenda", "Amina Diallo", "--file", name],
            vec!["plan", "--apply", "--file", name],
            vec![
                "import",
                "--add-people",
                csv.to_str().unwrap(),
                "--file",
                name,
            ],
            vec!["init", "--file", name],
            vec!["export", "--csv", "--file", name],
        ] {
            let run = run_within(dir.path(), &args, Duration::from_secs(5));
            assert_eq!(run.code(), 2, "{args:?}");
            assert!(
                run.stderr().contains(&format!("is {what}")),
                "{args:?}: {}",
                run.stderr()
            );
        }
    }
    let path = run(dir.path(), &["path", "--file", "team.ron"]);
    assert!(
        path.stdout()
            .contains("a FIFO (named pipe), not a team file"),
        "{}",
        path.stdout()
    );
}

// ---------------------------------------------------------------------------
// 19. A dangling symlink is called what it is

#[test]
fn a_dangling_symlink_is_named_everywhere_and_init_creates_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = fs::canonicalize(dir.path()).unwrap();
    fs::create_dir(real.join("dotfiles")).unwrap();
    let target = real.join("dotfiles/team.ron");
    symlink(&target, real.join("team.ron")).unwrap();
    let said = format!(
        "is a symbolic link to {}, which does not exist",
        target.display()
    );
    let path = run(dir.path(), &["path", "--file", "team.ron"]);
    assert!(
        path.stdout().contains(&format!(
            "a symbolic link to {}, which does not exist",
            target.display()
        )),
        "{}",
        path.stdout()
    );
    for args in [
        vec!["check", "--file", "team.ron"],
        vec!["plan", "--apply", "--file", "team.ron"],
    ] {
        let run = run(dir.path(), &args);
        assert_eq!(run.code(), 2);
        assert!(run.stderr().contains(&said), "{args:?}: {}", run.stderr());
    }
    let mut app = Session::start(&real.join("team.ron"), dir.path());
    app.wait_for("which does not exist");
    assert_eq!(app.wait_exit(), 2);

    // `init` creates the target through the link (dotfile managers do this).
    let init = run(dir.path(), &["init", "--file", "team.ron"]);
    assert_eq!(init.code(), 0, "{}", init.stderr());
    assert!(
        init.stderr().contains(&target.display().to_string()),
        "{}",
        init.stderr()
    );
    assert!(
        fs::symlink_metadata(real.join("team.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), SAMPLE_RON);
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let again = run(dir.path(), &["init", "--file", "team.ron"]);
    assert_eq!(again.code(), 2);
    assert!(
        again.stderr().contains("already there"),
        "{}",
        again.stderr()
    );
}

// ---------------------------------------------------------------------------
// 21. Messages that fit how the file was chosen; `path` absolute

#[test]
fn a_missing_file_message_fits_how_the_file_was_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let flag = run(dir.path(), &["check", "--file", "missing.ron"]);
    assert_eq!(flag.code(), 2);
    assert!(
        flag.stderr()
            .contains("missing.ron: no such file (given with --file)"),
        "{}",
        flag.stderr()
    );
    assert!(!flag.stderr().contains("pass --file"), "{}", flag.stderr());
    assert!(
        flag.stderr().contains("handover init --file missing.ron"),
        "{}",
        flag.stderr()
    );

    let env = Run(handover(dir.path())
        .env("HANDOVER_FILE", "gone.ron")
        .args(["agenda", "Amina Diallo"])
        .output()
        .unwrap());
    assert_eq!(env.code(), 2);
    assert!(env.stderr().contains("$HANDOVER_FILE"), "{}", env.stderr());
    assert!(!env.stderr().contains("pass --file"), "{}", env.stderr());

    let default = run(dir.path(), &["plan"]);
    assert_eq!(default.code(), 2);
    assert!(
        default.stderr().contains("no team file yet"),
        "{}",
        default.stderr()
    );
    assert!(
        default.stderr().contains("pass --file PATH"),
        "{}",
        default.stderr()
    );
}

#[test]
fn path_prints_the_file_absolute() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let run = run(&dir.path().join("sub"), &["path", "--file", "../rel.ron"]);
    let first = run.stdout().lines().next().unwrap().to_string();
    assert!(Path::new(&first).is_absolute(), "{first}");
    assert!(first.ends_with("rel.ron"), "{first}");
}
