//! Input parsers: native files, Reuters-21578 SGML, JSON Lines, and format detection.
//!
//! Inline fixtures are made-up text in each format's markup; the real corpora in
//! `../shared/corpora` are read by path (never copied) and must be present.

use dateline::article::Article;
use dateline::parse::native::split_dateline;
use dateline::parse::reuters::parse_date;
use dateline::parse::{detect, parse_file, Format, Location, ParseError, Parsed};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use time::macros::datetime;
use time::OffsetDateTime;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");

/// A path under `../shared`, or a panic saying it is missing (never a silent pass).
fn shared(rel: &str) -> PathBuf {
    let path = Path::new(SHARED).join(rel);
    if !path.exists() {
        panic!(
            "../shared/{rel} not found: expected at {}; these tests need the shared corpora",
            path.display()
        );
    }
    path
}

fn parse(name: &str, bytes: impl AsRef<[u8]>) -> Result<Parsed, ParseError> {
    parse_file(Path::new(name), name, bytes.as_ref())
}

/// Parse a file expected to hold exactly one good article and nothing else.
fn one(name: &str, bytes: impl AsRef<[u8]>) -> Article {
    let parsed = match parse(name, bytes) {
        Ok(p) => p,
        Err(e) => panic!("{name}: unexpected failure: {e}"),
    };
    assert!(parsed.errors.is_empty(), "{name}: {:?}", parsed.errors);
    assert_eq!(parsed.articles.len(), 1, "{name}");
    parsed.articles.into_iter().next().unwrap()
}

fn failure(name: &str, bytes: impl AsRef<[u8]>) -> ParseError {
    match parse(name, bytes) {
        Ok(p) => panic!("{name}: expected a failure, got {p:?}"),
        Err(e) => e,
    }
}

fn errors(parsed: &Parsed) -> Vec<String> {
    parsed.errors.iter().map(ToString::to_string).collect()
}

/// No control characters but the layout ones (line breaks, tabs). The message names the
/// character and its offset, never the text (corpus text stays out of logs).
fn assert_no_controls(a: &Article) {
    for (what, s) in [("headline", &a.headline), ("body", &a.body)] {
        let bad = s
            .char_indices()
            .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t');
        assert_eq!(bad, None, "{}: control character in {what}", a.id);
    }
}

// ---------------------------------------------------------------- native format

#[test]
fn native_headers() {
    let d0417 = datetime!(2025-04-17 0:00 UTC);
    let cases: &[(&str, &str, OffsetDateTime, &str)] = &[
        (
            "seed's exact first line",
            " date 2025-04-17 Putin and Qatari emir discuss Syria and Gaza at Moscow talks\n\nBody.\n",
            d0417,
            "Putin and Qatari emir discuss Syria and Gaza at Moscow talks",
        ),
        ("no leading space", "date 2025-04-17 Headline here\n\nBody.\n", d0417, "Headline here"),
        ("BOM", "\u{feff} date 2025-04-17 Headline\n\nBody.\n", d0417, "Headline"),
        ("CRLF", " date 2025-04-17 Headline\r\n\r\nBody.\r\n", d0417, "Headline"),
        (
            "tabs and runs of spaces",
            "\tdate\t2025-04-17   Head \t line  \n\nBody.\n",
            d0417,
            "Head line",
        ),
        ("trailing blank lines", " date 2025-04-17 Headline\n\nBody.\n\n\n  \n", d0417, "Headline"),
        ("leading blank lines", "\n\n date 2025-04-17 Headline\n\nBody.\n", d0417, "Headline"),
        ("capital and colon", " Date: 2025-04-17 Headline\n\nBody.\n", d0417, "Headline"),
        ("no body", " date 2025-04-17 Headline only\n", d0417, "Headline only"),
        (
            "time of day",
            " date 2025-04-17T14:30:00Z Headline\n\nBody.\n",
            datetime!(2025-04-17 14:30 UTC),
            "Headline",
        ),
        (
            "offset converted to UTC",
            " date 2025-04-17T01:00+03:00 Headline\n\nBody.\n",
            datetime!(2025-04-16 22:00 UTC),
            "Headline",
        ),
    ];
    for (name, text, date, headline) in cases {
        let a = one(name, text);
        assert_eq!(a.date, *date, "{name}");
        assert_eq!(a.headline, *headline, "{name}");
        assert_eq!(a.id, *name, "{name}: id is the prefix");
        assert_eq!(a.origin.path, Path::new(name));
        assert_eq!(a.origin.position, None);
    }
}

#[test]
fn native_body_and_dateline() {
    let a = one(
        "em-dash.txt",
        " date 2025-04-17 Headline\r\n\r\nMOSCOW (Reuters) \u{2014} First paragraph.  \r\n\r\nSecond paragraph.\r\n\r\n\r\n",
    );
    assert_eq!(a.dateline.as_deref(), Some("MOSCOW"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.body, "First paragraph.\n\nSecond paragraph.");

    let a = one(
        "no-dateline.txt",
        " date 2025-04-17 Headline\n\nThe minister (pictured) - said nothing.\n",
    );
    assert_eq!(a.dateline, None);
    assert_eq!(a.source, None);
    assert_eq!(a.body, "The minister (pictured) - said nothing.");

    // No blank line between header and body is tolerated.
    let a = one(
        "tight.txt",
        " date 2025-04-17 Headline\nTEL AVIV (AP) - Text.\n",
    );
    assert_eq!(a.dateline.as_deref(), Some("TEL AVIV"));
    assert_eq!(a.source.as_deref(), Some("AP"));
    assert_eq!(a.body, "Text.");

    // A byline above the dateline stays in the body; the dateline is still found.
    let a = one(
        "byline.txt",
        " date 2025-06-18 Quake\n\nBy Jane Doe and Ken Sato\n\nTOKYO (Reuters) - A quake struck.\n",
    );
    assert_eq!(a.dateline.as_deref(), Some("TOKYO"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.body, "By Jane Doe and Ken Sato\n\nA quake struck.");
    let a = one(
        "not-byline.txt",
        " date 2025-06-18 Quake\n\nBy noon the quake had passed.\n\nTOKYO (Reuters) - Text.\n",
    );
    assert_eq!(a.dateline, None);

    // An untitled item (a price table) is still a story.
    let a = one(
        "untitled.txt",
        " date 1987-04-07

NEW YORK (Reuters) - MAY7 1928 OFF 6
",
    );
    assert_eq!(a.headline, "");
    assert_eq!(a.dateline.as_deref(), Some("NEW YORK"));
    assert_eq!(a.body, "MAY7 1928 OFF 6");
}

#[test]
fn dateline_openings() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "MOSCOW (Reuters) - Qatar's Emir",
            "MOSCOW",
            "Reuters",
            "Qatar's Emir",
        ),
        (
            "MOSCOW (Reuters) \u{2014} Text",
            "MOSCOW",
            "Reuters",
            "Text",
        ),
        (
            "MOSCOW (Reuters) \u{2013} Text",
            "MOSCOW",
            "Reuters",
            "Text",
        ),
        ("MOSCOW (Reuters) -- Text", "MOSCOW", "Reuters", "Text"),
        ("MOSCOW (Reuters)-Text", "MOSCOW", "Reuters", "Text"),
        (
            "MOSCOW (Reuters) -\nText on the next line",
            "MOSCOW",
            "Reuters",
            "Text on",
        ),
        (
            "WASHINGTON, April 17 (Reuters) - Text",
            "WASHINGTON",
            "Reuters",
            "Text",
        ),
        ("NEW YORK (Reuters) - Text", "NEW YORK", "Reuters", "Text"),
        (
            "RIO DE JANEIRO (Reuters) - Text",
            "RIO DE JANEIRO",
            "Reuters",
            "Text",
        ),
        (
            "ST. PETERSBURG, Russia (Reuters) - Text",
            "ST. PETERSBURG, Russia",
            "Reuters",
            "Text",
        ),
        (
            "LONDON, Ontario (Reuters) - Text",
            "LONDON, Ontario",
            "Reuters",
            "Text",
        ),
        (
            "STAMFORD, Conn., March 2 (Reuters) - Text",
            "STAMFORD, Conn.",
            "Reuters",
            "Text",
        ),
        ("PARIS, Feb. 3 (AFP) - Text", "PARIS", "AFP", "Text"),
        ("TEL AVIV (AP) \u{2014} Text", "TEL AVIV", "AP", "Text"),
        (
            "KUALA LUMPUR (Bernama) - Text",
            "KUALA LUMPUR",
            "Bernama",
            "Text",
        ),
        (
            "  SÃO PAULO ( Reuters ) - Text",
            "SÃO PAULO",
            "Reuters",
            "Text",
        ),
        ("N'DJAMENA (AFP) - Text", "N'DJAMENA", "AFP", "Text"),
        // Filed from several desks.
        (
            "LONDON/BRUSSELS (Reuters) - Text",
            "LONDON/BRUSSELS",
            "Reuters",
            "Text",
        ),
        (
            "KYIV/MOSCOW, June 18 (Reuters) - Text",
            "KYIV/MOSCOW",
            "Reuters",
            "Text",
        ),
    ];
    for (body, city, agency, rest) in cases {
        let d = split_dateline(body).unwrap_or_else(|| panic!("no dateline in {body:?}"));
        assert_eq!(d.city, *city, "{body:?}");
        assert_eq!(d.source, *agency, "{body:?}");
        assert!(d.rest.starts_with(rest), "{body:?}: rest {:?}", d.rest);
    }
    let not_datelines = [
        "The minister (pictured) - said nothing.",
        "Moscow (Reuters) - mixed-case cities are not datelines",
        "MOSCOW - no agency",
        "MOSCOW (Reuters) said nothing",
        "MOSCOW (Reuters) -5% is a number",
        "NATO (the alliance) said - nothing",
        "MOSCOW\n(Reuters) - broken across lines",
        "MOSCOW () - empty agency",
        "",
    ];
    for body in not_datelines {
        assert_eq!(split_dateline(body), None, "{body:?}");
    }
}

#[test]
fn native_failures() {
    let cases: &[(&str, &[u8], &str, bool)] = &[
        (
            "impossible day",
            b" date 2025-02-30 Headline\n\nBody.\n",
            "line 1: invalid date `2025-02-30`: February 2025 has no day 30",
            false,
        ),
        (
            "impossible month",
            b" date 2025-13-01 Headline\n\nBody.\n",
            "line 1: invalid date `2025-13-01`: there is no month 13",
            false,
        ),
        (
            "wrong date shape",
            b"date 17/04/2025 Headline\n",
            "line 1: invalid date `17/04/2025`: expected YYYY-MM-DD or RFC 3339 (YYYY-MM-DDTHH:MM:SSZ)",
            false,
        ),
        (
            "before tantivy's range",
            b" date 1492-10-12 Headline\n",
            "line 1: invalid date `1492-10-12`: year 1492 is outside the supported range 1678..=2261",
            false,
        ),
        (
            "line number after blank lines",
            b"\n\n date 2025-02-29 Headline\n",
            "line 3: invalid date `2025-02-29`: February 2025 has no day 29",
            false,
        ),
        (
            "date only, no body",
            b" date 2025-04-17\n",
            "line 1: missing headline and body",
            false,
        ),
        (
            "blank headline, blank body",
            b" date 2025-04-17 \t \r\n\r\n \r\n",
            "line 1: missing headline and body",
            false,
        ),
        (
            "forgotten header",
            b"Headline\n\nMOSCOW (Reuters) - Text.\n",
            "line 1: missing header ` date YYYY-MM-DD headline` (line 3 opens a story)",
            false,
        ),
        ("empty", b"", "empty file", true),
        ("whitespace only", b" \n\t\r\n", "empty file", true),
        ("BOM only", b"\xEF\xBB\xBF\n", "empty file", true),
        (
            "binary",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "binary file (NUL byte at offset 8)",
            true,
        ),
        (
            "invalid UTF-8",
            b" date 2025-04-17 Headline\n\nok\nbad \xff byte\n",
            "invalid UTF-8 at line 4, byte 34",
            false,
        ),
        (
            "invalid UTF-8 after a BOM",
            b"\xEF\xBB\xBF date 2025-04-17 Caf\xe9\n",
            "invalid UTF-8 at line 1, byte 23",
            false,
        ),
        (
            "prose",
            b"# Notes\n\nNothing to index here.\n",
            "not a recognised article format",
            true,
        ),
        (
            "word list starting with date",
            b"date\nfig\nolive\n",
            "not a recognised article format",
            true,
        ),
    ];
    for (name, bytes, message, skip) in cases {
        let e = failure(name, bytes);
        assert_eq!(e.to_string(), *message, "{name}");
        assert_eq!(e.is_skip(), *skip, "{name}: is_skip");
        assert!(!e.to_string().contains('\n'), "{name}: one line");
    }
}

#[test]
fn seed_file() {
    let path = shared("corpora/seed/2025-04-17-putin-qatar-emir.txt");
    let bytes = std::fs::read(&path).expect("read seed");
    assert_eq!(detect(&path, &bytes), Ok(Format::Native));
    let parsed = parse_file(&path, "2025-04-17-putin-qatar-emir.txt", &bytes).expect("parse");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let [a] = parsed.articles.as_slice() else {
        panic!("expected one article, got {}", parsed.articles.len());
    };
    assert_eq!(a.id, "2025-04-17-putin-qatar-emir.txt");
    assert_eq!(a.date, datetime!(2025-04-17 0:00 UTC));
    assert_eq!(
        a.headline,
        "Putin and Qatari emir discuss Syria and Gaza at Moscow talks"
    );
    assert_eq!(a.dateline.as_deref(), Some("MOSCOW"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert!(a.body.starts_with("Qatar's Emir"));
    assert!(a.body.contains("\n\n"), "paragraphs kept");
    assert_eq!(a.body, a.body.trim());
    assert_eq!(a.origin.path, path);
}

// ---------------------------------------------------------------- Reuters SGML

const DOCTYPE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";

/// One made-up story in the collection's markup.
fn story(newid: u32, date: &str, text: &str) -> String {
    format!(
        "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"{old}\" NEWID=\"{newid}\">\n\
         <DATE>{date}</DATE>\n\
         <TOPICS><D>grain</D></TOPICS>\n\
         <PLACES><D>usa</D></PLACES>\n\
         <PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n\
         <UNKNOWN> \n&#5;&#5;&#5;G\n&#22;&#22;&#1;f0001&#31;reute\nu f BC-MADE-UP   03-01 0010</UNKNOWN>\n\
         {text}\n\
         </REUTERS>\n",
        old = newid + 5000
    )
}

fn norm_text(title: &str, dateline: &str, body: &str) -> String {
    format!(
        "<TEXT>&#2;\n<TITLE>{title}</TITLE>\n<DATELINE>{dateline}</DATELINE><BODY>{body}\n Reuter\n&#3;</BODY></TEXT>"
    )
}

fn simple_text() -> String {
    norm_text(
        "MADE-UP WIDGET OUTPUT RISES",
        "    SPRINGFIELD, March 1 - ",
        "Widget output rose in the made-up\nregion, an official said.",
    )
}

fn sgml(stories: &[String]) -> String {
    let mut s = DOCTYPE.to_string();
    for st in stories {
        s.push_str(st);
    }
    s
}

#[test]
fn reuters_story_fields() {
    let text = norm_text(
        "MADE-UP  WIDGET\n OUTPUT RISES",
        "    SPRINGFIELD, Ill., March 1 - ",
        "Widget output rose in the made-up\nregion, an official said.\n    A second paragraph.",
    );
    let a = one(
        "x.sgm",
        sgml(&[story(42, "26-FEB-1987 15:01:01.79", &text)]),
    );
    assert_eq!(a.id, "reuters21578-42");
    assert_eq!(a.date, datetime!(1987-02-26 15:01:01 UTC));
    assert_eq!(a.headline, "MADE-UP WIDGET OUTPUT RISES");
    assert_eq!(a.dateline.as_deref(), Some("SPRINGFIELD, Ill."));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(
        a.body,
        "Widget output rose in the made-up\nregion, an official said.\n    A second paragraph."
    );
    assert_eq!(a.origin.position, Some(1));

    // A dateline without a comma.
    let text = norm_text("T", "    TOKYO - ", "Text.");
    let a = one("x.sgm", sgml(&[story(1, "1-MAR-1987 00:00:00.00", &text)]));
    assert_eq!(a.dateline.as_deref(), Some("TOKYO"));
    assert_eq!(a.body, "Text.");
}

#[test]
fn reuters_date_quirks() {
    let cases: &[(&str, OffsetDateTime)] = &[
        (
            "26-FEB-1987 15:01:01.79",
            datetime!(1987-02-26 15:01:01 UTC),
        ),
        (
            " 1-MAR-1987 08:05:00.00",
            datetime!(1987-03-01 08:05:00 UTC),
        ),
        (
            "  2-MAR-1987 08:05:00.00",
            datetime!(1987-03-02 08:05:00 UTC),
        ),
        (
            " 12-MAR-1987 10:00:00.00",
            datetime!(1987-03-12 10:00:00 UTC),
        ),
        (
            "3-MAR-1987  09:15:05.40",
            datetime!(1987-03-03 09:15:05 UTC),
        ),
        ("16-MAR-1987 16:22:00.0", datetime!(1987-03-16 16:22:00 UTC)),
        (
            "5-MAR-1987 12:00:09.93&#5;&#5;&#5;RM",
            datetime!(1987-03-05 12:00:09 UTC),
        ),
        (
            "5-MAR-1987 12:00:09.93&#5;&#5;&#5;C G T",
            datetime!(1987-03-05 12:00:09 UTC),
        ),
        (
            "9-APR-1987 00:00:00.00    # a made-up note",
            datetime!(1987-04-09 0:00 UTC),
        ),
        (
            "31-MAR-1987 605:12:19.12",
            datetime!(1987-03-31 05:12:19 UTC),
        ),
        ("26-feb-1987 15:01:01", datetime!(1987-02-26 15:01:01 UTC)),
        ("26-FEB-1987", datetime!(1987-02-26 0:00 UTC)),
    ];
    for (raw, want) in cases {
        assert_eq!(parse_date(raw.as_bytes()).as_ref(), Ok(want), "{raw:?}");
        let a = one("x.sgm", sgml(&[story(7, raw, &simple_text())]));
        assert_eq!(a.date, *want, "{raw:?} through the file parser");
    }
}

#[test]
fn reuters_bad_dates_are_per_story() {
    let cases: &[(&str, &str)] = &[
        (
            "31-FEB-1987 10:00:00.00",
            "story 2 (NEWID 2): invalid date `31-FEB-1987 10:00:00.00`: February 1987 has no day 31",
        ),
        (
            "26-XYZ-1987 10:00:00.00",
            "story 2 (NEWID 2): invalid date `26-XYZ-1987 10:00:00.00`: expected DD-MON-YYYY HH:MM:SS.cc",
        ),
        (
            "26-FEB-1987 99:00:00.00",
            "story 2 (NEWID 2): invalid date `26-FEB-1987 99:00:00.00`: there is no hour 99",
        ),
        (
            "26-FEB-1987 925:00:00.00",
            "story 2 (NEWID 2): invalid date `26-FEB-1987 925:00:00.00`: there is no hour 925",
        ),
        (
            "26-FEB-1987 10:61:00.00",
            "story 2 (NEWID 2): invalid date `26-FEB-1987 10:61:00.00`: there is no minute 61",
        ),
        (
            "26-FEB-1087 10:00:00.00",
            "story 2 (NEWID 2): invalid date `26-FEB-1087 10:00:00.00`: year 1087 is outside the supported range 1678..=2261",
        ),
        (
            "  ",
            "story 2 (NEWID 2): invalid date ``: expected DD-MON-YYYY HH:MM:SS.cc",
        ),
    ];
    for (raw, message) in cases {
        let file = sgml(&[
            story(1, "26-FEB-1987 15:01:01.79", &simple_text()),
            story(2, raw, &simple_text()),
            story(3, "26-FEB-1987 15:01:02.00", &simple_text()),
        ]);
        let parsed = parse("x.sgm", file).expect("file parses");
        assert_eq!(errors(&parsed), [*message], "{raw:?}");
        let ids: Vec<_> = parsed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["reuters21578-1", "reuters21578-3"]);
        assert_eq!(parsed.articles[1].origin.position, Some(3));
    }

    // No DATE element at all.
    let no_date = story(5, "x", &simple_text()).replace("<DATE>x</DATE>\n", "");
    let parsed = parse("x.sgm", sgml(&[no_date])).expect("file parses");
    assert_eq!(errors(&parsed), ["story 1 (NEWID 5): missing <DATE>"]);
    assert!(parsed.articles.is_empty());

    // No NEWID: no id can be made.
    let no_id = story(5, "1-MAR-1987 00:00:00.00", &simple_text()).replace(" NEWID=\"5\"", "");
    let parsed = parse("x.sgm", sgml(&[no_id])).expect("file parses");
    assert_eq!(errors(&parsed), ["story 1: missing NEWID attribute"]);
}

#[test]
fn reuters_brief_and_unproc() {
    let brief = "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>MADE-UP AGENCY SETS 1.5 BILLION DLR\nREPURCHASE\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>";
    let a = one("x.sgm", sgml(&[story(9, "2-MAR-1987 10:00:00.00", brief)]));
    assert_eq!(a.headline, "MADE-UP AGENCY SETS 1.5 BILLION DLR REPURCHASE");
    assert_eq!(a.body, "");
    assert_eq!(a.dateline, None);
    assert_eq!(a.source.as_deref(), Some("Reuters"));

    // A brief with real text after the title keeps it.
    let brief = "<TEXT TYPE=\"BRIEF\">&#2;\n***<TITLE>MADE-UP BRIEF</TITLE>One made-up line.\n&#3;\n\n</TEXT>";
    let a = one("x.sgm", sgml(&[story(9, "2-MAR-1987 10:00:00.00", brief)]));
    assert_eq!(a.headline, "MADE-UP BRIEF");
    assert_eq!(a.body, "One made-up line.");

    let unproc = "<TEXT TYPE=\"UNPROC\">&#2;\n\n  MADE-UP WEEKLY  TABLE - MARCH 2  \n    Week ended March 1     mlns\n Widgets.........12 vs.....10\n&#3;\n\n</TEXT>";
    let a = one(
        "x.sgm",
        sgml(&[story(10, "2-MAR-1987 10:00:00.00", unproc)]),
    );
    assert_eq!(a.headline, "MADE-UP WEEKLY TABLE - MARCH 2");
    assert_eq!(
        a.body,
        "  MADE-UP WEEKLY  TABLE - MARCH 2\n    Week ended March 1     mlns\n Widgets.........12 vs.....10"
    );
    assert_eq!(a.dateline, None);
    assert_no_controls(&a);

    // Untitled and empty: still an article, with an empty headline.
    let empty = "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>";
    let a = one("x.sgm", sgml(&[story(11, "2-MAR-1987 10:00:00.00", empty)]));
    assert_eq!(a.headline, "");
    assert_eq!(a.body, "");
}

/// A table whose rows the markup scattered around a DATELINE that holds no place: the
/// dateline is none, and every row, in order, is in the body (the AUTHOR byline is not).
/// A date glued to a city without a comma is cut off.
#[test]
fn reuters_dateline_that_is_no_place() {
    let text = "<TEXT>&#2;\n<TITLE>MADE-UP GRAIN FUTURES 10:50 EDT</TITLE>\n<AUTHOR> By Jo Roe, Reuters</AUTHOR>\nSPRINGFIELD WHEAT MAY7 273 1/2 &lt;SPW>\n<DATELINE> MAR8 -- --</DATELINE><BODY>SHELBYVILLE WHEAT MAY7 284 1/2 UP 1\n&#3;</BODY></TEXT>";
    let a = one("x.sgm", sgml(&[story(12, "7-APR-1987 10:50:00.00", text)]));
    assert_eq!(a.dateline, None);
    assert_eq!(
        a.body,
        "SPRINGFIELD WHEAT MAY7 273 1/2 <SPW> MAR8 -- -- SHELBYVILLE WHEAT MAY7 284 1/2 UP 1"
    );
    let text = norm_text(
        "MADE-UP MINERS STRIKE",
        "JOHANNESBURG March 13 - ",
        "Made-up miners struck.",
    );
    let a = one(
        "x.sgm",
        sgml(&[story(13, "13-MAR-1987 10:00:00.00", &text)]),
    );
    assert_eq!(a.dateline.as_deref(), Some("JOHANNESBURG"));
    assert_eq!(a.body, "Made-up miners struck.");
}

#[test]
fn reuters_entities_and_latin1() {
    let text = norm_text(
        "MADE-UP &lt;MUW> SETS DIVIDEND",
        "    SPRINGFIELD, March 1 - ",
        "Made-Up Widgets Inc &lt;MUW> and Smith &amp; Co said\nthe&#127; dividend&#27;[B is payable&#30;.",
    );
    let mut file = sgml(&[story(1, "1-MAR-1987 00:00:00.00", &text)]).into_bytes();
    // Splice in one raw Latin-1 byte (0xFC, "ü"), as in the real collection.
    let at = file.windows(5).position(|w| w == b"Smith").expect("marker");
    file.splice(at..at + 5, b"M\xfcller".iter().copied());
    let a = one("x.sgm", &file);
    assert_eq!(a.headline, "MADE-UP <MUW> SETS DIVIDEND");
    assert_eq!(
        a.body,
        "Made-Up Widgets Inc <MUW> and M\u{fc}ller & Co said\nthe dividend[B is payable."
    );
    assert_no_controls(&a);
}

#[test]
fn reuters_truncated_files() {
    let two = [
        story(1, "1-MAR-1987 00:00:00.00", &simple_text()),
        story(2, "1-MAR-1987 00:00:01.00", &simple_text()),
    ];
    let third = story(3, "1-MAR-1987 00:00:02.00", &simple_text());
    let cut_at = |marker: &str| -> String {
        let i = third.find(marker).expect("marker");
        sgml(&two) + &third[..i]
    };
    let cases = [
        (
            cut_at("region"),
            "story 3 (NEWID 3): truncated, no </REUTERS> before end of file",
        ),
        (
            cut_at("</REUTERS>") + "</REUT",
            "story 3 (NEWID 3): truncated, no </REUTERS> before end of file",
        ),
        (
            cut_at("LEWISSPLIT"),
            "story 3: truncated, the <REUTERS> tag is cut off at end of file",
        ),
        (
            sgml(&two) + "<REUTE",
            "story 3: truncated, the <REUTERS> tag is cut off at end of file",
        ),
    ];
    for (file, message) in cases {
        let parsed = parse("x.sgm", &file).expect("file parses");
        assert_eq!(errors(&parsed), [message]);
        let ids: Vec<_> = parsed.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["reuters21578-1", "reuters21578-2"], "{message}");
    }

    // A story that lost its end tag in the middle of a file: the next one still parses.
    let lost = story(2, "1-MAR-1987 00:00:01.00", &simple_text()).replace("</REUTERS>", "");
    let file = sgml(&[two[0].clone(), lost, third.clone()]);
    let parsed = parse("x.sgm", file).expect("file parses");
    assert_eq!(
        errors(&parsed),
        ["story 2 (NEWID 2): truncated, no </REUTERS> before the next <REUTERS>"]
    );
    let ids: Vec<_> = parsed.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["reuters21578-1", "reuters21578-3"]);
    assert_eq!(parsed.articles[1].origin.position, Some(3));
    assert!(matches!(
        &parsed.errors[0],
        ParseError::Truncated {
            at: Location::Story { index: 2, .. },
            ..
        }
    ));
}

#[test]
fn reuters_detection() {
    let file = sgml(&[story(1, "1-MAR-1987 00:00:00.00", &simple_text())]);
    assert_eq!(
        detect(Path::new("a.sgm"), file.as_bytes()),
        Ok(Format::ReutersSgml)
    );
    // Without the DOCTYPE line, and with any extension.
    let bare = story(1, "1-MAR-1987 00:00:00.00", &simple_text());
    assert_eq!(
        detect(Path::new("a.txt"), bare.as_bytes()),
        Ok(Format::ReutersSgml)
    );
    // Prose that quotes the markup is not SGML.
    let prose = "Each story is wrapped in <REUTERS ...> tags.\n";
    assert_eq!(
        detect(Path::new("README.txt"), prose.as_bytes()),
        Err(ParseError::UnknownFormat)
    );
    // A DOCTYPE and nothing else: SGML with no stories.
    let parsed = parse("empty.sgm", DOCTYPE).expect("parses");
    assert!(parsed.articles.is_empty() && parsed.errors.is_empty());
}

#[test]
fn reuters21578_collection() {
    let dir = shared("corpora/reuters21578");
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    for n in 0..18 {
        let name = format!("reut2-{n:03}.sgm");
        let path = shared(&format!("corpora/reuters21578/{name}"));
        let bytes = std::fs::read(&path).expect("read sgm");
        assert_eq!(detect(&path, &bytes), Ok(Format::ReutersSgml), "{name}");
        let parsed = parse_file(&path, &name, &bytes).expect("sgm parses");
        assert_eq!(parsed.articles.len(), 1000, "{name}");
        failures.extend(parsed.errors.iter().map(|e| format!("{name}: {e}")));
        articles.extend(parsed.articles);
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(articles.len(), 18_000);

    let ids: BTreeSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 18_000, "ids are unique");
    for newid in [1, 9999, 18_000] {
        assert!(ids.contains(format!("reuters21578-{newid}").as_str()));
    }
    assert_eq!(articles[0].id, "reuters21578-1");
    assert_eq!(articles[17_999].id, "reuters21578-18000");

    let min = articles.iter().map(|a| a.date).min().expect("dates");
    let max = articles.iter().map(|a| a.date).max().expect("dates");
    assert_eq!(min.date(), time::macros::date!(1987 - 02 - 26));
    assert_eq!(max.date(), time::macros::date!(1987 - 06 - 02));

    let by_id = |newid: u32| {
        let id = format!("reuters21578-{newid}");
        articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let first = by_id(1);
    assert_eq!(first.dateline.as_deref(), Some("SALVADOR"));
    assert!(first.headline.contains("COCOA"), "{}", first.headline);
    assert_eq!(first.date, datetime!(1987-02-26 15:01:01 UTC));
    assert_eq!(first.origin.position, Some(1));
    assert!(!first.body.ends_with("Reuter"));
    // The date Steve Finch added "as guesswork", with its note after the time.
    assert_eq!(by_id(15_370).date, datetime!(1987-04-09 0:00 UTC));
    // The `605:12:19.12` hour, repaired to 05.
    assert_eq!(by_id(17_192).date, datetime!(1987-03-31 05:12:19 UTC));
    // The one Latin-1 byte of the collection decodes to a character, not an error.
    assert!(by_id(17_980).body.contains('\u{fc}'));

    for a in &articles {
        assert_no_controls(a);
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert!(!a.body.contains("&#"), "{}: undecoded entity", a.id);
        assert!(!a.body.contains("&lt;"), "{}: undecoded entity", a.id);
        assert_ne!(a.body, "Blah blah blah.", "{}", a.id);
    }
    let with_dateline = articles.iter().filter(|a| a.dateline.is_some()).count();
    // 15,997 stories have a DATELINE element; one of them is just `--`, and 49 hold only
    // a date ("APRIL 7", "MAR8") or a table row the markup put there ("us 7.8015").
    assert_eq!(with_dateline, 15_947);
    let untitled = articles.iter().filter(|a| a.headline.is_empty()).count();
    assert!(untitled < 20, "{untitled} stories without a headline");

    // Everything else in the folder is documentation: skipped, not failed.
    for entry in std::fs::read_dir(&dir).expect("list folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "sgm") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        let err = detect(&path, &bytes).expect_err("documentation is no article format");
        assert!(err.is_skip(), "{}: {err}", path.display());
    }
}

// ---------------------------------------------------------------- JSON Lines

#[test]
fn jsonl_good_lines() {
    let text = concat!(
        r#"{"id": "a-1", "date": "2025-04-17", "headline": "First  headline", "body": "MOSCOW (Reuters) - Text one.", "places": ["ru"], "people": []}"#,
        "\n",
        r#"{"id": 42, "date": "2025-04-17T10:20:30", "title": "Second", "text": "Text two.\r\n\r\nMore.\r\n", "dateline": "SALVADOR, Feb 26 -", "source": "Reuters"}"#,
        "\r\n\n",
        r#"{"date": "2025-04-17T10:20:30+02:00", "headline": "Third", "dateline": "Rio de Janeiro"}"#,
        "\n"
    );
    let parsed = parse("feed.jsonl", text).expect("parses");
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let [a, b, c] = parsed.articles.as_slice() else {
        panic!("expected 3 articles, got {}", parsed.articles.len());
    };

    assert_eq!(a.id, "a-1");
    assert_eq!(a.date, datetime!(2025-04-17 0:00 UTC));
    assert_eq!(a.headline, "First headline");
    assert_eq!(a.dateline.as_deref(), Some("MOSCOW"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.body, "Text one.");
    assert_eq!(a.origin.position, Some(1));

    assert_eq!(b.id, "42");
    assert_eq!(b.date, datetime!(2025-04-17 10:20:30 UTC));
    assert_eq!(b.headline, "Second");
    assert_eq!(b.body, "Text two.\n\nMore.");
    assert_eq!(b.dateline.as_deref(), Some("SALVADOR"));
    assert_eq!(b.source.as_deref(), Some("Reuters"));
    assert_eq!(b.origin.position, Some(2));

    assert_eq!(c.id, "feed.jsonl:4", "no id: prefix and line");
    assert_eq!(c.date, datetime!(2025-04-17 08:20:30 UTC));
    assert_eq!(c.body, "");
    assert_eq!(c.dateline.as_deref(), Some("Rio de Janeiro"));
    assert_eq!(c.source, None);
    assert_eq!(c.origin.position, Some(4));
}

#[test]
fn jsonl_bad_lines_are_per_record() {
    let lines = [
        r#"{"id": 1, "date": "2025-04-17", "headline": "Good one"}"#,
        r#"{"id": 2, "date": "2025-04-17" "headline": "x"}"#,
        r#"{"id": 3, "headline": "No date"}"#,
        r#"{"id": 4, "date": "2025-02-30", "headline": "Bad date"}"#,
        r#"{"id": 5, "date": "2025-04-17", "places": ["us"]}"#,
        r#"[1, 2]"#,
        r#"{"id": {"nested": 1}, "date": "2025-04-17", "headline": "Bad id"}"#,
        r#"{"id": 8, "date": 20250417, "headline": "Numeric date"}"#,
        r#"{"id": 9, "date": "2025-04-17", "body": "Good again"}"#,
    ];
    let parsed = parse("feed.ndjson", lines.join("\n")).expect("parses");
    assert_eq!(
        errors(&parsed),
        [
            "line 2: invalid JSON: expected `,` or `}` at column 32",
            "line 3: missing `date`",
            "line 4: invalid date `2025-02-30`: February 2025 has no day 30",
            "line 5: missing `headline`/`title` and `body`/`text`",
            "line 6: expected a JSON object, found an array",
            "line 7: invalid JSON: invalid type: map, expected a string or a number for `id` at column 8",
            "line 8: invalid JSON: invalid type: integer `20250417`, expected a string at column 26",
        ]
    );
    let ids: Vec<_> = parsed.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1", "9"]);
    assert_eq!(parsed.articles[1].origin.position, Some(9));
    assert_eq!(parsed.articles[1].headline, "");
    assert_eq!(parsed.articles[1].body, "Good again");
}

#[test]
fn jsonl_detection() {
    let line = br#"{"date": "2025-04-17", "headline": "H"}"#;
    assert_eq!(detect(Path::new("x.txt"), line), Ok(Format::JsonLines));
    assert_eq!(
        detect(Path::new("x.JSONL"), b"not json\n"),
        Ok(Format::JsonLines)
    );
    // A pretty-printed or dateless JSON document is not an article feed.
    assert_eq!(
        detect(Path::new("package.json"), b"{\n  \"name\": \"x\"\n}\n"),
        Err(ParseError::UnknownFormat)
    );
    assert_eq!(
        detect(Path::new("config.json"), br#"{"name": "x"}"#),
        Err(ParseError::UnknownFormat)
    );
    // With the extension, garbage lines are errors, not a skip.
    let parsed = parse("x.jsonl", "not json\n").expect("parses");
    assert_eq!(
        errors(&parsed),
        ["line 1: invalid JSON: expected ident at column 2"]
    );
}

#[test]
fn format_names() {
    assert_eq!(Format::Native.name(), "native");
    assert_eq!(Format::ReutersSgml.name(), "reuters-sgml");
    assert_eq!(Format::JsonLines.name(), "jsonl");
}

// ---------------------------------------------------------------- robustness

/// Every prefix of a file (a file cut anywhere, including inside a multi-byte character
/// or a tag) and a run of deterministic byte corruptions: no panic, and every message
/// stays on one line.
#[test]
fn never_panics_on_cut_or_corrupted_input() {
    let native = " date 2025-04-17 Ça va à SÃO PAULO \u{2014} été\r\n\r\nSÃO PAULO (Reuters) \u{2014} Texte été.\n\nFin.\n";
    let reuters = sgml(&[
        story(1, " 3-MAR-1987 605:12:19.12&#5;&#5;", &simple_text()),
        story(
            2,
            "1-MAR-1987 00:00:01.00",
            "<TEXT TYPE=\"BRIEF\">&#2;\n**<TITLE>T &lt;X></TITLE>Blah blah blah.\n&#3;\n</TEXT>",
        ),
    ]);
    let jsonl = "{\"id\": 1, \"date\": \"2025-04-17T10:00:00+02:00\", \"title\": \"été\", \"dateline\": \"SALVADOR, Feb 26 -\"}\n{\"date\": \"2025-04-17\", \"text\": \"MOSCOW (Reuters) - x\"}\n";
    let inputs: [(&str, &[u8]); 3] = [
        ("a.txt", native.as_bytes()),
        ("a.sgm", reuters.as_bytes()),
        ("a.jsonl", jsonl.as_bytes()),
    ];
    let check = |name: &str, bytes: &[u8]| {
        let messages: Vec<String> = match parse(name, bytes) {
            Ok(p) => p.errors.iter().map(ToString::to_string).collect(),
            Err(e) => vec![e.to_string()],
        };
        for m in messages {
            assert!(
                !m.contains(['\n', '\r']),
                "{name}: multi-line message {m:?}"
            );
        }
    };
    let mut seed: u32 = 12345;
    let mut next = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (seed >> 8) as usize
    };
    for (name, bytes) in inputs {
        for cut in 0..=bytes.len() {
            check(name, &bytes[..cut]);
        }
        for _ in 0..2000 {
            let mut corrupted = bytes.to_vec();
            for _ in 0..1 + next() % 4 {
                let at = next() % corrupted.len();
                corrupted[at] = (next() % 256) as u8;
            }
            check(name, &corrupted);
        }
    }
}
