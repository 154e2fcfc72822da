//! Running `mapi-inspect` from the tests (its contract: `shared/CLI.md`).

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `mapi-inspect` with `args`, `stdin` on its standard input.
pub fn inspect(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mapi-inspect"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn mapi-inspect");
    // A usage error exits before reading its input: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// [`inspect`], as the exit code, stdout and stderr.
pub fn run(args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    let o = inspect(args, stdin);
    (o.status.code(), text(&o.stdout), text(&o.stderr))
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Bytes as lowercase hex, as `roundtrip` prints them.
pub fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
