"""The store's schema, as named migrations applied in order and recorded.

Each migration runs once, in its own transaction, and is recorded in the
``migrations`` table with the time it was applied; ``PRAGMA user_version``
holds how many have been applied, so tools that know nothing of newsbrief
(datasette, the sqlite3 shell) can still see the schema version. Add new
migrations at the END of ``MIGRATIONS``; never edit or reorder applied ones.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from ..errors import Errors, SetupError

_INITIAL = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'done', 'interrupted', 'crashed')),
    engine TEXT NOT NULL,
    workers INTEGER,
    inputs TEXT NOT NULL,          -- JSON list
    settings TEXT NOT NULL,        -- JSON object
    analysed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,    -- sha256 of the text (of the source name for unreadable items)
    ext_id TEXT NOT NULL DEFAULT '',  -- the input's own id (JSON Lines), '' when none
    source TEXT,
    title TEXT,
    author TEXT,
    date TEXT,
    url TEXT,
    meta TEXT NOT NULL DEFAULT '{}',   -- JSON: everything the reader found
    text TEXT,                     -- the analysed text; every offset points into it
    words INTEGER,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error_code TEXT,
    reason TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',  -- JSON list
    brief TEXT,                    -- Brief.to_dict(include_text=False) as JSON
    run_id INTEGER REFERENCES runs(id),
    stored_at TEXT NOT NULL,
    UNIQUE (content_hash, ext_id)
);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,        -- "e1", "e2"... as in the brief
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    UNIQUE (article_id, local_id)
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,          -- position in the brief's quotes
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
    speaker_id INTEGER REFERENCES speakers(id),
    speaker TEXT,                  -- canonical speaker name, as in the brief
    speaker_role TEXT,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    mention_text TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    cue_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    continuation INTEGER NOT NULL DEFAULT 0,
    is_key INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX quotes_article ON quotes(article_id);

CREATE TABLE summaries (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    score REAL NOT NULL,
    UNIQUE (article_id, idx)
);
"""

# Full-text search over quotes: an external-content FTS5 table kept in step
# with ``quotes`` by triggers (the pattern sqlite-utils' enable_fts uses).
_QUOTES_FTS = """
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
CREATE TRIGGER quotes_fts_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
"""


# Schema newsbrief/2: each quote is one attribution with a type and the
# quote-marked spans inside its content. Rows stored before keep working:
# their type is speech, and a direct or partial quote was all verbatim.
_ATTRIBUTION_TYPE = """
ALTER TABLE quotes ADD COLUMN type TEXT NOT NULL DEFAULT 'speech'
    CHECK (type IN ('speech', 'belief', 'intention', 'evidence'));
ALTER TABLE quotes ADD COLUMN verbatim TEXT NOT NULL DEFAULT '[]';   -- JSON [[start, end], ...]
ALTER TABLE quotes ADD COLUMN rule TEXT;
UPDATE quotes SET verbatim = json_array(json_array(start, "end")) WHERE kind IN ('direct', 'partial');
CREATE INDEX quotes_type ON quotes(type);
"""


# People across articles (newsbrief.store.people): persons and organisations,
# the keys that link speaker strings to them (each with its reason), aliases,
# roles over time, one link row per (article, speaker string), and the user's
# merge / split / distinct rules.
_PEOPLE = """
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'surname', 'org')),
    middle TEXT NOT NULL DEFAULT '',   -- middle initials, to keep "George W." and "George H.W." apart
    surname TEXT,                      -- folded surname (persons)
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX people_surname ON people(surname);
CREATE TABLE person_keys (
    key TEXT PRIMARY KEY,              -- "p:donald trump", "p:donald trump|j", "s:trump", "o:fbi"
    person_id INTEGER NOT NULL REFERENCES people(id),
    reason TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'auto'
) WITHOUT ROWID;
CREATE INDEX person_keys_person ON person_keys(person_id);
CREATE TABLE person_aliases (
    person_id INTEGER NOT NULL REFERENCES people(id),
    alias TEXT NOT NULL COLLATE NOCASE,
    kind TEXT NOT NULL,                -- name | description
    articles INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT,
    PRIMARY KEY (person_id, alias)
) WITHOUT ROWID;
CREATE INDEX person_aliases_alias ON person_aliases(alias COLLATE NOCASE);
CREATE TABLE person_roles (
    person_id INTEGER NOT NULL REFERENCES people(id),
    role TEXT NOT NULL COLLATE NOCASE,
    articles INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT,
    PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE TABLE person_links (
    person_id INTEGER NOT NULL REFERENCES people(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT NOT NULL,             -- the speaker string of the article's quotes
    key TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article_id, speaker)
);
CREATE INDEX person_links_person ON person_links(person_id);
CREATE TABLE people_rules (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'distinct')),
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX people_rules_ab ON people_rules(a, b);
ALTER TABLE quotes ADD COLUMN person_id INTEGER REFERENCES people(id);
CREATE INDEX quotes_person ON quotes(person_id, article_id);
"""

# Near-duplicate articles (newsbrief.store.dedup): MinHash signatures, LSH
# band keys (indexed for candidate lookup) and each article's group.
_DEDUP = """
CREATE TABLE article_minhash (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    hashvalues BLOB NOT NULL,
    similarity REAL
);
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_key ON article_bands(band, key);
CREATE INDEX article_bands_article ON article_bands(article_id);
ALTER TABLE articles ADD COLUMN dup_group INTEGER;
CREATE INDEX articles_dup_group ON articles(dup_group);
"""

# Statement clusters (newsbrief.store.statements).
_STATEMENTS = """
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    text TEXT NOT NULL,                -- the wording first stored
    norm TEXT NOT NULL,                -- folded words, for comparison
    first_article INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    first_date TEXT,
    quotes INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statements_person ON statements(person_id, articles);
CREATE TABLE statement_keys (
    person_id INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE
);
CREATE INDEX statement_keys_lookup ON statement_keys(person_id, hash);
CREATE INDEX statement_keys_statement ON statement_keys(statement_id);
ALTER TABLE quotes ADD COLUMN statement_id INTEGER REFERENCES statements(id);
CREATE INDEX quotes_statement ON quotes(statement_id);
"""


# The type "stance" (an attitude toward a thing: "criticized the plan"). A
# column's CHECK cannot be altered in SQLite, so the column is rebuilt: a new
# one with the wider CHECK, the values copied, the old one dropped (DROP
# COLUMN needs SQLite 3.35, 2021; its index goes first) and the new one
# renamed. No other table refers to quotes.type.
_STANCE_TYPE = """
DROP INDEX quotes_type;
ALTER TABLE quotes ADD COLUMN attribution_type TEXT NOT NULL DEFAULT 'speech'
    CHECK (attribution_type IN ('speech', 'belief', 'intention', 'evidence', 'stance'));
UPDATE quotes SET attribution_type = type;
ALTER TABLE quotes DROP COLUMN type;
ALTER TABLE quotes RENAME COLUMN attribution_type TO type;
CREATE INDEX quotes_type ON quotes(type);
"""

# The type "question" ("asked why the line closed"), its column rebuilt as
# for "stance".
_QUESTION_TYPE = _STANCE_TYPE.replace("'stance')", "'stance', 'question')")


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        # executescript would COMMIT first; run statement by statement inside
        # the migration's own transaction instead.
        for statement in _split(sql):
            conn.execute(statement)

    return apply


def _split(sql: str) -> list[str]:
    """Split a script into statements (triggers contain ';' inside BEGIN...END)."""
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


_EVENTS = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,          -- position in the brief's events
    type TEXT NOT NULL,            -- PLOVER event type
    mode TEXT,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    location TEXT,
    location_country TEXT,
    date_text TEXT,
    date TEXT,                     -- ISO date when resolved, else the article's date
    negated INTEGER NOT NULL DEFAULT 0,
    hypothetical INTEGER NOT NULL DEFAULT 0,
    attribution INTEGER,           -- index of the quote it was reported in
    rule TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_actors (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    country TEXT,
    sector TEXT,
    code TEXT
);
CREATE INDEX event_actors_code ON event_actors(code);
CREATE INDEX event_actors_event ON event_actors(event_id);
"""

MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("0001_initial", _script(_INITIAL)),
    ("0002_quotes_fts", _script(_QUOTES_FTS)),
    ("0003_attribution_type_verbatim", _script(_ATTRIBUTION_TYPE)),
    ("0006_people", _script(_PEOPLE)),
    ("0007_dedup", _script(_DEDUP)),
    ("0008_statements", _script(_STATEMENTS)),
    ("0010_events", _script(_EVENTS)),
    ("0011_stance_type", _script(_STANCE_TYPE)),
    ("0012_question_type", _script(_QUESTION_TYPE)),
]


def migrate(conn: sqlite3.Connection, source: str) -> list[str]:
    """Apply the migrations ``conn`` lacks, each in one transaction.

    conn (sqlite3.Connection): opened with ``isolation_level=None``.
    source (str): the database's name for error messages.
    RETURNS (list[str]): the names applied now.
    RAISES (SetupError): E013 when the database was made by a newer newsbrief.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM migrations")}
    known = {name for name, _ in MIGRATIONS}
    unknown = sorted(done - known)
    if unknown:
        raise SetupError(
            Errors.E013,
            source=source,
            detail=f"it has migrations this newsbrief does not know ({', '.join(unknown)}); upgrade newsbrief",
        )
    applied: list[str] = []
    for number, (name, apply) in enumerate(MIGRATIONS, start=1):
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it while we waited for the lock.
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone() is None:
                apply(conn)
                conn.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                    (name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                conn.execute(f"PRAGMA user_version = {int(number)}")
                applied.append(name)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return applied
