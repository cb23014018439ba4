// The spec file of `api_from_spec!` is read relative to the crate's Cargo.toml.
mod wiki {
    mwtyped::api_from_spec!("wiki/no-such-spec.json");
}

fn main() {}
