// `clientlogin` requires `logintoken`: `new` takes it, so forgetting it does not compile.
use mwtyped::v1_43::ClientLogin;

fn main() {
    let _login = ClientLogin::new();
}
