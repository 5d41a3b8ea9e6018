//! Every input the fuzzers found a crash or hang with, replayed: the in-process ones
//! (`tests/fuzz-regressions/<target>/*.bin|*.rep`) through the harness's own target functions
//! (`fuzz/src/targets.rs`), the whole-binary ones (`tests/fuzz-regressions/binary/<case>/`)
//! through the `mpcheck` binary. None may panic, abort, or take longer than its budget. See
//! `tests/fuzz-regressions/README.md` for the file formats and how to add a case.

#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A watchdog against hangs, not a speed test (speed is the benchmark's and
/// `scripts/bad_inputs.py`'s, on release builds): every input here takes well under a second
/// in the release binary and `cargo test` runs unoptimized code on a loaded machine.
const BUDGET: Duration = Duration::from_secs(60);

/// Peak resident memory allowed to a whole-binary case.
const MAX_RSS_KB: u64 = 1 << 20;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions")
}

/// Runs one saved in-process input (`target/file`) on a thread with the harness's default
/// stack (64 MB); rayon's workers (the js target's `sites` runs on them) get the same, as in
/// the harness and the binary.
fn replay(rel: &str) {
    static POOL: std::sync::Once = std::sync::Once::new();
    POOL.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .stack_size(64 << 20)
            .build_global();
    });
    let path = root().join(rel);
    let target = rel.split('/').next().unwrap().to_string();
    let input = targets::load_input(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let t = Instant::now();
    let ran = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || targets::run(&target, &input))
        .unwrap()
        .join();
    match ran {
        Ok(true) => {}
        Ok(false) => panic!("{rel}: unknown target"),
        Err(e) => std::panic::resume_unwind(e),
    }
    assert!(
        t.elapsed() < BUDGET,
        "{rel}: {:?} (budget {BUDGET:?})",
        t.elapsed()
    );
}

/// Resident memory of process `pid` in kB: the peak so far on Linux (`VmHWM` in /proc), the
/// current size elsewhere (`ps`, sampled by the caller every 20 ms); `None` once it is gone.
fn rss_kb(pid: u32) -> Option<u64> {
    if cfg!(target_os = "linux") {
        let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        return s
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
    }
    let o = Command::new("ps")
        .args(["-o", "rss=", "-p", &pid.to_string()])
        .output()
        .expect("ps runs");
    String::from_utf8_lossy(&o.stdout).trim().parse().ok()
}

/// Runs the binary on a saved whole-binary case: `binary/<case>/args` (one argument a line;
/// `PROJECT` stands for the case's `project/` folder) must exit 0, 1 or 2 within the budget,
/// under 1 GB of RSS.
fn replay_binary(case: &str) {
    let dir = root().join("binary").join(case);
    let project = dir.join("project");
    let args: Vec<String> = std::fs::read_to_string(dir.join("args"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l == "PROJECT" {
                project.to_string_lossy().into_owned()
            } else {
                l.to_string()
            }
        })
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(&args)
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    let mut peak_kb = 0u64;
    let status = loop {
        if let Some(kb) = rss_kb(child.id()) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if t.elapsed() > BUDGET || peak_kb > MAX_RSS_KB {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "binary/{case}: still running after {:?}, peak RSS {} MB",
                t.elapsed(),
                peak_kb / 1024
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    use std::io::Read;
    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
    let tail = &err[err.len() - err.len().min(2000)..];
    assert!(
        matches!(status.code(), Some(0..=2)),
        "binary/{case}: {status}\n{tail}"
    );
}

macro_rules! regression {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            replay($file);
        }
    };
    ($name:ident, $file:literal, ignore = $why:literal) => {
        #[test]
        #[ignore = $why]
        fn $name() {
            replay($file);
        }
    };
}

macro_rules! binary_regression {
    ($name:ident, $case:literal) => {
        #[test]
        fn $name() {
            replay_binary($case);
        }
    };
    ($name:ident, $case:literal, ignore = $why:literal) => {
        #[test]
        #[ignore = $why]
        fn $name() {
            replay_binary($case);
        }
    };
}

/// Every saved input has a test above (so none is forgotten).
#[test]
fn every_saved_input_is_listed() {
    let this = include_str!("fuzz_regressions.rs");
    let mut missing = Vec::new();
    for target in std::fs::read_dir(root()).unwrap() {
        let target = target.unwrap().path();
        if !target.is_dir() {
            continue;
        }
        let t = target.file_name().unwrap().to_string_lossy().into_owned();
        for f in std::fs::read_dir(&target).unwrap() {
            let name = f.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") || name.ends_with(".md") {
                continue;
            }
            let listed = if t == "binary" {
                format!("\"{name}\"")
            } else {
                format!("\"{t}/{name}\"")
            };
            if !this.contains(&listed) {
                missing.push(format!("{t}/{name}"));
            }
        }
    }
    assert!(missing.is_empty(), "not listed here: {missing:?}");
}

// An input that still crashes or hangs is added with `ignore = "why"` until its fix lands;
// `cargo test --test fuzz_regressions -- --ignored` runs those.

regression!(
    js_paren_run_oxc_stack_overflow,
    "js/paren-run-oxc-stack-overflow.rep"
);
regression!(
    js_bracket_run_oxc_stack_overflow,
    "js/bracket-run-oxc-stack-overflow.rep"
);
regression!(
    js_template_run_oxc_stack_overflow,
    "js/template-run-oxc-stack-overflow.rep"
);
regression!(
    js_call_run_oxc_stack_overflow,
    "js/call-run-oxc-stack-overflow.rep"
);
regression!(
    wxs_paren_run_oxc_stack_overflow,
    "wxs/paren-run-oxc-stack-overflow.rep"
);
regression!(
    wxs_bracket_run_oxc_stack_overflow,
    "wxs/bracket-run-oxc-stack-overflow.rep"
);
regression!(
    regexp_group_number_alloc_abort,
    "regexp/group-number-alloc-abort.bin"
);
regression!(
    regexp_subroutine_call_blowup,
    "regexp/subroutine-call-blowup.bin"
);
regression!(
    js_plus_chain_call_argument,
    "js/plus-chain-call-argument.rep"
);
regression!(
    glob_brace_product_quadratic,
    "glob/brace-product-quadratic.rep"
);
regression!(
    glob_brace_sequence_quadratic,
    "glob/brace-sequence-quadratic.rep"
);
regression!(
    wxml_closed_nesting_one_line_quadratic,
    "wxml/closed-nesting-one-line-quadratic.rep"
);
regression!(
    json_long_unknown_key_edit_distance,
    "json/long-unknown-key-edit-distance.rep"
);
binary_regression!(
    binary_human_label_past_column_65535,
    "human-label-past-column-65535"
);
binary_regression!(
    binary_duplicate_attributes_long_tag_memory,
    "duplicate-attributes-long-tag-memory"
);
binary_regression!(
    binary_human_many_diagnostics_one_line,
    "human-many-diagnostics-one-line"
);
binary_regression!(
    binary_glob_many_segments_deep_paths,
    "glob-many-segments-deep-paths"
);
binary_regression!(
    binary_regexp_subroutine_call_memory,
    "regexp-subroutine-call-memory"
);
