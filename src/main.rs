use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use handover::cli::{Cli, Command};
use handover::commands::{self, Failure, style::Paint};
use handover::store;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(failure) => {
            let label = if io::stderr().is_terminal() && !handover::color::no_color() {
                let style = anstyle::AnsiColor::Red.on_default().bold();
                format!("{}error:{}", style.render(), style.render_reset())
            } else {
                "error:".to_string()
            };
            let _ = writeln!(io::stderr(), "{label} {failure}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let stdout = io::stdout();
    // A reader that goes away (`| head`) never changes the exit status.
    let mut out = commands::Output::new(stdout.lock());
    let data = || store::resolve(cli.file.as_deref()).map_err(Failure);
    // Only the commands that depend on the date read it (`commands::today`):
    // a bad $HANDOVER_TODAY never stops `path` or `export`.
    match cli.command {
        None => Ok(handover::tui::run(&data()?, cli.mouse)?),
        Some(Command::Path) => commands::path::run(&data()?, &mut out),
        Some(Command::Init { empty }) => commands::init::run(&data()?, empty, &mut io::stderr()),
        Some(Command::Check { json }) => {
            let team = commands::load_team(&data()?)?;
            commands::check::run(
                &team,
                json,
                commands::today()?,
                Paint::for_stdout(),
                &mut out,
            )
        }
        Some(Command::Week { json }) => {
            let team = commands::load_team(&data()?)?;
            commands::week::run(
                &team,
                json,
                commands::today()?,
                Paint::for_stdout(),
                &mut out,
            )
        }
        Some(Command::Agenda {
            person,
            out: file,
            force,
        }) => {
            let today = commands::today()?;
            let data = data()?;
            let team = commands::load_team(&data)?;
            commands::agenda::run(
                &team,
                &data.path,
                &person,
                file.as_deref(),
                force,
                today,
                &mut out,
                &mut io::stderr(),
            )
        }
        Some(Command::Whatif { without, json }) => {
            let team = commands::load_team(&data()?)?;
            commands::whatif::run(&team, &without, json, Paint::for_stdout(), &mut out)
        }
        Some(Command::Plan { json, apply }) => commands::plan::run(
            &data()?,
            json,
            apply,
            Paint::for_stdout(),
            &mut out,
            &mut io::stderr(),
        ),
        Some(Command::Import {
            csv,
            add_people,
            dry_run,
        }) => {
            let options = commands::csv::ImportOptions {
                add_people,
                dry_run,
            };
            commands::csv::import(&data()?.path, &csv, options, commands::today()?, &mut out)
        }
        Some(Command::Export {
            out: file, force, ..
        }) => {
            let data = data()?;
            let team = commands::load_team(&data)?;
            commands::csv::export(
                &team,
                &data.path,
                file.as_deref(),
                force,
                &mut out,
                &mut io::stderr(),
            )
        }
        Some(Command::Demo {
            people,
            missions,
            seed,
        }) => commands::demo::run(
            people,
            missions,
            seed,
            commands::today()?,
            cli.file.as_deref(),
            &mut out,
            &mut io::stderr(),
        ),
        Some(Command::Completions { shell }) => commands::completions::run(shell, &mut out),
        Some(Command::Man) => commands::completions::man(&mut out),
        Some(Command::Names) => {
            let team = commands::load_team(&data()?)?;
            commands::completions::names(&team, &mut out)
        }
    }
}
