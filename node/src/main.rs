//! The Chronicle node: Aura block production, GRANDPA finality, ParityDb storage.

// `sc_cli::Error`, the error every subcommand returns, is large; the framework's API is built
// on it, and boxing it here would only add indirection.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod consortium;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
