//! Its own test binary: it changes environment variables, which must not
//! happen while other tests' threads run.

use earl_store::AuditStore;
use std::path::PathBuf;

#[test]
fn default_path_follows_xdg_then_home() {
    // SAFETY: the only test in this binary, so no other thread reads the environment.
    unsafe {
        std::env::set_var("XDG_DATA_HOME", "/data");
        std::env::set_var("HOME", "/home/alice");
    }
    assert_eq!(
        AuditStore::default_path(),
        Some(PathBuf::from("/data/earl/audit.sqlite"))
    );

    // A relative XDG_DATA_HOME is to be ignored (XDG Base Directory spec).
    unsafe { std::env::set_var("XDG_DATA_HOME", "relative") };
    let home_default = PathBuf::from("/home/alice/.local/share/earl/audit.sqlite");
    assert_eq!(AuditStore::default_path(), Some(home_default.clone()));

    unsafe { std::env::remove_var("XDG_DATA_HOME") };
    assert_eq!(AuditStore::default_path(), Some(home_default));

    unsafe { std::env::remove_var("HOME") };
    assert_eq!(AuditStore::default_path(), None);
}
