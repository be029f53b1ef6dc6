"""The baseline the benchmark compares ``kgbuild build`` with: spaCy's ``nlp.pipe`` alone, same model and settings.

    python bench/raw_pipe.py corpus.jsonl --processes 2
    python bench/raw_pipe.py corpus.jsonl --stock      # the model exactly as shipped

Reads the texts of a JSON Lines corpus lazily and parses them with the
pipeline kgbuild loads (:func:`kgbuild.nlp.load_pipeline`; with ``--stock``
the spaCy model as shipped, whose attribute ruler matches every pattern at
every token) and kgbuild's batch size; prints the words parsed. Time the
whole process from outside.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator

from kgbuild.nlp import DEFAULT_BATCH_SIZE, load_pipeline


def texts(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--model")
    parser.add_argument("--stock", action="store_true", help="spaCy's model as shipped, without kgbuild's attribute ruler")
    args = parser.parse_args()
    nlp = load_pipeline(args.model, stock=args.stock)
    words = tokens = 0
    for doc in nlp.pipe(texts(args.corpus), batch_size=DEFAULT_BATCH_SIZE, n_process=args.processes):
        words += len(doc.text.split())
        tokens += len(doc)
    print(f"{words} words, {tokens} tokens parsed")


if __name__ == "__main__":
    main()
