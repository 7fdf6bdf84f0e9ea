//! Test harness: a fresh temp dir per test and the real `dateline` binary, run with
//! `DATELINE_INDEX` pointing inside it. A failed assertion prints the command, its exit
//! status, stdout and stderr.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Env {
    dir: tempfile::TempDir,
}

pub struct Run {
    pub cmd: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\n$ {}\nexit: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.cmd, self.code, self.stdout, self.stderr
        )
    }
}

impl Run {
    /// Assert the exit status, printing everything otherwise.
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, expected, "unexpected exit status{self}");
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON value ({e}){self}"))
    }

    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn index_dir(&self) -> PathBuf {
        self.path("index")
    }

    /// Write a file (creating folders), bytes as given.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    /// Run `dateline ARGS` in the temp dir with the index inside it.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
        cmd.current_dir(self.root())
            .env("DATELINE_INDEX", self.index_dir())
            .env_remove("NO_COLOR");
        let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        cmd.args(&args);
        let out: Output = cmd.output().expect("run dateline");
        Run {
            cmd: format!(
                "dateline {}",
                args.iter()
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// The project's sample corpus.
pub fn corpus() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
}

/// `../shared`, or a panic saying clearly that it is missing (CI always has it).
pub fn shared(rel: &str) -> PathBuf {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(rel);
    assert!(
        p.exists(),
        "{} not found: these tests need the shared data folder beside the project (../shared)",
        p.display()
    );
    p
}

/// A native-format article.
pub fn native(date: &str, headline: &str, body: &str) -> String {
    format!(" date {date} {headline}\n\n{body}\n")
}
