//! Chunked uploads: a file read from disk one chunk at a time into the user's upload stash
//! (`stash`, `offset`, `filekey`), then published with its comment and page text in one last
//! request. Memory holds one chunk, whatever the file's size. A chunk whose answer was lost
//! is sent again; if the wiki had it already, its answer names the offset to go on from.

use std::path::{Path, PathBuf};

use tokio::io::AsyncReadExt;

use super::{Client, Error, Response};
use crate::request::Request;
use crate::token::{CsrfToken, TokenKind};
use crate::types::UploadFile;

/// A file to upload in chunks. `ChunkedUpload::new(path, "Name.png")`, then the fields.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ChunkedUpload {
    /// The file on disk.
    pub path: PathBuf,
    /// Its name on the wiki, without `File:`.
    pub filename: String,
    /// The upload's log comment.
    pub comment: String,
    /// The text of the file's description page, when it is new.
    pub text: Option<String>,
    /// The size of each chunk; 1 MiB by default (below PHP's usual 2 MiB upload limit).
    pub chunk_size: usize,
    /// Publish despite warnings (an existing file of that name, a duplicate…); else they
    /// are an [`Error::Failed`] carrying them, nothing published.
    pub ignore_warnings: bool,
}

impl ChunkedUpload {
    pub fn new(path: impl Into<PathBuf>, filename: impl Into<String>) -> ChunkedUpload {
        ChunkedUpload {
            path: path.into(),
            filename: filename.into(),
            comment: String::new(),
            text: None,
            chunk_size: 1 << 20,
            ignore_warnings: false,
        }
    }
}

fn read_error(path: &Path, e: std::io::Error) -> Error {
    Error::Setup(format!("reading {}: {e}", path.display()))
}

impl Client {
    /// Uploads `upload.path` in chunks into the stash, then publishes it; the answer of the
    /// publishing request (`upload.result` is `Success`, `upload.imageinfo` describes it).
    pub async fn upload_in_chunks(&self, upload: &ChunkedUpload) -> Result<Response, Error> {
        if upload.chunk_size == 0 {
            return Err(Error::Setup("the chunk size of an upload is 0".into()));
        }
        let mut file = tokio::fs::File::open(&upload.path)
            .await
            .map_err(|e| read_error(&upload.path, e))?;
        let size = file
            .metadata()
            .await
            .map_err(|e| read_error(&upload.path, e))?
            .len();
        let mut offset = 0u64;
        let mut filekey: Option<String> = None;
        let mut chunk = Vec::with_capacity(upload.chunk_size);
        while offset < size {
            chunk.clear();
            (&mut file)
                .take(upload.chunk_size as u64)
                .read_to_end(&mut chunk)
                .await
                .map_err(|e| read_error(&upload.path, e))?;
            if chunk.is_empty() {
                return Err(read_error(
                    &upload.path,
                    std::io::Error::other("the file ended before its size"),
                ));
            }
            let answer = self
                .send_chunk(upload, size, offset, filekey.as_deref(), &chunk)
                .await?;
            let stashed = &answer.body()["upload"];
            if let Some(key) = stashed["filekey"].as_str() {
                filekey = Some(key.to_owned());
            }
            offset = match stashed["result"].as_str() {
                Some("Continue") => stashed["offset"].as_u64().ok_or_else(|| {
                    Error::decode(
                        "upload",
                        format!("a chunk's answer has no offset: {stashed}"),
                    )
                })?,
                Some("Success") => size,
                other => {
                    return Err(Error::decode(
                        "upload",
                        format!("a chunk's answer is {other:?}: {stashed}"),
                    ));
                }
            };
            if offset < size {
                use tokio::io::AsyncSeekExt;
                file.seek(std::io::SeekFrom::Start(offset))
                    .await
                    .map_err(|e| read_error(&upload.path, e))?;
            }
        }
        let filekey =
            filekey.ok_or_else(|| Error::decode("upload", "no filekey after the chunks"))?;
        self.publish(upload, &filekey).await
    }

    /// One chunk into the stash. A chunk is stash data, not yet a change of the wiki: one
    /// whose answer was lost on the way is sent again, and the wiki's `stashfailed` answer
    /// to a chunk it already had names the offset to go on from.
    async fn send_chunk(
        &self,
        upload: &ChunkedUpload,
        size: u64,
        offset: u64,
        filekey: Option<&str>,
        chunk: &[u8],
    ) -> Result<Response, Error> {
        let mut request = Request::default();
        request.text("action", "upload");
        request.text("filename", upload.filename.clone());
        request.text("filesize", size.to_string());
        request.text("offset", offset.to_string());
        request.text("stash", "1");
        // Warnings come at the end, when the whole file is known.
        request.text("ignorewarnings", "1");
        if let Some(key) = filekey {
            request.text("filekey", key.to_owned());
        }
        request.file(
            "chunk",
            &UploadFile {
                file_name: upload.filename.clone(),
                bytes: chunk.to_vec(),
            },
        );
        let mut attempts = 0;
        loop {
            attempts += 1;
            let sent = self
                .send_with_token("upload", &request, CsrfToken::NAME, "token")
                .await;
            match sent {
                Err(Error::Transport { .. } | Error::Http { status: 500.., .. })
                    if attempts <= self.inner.settings.retries =>
                {
                    tracing::warn!(
                        offset,
                        attempts,
                        "a chunk failed on the way: sending it again"
                    );
                }
                Err(e) if e.code() == Some("stashfailed") && attempts > 1 => {
                    return resumed_offset(&e, offset).ok_or(e);
                }
                other => return other,
            }
        }
    }

    /// Publishes the stashed file `filekey` with the upload's comment and text.
    async fn publish(&self, upload: &ChunkedUpload, filekey: &str) -> Result<Response, Error> {
        let mut request = Request::default();
        request.text("action", "upload");
        request.text("filename", upload.filename.clone());
        request.text("filekey", filekey.to_owned());
        request.text("comment", upload.comment.clone());
        if let Some(text) = &upload.text {
            request.text("text", text.clone());
        }
        if upload.ignore_warnings {
            request.text("ignorewarnings", "1");
        }
        self.send_with_token("upload", &request, CsrfToken::NAME, "token")
            .await
    }
}

/// After a chunk sent again: the wiki's refusal names the offset it has (its `data.offset`);
/// past ours, the chunk had arrived, and the upload goes on from there.
fn resumed_offset(error: &Error, offset: u64) -> Option<Response> {
    let had = error
        .messages()
        .iter()
        .find_map(|m| m.data.as_ref()?.get("offset")?.as_u64())?;
    (had > offset).then(|| {
        Response::from_value(
            serde_json::json!({"upload": {"result": "Continue", "offset": had}}),
            vec![],
        )
    })
}
