"""The extraction lexicon (``kgbuild/data/lexicon.toml``) as a typed record."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property

from ..resources import data_path

__all__ = ["BiographyWords", "Lexicon", "StanceWords", "load_lexicon"]


@dataclass(frozen=True)
class BiographyWords:
    """The ``[biography]`` section: words of encyclopedic English (see ``lexicon.toml``)."""

    head_of_state: frozenset[str] = frozenset()
    monarchs: frozenset[str] = frozenset()
    royals: frozenset[str] = frozenset()
    subnational: frozenset[str] = frozenset()
    office_verbs: frozenset[str] = frozenset()
    appointment_verbs: frozenset[str] = frozenset()
    not_yet: frozenset[str] = frozenset()
    office_fillers: frozenset[str] = frozenset()
    party_heads: frozenset[str] = frozenset()
    party_roles: frozenset[str] = frozenset()
    join_verbs: frozenset[str] = frozenset()
    found_verbs: frozenset[str] = frozenset()
    war_heads: frozenset[str] = frozenset()
    place_named_events: frozenset[str] = frozenset()
    war_verbs: frozenset[str] = frozenset()
    event_place_verbs: frozenset[str] = frozenset()
    succession_verbs: frozenset[str] = frozenset()
    tenures: dict[str, str] = field(default_factory=dict)  # noun -> office ("presidency" -> "president")


@dataclass(frozen=True)
class StanceWords:
    """The ``[stances]`` section: words of stances held away from their word (see ``lexicon.toml``)."""

    group_heads: frozenset[str] = frozenset()  # people a demonym does not own ("the Syrian opposition")
    member_heads: frozenset[str] = frozenset()  # "members of X" stands for X
    campaign_nouns: frozenset[str] = frozenset()  # "the war against X"
    campaign_verbs: frozenset[str] = frozenset()  # "joined the fight against X"
    advocacy_verbs: frozenset[str] = frozenset()  # "called for sanctions on X"
    rupture_verbs: frozenset[str] = frozenset()  # "suspended aid to X"
    rupture_nouns: frozenset[str] = frozenset()  # "a suspension of links with X"
    tie_nouns: frozenset[str] = frozenset()  # what those acts break
    authored_nouns: frozenset[str] = frozenset()  # "the decision of X" is X's
    joint_predicates: frozenset[str] = frozenset()  # "X and Y are committed to"
    joint_nouns: frozenset[str] = frozenset()  # "X and Y reaffirmed their commitment"
    feelings: dict[str, str] = field(default_factory=dict)  # "appalled" -> opposes
    group_agent_heads: frozenset[str] = frozenset()  # "British businesses", "rebels in X": groups as agents
    collective_heads: frozenset[str] = frozenset()  # singular heads of a group ("the Hutu rebel group")
    body_heads: frozenset[str] = frozenset()  # "NATO members", "members of the Council": the body itself
    content_nouns: frozenset[str] = frozenset()  # "welcomed the news that X ...": the stance is on X
    incident_nouns: frozenset[str] = frozenset()  # "condemned the attacks": an incident, no stance target
    threat_verbs: frozenset[str] = frozenset()  # "threatened to X unless Y ...": the threat is aimed at Y
    cutback_verbs: frozenset[str] = frozenset()  # "reduced aid to X": cutting a tie, as the rupture verbs do
    part_heads: frozenset[str] = frozenset()  # "suspended part of its aid to X": the tie is the "of" phrase
    ending_verbs: frozenset[str] = frozenset()  # "lifted its embargo on X": the stance noun's stance has ended
    insult_words: frozenset[str] = frozenset()  # "called X a hypocrite": an insult opposes X (extract/epithets.py)


@dataclass(frozen=True)
class Lexicon:
    """Word lists the rules consult; see ``lexicon.toml`` for what each means."""

    title_heads: frozenset[str]
    leader_titles: frozenset[str]
    org_only_leader_titles: frozenset[str]
    former: frozenset[str]
    not_title: frozenset[str]
    event_types: dict[str, str]  # head noun -> event type
    generic_event_nouns: frozenset[str]
    light_verbs: frozenset[str]
    attend_verbs: frozenset[str]
    attend_negative: frozenset[str]
    host_verbs: frozenset[str]
    meet_verbs: frozenset[str]
    meet_transitive: frozenset[str]
    government_nouns: frozenset[str]
    visit_verbs: frozenset[str]
    clause_target_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    stance_verbs: dict[str, str]  # lemma -> supports | opposes | cooperatesWith
    refinements: dict[str, str]  # verb lemma -> finer property
    noun_refinements: dict[str, str]  # noun -> finer property
    stance_nouns: dict[str, str]  # noun -> supports | opposes | cooperatesWith
    meet_nouns: frozenset[str]
    visit_nouns: frozenset[str]
    hostile_modifiers: frozenset[str]
    planned: frozenset[str]
    reported: frozenset[str]
    hypothetical: frozenset[str]
    negated: frozenset[str]
    biography: BiographyWords = field(default_factory=BiographyWords)
    stances: StanceWords = field(default_factory=lambda: StanceWords())

    @cached_property
    def negated_phrase_starts(self) -> frozenset[str]:
        """What the multi-word entries of ``negated`` start with, up to a space ("call" of "call
        off"): a verb with another lemma needs no look at its particles (made on first use)."""
        return frozenset(entry[:n] for entry in self.negated for n, ch in enumerate(entry) if ch == " ")


def _by_relation(section: dict) -> dict[str, str]:
    """word -> stance relation; cooperation first, so a word listed under a stance too ("join") reads as that stance."""
    words: dict[str, str] = {}
    for relation, key in (("cooperatesWith", "cooperates"), ("supports", "supports"), ("opposes", "opposes")):
        words.update({word: relation for word in section[key]})
    return words


def load_lexicon() -> Lexicon:
    """Read the shipped lexicon.

    >>> "condemn" in load_lexicon().stance_verbs
    True
    """
    with data_path("lexicon.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    titles, verbs, nouns, modality = raw["titles"], raw["verbs"], raw["nouns"], raw["modality"]
    event_types = {
        noun: event_type for event_type, words in raw["events"].items() for noun in words
    }
    stance_verbs = _by_relation(verbs)
    stance_nouns = _by_relation(nouns)
    return Lexicon(
        title_heads=frozenset(titles["heads"]),
        leader_titles=frozenset(titles["leader"]),
        org_only_leader_titles=frozenset(titles["org_only_leader"]),
        former=frozenset(titles["former"]),
        not_title=frozenset(titles["not_title"]),
        event_types=event_types,
        generic_event_nouns=frozenset(raw["event_references"]["generic"]),
        light_verbs=frozenset(verbs["light"]),
        attend_verbs=frozenset(verbs["attend"]),
        attend_negative=frozenset(verbs["attend_negative"]),
        host_verbs=frozenset(verbs["host"]),
        meet_verbs=frozenset(verbs["meet"]),
        meet_transitive=frozenset(verbs["meet_transitive"]),
        government_nouns=frozenset(raw["agents"]["government_nouns"]),
        visit_verbs=frozenset(verbs["visit"]),
        clause_target_verbs=frozenset(verbs["clause_target"]),
        intent_verbs=frozenset(verbs["intent"]),
        stance_verbs=stance_verbs,
        refinements=dict(verbs["refines"]),
        noun_refinements=dict(nouns["refines"]),
        stance_nouns=stance_nouns,
        meet_nouns=frozenset(nouns["meets"]),
        visit_nouns=frozenset(nouns["visits"]),
        hostile_modifiers=frozenset(nouns["hostile_modifiers"]),
        planned=frozenset(modality["planned"]),
        reported=frozenset(modality["reported"]),
        hypothetical=frozenset(modality["hypothetical"]),
        negated=frozenset(modality["negated"]),
        stances=StanceWords(
            **{name: dict(words) if isinstance(words, dict) else frozenset(words) for name, words in raw["stances"].items()}
        ),
        biography=BiographyWords(
            **{name: dict(words) if isinstance(words, dict) else frozenset(words) for name, words in raw["biography"].items()}
        ),
    )
