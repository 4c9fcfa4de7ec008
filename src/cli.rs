//! The command line: one enum of commands; doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Check what makes delegation autonomy rather than abandonment: a clear
/// goal, the skills (or a colleague to pair with), the tools. Run without a
/// command to open the planner.
#[derive(Debug, Parser)]
#[command(name = "handover", version, max_term_width = 100)]
pub struct Cli {
    /// The team file. Default: $HANDOVER_FILE, then team.ron in your data directory.
    #[arg(long, short = 'f', global = true, value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Turn the mouse on in the planner: click a tab or a row, scroll with
    /// the wheel (selecting text then takes Shift in most terminals). Also
    /// `mouse: true` in config.ron.
    #[arg(long)]
    pub mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the team file in use and whether it exists.
    Path,
    /// Write the sample team to the team file, to try handover, or with
    /// --empty a team with nobody in it, to start your own. Never overwrites.
    Init {
        /// Start a team with nobody in it instead of the sample.
        #[arg(long)]
        empty: bool,
    },
    /// Check every mission: can it be handed over, and what is missing?
    ///
    /// Exits 0 when no active mission is blocked, at risk or unassigned, 1 when
    /// one is, and 2 when the file cannot be read.
    Check {
        /// Print the analysis as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What needs you this week: one-on-ones due, missions late or due within
    /// 14 days, check-ins due, open action items, missions handed over at risk.
    ///
    /// Most urgent first in each group; empty groups are left out. Dates
    /// count from today, or $HANDOVER_TODAY when set. Exits 0, or 2 when the
    /// file cannot be read.
    Week {
        /// Print the week as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What if someone leaves: the missions whose verdict changes, the skills
    /// that become single points of knowledge, and the plan for the missions
    /// they leave. Changes nothing.
    Whatif {
        /// The person who leaves (any case, accents aside).
        #[arg(long, value_name = "PERSON")]
        without: String,
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a one-on-one agenda for a person, as Markdown.
    Agenda {
        /// The person's name (any case).
        person: String,
        /// Write the agenda to this file (0600) instead of printing it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// With --out: replace the file if it exists.
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Propose owners for every unassigned mission and mentors for every uncovered gap.
    ///
    /// Owners are placed optimally: as many missions as capacity allows, at
    /// the lowest total cost (Σ gap² + 2 × missing tools), no one above capacity.
    Plan {
        /// Print the plan as JSON.
        #[arg(long)]
        json: bool,
        /// Write the proposals into the team file (atomically, keeping a backup).
        #[arg(long)]
        apply: bool,
    },
    /// Merge a skills matrix from a CSV file: `person,skill,level` rows, or one
    /// row per person and one column per skill.
    ///
    /// People are matched by name ignoring case and spaces, and accents too
    /// when that leaves one person; a name that matches nobody is refused
    /// with a "did you mean" unless --add-people is given. A skill spelt
    /// differently from one the team has takes the team's spelling. A file
    /// with any bad row changes nothing.
    Import {
        /// The CSV file.
        csv: PathBuf,
        /// Add the people of the CSV that the team does not have yet.
        #[arg(long)]
        add_people: bool,
        /// Show what the import would change, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the skills matrix as CSV (`person,skill,level`, sorted).
    Export {
        /// CSV is the one format.
        #[arg(long, required = true)]
        csv: bool,
        /// Write to this file (0600) instead of printing it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// With --out: replace the file if it exists.
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Print a realistic synthetic team as RON, for trying handover at scale.
    ///
    /// Dated around today ($HANDOVER_TODAY when set): nothing that has happened
    /// is later. With --file the team is written there (never over an
    /// existing file) instead of printed.
    Demo {
        /// How many people (at least 1).
        #[arg(long, value_name = "N")]
        people: usize,
        /// How many missions.
        #[arg(long, value_name = "M")]
        missions: usize,
        /// The same seed always gives the same team.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell). In
    /// bash, zsh and fish, `agenda` and `whatif --without` also complete
    /// the names of your team's people.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `handover man > handover.1`.
    Man,
    /// The names of the team's people, one per line (for completions).
    #[command(hide = true)]
    Names,
}
