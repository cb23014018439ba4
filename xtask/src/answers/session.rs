//! One logged-in session on a test wiki: every request a POST with `format=json&formatversion=2`,
//! tokens fetched once per kind.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use serde_json::Value;

pub struct Session {
    http: reqwest::blocking::Client,
    api: String,
    tokens: HashMap<String, String>,
    pub requests: u64,
}

impl Session {
    pub fn new(api: &str) -> Result<Session> {
        let http = reqwest::blocking::Client::builder()
            .cookie_store(true)
            .user_agent("mwtyped-xtask-answers/0.1 (recording the test wiki's answers)")
            // As a browser sends it: `meta=userinfo&uiprop=acceptlang` lists it.
            .default_headers(reqwest::header::HeaderMap::from_iter([(
                reqwest::header::ACCEPT_LANGUAGE,
                reqwest::header::HeaderValue::from_static("en-GB,en;q=0.8"),
            )]))
            .timeout(std::time::Duration::from_secs(120))
            .build()?;
        Ok(Session {
            http,
            api: api.to_owned(),
            tokens: HashMap::new(),
            requests: 0,
        })
    }

    /// Sends `params` (plus the format) and returns the answer: JSON when the wiki answered
    /// JSON, else the text as a JSON string (feeds, output formats other than JSON).
    pub fn send(&mut self, params: &[(String, String)]) -> Result<Value> {
        let mut form: Vec<(&str, &str)> = params
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        if !params.iter().any(|(n, _)| n == "format") {
            form.extend([("format", "json"), ("formatversion", "2")]);
        }
        if !params.iter().any(|(n, _)| n == "errorformat") {
            form.push(("errorformat", "plaintext"));
        }
        self.requests += 1;
        let text = self
            .http
            .post(&self.api)
            .form(&form)
            .send()
            .and_then(|r| r.text())
            .with_context(|| format!("POST {} ({})", self.api, describe(params)))?;
        Ok(serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    /// [`Session::send`] with `&str` pairs; fails on an API error.
    pub fn call(&mut self, params: &[(&str, &str)]) -> Result<Value> {
        let owned: Vec<(String, String)> = params
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect();
        let answer = self.send(&owned)?;
        if let Some(errors) = answer.get("errors") {
            bail!("{}: the wiki answered {errors}", describe(&owned));
        }
        Ok(answer)
    }

    /// A token of `kind` (`csrf`, `login`, `rollback`, …), fetched once per kind.
    pub fn token(&mut self, kind: &str) -> Result<String> {
        if let Some(token) = self.tokens.get(kind) {
            return Ok(token.clone());
        }
        let answer = self.call(&[("action", "query"), ("meta", "tokens"), ("type", kind)])?;
        let token = answer
            .pointer(&format!("/query/tokens/{kind}token"))
            .and_then(Value::as_str)
            .with_context(|| format!("no {kind} token in {answer}"))?
            .to_owned();
        self.tokens.insert(kind.to_owned(), token.clone());
        Ok(token)
    }

    /// Logs in through `clientlogin`; tokens are fetched afresh afterwards.
    pub fn login(&mut self, user: &str, password: &str) -> Result<()> {
        self.tokens.clear();
        let token = self.token("login")?;
        let answer = self.call(&[
            ("action", "clientlogin"),
            ("username", user),
            ("password", password),
            ("loginreturnurl", "http://127.0.0.1/"),
            ("logintoken", &token),
        ])?;
        self.tokens.clear();
        match answer
            .pointer("/clientlogin/status")
            .and_then(Value::as_str)
        {
            Some("PASS") => Ok(()),
            _ => bail!("logging in as {user}: {}", answer["clientlogin"]),
        }
    }

    /// Uploads `bytes` as `File:NAME`, warnings ignored (a seed file is uploaded once per wiki,
    /// a new version of it on purpose).
    pub fn upload(&mut self, name: &str, bytes: Vec<u8>, token: &str) -> Result<()> {
        let answer = self.upload_answer(name, bytes, token, &[("ignorewarnings", "1")])?;
        match answer.pointer("/upload/result").and_then(Value::as_str) {
            Some("Success") => Ok(()),
            _ => bail!("uploading {name}: the wiki answered {answer}"),
        }
    }

    /// Uploads `bytes` as `File:NAME` with `options` (`ignorewarnings`, `stash`) and returns
    /// the answer, whatever it is.
    pub fn upload_answer(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        token: &str,
        options: &[(&str, &str)],
    ) -> Result<Value> {
        let mut params = vec![
            ("action", "upload"),
            ("filename", name),
            ("comment", "seed"),
            ("token", token),
        ];
        params.extend_from_slice(options);
        self.send_file(&params, ("file", name, bytes))
            .with_context(|| format!("uploading {name}"))
    }

    /// Posts `params` and one file, `(field, file name, bytes)`, as multipart (uploads,
    /// imports) and returns the answer, whatever it is.
    pub fn send_file(
        &mut self,
        params: &[(&str, &str)],
        (field, file_name, bytes): (&str, &str, Vec<u8>),
    ) -> Result<Value> {
        let mut form = reqwest::blocking::multipart::Form::new();
        for (name, value) in params.iter().chain(&[
            ("format", "json"),
            ("formatversion", "2"),
            ("errorformat", "plaintext"),
        ]) {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        let part = reqwest::blocking::multipart::Part::bytes(bytes).file_name(file_name.to_owned());
        form = form.part(field.to_owned(), part);
        self.requests += 1;
        let owned: Vec<(String, String)> = params
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect();
        self.http
            .post(&self.api)
            .multipart(form)
            .send()
            .and_then(|r| r.json())
            .with_context(|| format!("POST {} ({})", self.api, describe(&owned)))
    }

    /// Posts `body` as it is, of `content_type`, with `params` in the address (what a browser
    /// sends to `action=cspreport`), and returns the answer, whatever it is.
    pub fn send_body(
        &mut self,
        params: &[(&str, &str)],
        content_type: &str,
        body: String,
    ) -> Result<Value> {
        let mut url = reqwest::Url::parse(&self.api)?;
        url.query_pairs_mut()
            .extend_pairs(params)
            .extend_pairs([("format", "json"), ("formatversion", "2")]);
        self.requests += 1;
        self.http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .and_then(|r| r.json())
            .with_context(|| format!("POST {} ({content_type})", self.api))
    }

    /// Forgets the tokens (after a logout or a change of rights).
    pub fn forget_tokens(&mut self) {
        self.tokens.clear();
    }
}

/// The request for messages: its module and the names of its parameters, no values (a token
/// or password never goes into a message).
fn describe(params: &[(String, String)]) -> String {
    let action = params
        .iter()
        .find(|(n, _)| n == "action")
        .map_or("?", |(_, v)| v.as_str());
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    format!("action={action} with {}", names.join(", "))
}
