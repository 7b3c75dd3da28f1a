//! `completions` and `man`: the command line described for shells and for `man`.
//!
//! Usage: krakow-partners completions SHELL; krakow-partners man

use anyhow::Result;
use clap::CommandFactory;

use crate::answer::Answer;
use crate::cli::Cli;

/// A completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Answer<'static> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "krakow-partners", &mut script);
    Answer::Text(String::from_utf8_lossy(&script).into_owned())
}

/// The manual page, in roff.
pub fn man() -> Result<Answer<'static>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(Answer::Text(String::from_utf8_lossy(&page).into_owned()))
}
