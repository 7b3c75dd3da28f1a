//! `completions`: the script that makes a shell complete the tool's commands, options
//! and values (see `completion.rs` for what it offers).
//!
//! Usage: krakow-partners completions SHELL

use anyhow::Result;

use crate::answer::Answer;

pub fn run(shell: clap_complete::Shell) -> Result<Answer<'static>> {
    Ok(Answer::Text(crate::completion::script(shell)?))
}
