//! Crash safety: the process is killed (SIGKILL) at random moments while it
//! saves, hundreds of times, and the team file is always the old version or
//! the new one — never half — and the backup always loads.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use handover::model::Team;
use handover::store;

/// A small deterministic random source (no dependency for one test).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn imported(team: &Team, csv: &str) -> Team {
    let levels = handover::skills_csv::parse(csv.as_bytes()).unwrap();
    let (change, _) =
        handover::skills_csv::merge(team, &levels, true, "2026-11-28".parse().unwrap()).unwrap();
    let mut after = team.clone();
    change.apply(&mut after);
    after
}

/// A save is under way: its temporary file is in the folder.
fn saving(dir: &Path) -> bool {
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(".handover-"))
        })
        .unwrap_or(false)
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    let team = handover::demo::generate(600, 600, 5);
    store::create_new(&path, &team).unwrap();
    let who = team.people[0].name.clone();
    let csvs = [
        format!("person,skill,level\n{who},rust,1\n"),
        format!("person,skill,level\n{who},rust,2\n"),
    ];
    for (i, csv) in csvs.iter().enumerate() {
        fs::write(dir.path().join(format!("{i}.csv")), csv).unwrap();
    }
    // How long one import takes here, and its save: kills land across both.
    let start = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_handover"))
        .args(["import", "0.csv", "--file", "team.ron"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() && !saving(dir.path()) {}
    let save_start = std::time::Instant::now();
    assert!(child.wait().unwrap().success());
    let span = (start.elapsed().as_micros() as u64 * 13 / 10).max(1_000);
    let save_span = (save_start.elapsed().as_micros() as u64 * 13 / 10).max(1_000);
    let team = store::load(&path).unwrap().team;
    let mut random = Lcg(42);
    let mut current = team;
    let (mut killed, mut finished) = (0, 0);
    for round in 0..200 {
        let i = (round + 1) % 2;
        let next = imported(&current, &csvs[i]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_handover"))
            .args(["import", &format!("{i}.csv"), "--file", "team.ron"])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Half the kills land anywhere in the run; half wait for a save to
        // start (its temporary file appears) and land within it.
        if round % 2 == 0 {
            std::thread::sleep(Duration::from_micros(random.below(span)));
        } else {
            while child.try_wait().unwrap().is_none() && !saving(dir.path()) {}
            std::thread::sleep(Duration::from_micros(random.below(save_span)));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        } else {
            finished += 1;
        }
        child.wait().unwrap();
        let on_disk = store::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"))
            .team;
        assert!(
            on_disk == current || on_disk == next,
            "round {round}: the file is neither the old nor the new team"
        );
        if let Ok(bytes) = fs::read(store::backup_path(&path)) {
            assert!(
                store::parse(&bytes, Path::new("team.ron.bak")).is_ok(),
                "round {round}: the backup does not load"
            );
        }
        current = on_disk;
    }
    // Both outcomes happened, so kills landed before, during and after saves.
    assert!(
        killed > 20 && finished > 5,
        "killed {killed}, finished {finished}"
    );
}
