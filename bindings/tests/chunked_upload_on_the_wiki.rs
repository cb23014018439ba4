//! Chunked uploads on the real 1.39 and 1.43 test wikis: a 20 MiB file read from disk a chunk
//! at a time into the stash, published with its comment and text; MediaWiki's sha1 of the
//! file is the file's own. A second upload of the same content is a warning, not a silent
//! duplicate.

#![cfg(all(feature = "client", feature = "v1_39", feature = "v1_43"))]

mod common;

use common::{EDIT_BOT, api, unique};
use sha1::Digest;

macro_rules! on_version {
    ($name:ident, $version:ident, $var:literal) => {
        mod $name {
            use mwtyped::$version::Query;
            use mwtyped::$version::query::{ImageInfo, ImageInfoProp};
            use mwtyped::{AuthStep, ChunkedUpload, Client, Error};

            use super::*;

            #[tokio::test]
            async fn a_20_mib_file_goes_up_in_chunks_and_its_sha1_is_the_wiki_s() {
                let bytes = common::png::png(20 << 20);
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
                assert_eq!(answer.body()["upload"]["result"], "Success", "{answer:?}");
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
                let file = &read.body()["query"]["pages"][0]["imageinfo"][0];
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
