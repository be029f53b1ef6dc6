"""A synthetic diplomacy news corpus for the benchmark, made by recombining the sentences of templates.txt.

Each article gets a cast (three people with titles and countries, a city, an
event, topics) and 12 to 40 sentences drawn from the templates, so the rules
find real facts in it. The same ``seed`` gives the same corpus.

    python bench/corpus.py 100000 corpus.jsonl     # about 100k words
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Vocabulary:
    templates: tuple[str, ...]
    words: dict


def load_vocabulary() -> Vocabulary:
    lines = (HERE / "templates.txt").read_text(encoding="utf-8").splitlines()
    templates = tuple(line for line in lines if line.strip() and not line.startswith("#"))
    return Vocabulary(templates=templates, words=json.loads((HERE / "vocabulary.json").read_text(encoding="utf-8")))


def _cast(rng: random.Random, words: dict) -> dict[str, str]:
    countries = rng.sample(words["countries"], 3)
    slots: dict[str, str] = {}
    for key, (country, adjective) in zip("abc", countries):
        name = f"{rng.choice(words['first_names'])} {rng.choice(words['surnames'])}"
        title = rng.choice(words["titles"])
        slots[f"{key}_intro"] = f"{adjective} {title} {name}"
        slots[key] = name.split()[-1]
        slots[f"{key}_country"] = country
        slots[f"{key}_adj"] = adjective
    city, city2 = rng.sample(words["cities"], 2)
    topic, topic2 = rng.sample(words["topics"], 2)
    day, day2 = rng.sample(words["days"], 2)
    slots.update(
        city=city, city2=city2, topic=topic, topic2=topic2, day=day, day2=day2,
        event=f"the {rng.choice(words['event_names'])}", org=rng.choice(words["organisations"]),
        number=str(rng.randint(12, 900)), year=str(rng.randint(1949, 2020)), month=rng.choice(words["months"]),
    )
    return slots


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def articles(total_words: int, *, seed: int = 7, prefix: str = "bench") -> Iterator[dict]:
    """Articles (JSON-ready dicts) until about ``total_words`` words have been written."""
    vocabulary = load_vocabulary()
    rng = random.Random(seed)
    written = number = 0
    start = dt.date(2024, 1, 1)
    while written < total_words:
        slots = _cast(rng, vocabulary.words)
        lead = rng.choice([t for t in vocabulary.templates if "{a_intro}" in t])
        rest = rng.sample([t for t in vocabulary.templates if t != lead], k=rng.randint(11, 39))
        sentences = [_capitalised(t.format(**slots)) for t in [lead, *rest]]
        paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
        text = "\n\n".join(paragraphs)
        number += 1
        written += len(text.split())
        yield {
            "id": f"{prefix}-{seed}-{number:07d}",
            "date": (start + dt.timedelta(days=number % 366)).isoformat(),
            "title": f"{slots['a_country']} and {slots['b_country']} on {slots['topic']}",
            "text": text,
        }


def write_corpus(path: Path, total_words: int, *, seed: int = 7) -> tuple[int, int]:
    """Write the corpus as JSON Lines; return (articles, words)."""
    count = words = 0
    with path.open("w", encoding="utf-8") as out:
        for article in articles(total_words, seed=seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
            words += len(article["text"].split())
    return count, words


if __name__ == "__main__":
    n, w = write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{n} articles, {w} words -> {sys.argv[2]}")
