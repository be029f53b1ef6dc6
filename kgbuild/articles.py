"""Reading input files into :class:`~kgbuild.facts.Article` records (the input boundary).

Two file kinds are read:

* ``.txt``: one article; its id is the file name without the extension;
* ``.jsonl``: one article a line, a JSON object with ``id`` and ``text``
  (strings, required) and ``date`` (``yyyy-mm-dd``), ``title``, ``url``,
  ``source`` (optional); other fields are ignored.

Folders are walked recursively in sorted order. Reading is lazy: one file at a
time, one line at a time. Bad input never raises: each problem is reported as
an :class:`InputProblem` to ``on_problem`` and the article is skipped (a bad
date or optional field is reported and the article kept without it).

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

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .facts import Article

__all__ = ["InputProblem", "SUFFIXES", "read_articles"]

#: The file name suffixes read (compared case-insensitively).
SUFFIXES: tuple[str, ...] = (".txt", ".jsonl")

_BOM = b"\xef\xbb\xbf"
# An ISO date, optionally followed by a time part that is dropped.
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
_OPTIONAL_FIELDS: tuple[str, ...] = ("title", "url", "source")


@dataclass(frozen=True)
class InputProblem:
    """A problem with one input: where (``path`` or ``path:line``) and why, in one line."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> Iterator[Article]:
    """Yield the articles of files and folders, lazily, reporting bad input to ``on_problem``.

    An id seen earlier in the same run is reported and its second article skipped.
    """
    report = on_problem if on_problem is not None else _ignore
    seen: set[str] = set()
    for path in paths:
        for article in _read_path(Path(path), report, visited=set()):
            if article.id in seen:
                report(InputProblem(article.origin, f"duplicate article id {article.id!r} skipped"))
                continue
            seen.add(article.id)
            yield article


def _ignore(problem: InputProblem) -> None:
    del problem


def _read_path(path: Path, report: Callable[[InputProblem], None], *, visited: set[Path]) -> Iterator[Article]:
    if path.is_dir():
        yield from _read_folder(path, report, visited=visited)
    elif path.is_file():
        if path.suffix.lower() == ".jsonl":
            yield from _read_jsonl(path, report)
        elif path.suffix.lower() == ".txt":
            article = _read_txt(path, report)
            if article is not None:
                yield article
        else:
            report(InputProblem(str(path), "not a .txt or .jsonl file"))
    elif path.is_symlink():
        report(InputProblem(str(path), "broken symbolic link"))
    elif not path.exists():
        report(InputProblem(str(path), "no such file or folder"))
    else:
        report(InputProblem(str(path), "not a regular file or folder"))


def _read_folder(folder: Path, report: Callable[[InputProblem], None], *, visited: set[Path]) -> Iterator[Article]:
    real = folder.resolve()
    if real in visited:  # a symbolic link back into a folder being walked
        return
    visited = visited | {real}
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        report(InputProblem(str(folder), f"cannot read folder: {error.strerror or error}"))
        return
    for entry in entries:
        child = Path(entry.path)
        if child.is_dir():
            yield from _read_folder(child, report, visited=visited)
        elif child.suffix.lower() in SUFFIXES:
            yield from _read_path(child, report, visited=visited)


def _read_txt(path: Path, report: Callable[[InputProblem], None]) -> Article | None:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        report(InputProblem(origin, f"cannot read file: {error.strerror or error}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        report(InputProblem(origin, f"not valid UTF-8 (byte {error.start})"))
        return None
    if not text.strip():
        report(InputProblem(origin, "empty text"))
        return None
    return Article(id=path.stem, text=text, origin=origin)


def _read_jsonl(path: Path, report: Callable[[InputProblem], None]) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as error:
        report(InputProblem(str(path), f"cannot read file: {error.strerror or error}"))
        return
    with handle:
        number = 0
        try:
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM):]
                article = _parse_line(raw, f"{path}:{number}", report)
                if article is not None:
                    yield article
        except OSError as error:
            report(InputProblem(f"{path}:{number + 1}", f"cannot read file: {error.strerror or error}"))


def _parse_line(raw: bytes, origin: str, report: Callable[[InputProblem], None]) -> Article | None:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        report(InputProblem(origin, f"not valid UTF-8 (byte {error.start})"))
        return None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        report(InputProblem(origin, f"invalid JSON: {error.msg} (column {error.colno})"))
        return None
    if not isinstance(record, dict):
        report(InputProblem(origin, "line is not a JSON object"))
        return None
    article_id, text = record.get("id"), record.get("text")
    if not isinstance(article_id, str) or not article_id.strip():
        report(InputProblem(origin, "missing or non-string 'id'"))
        return None
    if not isinstance(text, str):
        report(InputProblem(origin, f"article {article_id!r}: missing or non-string 'text'"))
        return None
    if not text.strip():
        report(InputProblem(origin, f"article {article_id!r}: empty text"))
        return None
    optional = {}
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        if value is None or isinstance(value, str):
            optional[name] = value or None
        else:
            report(InputProblem(origin, f"article {article_id!r}: non-string {name!r} ignored"))
    return Article(
        id=article_id,
        text=text,
        date=_parse_date(record.get("date"), origin, article_id, report),
        origin=origin,
        **optional,
    )


def _parse_date(
    value: object, origin: str, article_id: str, report: Callable[[InputProblem], None]
) -> dt.date | None:
    """The date of ``value`` (``yyyy-mm-dd``); a bad one is reported and dropped."""
    if value is None or value == "":
        return None
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is not None:
        try:
            return dt.date.fromisoformat(match.group(1))
        except ValueError:
            pass
    report(InputProblem(origin, f"article {article_id!r}: invalid date {value!r} (expected yyyy-mm-dd); kept without a date"))
    return None
