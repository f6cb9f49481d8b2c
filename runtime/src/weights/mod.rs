//! Weights of FRAME's own calls and transaction extensions, and of the database, measured on
//! this machine by `scripts/benchmark.sh`. The runtime's own pallets keep theirs beside them.

pub mod frame_system;
pub mod frame_system_extensions;
pub mod paritydb;
