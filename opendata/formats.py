"""Rows (`opendata.rows`) written as CSV or JSON, a line at a time, so that an export of
every case study streams rather than being built in memory.

**CSV** is what spreadsheet programs open as it is: UTF-8 with a byte order mark (without
one, Excel reads UTF-8 as the system's code page and mangles every accent), a header row
of the column names, comma-separated, quoted where needed, lines ending in CRLF (RFC 4180).
A list is joined with "; "; a figure is its phrase ("30 % fewer complaints").

Against formula injection (OWASP's "CSV injection"): a text cell starting with `=`, `+`,
`-`, `@`, a tab or a carriage return gets a leading apostrophe, which spreadsheets show as
text rather than run as a formula: a title "=HYPERLINK(...)" is exported as
"'=HYPERLINK(...)". Numbers (ids, years, a negative population) are written as numbers,
never changed: only text can carry a formula.

**JSON** is one object: `{"licence": {...}, "case_studies": [...], "count": N}`, the
rows as they are (lists as lists, figures as objects). `count` comes last because the rows
are counted as they are written.
"""

import csv
import json

BYTE_ORDER_MARK = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def neutralised(text):
    """Text a spreadsheet will not read as a formula (see the module docstring)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def figure_text(figure):
    return " ".join(
        str(part) for part in (figure["value"], figure["unit"], figure["label"]) if part != ""
    )


def cell(value):
    """One CSV cell from a row's value."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(
            figure_text(v) if isinstance(v, dict) else str(v) for v in value
        )
    if isinstance(value, str):
        return neutralised(value)
    return value


class LineBuffer:
    """What csv.writer writes to: each write is handed back as it is (one line)."""

    def write(self, text):
        return text


def csv_lines(columns, rows):
    """The CSV file as lines of text: the byte order mark and the header, then one line
    per row."""
    writer = csv.writer(LineBuffer())
    yield BYTE_ORDER_MARK + writer.writerow([column.name for column in columns])
    for row in rows:
        yield writer.writerow([cell(row[column.name]) for column in columns])


def json_chunks(licence, rows, key="case_studies"):
    """The JSON document in pieces: the licence, the rows one by one, then their count."""
    yield f'{{"licence": {dumps(licence)}, "{key}": ['
    count = 0
    for count, row in enumerate(rows, 1):
        yield ("" if count == 1 else ", ") + dumps(row)
    yield f'], "count": {count}}}'


def dumps(value):
    return json.dumps(value, ensure_ascii=False)
