fn main() -> std::process::ExitCode {
    mpcheck::cli::main()
}
