// mimalloc: the index allocates many small strings and nodes; like ruff, use an allocator
// built for that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay`: -1 never returns freed memory to the system. A check is over in a
/// fraction of a second, and memory returned and taken again is zeroed again by the kernel.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // SAFETY: sets an option before any thread is started; mimalloc reads options lazily.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    mpcheck::cli::main()
}
