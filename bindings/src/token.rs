//! Typed tokens: a token carries its kind in its type, so a login token where a csrf token
//! is due does not compile.

use std::fmt;
use std::marker::PhantomData;

/// A kind of token, as `action=query&meta=tokens&type=…` names it.
pub trait TokenKind {
    const NAME: &'static str;
}

macro_rules! token_kinds {
    ($($kind:ident => $name:literal,)*) => {$(
        #[doc = concat!("The `", $name, "` token kind.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $kind {}
        impl TokenKind for $kind {
            const NAME: &'static str = $name;
        }
    )*};
}

token_kinds! {
    CsrfToken => "csrf",
    LoginToken => "login",
    CreateAccountToken => "createaccount",
    PatrolToken => "patrol",
    RollbackToken => "rollback",
    UserRightsToken => "userrights",
    WatchToken => "watch",
}

/// A token of kind `K`. Its value is a credential: `Debug` does not show it.
pub struct Token<K: TokenKind> {
    value: String,
    kind: PhantomData<K>,
}

impl<K: TokenKind> Token<K> {
    /// Wraps a token value fetched from `meta=tokens` for kind `K`.
    pub fn new(value: impl Into<String>) -> Token<K> {
        Token {
            value: value.into(),
            kind: PhantomData,
        }
    }

    pub fn expose(&self) -> &str {
        &self.value
    }
}

impl<K: TokenKind> Clone for Token<K> {
    fn clone(&self) -> Self {
        Token::new(self.value.clone())
    }
}

impl<K: TokenKind> PartialEq for Token<K> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<K: TokenKind> fmt::Debug for Token<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token<{}>(***)", K::NAME)
    }
}
