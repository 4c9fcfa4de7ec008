//! The recovery file: what the app had not saved when it stopped — changes
//! not on disk yet, text being typed — kept beside the team file
//! (`team.recovery.ron`, 0600) for the next start to offer. It names the
//! version of the team file the work was based on, so that restoring it
//! onto a file that changed since is seen as the conflict it is.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{SaveError, recovery_path, write_private_new};
use crate::model::Team;

/// A file's contents, identified by their size and a hash that stays the
/// same from one run (and one version of handover) to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub len: u64,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        Fingerprint {
            len: bytes.len() as u64,
            hash: content_hash(bytes),
        }
    }
}

/// A 64-bit hash of a file's bytes, eight at a time (the multiply-rotate
/// step of FxHash, with its constant): fast on a 10 MB team file, and fixed
/// here for good — std's hasher may change between Rust releases, and a
/// recovery file names a file version by it.
pub(super) fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    let mut hash = chunks.by_ref().fold(0, |hash, chunk| {
        step(
            hash,
            u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
        )
    });
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    hash = step(hash, u64::from_le_bytes(tail));
    step(hash, bytes.len() as u64)
}

/// What the unsaved work was based on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Base {
    /// The team file did not exist yet (the sample team was shown).
    NoFile,
    /// The team file with these contents.
    File(Fingerprint),
    /// Not known (a recovery file written by an earlier handover).
    Unknown,
}

/// Text being typed when the app stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Draft {
    /// A one-on-one entry.
    Entry {
        person: String,
        date: String,
        note: String,
        actions: Vec<String>,
        /// The file $EDITOR was writing the note in, if it was open.
        #[serde(default)]
        editor_file: Option<PathBuf>,
    },
    /// An add or edit form: each field's label and text.
    Form {
        of: FormOf,
        fields: Vec<(String, String)>,
    },
}

/// What a form draft adds or edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormOf {
    NewMission,
    /// The mission of this title.
    Mission(String),
    NewPerson,
    /// The person of this name.
    Person(String),
}

/// Everything a recovery file holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    pub based_on: Base,
    /// The whole team with the changes that did not reach the file, if any.
    #[serde(default)]
    pub team: Option<Team>,
    #[serde(default)]
    pub drafts: Vec<Draft>,
}

/// The fingerprint of the team file as it is on disk now (`NoFile` when
/// there is none).
pub fn base_now(team_file: &Path) -> Result<Base, String> {
    match fs::read(team_file) {
        Ok(bytes) => Ok(Base::File(Fingerprint::of(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Base::NoFile),
        Err(e) => Err(format!("{}: cannot read it: {e}", team_file.display())),
    }
}

/// Whether the team file holds exactly this team (as handover writes it).
pub fn holds(team_file: &Path, team: &Team) -> bool {
    fs::read(team_file).is_ok_and(|bytes| bytes == super::to_ron(team).as_bytes())
}

/// Writes the recovery file (0600). One already there on the same base
/// gains this one's drafts (and its team, when it has one); any other is
/// set aside first: never overwritten.
pub fn write_recovery(team_file: &Path, recovery: &Recovery) -> Result<PathBuf, String> {
    let path = recovery_path(team_file);
    let mut recovery = recovery.clone();
    let mut replace = false;
    if fs::symlink_metadata(&path).is_ok() {
        match find_recovery(team_file) {
            Some(Ok((_, earlier))) if earlier.based_on == recovery.based_on => {
                let mut drafts = earlier.drafts;
                drafts.append(&mut recovery.drafts);
                recovery.drafts = drafts;
                recovery.team = recovery.team.or(earlier.team);
                replace = true;
            }
            _ => {
                set_aside(&path)?;
            }
        }
    }
    let text = ron::ser::to_string_pretty(&recovery, ron::ser::PrettyConfig::default())
        .map_err(|e| format!("cannot write the recovery file: {e}"))?;
    let text = format!(
        "// Work handover had not saved when it stopped. Open handover on\n\
         // {} to restore it.\n{text}\n",
        team_file.display()
    );
    write_private_new(&path, text.as_bytes(), replace)
        .map(|_| path)
        .map_err(|e| e.to_string())
}

/// A recovery file left by an earlier stop, if there is one: its path and
/// what it holds, or why it cannot be read.
pub fn find_recovery(team_file: &Path) -> Option<Result<(PathBuf, Recovery), String>> {
    let path = recovery_path(team_file);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(Err(format!("{}: cannot read it: {e}", path.display()))),
    };
    Some(parse_recovery(&bytes, &path).map(|r| (path, r)))
}

fn parse_recovery(bytes: &[u8], path: &Path) -> Result<Recovery, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))?;
    if let Ok(recovery) = ron::Options::default().from_str::<Recovery>(text) {
        if let Some(team) = &recovery.team
            && let Some(problem) = crate::model::validate::validate(team).first()
        {
            return Err(format!(
                "{}: {} {}",
                path.display(),
                problem.subject,
                problem.message
            ));
        }
        return Ok(recovery);
    }
    // An earlier handover kept the whole team, and not what it was based on.
    match super::parse(bytes, path) {
        Ok(team) => Ok(Recovery {
            based_on: Base::Unknown,
            team: Some(team),
            drafts: Vec::new(),
        }),
        Err(problems) => Err(problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_else(|| format!("{}: not a recovery file", path.display()))),
    }
}

/// Moves a file out of the way once dealt with, keeping it under a name
/// with the time (and a number, should that name be taken too).
pub fn set_aside(path: &Path) -> Result<PathBuf, String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stamp = jiff::ZonedDateTime::now()
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let aside = (0..1000)
        .map(|n| match n {
            0 => path.with_file_name(format!("{name}.{stamp}")),
            n => path.with_file_name(format!("{name}.{stamp}-{n}")),
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .ok_or_else(|| format!("{}: no free name to set it aside", path.display()))?;
    fs::rename(path, &aside)
        .map(|()| aside)
        .map_err(|e| format!("{}: cannot set it aside: {e}", path.display()))
}

/// Keeps the app's version of the team beside the file, as
/// `team.mine-<time>.ron` (a number added should that name be taken):
/// never over another file.
pub fn keep_aside(team_file: &Path, team: &Team) -> Result<PathBuf, String> {
    let stem = team_file.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = jiff::ZonedDateTime::now()
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let text = super::to_ron(team);
    let mut last = String::new();
    for n in 0..100 {
        let name = match n {
            0 => format!("{stem}.mine-{stamp}.ron"),
            n => format!("{stem}.mine-{stamp}-{n}.ron"),
        };
        let kept = team_file.with_file_name(name);
        match write_private_new(&kept, text.as_bytes(), false) {
            Ok(_) => return Ok(kept),
            Err(SaveError::Exists(_)) => continue,
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_fingerprint_is_fixed_for_good() {
        // Pinned: a hash that changed would make every recovery file look
        // like a conflict.
        assert_eq!(content_hash(b""), 0);
        assert_eq!(content_hash(b"a"), 0x7fb9_150e_5f1b_3601);
        assert_eq!(content_hash(b"handover team file"), 0x8399_ab64_683a_224a);
        assert_ne!(content_hash(b"ab"), content_hash(b"ba"));
        assert_ne!(
            content_hash(b"a"),
            content_hash(b"a\0"),
            "the length counts"
        );
        assert_eq!(Fingerprint::of(b"a").len, 1);
    }

    #[test]
    fn a_recovery_round_trips_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        let recovery = Recovery {
            based_on: Base::File(Fingerprint::of(b"x")),
            team: Some(crate::sample::team()),
            drafts: vec![Draft::Entry {
                person: "Amina Diallo".into(),
                date: "2026-11-28".into(),
                note: "Half \"written\"\nthoughts".into(),
                actions: vec!["Book a slot".into()],
                editor_file: None,
            }],
        };
        let path = write_recovery(&file, &recovery).unwrap();
        assert_eq!(path, dir.path().join("team.recovery.ron"));
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let (found, read) = find_recovery(&file).unwrap().unwrap();
        assert_eq!((found, read), (path, recovery));
    }

    #[test]
    fn an_earlier_recovery_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        fs::write(recovery_path(&file), "the first").unwrap();
        let recovery = Recovery {
            based_on: Base::NoFile,
            team: None,
            drafts: Vec::new(),
        };
        write_recovery(&file, &recovery).unwrap();
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let aside = names
            .iter()
            .find(|n| n.starts_with("team.recovery.ron."))
            .expect("the first one kept");
        assert_eq!(
            fs::read_to_string(dir.path().join(aside)).unwrap(),
            "the first"
        );
    }

    #[test]
    fn drafts_on_the_same_base_are_gathered_in_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        let draft = |note: &str| Recovery {
            based_on: Base::NoFile,
            team: None,
            drafts: vec![Draft::Form {
                of: FormOf::NewPerson,
                fields: vec![("Name".into(), note.into())],
            }],
        };
        write_recovery(&file, &draft("first")).unwrap();
        write_recovery(&file, &draft("second")).unwrap();
        let (_, both) = find_recovery(&file).unwrap().unwrap();
        assert_eq!(both.drafts.len(), 2);
        assert_eq!(both.drafts[0], draft("first").drafts[0]);
    }

    #[test]
    fn a_team_file_from_an_earlier_handover_is_read_with_an_unknown_base() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        fs::write(recovery_path(&file), crate::sample::SAMPLE_RON).unwrap();
        let (_, recovery) = find_recovery(&file).unwrap().unwrap();
        assert_eq!(recovery.based_on, Base::Unknown);
        assert_eq!(recovery.team, Some(crate::sample::team()));
    }

    #[test]
    fn keeping_aside_twice_in_a_second_keeps_both() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("team.ron");
        let first = keep_aside(&file, &crate::sample::team()).unwrap();
        let second = keep_aside(&file, &Team::default()).unwrap();
        assert_ne!(first, second);
        assert!(first.exists() && second.exists());
    }
}
