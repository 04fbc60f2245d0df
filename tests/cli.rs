//! The command line for people: help that lists the choices, completions and
//! the man page from the same definitions, `init`, and the organisation
//! profile found without `--org`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// baocao in `dir` with the user's configuration folder at `config`.
fn baocao_with_config(dir: &Path, config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(["--lang", "en"])
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", config)
        .output()
        .unwrap()
}

#[test]
fn each_command_help_lists_its_choices_and_examples() {
    let dir = tempdir();
    let kinds = [
        "year-end",
        "mid-term",
        "quarterly",
        "congress",
        "resolution",
    ];
    for cmd in ["inspect", "build", "preview"] {
        let help = text(&baocao(dir.path(), &[cmd, "--help"]));
        for k in kinds {
            assert!(help.contains(k), "{cmd} --help lacks {k}:\n{help}");
        }
        assert!(help.contains("Examples:\n  baocao "), "{cmd}:\n{help}");
    }
    for cmd in ["year-end", "congress", "build", "preview"] {
        let help = text(&baocao(dir.path(), &[cmd, "--help"]));
        // The built-in formats, the profile's keys and where it is found.
        assert!(help.contains("party-2018 (default)"), "{cmd}:\n{help}");
        assert!(help.contains("party-2026"), "{cmd}:\n{help}");
        for key in [
            "superior",
            "issuer",
            "signer (authority, title, name)",
            "recipients",
            "filing",
        ] {
            assert!(help.contains(key), "{cmd} --help lacks {key}:\n{help}");
        }
        assert!(help.contains("./baocao.yaml"), "{cmd}:\n{help}");
        let examples = help.split("Examples:").nth(1).unwrap();
        assert!(
            examples
                .lines()
                .filter(|l| l.trim_start().starts_with("baocao "))
                .count()
                >= 2
        );
    }
    // A kind that is not one is refused with the list.
    let o = baocao(dir.path(), &["inspect", "x.txt", "--kind", "yearly"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("year-end"), "{}", text(&o));
}

#[test]
fn bash_completions_are_a_script_bash_accepts() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["completions", "bash"]);
    assert!(o.status.success());
    let script = dir.path().join("baocao.bash");
    std::fs::write(&script, &o.stdout).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", text(&check));
    let s = String::from_utf8_lossy(&o.stdout);
    // Subcommands and the kinds of --kind, from the clap definitions.
    for word in ["year-end", "preview", "completions", "--kind", "quarterly"] {
        assert!(s.contains(word), "no {word} in the bash script");
    }
    // Sourced, it completes the first word.
    let probe = format!(
        "source {}; COMP_WORDS=(baocao pre); COMP_CWORD=1; _baocao baocao pre baocao; echo \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let o = Command::new("bash").arg("-c").arg(probe).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "preview",
        "{}",
        text(&o)
    );
    for shell in ["zsh", "fish", "powershell"] {
        let o = baocao(dir.path(), &["completions", shell]);
        assert!(o.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("year-end"),
            "{shell}"
        );
    }
}

#[test]
fn the_man_page_renders_with_man() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["man"]);
    assert!(o.status.success());
    let page = dir.path().join("baocao.1");
    std::fs::write(&page, &o.stdout).unwrap();
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with(".ie"),
        "not roff"
    );
    if !tool("man") {
        return;
    }
    let o = Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(&page)
        .env("MANWIDTH", "100")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let shown = String::from_utf8_lossy(&o.stdout);
    for word in [
        "NAME",
        "SYNOPSIS",
        "baocao",
        "year-end",
        "preview",
        "Examples:",
    ] {
        assert!(shown.contains(word), "no {word} in:\n{shown}");
    }
}

#[test]
fn init_writes_a_commented_profile_once() {
    let dir = tempdir();
    let o = baocao(dir.path(), &["init"]);
    assert!(o.status.success(), "{}", text(&o));
    let path = dir.path().join("baocao.yaml");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, baocao::org::STARTER);
    assert!(written.contains("# Cấp ủy ban hành báo cáo"), "{written}");
    let org = baocao::org::Org::parse("baocao.yaml", &written).unwrap();
    assert_eq!((org.issuer, org.number), (None, None));

    // A second init leaves the filled-in file alone.
    std::fs::write(&path, "issuer: ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG\n").unwrap();
    let o = baocao(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("already exists"), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "issuer: ĐẢNG ỦY PHƯỜNG PHÚC ĐỒNG\n"
    );

    // --user writes into the configuration folder, creating it.
    let config = dir.path().join("config");
    let o = baocao_with_config(dir.path(), &config, &["init", "--user"]);
    assert!(o.status.success(), "{}", text(&o));
    let user = config.join("baocao/baocao.yaml");
    assert_eq!(std::fs::read_to_string(user).unwrap(), baocao::org::STARTER);
}

/// Seed 000's year-end report made in `dir` with `args` after the input.
fn report(dir: &Path, config: &Path, args: &[&str]) -> (Vec<u8>, String) {
    let out = dir.join("r.pdf");
    let seed = seeds()[0].clone();
    let mut all = vec![
        "year-end",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let o = baocao_with_config(dir, config, &all);
    assert!(o.status.success(), "{}", text(&o));
    (std::fs::read(&out).unwrap(), text(&o))
}

#[test]
fn the_profile_is_found_here_then_in_the_configuration_folder_and_org_overrides() {
    let root = tempdir();
    let no_config = root.path().join("none");
    let fixture = fixture("org.yaml");
    let given = root.path().join("given");
    std::fs::create_dir(&given).unwrap();
    let (with_org, err) = report(&given, &no_config, &["--org", fixture.to_str().unwrap()]);
    assert!(err.contains("(given with --org)"), "{err}");
    let (without, _) = report(&given, &no_config, &[]);
    assert_ne!(with_org, without, "the profile changes the report");

    // ./baocao.yaml, without --org: the same report.
    let here = root.path().join("here");
    std::fs::create_dir(&here).unwrap();
    std::fs::copy(&fixture, here.join("baocao.yaml")).unwrap();
    let (found, err) = report(&here, &no_config, &[]);
    assert!(found == with_org, "./baocao.yaml was not used:\n{err}");
    assert!(
        err.contains("warning: organisation profile: baocao.yaml (found in the current folder)"),
        "{err}"
    );

    // The configuration folder's, where the folder has none.
    let config = root.path().join("config");
    std::fs::create_dir_all(config.join("baocao")).unwrap();
    std::fs::copy(&fixture, config.join("baocao/baocao.yaml")).unwrap();
    let (found, err) = report(&given, &config, &[]);
    assert!(found == with_org, "the user's profile was not used:\n{err}");
    assert!(
        err.contains("(found in your configuration folder)"),
        "{err}"
    );

    // --org wins over both: an empty profile gives the report without one.
    let empty = root.path().join("empty.yaml");
    std::fs::write(&empty, "").unwrap();
    let (overridden, err) = report(&here, &config, &["--org", empty.to_str().unwrap()]);
    assert!(overridden == without, "--org did not override:\n{err}");
}
