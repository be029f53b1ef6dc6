"""A battery of bad inputs: every good article is built, every bad one reported in one line, nothing crashes.

Each case is a file (or folder) the tests write. One build runs them all
in one build next to good articles; each case also runs alone, through the
reader and through ``kgbuild build``. Outcomes:

* ``skipped``: reported as ``kgbuild: skipped ORIGIN: REASON``, nothing built from it;
* ``warning``: reported as ``kgbuild: warning: ORIGIN: REASON``, built (repaired);
* ``built``: built without a word (a UTF-16 file, an id that needs percent-encoding...).
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from kgbuild import cli
from kgbuild.articles import MAX_SENTENCE_CHARS, InputProblem, read_articles
from kgbuild.mapping import article_graph_iri
from kgbuild.store import open_store

GOOD_TEXT = (
    "Prime Minister Elena Marsh of Canada will attend the Harbour Summit in Lisbon next week. "
    "Marsh is expected to meet Portuguese President Tiago Serra on the sidelines."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour talks</title><style>p {color: red}</style>"
    "<script>var x = '<b>not text</b>';</script></head><body><h1>Harbour talks</h1>"
    "<p>Portuguese President Tiago Serra met Prime Minister Elena Marsh in Lisbon on Monday.</p>"
    "<p>They spoke about fishing &amp; trade.</p></body></html>"
)
# One "sentence" of 100,000 characters: clauses joined without a full stop.
ENDLESS = ("Marsh met Serra in Lisbon and " * 3400)[:100_000]


Writer = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One bad input: the file (or folder) it is, what the build must say about it, what it builds."""

    name: str
    file: str  # its name in the battery folder
    write: Writer  # writes it, given its path
    outcome: str  # "skipped", "warning" or "built"
    reason: str = ""  # a fragment of the one-line reason
    ids: tuple[str, ...] = ()  # the article ids built from it
    line: int | None = None  # the line the message names, for a .jsonl line
    setup: Callable[[Path, pytest.MonkeyPatch], None] | None = None

    def path(self, root: Path) -> Path:
        return root / self.file

    def origin(self, root: Path) -> str:
        """Where the message points: the path (printable whatever its bytes), and the line."""
        shown = os.fsencode(self.path(root)).decode("utf-8", "backslashreplace")
        return f"{shown}:{self.line}" if self.line else shown


def data(content: bytes | str) -> Writer:
    def write(path: Path) -> None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return write


def lines(*records: object, newline: str = "\n") -> Writer:
    def write(path: Path) -> None:
        path.write_text(newline.join(r if isinstance(r, str) else json.dumps(r) for r in records) + newline,
                        encoding="utf-8")

    return write


def jsonl_case(name: str, record: object, outcome: str, reason: str = "", ids: tuple[str, ...] = ()) -> Case:
    """A .jsonl file whose second line is ``record`` (after a blank line: the message must name line 2)."""
    return Case(name, f"{name}.jsonl", lines("", record), outcome, reason, ids, line=2)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", GOOD_TEXT)
    return buffer.getvalue()


def _locked(path: Path) -> None:
    path.write_text(GOOD_TEXT, encoding="utf-8")
    path.chmod(0)


def _deny_reading(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root (CI runs as root): there, make reading that one file fail as it would."""
    if os.geteuid() != 0:
        return
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def _symlink(target: str) -> Writer:
    def write(path: Path) -> None:
        path.symlink_to(path.parent / target)

    return write


def _loop_folder(path: Path) -> None:
    (path / "inner").mkdir(parents=True)
    (path / "inner" / "looped.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (path / "inner" / "back").symlink_to(path, target_is_directory=True)
    (path / "inner" / "here").symlink_to(path / "inner", target_is_directory=True)


#: Articles in the folder of thousands of files (each beside a .json file, which is not an input kind).
MANY = 1_000


def _many_files(path: Path) -> None:
    path.mkdir()
    for n in range(MANY):
        (path / f"note-{n:04d}.txt").write_text(f"Rain fell on Lisbon on day {n}.", encoding="utf-8")
        (path / f"note-{n:04d}.json").write_text("{}", encoding="utf-8")


def _deep_folder(path: Path) -> None:
    bottom = path.joinpath(*["d"] * 300)
    bottom.mkdir(parents=True)
    (bottom / "bottom.txt").write_text(GOOD_TEXT, encoding="utf-8")


UNSAFE_IDS = {
    "space-id": ("talks in lisbon", "talks%20in%20lisbon"),
    "hash-id": ("a#b?c=d&e", "a%23b%3Fc%3Dd%26e"),
    "angle-id": ('<x> "y" {z}', "%3Cx%3E%20%22y%22%20%7Bz%7D"),
    "unicode-id": ("überblick-東京-🙂", "%C3%BCberblick-%E6%9D%B1%E4%BA%AC-%F0%9F%99%82"),
    "dots-id": ("..", "%2E%2E"),
    "slash-id": ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd"),
    "percent-id": ("100%25 %zz", "100%2525%20%25zz"),
}

CASES: list[Case] = [
    # ---- not text at all
    Case("empty file", "empty.txt", data(b""), "skipped", "empty text"),
    Case("whitespace only", "blank.txt", data(" \n\t \r\n  "), "skipped", "empty text"),
    Case("PNG image as .txt", "image.txt", data(PNG), "skipped", "binary data, not text (a PNG image)"),
    Case("zip archive as .txt", "archive.txt", data(_zip_bytes()), "skipped", "a zip archive"),
    Case("zip archive as .jsonl", "archive.jsonl", data(_zip_bytes()), "skipped", "a zip archive"),
    Case("an image given by name", "photo.png", data(PNG), "skipped", "not a .txt or .jsonl file"),
    Case("invalid UTF-8 (Latin-1)", "latin.txt", data("Café talks in Lisbon.".encode("latin-1")), "skipped",
         "not valid UTF-8 (byte 3)"),
    Case("invalid UTF-8 in a JSON line", "latin-line.jsonl", data(b'\n{"id": "latin-line", "text": "Caf\xe9"}\n'),
         "skipped", "not valid UTF-8", line=2),
    Case("UTF-16 without a byte-order mark", "utf16-nobom.txt", data(GOOD_TEXT.encode("utf-16-le")), "skipped",
         "NUL bytes"),
    # ---- other encodings with a byte-order mark: read as such
    Case("UTF-16 .txt with a byte-order mark", "utf16.txt", data(GOOD_TEXT.encode("utf-16")), "built", ids=("utf16",)),
    Case("UTF-16 .jsonl with a byte-order mark", "utf16-lines.jsonl",
         data((json.dumps({"id": "utf16-line", "text": GOOD_TEXT}) + "\r\n").encode("utf-16")), "built",
         ids=("utf16-line",)),
    Case("UTF-32 .txt with a byte-order mark", "utf32.txt", data(GOOD_TEXT.encode("utf-32")), "built", ids=("utf32",)),
    # ---- too big to parse
    Case("a 5 MB article", "huge.txt", data((GOOD_TEXT + "\n") * (5_000_000 // len(GOOD_TEXT))), "skipped",
         "too long"),
    jsonl_case("huge-line", {"id": "huge-line", "text": "Talks went on. " * 350_000}, "skipped",
               "too long: 5,250,000 characters"),
    Case("one sentence of 100k characters", "endless.txt", data(ENDLESS), "skipped",
         f"a sentence of 100,000 characters without a break (limit {MAX_SENTENCE_CHARS:,})"),
    # ---- HTML instead of text: tags stripped, and said so
    Case("an HTML page as .txt", "page.txt", data(PAGE), "warning", "HTML, not plain text: tags stripped",
         ids=("page",)),
    jsonl_case("html-line", {"id": "html-line", "text": "<div><p>Serra met Marsh in Lisbon.</p><p>Both smiled.</p></div>"},
               "warning", "HTML, not plain text", ids=("html-line",)),
    Case("HTML without text", "scripts.txt", data("<html><script>var a = 1;</script></html>"), "skipped",
         "HTML without any text"),
    # ---- malformed JSON lines
    jsonl_case("not-json", "{this is not json", "skipped", "invalid JSON"),
    jsonl_case("truncated", '{"id": "truncated", "text": "Serra met', "skipped", "invalid JSON"),
    jsonl_case("array", '["id", "text"]', "skipped", "line is not a JSON object"),
    jsonl_case("string", '"just a string"', "skipped", "line is not a JSON object"),
    jsonl_case("null", "null", "skipped", "line is not a JSON object"),
    jsonl_case("deep", "[" * 100_000 + "]" * 100_000, "skipped", "invalid JSON"),
    jsonl_case("big-number", '{"id": "n", "text": "x", "n": ' + "9" * 5_000 + "}", "skipped", "invalid JSON"),
    # ---- missing or mistyped fields
    jsonl_case("no-id", {"text": GOOD_TEXT}, "skipped", "missing or non-string 'id'"),
    jsonl_case("number-id", {"id": 17, "text": GOOD_TEXT}, "skipped", "missing or non-string 'id'"),
    jsonl_case("no-text", {"id": "no-text"}, "skipped", "missing or non-string 'text'"),
    jsonl_case("number-text", {"id": "number-text", "text": 42}, "skipped", "missing or non-string 'text'"),
    jsonl_case("object-text", {"id": "object-text", "text": {"body": GOOD_TEXT}}, "skipped",
               "missing or non-string 'text'"),
    jsonl_case("newline-id", {"id": "two\nlines", "text": GOOD_TEXT}, "skipped", "'id' holds control characters"),
    jsonl_case("surrogate-id", '{"id": "bad\\ud800id", "text": "Serra met Marsh."}', "skipped", "not valid unicode"),
    jsonl_case("long-id", {"id": "x" * 5_000, "text": GOOD_TEXT}, "skipped", "'id' longer than 1,000 characters"),
    jsonl_case("bad-title", {"id": "bad-title", "text": GOOD_TEXT, "title": ["a", "list"]}, "warning",
               "non-string 'title' ignored", ids=("bad-title",)),
    jsonl_case("bad-url", {"id": "bad-url", "text": GOOD_TEXT, "url": "see the paper"}, "warning",
               "'url' is not an absolute URL", ids=("bad-url",)),
    jsonl_case("surrogate-text", '{"id": "surrogate-text", "text": "Serra met Marsh \\udc80 in Lisbon."}', "warning",
               "lone surrogates", ids=("surrogate-text",)),
    jsonl_case("controls", {"id": "controls", "text": "Serra\u0000 met\u0007 Marsh\u000b in Lisbon.\u007f"}, "built",
               ids=("controls",)),
    # ---- a duplicate id in one run: the first wins
    Case("duplicate id", "dup.jsonl", lines({"id": "dup", "text": GOOD_TEXT}, {"id": "dup", "text": "Other text."}),
         "skipped", "duplicate article id 'dup'", ids=("dup",), line=2),
    # ---- ids unsafe in an IRI: percent-encoded, built
    *(jsonl_case(name, {"id": article_id, "text": GOOD_TEXT}, "built", ids=(article_id,))
      for name, (article_id, _) in UNSAFE_IDS.items()),
    # ---- dates, languages, texts without entities
    jsonl_case("bad-date", {"id": "bad-date", "text": GOOD_TEXT, "date": "2031-02-30"}, "warning",
               "invalid date '2031-02-30'", ids=("bad-date",)),
    jsonl_case("word-date", {"id": "word-date", "text": GOOD_TEXT, "date": "last Tuesday"}, "warning",
               "invalid date", ids=("word-date",)),
    jsonl_case("number-date", {"id": "number-date", "text": GOOD_TEXT, "date": 20310304}, "warning", "invalid date",
               ids=("number-date",)),
    Case("text in German", "deutsch.txt", data("Die Ministerin traf am Montag ihren Amtskollegen in Lissabon. "
         "Beide lobten die Zusammenarbeit der Häfen."), "built", ids=("deutsch",)),
    Case("text in Japanese", "nihongo.txt", data("首相は月曜日にリスボンで大統領と会談した。"), "built", ids=("nihongo",)),
    Case("text with no entities", "weather.txt", data("it rained all day and the wind dropped at dusk."), "built",
         ids=("weather",)),
    # ---- files that cannot be read, or are not files
    Case("unreadable file (permissions)", "locked.txt", _locked, "skipped", "cannot read file: Permission denied",
         setup=_deny_reading),
    Case("a named pipe called .txt", "pipe.txt", os.mkfifo, "skipped", "not a regular file"),
    Case("broken symbolic link", "gone.txt", _symlink("nowhere.txt"), "skipped", "broken symbolic link"),
    Case("symbolic link to itself", "self.txt", _symlink("self.txt"), "skipped", "symbolic link loop"),
    Case("file name not valid UTF-8", os.fsdecode(b"caf\xe9-news.txt"), data(GOOD_TEXT), "warning",
         "file name is not valid UTF-8", ids=("caf\ufffd-news",)),
    # ---- folders: a symlink loop, thousands of files, deep nesting
    Case("folder with a symlink loop", "loop", _loop_folder, "built", ids=("looped",)),
    Case(f"folder with {2 * MANY:,} files", "many", _many_files, "built", ids=tuple(f"note-{n:04d}" for n in range(MANY))),
    Case("folder 300 levels deep", "deep", _deep_folder, "built", ids=("bottom",)),
]


def write_good(root: Path) -> dict[str, Path]:
    """Good articles given beside the battery: all of them must be built."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good-1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    lines({"id": "good-2", "text": GOOD_TEXT, "date": "2031-03-04"},
          {"id": "good-3", "text": "Ghana and Brazil backed a joint patrol plan.", "title": "Patrols"},
          newline="\r\n")(root / "good.jsonl")
    return {"good-1": root / "good-1.txt", "good-2": root / "good.jsonl", "good-3": root / "good.jsonl"}


@pytest.fixture(scope="module")
def battery(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """The battery folder (every case in it) and the good articles."""
    root = tmp_path_factory.mktemp("battery")
    (root / "bad").mkdir()
    for case in CASES:
        case.write(case.path(root / "bad"))
    return root, write_good(root / "good")


def test_the_battery_is_big_enough():
    assert len({case.name for case in CASES}) == len(CASES) >= 30
    assert len({case.file for case in CASES}) == len(CASES)
    assert sum(case.outcome == "skipped" for case in CASES) >= 30


CASE_BY_NAME = {case.name: case for case in CASES}


def _bad(battery) -> Path:
    return battery[0] / "bad"


#: Build options for the runs here: the SHACL check runs once on the whole store; no progress lines.
QUIET = ("--no-validate", "--progress", "off")


def _label(case: Case) -> str:
    return "skipped" if case.outcome == "skipped" else "warning:"


# ---- each case alone, through the reader ----------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reader_reports_each_bad_input_in_one_line(battery, case, monkeypatch):
    good = battery[1]["good-1"]
    path = case.path(_bad(battery))
    if case.setup:
        case.setup(path, monkeypatch)
    problems: list[InputProblem] = []
    ids = [a.id for a in read_articles([good, path], on_problem=problems.append)]
    assert ids[0] == "good-1"
    assert sorted(ids[1:]) == sorted(case.ids)
    if case.outcome == "built":
        assert problems == []
        return
    [problem] = problems
    assert problem.origin == case.origin(_bad(battery))
    assert case.reason in problem.reason
    assert problem.skipped == (case.outcome == "skipped")
    assert "\n" not in str(problem) and len(str(problem)) < 400


def test_html_is_stripped_to_its_text_and_title(battery):
    [article] = read_articles([CASE_BY_NAME["an HTML page as .txt"].path(_bad(battery))])
    assert article.title == "Harbour talks"
    assert article.text.startswith("Harbour talks\n")
    assert "President Tiago Serra met Prime Minister Elena Marsh in Lisbon" in article.text
    assert "fishing & trade" in article.text
    assert "<" not in article.text and "color" not in article.text and "var x" not in article.text


def test_control_characters_become_spaces_so_offsets_hold(battery):
    [article] = read_articles([CASE_BY_NAME["controls"].path(_bad(battery))])
    assert article.text == "Serra  met  Marsh  in Lisbon. "


# ---- each case alone, through kgbuild build -------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("case", [c for c in CASES if c.file != "many"], ids=[c.name for c in CASES if c.file != "many"])
def test_build_of_each_input_alone(battery, case, tmp_path, capsys, monkeypatch):
    """Nothing built: exit 1 and say why; something built: exit 0; never a traceback.

    (The folder of thousands of files is built in the battery run only.)
    """
    path = case.path(_bad(battery))
    if case.setup:
        case.setup(path, monkeypatch)
    code = cli.main(["build", str(path), "--store", str(tmp_path / "store"), *QUIET])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if case.outcome != "built":
        [line] = [x for x in err.splitlines() if x.startswith(f"kgbuild: {_label(case)} {case.origin(_bad(battery))}: ")]
        assert case.reason in line
    if case.ids:
        assert code == 0, err
        assert f"built {len(case.ids)} article(s)" in out
    else:
        assert code == 1
        assert err.splitlines()[-1] == (
            "kgbuild: error: no article could be built: all 1 input(s) were skipped (reasons above)"
        )


# ---- the whole battery in one build ---------------------------------------------------------


@pytest.fixture(scope="module")
def battery_build(battery, tmp_path_factory):
    """One ``kgbuild build`` over the good articles and every bad input: exit code, stdout, stderr, store."""
    root, _ = battery
    store = tmp_path_factory.mktemp("battery-store") / "store"
    with pytest.MonkeyPatch.context() as monkeypatch:
        for case in CASES:
            if case.setup:
                case.setup(case.path(root / "bad"), monkeypatch)
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        monkeypatch.setattr("sys.stderr", err)
        # The folder holds every case; the image is also named on the command line, as a user might.
        code = cli.main(["build", str(root / "good"), str(root / "bad"), str(root / "bad" / "photo.png"),
                         "--store", str(store), *QUIET])
    return code, out.getvalue(), err.getvalue(), store


@pytest.mark.model
def test_battery_builds_every_good_article_and_reports_every_bad_one(battery, battery_build):
    good = battery[1]
    code, out, err, store = battery_build
    assert code == 0, err
    assert "Traceback" not in err
    lines_ = err.splitlines()
    assert all(line.startswith(("kgbuild: skipped ", "kgbuild: warning: ")) for line in lines_), lines_
    for case in CASES:
        if case.outcome != "built":
            matching = [x for x in lines_ if x.startswith(f"kgbuild: {_label(case)} {case.origin(_bad(battery))}: ")]
            assert len(matching) == 1, (case.name, matching)
            assert case.reason in matching[0], case.name
    skipped = sum(case.outcome == "skipped" for case in CASES)
    warned = sum(case.outcome == "warning" for case in CASES)
    assert len(lines_) == skipped + warned
    expected = set(good) | {i for case in CASES for i in case.ids}
    assert re.fullmatch(
        rf"built {len(expected)} article\(s\): \d+ facts, \d+ triples into \S+; skipped {skipped} input\(s\); "
        rf"{warned} warning\(s\)\n", out), out
    database = open_store(store, read_only=True)
    assert {g.value for g in database.named_graphs()} == {str(article_graph_iri(i)) for i in expected}


@pytest.mark.model
def test_battery_ids_are_percent_encoded_and_kept_as_given(battery_build):
    database = open_store(battery_build[3], read_only=True)
    article_id_property = pyoxigraph.NamedNode("https://w3id.org/kgbuild/diplomacy#articleId")
    for article_id, segment in UNSAFE_IDS.values():
        graph = pyoxigraph.NamedNode(f"https://w3id.org/kgbuild/graph/{segment}")
        stored = {q.object.value for q in database.quads_for_pattern(None, article_id_property, None, graph)}
        assert stored == {article_id}


# RFC 3987 IRI (ASCII part): a scheme, then no space, no <>"{}|\^`, "%" only before two hex digits.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[^\x00-\x20<>\"{}|\\^`%\x7f-\x9f]|%[0-9A-Fa-f]{2})*")


def assert_valid_iri(value: str) -> None:
    assert _IRI.fullmatch(value), value
    pyoxigraph.NamedNode(value)  # oxiri parses it, or this raises


@pytest.mark.model
def test_battery_output_is_valid_iris_parses_in_every_format_and_passes_shacl(battery_build, tmp_path, capsys):
    store = battery_build[3]
    database = open_store(store, read_only=True)
    for quad in database:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode):
                assert_valid_iri(term.value)
    del database
    for fmt, parser in [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld"), ("turtle", "turtle"),
                        ("ntriples", "nt"), ("xml", "xml")]:
        out = tmp_path / f"out.{fmt}"
        assert cli.main(["export", "--store", str(store), "--format", fmt, "-o", str(out)]) == 0
        parsed = rdflib.Dataset() if fmt in ("trig", "nquads", "jsonld") else rdflib.Graph()
        parsed.parse(out, format=parser)
        assert len(parsed) > 0, fmt
    capsys.readouterr()
    assert cli.main(["validate", "--store", str(store)]) == 0
    assert capsys.readouterr().out.startswith("conforms")


# ---- exit codes and --strict ----------------------------------------------------------------


@pytest.mark.model
def test_strict_turns_any_skip_or_warning_into_exit_1(battery, tmp_path, capsys):
    good = battery[1]["good-1"]
    empty = CASE_BY_NAME["empty file"].path(_bad(battery))
    html = CASE_BY_NAME["an HTML page as .txt"].path(_bad(battery))
    runs = {"clean": [good], "skip": [good, empty], "warning": [good, html]}
    codes = {}
    for label, paths in runs.items():
        for strict in (False, True):
            store = tmp_path / f"{label}-{strict}"
            codes[label, strict] = cli.main(["build", *map(str, paths), "--store", str(store), *QUIET]
                                            + (["--strict"] if strict else []))
    err = capsys.readouterr().err
    assert codes == {("clean", False): 0, ("clean", True): 0, ("skip", False): 0, ("skip", True): 1,
                     ("warning", False): 0, ("warning", True): 1}
    assert "kgbuild: error: --strict: 1 input(s) skipped, 0 warning(s)" in err
    assert "kgbuild: error: --strict: 0 input(s) skipped, 1 warning(s)" in err


@pytest.mark.model
def test_nothing_to_read_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("not an article", encoding="utf-8")
    code = cli.main(["build", str(tmp_path / "notes"), "--store", str(tmp_path / "store"), *QUIET])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"kgbuild: error: no article could be built: no .txt or .jsonl article found in {tmp_path / 'notes'}\n"


# ---- the reader on its own, at scale --------------------------------------------------------


def test_thousands_of_files_and_deep_folders_are_read_lazily(tmp_path):
    folder = tmp_path / "feed"
    deep = folder.joinpath(*["level"] * 400)
    deep.mkdir(parents=True)
    for n in range(5_000):
        (folder / f"a{n:05d}.txt").write_text(f"Item {n}.", encoding="utf-8")
    (deep / "last.txt").write_text("The end.", encoding="utf-8")
    problems: list[InputProblem] = []
    articles = read_articles([folder], on_problem=problems.append)
    assert next(articles).id == "a00000"
    rest = [a.id for a in articles]
    assert len(rest) == 5_000 and rest[-1] == "last"
    assert problems == []


def test_a_folder_reached_twice_through_links_is_read_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    problems: list[InputProblem] = []
    assert [a.id for a in read_articles([tmp_path], on_problem=problems.append)] == ["one"]
    assert problems == []


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("A.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list[InputProblem] = []
    assert list(read_articles([tmp_path], on_problem=problems.append)) == []
    assert problems == [InputProblem(str(locked), "cannot read folder: Permission denied")]


def test_the_permission_case_is_real_when_not_root(battery):
    path = CASE_BY_NAME["unreadable file (permissions)"].path(_bad(battery))
    assert stat.S_IMODE(path.stat().st_mode) == 0
