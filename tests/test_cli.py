"""The CLI: every command explains itself with an example; user errors are one line, no traceback."""

from __future__ import annotations

import pytest

from kgbuild import cli

COMMANDS = tuple(cli._COMMANDS)  # every command the CLI dispatches, new ones included


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out
    assert f"kgbuild {command}" in out.split("example:", 1)[1]


def test_query_help_lists_the_named_queries(capsys):
    with pytest.raises(SystemExit):
        cli.main(["query", "--help"])
    out = capsys.readouterr().out
    for name in ("facts", "summit_attendees", "person_roles", "statements", "stances", "events"):
        assert name in out


def test_query_on_a_missing_store_is_a_one_line_error(tmp_path, capsys):
    code = cli.main(["query", "facts", "--store", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "nowhere" in err and "Traceback" not in err


def test_unknown_query_name_is_a_one_line_error(tmp_path, capsys):
    store = tmp_path / "store"
    store.mkdir()
    code = cli.main(["query", "no_such_query", "--store", str(store)])
    err = capsys.readouterr().err
    assert code == 2
    assert "no_such_query" in err and err.count("\n") == 1


def test_bad_param_syntax_is_a_one_line_error(tmp_path, capsys):
    code = cli.main(["query", "facts", "--param", "novalue", "--store", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "KEY=VALUE" in err


def test_build_with_only_bad_input_fails_and_names_the_file(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    code = cli.main(["build", str(bad), "--store", str(tmp_path / "store"), "--no-validate"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:1" in err and f"{bad}:2" in err
    assert "Traceback" not in err
