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

#[test]
fn calendar_and_sla_defaults() {
    use crate::sla::{SlaDuration, Unit};
    let config = Config::default();
    assert_eq!(config.calendar.holiday_data, "cn");
    assert_eq!(config.calendar.work_days, [true, true, true, true, true, false, false]);
    assert_eq!(config.sla.update_every, SlaDuration::new(24, Unit::Hours));
    assert_eq!(config.sla.reopen_resolution, SlaDuration::new(3, Unit::WorkingDays));
    assert_eq!(config.sla.pause_while.resolution, vec![Status::WaitingCustomer]);
    let major = config.sla.targets_for("major").unwrap();
    assert_eq!(
        (major.first_response.to_string(), major.resolution.to_string(), major.followup.to_string()),
        ("1h".into(), "4h".into(), "3d".into())
    );
    assert_eq!(config.sla.targets_for("serious").unwrap().resolution.to_string(), "1wd");
    assert_eq!(config.sla.targets_for("general").unwrap().first_response.to_string(), "24h");
}

#[test]
fn calendar_and_sla_errors_name_the_key() {
    for (text, needle) in [
        ("[calendar]\nwork_hours = \"18:00-09:00\"\n", "calendar.work_hours"),
        ("[calendar]\nholidays = [\"2026-10-32\"]\n", "calendar.holidays: \"2026-10-32\" is not a date"),
        ("[calendar]\nwork_days = [\"mon\", \"funday\"]\n", "calendar.work_days: \"funday\""),
        ("[calendar]\nholiday_data = \"us\"\n", "calendar.holiday_data"),
        ("[calendar]\nweekend = []\n", "weekend"),
        ("[sla]\nupdate_every = \"3x\"\n", "sla.update_every"),
        ("[sla]\nreopen_resolution = \"0wd\"\n", "sla.reopen_resolution"),
        ("[sla.targets.general]\nresolution = \"0wd\"\n", "sla.targets.general.resolution"),
        ("[sla.targets.serious]\nfirst_response = \"4hours\"\n", "sla.targets.serious.first_response"),
        (
            "[sla.targets.urgent]\nfirst_response = \"1h\"\nresolution = \"1h\"\nfollowup = \"1d\"\n",
            "sla.targets.urgent",
        ),
        ("[sla.pause_while]\nresolution = [\"waiting\"]\n", "sla.pause_while.resolution"),
        ("[sla.escalate_to]\nmajr = \"boss@example.com\"\n", "sla.escalate_to.majr"),
        ("[sla]\nmax_wait = \"0wd\"\n", "sla.max_wait = \"0wd\" must be longer than zero"),
        ("[sla]\nveto_report = \"1hour\"\n", "sla.veto_report"),
        (
            "[sla.targets.major]\nmulti_department = \"0h\"\n",
            "sla.targets.major.multi_department = \"0h\" must be longer",
        ),
        ("[sla.targets.major]\nmulti_department = \"1day\"\n", "sla.targets.major.multi_department"),
        ("[sla]\nsupervisor = \"nobody known\"\n", "sla.supervisor = \"nobody known\" is neither"),
        ("[departments.\"售后部\"]\nboss = \"x\"\n", "unknown field `boss`"),
    ] {
        let err = Config::from_toml(text, Path::new("complaint.toml")).unwrap_err().to_string();
        assert!(err.contains(needle), "{text:?}: {err}");
    }
    // A new severity needs targets.
    let text = "[[severities]]\nid = \"general\"\nlabel = \"一般\"\n[[severities]]\nid = \"vip\"\nlabel = \"贵宾\"\n";
    let err = Config::from_toml(text, Path::new("complaint.toml")).unwrap_err().to_string();
    assert!(err.contains("[sla.targets.vip]"), "{err}");
}

#[test]
fn multi_department_is_optional_per_severity() {
    let text = "[sla.targets.major]\nmulti_department = \"8bh\"\n";
    let config = Config::from_toml(text, Path::new("complaint.toml")).unwrap();
    let major = config.sla.targets_for("major").unwrap();
    assert_eq!(major.multi_department.map(|d| d.to_string()), Some("8bh".to_string()));
    assert_eq!(major.resolution.to_string(), "4h");
    assert_eq!(config.sla.targets_for("general").unwrap().multi_department, None);
}

#[test]
fn a_veto_goes_to_the_department_supervisor_else_the_store_one() {
    let text = "[sla]\nsupervisor = \"ops@example.com\"\n[people]\n\"王主管\" = \"王主管 <wang@example.com>\"\n\
                [departments.\"售后部\"]\nsupervisor = \"王主管\"\n[departments.\"仓储部\"]\n";
    let config = Config::from_toml(text, Path::new("complaint.toml")).unwrap();
    assert_eq!(config.supervisor_for(Some("售后部")), Some("王主管"));
    assert_eq!(config.supervisor_address("王主管"), "王主管 <wang@example.com>");
    assert_eq!(config.supervisor_for(Some("仓储部")), Some("ops@example.com"));
    assert_eq!(config.supervisor_for(None), Some("ops@example.com"));
    assert_eq!(config.supervisor_address("ops@example.com"), "ops@example.com");
    assert_eq!(Config::default().supervisor_for(Some("售后部")), None);
    assert_eq!(Config::default().sla.max_wait.to_string(), "5wd");
}

#[test]
fn people_are_an_address_or_a_table_with_email_and_role() {
    let text = "[people]\n\"李四\" = \"李四 <lisi@example.com>\"\n[people.\"王芳\"]\nemail = \"王芳 <wangfang@example.com>\"\n\
                role = \"lead\"\n[people.\"赵六\"]\nrole = \"viewer\"\n";
    let config = Config::from_toml(text, Path::new("complaint.toml")).unwrap();
    assert_eq!(config.address_of("李四"), Some("李四 <lisi@example.com>"));
    assert_eq!(config.role_of("李四"), None);
    assert_eq!(config.address_of("王芳"), Some("王芳 <wangfang@example.com>"));
    assert_eq!(config.role_of("王芳"), Some(super::Role::Lead));
    assert_eq!(config.address_of("赵六"), None);
    assert_eq!(config.role_of("赵六"), Some(super::Role::Viewer));
}

#[test]
fn a_wrong_person_entry_names_the_person_and_the_fix() {
    for (text, needle) in [
        (
            "[people.\"王芳\"]\nrole = \"boss\"\n",
            "[people.\"王芳\"] role = \"boss\" is not a role; a role is one of: agent, lead, viewer",
        ),
        ("[people.\"王芳\"]\nmail = \"w@example.com\"\n", "[people.\"王芳\"] has an unknown key \"mail\""),
        ("[people.\"王芳\"]\nemail = \"not an address\"\n", "[people] 王芳"),
        ("[people]\n\"王芳\" = 3\n", "[people] \"王芳\" is not text but integer"),
        (
            "[people.\"王主管\"]\nrole = \"lead\"\n[sla]\nsupervisor = \"王主管\"\n",
            "neither a name under [people] with an address",
        ),
    ] {
        let err = Config::from_toml(text, Path::new("complaint.toml")).unwrap_err().to_string();
        assert!(err.contains(needle), "{text:?}: {err}");
    }
}
