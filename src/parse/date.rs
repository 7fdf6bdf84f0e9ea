//! Dates shared by every format: building a UTC `OffsetDateTime` from parts with an
//! error a person can act on ("February 2025 has no day 30"), and the ISO / RFC 3339
//! forms the native header and JSON Lines accept.
//!
//! Every date is checked against 1678..=2261, the years tantivy's nanosecond timestamps
//! can represent; outside it a date would wrap silently at index time.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// First and last year an article may carry.
pub const MIN_YEAR: i32 = 1678;
pub const MAX_YEAR: i32 = 2261;

/// A calendar date, with a reason naming the impossible part.
pub fn ymd(year: i32, month: u32, day: u32) -> Result<Date, String> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(out_of_range(year));
    }
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(|| format!("there is no month {month}"))?;
    let day_u8 = u8::try_from(day).unwrap_or(0);
    Date::from_calendar_date(year, month, day_u8).map_err(|_| {
        if day == 0 {
            "there is no day 0".to_string()
        } else {
            format!("{month} {year} has no day {day}")
        }
    })
}

/// A time of day, with a reason naming the impossible part. Leap seconds are refused:
/// no wire timestamp we read carries one.
pub fn hms(hour: u32, minute: u32, second: u32, nanos: u32) -> Result<Time, String> {
    if hour > 23 {
        return Err(format!("there is no hour {hour}"));
    }
    if minute > 59 {
        return Err(format!("there is no minute {minute}"));
    }
    if second > 59 {
        return Err(format!("there is no second {second}"));
    }
    // All four are in range now, so this cannot fail; still no unwrap on input.
    Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).map_err(|e| e.to_string())
}

/// Combine into UTC, converting from `offset` and re-checking the year range (an offset
/// can push 2261-12-31T23:00-05:00 into 2262).
pub fn utc(date: Date, time: Time, offset: UtcOffset) -> Result<OffsetDateTime, String> {
    let local = PrimitiveDateTime::new(date, time).assume_offset(offset);
    let utc = local
        .checked_to_offset(UtcOffset::UTC)
        .ok_or_else(|| out_of_range(date.year()))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&utc.year()) {
        return Err(out_of_range(utc.year()));
    }
    Ok(utc)
}

fn out_of_range(year: i32) -> String {
    format!("year {year} is outside the supported range {MIN_YEAR}..={MAX_YEAR}")
}

/// Parse `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DDTHH:MM[:SS[.fff]]` (UTC) or full RFC 3339
/// with `Z` / `±HH:MM`. `T` may be lowercase or a single space. Month and day may have one
/// digit, the year must have four.
pub fn parse_iso(s: &str) -> Result<OffsetDateTime, String> {
    const SHAPE: &str = "expected YYYY-MM-DD or RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)";
    let mut c = Cursor::new(s);
    let year = c.digits(4, 4).ok_or(SHAPE)?;
    c.expect(b'-').ok_or(SHAPE)?;
    let month = c.digits(1, 2).ok_or(SHAPE)?;
    c.expect(b'-').ok_or(SHAPE)?;
    let day = c.digits(1, 2).ok_or(SHAPE)?;
    let date = ymd(year as i32, month, day)?;
    if c.at_end() {
        return utc(date, Time::MIDNIGHT, UtcOffset::UTC);
    }
    if !(c.expect(b'T').is_some() || c.expect(b't').is_some() || c.expect(b' ').is_some()) {
        return Err(SHAPE.into());
    }
    let hour = c.digits(1, 2).ok_or(SHAPE)?;
    c.expect(b':').ok_or(SHAPE)?;
    let minute = c.digits(2, 2).ok_or(SHAPE)?;
    let mut second = 0;
    let mut nanos = 0;
    if c.expect(b':').is_some() {
        second = c.digits(2, 2).ok_or(SHAPE)?;
        if c.expect(b'.').is_some() || c.expect(b',').is_some() {
            nanos = c.fraction_nanos().ok_or(SHAPE)?;
        }
    }
    let time = hms(hour, minute, second, nanos)?;
    let offset = if c.at_end() || c.expect(b'Z').is_some() || c.expect(b'z').is_some() {
        UtcOffset::UTC
    } else {
        let sign: i32 = if c.expect(b'+').is_some() {
            1
        } else if c.expect(b'-').is_some() {
            -1
        } else {
            return Err(SHAPE.into());
        };
        let oh = c.digits(2, 2).ok_or(SHAPE)?;
        c.expect(b':');
        let om = c.digits(2, 2).ok_or(SHAPE)?;
        if oh > 23 || om > 59 {
            return Err(format!("there is no UTC offset {oh:02}:{om:02}"));
        }
        let seconds = sign * (oh as i32 * 3600 + om as i32 * 60);
        UtcOffset::from_whole_seconds(seconds).map_err(|e| e.to_string())?
    };
    if !c.at_end() {
        return Err(SHAPE.into());
    }
    utc(date, time, offset)
}

/// `JAN` .. `DEC`, any case.
pub fn month_abbrev(s: &[u8]) -> Option<u32> {
    const MONTHS: [&[u8; 3]; 12] = [
        b"JAN", b"FEB", b"MAR", b"APR", b"MAY", b"JUN", b"JUL", b"AUG", b"SEP", b"OCT", b"NOV",
        b"DEC",
    ];
    MONTHS
        .iter()
        .position(|m| s.eq_ignore_ascii_case(&m[..]))
        .map(|i| i as u32 + 1)
}

/// A byte cursor for hand-written date grammars (faster and with better messages than a
/// format description that must cover every malformed variant).
pub struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(s: &'a str) -> Self {
        Cursor::from_bytes(s.as_bytes())
    }

    pub fn from_bytes(bytes: &'a [u8]) -> Self {
        Cursor { bytes, pos: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Consume `b` if it is next.
    pub fn expect(&mut self, b: u8) -> Option<()> {
        if self.bytes.get(self.pos) == Some(&b) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// Skip spaces and tabs; returns how many.
    pub fn spaces(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Between `min` and `max` ASCII digits, as a number; nothing consumed when fewer.
    pub fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.pos;
        let mut value: u32 = 0;
        while let Some(&b) = self.bytes.get(self.pos) {
            if !b.is_ascii_digit() || self.pos - start == max {
                break;
            }
            value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
            self.pos += 1;
        }
        if self.pos - start < min {
            self.pos = start;
            return None;
        }
        Some(value)
    }

    /// The next run of ASCII digits, raw (for callers that look at the digits themselves,
    /// such as the Reuters hour repair).
    pub fn digit_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.bytes.get(start..self.pos).unwrap_or(&[])
    }

    /// The next `n` bytes, if there are that many.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let out = self.bytes.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(out)
    }

    /// A decimal fraction (digits after the point) as nanoseconds; digits past the ninth
    /// are dropped.
    pub fn fraction_nanos(&mut self) -> Option<u32> {
        let run = self.digit_run();
        if run.is_empty() {
            return None;
        }
        let mut nanos: u32 = 0;
        for i in 0..9 {
            let d = run.get(i).map_or(0, |b| u32::from(b - b'0'));
            nanos = nanos * 10 + d;
        }
        Some(nanos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn iso_forms() {
        let cases: &[(&str, OffsetDateTime)] = &[
            ("2025-04-17", datetime!(2025-04-17 0:00 UTC)),
            ("2025-4-7", datetime!(2025-04-07 0:00 UTC)),
            ("2025-04-17T14:30", datetime!(2025-04-17 14:30 UTC)),
            ("2025-04-17T14:30:05", datetime!(2025-04-17 14:30:05 UTC)),
            ("2025-04-17 14:30:05Z", datetime!(2025-04-17 14:30:05 UTC)),
            (
                "2025-04-17t14:30:05.25z",
                datetime!(2025-04-17 14:30:05.25 UTC),
            ),
            (
                "2025-04-17T14:30:05+02:00",
                datetime!(2025-04-17 12:30:05 UTC),
            ),
            (
                "2025-04-17T01:30:05-0300",
                datetime!(2025-04-17 04:30:05 UTC),
            ),
            ("1678-01-01", datetime!(1678-01-01 0:00 UTC)),
            ("2261-12-31T23:59:59Z", datetime!(2261-12-31 23:59:59 UTC)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_iso(input).as_ref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn iso_errors() {
        let cases: &[(&str, &str)] = &[
            ("2025-02-30", "February 2025 has no day 30"),
            ("2024-02-30", "February 2024 has no day 30"),
            ("2025-13-01", "there is no month 13"),
            ("2025-00-01", "there is no month 0"),
            ("2025-01-00", "there is no day 0"),
            ("2025-01-01T24:00", "there is no hour 24"),
            ("2025-01-01T23:60", "there is no minute 60"),
            (
                "1500-01-01",
                "year 1500 is outside the supported range 1678..=2261",
            ),
            (
                "2261-12-31T23:00:00-05:00",
                "year 2262 is outside the supported range 1678..=2261",
            ),
            (
                "17/04/2025",
                "expected YYYY-MM-DD or RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)",
            ),
            (
                "2025-04-17T",
                "expected YYYY-MM-DD or RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)",
            ),
            (
                "2025-04-17x",
                "expected YYYY-MM-DD or RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)",
            ),
            ("", "expected YYYY-MM-DD or RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_iso(input), Err(want.to_string()), "{input}");
        }
        assert!(parse_iso("2024-02-29").is_ok());
    }

    #[test]
    fn month_names() {
        assert_eq!(month_abbrev(b"FEB"), Some(2));
        assert_eq!(month_abbrev(b"dec"), Some(12));
        assert_eq!(month_abbrev(b"FEX"), None);
        assert_eq!(month_abbrev(b"FE"), None);
    }
}
