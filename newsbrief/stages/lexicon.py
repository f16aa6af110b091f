"""Word lists shared by the stages: attribution cues, titles, pronouns.

Written by hand because no maintained English resource lists reporting verbs
with the senses news uses; the lists follow the verb classes of attribution
corpora (PARC/PolNeAR guidelines) and are lemmas, matched against spaCy's
``token.lemma_``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..model import ATTRIBUTION_TYPES

# Verbs that introduce speech, writing or a stated position. Lemmas.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add insist state declare announce explain note claim argue assert
    contend maintain stress emphasize emphasise warn caution suggest reply respond
    answer ask acknowledge admit concede confirm deny reveal report write tweet post
    predict promise pledge vow threaten urge call demand complain lament charge accuse
    blame allege testify recall remark comment observe point mention describe
    characterize characterise call quip joke boast brag scoff sneer counter retort
    rebut dispute conclude agree disagree estimate forecast proclaim reiterate repeat
    recount recommend propose advise indicate signal concur speculate
    whisper shout yell cry exclaim murmur mutter announce inform assure reassure
    hint imply acknowledge specify clarify elaborate underline underscore highlight
    praise criticize criticise condemn decry denounce hail welcome applaud
    question wonder demand order instruct direct plead beg ask
    interject chant scream tout quote cite label dub brand term slam blast mock
    taunt ridicule chide scold rail gush opine muse recite
    demur email text message
    """.split()
)

# Verbs of cognition and belief that PolNeAR also counts as attribution cues.
BELIEF_VERBS: frozenset[str] = frozenset(
    """
    believe think feel fear hope expect know worry doubt suspect consider
    understand find learn reckon assume guess suppose wish want decide
    """.split()
)

# Nouns that head an attribution ("the claim that", "in a statement").
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    statement remark remarks comment comments interview speech testimony
    announcement tweet post letter memo report claim assertion warning
    email e-mail release briefing conference call podcast op-ed editorial video
    """.split()
)

# Head words of titles and roles ("Secretary of State", "chief executive").
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice secretary minister senator sen rep representative congressman
    congresswoman governor gov mayor chancellor premier chairman chairwoman chair
    chief executive ceo cfo coo director spokesman spokeswoman spokesperson
    ambassador envoy general gen admiral colonel col commander officer official
    judge justice attorney prosecutor lawyer counsel adviser advisor aide
    leader speaker whip candidate nominee founder owner manager coach professor
    prof dr doctor economist analyst strategist pollster researcher scientist
    editor reporter correspondent columnist author king queen prince princess
    pope bishop archbishop rabbi imam cardinal sheriff commissioner inspector
    superintendent chair head deputy assistant undersecretary treasurer
    lieutenant sergeant captain major spokesman press principal dean
    economist activist organizer organiser campaigner member mp mep lawmaker
    legislator delegate diplomat negotiator regulator auditor partner
    adm lt sgt capt cmdr amb atty supt insp
    councillor councilor councilman councilwoman cllr coun alderman alderwoman ald
    assemblyman assemblywoman assemblymember detective det constable
    magistrate coroner marshal trooper reverend rev
    goaltender goalie goalkeeper striker winger defenceman defenseman midfielder
    quarterback pitcher shortstop linebacker skipper referee umpire jockey batsman
    """.split()
)

PERSON_PRONOUNS: dict[str, tuple[str, str]] = {
    # pronoun -> (gender, number); gender "m", "f" or "" (unknown)
    "he": ("m", "sg"),
    "him": ("m", "sg"),
    "his": ("m", "sg"),
    "she": ("f", "sg"),
    "her": ("f", "sg"),
    "hers": ("f", "sg"),
    "they": ("", "pl"),
    "them": ("", "pl"),
    "their": ("", "pl"),
    "i": ("", "sg"),
    "we": ("", "pl"),
    "it": ("", "sg"),
}

ORG_HINT_WORDS: frozenset[str] = frozenset(
    """
    department ministry agency office committee council commission party
    company corporation corp inc ltd llc group bank university college institute
    association union federation foundation organization organisation army police
    court congress senate house parliament government administration campaign
    board bureau service fund network times post news journal press
    """.split()
)

# Courtesy titles before a name; they mark a person and, for some, a gender.
HONORIFICS: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady"})

# Verbs that attribute speech only with a particle: "fired back", "cut in", "went on".
PHRASAL_SPEECH_VERBS: frozenset[tuple[str, str]] = frozenset(
    {("fire", "back"), ("shoot", "back"), ("hit", "back"), ("push", "back"), ("cut", "in"), ("chime", "in"),
     ("go", "on"), ("weigh", "in"), ("speak", "out"), ("lash", "out"), ("point", "out"), ("spell", "out")}
)  # fmt: skip

# Nouns news uses as epithets for a person already named ("the billionaire",
# "the New York businessman"): with "the", they point back to that person.
PERSON_EPITHETS: frozenset[str] = frozenset(
    """
    businessman businesswoman mogul billionaire tycoon magnate front-runner frontrunner hopeful
    incumbent challenger newcomer veteran actor actress singer rapper comedian host anchor
    star celebrity entrepreneur investor developer republican democrat
    """.split()
)

# Abbreviated titles and the word they stand for, so that "Florida Sen. Marco
# Rubio" and "the Florida senator" share a title.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "adm": "admiral",
    "col": "colonel", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "cmdr": "commander",
    "amb": "ambassador", "atty": "attorney", "supt": "superintendent", "prof": "professor", "dr": "doctor",
    "pres": "president", "congressman": "representative", "congresswoman": "representative",
    "cllr": "councillor", "coun": "councillor", "ald": "alderman", "det": "detective", "rev": "reverend",
    "insp": "inspector",
}  # fmt: skip

# Title words that are also common given names: capitalised right before a
# surname ("Dean Johnson", "Major Garrett") they are more likely the first
# name than a title, so they are neither stripped from the name nor given as
# its role unless other title words come with them ("Law School Dean Jo Roe").
NAME_LIKE_TITLES: frozenset[str] = frozenset({"dean", "major", "prince"})


# --- Attribution cues by type, read from data (quotes/data/cues.json) -------

CUES_PATH = Path(__file__).parent / "quotes" / "data" / "cues.json"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The attribution cue data: ``types`` maps a lemma to its attribution
    type; ``lists`` holds every named word list (for the patterns' "@NAME"
    references); ``patterns`` the named DependencyMatcher rules, each a dict
    with "name", "content" (how the reported span is read off the match),
    an optional fixed "type" and the spaCy "pattern" with lists resolved."""

    types: dict[str, str]
    noun_types: dict[str, str]
    lists: dict[str, frozenset[str]]
    patterns: tuple[dict[str, Any], ...]
    # Word -> words tables ("prep_cues": verb -> the prepositions that make it a cue).
    tables: dict[str, dict[str, frozenset[str]]]

    def type_of(self, lemma: str, default: str = "speech") -> str:
        return self.types.get(lemma, default)

    def words(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())


def resolve_lists(node: Any, lists: dict[str, frozenset[str]], path: Path) -> Any:
    """A pattern with each "@NAME" inside an IN list replaced by that list."""
    if isinstance(node, dict):
        return {k: resolve_lists(v, lists, path) for k, v in node.items()}
    if isinstance(node, str) and node.startswith("@"):
        if node[1:] not in lists:
            raise InputError(Errors.E011, source=str(path), detail=f"pattern refers to unknown word list {node!r}")
        return sorted(lists[node[1:]])
    if isinstance(node, list):
        return [resolve_lists(v, lists, path) for v in node]
    return node


def load_cue_lexicon(path: Path | None = None) -> CueLexicon:
    """Read a cue file in the layout of ``quotes/data/cues.json``.

    RAISES (InputError): E004 missing, E009 malformed JSON, E011 wrong layout
        (an unknown type, a lemma under two types, an unnamed rule).
    """
    # Imported here: ingest imports the stages' package at import time.
    from ..ingest import read_json_file

    path = path or CUES_PATH
    data = read_json_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise InputError(Errors.E011, source=str(path), detail="expected a 'types' object of type: [lemma, ...]")
    types: dict[str, str] = {}
    lists: dict[str, frozenset[str]] = {}
    for kind, lemmas in data["types"].items():
        if kind not in ATTRIBUTION_TYPES:
            raise InputError(Errors.E011, source=str(path), detail=f"unknown attribution type {kind!r}")
        for lemma in lemmas:
            if lemma in types:
                raise InputError(Errors.E011, source=str(path), detail=f"{lemma!r} is under two types")
            types[lemma] = kind
        lists[f"{kind}_verbs"] = frozenset(lemmas)
    noun_types: dict[str, str] = {}
    for kind, lemmas in (data.get("noun_cues") or {}).items():
        for lemma in lemmas:
            noun_types.setdefault(lemma, kind)
    lists["noun_cues"] = frozenset(noun_types)
    tables: dict[str, dict[str, frozenset[str]]] = {}
    for name, value in data.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            lists[name] = frozenset(value)
        elif name not in ("types", "noun_cues") and isinstance(value, dict):
            tables[name] = {k: frozenset(v) for k, v in value.items()}
    prep_cues = tables.get("prep_cues", {})
    lists["prep_verbs"] = frozenset(prep_cues)
    lists["cue_preps"] = frozenset().union(*prep_cues.values()) if prep_cues else frozenset()
    patterns = []
    for rule in data.get("patterns") or []:
        if not isinstance(rule, dict) or not rule.get("name") or not isinstance(rule.get("pattern"), list):
            raise InputError(Errors.E011, source=str(path), detail="every pattern needs a 'name' and a 'pattern'")
        patterns.append({**rule, "pattern": resolve_lists(rule["pattern"], lists, path)})
    return CueLexicon(types=types, noun_types=noun_types, lists=lists, patterns=tuple(patterns), tables=tables)


@lru_cache(maxsize=4)
def cue_lexicon(path: str | None = None) -> CueLexicon:
    """The cue lexicon at ``path`` (default: the packaged one), read once per process."""
    return load_cue_lexicon(Path(path) if path else None)
