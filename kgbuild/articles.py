"""Reading input files into :class:`~kgbuild.facts.Article` records (the input boundary).

Two file kinds are read:

* ``.txt``: one article; its id is the file name without the extension;
* ``.jsonl``: one article a line, a JSON object with ``id`` and ``text``
  (strings, required) and ``date`` (``yyyy-mm-dd``), ``title``, ``url``,
  ``source`` (optional); other fields are ignored.

Files are UTF-8 (with or without a byte-order mark), or UTF-16 / UTF-32
with a byte-order mark. Folders are walked recursively in sorted order,
each folder once (symbolic link loops are not followed). Reading is lazy:
one file at a time, one line at a time.

Bad input never raises: each problem is reported as an
:class:`InputProblem` to ``on_problem``. Most problems skip the article
(binary data, bad JSON, a missing id or text, a text too long to parse...);
some only repair it and say so (``skipped=False``): HTML has its tags
stripped, a bad date or optional field is dropped, invalid unicode is
replaced. Control characters are replaced by spaces without a report, so
character offsets into the text stay those of the input.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"id": "a1", "text": "Hi."}\\n{"id": 3}\\n')
>>> problems = []
>>> [a.id for a in read_articles([folder], on_problem=problems.append)]
['a1']
>>> problems[0].reason
"missing or non-string 'id'"
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import html.parser
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .facts import Article

__all__ = [
    "InputProblem",
    "MAX_ARTICLE_CHARS",
    "MAX_ID_CHARS",
    "MAX_SENTENCE_CHARS",
    "SUFFIXES",
    "read_articles",
]

#: The file name suffixes read (compared case-insensitively).
SUFFIXES: tuple[str, ...] = (".txt", ".jsonl")

#: The longest article text read, in characters (spaCy's default ``max_length``).
MAX_ARTICLE_CHARS = 1_000_000
#: The longest stretch of text without a sentence break: the parser and the
#: rules slow down with the square of a sentence's length (a 100,000-character
#: "sentence" takes minutes), and no news sentence comes near this.
MAX_SENTENCE_CHARS = 5_000
#: The longest article id, in characters.
MAX_ID_CHARS = 1_000

_UTF8_BOM = codecs.BOM_UTF8
# Longest first: the UTF-32 little-endian mark starts with the UTF-16 one.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of binary files people drop into article folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive or Office document"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
# An ISO date, optionally followed by a time part that is dropped.
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", re.DOTALL)
_OPTIONAL_FIELDS: tuple[str, ...] = ("title", "url", "source")
# An absolute URL: a scheme, then no whitespace.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+")
# C0 controls but tab, newline and carriage return; DEL; the two non-characters
# XML cannot hold. Replaced one for one by a space, so offsets do not move.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A sentence break: end punctuation (maybe closing quotes) before a space, or a line break.
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’»)\]]*(?=\s|$)|\n")
# A document that starts as HTML, or enough common HTML tags to call it HTML.
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|br|a|b|i|em|strong|h[1-6]|li|ul|ol|table|tr|td|article|section|script|style|meta|"
    r"title|img|link|header|footer|nav|blockquote)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_HTML_MIN_TAGS = 3
# Bytes a character may take in any encoding read (UTF-8 and UTF-16 up to 4, UTF-32 4).
_MAX_BYTES_PER_CHAR = 4
# A JSON line may spell each character as a six-byte \\uXXXX escape.
_JSON_BYTES_PER_CHAR = 6
_LINE_SLACK = 65_536
_READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputProblem:
    """A problem with one input: where (``path`` or ``path:line``) and why, in one line.

    ``skipped`` is false when the article was kept in spite of the problem
    (repaired, or without a bad optional field).
    """

    origin: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_problem: Callable[[InputProblem], None] | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
    max_sentence_chars: int = MAX_SENTENCE_CHARS,
) -> Iterator[Article]:
    """Yield the articles of files and folders, lazily, reporting bad input to ``on_problem``.

    An id seen earlier in the same run is reported and its second article
    skipped. Texts longer than ``max_chars``, or with a stretch longer than
    ``max_sentence_chars`` without a sentence break, are skipped.
    """
    reader = _Reader(
        report=on_problem if on_problem is not None else _ignore,
        max_chars=max_chars,
        max_sentence_chars=max_sentence_chars,
    )
    seen: set[str] = set()
    for path in paths:
        for article in reader.read_path(Path(path)):
            if article.id in seen:
                reader.report(InputProblem(article.origin, f"duplicate article id {article.id!r} skipped"))
                continue
            seen.add(article.id)
            yield article


def _ignore(problem: InputProblem) -> None:
    del problem


@dataclass(frozen=True)
class _Reader:
    """The reading options and the problem sink, passed along the read."""

    report: Callable[[InputProblem], None]
    max_chars: int
    max_sentence_chars: int

    # ---- files and folders -----------------------------------------------------------------

    def read_path(self, path: Path) -> Iterator[Article]:
        if _is_dir(path):
            yield from self._read_folder(path)
        else:
            yield from self._read_file(path, explicit=True)

    def _read_folder(self, folder: Path) -> Iterator[Article]:
        """Depth-first in sorted order, without recursion, each real folder once."""
        visited: set[tuple[int, int]] = set()
        stack: list[Iterator[os.DirEntry[str]]] = []
        entries = self._entries(folder, visited)
        if entries is not None:
            stack.append(entries)
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            child = Path(entry.path)
            if _is_dir(child):
                entries = self._entries(child, visited)
                if entries is not None:
                    stack.append(entries)
            elif child.suffix.lower() in SUFFIXES:
                yield from self._read_file(child, explicit=False)

    def _entries(self, folder: Path, visited: set[tuple[int, int]]) -> Iterator[os.DirEntry[str]] | None:
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in visited:  # a symbolic link back into a folder already walked
                return None
            visited.add(key)
            with os.scandir(folder) as scan:
                return iter(sorted(scan, key=lambda entry: entry.name))
        except OSError as error:
            self.report(InputProblem(_show(folder), f"cannot read folder: {_why(error)}"))
            return None

    def _read_file(self, path: Path, *, explicit: bool) -> Iterator[Article]:
        origin = _show(path)
        try:
            info = path.stat()
        except OSError as error:
            self.report(InputProblem(origin, _missing_reason(path, error)))
            return
        if not stat.S_ISREG(info.st_mode):  # never open a pipe, socket or device
            self.report(InputProblem(origin, "not a regular file or folder"))
            return
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from self._read_jsonl(path, origin)
        elif suffix == ".txt":
            article = self._read_txt(path, origin, size=info.st_size)
            if article is not None:
                yield article
        elif explicit:
            self.report(InputProblem(origin, "not a .txt or .jsonl file"))

    # ---- .txt ------------------------------------------------------------------------------

    def _read_txt(self, path: Path, origin: str, *, size: int) -> Article | None:
        if size > self.max_chars * _MAX_BYTES_PER_CHAR + len(_UTF8_BOM):
            self.report(InputProblem(origin, f"too long: {size:,} bytes (limit {self.max_chars:,} characters); "
                                     "split it into several articles"))
            return None
        try:
            data = path.read_bytes()
        except OSError as error:
            self.report(InputProblem(origin, f"cannot read file: {_why(error)}"))
            return None
        text = self._decode(data, origin)
        if text is None:
            return None
        article_id = _file_id(path)
        if article_id != path.stem:
            self.report(InputProblem(origin, f"file name is not valid UTF-8; id {article_id!r}", skipped=False))
        text = self._checked_text(text, origin, label="")
        if text is None:
            return None
        text, title = text
        return Article(id=article_id, text=text, title=title, origin=origin)

    def _decode(self, data: bytes, origin: str) -> str | None:
        for bom, encoding in _WIDE_BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError as error:
                    self.report(InputProblem(origin, f"not valid {encoding.upper()} (byte {error.start})"))
                    return None
        kind = _binary_kind(data)
        if kind is not None:
            self.report(InputProblem(origin, f"binary data, not text ({kind})"))
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.report(InputProblem(origin, f"not valid UTF-8 (byte {error.start}); save it as UTF-8"))
            return None

    # ---- .jsonl ----------------------------------------------------------------------------

    def _read_jsonl(self, path: Path, origin: str) -> Iterator[Article]:
        try:
            handle = path.open("rb")
        except OSError as error:
            self.report(InputProblem(origin, f"cannot read file: {_why(error)}"))
            return
        with handle:
            number = 0
            try:
                head = handle.read(4)
                handle.seek(0)
                wide = next((encoding for bom, encoding in _WIDE_BOMS if head.startswith(bom)), None)
                if wide is not None:
                    yield from self._read_wide_jsonl(handle, path, wide)
                    return
                kind = _binary_kind(handle.read(8192))
                handle.seek(0)
                if kind is not None:
                    self.report(InputProblem(origin, f"binary data, not text ({kind})"))
                    return
                limit = self.max_chars * _JSON_BYTES_PER_CHAR + _LINE_SLACK
                for number, raw, whole in _lines(handle, limit=limit):
                    where = f"{origin}:{number}"
                    if not whole:
                        self.report(InputProblem(where, f"line longer than {limit:,} bytes skipped"))
                        continue
                    if number == 1 and raw.startswith(_UTF8_BOM):
                        raw = raw[len(_UTF8_BOM):]
                    try:
                        line = raw.decode("utf-8")
                    except UnicodeDecodeError as error:
                        self.report(InputProblem(where, f"not valid UTF-8 (byte {error.start})"))
                        continue
                    article = self._parse_line(line, where)
                    if article is not None:
                        yield article
            except OSError as error:
                self.report(InputProblem(f"{origin}:{number + 1}", f"cannot read file: {_why(error)}"))

    def _read_wide_jsonl(self, handle: BinaryIO, path: Path, encoding: str) -> Iterator[Article]:
        origin = _show(path)
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        number = 0
        try:
            for number, line in enumerate(text, start=1):
                article = self._parse_line(line.lstrip("\ufeff") if number == 1 else line, f"{origin}:{number}")
                if article is not None:
                    yield article
        except UnicodeDecodeError:
            self.report(InputProblem(f"{origin}:{number + 1}", f"not valid {encoding.upper()}; rest of the file skipped"))
        finally:
            text.detach()

    def _parse_line(self, line: str, origin: str) -> Article | None:
        if not line.strip():
            return None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            self.report(InputProblem(origin, f"invalid JSON: {error.msg} (column {error.colno})"))
            return None
        except (ValueError, RecursionError) as error:  # an integer of 5,000 digits; nesting too deep
            reason = "nested too deeply" if isinstance(error, RecursionError) else str(error).split(";")[0]
            self.report(InputProblem(origin, f"invalid JSON: {reason}"))
            return None
        if not isinstance(record, dict):
            self.report(InputProblem(origin, "line is not a JSON object"))
            return None
        article_id, text = record.get("id"), record.get("text")
        if not isinstance(article_id, str) or not article_id.strip():
            self.report(InputProblem(origin, "missing or non-string 'id'"))
            return None
        id_problem = _id_problem(article_id)
        if id_problem is not None:
            self.report(InputProblem(origin, id_problem))
            return None
        label = f"article {article_id!r}: "
        if not isinstance(text, str):
            self.report(InputProblem(origin, f"{label}missing or non-string 'text'"))
            return None
        checked = self._checked_text(text, origin, label=label)
        if checked is None:
            return None
        text, html_title = checked
        optional: dict[str, str | None] = {}
        for name in _OPTIONAL_FIELDS:
            value = record.get(name)
            if value is None or isinstance(value, str):
                optional[name] = _clean_field(value) if value else None
            else:
                self.report(InputProblem(origin, f"{label}non-string {name!r} ignored", skipped=False))
        if optional.get("url") and _URL.fullmatch(optional["url"] or "") is None:
            self.report(InputProblem(origin, f"{label}'url' is not an absolute URL; ignored", skipped=False))
            optional["url"] = None
        if not optional.get("title") and html_title:
            optional["title"] = html_title
        return Article(
            id=article_id,
            text=text,
            date=self._parse_date(record.get("date"), origin, label),
            origin=origin,
            **optional,
        )

    def _parse_date(self, value: object, origin: str, label: str) -> dt.date | None:
        """The date of ``value`` (``yyyy-mm-dd``); a bad one is reported and dropped."""
        if value is None or value == "":
            return None
        match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
        if match is not None:
            try:
                return dt.date.fromisoformat(match.group(1))
            except ValueError:
                pass
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        self.report(InputProblem(
            origin, f"{label}invalid date {shown} (expected yyyy-mm-dd); kept without a date", skipped=False
        ))
        return None

    # ---- the text itself -------------------------------------------------------------------

    def _checked_text(self, text: str, origin: str, *, label: str) -> tuple[str, str | None] | None:
        """The text made safe to parse (and a title found in HTML), or ``None`` when it must be skipped."""
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
            self.report(InputProblem(origin, f"{label}invalid unicode (lone surrogates) replaced", skipped=False))
        text = _CONTROL.sub(" ", text)
        title = None
        if _looks_like_html(text):
            text, title = _html_to_text(text)
            if not text.strip():
                self.report(InputProblem(origin, f"{label}HTML without any text"))
                return None
            self.report(InputProblem(origin, f"{label}HTML, not plain text: tags stripped", skipped=False))
        if not text.strip():
            self.report(InputProblem(origin, f"{label}empty text"))
            return None
        if len(text) > self.max_chars:
            self.report(InputProblem(origin, f"{label}too long: {len(text):,} characters (limit {self.max_chars:,}); "
                                     "split it into several articles"))
            return None
        longest = _longest_sentence(text)
        if longest > self.max_sentence_chars:
            self.report(InputProblem(origin, f"{label}a sentence of {longest:,} characters without a break "
                                     f"(limit {self.max_sentence_chars:,})"))
            return None
        return text, title


def _lines(handle: BinaryIO, *, limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """Number, bytes and wholeness of each line; a line over ``limit`` bytes is read past, not kept."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:
                rest = handle.readline(_READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, b"", False
        else:
            yield number, raw, True


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a symbolic link loop, on some Pythons
        return False


def _missing_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if path.is_symlink():
        return "broken symbolic link"
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot read file: {_why(error)}"


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def _show(path: Path) -> str:
    """A path for messages, printable whatever bytes its name holds."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _file_id(path: Path) -> str:
    """The id of a .txt file: its name without extension, made valid unicode."""
    return os.fsencode(path.stem).decode("utf-8", "replace")


def _binary_kind(data: bytes) -> str | None:
    """What binary file ``data`` starts like, or ``None`` for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return "it holds NUL bytes" if b"\x00" in data[:65_536] else None


def _id_problem(article_id: str) -> str | None:
    if _SURROGATE.search(article_id):
        return "'id' is not valid unicode (lone surrogates)"
    if _CONTROL.search(article_id) or any(char in article_id for char in "\r\n\t"):
        return "'id' holds control characters"
    if len(article_id) > MAX_ID_CHARS:
        return f"'id' longer than {MAX_ID_CHARS:,} characters"
    return None


def _clean_field(value: str) -> str:
    return _CONTROL.sub(" ", _SURROGATE.sub("\ufffd", value))


def _longest_sentence(text: str) -> int:
    """The length of the longest stretch of ``text`` without a sentence break."""
    longest, start = 0, 0
    for match in _SENTENCE_BREAK.finditer(text):
        longest = max(longest, match.start() - start)
        start = match.end()
    return max(longest, len(text) - start)


def _looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    tags = 0
    for _ in _HTML_TAG.finditer(text):
        tags += 1
        if tags >= _HTML_MIN_TAGS:
            return True
    return False


def _html_to_text(markup: str) -> tuple[str, str | None]:
    """The visible text of an HTML page (blocks on their own lines) and its ``<title>``."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.title).split()) or None
    return text, title


class _TextOfHtml(html.parser.HTMLParser):
    """Collects the text of an HTML page outside scripts, styles and the head."""

    _HIDDEN = frozenset({"script", "style", "head", "noscript", "template", "svg"})
    _BLOCKS = frozenset({
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "article",
        "section", "header", "footer", "blockquote", "nav", "aside", "figure", "figcaption", "pre", "hr",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag == "body":  # a head left open ends here
            self._hidden = 0
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)

