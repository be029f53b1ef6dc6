"""``kgbuild serve``: a SPARQL endpoint and query page over the store, read-only unless asked; the page in a real browser."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from servers import closed_store, free_port, interruptible, require_binary, run_cli, wait_for_http
from test_query import CASES, corpus

from kgbuild import api
from kgbuild.remote import PushError, Remote, push
from kgbuild.retry import RetryPolicy
from kgbuild.serve import ServeError, serve
from kgbuild.sparql import insert_values, load_query, run_query
from kgbuild.store import StoreInUse, count_triples, open_store


def build_store(folder: Path) -> Path:
    """A store of the invented world, its handle closed so that a server can open it."""
    return closed_store(folder, corpus())


@pytest.fixture(scope="module")
def store_folder(tmp_path_factory) -> Path:
    require_binary("oxigraph", "pip install oxigraph")
    return build_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="module")
def served(store_folder):
    server = api.serve(store=store_folder, bind=f"127.0.0.1:{free_port()}")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def local(store_folder):
    return open_store(store_folder, read_only=True)


def test_served_store_answers_every_query_as_locally(served, local):
    assert served.read_only and served.base_url.startswith("http://127.0.0.1:")
    for name, params in CASES:
        assert run_query(name, endpoint=served.query_url, params=params) == run_query(name, store=local, params=params)


def test_read_only_server_refuses_writes(served, local):
    before = count_triples(local)
    with pytest.raises(PushError) as failure:
        push(local, Remote(served.base_url + "/store", "gsp", retry=RetryPolicy(retries=0)))
    assert "\n" not in str(failure.value) and "HTTP 4" in str(failure.value)
    assert failure.value.graph is not None
    with pytest.raises(PushError, match="HTTP 4"):
        push(local, Remote(served.base_url + "/update", "update", retry=RetryPolicy(retries=0)))
    assert run_query("facts", endpoint=served.query_url) == run_query("facts", store=local)
    assert count_triples(local) == before


def test_allow_update_takes_writes_and_the_store_lock(tmp_path, local):
    folder = tmp_path / "store"
    open_store(folder)  # an empty store, closed again at once
    with serve(folder, bind=f"127.0.0.1:{free_port()}", allow_update=True) as server:
        assert not server.read_only
        report = push(local, Remote(server.base_url + "/store", "gsp"))
        assert report.graphs == 3
        assert run_query("facts", endpoint=server.query_url) == run_query("facts", store=local)
        with pytest.raises(StoreInUse):
            open_store(folder)
    assert count_triples(open_store(folder, read_only=True)) == count_triples(local)


def test_serve_errors_are_clear(store_folder, served, tmp_path):
    with pytest.raises(ServeError, match="no store here"):
        serve(tmp_path / "none")
    taken = served.base_url.removeprefix("http://")
    with pytest.raises(ServeError, match="cannot listen on 127.0.0.1:[0-9]+: Address already in use"):
        serve(store_folder, bind=taken)
    with pytest.raises(ServeError, match="HOST:PORT"):
        serve(store_folder, bind="7878")
    result = run_cli("serve", "--store", str(tmp_path / "none"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "no store here" in result.stderr


def test_cli_serve_runs_until_interrupted(store_folder, local):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kgbuild", "serve", "--store", str(store_folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL, preexec_fn=interruptible,
    )
    try:
        banner = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in banner and "read-only" in banner
        wait_for_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process, what="kgbuild serve")
        endpoint = f"http://127.0.0.1:{port}/query"
        shown = run_cli("query", "stances", "--endpoint", endpoint, "--format", "json")
        assert json.loads(shown.stdout) == json.loads(api.format_result(run_query("stances", store=local), "json"))
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with pytest.raises(urllib.error.URLError):  # the server went with it
        urllib.request.urlopen(endpoint.replace("/query", "/query?query=ASK%7B%7D"), timeout=2)


def test_query_page_runs_summit_attendees_in_headless_chromium(served, local, tmp_path):
    chromium = require_binary("chromium", "apt-get install chromium")
    chromedriver = require_binary("chromedriver", "apt-get install chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get(served.page_url)
        wait = WebDriverWait(driver, 60)
        wait.until(lambda d: d.execute_script("return !!document.querySelector('.CodeMirror')"))
        # The page's editor gets the named query with its parameter bound, as kgbuild sends it remotely.
        text = insert_values(load_query("summit_attendees").text, {"param_event": '"Orland"'})
        driver.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", text)
        driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
        wait.until(lambda d: "Mara Velt" in d.find_element(By.CSS_SELECTOR, ".yasr").text)
        table = driver.find_element(By.CSS_SELECTOR, ".yasr table")
        body_rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        expected = run_query("summit_attendees", store=local, params={"event": "Orland"})
        assert len(body_rows) == len(expected.rows) == 2
        shown = table.text
        for row in expected.rows:
            assert row[1] in shown and row[6] in shown  # attendee_label, modality
        assert "President of Norland" in shown
        driver.save_screenshot(str(tmp_path / "query-page.png"))
    finally:
        driver.quit()


def test_oxigraph_binary_missing_is_a_serve_error(store_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServeError, match="pip install oxigraph"):
        serve(store_folder, bind=f"127.0.0.1:{free_port()}")


def test_a_mismatched_oxigraph_version_is_refused(store_folder, tmp_path):
    fake = tmp_path / "oxigraph"
    fake.write_text("#!/bin/sh\necho oxigraph 0.1.0\n")
    fake.chmod(0o755)
    with pytest.raises(ServeError, match="version 0.1.0 but pyoxigraph"):
        serve(store_folder, bind=f"127.0.0.1:{free_port()}", binary=str(fake))
    assert os.access(fake, os.X_OK)


@pytest.mark.parametrize("command", ["push", "serve"])
def test_push_and_serve_have_help_with_an_example(command, capsys):
    from kgbuild import cli

    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"kgbuild {command}" in out.split("example:", 1)[1]
