//! The saver thread: changes written in order, together, and never over
//! another program's file.

use std::sync::atomic::Ordering;

use handover::store::{self, SaveError};
use handover::tui::saver::Saver;

#[test]
fn changes_are_written_in_order_and_together() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    let team = handover::sample::team();
    let saver = Saver::start(path.clone(), team.clone(), None);
    let mut mine = team.clone();
    for i in 0..20 {
        let mut p = mine.people[0].clone();
        p.capacity = i;
        let change = handover::edit::update_person(&mine, 0, p, "2026-11-28".parse().unwrap());
        change.apply(&mut mine);
        saver.apply(change);
    }
    let pending = saver.pending();
    let written = saver.finish();
    assert_eq!(pending.load(Ordering::SeqCst), 0, "nothing left on its way");
    assert_eq!(written.iter().map(|w| w.changes).sum::<usize>(), 20);
    assert!(written.iter().all(|w| w.result.is_ok()));
    assert_eq!(store::load(&path).unwrap().team, mine);
}

#[test]
fn after_a_conflict_nothing_is_written_until_a_reset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    let baseline = store::create_new(&path, &handover::sample::team()).unwrap();
    std::fs::write(&path, "theirs").unwrap();
    let team = handover::sample::team();
    let saver = Saver::start(path.clone(), team.clone(), Some(baseline));
    let change = handover::edit::set_owner(&team, 8, Some(0));
    saver.apply(change.clone());
    std::thread::sleep(std::time::Duration::from_millis(200));
    saver.apply(change);
    let written = saver.finish();
    assert!(matches!(
        written[0].result,
        Err(SaveError::ChangedOnDisk(_))
    ));
    assert_eq!(written.len(), 1, "halted after the conflict");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
}
