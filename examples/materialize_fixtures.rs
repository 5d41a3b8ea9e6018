//! Writes every rule fixture case (fixtures/rules/<CODE>/<name>.txt) as a project folder:
//! `OUTDIR/fixtures/rules/<CODE>/<name>/`, the layout the cases had as folders of this
//! repository, for scripts that run mpcheck on folders (scripts/corpus_compare.sh with
//! FIXTURES, scripts/fuzz_fix.py, scripts/fuzz_binary.py).
//!
//!     cargo run --release --example materialize_fixtures -- OUTDIR [CODE/name ...]
//!
//! OUTDIR's `fixtures/rules` must not exist yet. Prints the number of cases written.

#[path = "../tests/support/cases.rs"]
mod cases;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: materialize_fixtures OUTDIR [CODE/name ...]");
        std::process::exit(2);
    };
    let out = std::path::PathBuf::from(out);
    let rules = out.join("fixtures/rules");
    if rules.exists() {
        eprintln!("{} exists already", rules.display());
        std::process::exit(2);
    }
    let only: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let selected: Vec<cases::Case> = if only.is_empty() {
        cases::all()
    } else {
        only.iter().map(|id| cases::find(id)).collect()
    };
    for case in &selected {
        case.write_to(&out.join(case.rel()));
    }
    println!("{} cases", selected.len());
}
