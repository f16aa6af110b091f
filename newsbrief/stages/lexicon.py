"""Word lists shared by the stages: attribution cues, titles, pronouns.

Written by hand because no maintained English resource lists reporting verbs
with the senses news uses; the lists follow the verb classes of attribution
corpora (PARC/PolNeAR guidelines) and are lemmas, matched against spaCy's
``token.lemma_``.
"""

from __future__ import annotations

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
    adm lt sgt capt cmdr amb atty supt
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
}  # fmt: skip

# Title words that are also common given names: capitalised right before a
# surname ("Dean Johnson", "Major Garrett") they are more likely the first
# name than a title, so they are neither stripped from the name nor given as
# its role unless other title words come with them ("Law School Dean Jo Roe").
NAME_LIKE_TITLES: frozenset[str] = frozenset({"dean", "major", "prince"})
