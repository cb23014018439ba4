//! Malformed captures give an error that names the file, the module and the parameter,
//! never a panic; what the model does not know is kept and reported.

use mwtyped_spec::{ParamInfo, ParamType, SpecError};

const FILE: &str = "specs/test/raw/paraminfo.json";

fn module_with(param: &str) -> String {
    format!(
        r#"{{"paraminfo":{{"helpformat":"none","modules":[{{"name":"clientlogin","classname":"ApiClientLogin","path":"clientlogin","prefix":"login","source":"MediaWiki","sourcename":"MediaWiki","helpurls":[],"parameters":[{param}],"templatedparameters":[]}}]}}}}"#
    )
}

const GOOD_PARAM: &str =
    r#"{"index":1,"name":"returnurl","type":"string","required":false,"multi":false}"#;

#[test]
fn a_well_formed_module_parses() {
    let info = ParamInfo::parse(FILE, &module_with(GOOD_PARAM)).expect("parses");
    assert_eq!(info.modules[0].parameters[0].ty, ParamType::String);
}

#[test]
fn an_empty_file_is_named() {
    let err = ParamInfo::parse(FILE, "  \n").unwrap_err();
    assert_eq!(err, SpecError::Empty { file: FILE.into() });
    assert!(err.to_string().contains(FILE));
}

#[test]
fn truncated_json_names_the_file_and_position() {
    let text = module_with(GOOD_PARAM);
    let err = ParamInfo::parse(FILE, &text[..text.len() / 2]).unwrap_err();
    assert!(matches!(err, SpecError::Json { line: 1, .. }), "{err:?}");
    assert!(err.to_string().starts_with(FILE), "{err}");
}

#[test]
fn a_missing_key_names_the_module_and_parameter() {
    let err = ParamInfo::parse(
        FILE,
        &module_with(r#"{"index":1,"name":"returnurl","required":false,"multi":false}"#),
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains(FILE) && text.contains("`clientlogin`") && text.contains("`returnurl`"),
        "{text}"
    );
    assert!(text.contains("type"), "{text}");
}

#[test]
fn a_wrong_type_names_the_module_and_parameter() {
    let err = ParamInfo::parse(
        FILE,
        &module_with(
            r#"{"index":1,"name":"returnurl","type":"string","required":"yes","multi":false}"#,
        ),
    )
    .unwrap_err();
    assert!(
        matches!(&err, SpecError::Module { module, parameter: Some(p), .. } if module == "clientlogin" && p == "returnurl"),
        "{err:?}"
    );
}

#[test]
fn a_missing_module_key_names_the_module() {
    let text = module_with(GOOD_PARAM).replace(r#""prefix":"login","#, "");
    let err = ParamInfo::parse(FILE, &text).unwrap_err();
    assert!(
        matches!(&err, SpecError::Module { module, parameter: None, message, .. } if module == "clientlogin" && message.contains("prefix")),
        "{err:?}"
    );
}

#[test]
fn a_missing_modules_list_is_named() {
    let err = ParamInfo::parse(FILE, r#"{"paraminfo":{}}"#).unwrap_err();
    assert_eq!(
        err,
        SpecError::Missing {
            file: FILE.into(),
            key: "paraminfo.modules".into()
        }
    );
}

#[test]
fn an_api_error_is_not_taken_for_data() {
    let err = ParamInfo::parse(
        FILE,
        r#"{"error":{"code":"readapidenied","info":"You need read permission."}}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("readapidenied"), "{err}");
}

#[test]
fn an_unknown_type_and_key_are_kept_and_reported() {
    let text = module_with(
        r#"{"index":1,"name":"returnurl","type":"hologram","required":false,"multi":false,"sparkle":[1,2]}"#,
    );
    let info = ParamInfo::parse(FILE, &text).expect("unknown things are kept, not an error");
    let param = &info.modules[0].parameters[0];
    assert_eq!(param.ty, ParamType::Other("hologram".into()));
    assert_eq!(param.unknown["sparkle"], serde_json::json!([1, 2]));
    // Written back unchanged.
    let original: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(info.to_value(), original);
    // And reported, with the module and parameter.
    let provenance = mwtyped_spec::Provenance {
        api_url: "http://127.0.0.1/api.php".into(),
        generator: "MediaWiki 1.99.0".into(),
        fetched: "2026-01-01T00:00:00Z".into(),
        extensions: vec![],
        requests: vec![],
        tool: "test".into(),
    };
    let (_, findings) = mwtyped_spec::normalise("test", &provenance, info, &[]);
    let report: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert!(
        report.iter().any(|f| f.contains("`clientlogin`")
            && f.contains("`returnurl`")
            && f.contains("hologram")),
        "{report:?}"
    );
    assert!(report.iter().any(|f| f.contains("sparkle")), "{report:?}");
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator: every prefix and a scramble of a real module.
    let text = module_with(GOOD_PARAM);
    for cut in 0..text.len() {
        let _ = ParamInfo::parse(FILE, &text[..cut]);
    }
    let mut state: u32 = 7;
    let mut bytes = text.clone().into_bytes();
    for _ in 0..2000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let i = (state as usize >> 8) % bytes.len();
        bytes[i] = b"{}[]\",:0a "[(state as usize >> 20) % 10];
        let _ = ParamInfo::parse(FILE, &String::from_utf8_lossy(&bytes));
    }
}
