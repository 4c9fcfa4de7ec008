//! Any bytes given to the loader: a team or a clean refusal, never a panic
//! or a hang; and an accepted team saves and loads back unchanged.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(team) = handover::store::parse(bytes, Path::new("fuzz.ron")) {
        let text = handover::store::to_ron(&team);
        let again = handover::store::parse(text.as_bytes(), Path::new("again.ron"))
            .expect("an accepted team reloads");
        assert_eq!(again, team);
    }
});
