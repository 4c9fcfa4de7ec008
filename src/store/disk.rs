//! Whether the team file on disk is still the one the app holds: looked at
//! now and then, so another program's change is noticed by itself.

use std::path::Path;

use super::Baseline;

/// What the team file is now, compared with what was loaded or last saved.
#[derive(Debug, PartialEq, Eq)]
pub enum OnDisk {
    Same,
    /// Touched (a new time) but the very same bytes: the new baseline.
    Touched(Baseline),
    /// Written, replaced or deleted by someone else; or, with no baseline,
    /// a file that appeared.
    Changed,
}

/// Compares the file with `baseline` (None: there was no file). Reads it
/// only when its size or time differ.
pub fn check_on_disk(path: &Path, baseline: Option<&Baseline>) -> OnDisk {
    let meta = std::fs::metadata(path);
    match (meta, baseline) {
        (Err(_), None) => OnDisk::Same,
        (Ok(_), None) | (Err(_), Some(_)) => OnDisk::Changed,
        (Ok(meta), Some(baseline)) if !baseline.differs_from(&meta) => OnDisk::Same,
        (Ok(_), Some(baseline)) => match std::fs::File::open(path) {
            Ok(mut file) => {
                let Ok(meta) = file.metadata() else {
                    return OnDisk::Changed;
                };
                let mut bytes = Vec::with_capacity(meta.len() as usize);
                if std::io::Read::read_to_end(&mut file, &mut bytes).is_err() {
                    return OnDisk::Changed;
                }
                if baseline.same_bytes(&bytes) {
                    OnDisk::Touched(Baseline::of(&bytes, &meta))
                } else {
                    OnDisk::Changed
                }
            }
            Err(_) => OnDisk::Changed,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_write_a_touch_and_a_deletion_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.ron");
        assert_eq!(check_on_disk(&path, None), OnDisk::Same);
        let baseline = super::super::create_new(&path, &crate::sample::team()).unwrap();
        assert_eq!(
            check_on_disk(&path, None),
            OnDisk::Changed,
            "a file appeared"
        );
        assert_eq!(check_on_disk(&path, Some(&baseline)), OnDisk::Same);
        // The same bytes with a new time.
        let bytes = std::fs::read(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(
            check_on_disk(&path, Some(&baseline)),
            OnDisk::Touched(_)
        ));
        std::fs::write(&path, "theirs").unwrap();
        assert_eq!(check_on_disk(&path, Some(&baseline)), OnDisk::Changed);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(check_on_disk(&path, Some(&baseline)), OnDisk::Changed);
    }
}
