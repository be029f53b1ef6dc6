"""Showing a build's progress: a bar redrawn in place on a terminal, a plain log line now and then elsewhere.

The CLI passes a :class:`ProgressDisplay` as ``on_progress`` to
:func:`kgbuild.pipeline.build`; the library itself prints nothing.

>>> import io
>>> from kgbuild.pipeline import BuildProgress
>>> out = io.StringIO()
>>> display = ProgressDisplay(out, style="log", total=400, interval=0)
>>> display(BuildProgress(articles=100, written=64, unchanged=0, read=120, words=50_000, facts=900, triples=9_000,
...                       seconds=10.0))
>>> print(out.getvalue(), end="")
kgbuild: 100/400 articles (25%), 5,000 words/s, 900 facts, ETA 0:30
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .articles import SUFFIXES

if TYPE_CHECKING:  # (the CLI imports this module; the pipeline would bring spaCy)
    from .pipeline import BuildProgress

__all__ = ["PROGRESS_STYLES", "ProgressDisplay", "count_articles"]

#: ``auto`` is ``bar`` on a terminal and ``log`` elsewhere.
PROGRESS_STYLES: tuple[str, ...] = ("auto", "bar", "log", "off")

_BAR_WIDTH = 24
_REDRAW_SECONDS = 0.25


def count_articles(paths: Iterable[str | os.PathLike[str]]) -> int:
    """About how many articles ``paths`` hold: one per ``.txt`` file, one per non-blank line of a ``.jsonl`` file.

    Unreadable files count as nothing; it is only for an ETA.
    """
    total = 0
    for path in paths:
        path = Path(path)
        files = (p for p in sorted(path.rglob("*")) if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix not in SUFFIXES:
                continue
            if suffix == ".txt":
                total += 1
                continue
            try:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                continue
    return total


class ProgressDisplay:
    """Writes :class:`~kgbuild.pipeline.BuildProgress` reports to ``stream``.

    ``style`` is one of :data:`PROGRESS_STYLES`. ``total`` is the number of
    articles expected, for the ETA; when left out and ``paths`` are given, it
    is counted in a background thread started by the first report (so that
    the build starts at once, and forks no process while it runs). A
    ``log`` line is written every ``interval`` seconds (none for a build
    shorter than that); the ``bar`` is redrawn at most four times a second.
    Call :meth:`close` at the end.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        style: str = "auto",
        total: int | None = None,
        paths: Iterable[str | os.PathLike[str]] = (),
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if style not in PROGRESS_STYLES:
            raise ValueError(f"progress style must be one of {', '.join(PROGRESS_STYLES)}, not {style!r}")
        if style == "auto":
            style = "bar" if stream.isatty() else "log"
        self.style = style
        self.total = total
        self._stream = stream
        self._interval = interval if style == "log" else _REDRAW_SECONDS
        self._clock = clock
        self._last: float | None = clock() if style == "log" else None
        self._drawn = False
        self._paths = list(paths) if total is None else []

    def _count(self, paths: list) -> None:
        self.total = count_articles(paths)

    def __call__(self, progress: BuildProgress) -> None:
        if self.style == "off":
            return
        if self._paths:
            threading.Thread(target=self._count, args=(self._paths,), daemon=True).start()
            self._paths = []
        now = self._clock()
        if self._last is not None and now - self._last < self._interval and self._interval > 0:
            return
        self._last = now
        line = self.line(progress)
        if self.style == "bar":
            self._stream.write(f"\r{line}\x1b[K")
            self._drawn = True
        else:
            self._stream.write(f"kgbuild: {line}\n")
        self._stream.flush()

    def line(self, progress: BuildProgress) -> str:
        """The text of one report: articles, words per second, facts, ETA (when the total is known)."""
        done = progress.articles + progress.unchanged
        total = self.total
        parts = []
        if total:
            share = min(1.0, done / total)
            count = f"{done:,}/{total:,} articles"
            if self.style == "bar":
                filled = round(share * _BAR_WIDTH)
                count = f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {count}"
            parts.append(f"{count} ({share:.0%})")
        else:
            parts.append(f"{done:,} articles")
        if progress.unchanged:
            parts[-1] += f", {progress.unchanged:,} unchanged"
        rate = progress.words / progress.seconds if progress.seconds > 0 else 0.0
        parts.append(f"{rate:,.0f} words/s")
        parts.append(f"{progress.facts:,} facts")
        if total and progress.articles and progress.seconds > 0:
            left = max(0, total - done) * progress.seconds / progress.articles
            parts.append(f"ETA {_duration(left)}")
        return ", ".join(parts)

    def close(self) -> None:
        """End the bar's line, so that what follows starts on a line of its own."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False


def _duration(seconds: float) -> str:
    """``h:mm:ss``, or ``m:ss`` under an hour."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
