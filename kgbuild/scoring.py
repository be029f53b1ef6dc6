"""Scoring extracted facts against gold files (``shared/eval`` format).

A gold file has one JSON object a line: ``id``, ``text``, ``date``, ``facts``
(each with ``subject`` and ``object`` surface-form lists, ``relation`` and
``optional``), and optionally ``negated_facts`` and ``gold_complete_for``.

The rules, per document:

* relations scored are ``gold_complete_for`` when given, else every relation
  that occurs in the gold facts of the file; predictions of other relations
  are ignored, and so are predictions whose modality is ``negated``;
* an entity matches when, after :func:`normalise_label`, a predicted label
  equals a gold form, or contains every token of a gold form of two or more
  tokens, or ends with a one-token gold form; a country's names, aliases and
  demonyms are equivalent (its capital is not);
* a ``said`` object matches when half or more of the gold words occur in the
  predicted text and that text has at most ``3 * gold words + 25`` words;
* ``meets`` and ``cooperatesWith`` ignore direction;
* TP: non-optional gold facts matched by a prediction; FN: those matched by
  none; FP: predictions that match no gold fact (optional facts absorb the
  predictions that match them). A prediction that matches no gold fact but a
  ``negated_facts`` entry is an FP and is also counted as
  ``negated_asserted``.

Precision, recall and F1 are micro-averaged over the documents of a file,
per relation and overall.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .facts import CORE_RELATIONS, SYMMETRIC_RELATIONS, Article, Extraction
from .gazetteer import Gazetteer, load_gazetteer
from .namekeys import strip_accents
from .namespace import GRAPH, ID

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "FACTS_CSV_COLUMNS",
    "GoldFact",
    "GoldFileError",
    "GoldItem",
    "PredictedFact",
    "PredictionFileError",
    "RelationScore",
    "Scores",
    "evaluate",
    "format_scores",
    "load_gold",
    "normalise_label",
    "predictions_from_extractions",
    "predictions_from_facts_csv",
    "score",
]

#: The columns of the ``facts`` named query's CSV output, in order.
FACTS_CSV_COLUMNS: tuple[str, ...] = (
    "article",
    "subject",
    "subject_label",
    "relation",
    "object",
    "object_label",
    "modality",
    "confidence",
    "evidence",
)
#: How the ``facts`` query joins several labels of one entity.
LABEL_SEPARATOR = " | "
#: The modality whose predictions are not predictions.
NEGATED = "negated"
#: The relation whose object is compared as text, not as an entity.
SAID = "said"

_ARTICLES = frozenset({"a", "an", "the"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?!\w)")
_DELETED = re.compile(r"[.']")  # "U.S." -> "us"; inner apostrophes vanish
_PUNCTUATION = re.compile(r"[^\w\s]|_")


class GoldFileError(ValueError):
    """A gold file line is malformed; the message is ``path:line: reason``."""


class PredictionFileError(ValueError):
    """A predictions CSV is malformed; the message is ``path:line: reason``."""


@dataclass(frozen=True)
class GoldFact:
    """One gold fact: surface forms of subject and object, any of which may match."""

    subject: tuple[str, ...]
    relation: str
    object: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class GoldItem:
    """One gold document with its facts.

    ``complete_for`` lists the relations annotated completely in it (only
    those are scored there); ``None`` means every relation of the file.
    """

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    facts: tuple[GoldFact, ...] = ()
    negated_facts: tuple[GoldFact, ...] = ()
    complete_for: tuple[str, ...] | None = None


@dataclass(frozen=True)
class PredictedFact:
    """One predicted fact: all the labels of its subject and object.

    ``modality`` is a :class:`kgbuild.facts.Modality` value; ``"negated"``
    predictions are not counted.
    """

    subject_labels: tuple[str, ...]
    relation: str
    object_labels: tuple[str, ...]
    modality: str = "asserted"


@dataclass(frozen=True)
class RelationScore:
    """Counts for one relation (or ``"micro"`` for all) and the ratios they give.

    A ratio whose denominator is zero is ``None``.

    >>> RelationScore("meets", tp=3, fp=1, fn=2).f1
    0.6666666666666666
    """

    relation: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    negated_asserted: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(frozen=True)
class Scores:
    """Per-relation counts (in :data:`CORE_RELATIONS` order) and the micro row."""

    relations: tuple[RelationScore, ...]
    micro: RelationScore
    documents: int

    @property
    def negated_asserted(self) -> int:
        return self.micro.negated_asserted

    def relation(self, name: str) -> RelationScore:
        """The row of one relation (all zero if it was not scored)."""
        for row in self.relations:
            if row.relation == name:
                return row
        return RelationScore(name)


# -- reading gold -----------------------------------------------------------


def load_gold(path: str | Path) -> list[GoldItem]:
    """Read a gold file; raise :class:`GoldFileError` on the first bad line."""
    path = Path(path)
    items: list[GoldItem] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFileError(f"{where}: invalid JSON: {exc.msg}") from None
            item = _gold_item(record, where)
            if item.id in seen:
                raise GoldFileError(f"{where}: duplicate id {item.id!r}")
            seen.add(item.id)
            items.append(item)
    return items


def _gold_item(record: Any, where: str) -> GoldItem:
    if not isinstance(record, dict):
        raise GoldFileError(f"{where}: expected a JSON object")
    item_id = record.get("id")
    if not isinstance(item_id, str) or not item_id:
        raise GoldFileError(f"{where}: 'id' must be a non-empty string")
    text = record.get("text")
    if not isinstance(text, str):
        raise GoldFileError(f"{where}: 'text' must be a string")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise GoldFileError(f"{where}: 'title' must be a string or null")
    complete_for = record.get("gold_complete_for")
    if complete_for is not None:
        if not isinstance(complete_for, list):
            raise GoldFileError(f"{where}: 'gold_complete_for' must be a list of relations")
        complete_for = tuple(_relation(name, where) for name in complete_for)
    return GoldItem(
        id=item_id,
        text=text,
        date=_date(record.get("date"), where),
        title=title,
        facts=_gold_facts(record.get("facts"), "facts", where, required=True),
        negated_facts=_gold_facts(record.get("negated_facts"), "negated_facts", where),
        complete_for=complete_for,
    )


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise GoldFileError(f"{where}: 'date' must be YYYY-MM-DD or null, not {value!r}") from None


def _relation(name: Any, where: str) -> str:
    if name not in CORE_RELATIONS:
        raise GoldFileError(f"{where}: unknown relation {name!r}")
    return name


def _gold_facts(value: Any, field: str, where: str, *, required: bool = False) -> tuple[GoldFact, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list):
        raise GoldFileError(f"{where}: {field!r} must be a list")
    facts = []
    for index, fact in enumerate(value):
        here = f"{where}: {field}[{index}]"
        if not isinstance(fact, dict):
            raise GoldFileError(f"{here} must be an object")
        optional = fact.get("optional", False)
        if not isinstance(optional, bool):
            raise GoldFileError(f"{here}: 'optional' must be true or false")
        facts.append(
            GoldFact(
                subject=_forms(fact.get("subject"), "subject", here),
                relation=_relation(fact.get("relation"), here),
                object=_forms(fact.get("object"), "object", here),
                optional=optional,
            )
        )
    return tuple(facts)


def _forms(value: Any, role: str, where: str) -> tuple[str, ...]:
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(form, str) and form.strip() for form in value)
    ):
        raise GoldFileError(f"{where}: {role!r} must be a non-empty list of non-empty strings")
    return tuple(value)


# -- predictions --------------------------------------------------------------


def predictions_from_extractions(
    extractions: Iterable[Extraction],
) -> dict[str, list[PredictedFact]]:
    """Predicted facts per article id; an entity's labels are its label and alt labels.

    A fact whose entity is missing from the extraction gets no labels (and so
    matches nothing).
    """
    predictions: dict[str, list[PredictedFact]] = {}
    for extraction in extractions:
        labels = {
            entity.key: _unique((entity.label, *entity.alt_labels))
            for entity in extraction.entities
        }
        predictions.setdefault(extraction.article.id, []).extend(
            PredictedFact(
                subject_labels=labels.get(fact.subject, ()),
                relation=fact.relation,
                object_labels=labels.get(fact.object, ()),
                modality=fact.modality.value,
            )
            for fact in extraction.facts
        )
    return predictions


def predictions_from_facts_csv(path: str | Path) -> dict[str, list[PredictedFact]]:
    """Predicted facts per article id, read from the ``facts`` query's CSV.

    ``article`` may be the article id or its article / graph IRI; ``relation``
    and ``modality`` may be local names or IRIs; labels are joined by ``" | "``.
    """
    path = Path(path)
    predictions: dict[str, list[PredictedFact]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(cell.strip() for cell in header) != FACTS_CSV_COLUMNS:
            raise PredictionFileError(f"{path}:1: header must be {','.join(FACTS_CSV_COLUMNS)}")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(FACTS_CSV_COLUMNS):
                raise PredictionFileError(
                    f"{path}:{reader.line_num}: expected {len(FACTS_CSV_COLUMNS)} columns, got {len(row)}"
                )
            cells = dict(zip(FACTS_CSV_COLUMNS, row))
            predictions.setdefault(_article_id(cells["article"]), []).append(
                PredictedFact(
                    subject_labels=_labels(cells["subject_label"]),
                    relation=_local_name(cells["relation"]),
                    object_labels=_labels(cells["object_label"]),
                    modality=_local_name(cells["modality"]).lower(),
                )
            )
    return predictions


def _unique(labels: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label for label in labels if label))


def _labels(cell: str) -> tuple[str, ...]:
    return _unique(part.strip() for part in cell.split(LABEL_SEPARATOR))


def _local_name(value: str) -> str:
    value = value.strip()
    for separator in ("#", "/", ":"):
        if separator in value:
            value = value.rsplit(separator, 1)[1]
    return value


def _article_id(value: str) -> str:
    value = value.strip()
    for base in (str(ID) + "article/", str(GRAPH)):
        if value.startswith(base):
            return unquote(value[len(base):])
    return value


# -- matching -------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    """Lower-cased words without possessives, punctuation or accents."""
    text = strip_accents(text.translate(_APOSTROPHES)).lower()
    text = _POSSESSIVE.sub("", text)
    text = _DELETED.sub("", text)
    return tuple(_PUNCTUATION.sub(" ", text).split())


def normalise_label(text: str) -> tuple[str, ...]:
    """The tokens an entity label is compared by.

    >>> normalise_label("The U.S.'s")
    ('us',)
    >>> normalise_label("NATO's first office in Asia")
    ('nato', 'first', 'office', 'in', 'asia')
    """
    tokens = _words(text)
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return tokens


class _Matcher:
    """Entity and statement matching, with per-call caches of normalised text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._labels: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self._countries: dict[str, object] = {}

    def _norm(self, text: str) -> tuple[str, ...]:
        if text not in self._labels:
            self._labels[text] = normalise_label(text)
        return self._labels[text]

    def _text_words(self, text: str) -> tuple[str, ...]:
        if text not in self._words:
            self._words[text] = _words(text)
        return self._words[text]

    def _country(self, text: str) -> object:
        if text not in self._countries:
            self._countries[text] = self._gazetteer.country(text)
        return self._countries[text]

    def entity(self, predicted: Sequence[str], gold: Sequence[str]) -> bool:
        for label in predicted:
            tokens = self._norm(label)
            if not tokens:
                continue
            for form in gold:
                wanted = self._norm(form)
                if not wanted:
                    continue
                if tokens == wanted:
                    return True
                if len(wanted) >= 2 and set(wanted) <= set(tokens):
                    return True
                if len(wanted) == 1 and tokens[-1] == wanted[0]:
                    return True
                country = self._country(label)
                if country is not None and country is self._country(form):
                    return True
        return False

    def statement(self, predicted: Sequence[str], gold: Sequence[str]) -> bool:
        for text in predicted:
            words = self._text_words(text)
            present = set(words)
            for form in gold:
                wanted = self._text_words(form)
                if not wanted or len(words) > 3 * len(wanted) + 25:
                    continue
                if 2 * sum(word in present for word in wanted) >= len(wanted):
                    return True
        return False

    def fact(self, predicted: PredictedFact, gold: GoldFact) -> bool:
        if predicted.relation != gold.relation:
            return False
        match_object = self.statement if gold.relation == SAID else self.entity
        if self.entity(predicted.subject_labels, gold.subject) and match_object(
            predicted.object_labels, gold.object
        ):
            return True
        return (
            gold.relation in SYMMETRIC_RELATIONS
            and self.entity(predicted.subject_labels, gold.object)
            and self.entity(predicted.object_labels, gold.subject)
        )


# -- scoring --------------------------------------------------------------------


def score(
    gold: Sequence[GoldItem],
    predictions: Mapping[str, Iterable[PredictedFact]],
    *,
    gazetteer: Gazetteer,
) -> Scores:
    """Score predictions against the gold items of one file.

    Documents without an entry in ``predictions`` predict nothing;
    predictions for ids that are not in ``gold`` are ignored.
    """
    matcher = _Matcher(gazetteer)
    file_relations = frozenset(fact.relation for item in gold for fact in item.facts)
    counts: dict[str, list[int]] = {}  # relation -> [tp, fp, fn, negated_asserted]

    def row(relation: str) -> list[int]:
        return counts.setdefault(relation, [0, 0, 0, 0])

    for item in gold:
        scored = frozenset(item.complete_for) if item.complete_for is not None else file_relations
        for relation in scored:
            row(relation)
        gold_facts = [fact for fact in item.facts if fact.relation in scored]
        matched = [False] * len(gold_facts)
        for predicted in _distinct(predictions.get(item.id, ()), scored):
            hits = [i for i, fact in enumerate(gold_facts) if matcher.fact(predicted, fact)]
            for i in hits:
                matched[i] = True
            if hits:
                continue
            counts_for = row(predicted.relation)
            counts_for[1] += 1
            if any(matcher.fact(predicted, fact) for fact in item.negated_facts):
                counts_for[3] += 1
        for fact, was_matched in zip(gold_facts, matched):
            if not fact.optional:
                row(fact.relation)[0 if was_matched else 2] += 1

    order = {relation: index for index, relation in enumerate(CORE_RELATIONS)}
    rows = tuple(
        RelationScore(relation, *counts[relation])
        for relation in sorted(counts, key=lambda r: (order.get(r, len(order)), r))
    )
    micro = RelationScore(
        "micro",
        tp=sum(r.tp for r in rows),
        fp=sum(r.fp for r in rows),
        fn=sum(r.fn for r in rows),
        negated_asserted=sum(r.negated_asserted for r in rows),
    )
    return Scores(relations=rows, micro=micro, documents=len(gold))


def _distinct(
    predictions: Iterable[PredictedFact], scored: frozenset[str]
) -> list[PredictedFact]:
    """Positive predictions of scored relations, each distinct fact once."""
    kept: dict[tuple, PredictedFact] = {}
    for predicted in predictions:
        if predicted.modality == NEGATED or predicted.relation not in scored:
            continue
        subject = tuple(sorted(normalise_label(label) for label in predicted.subject_labels))
        obj = tuple(sorted(normalise_label(label) for label in predicted.object_labels))
        if predicted.relation in SYMMETRIC_RELATIONS:
            subject, obj = sorted((subject, obj))
        kept.setdefault((subject, predicted.relation, obj), predicted)
    return list(kept.values())


def format_scores(scores: Scores) -> str:
    """An aligned table: relation, tp, fp, fn, P, R, F1; then micro and negated counts.

    >>> print(format_scores(Scores((RelationScore("meets", 1, 1, 0),), RelationScore("micro", 1, 1, 0), 1)))
    relation  tp  fp  fn      P      R     F1
    meets      1   1   0  0.500  1.000  0.667
    micro      1   1   0  0.500  1.000  0.667
    negated asserted: 0 (1 documents)
    """

    def ratio(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    table = [("relation", "tp", "fp", "fn", "P", "R", "F1")]
    for r in (*scores.relations, scores.micro):
        table.append(
            (r.relation, str(r.tp), str(r.fp), str(r.fn), ratio(r.precision), ratio(r.recall), ratio(r.f1))
        )
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    widths[4:] = [max(w, 5) for w in widths[4:]]
    lines = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(line)
        )
        for line in table
    ]
    lines.append(f"negated asserted: {scores.negated_asserted} ({scores.documents} documents)")
    return "\n".join(lines)


# -- end to end ------------------------------------------------------------------


def evaluate(
    gold_path: str | Path,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Scores:
    """Run the extractor over a gold file's texts and score what it finds.

    ``nlp`` is a loaded pipeline; without it, ``model`` (or the default
    model) is loaded.
    """
    from .pipeline import extract_articles

    items = load_gold(gold_path)
    if gazetteer is None:
        gazetteer = load_gazetteer()
    if nlp is None:
        from .nlp import load_pipeline

        nlp = load_pipeline(model)
    articles = [
        Article(id=item.id, text=item.text, date=item.date, title=item.title, origin=str(gold_path))
        for item in items
    ]
    predictions = predictions_from_extractions(extract_articles(articles, nlp=nlp))
    return score(items, predictions, gazetteer=gazetteer)
