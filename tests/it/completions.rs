//! `completions` for every shell, and `man`.

use crate::common::*;

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef krakow-partners"),
        ("fish", "complete -c krakow-partners"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        assert!(script.contains("records"), "{shell} completes the commands");
    }
    fails(&["completions", "tcsh"], 2);
}

#[test]
fn man_page_is_roff() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH krakow-partners 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    assert!(page.contains("records"));
}
