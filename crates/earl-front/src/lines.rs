//! Line numbers for CSV records that are right whatever the line endings.
//!
//! The csv crate's `Position` counts one line too few on files with CRLF endings (Excel's
//! default): after a `\r` ends a record it reports the next record as starting at the `\n`.
//! So every row of such a file would be reported one line too low. earl counts the newlines
//! before each record's first byte itself, in a second sequential read of the same file,
//! stepping over the line break the csv crate counts as the record's start; multi-line quoted
//! fields count their lines too.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Counts newlines up to increasing byte offsets of one file.
pub struct LineCounter {
    reader: BufReader<File>,
    /// Bytes consumed so far.
    byte: u64,
    /// Newlines seen in them.
    newlines: u64,
}

impl LineCounter {
    pub fn open(path: &Path) -> std::io::Result<LineCounter> {
        Ok(LineCounter {
            reader: BufReader::with_capacity(1 << 16, File::open(path)?),
            byte: 0,
            newlines: 0,
        })
    }

    /// The 1-based line of the record the csv crate says starts at `offset`. Offsets must not
    /// decrease.
    pub fn line_at(&mut self, offset: u64) -> u64 {
        while self.byte < offset {
            let Ok(buf) = self.reader.fill_buf() else {
                break;
            };
            if buf.is_empty() {
                break;
            }
            let take = buf.len().min((offset - self.byte) as usize);
            self.newlines += buf[..take].iter().filter(|&&b| b == b'\n').count() as u64;
            self.byte += take as u64;
            self.reader.consume(take);
        }
        // A record never starts with a line break: one here ends the line before it.
        while let Some(b) = self.reader.fill_buf().ok().and_then(|b| b.first().copied()) {
            if b != b'\n' && b != b'\r' {
                break;
            }
            self.newlines += u64::from(b == b'\n');
            self.byte += 1;
            self.reader.consume(1);
        }
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<u64> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).unwrap();
        let mut counter = LineCounter::open(&path).unwrap();
        let mut reader = csv::Reader::from_path(&path).unwrap();
        reader
            .records()
            .map(|r| counter.line_at(r.unwrap().position().unwrap().byte()))
            .collect()
    }

    #[test]
    fn crlf_lf_and_multiline_fields_give_the_lines_an_editor_shows() {
        assert_eq!(lines_of("a,b\nx,1\ny,2\n"), vec![2, 3]);
        assert_eq!(lines_of("a,b\r\nx,1\r\ny,2\r\n"), vec![2, 3]);
        assert_eq!(lines_of("a,b\r\n\"x\r\nstill x\",1\r\ny,2\r\n"), vec![2, 4]);
    }
}
