"""``python -m kgbuild``."""

from .cli import run

run()
