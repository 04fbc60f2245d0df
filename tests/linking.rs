//! The link choices `build.rs` makes for process start on GNU/Linux: the
//! binary is a position-dependent executable and does not load libgcc_s.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

fn binary() -> Vec<u8> {
    std::fs::read(env!("CARGO_BIN_EXE_baocao")).expect("the built binary")
}

#[test]
fn the_binary_is_not_position_independent() {
    let elf = binary();
    assert_eq!(&elf[..4], b"\x7fELF");
    // e_type, little-endian at offset 16: 2 is ET_EXEC, 3 ET_DYN (PIE).
    let e_type = u16::from_le_bytes([elf[16], elf[17]]);
    assert_eq!(e_type, 2, "built with -no-pie, the binary is ET_EXEC");
}

#[test]
fn the_binary_does_not_need_libgcc_s() {
    // A needed library's name is a string of the dynamic string table; the
    // static unwinder leaves none behind.
    let elf = binary();
    let needs = |name: &[u8]| elf.windows(name.len()).any(|w| w == name);
    assert!(needs(b"libc.so.6"), "the search does find needed libraries");
    assert!(!needs(b"libgcc_s.so.1"));
}
