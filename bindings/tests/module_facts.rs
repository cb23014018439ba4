//! The facts tables of the committed versions, as users see them.

use mwtyped::find_module;

#[cfg(feature = "v1_39")]
#[test]
fn mediawiki_1_39() {
    use mwtyped::v1_39::{MEDIAWIKI_VERSION, MODULES};
    assert_eq!(MEDIAWIKI_VERSION, "1.39.17");
    assert_eq!(MODULES.len(), 141);
    let login = find_module(MODULES, "clientlogin").expect("clientlogin");
    assert_eq!(
        (login.prefix, login.mustbeposted, login.extension),
        ("login", true, None)
    );
    let totp = find_module(MODULES, "oathvalidate").expect("OATHAuth's module");
    assert_eq!(totp.extension, Some("OATHAuth"));
    assert!(
        MODULES.windows(2).all(|w| w[0].path < w[1].path),
        "sorted by path"
    );
}

#[cfg(feature = "v1_43")]
#[test]
fn mediawiki_1_43() {
    use mwtyped::v1_43::{MEDIAWIKI_VERSION, MODULES};
    assert_eq!(MEDIAWIKI_VERSION, "1.43.12");
    assert_eq!(MODULES.len(), 160);
    assert_eq!(
        MODULES.iter().filter(|m| m.extension.is_none()).count(),
        122
    );
    let pages = find_module(MODULES, "query+allpages").expect("allpages");
    assert!(pages.generator && pages.readrights);
    assert_eq!(pages.prefix, "ap");
}
