"""People across articles: one row per person or organisation that speaks.

Within an article the speakers stage has already resolved who speaks (a
surname, a pronoun or a description goes to the fullest name the article
gives). This module links those per-article speakers across articles, and
does it conservatively, with a reason recorded for every link so that
``newsbrief people show NAME`` can say why two names are one person:

* ``same full name``: names are parsed with ``nameparser`` (honorifics,
  middle names and initials, suffixes such as "Jr." set aside) and keyed on
  given name + surname; equal keys are one person. Two full names with
  different given names never merge, and two different middle initials
  ("George W. Bush", "George H.W. Bush") keep two people apart.
* ``acronym``: an organisation's acronym links to its full name only where one
  article shows both (then the acronym key is learnt for later articles).
* ``surname + role``: a speaker the article only ever calls by a surname links
  to a full-named person only when the article's own role for it shares a
  title word with a role that person was seen with, and exactly one person
  with that surname fits; otherwise it stays a surname-only entry. A surname
  alone never links across articles.
* ``nickname and role``: a full name whose given name is a nickname or the
  full form of a known person's ("Len" / "Leonard", the ``nicknames``
  dataset) with the same surname, when both roles name the same thing.
* ``user``: ``people merge`` / ``people split`` / an aliases file; such keys are
  stored, so they hold on every later run.

Things that are not names (descriptions, "29 others", "THE BORROWING",
"public") get no person: their quotes keep the speaker string but never appear
in ``speakers``.

Linking is incremental: each article is linked inside its own write
transaction by key lookups (indexed), never by a rebuild.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from nameparser import HumanName
from nameparser.config import CONSTANTS as NP

from ..errors import Errors, InputError
from ..model import Brief
from ..stages.lexicon import PERSON_EPITHETS, TITLE_WORDS
from ..stages.lexicon import TITLE_ABBREVIATIONS as STAGE_TITLE_ABBREVIATIONS

# -- word lists (data, not branches) ----------------------------------------

# Articles a full-named person's role must be seen in before a surname-only
# speaker with that role links to it.
MIN_ROLE_ARTICLES = 2

# Capitalised non-title words two roles must share before a nickname links
# two full names (rule ``nickname_and_role``).
NICKNAME_ROLE_WORDS = 2

# Entity types that can be a speaking person or organisation across articles.
PERSON_TYPES: frozenset[str] = frozenset({"PERSON"})
ORG_TYPES: frozenset[str] = frozenset({"ORG", "GPE"})

# First words that make a string a description, not a name ("His aides").
DESCRIPTION_STARTS: frozenset[str] = frozenset(
    """a an the this that these those his her its their our my your some many most
    few several all both each every another other others any no one two three""".split()
)

# Words of an organisation name ignored when forming its acronym.
ACRONYM_SKIP: frozenset[str] = frozenset({"of", "the", "and", "for", "on", "in", "&", "a", "to"})

# Lower-case particles a personal name may contain ("Bill de Blasio").
NAME_PARTICLES: frozenset[str] = frozenset({"de", "da", "del", "der", "van", "von", "al", "bin", "la", "le", "du"})

# Common words NER sometimes tags as a one-word name; such a string alone is
# not a name ("Harsh", "Video", "Keeps", "public").
COMMON_WORDS: frozenset[str] = frozenset(
    """harsh video keeps public bank authorities delegates lawmakers companies developers demonstrators
    officials experts critics supporters voters residents police report study poll data""".split()
)

# Abbreviated titles and their full forms, so "Sen." and "senator" agree (the
# stages' table), and the forms of one title a role may be written in.
TITLE_ABBREVIATIONS: dict[str, str] = {
    **STAGE_TITLE_ABBREVIATIONS,
    "chairwoman": "chairman",
    "chair": "chairman",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "advisor": "adviser",
}

# Words of a role written two ways in the news ("GOP nominee" and
# "Republican nominee"), folded to one before two role phrases are compared.
ROLE_SYNONYMS: dict[str, str] = {
    "gop": "republican",
    "dem": "democratic",
    "democrat": "democratic",
    "u.s.": "us",
    "american": "us",
}

# Nouns for a person by family or station that can head a description
# naming someone the article has named ("the former first lady"), besides
# the title words and epithets of the stages' lexicon.
PERSON_NOUNS: frozenset[str] = frozenset("lady wife husband widow daughter son mother father".split())

# Short words a full stop follows inside a sentence ("Mr. Trump").
ABBREVIATIONS: frozenset[str] = frozenset("mr mrs ms messrs st jr sr no vs etc inc co corp ltd".split())

# Verb forms that show a string is a headline fragment ("Obama Says").
VERB_WORDS: frozenset[str] = frozenset("says said say tells told tweets tweeted warns warned adds added".split())

# Words that join two names into a pair ("China and Russia").
COORDINATORS: frozenset[str] = frozenset({"and", "&", "or"})

PRONOUNS: frozenset[str] = frozenset("he she they it him her them who which that i we you his its their".split())

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, spaces normalised."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("’", "'").casefold().split())


def _initials(middle: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s.]+", fold(middle)) if w)


# -- what a speaker string is ----------------------------------------------


@dataclass(frozen=True, slots=True)
class NameInfo:
    """A speaker string read as a name.

    kind: "person" (given name + surname), "surname" (one word, a person),
        "org" (an organisation or place) or None (not a name).
    key: the lookup key ("p:donald trump", "s:trump", "o:fbi").
    middle: initials of the middle names ("j"), "" when none.
    surname: the folded surname (persons).
    reason: why it is not a name, when kind is None.
    """

    kind: str | None
    key: str = ""
    middle: str = ""
    surname: str = ""
    given: str = ""
    inner: str = ""  # "middle last" key for "Crooked Hillary Clinton"-like strings
    reason: str = ""


def _looks_like_name(name: str) -> str:
    """'' when ``name`` is written like a proper name, else why not."""
    words = name.split()
    if not words:
        return "empty"
    if any(ch.isdigit() for ch in name):
        return "holds digits"
    if fold(words[0]) in DESCRIPTION_STARTS:
        return f"starts with {words[0]!r} (a description)"
    if name.isupper() and (len(words) > 1 or len(name) > 7):
        return "all capitals (a heading or a dateline)"
    if any(fold(w) in VERB_WORDS for w in words):
        return "holds a verb (a headline fragment)"
    for w in words[1:] if words[0][:1].isupper() else words:
        if fold(w) in NAME_PARTICLES or fold(w) in ACRONYM_SKIP:
            continue
        if not w[0].isupper():
            return f"{w!r} is not capitalised (a description)"
    if len(words) == 1 and fold(name) in COMMON_WORDS:
        return "a common word"
    if any(fold(w).strip(".") in PRONOUNS for w in words):
        return "holds a pronoun"
    if any(c in name for c in '<>"“”'):
        return "holds markup or quote marks"
    return ""


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 7 and name.isalpha() and name.isupper()


def acronym_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if fold(w) not in ACRONYM_SKIP and w[:1].isalpha()).upper()


def _plain_word(word: str) -> bool:
    w = word.casefold().strip(".")
    return (
        word[:1].isupper()
        and word.replace("-", "").replace("'", "").isalpha()
        and w not in NP.titles
        and w not in NP.prefixes
        and w not in NP.conjunctions
        and w not in NP.suffix_acronyms
        and w not in NP.suffix_not_acronyms
    )


def _split_name(name: str) -> tuple[str, str, str]:
    """(given name, middle names, surname), folded. Two plain words (no
    title, particle or suffix in nameparser's lists) are given name and
    surname without a full parse, which is the slow part of linking;
    anything else goes through nameparser."""
    words = name.split()
    if len(words) == 2 and all(_plain_word(w) for w in words):
        return fold(words[0]), "", fold(words[1])
    h = HumanName(name)
    return fold(h.first), h.middle, fold(h.last)


@lru_cache(maxsize=65536)
def read_name(name: str, etype: str | None) -> NameInfo:
    """Classify one speaker string (with its entity type, None when the
    speaker resolved to no entity)."""
    name = " ".join(name.split())
    why = _looks_like_name(name)
    if why:
        return NameInfo(None, reason=why)
    if etype in ORG_TYPES or (etype is None and is_acronym(name)):
        base = re.sub(r"^the\s+", "", fold(name))
        return NameInfo("org", key="o:" + base)
    if etype not in PERSON_TYPES:
        return NameInfo(None, reason="no named entity (a description)" if etype is None else f"a {etype} entity")
    first, middle, last = _split_name(name)
    if first and last:
        inner = ""
        middle_words = middle.split()
        if middle_words and all(len(w.strip(".")) > 1 for w in middle_words) and len(middle_words) == 1:
            inner = f"p:{fold(middle)} {last}"
        return NameInfo(
            "person",
            key=f"p:{first} {last}",
            middle=_initials(middle),
            surname=last,
            given=first,
            inner=inner,
        )
    single = last or first
    if not single:
        return NameInfo(None, reason="no given name or surname")
    return NameInfo("surname", key="s:" + single, surname=single)


def role_words(role: str | None) -> set[str]:
    """Title words of a role, abbreviations spelt out ("Massachusetts Sen."
    -> {"senator"}; "the Republican presidential nominee" -> {"nominee"})."""
    if not role:
        return set()
    words = (fold(t).strip(".,()") for t in role.split())
    return {TITLE_ABBREVIATIONS.get(w, w) for w in words if w in TITLE_WORDS or w in TITLE_ABBREVIATIONS}


def role_phrase(text: str) -> str:
    """A role or description as a comparable phrase: folded, a leading
    article dropped, abbreviations and synonyms spelt one way ("the GOP
    presidential nominee" == "Republican presidential nominee")."""
    words = [w.strip(".,()") for w in fold(text).split()]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    out = []
    for w in words:
        w = TITLE_ABBREVIATIONS.get(w, w)
        out.append(ROLE_SYNONYMS.get(w, w))
    return " ".join(w for w in out if w)


# -- the store side ----------------------------------------------------------


def _person_for_key(conn: sqlite3.Connection, key: str) -> tuple[int, str] | None:
    row = conn.execute("SELECT person_id, reason FROM person_keys WHERE key = ?", (key,)).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def _new_person(conn: sqlite3.Connection, name: str, kind: str, middle: str, key: str, reason: str) -> int:
    pid = int(
        conn.execute("INSERT INTO people (name, kind, middle) VALUES (?, ?, ?)", (name, kind, middle)).lastrowid or 0
    )
    conn.execute(
        "INSERT INTO person_keys (key, person_id, reason, origin) VALUES (?, ?, ?, 'auto')", (key, pid, reason)
    )
    return pid


def _add_key(conn: sqlite3.Connection, key: str, pid: int, reason: str, origin: str = "auto") -> None:
    conn.execute(
        "INSERT INTO person_keys (key, person_id, reason, origin) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
        (key, pid, reason, origin),
    )


def _distinct(conn: sqlite3.Connection, a: int, b: int) -> bool:
    """Whether a user rule keeps persons ``a`` and ``b`` apart."""
    row = conn.execute(
        """SELECT 1 FROM people_rules r
           JOIN person_keys ka ON ka.key = r.a JOIN person_keys kb ON kb.key = r.b
           WHERE r.action IN ('distinct', 'split')
             AND ((ka.person_id = ? AND kb.person_id = ?) OR (ka.person_id = ? AND kb.person_id = ?))""",
        (a, b, b, a),
    ).fetchone()
    return row is not None


def _full_person(conn: sqlite3.Connection, info: NameInfo, name: str) -> tuple[int, str]:
    """The person of a full name, created when new."""
    if info.inner:
        hit = _person_for_key(conn, info.inner)
        if hit:
            return hit[0], f"'{name}' holds the full name of this person"
    if info.middle:
        hit = _person_for_key(conn, f"{info.key}|{info.middle}")
        if hit:
            return hit[0], f"same full name and middle initial ({info.key[2:]}, {info.middle})"
    hit = _person_for_key(conn, info.key)
    if hit:
        pid = hit[0]
        known = str(conn.execute("SELECT middle FROM people WHERE id = ?", (pid,)).fetchone()[0] or "")
        if info.middle and known and known != info.middle:
            # "George W. Bush" vs "George H.W. Bush": two people.
            pid = _new_person(conn, name, "person", info.middle, f"{info.key}|{info.middle}", "first seen here")
            return pid, "a different middle initial from the other person of this name"
        if info.middle and not known:
            conn.execute("UPDATE people SET middle = ? WHERE id = ?", (info.middle, pid))
            _add_key(conn, f"{info.key}|{info.middle}", pid, f"'{name}' seen with this middle initial")
        return pid, f"same full name (given name and surname: {info.key[2:]})"
    pid = _new_person(conn, name, "person", info.middle, info.key, f"full name first seen as '{name}'")
    if info.middle:
        _add_key(conn, f"{info.key}|{info.middle}", pid, f"'{name}' seen with this middle initial")
    return pid, "full name first seen here"


@lru_cache(maxsize=1)
def _nick_namer() -> Any:
    # Imported on first use; an environment installed before this dependency
    # was added links by exact given names only instead of failing to import.
    try:
        from nicknames import NickNamer
    except ImportError:  # pragma: no cover - the package is a dependency
        return None
    return NickNamer()


@lru_cache(maxsize=4096)
def given_variants(given: str) -> frozenset[str]:
    """Other spellings of a given name: its nicknames and the names it is a
    nickname of ("len" -> {"leonard", ...}), from the ``nicknames`` dataset."""
    namer = _nick_namer()
    if namer is None or not given:
        return frozenset()
    return frozenset(fold(v) for v in namer.nicknames_of(given) | namer.canonicals_of(given)) - {given}


def _role_name_words(roles: Iterable[str]) -> set[str]:
    """The capitalised words of role phrases that are no title ("head of the
    Tax Policy Center" -> {"tax", "policy", "center"}): what the role names."""
    out: set[str] = set()
    for role in roles:
        for w in role.split():
            w = w.strip(".,()’'")
            if w[:1].isupper() and fold(w) not in TITLE_WORDS and fold(w) not in TITLE_ABBREVIATIONS:
                out.add(fold(w))
    return out


def _nickname_person(conn: sqlite3.Connection, info: NameInfo, role_texts: list[str]) -> tuple[int, str] | None:
    """Rule ``nickname_and_role``: a full name first seen here whose given name
    is a variant of a known person's with the same surname ("Len Burman",
    "Leonard E. Burman") is that person only when this article's role for
    it and a role that person was seen with name the same thing (at least
    ``NICKNAME_ROLE_WORDS`` capitalised non-title words in common: "head of
    the Budget Policy Unit", "director of the Hale-Morton Budget Policy
    Unit"), and exactly one person fits. Without a role, two given names
    stay two people."""
    mine = _role_name_words(role_texts)
    if len(mine) < NICKNAME_ROLE_WORDS:
        return None
    fits: dict[int, tuple[str, set[str]]] = {}
    for variant in sorted(given_variants(info.given)):
        hit = _person_for_key(conn, f"p:{variant} {info.surname}")
        if hit is None or hit[0] in fits:
            continue
        roles = [str(r[0]) for r in conn.execute("SELECT role FROM person_roles WHERE person_id = ?", (hit[0],))]
        shared = mine & _role_name_words(roles)
        if len(shared) >= NICKNAME_ROLE_WORDS:
            fits[hit[0]] = (variant, shared)
    if len(fits) != 1:
        return None
    pid, (variant, shared) = next(iter(fits.items()))
    reason = (
        f"given name '{info.given}' is a form of '{variant}' (nicknames dataset) and both roles name "
        f"{' '.join(sorted(shared))}"
    )
    _add_key(conn, info.key, pid, reason)
    return pid, reason


def _surname_person(conn: sqlite3.Connection, info: NameInfo, name: str, roles: set[str]) -> tuple[int, str]:
    """A speaker the article names by surname only."""
    hit = _person_for_key(conn, info.key)
    if hit and hit[1].startswith("user"):
        return hit[0], hit[1]
    if roles:
        # Full-named people with this surname and a role that shares a title word.
        rows = conn.execute(
            """SELECT p.id, p.name, r.role, r.articles FROM people p JOIN person_roles r ON r.person_id = p.id
               WHERE p.surname = ? AND p.kind = 'person'""",
            (info.surname,),
        ).fetchall()
        fits: dict[int, tuple[str, str]] = {}
        evidence: dict[int, int] = {}
        for pid, pname, prole, particles in rows:
            shared = roles & role_words(prole)
            if shared:
                fits.setdefault(int(pid), (str(pname), sorted(shared)[0]))
                evidence[int(pid)] = evidence.get(int(pid), 0) + int(particles)
        # A role seen in one article only may be that article's mistake: ask
        # for two; and no other namesake may have been seen with the role
        # word at all ("Bush", "President": two Presidents Bush, no link).
        rivals = set(fits)
        fits = {pid: v for pid, v in fits.items() if evidence[pid] >= MIN_ROLE_ARTICLES}
        if len(fits) == 1 and rivals == set(fits):
            # One full-named person with this surname has the role, and the roles agree.
            pid, (pname, word) = next(iter(fits.items()))
            if not (hit and _distinct(conn, pid, hit[0])):
                return pid, f"surname '{info.surname}' and role word '{word}' in this article fit only {pname}"
    if hit:
        return hit[0], "same surname-only name (no full name in the article)"
    pid = _new_person(conn, name, "surname", "", info.key, f"surname-only name first seen as '{name}'")
    return pid, "surname-only name first seen here"


def _org_person(conn: sqlite3.Connection, info: NameInfo, name: str, acronym_of_org: str | None) -> tuple[int, str]:
    if acronym_of_org:
        full = read_name(acronym_of_org, "ORG")
        hit = _person_for_key(conn, full.key)
        pid = hit[0] if hit else _new_person(conn, acronym_of_org, "org", "", full.key, "first seen here")
        _add_key(conn, info.key, pid, f"acronym of '{acronym_of_org}' in the same article")
        return pid, f"acronym of '{acronym_of_org}' in the same article"
    hit = _person_for_key(conn, info.key)
    if hit:
        return hit[0], "same organisation name" if not hit[1].startswith("acronym") else hit[1]
    return _new_person(conn, name, "org", "", info.key, f"first seen as '{name}'"), "organisation first seen here"


def link_article(conn: sqlite3.Connection, article_id: int, brief: Brief) -> dict[int, int]:
    """Link every quote of a just-written article to a person (or to none),
    record aliases, roles and the reason of each link. Runs inside the
    article's write transaction.

    RETURNS (dict[int, int]): quote index -> person id.
    """
    date = str((brief.meta or {}).get("date") or "")[:10] or None
    entities = {e.id: e for e in brief.entities}
    org_names = [e.name for e in brief.entities if e.type in ORG_TYPES]
    # Group the article's quotes by speaker string: one decision per speaker.
    by_speaker: dict[str, list[int]] = {}
    for idx, q in enumerate(brief.quotes):
        if q.speaker.name:
            by_speaker.setdefault(q.speaker.name, []).append(idx)
    # Surname -> the one full-named speaker of this article with it ("" when
    # two): a surname-only speaker of the same article is that person.
    full_speakers: dict[str, str] = {}
    full_given: dict[str, str] = {}  # the same by given name ("Donald" speaking beside "Donald Trump")
    for idxs in by_speaker.values():
        ent = entities.get(brief.quotes[idxs[0]].speaker.entity or "")
        if ent is not None and ent.type in PERSON_TYPES:
            info = read_name(ent.name, ent.type)
            if info.kind == "person":
                prev = full_speakers.get(info.surname)
                full_speakers[info.surname] = ent.name if prev in (None, ent.name) else ""
                prev = full_given.get(info.given)
                full_given[info.given] = ent.name if prev in (None, ent.name) else ""
    # Organisation names the article writes in full: a shorter name that is
    # the tail of exactly one of them is that one ("the Times" beside "the
    # New York Times"; beside "Tampa Bay Times" too it stays alone).
    org_full = [e.name for e in brief.entities if e.type in ORG_TYPES]
    # Speaker strings that are the tail of exactly one longer one here.
    folded = {n: fold(n).split() for n in by_speaker if not _looks_like_name(n)}
    suffix_of: dict[str, str] = {}
    for n, ws in folded.items():
        # Not the last of a coordination: "Russia" is not "China and Russia".
        longer = [
            m
            for m, mw in folded.items()
            if len(mw) > len(ws) and mw[-len(ws) :] == ws and mw[-len(ws) - 1] not in COORDINATORS
        ]
        if len(longer) == 1:
            suffix_of[n] = longer[0]
    mention_names = {fold(m.text) for e in brief.entities for m in e.mentions}
    out: dict[int, int] = {}
    for name, idxs in by_speaker.items():
        first = brief.quotes[idxs[0]].speaker
        ent = entities.get(first.entity) if first.entity else None
        etype = ent.type if ent else None
        canonical = ent.name if ent and ent.type in PERSON_TYPES | ORG_TYPES else name
        via = ""
        longer = suffix_of.get(name)
        if longer:
            # "Lamont Scott" and "Keith Lamont Scott" speak in one article: one person.
            lent = entities.get(brief.quotes[by_speaker[longer][0]].speaker.entity or "")
            canonical, etype = (lent.name, lent.type) if lent else (longer, etype)
            via = f"'{name}' ends the name '{canonical}' of another speaker in this article; "
        info = read_name(canonical, etype)
        if info.kind == "org" and not longer:
            tail = info.key[2:].split()
            fuller = {
                read_name(o, "ORG").key: o
                for o in org_full
                if len(read_name(o, "ORG").key[2:].split()) > len(tail)
                and read_name(o, "ORG").key[2:].split()[-len(tail) :] == tail
            }
            if len(fuller) == 1:
                full_org = next(iter(fuller.values()))
                via = f"'{canonical}' ends the name '{full_org}' this article gives; "
                canonical = full_org
                info = read_name(canonical, "ORG")
        if info.kind is None and ent is None:
            target = _described(name, brief)
            if target is not None:
                via = f"the description '{name}' fits only the role '{target[1]}' of {target[0].name} here; "
            else:
                target = _described_by_store(conn, name, brief)
                if target is not None:
                    via = (
                        f"the description '{name}' is the role '{target[1]}' that only {target[0].name}, "
                        "named in this article, was seen with in other articles; "
                    )
            if target is None:
                target = _described_by_subject(name, first.mention, brief)
                if target is not None:
                    via = (
                        f"the description '{name}' follows a sentence that opens with {target[0].name} "
                        f"('{target[1]}'), and no one else is named before it in its own sentence; "
                    )
            if target is not None:
                canonical, etype = target[0].name, target[0].type
                info = read_name(canonical, etype)
        roles: set[str] = set()
        role_texts: list[str] = []
        for i in idxs:
            r = brief.quotes[i].speaker.role
            if r:
                roles |= role_words(r)
                role_texts.append(r)
        if ent and ent.role:
            roles |= role_words(ent.role)
            role_texts.append(ent.role)
        if info.kind is None or _is_pair(canonical, mention_names):
            continue
        if info.kind == "surname" and full_speakers.get(info.surname):
            full_name = full_speakers[info.surname]
            pid, reason = _full_person(conn, read_name(full_name, "PERSON"), full_name)
            reason = f"'{canonical}' and '{full_name}' both speak in this article (one full name with this surname)"
        elif info.kind == "surname" and full_given.get(info.surname) and info.surname not in full_speakers:
            full_name = full_given[info.surname]
            pid, reason = _full_person(conn, read_name(full_name, "PERSON"), full_name)
            reason = f"'{canonical}' and '{full_name}' both speak in this article (one full name with this given name)"
        elif info.kind == "person":
            nick = None
            if _person_for_key(conn, info.key) is None and not info.inner:
                nick = _nickname_person(conn, info, role_texts)
            pid, reason = nick or _full_person(conn, info, canonical)
        elif info.kind == "surname":
            pid, reason = _surname_person(conn, info, canonical, roles)
        else:
            acr = None
            if is_acronym(canonical):
                acr = next((o for o in org_names if o != canonical and acronym_of(o) == canonical), None)
            pid, reason = _org_person(conn, info, canonical, acr)
        reason = via + reason
        if info.kind in ("person", "surname"):
            conn.execute("UPDATE people SET surname = coalesce(surname, ?) WHERE id = ?", (info.surname, pid))
        conn.execute(
            """INSERT INTO person_links (person_id, article_id, speaker, key, reason) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (article_id, speaker) DO UPDATE SET person_id = excluded.person_id,
                   reason = excluded.reason""",
            (pid, article_id, name, info.key, reason),
        )
        aliases: dict[str, str] = {canonical: "name"}
        if name != canonical:
            aliases[name] = "name"
        if ent:
            for m in ent.mentions:
                kind = _alias_kind(m.text)
                if kind:
                    aliases.setdefault(" ".join(m.text.split()), kind)
        for i in idxs:
            m = brief.quotes[i].speaker.mention
            if m:
                kind = _alias_kind(m.text)
                if kind:
                    aliases.setdefault(" ".join(m.text.split()), kind)
        for alias, kind in aliases.items():
            conn.execute(
                """INSERT INTO person_aliases (person_id, alias, kind, articles, first_date, last_date)
                   VALUES (?, ?, ?, 1, ?, ?)
                   ON CONFLICT (person_id, alias) DO UPDATE SET articles = articles + 1,
                       first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date,
                           first_date)),
                       last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date,
                           last_date))""",
                (pid, alias, kind, date, date),
            )
        # Roles count as evidence for later surname-only links, so only a
        # link by full name (or organisation name) records them.
        for role in dict.fromkeys(role_texts) if not reason.startswith("surname '") else ():
            conn.execute(
                """INSERT INTO person_roles (person_id, role, articles, first_date, last_date) VALUES (?, ?, 1, ?, ?)
                   ON CONFLICT (person_id, role) DO UPDATE SET articles = articles + 1,
                       first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date,
                           first_date)),
                       last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date,
                           last_date))""",
                (pid, role, date, date),
            )
        if info.kind == "person" and role_texts:
            _absorb_surname(conn, pid, info.surname)
        conn.execute(
            """UPDATE people SET first_date = min(coalesce(first_date, ?), coalesce(?, first_date)),
                   last_date = max(coalesce(last_date, ?), coalesce(?, last_date)) WHERE id = ?""",
            (date, date, date, date, pid),
        )
        for i in idxs:
            out[i] = pid
    conn.executemany(
        "UPDATE quotes SET person_id = ? WHERE article_id = ? AND idx = ?",
        [(pid, article_id, i) for i, pid in out.items()],
    )
    return out


def _is_pair(name: str, mention_names: set[str]) -> bool:
    """Whether ``name`` is two names of the article joined ("China and
    Russia"): two speakers, no one person or organisation. An organisation
    whose name holds "and" ("Securities and Exchange Commission") is not
    two names the article writes apart."""
    words = fold(name).split()
    for i, w in enumerate(words[1:-1], start=1):
        if w in COORDINATORS and " ".join(words[:i]) in mention_names and " ".join(words[i + 1 :]) in mention_names:
            return True
    return False


def _absorb_surname(conn: sqlite3.Connection, pid: int, surname: str) -> None:
    """The surname + role rule the other way round, so that the order articles
    arrive in does not matter: a surname-only person seen before this
    full-named one joins it when they share a title word, the full-named
    person was seen with it in ``MIN_ROLE_ARTICLES`` articles, and no other
    namesake was seen with it. The bare-surname key is dropped, so a later
    bare surname without a role still stays alone."""
    key = f"s:{surname}"
    row = conn.execute(
        "SELECT k.person_id FROM person_keys k JOIN people p ON p.id = k.person_id"
        " WHERE k.key = ? AND k.origin = 'auto' AND p.kind = 'surname'",
        (key,),
    ).fetchone()
    if row is None or int(row[0]) == pid or _distinct(conn, pid, int(row[0])):
        return
    sid = int(row[0])
    words: set[str] = set()
    for (role,) in conn.execute("SELECT role FROM person_roles WHERE person_id = ?", (sid,)):
        words |= role_words(str(role))
    if not words:
        return
    seen: dict[int, int] = {}
    for other, role, n in conn.execute(
        """SELECT p.id, r.role, r.articles FROM people p JOIN person_roles r ON r.person_id = p.id
           WHERE p.surname = ? AND p.kind = 'person'""",
        (surname,),
    ):
        if words & role_words(str(role)):
            seen[int(other)] = seen.get(int(other), 0) + int(n)
    if set(seen) != {pid} or seen[pid] < MIN_ROLE_ARTICLES:
        return
    name = conn.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()[0]
    word = sorted(words)[0]
    conn.execute("DELETE FROM person_keys WHERE key = ?", (key,))
    merge_people(
        conn,
        pid,
        sid,
        reason=f"surname '{surname}' and role word '{word}' in its articles fit only {name}",
        origin="auto",
    )


def _described(name: str, brief: Brief) -> tuple[Any, str] | None:
    """The one person of the article whose role has exactly the title words
    of a definite description ("The Democratic senator" -> the article's
    only senator), with that role; None when none or several fit."""
    words = name.split()
    if not words or fold(words[0]) != "the":
        return None
    wanted = role_words(name)
    if not wanted:
        return None
    roles: dict[str, set[str]] = {}
    for q in brief.quotes:
        if q.speaker.entity and q.speaker.role:
            roles.setdefault(q.speaker.entity, set()).add(q.speaker.role)
    fits = []
    for e in brief.entities:
        # A surname-only entity counts too: the description then goes where
        # that surname goes ("the president" beside "Obama, the President").
        if e.type not in PERSON_TYPES or read_name(e.name, e.type).kind not in ("person", "surname"):
            continue
        for role in ({e.role} if e.role else set()) | roles.get(e.id, set()):
            if role_words(role) == wanted:
                fits.append((e, role))
                break
    return fits[0] if len(fits) == 1 else None


# Where one sentence ends and the next begins (a full stop, question or
# exclamation mark, maybe a closing quote, then space), for the subject rule.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+|\n\s*\n")


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial
    ("Gov. Pence", "George W. Bush"), not a sentence."""
    word = text[max(0, dot - 12) : dot].split()[-1:] or [""]
    w = word[0].casefold().lstrip('("“')
    return text[dot] == "." and (
        len(w) == 1 or "." in w or w in TITLE_ABBREVIATIONS or w in ABBREVIATIONS or (len(w) <= 4 and w in NP.titles)
    )


def _described_by_subject(name: str, mention: Any, brief: Brief) -> tuple[Any, str] | None:
    """The person a definite description speaking in a sentence refers to
    when no role explains it: the one the previous sentence opens with
    ("Trump charges that ... . The New York businessman says ..."), the
    commonest way news writing varies a name. Conservative: the description
    must be "the" + words ending in a person noun (a title or an epithet
    such as "businessman"); nobody may be named in its own sentence before
    it; the previous sentence must open with a person's mention; and no
    other person of the article may have a role with the description's
    title words (then that role decides, or nothing does)."""
    words = fold(name).split()
    if len(words) < 2 or words[0] != "the" or mention is None:
        return None
    # The head noun: the last word, or the one before "of" ("the mother of three").
    head = (words[words.index("of") - 1] if "of" in words[2:] else words[-1]).strip(".,")
    if head not in TITLE_WORDS and head not in PERSON_EPITHETS and head not in PERSON_NOUNS:
        return None
    text = brief.text
    start = int(mention.start)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start) if not _abbreviation_before(text, m.start())]
    if not ends:
        return None
    own = ends[-1]
    prev = ends[-2] if len(ends) > 1 else 0
    while prev < own and text[prev].isspace():
        prev += 1
    people = [e for e in brief.entities if e.type in PERSON_TYPES]
    # Each person's names as the article writes them; matched as words, since
    # NER misses some occurrences ("Trump charges ..." untagged).
    forms = {
        (e.id, " ".join(m.text.split()))
        for e in people
        if read_name(e.name, e.type).kind in ("person", "surname")
        for m in e.mentions
        if _alias_kind(m.text) == "name" and read_name(" ".join(m.text.split()), e.type).kind is not None
    }
    if any(own <= m.start < start for e in people for m in e.mentions) or any(
        re.search(rf"\b{re.escape(f)}\b", text[own:start]) for _, f in forms
    ):
        return None
    opening = text[prev:own]
    hits = [(eid, f) for eid, f in forms if re.match(rf"{re.escape(f)}\b", opening)]
    if not hits:
        # The previous sentence opens with a pronoun the speakers stage
        # resolved ("He says, ..."): the person it was resolved to.
        ids = {e.id for e in people}
        hits = [
            (q.speaker.entity, q.speaker.mention.text)
            for q in brief.quotes
            if q.speaker.mention is not None and q.speaker.mention.start == prev and q.speaker.entity in ids
        ]
    if not hits:
        return None
    longest = max(len(f) for _, f in hits)
    ids = {eid for eid, f in hits if len(f) == longest}
    if len(ids) != 1:
        return None
    ent = next(e for e in people if e.id in ids)
    # A description that names an organisation of the article ("the FBI
    # director") is someone of that organisation: not the subject of the
    # sentence before unless that person's role names it too.
    desc_words = set(words)
    role = fold(ent.role or "")
    for org in brief.entities:
        if org.type == "ORG":  # a place describes people ("the New York businessman")
            for m in org.mentions:
                org_words = fold(m.text).split()
                if org_words and set(org_words) <= desc_words and fold(m.text) not in role:
                    return None
    wanted = role_words(name)
    if wanted and any(e is not ent and e.role and wanted <= role_words(e.role) for e in people):
        return None
    return ent, next(f for eid, f in hits if len(f) == longest)


def _described_by_store(conn: sqlite3.Connection, name: str, brief: Brief) -> tuple[Any, str] | None:
    """A definite description that is, word for word, a role one person named
    in this article was seen with in at least ``MIN_ROLE_ARTICLES`` other
    articles (by full name), and no other person named here was."""
    words = name.split()
    if len(words) < 3 or fold(words[0]) != "the" or not role_words(name):
        return None
    phrase = role_phrase(name)
    fits = []
    for e in brief.entities:
        if e.type not in PERSON_TYPES:
            continue
        info = read_name(e.name, e.type)
        if info.kind != "person":
            continue
        hit = _person_for_key(conn, info.key)
        if hit is None:
            continue
        # Roles written alike once abbreviations and synonyms are spelt one
        # way count together ("GOP nominee", "Republican nominee").
        seen = [
            (str(role), int(n))
            for role, n in conn.execute("SELECT role, articles FROM person_roles WHERE person_id = ?", (hit[0],))
            if role_phrase(str(role)) == phrase
        ]
        if seen and sum(n for _, n in seen) >= MIN_ROLE_ARTICLES:
            fits.append((e, max(seen, key=lambda x: x[1])[0]))
    return fits[0] if len(fits) == 1 else None


def _alias_kind(text: str) -> str | None:
    """'name' or 'description' for a mention worth keeping as an alias; None
    for pronouns and relative words."""
    words = text.split()
    if not words or fold(text) in PRONOUNS or len(words) > 8:
        return None
    return "name" if all(w[:1].isupper() or fold(w) in NAME_PARTICLES for w in words) else "description"


# -- corrections -------------------------------------------------------------


def merge_people(conn: sqlite3.Connection, into: int, other: int, *, reason: str, origin: str = "user") -> None:
    """Move everything of person ``other`` to ``into`` and delete ``other``."""
    if into == other:
        return
    conn.execute(
        "UPDATE person_keys SET person_id = ?, reason = ?, origin = ? WHERE person_id = ?",
        (into, reason, origin, other),
    )
    conn.execute("UPDATE quotes SET person_id = ? WHERE person_id = ?", (into, other))
    conn.execute("UPDATE person_links SET person_id = ?, reason = ? WHERE person_id = ?", (into, reason, other))
    for table, col in (("person_aliases", "alias"), ("person_roles", "role")):
        conn.execute(
            f"""INSERT INTO {table} (person_id, {col}, {"kind, " if table == "person_aliases" else ""}articles,
                    first_date, last_date)
                SELECT ?, {col}, {"kind, " if table == "person_aliases" else ""}articles, first_date, last_date
                FROM {table} WHERE person_id = ? AND true
                ON CONFLICT (person_id, {col}) DO UPDATE SET articles = articles + excluded.articles""",
            (into, other),
        )
        conn.execute(f"DELETE FROM {table} WHERE person_id = ?", (other,))
    conn.execute("UPDATE statements SET person_id = ? WHERE person_id = ?", (into, other))
    conn.execute("UPDATE statement_keys SET person_id = ? WHERE person_id = ?", (into, other))
    conn.execute(
        """UPDATE people SET first_date = (SELECT min(first_date) FROM people WHERE id IN (?, ?)),
               last_date = (SELECT max(last_date) FROM people WHERE id IN (?, ?)) WHERE id = ?""",
        (into, other, into, other, into),
    )
    conn.execute("DELETE FROM people WHERE id = ?", (other,))


def find_people(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """The people a name can mean: by key (full name), then by alias.

    RETURNS (list[dict]): id, name, kind of each match, best first.
    """
    name = " ".join(name.split())
    if not name:
        return []
    ids: list[int] = []
    for etype in ("PERSON", "ORG"):
        info = read_name(name, etype)
        if info.kind == "person":
            for key in ([f"{info.key}|{info.middle}"] if info.middle else []) + [info.key]:
                hit = _person_for_key(conn, key)
                if hit:
                    ids.append(hit[0])
                    break
        elif info.kind in ("org", "surname"):
            hit = _person_for_key(conn, info.key)
            if hit and info.kind == "org":
                ids.append(hit[0])
        if ids:
            break
    if not ids:
        rows = conn.execute(
            "SELECT DISTINCT person_id FROM person_aliases WHERE alias = ? COLLATE NOCASE AND kind = 'name'", (name,)
        ).fetchall()
        ids = [int(r[0]) for r in rows]
        if len(name.split()) == 1:
            # A bare surname: every person with that surname too.
            rows = conn.execute("SELECT id FROM people WHERE surname = ?", (fold(name),)).fetchall()
            ids = list(dict.fromkeys(ids + [int(r[0]) for r in rows]))
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(
        f"""SELECT p.id, p.name, p.kind, (SELECT count(*) FROM quotes q WHERE q.person_id = p.id) AS quotes
            FROM people p WHERE p.id IN ({marks}) ORDER BY quotes DESC, p.name""",
        ids,
    ).fetchall()
    return [dict(r) for r in rows]


def require_people(conn: sqlite3.Connection) -> None:
    """RAISES (InputError): E066 for a store opened read-only that predates
    the people layer (opening it for writing migrates it)."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people'").fetchone()
    if row is None:
        db = conn.execute("PRAGMA database_list").fetchone()
        raise InputError(Errors.E066, source=str(db[2] if db else "<store>"))


def resolve_one(conn: sqlite3.Connection, name: str) -> list[int]:
    """The person ids ``search --speaker NAME`` filters on.

    RAISES (InputError): E061 when a bare name fits several people.
    """
    require_people(conn)
    found = find_people(conn, name)
    full = [p for p in found if p["kind"] != "surname"]
    if len(full) > 1:
        listing = "; ".join(f"{p['name']} ({p['quotes']} quotes)" for p in full)
        raise InputError(Errors.E061, name=name, count=len(full), people=listing)
    return [int(p["id"]) for p in found]


def key_of(name: str) -> str:
    """The key a user-given name stands for (person, else organisation)."""
    info = read_name(name, "PERSON")
    if info.kind is None:
        info = read_name(name, "ORG")
    if info.kind is None:
        raise InputError(Errors.E062, name=name, detail=info.reason)
    return info.key


def merge_names(conn: sqlite3.Connection, a: str, b: str, *, origin: str = "user") -> int:
    """``people merge A B``: B becomes an alias of A, now and on later runs.

    RETURNS (int): the person id A stands for.
    """
    ka, kb = key_of(a), key_of(b)
    conn.execute("INSERT INTO people_rules (action, a, b, origin) VALUES ('merge', ?, ?, ?)", (ka, kb, origin))
    conn.execute(
        "DELETE FROM people_rules WHERE action IN ('distinct', 'split') AND ((a = ? AND b = ?) OR (a = ? AND b = ?))",
        (ka, kb, kb, ka),
    )
    pa, pb = _person_for_key(conn, ka), _person_for_key(conn, kb)
    reason = f"user: merged '{b}' into '{a}'"
    if pa is None:
        kind = ka[0]
        pid = _new_person(conn, a, {"p": "person", "s": "surname", "o": "org"}[kind], "", ka, reason)
    else:
        pid = pa[0]
    if pb is None:
        _add_key(conn, kb, pid, reason, origin)
    else:
        merge_people(conn, pid, pb[0], reason=reason, origin=origin)
    conn.execute("UPDATE person_keys SET reason = ?, origin = ? WHERE key = ?", (reason, origin, kb))
    conn.execute(
        "INSERT INTO person_aliases (person_id, alias, kind, articles) VALUES (?, ?, 'name', 0)"
        " ON CONFLICT (person_id, alias) DO NOTHING",
        (pid, b),
    )
    return pid


def split_name(conn: sqlite3.Connection, person: str, alias: str, *, origin: str = "user") -> int:
    """``people split PERSON ALIAS``: the quotes linked through ALIAS become
    a person of their own, kept apart from PERSON on later runs.

    RETURNS (int): the new person's id.
    """
    found = find_people(conn, person)
    if not found:
        raise InputError(Errors.E060, name=person)
    pid = int(found[0]["id"])
    rows = conn.execute(
        "SELECT article_id, speaker, key FROM person_links WHERE person_id = ? AND speaker = ? COLLATE NOCASE",
        (pid, alias),
    ).fetchall()
    if not rows:
        raise InputError(Errors.E063, name=person, alias=alias)
    key = str(rows[0][2])
    reason = f"user: split from '{found[0]['name']}'"
    kind = {"p": "person", "s": "surname", "o": "org"}[key[0]]
    new = int(
        conn.execute(
            "INSERT INTO people (name, kind, surname) VALUES (?, ?, ?)",
            (alias, kind, key[2:].split()[-1] if kind != "org" else None),
        ).lastrowid
        or 0
    )
    conn.execute(
        "INSERT INTO person_keys (key, person_id, reason, origin) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET person_id = excluded.person_id, reason = excluded.reason,"
        " origin = excluded.origin",
        (key, new, reason, origin),
    )
    person_key = conn.execute("SELECT key FROM person_keys WHERE person_id = ? ORDER BY key LIMIT 1", (pid,)).fetchone()
    conn.execute(
        "INSERT INTO people_rules (action, a, b, origin) VALUES ('split', ?, ?, ?)",
        (person_key[0] if person_key else key_of(person), key, origin),
    )
    for article_id, speaker, _ in rows:
        conn.execute(
            "UPDATE person_links SET person_id = ?, reason = ? WHERE article_id = ? AND speaker = ?",
            (new, reason, article_id, speaker),
        )
        conn.execute(
            "UPDATE quotes SET person_id = ? WHERE article_id = ? AND speaker = ? AND person_id = ?",
            (new, article_id, speaker, pid),
        )
    conn.execute(
        "UPDATE person_aliases SET person_id = ? WHERE person_id = ? AND alias = ? COLLATE NOCASE", (new, pid, alias)
    )
    return new


def load_aliases(path: str | Path) -> list[tuple[str, str, str]]:
    """Read an aliases file: ``[[person]] name = "...", aliases = [...]`` and
    ``[[distinct]] names = ["...", "..."]``.

    RETURNS (list): (action, a, b) rules.
    RAISES (InputError): E004 missing, E064 malformed.
    """
    import tomllib

    p = Path(path)
    if not p.is_file():
        raise InputError(Errors.E004, source=str(p))
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E064, source=str(p), detail=str(exc)) from None
    rules: list[tuple[str, str, str]] = []
    for entry in data.get("person", []):
        name = entry.get("name") if isinstance(entry, dict) else None
        aliases = entry.get("aliases", []) if isinstance(entry, dict) else None
        if not isinstance(name, str) or not isinstance(aliases, list):
            raise InputError(Errors.E064, source=str(p), detail='[[person]] needs name = "..." and aliases = [...]')
        rules += [("merge", name, str(a)) for a in aliases]
    for entry in data.get("distinct", []):
        names = entry.get("names") if isinstance(entry, dict) else None
        if not isinstance(names, list) or len(names) < 2:
            raise InputError(Errors.E064, source=str(p), detail='[[distinct]] needs names = ["A", "B", ...]')
        rules += [("distinct", str(names[0]), str(n)) for n in names[1:]]
    return rules


def apply_rules(conn: sqlite3.Connection, rules: Iterable[tuple[str, str, str]], origin: str) -> int:
    """Apply aliases-file rules (idempotent: a rule already applied is skipped).

    RETURNS (int): rules applied now.
    """
    n = 0
    for action, a, b in rules:
        ka, kb = key_of(a), key_of(b)
        done = conn.execute(
            "SELECT 1 FROM people_rules WHERE action = ? AND a = ? AND b = ?", (action, ka, kb)
        ).fetchone()
        if done:
            continue
        if action == "merge":
            merge_names(conn, a, b, origin=origin)
        else:
            conn.execute(
                "INSERT INTO people_rules (action, a, b, origin) VALUES ('distinct', ?, ?, ?)", (ka, kb, origin)
            )
        n += 1
    return n


def show(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Everything about the people NAME can mean: aliases, roles, keys and
    why each article's speaker was linked."""
    found = find_people(conn, name)
    out = []
    for p in found:
        pid = int(p["id"])
        d: dict[str, Any] = dict(conn.execute("SELECT * FROM people WHERE id = ?", (pid,)).fetchone())
        d["quotes"] = p["quotes"]
        d["keys"] = [
            dict(r)
            for r in conn.execute(
                "SELECT key, reason, origin FROM person_keys WHERE person_id = ? ORDER BY key", (pid,)
            )
        ]
        d["aliases"] = [
            dict(r)
            for r in conn.execute(
                "SELECT alias, kind, articles, first_date, last_date FROM person_aliases WHERE person_id = ?"
                " ORDER BY articles DESC, alias",
                (pid,),
            )
        ]
        d["roles"] = [
            dict(r)
            for r in conn.execute(
                "SELECT role, articles, first_date, last_date FROM person_roles WHERE person_id = ?"
                " ORDER BY first_date, articles DESC",
                (pid,),
            )
        ]
        d["links"] = [
            dict(r)
            for r in conn.execute(
                """SELECT l.speaker, l.reason, a.source, a.date
                   FROM person_links l JOIN articles a ON a.id = l.article_id
                   WHERE l.person_id = ? ORDER BY a.date, a.id""",
                (pid,),
            )
        ]
        out.append(d)
    return out


def speakers(conn: sqlite3.Connection, *, limit: int | None, min_quotes: int, count_duplicates: bool) -> list[dict]:
    """People with their quote counts, aliases and roles, most quoted first.

    A group of near-duplicate articles counts once, and a statement quoted in
    several copies of a story once, unless ``count_duplicates``.
    """
    from .dedup import count_units

    require_people(conn)
    unit_q, unit_a = count_units(count_duplicates)
    rows = conn.execute(
        f"""SELECT p.id, p.name AS speaker, p.kind, count(DISTINCT {unit_q}) AS quotes,
                   count(DISTINCT {unit_a}) AS articles,
                   count(DISTINCT CASE WHEN q.kind = 'direct' THEN {unit_q} END) AS direct,
                   count(DISTINCT CASE WHEN q.kind = 'partial' THEN {unit_q} END) AS partial,
                   count(DISTINCT CASE WHEN q.kind = 'indirect' THEN {unit_q} END) AS indirect,
                   p.first_date, p.last_date
            FROM people p JOIN quotes q ON q.person_id = p.id JOIN articles a ON a.id = q.article_id
            GROUP BY p.id HAVING count(DISTINCT {unit_q}) >= ?
            ORDER BY quotes DESC, p.name COLLATE NOCASE {"LIMIT ?" if limit else ""}""",
        (min_quotes, limit) if limit else (min_quotes,),
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        pid = d.pop("id")
        d["aliases"] = "; ".join(
            a
            for (a,) in conn.execute(
                "SELECT alias FROM person_aliases WHERE person_id = ? AND alias != ? ORDER BY articles DESC, alias"
                " LIMIT 8",
                (pid, d["speaker"]),
            )
        )
        roles = conn.execute(
            "SELECT role, first_date, last_date FROM person_roles WHERE person_id = ? ORDER BY articles DESC, role",
            (pid,),
        ).fetchall()
        d["roles"] = "; ".join(r[0] for r in roles)
        d["roles_over_time"] = "; ".join(
            f"{role} ({first or '?'}..{last or '?'})"
            for role, first, last in conn.execute(
                "SELECT role, first_date, last_date FROM person_roles WHERE person_id = ?"
                " ORDER BY articles DESC, role LIMIT 4",
                (pid,),
            )
        )
        out.append(d)
    return out
