"""The retry policy: waits, Retry-After, which failures are worth another try."""

from __future__ import annotations

import datetime as dt
import email.utils
import socket
import threading

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st
from servers import free_port

from kgbuild.retry import RetryPolicy, connection_failure, retry_after_seconds, retryable_status


@given(
    attempt=st.integers(0, 12),
    backoff=st.floats(0, 10),
    max_wait=st.floats(0, 60),
    jitter=st.floats(0, 1),
    draw=st.floats(0, 1, exclude_max=True),
)
def test_a_wait_is_the_doubled_backoff_less_its_jitter_and_never_over_the_cap(attempt, backoff, max_wait, jitter, draw):
    policy = RetryPolicy(backoff=backoff, max_wait=max_wait, jitter=jitter)
    wait = policy.delay(attempt, draw=lambda: draw)
    full = min(max_wait, backoff * 2**attempt)
    assert full * (1 - jitter) - 1e-9 <= wait <= full + 1e-9


@given(asked=st.floats(-100, 10_000), max_wait=st.floats(0, 60))
def test_retry_after_is_followed_within_the_cap(asked, max_wait):
    assert RetryPolicy(max_wait=max_wait).delay(3, retry_after=asked) == min(max_wait, max(0.0, asked))


def test_retry_after_in_seconds_or_as_an_http_date():
    now = dt.datetime(2026, 11, 28, 7, 0, tzinfo=dt.timezone.utc)
    assert retry_after_seconds("120", now=now) == 120
    assert retry_after_seconds(email.utils.format_datetime(now + dt.timedelta(seconds=90), usegmt=True), now=now) == 90
    assert retry_after_seconds("Sat, 28 Nov 2026 06:00:00 GMT", now=now) == 0  # in the past: now
    assert retry_after_seconds("later", now=now) is None
    assert retry_after_seconds("-5", now=now) is None
    assert retry_after_seconds(None) is None


def test_only_idempotent_requests_are_retried_after_an_internal_error():
    for status in (502, 503, 504):
        assert retryable_status(status, idempotent=False) and retryable_status(status, idempotent=True)
    assert retryable_status(500, idempotent=True) and not retryable_status(500, idempotent=False)
    for status in (400, 401, 403, 404, 409, 413, 501):
        assert not retryable_status(status, idempotent=True)


def test_bad_policies_are_refused():
    for bad in ({"retries": -1}, {"retries": 1.5}, {"backoff": -1}, {"jitter": 2}, {"max_wait": -3}):
        with pytest.raises(ValueError):
            RetryPolicy(**bad)


def test_refused_and_reset_connections_are_told_apart():
    with pytest.raises(requests.ConnectionError) as refused:
        requests.get(f"http://127.0.0.1:{free_port()}/", timeout=5)
    assert connection_failure(refused.value) == "refused"
    with socket.create_server(("127.0.0.1", 0)) as listener:  # accepts, reads, then closes without an answer
        port = listener.getsockname()[1]

        def close_at_once() -> None:
            connection, _ = listener.accept()
            connection.recv(65536)
            connection.close()

        closer = threading.Thread(target=close_at_once)
        closer.start()
        with pytest.raises(requests.ConnectionError) as dropped:
            requests.get(f"http://127.0.0.1:{port}/", timeout=5)
        closer.join()
    assert connection_failure(dropped.value) == "reset"
    assert connection_failure(ValueError("something else")) is None
