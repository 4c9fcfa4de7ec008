//! `handover completions SHELL` and `handover man`: generated from the
//! clap definitions (`cli.rs`), so they never drift from `--help`. In bash,
//! zsh and fish, `agenda PERSON` and `whatif --without PERSON` complete the
//! team's names, asked of `handover names` when the shell completes.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Failure, Outcome};
use crate::cli::Cli;
use crate::model::Team;

/// The completion script for `shell`.
pub fn run(shell: Shell, out: &mut dyn Write) -> Outcome {
    out.write_all(script(shell)?.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The script clap writes, with the people's names added where the shell
/// lets a script ask a command.
pub fn script(shell: Shell) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "handover", &mut bytes);
    let mut text = String::from_utf8(bytes).map_err(|e| Failure(e.to_string()))?;
    match shell {
        Shell::Bash => text.push_str(BASH_PEOPLE),
        Shell::Fish => text.push_str(FISH_PEOPLE),
        Shell::Zsh => {
            // `agenda`'s person and `whatif --without` complete from the team.
            text = text
                .lines()
                .map(|line| {
                    if line.contains(":person -- ") || line.starts_with("'--without=") {
                        line.replacen(":_default'", ":_handover_people'", 1)
                    } else {
                        line.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n";
            text = text.replacen(
                "#compdef handover\n",
                &format!("#compdef handover\n{ZSH_PEOPLE}"),
                1,
            );
        }
        _ => {}
    }
    Ok(text)
}

/// `handover man`: the man page, as roff.
pub fn man(out: &mut dyn Write) -> Outcome {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(ExitCode::SUCCESS)
}

/// `handover names`: the people of the team, one per line.
pub fn names(team: &Team, out: &mut dyn Write) -> Outcome {
    for person in &team.people {
        // A name never holds a line break (the loader refuses control
        // characters), so one per line reads back whole.
        writeln!(out, "{}", person.name)?;
    }
    Ok(ExitCode::SUCCESS)
}

const BASH_PEOPLE: &str = r#"
# The team's people for `agenda` and `whatif --without` (handover names).
_handover_with_people() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ "$prev" == "--without" || ( "${COMP_WORDS[1]}" == "agenda" && $COMP_CWORD -eq 2 ) ]]; then
        local IFS=$'\n' name
        COMPREPLY=()
        for name in $(compgen -W "$(handover names 2>/dev/null)" -- "${cur//\\/}"); do
            COMPREPLY+=("$(printf '%q' "$name")")
        done
        return 0
    fi
    _handover "$@"
}
complete -F _handover_with_people -o bashdefault -o default handover
"#;

const FISH_PEOPLE: &str = r#"
# The team's people for `agenda` and `whatif --without` (handover names).
complete -c handover -n "__fish_seen_subcommand_from agenda" -f -a "(handover names 2>/dev/null)"
complete -c handover -n "__fish_seen_subcommand_from whatif" -l without -f -a "(handover names 2>/dev/null)"
"#;

const ZSH_PEOPLE: &str = r#"# The team's people for `agenda` and `whatif --without` (handover names).
_handover_people() {
    local -a names
    names=("${(@f)$(handover names 2>/dev/null)}")
    compadd -a names
}
"#;
