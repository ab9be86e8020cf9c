//! Puts the git commit into `complaint --version` (`0.1.0 (a1b2c3d)`).
//! Outside a git checkout (a crates.io tarball, a vendored copy) the
//! version is the package version alone: a build never fails for want of git.

use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).current_dir(dir).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !text.is_empty()).then_some(text)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=COMPLAINT_BUILD_GIT_HASH");
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let hash =
        std::env::var("COMPLAINT_BUILD_GIT_HASH").ok().filter(|h| !h.is_empty()).or_else(|| commit(&manifest_dir));
    let version = std::env::var("CARGO_PKG_VERSION").expect("set by cargo");
    let long = match hash {
        Some(hash) => format!("{version} ({hash})"),
        None => version,
    };
    println!("cargo:rustc-env=COMPLAINT_VERSION={long}");
}

/// The short commit of HEAD, only when this package is the top of its own
/// git work tree (not a tarball unpacked inside some other repository).
fn commit(manifest_dir: &Path) -> Option<String> {
    let top = PathBuf::from(git(manifest_dir, &["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != manifest_dir.canonicalize().ok()? {
        return None;
    }
    // Rebuild when HEAD moves: HEAD itself (checkout), the branch ref
    // (commit) and packed-refs (gc). Worktrees keep HEAD in their own git dir.
    let git_dir = git(manifest_dir, &["rev-parse", "--absolute-git-dir"]).map(PathBuf::from)?;
    let common_dir = git(manifest_dir, &["rev-parse", "--git-common-dir"])
        .map(|d| if Path::new(&d).is_absolute() { PathBuf::from(d) } else { manifest_dir.join(d) })
        .unwrap_or_else(|| git_dir.clone());
    // A missing path would make cargo rerun this script on every build.
    let watch = |path: PathBuf| {
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    };
    watch(git_dir.join("HEAD"));
    watch(common_dir.join("packed-refs"));
    if let Some(reference) = git(manifest_dir, &["symbolic-ref", "-q", "HEAD"]) {
        watch(common_dir.join(reference));
    }
    git(manifest_dir, &["rev-parse", "--short", "HEAD"])
}
