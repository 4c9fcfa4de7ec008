use std::io::Write;
use std::process::ExitCode;

use super::Outcome;
use crate::demo::generate;
use crate::store::to_ron;

/// `handover demo`: a synthetic team as RON on stdout.
pub fn run(people: usize, missions: usize, seed: u64, out: &mut dyn Write) -> Outcome {
    out.write_all(to_ron(&generate(people, missions, seed)).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
