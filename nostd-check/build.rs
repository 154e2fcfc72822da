//! Links the program freestanding: no C runtime start files, no default
//! libraries (no libc, no libgcc_s), statically. Passed here rather than
//! through RUSTFLAGS so that an outer RUSTFLAGS cannot drop them, and so
//! that they apply to the program only, not to build scripts.
fn main() {
    for arg in ["-nostartfiles", "-nodefaultlibs", "-static"] {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
