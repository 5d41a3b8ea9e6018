// mimalloc: the index allocates many small strings and nodes; like ruff, use an allocator
// built for that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    mpcheck::cli::main()
}
