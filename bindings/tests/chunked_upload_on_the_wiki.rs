//! Chunked uploads on the real 1.39 and 1.43 test wikis: a 20 MiB file read from disk a chunk
//! at a time into the stash, published with its comment and text; MediaWiki's sha1 of the
//! file is the file's own. A second upload of the same content is a warning, not a silent
//! duplicate.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use std::io::Write;

use common::{EDIT_BOT, api, unique};
use sha1::Digest;

/// A PNG of `size` bytes or a little more, of pixels no earlier run made (so that no upload
/// is a duplicate of another): RGB rows, stored without compression.
fn png(size: usize) -> Vec<u8> {
    let width = 2048usize;
    let row = 1 + width * 3;
    let height = size / row + 1;
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos() as u64
        | 1;
    let mut raw = Vec::with_capacity(row * height);
    // Each row: the filter byte (none), then the pixels.
    let mut line = vec![0u8; row];
    for _ in 0..height {
        for byte in &mut line[1..] {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *byte = seed as u8;
        }
        raw.extend_from_slice(&line);
    }
    let mut zlib = flate2::write::ZlibEncoder::new(vec![], flate2::Compression::none());
    zlib.write_all(&raw).expect("zlib");
    let idat = zlib.finish().expect("zlib");
    let mut ihdr = vec![];
    ihdr.extend((width as u32).to_be_bytes());
    ihdr.extend((height as u32).to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8 bits, RGB
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", &ihdr), (b"IDAT", &idat), (b"IEND", &vec![])] {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
    }
    out
}

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use mwtyped::$version::Query;
            use mwtyped::$version::query::{ImageInfo, ImageInfoProp};
            use mwtyped::{AuthStep, ChunkedUpload, Client, Error};

            use super::*;

            #[tokio::test]
            async fn a_20_mib_file_goes_up_in_chunks_and_its_sha1_is_the_wiki_s() {
                let bytes = png(20 << 20);
                let sha1 = format!("{:x}", sha1::Sha1::digest(&bytes));
                let path = std::env::temp_dir().join(unique("mwtyped-upload-") + ".png");
                std::fs::write(&path, &bytes).expect("written");

                let client =
                    Client::new(api($var), "mwtyped-tests (chunked upload)").expect("client");
                let step = client.login(EDIT_BOT.0, EDIT_BOT.1).await.expect("login");
                assert!(matches!(step, AuthStep::Pass(_)), "{step:?}");
                let name = unique("Mwtyped chunked ") + ".png";
                let mut upload = ChunkedUpload::new(&path, name.clone());
                upload.comment = "a chunked upload".into();
                upload.text = Some("Uploaded by mwtyped's tests.".into());
                let before = client.requests_sent();
                let answer = client.upload_in_chunks(&upload).await.expect("uploaded");
                assert_eq!(answer.body["upload"]["result"], "Success", "{answer:?}");
                let chunks = bytes.len().div_ceil(1 << 20) as u64;
                assert_eq!(
                    client.requests_sent() - before,
                    1 + chunks + 1,
                    "a token, one request per chunk, the publishing one"
                );

                let mut info = ImageInfo::new();
                info.prop = vec![ImageInfoProp::Sha1, ImageInfoProp::Size];
                let mut query = Query::new();
                query.titles = vec![format!("File:{name}")];
                query.select.add(info);
                let read = client.execute(&query).await.expect("imageinfo");
                let file = &read.body["query"]["pages"][0]["imageinfo"][0];
                assert_eq!(file["sha1"], sha1.as_str(), "{file}");
                assert_eq!(file["size"], bytes.len() as u64);

                // The same content again, under another name: MediaWiki warns of the
                // duplicate and publishes nothing.
                let again = ChunkedUpload::new(&path, unique("Mwtyped duplicate ") + ".png");
                let error = client
                    .upload_in_chunks(&again)
                    .await
                    .expect_err("a duplicate");
                let Error::Failed { answer, .. } = &error else {
                    panic!("a warning: {error:?}")
                };
                assert_eq!(answer["result"], "Warning", "{answer}");
                assert!(answer["warnings"].get("duplicate").is_some(), "{answer}");
                std::fs::remove_file(&path).expect("cleanup");
            }
        }
    };
}

on_version!(v1_39, v1_39, "MWTYPED_TEST_API_1_39");
on_version!(v1_43, v1_43, "MWTYPED_TEST_API_1_43");
