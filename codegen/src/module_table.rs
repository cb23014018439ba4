//! The facts table of a version: one `ModuleFacts` row per module, in path order.

use mwtyped_spec::{Origin, Spec};
use proc_macro2::TokenStream;
use quote::quote;

/// `pub const MODULES: &[ModuleFacts]` for `spec`. `facts` is the path of the runtime's
/// `ModuleFacts` type as seen from where the tokens land (`crate::ModuleFacts` in mwtyped).
pub fn module_table(spec: &Spec, facts: &TokenStream) -> TokenStream {
    let rows = spec.modules.iter().map(|m| {
        let (path, prefix, classname) = (&m.path, &m.prefix, &m.classname);
        let group = match &m.group {
            Some(g) => quote!(Some(#g)),
            None => quote!(None),
        };
        let extension = match &m.origin {
            Some(Origin::Extension(name)) => quote!(Some(#name)),
            Some(Origin::Core) | None => quote!(None),
        };
        let (mustbeposted, readrights, writerights) = (m.mustbeposted, m.readrights, m.writerights);
        let (generator, internal, deprecated) = (m.generator, m.internal, m.deprecated);
        quote! {
            #facts {
                path: #path,
                prefix: #prefix,
                classname: #classname,
                group: #group,
                extension: #extension,
                mustbeposted: #mustbeposted,
                readrights: #readrights,
                writerights: #writerights,
                generator: #generator,
                internal: #internal,
                deprecated: #deprecated,
            }
        }
    });
    let version = &spec.capture.mediawiki;
    let count = spec.modules.len();
    let doc = format!(" The {count} modules of MediaWiki {version}, in path order.");
    quote! {
        /// The MediaWiki version these modules were captured from.
        pub const MEDIAWIKI_VERSION: &str = #version;
        #[doc = #doc]
        pub const MODULES: &[#facts] = &[#(#rows),*];
    }
}
