"""spaCy's attribute ruler with its single-token rules looked up instead of matched.

``en_core_web_sm``'s ``attribute_ruler`` maps fine-grained tags (and a few
words) to parts of speech, morphology and lemmas with 179 ``Matcher``
patterns. The matcher tries every pattern at every token, through Python-level
predicates for ``IN``, ``NOT_IN`` and ``REGEX``: about 18 µs a token, 14% of
the whole parse here (measured on kgbuild's bench corpus), more than the
tagger and the lemmatizer together.

Nearly all of those patterns are one token long, so what they do to a token
depends only on that token's own attributes. :class:`MemoAttributeRuler`
keeps spaCy's :class:`~spacy.pipeline.AttributeRuler` (its patterns,
serialisation and scoring) and changes how it finds matches:

* a one-token pattern's outcome is remembered per *key*: the token's values
  of the attributes those patterns test, each value the patterns never name
  collapsed into one "other" value (an unnamed ``LOWER`` fails an exact or
  ``IN`` test and passes a ``NOT_IN`` test whatever it is). The first token
  with a new key is matched by spaCy's own ``Matcher``, with the one-token
  patterns only, so the outcome is spaCy's by construction;
* longer patterns (eight in ``en_core_web_sm``: "gon na", "let 's"...) still
  go through a ``Matcher``, which holds only them;
* matches are applied as spaCy applies them: by pattern order, each with
  spaCy's ``set_token_attrs``.

The result is the same ``Doc`` (tests compare every token attribute with the
stock ruler's); the component costs about a tenth of the stock one. Patterns
this lookup cannot key exactly (a quantifier ``OP``, a custom ``_``
attribute, a predicate other than exact / ``IN`` / ``NOT_IN`` / ``REGEX``, an
attribute ``Doc.to_array`` cannot read) make the component fall back to
spaCy's own matching for the whole pipeline run.
"""

# No `from __future__ import annotations`: spaCy 3.8.2-3.8.7 (which kgbuild supports) read the factory's
# annotations as types through confection and pydantic, and fail on the strings it would make of them.

import re
from dataclasses import dataclass

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

__all__ = ["FACTORY", "MemoAttributeRuler", "memoize_attribute_ruler"]

#: The spaCy factory name of :class:`MemoAttributeRuler`.
FACTORY = "kgbuild_attribute_ruler"

#: Pattern attributes whose values can be keyed: ``Doc.to_array`` reads them
#: as integers (string hashes or symbol ids; booleans for the flags) and the
#: predicates compare them as such.
_STRING_VALUED = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "SHAPE"})
_KEYABLE = _STRING_VALUED | {name for name in IDS if name.startswith(("IS_", "LIKE_"))}
#: The value a key holds for every value no pattern names: ``Doc.to_array`` values are never negative.
_OTHER = -1


@dataclass(frozen=True)
class _Plan:
    """How one ruler's one-token patterns are keyed; built once per pattern set."""

    attributes: tuple[int, ...]  # attribute ids read with Doc.to_array, in key order
    named: tuple[frozenset[int], ...]  # per attribute: the values some pattern names
    regexes: tuple[tuple[re.Pattern[str], ...], ...]  # per attribute: REGEX predicates
    single: Matcher  # the one-token patterns
    multi: Matcher | None  # the longer ones


class MemoAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` that looks up one-token rules.

    Same patterns, same output, same serialisation as spaCy's; see the module
    docstring for how matches are found.
    """

    def __init__(self, vocab: Vocab, name: str = FACTORY, **options) -> None:
        super().__init__(vocab, name, **options)
        self._reset()

    def _reset(self) -> None:
        self._plan: _Plan | None = None
        self._planned = False
        self._outcomes: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._relevant: list[dict[int, int]] = []

    def clear(self) -> None:
        super().clear()
        self._reset()

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._reset()

    def from_bytes(self, *args, **kwargs):
        result = super().from_bytes(*args, **kwargs)
        self._reset()
        return result

    def from_disk(self, *args, **kwargs):
        result = super().from_disk(*args, **kwargs)
        self._reset()
        return result

    def __call__(self, doc: Doc) -> Doc:
        plan = self._current_plan()
        if plan is None:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._apply(doc, plan)
            return doc
        except Exception as error:  # noqa: BLE001 - spaCy's contract: the pipeline's error handler decides
            return error_handler(self.name, self, [doc], error)

    def _current_plan(self) -> _Plan | None:
        if not self._planned:
            self._plan = _make_plan(self)
            self._planned = True
            self._relevant = [{} for _ in self._plan.attributes] if self._plan else []
        return self._plan

    def _apply(self, doc: Doc, plan: _Plan) -> None:
        per_token: dict[int, list[int]] = {}
        if plan.attributes:
            # (Doc.to_array gives one column as a flat array, whether asked for in a list or not)
            rows = doc.to_array(list(plan.attributes)).reshape(len(doc), -1).tolist() if len(doc) else []
            outcomes = self._outcomes
            for i, row in enumerate(rows):
                key = self._key(row, plan)
                matched = outcomes.get(key)
                if matched is None:
                    matched = outcomes[key] = self._match_one(doc, i, plan)
                if matched:
                    per_token[i] = list(matched)
        elif len(doc):
            # No attribute is tested: every one-token pattern matches every token.
            matched = self._match_one(doc, 0, plan)
            if matched:
                per_token = {i: list(matched) for i in range(len(doc))}
        if plan.multi is not None:
            for match_id, start, end in plan.multi(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                target = _target(start, end, self.indices[rule], rule)
                per_token.setdefault(target, []).append(rule)
        attrs = self.attrs
        for i, rules in per_token.items():
            token = doc[i]
            # spaCy applies all matches sorted by pattern order; per token that is the same order.
            for rule in sorted(rules):
                set_token_attrs(token, attrs[rule])

    def _key(self, row: list[int], plan: _Plan) -> tuple[int, ...]:
        key = []
        for position, value in enumerate(row):
            if value in plan.named[position]:
                key.append(value)
                continue
            regexes = plan.regexes[position]
            if not regexes:
                key.append(_OTHER)
                continue
            # A value a REGEX matches is kept as itself; the verdict is remembered per value.
            relevant = self._relevant[position]
            verdict = relevant.get(value)
            if verdict is None:
                text = self.vocab.strings[value]
                verdict = relevant[value] = value if any(regex.search(text) for regex in regexes) else _OTHER
            key.append(verdict)
        return tuple(key)

    def _match_one(self, doc: Doc, i: int, plan: _Plan) -> tuple[int, ...]:
        """The one-token rules that match ``doc[i]``, found by spaCy's matcher."""
        matches = plan.single(doc[i : i + 1], allow_missing=True)
        return tuple(sorted({int(self.vocab.strings[match_id]) for match_id, _start, _end in matches}))


def _target(start: int, end: int, index: int, rule: int) -> int:
    length = end - start
    if not -length <= index < length:
        raise ValueError(f"attribute rule {rule} sets token {index} of a {length}-token match")
    return start + index if index >= 0 else end + index


def _make_plan(ruler: AttributeRuler) -> _Plan | None:
    """How to key ``ruler``'s one-token patterns, or None when they cannot be keyed exactly."""
    vocab = ruler.vocab
    single = Matcher(vocab, validate=ruler.validate)
    multi = Matcher(vocab, validate=ruler.validate)
    has_multi = False
    names: dict[str, set[int]] = {}
    regexes: dict[str, list[re.Pattern[str]]] = {}
    for rule, entry in enumerate(ruler.patterns):
        patterns = entry["patterns"]
        key = vocab.strings.add(str(rule))
        if all(len(pattern) == 1 for pattern in patterns) and entry["index"] in (0, -1):
            for pattern in patterns:
                if not _note_predicates(pattern[0], vocab, names, regexes):
                    return None
            single.add(key, patterns)
        else:
            multi.add(key, patterns)
            has_multi = True
    attributes = sorted(names)
    return _Plan(
        attributes=tuple(IDS[name] for name in attributes),
        named=tuple(frozenset(names[name]) for name in attributes),
        regexes=tuple(tuple(regexes.get(name, ())) for name in attributes),
        single=single,
        multi=multi if has_multi else None,
    )


def _note_predicates(
    token_pattern: dict,
    vocab: Vocab,
    names: dict[str, set[int]],
    regexes: dict[str, list[re.Pattern[str]]],
) -> bool:
    """Record the values one token pattern names, per attribute; False if it cannot be keyed."""
    for attribute, predicate in token_pattern.items():
        name = attribute.upper()
        if name not in _KEYABLE:
            return False  # OP, "_", TEXT, MORPH, LENGTH...: leave these rules to spaCy's matcher
        named = names.setdefault(name, set())
        if isinstance(predicate, dict):
            for operator, argument in predicate.items():
                if operator in ("IN", "NOT_IN"):
                    values = argument
                elif operator == "REGEX" and name in _STRING_VALUED:
                    regexes.setdefault(name, []).append(re.compile(argument))
                    continue
                else:
                    return False
                named.update(_value_id(value, name, vocab) for value in values)
        elif isinstance(predicate, (str, bool, int)):
            named.add(_value_id(predicate, name, vocab))
        else:
            return False
    return True


def _value_id(value: str | bool | int, name: str, vocab: Vocab) -> int:
    if name in _STRING_VALUED:
        return vocab.strings.add(value) if isinstance(value, str) else int(value)
    return int(value)


@Language.factory(FACTORY, default_config={"validate": False})
def make_memo_attribute_ruler(nlp: Language, name: str, validate: bool) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.vocab, name, validate=validate)


def memoize_attribute_ruler(nlp: Language) -> Language:
    """Swap ``nlp``'s stock attribute ruler(s) for :class:`MemoAttributeRuler` with the same patterns, in place."""
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            replacement = nlp.replace_pipe(name, FACTORY, config={"validate": component.validate})
            replacement.add_patterns(patterns)
    return nlp

