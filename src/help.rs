//! The parts of the help and of command-line errors that clap writes itself
//! (headings, the help flag and subcommand, the errors' sentences), in the
//! language of the message catalogue.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use baocao::t;

/// `cmd` with clap's own words in the current language. Builds it first, so
/// the help flag, version flag and help subcommand clap adds exist to be
/// changed.
pub fn localise(mut cmd: Command) -> Command {
    cmd.build();
    localise_built(cmd)
}

fn localise_built(cmd: Command) -> Command {
    let positionals = cmd.get_positionals().any(|a| !a.is_hide_set());
    let options = cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set());
    let commands = cmd.has_subcommands();
    let mut template = String::from("{before-help}{about-with-newline}\n");
    template.push_str(&format!("{} {{usage}}", t!("help-usage")));
    if commands {
        template.push_str(&format!("\n\n{}\n{{subcommands}}", t!("help-commands")));
    }
    if positionals {
        template.push_str(&format!("\n\n{}\n{{positionals}}", t!("help-arguments")));
    }
    if options {
        template.push_str(&format!("\n\n{}\n{{options}}", t!("help-options")));
    }
    template.push_str("{after-help}");
    let has_help = cmd.get_arguments().any(|a| a.get_id() == "help");
    let has_version = cmd.get_arguments().any(|a| a.get_id() == "version");
    let long = cmd.get_long_about().is_some()
        || cmd
            .get_arguments()
            .any(|a| a.get_long_help().is_some() && a.get_id() != "help");
    let mut cmd = cmd.help_template(template);
    if has_help {
        cmd = cmd.mut_arg("help", |a| match long {
            true => a
                .help(t!("help-flag-short"))
                .long_help(t!("help-flag-long")),
            false => a.help(t!("help-flag")),
        });
    }
    if has_version {
        cmd = cmd.mut_arg("version", |a| a.help(t!("help-version-flag")));
    }
    let has_help_command = cmd.get_subcommands().any(|c| c.get_name() == "help");
    if has_help_command {
        cmd = cmd.mut_subcommand("help", |c| {
            let c = c.about(t!("help-command"));
            let has_arg = c.get_arguments().any(|a| a.get_id() == "subcommand");
            match has_arg {
                true => c.mut_arg("subcommand", |a| a.help(t!("help-command-arg"))),
                false => c,
            }
        });
    }
    cmd.mut_subcommands(localise_built)
}

/// Prints a command-line error (or the help or version asked for) and ends
/// the process with clap's exit code.
pub fn exit(e: clap::Error) -> ! {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
        _ => {
            eprint!("{}", render(&e));
            std::process::exit(e.exit_code())
        }
    }
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

/// The error in words of the catalogue; a kind not named here keeps
/// clap's own sentence.
fn render(e: &clap::Error) -> String {
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
    let source = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let sentence = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => t!("clap-value-missing", arg = arg),
        ErrorKind::InvalidValue => t!(
            "clap-invalid-value",
            arg = arg,
            value = value,
            valid = text(e, ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => {
            t!("clap-bad-value", arg = arg, value = value, reason = source)
        }
        ErrorKind::UnknownArgument => t!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            "clap-unknown-command",
            command = text(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => t!("clap-missing-argument", arg = arg),
        ErrorKind::ArgumentConflict => t!(
            "clap-conflict",
            arg = arg,
            other = text(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => t!("clap-too-many", arg = arg, value = value),
        _ => {
            // clap's own sentence, after its "error: ".
            let own = e.render().to_string();
            let first = own.lines().next().unwrap_or("").to_string();
            first
                .strip_prefix("error: ")
                .map(str::to_string)
                .unwrap_or(first)
        }
    };
    let mut out = format!("{}: {sentence}\n", t!("error"));
    let suggested = text(e, ContextKind::SuggestedSubcommand)
        .or_else(|| text(e, ContextKind::SuggestedArg))
        .or_else(|| text(e, ContextKind::SuggestedValue));
    if let Some(s) = suggested {
        out.push_str(&format!("\n  {}\n", t!("clap-did-you-mean", value = s)));
    }
    if let Some(usage) = text(e, ContextKind::Usage) {
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n{} {usage}\n", t!("help-usage")));
    }
    out.push_str(&format!("\n{}\n", t!("clap-try-help")));
    out
}
