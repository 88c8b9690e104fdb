//! The dates of questions: today (UTC), the default date of every question, and the one date
//! syntax every front end takes.

use crate::{EngineError, InputError};
use jiff::civil::Date;

/// Today's date in UTC, the default date of every question.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// Parses a date written exactly `YYYY-MM-DD`, with an error that says what was wrong. Every
/// front end's dates pass here, so the CLI, a batch row (its cells trimmed) and the API take
/// the same dates.
pub fn parse_date(s: &str) -> Result<Date, EngineError> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(EngineError::Input(InputError::BadDate {
            text: s.to_string(),
            detail: None,
        }));
    }
    s.parse::<Date>().map_err(|e| {
        EngineError::Input(InputError::BadDate {
            text: s.to_string(),
            detail: Some(e.to_string()),
        })
    })
}
