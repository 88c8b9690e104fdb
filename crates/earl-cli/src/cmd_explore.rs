//! `earl scenarios`, `earl diff`, `earl timeline`, `earl impact`.

use crate::app::{App, Failure};
use clap::Args;

#[derive(Args)]
pub struct ScenariosArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct DiffArgs {
    pub from: String,
    pub to: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct TimelineArgs {
    pub chip: String,
    #[arg(long)]
    pub to: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ImpactArgs {
    #[arg(long)]
    pub json: bool,
}

pub fn scenarios(_app: &App, _a: &ScenariosArgs) -> Result<(), Failure> {
    Err(Failure::internal("not yet implemented"))
}

pub fn diff(_app: &App, _a: &DiffArgs) -> Result<(), Failure> {
    Err(Failure::internal("not yet implemented"))
}

pub fn timeline(_app: &App, _a: &TimelineArgs) -> Result<(), Failure> {
    Err(Failure::internal("not yet implemented"))
}

pub fn impact(_app: &App, _a: &ImpactArgs) -> Result<(), Failure> {
    Err(Failure::internal("not yet implemented"))
}
