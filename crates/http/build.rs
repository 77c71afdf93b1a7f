//! Rebuild when the web app is rebuilt: in release builds its files are compiled in.

fn main() {
    println!("cargo:rerun-if-changed=../../web/dist");
}
