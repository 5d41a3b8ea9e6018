//! mpcheck-fuzz: a mutation fuzzer for mpcheck's parsers that runs on stable Rust (no
//! libFuzzer, no sanitizer coverage). Deterministic: input `i` of a run is a function of
//! `(--seed, target, i)` only, so any input can be regenerated and a run resumed anywhere.
//!
//! The parent process supervises one child per job; the child runs the inputs on a rayon
//! thread with a large stack, each under `catch_unwind`, and writes every input to
//! `OUT/TARGET/current-J` before running it. A panic is saved by the child; a child that dies
//! (stack overflow, abort) or stalls past `--hard-timeout` is saved by the parent from that
//! file, and the parent restarts the child after the failing input. See `--help`.

#[path = "targets.rs"]
mod targets;

use std::fs;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const USAGE: &str = "\
mpcheck-fuzz: mutation fuzzer for mpcheck's parsers (stable Rust)

USAGE:
  mpcheck-fuzz [OPTIONS]                    fuzz (supervised; survives aborts)
  mpcheck-fuzz --exec --target T FILE...    run saved inputs once (exit 101 on a panic)
  mpcheck-fuzz --minimize FILE --target T [-o OUT] [--timeout-ms MS]
                                            shrink a failing (panic, abort, or slower
                                            than MS) input, keeping its failure

OPTIONS:
  --target NAME        json, wxml, wxs, js, glob, regexp or all (default all); selftest
                       checks the harness (planted panics, stack overflows and hangs)
  --iterations N       inputs per target (default 100000)
  --start I            first input index (default 0)
  --seed S             run seed (default 1)
  --out DIR            findings folder (default fuzz-out)
  --jobs J             child processes per target, each a share of the range (default 1)
  --stack-mb MB        stack of the thread that runs the targets (default 64)
  --timeout-ms MS      an input slower than this is a hang finding (default 1000)
  --hard-timeout-s S   an input running this long kills the child (default 10)
  --max-len BYTES      longest input generated (default 262144)
  --mem-mb MB          address-space limit of each child (ulimit -v; default 4096): an
                       allocation past it aborts the child and is saved as an oom finding
  --fixtures DIR       seed corpus root (default: the repository's fixtures/)
";

struct Opts {
    target: String,
    iterations: u64,
    start: u64,
    seed: u64,
    out: PathBuf,
    jobs: u64,
    stack_mb: usize,
    timeout_ms: u64,
    hard_timeout_s: u64,
    max_len: usize,
    mem_mb: u64,
    fixtures: PathBuf,
    child: Option<u64>,
    exec: bool,
    minimize: Option<PathBuf>,
    output: Option<PathBuf>,
    files: Vec<PathBuf>,
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        target: "all".into(),
        iterations: 100_000,
        start: 0,
        seed: 1,
        out: "fuzz-out".into(),
        jobs: 1,
        stack_mb: 64,
        timeout_ms: 1000,
        hard_timeout_s: 10,
        max_len: 256 << 10,
        mem_mb: 4096,
        fixtures: Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        child: None,
        exec: false,
        minimize: None,
        output: None,
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        let num = |v: String| v.parse::<u64>().map_err(|e| format!("{v}: {e}"));
        match a.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            "--target" => o.target = val()?,
            "--iterations" => o.iterations = num(val()?)?,
            "--start" => o.start = num(val()?)?,
            "--seed" => o.seed = num(val()?)?,
            "--out" => o.out = val()?.into(),
            "--jobs" | "-j" => o.jobs = num(val()?)?.max(1),
            "--stack-mb" => o.stack_mb = num(val()?)? as usize,
            "--timeout-ms" => o.timeout_ms = num(val()?)?,
            "--hard-timeout-s" => o.hard_timeout_s = num(val()?)?.max(1),
            "--max-len" => o.max_len = num(val()?)? as usize,
            "--mem-mb" => o.mem_mb = num(val()?)?.max(256),
            "--fixtures" => o.fixtures = val()?.into(),
            "--child" => o.child = Some(num(val()?)?),
            "--exec" => o.exec = true,
            "--minimize" => o.minimize = Some(val()?.into()),
            "-o" => o.output = Some(val()?.into()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => o.files.push(a.into()),
        }
    }
    if o.target != "all" && o.target != "selftest" && !targets::TARGETS.contains(&o.target.as_str())
    {
        return Err(format!("unknown target {}", o.target));
    }
    Ok(o)
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("mpcheck-fuzz: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if o.exec {
        return exec(&o);
    }
    if let Some(file) = &o.minimize {
        return minimize(&o, file);
    }
    if let Some(job) = o.child {
        return child(&o, job);
    }
    supervise(&o)
}

// ---------------------------------------------------------------------------------------
// Running inputs

/// The last panic's message, location and backtrace (set by the hook, read after
/// `catch_unwind`).
static PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "(non-string panic)".into()
        };
        let loc = info.location().map_or("?".into(), |l| {
            format!("{}:{}:{}", l.file(), l.line(), l.column())
        });
        let bt = std::backtrace::Backtrace::force_capture();
        let text = format!("panicked at {loc}:\n{msg}\n\nstack backtrace:\n{bt}");
        *PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some((loc, text));
    }));
}

/// Runs `f` on a one-thread rayon pool whose thread has `stack_mb` of stack, so the targets'
/// own `par_iter`s run inline on that thread.
fn on_big_stack<T: Send>(stack_mb: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .stack_size(stack_mb << 20)
        .build_global()
        .expect("rayon pool");
    rayon::scope(|_| f())
}

enum Outcome {
    Ok,
    Panic { location: String, report: String },
}

/// `--target selftest`: checks the harness itself. An input holding `panic` panics, `overflow`
/// overflows the stack, `slow` sleeps 1.2 s, `stall` sleeps past any hard timeout.
fn selftest(input: &[u8]) -> bool {
    fn deep(n: u64) -> u64 {
        let pad = std::hint::black_box([n; 64]);
        if n == 0 { 0 } else { deep(n - 1) + pad[7] }
    }
    let has = |w: &[u8]| input.windows(w.len()).any(|x| x == w);
    if has(b"panic") {
        panic!("selftest panic");
    }
    if has(b"overflow") {
        std::hint::black_box(deep(u64::MAX));
    }
    if has(b"stall") {
        std::thread::sleep(Duration::from_secs(3600));
    }
    if has(b"slow") {
        std::thread::sleep(Duration::from_millis(1200));
    }
    true
}

fn run_one(target: &str, input: &[u8]) -> Outcome {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if target == "selftest" {
            selftest(input)
        } else {
            targets::run(target, input)
        }
    }));
    match r {
        Ok(_) => Outcome::Ok,
        Err(_) => {
            let (location, report) = PANIC
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .unwrap_or_else(|| ("?".into(), "panic".into()));
            Outcome::Panic { location, report }
        }
    }
}

/// `--exec`: runs files once; a panic is printed and the exit status is 101.
fn exec(o: &Opts) -> ExitCode {
    install_panic_hook();
    let target = o.target.clone();
    let files = o.files.clone();
    let failed = on_big_stack(o.stack_mb, move || {
        let mut failed = false;
        for f in &files {
            let input = match targets::load_input(f) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("{}: {e}", f.display());
                    failed = true;
                    continue;
                }
            };
            let t = Instant::now();
            match run_one(&target, &input) {
                Outcome::Ok => eprintln!("ok    {} ({:?})", f.display(), t.elapsed()),
                Outcome::Panic { location, report } => {
                    eprintln!("PANIC {} at {location}\n{report}", f.display());
                    failed = true;
                }
            }
        }
        failed
    });
    if failed {
        ExitCode::from(101)
    } else {
        ExitCode::SUCCESS
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Saves `input` as `dir/name.bin` (with `report` as `name.txt`) unless a file of that name at
/// most as long is already there. Returns whether it wrote.
fn save_smallest(dir: &Path, name: &str, input: &[u8], report: &str) -> bool {
    let bin = dir.join(format!("{name}.bin"));
    if let Ok(m) = fs::metadata(&bin)
        && m.len() as usize <= input.len()
    {
        return false;
    }
    let _ = fs::write(&bin, input);
    let _ = fs::write(dir.join(format!("{name}.txt")), report);
    true
}

fn log_finding(out: &Path, line: &str) {
    if let Ok(mut f) = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(out.join("findings.log"))
    {
        let _ = writeln!(f, "{line}");
    }
}

/// `--child J`: runs inputs `start..start+iterations` of one target; prints a `STATS` line.
fn child(o: &Opts, job: u64) -> ExitCode {
    install_panic_hook();
    let target = o.target.clone();
    let dir = o.out.join(&target);
    let _ = fs::create_dir_all(&dir);
    let corpus = Corpus::load(&target, &o.fixtures);
    if corpus.seeds.is_empty() {
        eprintln!("no seeds for {target} under {}", o.fixtures.display());
        return ExitCode::from(2);
    }
    let current = fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(dir.join(format!("current-{job}")))
        .expect("current-input file");
    // Watchdog: an input that runs past the hard timeout ends the child (exit 3); the parent
    // saves it as a hang from the current-input file.
    let started = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    {
        let started = started.clone();
        let hard = o.hard_timeout_s * 1000;
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(100));
                let s = started.load(Ordering::Relaxed);
                if s != 0 && (epoch.elapsed().as_millis() as u64).saturating_sub(s) > hard {
                    eprintln!("HANG: an input ran longer than {hard} ms");
                    std::process::exit(3);
                }
            }
        });
    }
    let (start, end, seed, max_len, timeout_us) = (
        o.start,
        o.start + o.iterations,
        o.seed,
        o.max_len,
        o.timeout_ms * 1000,
    );
    let out = o.out.clone();
    let stats = on_big_stack(o.stack_mb, move || {
        let mut st = Stats::default();
        let mut header = Vec::new();
        for idx in start..end {
            let input = corpus.generate(seed, idx, max_len);
            header.clear();
            let _ = writeln!(
                header,
                "{idx} {} {} {} {} {}",
                st.panics, st.hangs, st.max_us, st.max_idx, st.total_us
            );
            header.extend_from_slice(&input);
            let _ = current.write_all_at(&header, 0);
            let _ = current.set_len(header.len() as u64);
            started.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
            let t = Instant::now();
            let outcome = run_one(&target, &input);
            let us = t.elapsed().as_micros() as u64;
            started.store(0, Ordering::Relaxed);
            st.inputs += 1;
            st.total_us += us;
            if us > st.max_us {
                st.max_us = us;
                st.max_idx = idx;
            }
            if let Outcome::Panic { location, report } = outcome {
                st.panics += 1;
                let name = format!("panic-{:016x}", fnv(location.as_bytes()));
                let report = format!("target {target}, seed {seed}, input {idx}\n{report}");
                if save_smallest(&dir, &name, &input, &report) {
                    log_finding(
                        &out,
                        &format!(
                            "{target} {idx} panic {name}.bin {location} ({} bytes)",
                            input.len()
                        ),
                    );
                }
            } else if us > timeout_us {
                st.hangs += 1;
                let name = format!("slow-{:016x}", fnv(&input));
                let report = format!(
                    "target {target}, seed {seed}, input {idx}: {} ms (limit {} ms)\n",
                    us / 1000,
                    timeout_us / 1000
                );
                save_smallest(&dir, &name, &input, &report);
                log_finding(
                    &out,
                    &format!(
                        "{target} {idx} slow {name}.bin {} ms ({} bytes)",
                        us / 1000,
                        input.len()
                    ),
                );
            }
        }
        st
    });
    println!(
        "STATS {} {} {} {} {} {}",
        stats.inputs, stats.panics, stats.hangs, stats.max_us, stats.max_idx, stats.total_us
    );
    ExitCode::SUCCESS
}

#[derive(Default, Clone, Copy)]
struct Stats {
    inputs: u64,
    panics: u64,
    hangs: u64,
    aborts: u64,
    max_us: u64,
    max_idx: u64,
    total_us: u64,
}

impl Stats {
    fn add(&mut self, o: Stats) {
        self.inputs += o.inputs;
        self.panics += o.panics;
        self.hangs += o.hangs;
        self.aborts += o.aborts;
        if o.max_us > self.max_us {
            self.max_us = o.max_us;
            self.max_idx = o.max_idx;
        }
        self.total_us += o.total_us;
    }
}

/// Runs one job's range in child processes, restarting after each input that kills one.
fn supervise_range(o: &Opts, target: &str, job: u64, start: u64, end: u64) -> Stats {
    let exe = std::env::current_exe().expect("own path");
    let dir = o.out.join(target);
    let _ = fs::create_dir_all(&dir);
    let mut total = Stats::default();
    let mut from = start;
    while from < end {
        let stdout_path = dir.join(format!("child-{job}.stdout"));
        let stderr_path = dir.join(format!("child-{job}.stderr"));
        // The child runs under `ulimit -v`, so a runaway allocation fails (an abort) instead
        // of taking the machine's memory.
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v {} && exec \"$0\" \"$@\"",
                o.mem_mb * 1024
            ))
            .arg(&exe)
            .args(["--child", &job.to_string(), "--target", target])
            .args(["--start", &from.to_string()])
            .args(["--iterations", &(end - from).to_string()])
            .args(["--seed", &o.seed.to_string()])
            .arg("--out")
            .arg(&o.out)
            .args(["--stack-mb", &o.stack_mb.to_string()])
            .args(["--timeout-ms", &o.timeout_ms.to_string()])
            .args(["--hard-timeout-s", &o.hard_timeout_s.to_string()])
            .args(["--max-len", &o.max_len.to_string()])
            .arg("--fixtures")
            .arg(&o.fixtures)
            .stdin(Stdio::null())
            .stdout(fs::File::create(&stdout_path).expect("stdout file"))
            .stderr(fs::File::create(&stderr_path).expect("stderr file"))
            .status()
            .expect("spawn child");
        let stdout = fs::read_to_string(&stdout_path).unwrap_or_default();
        if status.success()
            && let Some(line) = stdout.lines().find(|l| l.starts_with("STATS "))
        {
            let n: Vec<u64> = line[6..]
                .split(' ')
                .filter_map(|x| x.parse().ok())
                .collect();
            if n.len() == 6 {
                total.add(Stats {
                    inputs: n[0],
                    panics: n[1],
                    hangs: n[2],
                    max_us: n[3],
                    max_idx: n[4],
                    total_us: n[5],
                    aborts: 0,
                });
                break;
            }
        }
        // The child died: the current-input file names the input and holds the counters.
        let current = fs::read(dir.join(format!("current-{job}"))).unwrap_or_default();
        let nl = current
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(current.len());
        let head: Vec<u64> = String::from_utf8_lossy(&current[..nl])
            .split(' ')
            .filter_map(|x| x.parse().ok())
            .collect();
        if head.len() != 6 {
            eprintln!(
                "{target}: child failed before its first input ({status}); stderr in {}",
                stderr_path.display()
            );
            std::process::exit(2);
        }
        let idx = head[0];
        let input = &current[(nl + 1).min(current.len())..];
        let stderr = fs::read_to_string(&stderr_path).unwrap_or_default();
        let hang = status.code() == Some(3) && stderr.contains("HANG");
        let kind = if hang {
            "hang"
        } else if stderr.contains("overflowed its stack") {
            "stackoverflow"
        } else if stderr.contains("memory allocation of") {
            "oom"
        } else {
            "abort"
        };
        let how = match (status.code(), status.signal()) {
            (_, Some(sig)) => format!("signal {sig}"),
            (Some(c), None) => format!("exit {c}"),
            _ => "?".into(),
        };
        let report = format!(
            "target {target}, seed {}, input {idx}: {kind} ({how})\nstderr:\n{}",
            o.seed,
            tail(&stderr, 4000)
        );
        // The smallest of each kind, and the first few of each kind as found.
        let first = (0..5)
            .map(|i| format!("{kind}-{i}"))
            .find(|n| !dir.join(format!("{n}.bin")).exists());
        if let Some(name) = first {
            save_smallest(&dir, &name, input, &report);
        }
        save_smallest(&dir, &format!("{kind}-smallest"), input, &report);
        log_finding(
            &o.out,
            &format!("{target} {idx} {kind} ({how}) ({} bytes)", input.len()),
        );
        total.add(Stats {
            inputs: idx + 1 - from,
            panics: head[1],
            hangs: head[2] + hang as u64,
            max_us: head[3],
            max_idx: head[4],
            total_us: head[5],
            aborts: (!hang) as u64,
        });
        from = idx + 1;
    }
    total
}

fn tail(s: &str, n: usize) -> &str {
    let mut at = s.len().saturating_sub(n);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    &s[at..]
}

fn supervise(o: &Opts) -> ExitCode {
    let list: Vec<&str> = if o.target == "all" {
        targets::TARGETS.to_vec()
    } else {
        vec![o.target.as_str()]
    };
    let _ = fs::create_dir_all(&o.out);
    let mut rows = Vec::new();
    let mut bad = false;
    for target in list {
        let t = Instant::now();
        let per = o.iterations.div_ceil(o.jobs);
        let total = Mutex::new(Stats::default());
        std::thread::scope(|s| {
            for job in 0..o.jobs {
                let start = o.start + job * per;
                let end = (start + per).min(o.start + o.iterations);
                if start >= end {
                    continue;
                }
                let total = &total;
                s.spawn(move || {
                    let st = supervise_range(o, target, job, start, end);
                    total.lock().unwrap().add(st);
                });
            }
        });
        let st = *total.lock().unwrap();
        let wall = t.elapsed().as_secs_f64();
        bad |= st.panics + st.hangs + st.aborts > 0;
        let line = format!(
            "{target:<7} inputs {:>9}  panics {:>4}  hangs {:>3}  aborts {:>3}  max {:>8.1} ms (input {})  {:>8.0} inputs/s ({:.1} s, {} jobs)",
            st.inputs,
            st.panics,
            st.hangs,
            st.aborts,
            st.max_us as f64 / 1000.0,
            st.max_idx,
            st.inputs as f64 / wall,
            wall,
            o.jobs
        );
        println!("{line}");
        rows.push(line);
    }
    println!(
        "\nseed {}, inputs {}..{}, stack {} MB; findings (if any) in {}",
        o.seed,
        o.start,
        o.start + o.iterations,
        o.stack_mb,
        o.out.display()
    );
    let _ = fs::write(o.out.join("summary.txt"), rows.join("\n") + "\n");
    if bad {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

// ---------------------------------------------------------------------------------------
// Minimizing

#[derive(PartialEq, Debug)]
enum Failure {
    None,
    /// Slower than `--timeout-ms`.
    Slow,
    Panic(String),
    Crash(String),
}

fn classify(o: &Opts, bytes: &[u8], tmp: &Path) -> Failure {
    fs::write(tmp, bytes).expect("write candidate");
    let exe = std::env::current_exe().expect("own path");
    let mut child = Command::new(exe)
        .args(["--exec", "--target", &o.target])
        .args(["--stack-mb", &o.stack_mb.to_string()])
        .arg(tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read stderr on a thread; a run past the time budget is killed and counts as slow.
    let mut pipe = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut err = String::new();
        let _ = pipe.read_to_string(&mut err);
        err
    });
    let t = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if t.elapsed() > Duration::from_millis(o.timeout_ms) {
            let _ = child.kill();
            let _ = child.wait();
            let _ = reader.join();
            return Failure::Slow;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let err = reader.join().unwrap_or_default();
    if status.success() {
        return Failure::None;
    }
    if status.code() == Some(101)
        && let Some(at) = err.find(" at ")
    {
        let loc = err[at + 4..].lines().next().unwrap_or("").to_string();
        return Failure::Panic(loc);
    }
    let kind = if err.contains("overflowed its stack") {
        "stack overflow".to_string()
    } else {
        format!("{status}")
    };
    Failure::Crash(kind)
}

/// Greedy chunk removal (ddmin-like): keeps the failure's kind (the panic location, the way
/// the process died, or being slower than `--timeout-ms`).
fn minimize(o: &Opts, file: &Path) -> ExitCode {
    if o.target == "all" {
        eprintln!("--minimize needs --target");
        return ExitCode::from(2);
    }
    let mut cur = targets::load_input(file).expect("read input");
    let tmp = std::env::temp_dir().join(format!("mpcheck-fuzz-min-{}", std::process::id()));
    let want = classify(o, &cur, &tmp);
    if want == Failure::None {
        eprintln!("{}: does not fail", file.display());
        return ExitCode::from(1);
    }
    eprintln!("{}: {:?}, {} bytes", file.display(), want, cur.len());
    let mut chunk = cur.len().div_ceil(2).max(1);
    let mut tries = 0u64;
    loop {
        let mut i = 0;
        let mut shrunk = false;
        while i < cur.len() {
            let end = (i + chunk).min(cur.len());
            let mut cand = cur[..i].to_vec();
            cand.extend_from_slice(&cur[end..]);
            tries += 1;
            if classify(o, &cand, &tmp) == want {
                cur = cand;
                shrunk = true;
            } else {
                i += chunk;
            }
        }
        if chunk == 1 && !shrunk {
            break;
        }
        if !shrunk {
            chunk = (chunk / 2).max(1);
        }
    }
    let _ = fs::remove_file(&tmp);
    let out = o
        .output
        .clone()
        .unwrap_or_else(|| file.with_extension("min.bin"));
    fs::write(&out, &cur).expect("write result");
    eprintln!("{} bytes after {tries} runs: {}", cur.len(), out.display());
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------
// Inputs

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// A count with a long tail: mostly small, sometimes thousands, rarely a hundred thousand.
    fn count(&mut self) -> usize {
        match self.below(100) {
            0..=69 => 1 + self.below(8),
            70..=89 => 8 + self.below(200),
            90..=97 => 200 + self.below(5000),
            _ => 5000 + self.below(100_000),
        }
    }
}

struct Corpus {
    seeds: Vec<Vec<u8>>,
    tokens: Vec<&'static str>,
    /// Opening and closing tokens for nesting bursts.
    pairs: Vec<(&'static str, &'static str)>,
}

const ODD_TEXT: &[&str] = &[
    "中文",
    "页面",
    "𠮷",
    "😀",
    "\u{200d}",
    "\u{2028}",
    "\u{feff}",
    "\u{202e}",
    "\t",
    "\r\n",
    "\r",
    "\0",
    "\u{7f}",
    "\u{85}",
    "e\u{301}",
    "ﬀ",
    "İ",
    "ß",
    "\u{10ffff}",
    "\u{fffd}",
];

const INVALID_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe4\xb8",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
    b"\xef\xbb\xbf",
    b"\x80\x80",
];

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1e999",
    "-1e-999",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "99999999999999999999999999",
    "0.0000000000000000000001",
    "9007199254740993",
    "NaN",
    "Infinity",
    "0x1F",
    "1_000",
    "0b1",
    "0o7",
    "1n",
    ".5",
    "5.",
];

impl Corpus {
    fn load(target: &str, fixtures: &Path) -> Corpus {
        let mut files = Vec::new();
        walk(fixtures, &mut files);
        files.sort();
        let ext = |p: &Path| {
            p.extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_string()
        };
        let read_ext = |exts: &[&str]| -> Vec<Vec<u8>> {
            files
                .iter()
                .filter(|p| exts.contains(&ext(p).as_str()))
                .filter_map(|p| fs::read(p).ok())
                .filter(|b| b.len() <= 256 * 1024)
                .collect()
        };
        let rel_paths: Vec<String> = files
            .iter()
            .filter_map(|p| p.strip_prefix(fixtures).ok())
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let (seeds, tokens, pairs) = match target {
            "json" => (read_ext(&["json"]), JSON_TOKENS, JSON_PAIRS),
            "wxml" => (read_ext(&["wxml"]), WXML_TOKENS, WXML_PAIRS),
            "wxs" => {
                let mut s = read_ext(&["wxs"]);
                s.extend(inline_wxs(&read_ext(&["wxml"])));
                (s, JS_TOKENS, JS_PAIRS)
            }
            "js" => (read_ext(&["js", "ts"]), JS_TOKENS, JS_PAIRS),
            "selftest" => (vec![b"ok".to_vec()], SELFTEST_TOKENS, &[("(", ")")][..]),
            "glob" | "regexp" => {
                let kind = if target == "glob" { "glob" } else { "regexp" };
                let mut patterns: Vec<String> = BUILTIN_PATTERNS
                    .iter()
                    .filter(|(k, _)| *k == kind || (*k == "glob" && kind == "glob"))
                    .map(|(_, p)| p.to_string())
                    .collect();
                for b in read_ext(&["json"]) {
                    if let Ok(t) = std::str::from_utf8(&b)
                        && let Ok(v) = mpcheck::syntax::json::parse(t)
                    {
                        collect_patterns(&v, kind, &mut patterns);
                    }
                }
                patterns.sort();
                patterns.dedup();
                let mut seeds = Vec::new();
                for (i, p) in patterns.iter().enumerate() {
                    let mut s = p.clone();
                    for k in 0..3 {
                        if rel_paths.is_empty() {
                            break;
                        }
                        s.push('\n');
                        s.push_str(&rel_paths[(i * 7919 + k * 104729) % rel_paths.len()]);
                    }
                    seeds.push(s.into_bytes());
                }
                let (t, pr) = if kind == "glob" {
                    (GLOB_TOKENS, GLOB_PAIRS)
                } else {
                    (REGEXP_TOKENS, REGEXP_PAIRS)
                };
                (seeds, t, pr)
            }
            _ => unreachable!(),
        };
        Corpus {
            seeds,
            tokens: tokens.to_vec(),
            pairs: pairs.to_vec(),
        }
    }

    /// Input `idx` of the run with `seed`.
    fn generate(&self, seed: u64, idx: u64, max_len: usize) -> Vec<u8> {
        let mut rng =
            Rng(seed.wrapping_mul(0x2545F4914F6CDD1D) ^ idx.wrapping_mul(0x9E3779B97F4A7C15));
        rng.next();
        let mut data = if rng.chance(3) {
            // A token soup: no seed at all.
            let mut v = Vec::new();
            for _ in 0..1 + rng.below(64) {
                v.extend_from_slice(self.tokens[rng.below(self.tokens.len())].as_bytes());
            }
            v
        } else {
            self.seeds[rng.below(self.seeds.len())].clone()
        };
        let most = if rng.chance(20) { 24 } else { 5 };
        let rounds = 1 + rng.below(most);
        for _ in 0..rounds {
            self.mutate(&mut rng, &mut data, max_len);
            if data.len() > max_len {
                data.truncate(max_len);
            }
        }
        data
    }

    fn mutate(&self, rng: &mut Rng, d: &mut Vec<u8>, max_len: usize) {
        let pos = |rng: &mut Rng, d: &Vec<u8>| rng.below(d.len() + 1);
        match rng.below(20) {
            // bit flip
            0 if !d.is_empty() => {
                let i = rng.below(d.len());
                d[i] ^= 1 << rng.below(8);
            }
            // random / interesting byte
            1 if !d.is_empty() => {
                let i = rng.below(d.len());
                d[i] = match rng.below(4) {
                    0 => rng.next() as u8,
                    _ => b"\0\xff\x7f\x80\n\t\\\"'<>{}[]()/`$:,;*?!"[rng.below(26)],
                };
            }
            // delete a chunk
            2 | 3 if !d.is_empty() => {
                let i = rng.below(d.len());
                let most = if rng.chance(50) { 8 } else { 4096 };
                let n = 1 + rng.below((d.len() - i).min(most));
                d.drain(i..i + n);
            }
            // duplicate a chunk (sometimes many times)
            4 if !d.is_empty() => {
                let i = rng.below(d.len());
                let n = 1 + rng.below((d.len() - i).min(256));
                let chunk = d[i..i + n].to_vec();
                let times = if rng.chance(80) { 1 } else { rng.count() };
                let at = pos(rng, d);
                let rep = repeat(&chunk, times, max_len);
                d.splice(at..at, rep);
            }
            // insert a token of the language
            5..=8 => {
                let t = self.tokens[rng.below(self.tokens.len())]
                    .as_bytes()
                    .to_vec();
                let at = pos(rng, d);
                d.splice(at..at, t);
            }
            // a token repeated a long run
            9 => {
                let t = self.tokens[rng.below(self.tokens.len())].as_bytes();
                let rep = repeat(t, rng.count(), max_len);
                let at = pos(rng, d);
                d.splice(at..at, rep);
            }
            // a nesting burst: n openers, something, then (often) the n closers
            10 | 11 => {
                let (open, close) = self.pairs[rng.below(self.pairs.len())];
                let n = rng.count();
                let mut burst = repeat(open.as_bytes(), n, max_len / 2);
                if rng.chance(50) {
                    burst.extend_from_slice(self.tokens[rng.below(self.tokens.len())].as_bytes());
                }
                if rng.chance(70) {
                    burst.extend(repeat(close.as_bytes(), n, max_len / 2));
                }
                let at = pos(rng, d);
                d.splice(at..at, burst);
            }
            // splice with another seed
            12 => {
                let other = &self.seeds[rng.below(self.seeds.len())];
                let a = pos(rng, d);
                let b = rng.below(other.len() + 1);
                d.truncate(a);
                d.extend_from_slice(&other[b..]);
            }
            // insert a chunk of another seed
            13 => {
                let other = &self.seeds[rng.below(self.seeds.len())];
                if !other.is_empty() {
                    let i = rng.below(other.len());
                    let n = 1 + rng.below((other.len() - i).min(1024));
                    let at = pos(rng, d);
                    d.splice(at..at, other[i..i + n].iter().copied());
                }
            }
            // invalid UTF-8
            14 => {
                let b = INVALID_UTF8[rng.below(INVALID_UTF8.len())];
                let at = pos(rng, d);
                d.splice(at..at, b.iter().copied());
            }
            // CJK, astral, combining, bidi, line separators, tabs
            15 => {
                let t = ODD_TEXT[rng.below(ODD_TEXT.len())];
                let rep = repeat(
                    t.as_bytes(),
                    if rng.chance(80) { 1 } else { rng.count() },
                    max_len,
                );
                let at = pos(rng, d);
                d.splice(at..at, rep);
            }
            // a very long line: newlines removed from a region, or a long run of text
            16 => {
                if rng.chance(50) && !d.is_empty() {
                    let i = rng.below(d.len());
                    for b in &mut d[i..] {
                        if *b == b'\n' {
                            *b = b' ';
                        }
                    }
                } else {
                    let unit: &[u8] =
                        [b"a".as_slice(), b"x ", "中".as_bytes(), b"\t"][rng.below(4)];
                    let rep = repeat(unit, 10_000 + rng.below(200_000), max_len);
                    let at = pos(rng, d);
                    d.splice(at..at, rep);
                }
            }
            // truncate
            17 if !d.is_empty() => {
                let i = rng.below(d.len());
                d.truncate(i);
            }
            // swap two chunks
            18 if d.len() > 2 => {
                let a = rng.below(d.len() / 2);
                let b = d.len() / 2 + rng.below(d.len() / 2);
                let n = 1 + rng.below((d.len() / 2 - a).min(d.len() - b).min(64));
                for k in 0..n {
                    d.swap(a + k, b + k);
                }
            }
            // an interesting number in place of a digit run, or anywhere
            _ => {
                let num = NUMBERS[rng.below(NUMBERS.len())].as_bytes();
                if let Some(i) = d
                    .iter()
                    .position(|c| c.is_ascii_digit())
                    .filter(|_| rng.chance(50))
                {
                    let j = i + d[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                    d.splice(i..j, num.iter().copied());
                } else {
                    let at = pos(rng, d);
                    d.splice(at..at, num.iter().copied());
                }
            }
        }
    }
}

fn repeat(unit: &[u8], times: usize, max_len: usize) -> Vec<u8> {
    let times = times.min(max_len / unit.len().max(1));
    unit.repeat(times)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
}

/// Inline `<wxs module>` bodies of the templates, as extra WXS seeds.
fn inline_wxs(templates: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for t in templates {
        let Ok(t) = std::str::from_utf8(t) else {
            continue;
        };
        let doc = mpcheck::syntax::wxml::parse(t);
        for e in doc.elements() {
            if e.name() == "wxs" && e.attr("src").is_none() {
                for c in e.children() {
                    if let mpcheck::syntax::wxml::Node::Text(span) = c
                        && let Some(body) = t.get(span.range())
                    {
                        out.push(body.as_bytes().to_vec());
                    }
                }
            }
        }
    }
    out
}

/// packOptions `{"type": KIND, "value": V}` values and (for globs) mpcheck.json `exclude` and
/// `ignores[].path` entries.
fn collect_patterns(v: &mpcheck::syntax::json::Json, kind: &str, out: &mut Vec<String>) {
    if let Some(members) = v.as_object() {
        if v.get("type").and_then(|t| t.as_str()) == Some(kind)
            && let Some(s) = v.get("value").and_then(|t| t.as_str())
        {
            out.push(s.to_string());
        }
        if kind == "glob" {
            if let Some(list) = v.get("exclude").and_then(|e| e.as_array()) {
                out.extend(list.iter().filter_map(|x| x.as_str()).map(String::from));
            }
            if let Some(p) = v.get("path").and_then(|e| e.as_str()) {
                out.push(p.to_string());
            }
        }
        for m in members {
            collect_patterns(&m.value, kind, out);
        }
    } else if let Some(items) = v.as_array() {
        for i in items {
            collect_patterns(i, kind, out);
        }
    }
}

const SELFTEST_TOKENS: &[&str] = &[
    "ok", "ok", "ok", "ok", "ok", "ok", "panic", "overflow", "slow", "stall",
];

const BUILTIN_PATTERNS: &[(&str, &str)] = &[
    ("glob", "**/*.md"),
    ("glob", "design/**"),
    ("glob", "*.{png,jpg}"),
    ("glob", "{a,b{c,d}}/**/?.js"),
    ("glob", "{1..3}/x{01..10..2}/{a..e}"),
    ("glob", "[!a-z]*.[jt]s"),
    ("glob", "!(foo|bar)/+(x)/@(y)/?(z)/*(w)"),
    ("glob", "./pages/**/test/"),
    ("glob", "\\*literal\\?"),
    ("glob", "#comment"),
    ("glob", "[[:alpha:]][^/]**"),
    ("regexp", "\\.md$"),
    ("regexp", "^/?test/.*\\.js$"),
    ("regexp", "(?<=a)b(?!c)"),
    ("regexp", "(a+)+\\1$"),
    ("regexp", "(?<name>x)\\k<name>"),
    ("regexp", "[\\u4e00-\\u9fa5]+"),
    ("regexp", "\\d{2,}|\\w*?|\\s+$"),
    ("regexp", "^(?:docs|design)/"),
    ("regexp", "a{1,3}b{2}c{3,}"),
    ("regexp", "\\p{L}+\\x41\\cA\\0"),
];

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\\"",
    "\\\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\u0000",
    "\\x41",
    "true",
    "false",
    "null",
    "1e999",
    "-0",
    "0x1",
    "// c\n",
    "/* c */",
    "\u{feff}",
    "\"\"",
    "{}",
    "[]",
    "\"a\":1,",
    "\"usingComponents\":{\"c\":\"/comp/c\"}",
    "\"pages\":[\"pages/a/a\"]",
    "\"navigationBarTextStyle\":\"red\"",
    "\"backgroundColor\":\"#fff\"",
    "\"tabBar\":{\"list\":[]}",
    "\"subpackages\":[{\"root\":\"p\",\"pages\":[]}]",
    "\"packOptions\":{\"ignore\":[]}",
    "\"@theme\"",
    "\"$schema\"",
    " ",
    "\n",
    "\t",
    "\r",
];
const JSON_PAIRS: &[(&str, &str)] = &[
    ("[", "]"),
    ("{\"a\":", "}"),
    ("[{\"k\":[", "]}]"),
    ("{\"usingComponents\":", "}"),
];

const WXML_TOKENS: &[&str] = &[
    "<view>",
    "</view>",
    "<a>",
    "</a>",
    "<",
    ">",
    "/>",
    "</",
    "{{",
    "}}",
    "{{a}}",
    "\"",
    "'",
    "=",
    "<!--",
    "-->",
    "<!-- mpcheck-disable-next-line MP320 -- r -->",
    "<wxs module=\"m\">",
    "</wxs>",
    "<wxs src=\"./a.wxs\" module=\"m\"/>",
    "<template name=\"t\">",
    "</template>",
    "<template is=\"{{x}}\" data=\"{{...o}}\"/>",
    "<import src=\"./a.wxml\"/>",
    "<include src=\"b.wxml\"/>",
    "wx:if=\"{{a}}\"",
    "wx:elif=\"{{b}}\"",
    "wx:else",
    "wx:for=\"{{list}}\"",
    "wx:key=\"*this\"",
    "bindtap=\"onTap\"",
    "catch:tap=\"f\"",
    "<block>",
    "</block>",
    "<text>",
    "</text>",
    "<image src=\"/a.png\"/>",
    "<web-view src=\"https://a.com/{{p}}\"></web-view>",
    "&amp;",
    "&#x1F600;",
    "&#99999999;",
    "<![CDATA[",
    "]]>",
    "`",
    "${",
    "<?xml?>",
    "<!DOCTYPE x>",
    "<slot/>",
    " ",
    "\n",
    "{{a ? 'b' : \"c\"}}",
    "{{[1,2]}}",
    "{{ {a:1} }}",
    "{{ a.b[c](d) }}",
    "<x-y:z a:b-c='d'>",
];
const WXML_PAIRS: &[(&str, &str)] = &[
    ("<view>", "</view>"),
    ("<a>", "</a>"),
    ("<block wx:if=\"{{a}}\">", "</block>"),
    ("{{(", ")}}"),
    ("<template name=\"t\">", "</template>"),
    ("<view class=\"{{[", "]}}\">"),
];

const JS_TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "`",
    "${",
    "'",
    "\"",
    "/",
    "/*",
    "*/",
    "//",
    "\n",
    ";",
    ",",
    "=>",
    "function(a){",
    "var a = ",
    "let ",
    "const ",
    "require(\"./a.wxs\")",
    "require('../../app')",
    "module.exports = ",
    "module.exports.f = ",
    "exports.x = ",
    "wx.request({url: ",
    "wx.request({ url: 'https://api.example.com' + p })",
    "getApp().globalData.",
    "globalData: {",
    "import a from './b'",
    "import * as ns from '../x'",
    "export default ",
    "export const u = ",
    "export { a as b } from './c'",
    "import('./d')",
    "Page({",
    "Component({methods:{",
    "Behavior({",
    "behaviors: [",
    "onTap() {}",
    "promisify(wx.request)",
    "const w = wx; w.request(",
    "uni.request(",
    "Taro.request(",
    "wx.connectSocket({url:",
    "wx.uploadFile({url:",
    "wx.getLocation(",
    "appSecret: '",
    "'0123456789abcdef0123456789abcdef'",
    "'https://",
    "'http://10.0.0.1:8080/'",
    "new ",
    "this.",
    "/a+/g",
    "try{}catch(e){}",
    "throw 1",
    "for (k in o) {}",
    "a in b",
    "instanceof",
    "lbl: ",
    "0x1f",
    "1e5",
    "\\u0061",
    "\\u{1F600}",
    "async ",
    "await ",
    "yield ",
    "class A extends B {",
    "?.",
    "??",
    "...",
    "<div>",
    "</div>",
    ": string",
    "<T>",
    "as any",
    "enum E {",
    "@dec ",
    "#priv",
    "debugger",
    "with (o) {",
    "arguments",
    "eval(",
    "delete o.x",
    "void 0",
    "typeof x",
    "o.default",
    "{ default: 1 }",
    "/* mpcheck-disable-next-line MP300 -- r */\n",
    "// mpcheck-disable-file MP306\n",
];
const JS_PAIRS: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("a(", ")"),
    ("function(){", "}"),
    ("`${", "}`"),
    ("'x'+(", ")"),
    ("-", ""),
    ("!", ""),
    ("a?", ":b"),
    ("a=", ""),
    ("{a:", "}"),
    ("wx.request({url:", "})"),
    ("if(a){", "}"),
    ("() => ", ""),
    ("a.", ""),
    ("a+", ""),
    ("new ", ""),
];

const GLOB_TOKENS: &[&str] = &[
    "*",
    "**",
    "?",
    "[",
    "]",
    "[!",
    "[^",
    "{",
    "}",
    ",",
    "..",
    "/",
    "\\",
    "!",
    "#",
    "+(",
    "@(",
    "*(",
    "?(",
    "!(",
    ")",
    "|",
    "{1..3}",
    "{a..z..2}",
    "{01..100}",
    "{-5..5}",
    "{9999999999..1}",
    "./",
    "../",
    ".",
    "[[:alpha:]]",
    "[a-]",
    "[]",
    "**/",
    "/**",
    "\n",
    "中",
    "$",
    "^",
    "(",
    "\\{",
];
const GLOB_PAIRS: &[(&str, &str)] = &[
    ("{", "}"),
    ("{a,", "}"),
    ("[", "]"),
    ("@(", ")"),
    ("+(a|", ")"),
    ("{1..2,", "}"),
];

const REGEXP_TOKENS: &[&str] = &[
    "(",
    ")",
    "(?:",
    "(?=",
    "(?!",
    "(?<=",
    "(?<!",
    "(?<n>",
    "\\k<n>",
    "\\1",
    "\\9999999999",
    "\\4294967296",
    "\\g",
    "\\g1",
    "\\g99999999999",
    "\\g<1>",
    "\\g{1}",
    "\\g<-1>",
    "\\k{n}",
    "[",
    "]",
    "[^",
    "*",
    "+",
    "?",
    "*?",
    "{2,}",
    "{999999999}",
    "{4294967296,}",
    "{,5}",
    "|",
    "^",
    "$",
    "\\b",
    "\\B",
    "\\d",
    "\\w",
    "\\s",
    "\\u{1F600}",
    "\\uD800",
    "\\u0041",
    "\\p{L}",
    "\\P{Script=Han}",
    "\\c",
    "\\cJ",
    ".",
    "\\x4",
    "\\x41",
    "\\0",
    "\\/",
    "/",
    "-",
    "(?i)",
    "(?m)",
    "(?x)",
    "(?P<a>",
    "\\Q",
    "\\E",
    "\\z",
    "\\A",
    "\\G",
    "\\K",
    "[[:alpha:]]",
    "[a-\\d]",
    "\\",
    "\n",
    "中",
];
const REGEXP_PAIRS: &[(&str, &str)] = &[
    ("(", ")"),
    ("(?:", ")"),
    ("(?=", ")"),
    ("(?<=a", ")"),
    ("(a|", ")*"),
    ("[", "]"),
    ("(", ")\\1"),
];
