use std::process::ExitCode;

fn main() -> ExitCode {
    krakow_partners::main()
}
