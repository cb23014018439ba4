//! Every committed capture loads into the model and writes back without losing a field, and
//! says what the MediaWiki versions are known to say.

use std::path::{Path, PathBuf};

use mwtyped_spec::{CAPTURES, Origin, ParamInfo, Spec};

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn spec(name: &str) -> Spec {
    mwtyped_spec::capture(name)
        .unwrap_or_else(|| panic!("capture {name} is not committed"))
        .spec()
        .expect("the committed spec parses")
}

/// Parses a raw paraminfo answer and checks that writing it back gives the same JSON.
fn assert_round_trip(path: &Path) -> ParamInfo {
    let text = std::fs::read_to_string(path).expect("readable");
    let info = ParamInfo::parse(&path.display().to_string(), &text).expect("parses");
    let original: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert!(
        info.to_value() == original,
        "{} does not round-trip",
        path.display()
    );
    info
}

#[test]
fn the_supported_versions_are_committed() {
    let names: Vec<&str> = CAPTURES.iter().map(|c| c.name).collect();
    assert!(
        names.contains(&"mediawiki-1.39") && names.contains(&"mediawiki-1.43"),
        "{names:?}"
    );
}

#[test]
fn every_raw_paraminfo_round_trips() {
    let mut checked = 0;
    for capture in CAPTURES {
        let dir = specs_dir().join(capture.name);
        assert_round_trip(&dir.join("raw/paraminfo.json"));
        checked += 1;
        for part in std::fs::read_dir(dir.join("attribution"))
            .into_iter()
            .flatten()
        {
            assert_round_trip(&part.expect("entry").path().join("paraminfo.json"));
            checked += 1;
        }
    }
    assert!(
        checked > CAPTURES.len(),
        "attribution parts were checked too"
    );
}

#[test]
fn every_normalised_spec_round_trips() {
    for capture in CAPTURES {
        let spec = capture.spec().expect("parses");
        assert_eq!(
            spec.to_json(),
            capture.spec_json,
            "{} does not round-trip",
            capture.name
        );
    }
}

#[test]
fn module_counts_match_mediawiki() {
    // With every bundled extension loaded, and in core alone (the `core` attribution part).
    for (name, all, core) in [("mediawiki-1.39", 141, 121), ("mediawiki-1.43", 160, 122)] {
        let spec = spec(name);
        assert_eq!(spec.modules.len(), all, "{name}: modules");
        let in_core = spec
            .modules
            .iter()
            .filter(|m| m.origin == Some(Origin::Core))
            .count();
        assert_eq!(in_core, core, "{name}: core modules");
        assert!(
            spec.modules.iter().all(|m| m.origin.is_some()),
            "{name}: every module attributed"
        );
    }
}

#[test]
fn versions_are_the_expected_releases() {
    assert_eq!(spec("mediawiki-1.39").capture.mediawiki, "1.39.17");
    assert_eq!(spec("mediawiki-1.43").capture.mediawiki, "1.43.12");
}

#[test]
fn extension_parameters_on_core_modules_are_attributed() {
    for name in ["mediawiki-1.39", "mediawiki-1.43"] {
        let spec = spec(name);
        let edit = spec.module("edit").expect("edit");
        assert_eq!(edit.origin, Some(Origin::Core));
        let captcha = edit
            .parameters
            .iter()
            .find(|p| p.name == "captchaword")
            .expect("captchaword");
        assert_eq!(
            captcha.origin,
            Some(Origin::Extension("ConfirmEdit".into())),
            "{name}"
        );
        let text = edit
            .parameters
            .iter()
            .find(|p| p.name == "text")
            .expect("text");
        assert_eq!(text.origin, Some(Origin::Core), "{name}");
        // An extension's own module is the extension's.
        let abuse = spec.module("query+abuselog").expect("abuselog");
        assert_eq!(
            abuse.origin,
            Some(Origin::Extension("AbuseFilter".into())),
            "{name}"
        );
        // And so are the values it adds to a core submodule list.
        let list = spec
            .module("query")
            .and_then(|q| q.parameters.iter().find(|p| p.name == "list"))
            .expect("list");
        assert_eq!(
            list.value_origins.get("abuselog"),
            Some(&Origin::Extension("AbuseFilter".into())),
            "{name}"
        );
        assert_eq!(
            list.value_origins.get("allpages"),
            None,
            "{name}: core values are not listed"
        );
    }
}

#[test]
fn clientlogin_is_described_fully() {
    let spec = spec("mediawiki-1.39");
    let login = spec.module("clientlogin").expect("clientlogin");
    assert_eq!(
        (login.prefix.as_str(), login.classname.as_str()),
        ("login", "ApiClientLogin")
    );
    assert!(login.mustbeposted && login.writerights && login.dynamicparameters.is_some());
    let token = login
        .parameters
        .iter()
        .find(|p| p.name == "token")
        .expect("token");
    assert!(token.required);
    assert_eq!(token.tokentype.as_deref(), Some("login"));
    let requests = login
        .parameters
        .iter()
        .find(|p| p.name == "requests")
        .expect("requests");
    assert!(requests.multi);
    assert_eq!(
        (requests.limit, requests.lowlimit, requests.highlimit),
        (Some(50), Some(50), Some(500))
    );
}

/// A parameter is marked as the wiki's when its values differ under another configuration;
/// submodule choices never are, and the rest stay closed.
#[test]
fn parameters_whose_values_move_with_the_configuration_are_marked() {
    let mut spec = spec("mediawiki-1.39");
    for module in &mut spec.modules {
        for param in module.parameters.iter_mut() {
            param.wiki_values = false;
        }
    }
    let mut other = spec.modules.clone();
    let add_value = |modules: &mut Vec<mwtyped_spec::Module>, path: &str, name: &str| {
        let module = modules.iter_mut().find(|m| m.path == path).expect(path);
        let param = module
            .parameters
            .iter_mut()
            .find(|p| p.name == name)
            .expect(name);
        if let mwtyped_spec::ParamType::Enum(values) = &mut param.ty {
            values.push("extendedconfirmed".into());
        }
    };
    add_value(&mut other, "query+allusers", "group");
    add_value(&mut other, "query", "list");
    let other = mwtyped_spec::ParamInfo {
        helpformat: None,
        modules: other,
        warnings: None,
    };
    assert_eq!(mwtyped_spec::mark_wiki_values(&mut spec, &other), 1);
    let marked: Vec<String> = spec
        .modules
        .iter()
        .flat_map(|m| {
            m.parameters
                .iter()
                .filter(|p| p.wiki_values)
                .map(|p| format!("{}:{}", m.path, p.name))
        })
        .collect();
    assert_eq!(marked, ["query+allusers:group"]);
}
