"""When and how long to wait before trying a remote request again.

A request to a remote SPARQL endpoint or Graph Store is tried again when it
met a failure that may pass (a busy or restarting server, a proxy in front
of it, a dropped connection) and only when trying again cannot do a thing
twice:

* connection refused, and HTTP 502, 503 and 504: always (nothing was done,
  or a proxy says the server is not there);
* a connection reset or closed before the answer, no answer in time, and
  HTTP 500: only for an *idempotent* request (a query, a ``PUT`` of a whole
  graph, a ``DELETE``), which does the same when done twice. A request that
  appends (a ``POST`` of ``INSERT DATA`` into a graph it does not replace)
  is not idempotent: it may have been done before the connection dropped.

The waits grow exponentially (``backoff``, twice that, four times...), each
shortened by a random share of up to ``jitter`` so that many clients do not
come back at once, and none is longer than ``max_wait``. A ``Retry-After``
answer header (seconds or an HTTP date) is followed instead, capped the same.

>>> policy = RetryPolicy(backoff=1.0, jitter=0.0)
>>> [policy.delay(attempt) for attempt in range(4)]
[1.0, 2.0, 4.0, 8.0]
>>> policy.delay(0, retry_after=120.0)
30.0
>>> retry_after_seconds("7"), retry_after_seconds("soon")
(7.0, None)
>>> retryable_status(500, idempotent=True), retryable_status(500, idempotent=False)
(True, False)
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "ALWAYS_RETRIED_STATUS",
    "IDEMPOTENT_RETRIED_STATUS",
    "RetryPolicy",
    "connection_failure",
    "retry_after_seconds",
    "retryable_status",
]

#: Answers worth another try whatever the request: the server, or a proxy in front of it, is busy or restarting.
ALWAYS_RETRIED_STATUS = frozenset({502, 503, 504})
#: Also worth another try when doing the request twice does no harm: the server failed, it may not fail again.
IDEMPOTENT_RETRIED_STATUS = ALWAYS_RETRIED_STATUS | {500}


@dataclass(frozen=True)
class RetryPolicy:
    """How often, and after how long, a request that met a passing failure is tried again.

    ``retries`` tries after the first; the n-th waits ``backoff * 2**(n-1)``
    seconds, less a random share of up to ``jitter`` (0 to 1) of it, and at
    most ``max_wait`` seconds, which also caps a server's ``Retry-After``.
    """

    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 30.0
    jitter: float = 0.5

    def __post_init__(self) -> None:
        if not isinstance(self.retries, int) or self.retries < 0:
            raise ValueError(f"retries must be a whole number, 0 or more, not {self.retries!r}")
        if self.backoff < 0 or self.max_wait < 0 or not 0 <= self.jitter <= 1:
            raise ValueError("backoff and max_wait must not be negative, and jitter must be between 0 and 1")

    def delay(self, attempt: int, *, retry_after: float | None = None, draw: Callable[[], float] = random.random) -> float:
        """Seconds to wait after try number ``attempt`` (0 for the first) failed; ``draw`` gives a number in [0, 1)."""
        if retry_after is not None:
            return min(self.max_wait, max(0.0, retry_after))
        full = min(self.max_wait, self.backoff * 2**attempt)
        return full * (1 - self.jitter * draw())


def retryable_status(status: int, *, idempotent: bool) -> bool:
    """Whether an answer with HTTP ``status`` is worth another try."""
    return status in (IDEMPOTENT_RETRIED_STATUS if idempotent else ALWAYS_RETRIED_STATUS)


def retry_after_seconds(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds (0 for a date in the past), or ``None``.

    >>> retry_after_seconds("Wed, 21 Oct 2015 07:28:05 GMT", now=dt.datetime(2015, 10, 21, 7, 28, tzinfo=dt.timezone.utc))
    5.0
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is in GMT; "-0000" parses as naive
        when = when.replace(tzinfo=dt.timezone.utc)
    now = now if now is not None else dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


def connection_failure(error: BaseException) -> str | None:
    """``"refused"`` or ``"reset"`` when ``error`` (or one it wraps) is a refused or dropped connection, else ``None``.

    A refused connection carried nothing to the server; a dropped one may
    have carried the whole request.
    """
    seen: set[int] = set()
    stack: list[object] = [error]
    found = None
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ConnectionRefusedError):
            return "refused"
        if isinstance(item, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError, http.client.RemoteDisconnected,
                             http.client.IncompleteRead)):
            found = "reset"
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    if found is None and "connection refused" in str(error).lower():
        return "refused"
    if found is None and any(text in str(error).lower() for text in ("connection reset", "connection aborted",
                                                                   "remote end closed")):
        return "reset"
    return found
