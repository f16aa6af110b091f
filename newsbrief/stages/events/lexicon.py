"""The events stage's data: trigger rules, place and organisation names,
sector words, read once per process from the files in ``data/``.

Country names come from ``pycountry`` (ISO 3166-1 names, official and common
names; ISO 3166-2 subdivisions for provinces and regions); ``data/places.tsv``
adds what ISO lacks (short forms, demonyms, capitals, big cities).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# Actor codes that are not countries (PLOVER / CAMEO): intergovernmental,
# non-governmental organisations, international militarised groups.
NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "NGO", "IMG"})


def _data(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def fold(text: str) -> str:
    """Lower case without accents or curly apostrophes ("Herāt" -> "herat"),
    the key every name is looked up by."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_PIECES = re.compile(r"\w+|[^\w\s]")
_FIRST = re.compile(r"[\s-]")


def first_word(folded: str) -> str:
    """The first word of a folded name or token ("bosnia-herzegovina" -> "bosnia")."""
    return _FIRST.split(folded, maxsplit=1)[0]


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    kind: str  # country | alias | demonym | capital | city | subdivision


@dataclass(frozen=True)
class Org:
    name: str
    code: str
    sector: str | None


@dataclass
class Lexicon:
    rules: list[dict[str, Any]]
    transparent: frozenset[str]
    light_verbs: frozenset[str]
    intent_heads: frozenset[str]
    intent_aux: frozenset[str]
    conditional_marks: frozenset[str]
    request_modals: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    generic_event_heads: frozenset[str]
    # A second event's clause: how it may hang (deps), how it may hang
    # under the main trigger (under_main_deps), its own subject's labels.
    second_clause_deps: frozenset[str] = frozenset()
    second_under_main_deps: frozenset[str] = frozenset()
    second_subject_deps: frozenset[str] = frozenset()
    # folded name -> entry; names of several words are keys with spaces.
    places: dict[str, Place] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    max_name_words: int = 1
    # First word of every name -> the most tokens a name starting with it
    # spans: most tokens start no name and cost one dict lookup.
    first_words: dict[str, int] = field(default_factory=dict)
    # First words of the few names written in lower case ("al-Qaeda").
    lower_first_words: frozenset[str] = frozenset()
    # Word as written -> the widest name window it starts (0: none), filled
    # as documents are read (``actors.NameIndex``); words repeat across them.
    widest_cache: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    # Window text as written -> (org, place) its folded key names (None, None:
    # neither), filled the same way: folding a window costs more than a lookup.
    window_cache: dict[str, tuple[Org | None, Place | None]] = field(default_factory=dict, repr=False, compare=False)


def _add_place(places: dict[str, Place], name: str, country: str, kind: str) -> None:
    key = fold(name).strip()
    if key and key not in places:
        places[key] = Place(name=name, country=country, kind=kind)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The stage's lexicon (parsed once per process)."""
    trig = json.loads(_data("triggers.json"))
    places: dict[str, Place] = {}
    for line in _data("places.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, kind = line.split("\t")
        _add_place(places, name, code, kind)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                _add_place(places, value, country.alpha_3, "country")
    # Subdivisions last, so a country or a city of the same name wins; only
    # read for words spaCy tagged as places (see actors.py).
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            _add_place(places, sub.name, country.alpha_3, "subdivision")
    orgs: dict[str, Org] = {}
    for line in _data("organisations.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, code, sector = line.split("\t")
        orgs.setdefault(fold(name), Org(name=name, code=code, sector=sector or None))
    sectors: dict[str, str] = {}
    for sector, words in json.loads(_data("sectors.json")).items():
        if sector.startswith("_"):
            continue
        for word in words:
            sectors.setdefault(word, sector)
    first_words: dict[str, int] = {}
    for key in list(places) + list(orgs):
        first = first_word(key)
        width = len(_PIECES.findall(key))
        if width > first_words.get(first, 0):
            first_words[first] = width
    lower_first = frozenset(
        first_word(fold(x.name)) for x in list(places.values()) + list(orgs.values()) if x.name[:1].islower()
    )
    longest = max(first_words.values())
    return Lexicon(
        rules=trig["rules"],
        transparent=frozenset(trig["transparent"]),
        light_verbs=frozenset(trig["light_verbs"]),
        intent_heads=frozenset(trig["intent_heads"]),
        intent_aux=frozenset(trig["intent_aux"]),
        conditional_marks=frozenset(trig["conditional_marks"]),
        request_modals=frozenset(trig["request_modals"]),
        cooperative=frozenset(trig["cooperative"]),
        hostile=frozenset(trig["hostile"]),
        generic_event_heads=frozenset(trig["generic_event_heads"]),
        second_clause_deps=frozenset(trig["second_clause"]["deps"]),
        second_under_main_deps=frozenset(trig["second_clause"]["under_main_deps"]),
        second_subject_deps=frozenset(trig["second_clause"]["subject_deps"]),
        places=places,
        orgs=orgs,
        sectors=sectors,
        max_name_words=min(longest, 8),
        first_words=first_words,
        lower_first_words=lower_first,
    )
