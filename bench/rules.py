"""What the extraction rules cost beside the spaCy parse: extraction CPU seconds ÷ parse CPU seconds.

    python bench/corpus.py 100000 corpus.jsonl
    python bench/rules.py corpus.jsonl            # prints parse and extraction CPU seconds and their ratio

Parses every article once with ``nlp.pipe`` (kgbuild's model and batch
size), then runs :func:`kgbuild.extract.extract_article` over the parsed docs
``--repeat`` times and keeps the fastest run. CPU time, so other work on the
machine matters less than for wall-clock; nothing is asserted.
"""

from __future__ import annotations

import argparse
import time

from kgbuild.articles import read_articles
from kgbuild.extract import extract_article, load_resources
from kgbuild.nlp import DEFAULT_BATCH_SIZE, load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="articles to parse and extract (any input kgbuild build reads)")
    parser.add_argument("--repeat", type=int, default=3, help="extraction runs; the fastest is kept (default 3)")
    args = parser.parse_args()
    nlp, resources = load_pipeline(), load_resources()
    articles = list(read_articles([args.corpus]))
    start = time.process_time()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=DEFAULT_BATCH_SIZE))
    parse = time.process_time() - start
    runs = []
    for _ in range(args.repeat):
        start = time.process_time()
        for doc, article in zip(docs, articles):
            extract_article(doc, article, resources=resources)
        runs.append(time.process_time() - start)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words")
    print(f"parse CPU {parse:.2f} s, extraction CPU {min(runs):.2f} s, extraction/parse {min(runs) / parse:.3f}")


if __name__ == "__main__":
    main()
