//! Writes the test projects of `tests/support/gen.rs`, for scripts (scripts/bench.sh,
//! scripts/bench-release.sh) and by hand. Not part of mpcheck.
//!
//! ```text
//! cargo run --release --example gen_project -- OUT [--pages 400] [--subpackages 20]
//!     [--components 300] [--images 200] [--npm] [--seed 1]
//! cargo run --release --example gen_project -- --defect-cases OUT
//! ```
//!
//! The first writes the large valid project into OUT (same knobs and, for a given seed, the
//! same bytes as the shared `bench/gen_miniprogram.py`); the second the seeded defect cases
//! (`good/`, `c01_…` … `c23_…`) of `tools/make-defect-cases.sh`.

#[path = "../tests/support/gen.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_project OUT [--pages N] [--subpackages N] [--components N] \
                     [--images N] [--npm] [--seed N]\n       gen_project --defect-cases OUT";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_project: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut o = generator::Options::default();
    let (mut out, mut defects) = (None, false);
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let v = it.next().ok_or(format!("{name} needs a value"))?;
            v.parse().map_err(|_| format!("{name}: not a number: {v}"))
        };
        match a.as_str() {
            "--pages" => o.pages = number("--pages")? as usize,
            "--subpackages" => o.subpackages = number("--subpackages")? as usize,
            "--components" => o.components = number("--components")? as usize,
            "--images" => o.images = number("--images")? as usize,
            "--seed" => o.seed = number("--seed")?,
            "--npm" => o.npm = true,
            "--defect-cases" => defects = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if out.is_none() => out = Some(PathBuf::from(a)),
            _ => return Err(format!("one OUT only: {a}")),
        }
    }
    let out = out.ok_or("OUT missing")?;
    let done = if defects {
        generator::defect_cases(&out)
    } else {
        generator::project(&out, &o)
    };
    done.map_err(|e| format!("{}: {e}", out.display()))
}
