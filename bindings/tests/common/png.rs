//! A PNG file as large as asked, for uploads (the chunked upload test and bench).

use std::io::Write;

/// A PNG of `size` bytes or a little more, of pixels no earlier run made (so that no upload
/// is a duplicate of another): RGB rows, stored without compression.
pub fn png(size: usize) -> Vec<u8> {
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
