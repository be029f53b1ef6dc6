"""Reading .txt and .jsonl inputs into Article records, and reporting bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kgbuild.articles import InputProblem, read_articles


def read(paths, problems: list[InputProblem] | None = None):
    sink = problems if problems is not None else []
    return list(read_articles(paths, on_problem=sink.append))


def jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_txt_file_is_one_article_named_after_the_file(tmp_path):
    path = tmp_path / "orland-01.txt"
    path.write_text("Mara Velt arrived in Orland on Monday.\n", encoding="utf-8")
    [article] = read([path])
    assert article.id == "orland-01"
    assert article.text == "Mara Velt arrived in Orland on Monday.\n"
    assert article.date is None
    assert article.origin == str(path)


def test_jsonl_reads_every_field_and_ignores_unknown_ones(tmp_path):
    path = jsonl(
        tmp_path / "feed.jsonl",
        {"id": "n1", "text": "Velt met Oster.", "date": "2031-03-04", "title": "Talks", "url": "https://example.org/n1",
         "source": "Norland Herald", "licence": "ignored"},
        {"id": "n2", "text": "Oster left."},
    )
    first, second = read([path])
    assert (first.id, first.text, first.date, first.title, first.url, first.source) == (
        "n1", "Velt met Oster.", dt.date(2031, 3, 4), "Talks", "https://example.org/n1", "Norland Herald"
    )
    assert first.origin == f"{path}:1"
    assert (second.id, second.date, second.title, second.origin) == ("n2", None, None, f"{path}:2")


def test_utf8_bom_is_accepted_in_both_kinds(tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffCafé talks.".encode("utf-8"))
    (tmp_path / "b.jsonl").write_bytes("\ufeff".encode("utf-8") + b'{"id": "b1", "text": "Caf\\u00e9"}\n')
    problems: list[InputProblem] = []
    articles = read([tmp_path], problems)
    assert [(a.id, a.text) for a in articles] == [("a", "Café talks."), ("b1", "Café")]
    assert problems == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["id", "text"]', "line is not a JSON object"),
        ('{"text": "No id here."}', "missing or non-string 'id'"),
        ('{"id": 7, "text": "Numeric id."}', "missing or non-string 'id'"),
        ('{"id": "x1"}', "missing or non-string 'text'"),
        ('{"id": "x1", "text": ["a list"]}', "missing or non-string 'text'"),
        ('{"id": "x1", "text": "  \\n "}', "empty text"),
    ],
)
def test_bad_jsonl_lines_are_reported_and_skipped(tmp_path, line, reason):
    path = jsonl(tmp_path / "bad.jsonl", line, {"id": "good", "text": "Fine."})
    problems: list[InputProblem] = []
    articles = read([path], problems)
    assert [a.id for a in articles] == ["good"]
    [problem] = problems
    assert problem.origin == f"{path}:1"
    assert reason in problem.reason
    assert "\n" not in str(problem)


def test_invalid_date_is_reported_but_the_article_kept(tmp_path):
    path = jsonl(tmp_path / "d.jsonl", {"id": "d1", "text": "Talks.", "date": "2031-02-30"},
                 {"id": "d2", "text": "Talks.", "date": "March 2031"},
                 {"id": "d3", "text": "Talks.", "date": "2031-03-04T10:00:00Z"})
    problems: list[InputProblem] = []
    articles = read([path], problems)
    assert [(a.id, a.date) for a in articles] == [("d1", None), ("d2", None), ("d3", dt.date(2031, 3, 4))]
    assert [p.origin for p in problems] == [f"{path}:1", f"{path}:2"]
    assert all("invalid date" in p.reason for p in problems)


def test_non_string_optional_field_is_reported_and_dropped(tmp_path):
    path = jsonl(tmp_path / "t.jsonl", {"id": "t1", "text": "Talks.", "title": 42})
    problems: list[InputProblem] = []
    [article] = read([path], problems)
    assert article.title is None
    assert "'title'" in problems[0].reason


def test_undecodable_utf8_is_reported(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "mixed.jsonl").write_bytes(b'{"id": "m1", "text": "Caf\xe9"}\n{"id": "m2", "text": "ok"}\n')
    problems: list[InputProblem] = []
    articles = read([tmp_path], problems)
    assert [a.id for a in articles] == ["m2"]
    assert [p.origin for p in problems] == [str(tmp_path / "latin.txt"), f"{tmp_path / 'mixed.jsonl'}:1"]
    assert all("UTF-8" in p.reason for p in problems)


def test_empty_txt_is_reported(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    problems: list[InputProblem] = []
    assert read([tmp_path], problems) == []
    assert problems == [InputProblem(str(tmp_path / "blank.txt"), "empty text")]


def test_duplicate_id_keeps_the_first_and_reports_the_second(tmp_path):
    (tmp_path / "a.txt").write_text("First text.", encoding="utf-8")
    path = jsonl(tmp_path / "b.jsonl", {"id": "a", "text": "Second text."})
    problems: list[InputProblem] = []
    [article] = read([tmp_path], problems)
    assert article.text == "First text."
    assert problems[0].origin == f"{path}:1"
    assert "duplicate article id 'a'" in problems[0].reason


def test_missing_path_and_wrong_suffix_are_problems(tmp_path):
    other = tmp_path / "notes.md"
    other.write_text("Not an article.", encoding="utf-8")
    problems: list[InputProblem] = []
    assert read([tmp_path / "nowhere", other], problems) == []
    assert [p.reason for p in problems] == ["no such file or folder", "not a .txt or .jsonl file"]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Secret.", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)  # chmod does not stop root
    problems: list[InputProblem] = []
    assert read([path], problems) == []
    assert problems == [InputProblem(str(path), "cannot read file: Permission denied")]


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "z.txt").write_text("Z.", encoding="utf-8")
    (tmp_path / "a" / "deep" / "y.txt").write_text("Y.", encoding="utf-8")
    (tmp_path / "a" / "x.jsonl").write_text('{"id": "x", "text": "X."}\n', encoding="utf-8")
    (tmp_path / "a" / "readme.md").write_text("skipped silently", encoding="utf-8")
    (tmp_path / "c.TXT").write_text("C.", encoding="utf-8")
    problems: list[InputProblem] = []
    assert [a.id for a in read([tmp_path], problems)] == ["y", "x", "z", "c"]
    assert problems == []


def test_symlink_loops_are_not_followed_forever(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    problems: list[InputProblem] = []
    assert [a.id for a in read([tmp_path], problems)] == ["one"]
    assert [p.reason for p in problems] == ["broken symbolic link"]


def test_reading_is_lazy(tmp_path):
    first = jsonl(tmp_path / "first.jsonl", {"id": "f1", "text": "One."}, {"id": "f2", "text": "Two."})
    problems: list[InputProblem] = []
    articles = read_articles([first, tmp_path / "missing.txt"], on_problem=problems.append)
    assert next(articles).id == "f1"
    assert problems == []  # the missing path is not looked at yet
    assert [a.id for a in articles] == ["f2"]
    assert [p.reason for p in problems] == ["no such file or folder"]


def test_without_on_problem_bad_input_is_skipped_silently(tmp_path):
    path = jsonl(tmp_path / "x.jsonl", "{oops", {"id": "ok", "text": "Fine."})
    assert [a.id for a in read_articles([path])] == ["ok"]
