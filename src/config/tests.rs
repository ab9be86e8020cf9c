use super::*;

#[test]
fn template_is_the_default() {
    let config = Config::default();
    assert_eq!(config.id.prefix, "CP");
    assert_eq!(config.id.width, 3);
    assert_eq!(config.zone().name(), "Asia/Shanghai");
    assert_eq!(config.categories.len(), 5);
    assert_eq!(config.channels.len(), 9);
    assert_eq!(config.causes.len(), 7);
    assert_eq!(config.satisfied_at(5), Some(4));
    assert_eq!(config.satisfied_at(10), Some(8));
}

#[test]
fn resolves_ids_labels_and_aliases() {
    let config = Config::default();
    for (text, id) in [
        ("serious", "serious"),
        ("严重", "serious"),
        ("紧急", "serious"),
        ("重要级", "serious"),
        ("特急", "major"),
        ("紧急级", "major"),
        ("一般级", "general"),
        ("MAJOR", "major"),
    ] {
        assert_eq!(config.resolve(ChoiceKind::Severity, text).unwrap(), id, "{text}");
    }
    assert_eq!(config.resolve(ChoiceKind::Channel, "微信").unwrap(), "wechat");
    assert_eq!(config.resolve(ChoiceKind::Category, "物流配送").unwrap(), "logistics");
}

#[test]
fn unknown_value_lists_valid_ones_and_suggests() {
    let config = Config::default();
    let err = config.resolve(ChoiceKind::Category, "logistic").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("product_quality (产品质量)"), "{message}");
    assert_eq!(err.hint().unwrap(), "did you mean \"logistics\"?");
}

#[test]
fn user_file_overlays_defaults() {
    let config = Config::from_toml("[id]\nprefix = \"CW\"\nwidth = 4\n", Path::new("complaint.toml")).unwrap();
    assert_eq!(config.id.prefix, "CW");
    assert_eq!(config.id.width, 4);
    assert_eq!(config.categories.len(), 5);
}

#[test]
fn rejects_bad_config() {
    for (text, needle) in [
        ("[id]\nprefix = \"cp\"\n", "id.prefix"),
        ("[time]\nzone = \"Mars/Olympus\"\n", "Mars/Olympus"),
        ("[idd]\nprefix = \"CP\"\n", "idd"),
        ("[[severities]]\nid = \"a\"\nlabel = \"x\"\n[[severities]]\nid = \"b\"\nlabel = \"x\"\n", "names both"),
        ("[satisfaction]\ndefault_scale = 7\n", "default_scale"),
        ("not toml", "complaint.toml"),
    ] {
        let err = Config::from_toml(text, Path::new("complaint.toml")).unwrap_err().to_string();
        assert!(err.contains(needle), "{text:?}: {err}");
    }
}
