//! The Chronicle node: Aura block production, GRANDPA finality, ParityDb storage.

mod chain_spec;
mod cli;
mod command;
mod consortium;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
