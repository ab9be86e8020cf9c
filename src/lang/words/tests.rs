use std::collections::BTreeSet;

use super::*;
use crate::lang::messages::all;

#[test]
fn words_render_in_either_language() {
    let words = Words::list(vec![
        Words::new("change.department").with("name", "售后部"),
        Words::new("change.transition").with_pick("from", "待受理", "new").with_pick("to", "处理中", "processing"),
    ]);
    assert_eq!(words.render(Lang::En), "department 售后部, new -> processing");
    assert_eq!(words.render(Lang::Zh), "责任部门 售后部，待受理 → 处理中");
}

/// Every key the source gives `Words::new` as a literal is in the catalogue.
#[test]
fn every_key_of_words_exists() {
    let keys: BTreeSet<&str> = all().map(|m| m.key).collect();
    let mut missing = Vec::new();
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                for piece in code.split("Words::new(\"").skip(1) {
                    let key = &piece[..piece.find('"').unwrap_or(0)];
                    if !keys.contains(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "keys not in the catalogue: {missing:#?}");
}
