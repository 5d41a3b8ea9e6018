//! `MPCHECK_TIMINGS=1`: the phases of a run on stderr, each line stamped with the wall time
//! since the run started and the CPU time of the whole process by then (their ratio over an
//! interval says how many cores were busy).

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Whether timings are asked for; the first call starts the clock.
pub fn enabled() -> bool {
    START
        .get_or_init(|| std::env::var_os("MPCHECK_TIMINGS").map(|_| Instant::now()))
        .is_some()
}

/// Prints `mpcheck: [wall ms, CPU ms] what` when timings are asked for.
pub fn note(what: std::fmt::Arguments) {
    if let Some(Some(start)) = START.get() {
        let wall = start.elapsed().as_secs_f64() * 1000.0;
        match cpu_ms() {
            Some(cpu) => eprintln!("mpcheck: [{wall:6.1} ms, CPU {cpu:6.1} ms] {what}"),
            None => eprintln!("mpcheck: [{wall:6.1} ms] {what}"),
        }
    }
}

/// CPU time of the process (all threads), in ms.
#[cfg(unix)]
fn cpu_ms() -> Option<f64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    ok.then(|| t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6)
}

#[cfg(not(unix))]
fn cpu_ms() -> Option<f64> {
    None
}
