"""The word lists of ``data/people.toml``, read once: honorifics and nouns
that state a person's gender, relations, heads of descriptions, offices.

Each table of the file is one named rule (its comment there says what it
does); the stages read them through :func:`people_lexicon`, so a deployment
can point ``NEWSBRIEF_PEOPLE_LEXICON`` at its own file without touching code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("data") / "people.toml"


@dataclass(frozen=True)
class PeopleLexicon:
    """The rules of ``people.toml``, as sets (see the file for each one)."""

    honorific_gender: dict[str, str]
    gendered_nouns: dict[str, str]
    relations: frozenset[str]
    generic_heads: frozenset[str]
    org_heads: frozenset[str]
    generic_org_heads: frozenset[str]
    offices: frozenset[str]
    past_markers: frozenset[str]
    singular_they: frozenset[str]
    rank_words: frozenset[str]
    person_heads: frozenset[str]
    indefinite_determiners: frozenset[str] = frozenset()
    group_determiners: frozenset[str] = frozenset()
    cue_climb_prepositions: frozenset[str] = frozenset()
    work_heads: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    org_member_nouns: frozenset[str] = frozenset()
    gerund_objects: frozenset[str] = frozenset()
    platform_frames: frozenset[str] = frozenset()
    document_heads: frozenset[str] = frozenset()
    gender_barriers: frozenset[str] = frozenset()
    given_name_gender: dict[str, str] | None = None
    numbered_units: frozenset[str] = frozenset()
    shared_given_names: frozenset[str] = frozenset()
    place_name_ends: frozenset[str] = frozenset()
    census_name_locales: tuple[str, ...] = ()
    legal_suffixes: frozenset[str] = frozenset()
    post_nominals: frozenset[str] = frozenset()
    stage_name_frames: frozenset[str] = frozenset()
    title_abbreviations: frozenset[str] = frozenset()
    surname_particles: frozenset[str] = frozenset()
    org_kind_modifiers: frozenset[str] = frozenset()


def _gendered(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: gender for gender in ("m", "f") for word in table.get(gender, [])}


@lru_cache(maxsize=4)
def load_people_lexicon(path: Path = DEFAULT_PATH) -> PeopleLexicon:
    """Read a people lexicon file (TOML, the layout of ``data/people.toml``)."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)

    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[name]["words"])

    # Seat letters stand after a name and before one alike (people.toml).
    seats = words("seat_letters") if "seat_letters" in data else frozenset()
    return PeopleLexicon(
        honorific_gender=_gendered(data["honorific_gender"]),
        gendered_nouns=_gendered(data["gendered_nouns"]),
        relations=words("relations"),
        generic_heads=words("generic_heads"),
        org_heads=words("org_heads"),
        generic_org_heads=words("generic_org_heads"),
        offices=words("offices"),
        past_markers=words("past_markers"),
        singular_they=words("singular_they"),
        rank_words=words("rank_words"),
        person_heads=words("person_heads"),
        # Tables added later: a deployment's older file may lack them.
        indefinite_determiners=words("indefinite_determiners") if "indefinite_determiners" in data else frozenset(),
        group_determiners=words("group_determiners") if "group_determiners" in data else frozenset(),
        cue_climb_prepositions=words("cue_climb_prepositions") if "cue_climb_prepositions" in data else frozenset(),
        work_heads=words("work_heads") if "work_heads" in data else frozenset(),
        place_heads=words("place_heads") if "place_heads" in data else frozenset(),
        name_suffixes=words("name_suffixes") if "name_suffixes" in data else frozenset(),
        org_member_nouns=words("org_member_nouns") if "org_member_nouns" in data else frozenset(),
        gerund_objects=words("gerund_objects") if "gerund_objects" in data else frozenset(),
        platform_frames=words("platform_frames") if "platform_frames" in data else frozenset(),
        document_heads=words("document_heads") if "document_heads" in data else frozenset(),
        gender_barriers=words("gender_barriers") if "gender_barriers" in data else frozenset(),
        given_name_gender=_gendered(data.get("given_name_gender", {})),
        numbered_units=words("numbered_units") if "numbered_units" in data else frozenset(),
        shared_given_names=words("shared_given_names") if "shared_given_names" in data else frozenset(),
        place_name_ends=words("place_name_ends") if "place_name_ends" in data else frozenset(),
        census_name_locales=tuple(data.get("census_name_locales", {}).get("locales", ())),
        legal_suffixes=words("legal_suffixes") if "legal_suffixes" in data else frozenset(),
        post_nominals=(words("post_nominals") if "post_nominals" in data else frozenset()) | seats,
        stage_name_frames=words("stage_name_frames") if "stage_name_frames" in data else frozenset(),
        title_abbreviations=(words("title_abbreviations") if "title_abbreviations" in data else frozenset()) | seats,
        surname_particles=words("surname_particles") if "surname_particles" in data else frozenset(),
        org_kind_modifiers=words("org_kind_modifiers") if "org_kind_modifiers" in data else frozenset(),
    )


def census_name_genders(lexicon: PeopleLexicon) -> dict[str, str]:
    """Rule ``census_name_gender``: the given names that Faker's person
    providers (name lists drawn from national birth and census records, one
    per locale in ``census_name_locales``) give one gender only in every
    locale listed. A name any locale gives both genders, that
    ``shared_given_names`` lists (Andrea is a man's name in Italy) or that the
    hand table ``given_name_gender`` has is left out. Empty when Faker is
    missing. Reads every locale's module: call it once."""
    from importlib import import_module

    male: set[str] = set()
    female: set[str] = set()
    for locale in lexicon.census_name_locales:
        try:
            provider = import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        male.update(n.lower() for n in getattr(provider, "first_names_male", ()))
        female.update(n.lower() for n in getattr(provider, "first_names_female", ()))
    table = {n: "m" for n in male - female} | {n: "f" for n in female - male}
    for name in lexicon.shared_given_names | set(lexicon.given_name_gender or {}):
        table.pop(name, None)
    return table


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English given names and their nicknames (lower case), from the
    ``nicknames`` dataset: to tell "Hillary Clinton" from "Derelict Obama" in
    a headline. Not for gender (``given_name_gender`` is the weak prior there). Empty if the package is missing (an
    environment installed before it became a dependency)."""
    try:
        from nicknames import name_triplets
    except ImportError:  # pragma: no cover - a dependency
        return frozenset()
    return frozenset(n.lower() for t in name_triplets() for n in (t.name1, t.name2))


def surname_of(name: str, lexicon: PeopleLexicon | None = None, lower: bool = True) -> str:
    """The last word of a person's name past a generational suffix (rule
    ``name_suffix``): "Sam Lee III" -> "lee" ("Lee" with ``lower=False``)."""
    suffixes = (lexicon or people_lexicon()).name_suffixes
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(",") in suffixes:
        words.pop()
    last = words[-1].rstrip(",") if words else ""
    return last.lower() if lower else last


def people_lexicon() -> PeopleLexicon:
    """The lexicon in use: ``$NEWSBRIEF_PEOPLE_LEXICON`` if set, else the packaged file."""
    override = os.environ.get("NEWSBRIEF_PEOPLE_LEXICON")
    return load_people_lexicon(Path(override) if override else DEFAULT_PATH)


__all__ = ["surname_of", "PeopleLexicon", "load_people_lexicon", "people_lexicon", "given_names", "DEFAULT_PATH"]
