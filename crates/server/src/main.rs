use clap::Parser;
use forecourt_server::cli::{Cli, run};

/// mimalloc instead of the C library's allocator: requests allocate and free many small
/// objects from two threads, where glibc's arenas grew the process and kept the memory
/// (bench/results/http-*.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
