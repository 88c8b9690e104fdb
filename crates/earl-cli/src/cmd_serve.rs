//! `earl serve`.

use crate::app::{App, Failure};
use clap::Args;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
}

pub fn run(_app: &App, _a: &ServeArgs) -> Result<(), Failure> {
    Err(Failure::internal("not yet implemented"))
}
