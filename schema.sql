-- attrib database schema, version 3.
--
-- This file is a public interface: fact-checkers open the database with
-- sqlite3 or Datasette and query these tables and views directly. It is
-- embedded in the attrib binary, applied in one transaction, and its version
-- is recorded in PRAGMA user_version so that a later release migrates an old
-- file in place. A line "-- @since N" marks the statements after it (up to
-- the next marker) as added in version N; an older file gets exactly those
-- (version 1 had everything not marked later).
--
-- Conventions
--   * Offsets (start, end, *_start, *_end) count Unicode code points into
--     articles.text exactly as ingested, half-open [start, end), as brat and
--     W3C Web Annotation do.
--   * Times are UTC in RFC 3339 ("2026-11-26T20:18:13Z").
--   * Rows written by the machine (claims, chain_hops, propositions, grades)
--     can be recomputed with `attrib score`; rows written by a fact-checker
--     (claim_links, verdicts, source_ratings, source_merges) are never
--     touched by the machine and always win over it.

-- sources: anything a claim can be attributed to. One row per real-world
-- source after alias resolution.
CREATE TABLE sources (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,             -- canonical name, e.g. 'Yoon Seok-yeol'
    key            TEXT NOT NULL UNIQUE,      -- normalised name used for matching
    -- The checks on kind and reliability are written as comparisons, not
    -- IN lists: SQLite builds a temporary index for an IN list of more than
    -- two values every time it checks a row, which made an insert into
    -- this table several times as slow (stores made before version 2 keep
    -- the IN form, which means the same).
    kind           TEXT NOT NULL CHECK (kind = 'outlet' OR kind = 'agency' OR kind = 'person'
                       OR kind = 'government' OR kind = 'intelligence' OR kind = 'organisation'
                       OR kind = 'document' OR kind = 'anonymous'),
    -- The institution a spokesperson speaks for, or the outlet an anonymous
    -- source belongs to ('Babel sources' -> Babel).
    affiliation_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    -- Source reliability, Admiralty letter A-F (F = cannot be judged yet),
    -- with a [0,1] score and the words that explain it. Written by `score`.
    reliability       TEXT NOT NULL DEFAULT 'F' CHECK (length(reliability) = 1 AND reliability BETWEEN 'A' AND 'F'),
    reliability_score REAL,
    reliability_note  TEXT,
    -- Digest of reliability, reliability_score and reliability_note as
    -- `score` wrote them: lets ingest's incremental scoring skip unchanged
    -- rows without reading them back. Internal; NULL = never scored.
    score_hash     INTEGER,
    created_at     TEXT NOT NULL
);

-- aliases: every surface form that resolves to a source ('Yun Seok Yeol',
-- 'WSJ', 'South Korean intelligence'). The canonical name is an alias too.
CREATE TABLE aliases (
    key       TEXT PRIMARY KEY,                -- normalised form
    alias     TEXT NOT NULL,                   -- as first written
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE
);
CREATE INDEX aliases_source ON aliases (source_id);

-- articles: one row per ingested article. Ingesting the same URL or the same
-- text again adds nothing.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    outlet_id    INTEGER NOT NULL REFERENCES sources (id),
    url          TEXT,                          -- NULL when unknown
    title        TEXT NOT NULL DEFAULT '',
    published    TEXT,                          -- YYYY-MM-DD when known
    language     TEXT,
    content_hash TEXT NOT NULL UNIQUE,          -- SHA-256 of text, hex
    text         TEXT NOT NULL,                 -- the text all offsets count into
    ingested_from TEXT,                         -- file[:line] it was read from
    ingested_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL AND url <> '';
CREATE INDEX articles_outlet ON articles (outlet_id);

-- propositions: claims from different articles that assert the same thing.
-- The id is the smallest id of its claims, so it is stable when `score`
-- recomputes everything. Credibility is the Admiralty digit 1-6.
CREATE TABLE propositions (
    id                     INTEGER PRIMARY KEY,
    text                   TEXT NOT NULL,       -- the text of its first claim
    grade                  TEXT NOT NULL CHECK (length(grade) = 1 AND grade BETWEEN '1' AND '6'),  -- not an IN list: see sources
    score                  REAL NOT NULL,       -- [0,1], for ranking
    independent_origins    INTEGER NOT NULL,
    supporting_articles    INTEGER NOT NULL,
    contradicting_articles INTEGER NOT NULL,
    explanation            TEXT NOT NULL,
    -- Digests of this row (grade, score, counts, explanation, origins,
    -- contradictions) and of its findings, as `score` wrote them: ingest's
    -- incremental scoring compares them to find the rows it must rewrite.
    score_hash             INTEGER,
    findings_hash          INTEGER
);

-- proposition_origins: the independent origins behind a proposition.
CREATE TABLE proposition_origins (
    proposition_id INTEGER NOT NULL REFERENCES propositions (id) ON DELETE CASCADE,
    source_id      INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (proposition_id, source_id)
) WITHOUT ROWID;

-- contradictions: pairs of propositions that cannot both be true (a denial,
-- another value for the same quantity). Kept visible, never dropped.
CREATE TABLE contradictions (
    proposition_id INTEGER NOT NULL REFERENCES propositions (id) ON DELETE CASCADE,
    contradicts_id INTEGER NOT NULL REFERENCES propositions (id) ON DELETE CASCADE,
    PRIMARY KEY (proposition_id, contradicts_id)
) WITHOUT ROWID;

-- claims: one attributed (or unattributed) statement in one article.
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,              -- order within the article, from 0
    text        TEXT NOT NULL,                 -- the content
    content_start INTEGER NOT NULL,            -- first code point of the content
    content_end   INTEGER NOT NULL,            -- one past its last code point
    spans       TEXT NOT NULL,                 -- JSON [[start,end],...]: fragments of a discontinuous content
    quote       INTEGER NOT NULL CHECK (quote IN (0, 1)),  -- 1 = direct quotation
    cue_text    TEXT,                          -- 'said', 'according to'; NULL when unattributed
    cue_start   INTEGER,
    cue_end     INTEGER,
    origin_id   INTEGER NOT NULL REFERENCES sources (id),  -- last source of the chain
    -- Written by `score`:
    proposition_id         INTEGER REFERENCES propositions (id) ON DELETE SET NULL,
    stance                 TEXT CHECK (stance IN ('supports', 'contradicts')),
    grade                  TEXT,
    score                  REAL,
    independent_origins    INTEGER,
    supporting_articles    INTEGER,
    contradicting_articles INTEGER,
    fidelity               TEXT,               -- did the origin really say it (apart from: is it true)
    explanation            TEXT,
    score_hash             INTEGER,            -- digest of the columns above, for incremental scoring
    -- The claim's raw match group: the smallest claim id of the claims the
    -- matcher joined it with (before denials attach to what they deny).
    -- NULL until scored; ingest's scoring compares only claims without one.
    match_group            INTEGER,
    UNIQUE (article_id, seq)
);
-- There is no index on origin_id (version 3 dropped it: keeping it up cost
-- ingest about a sixth of its writing time). An origin is the source of a
-- chain's last hop or, for a chain without hops, the article's outlet, so
-- the claims of an origin are found through chain_hops (source_id) and
-- articles (outlet_id), as source_summary does; `WHERE origin_id = ?` alone
-- reads the whole table.
-- Only scored claims are indexed by proposition: a fresh claim (NULL) costs
-- ingest no index entry, and `proposition_id = ?` still uses this index.
CREATE INDEX claims_proposition ON claims (proposition_id) WHERE proposition_id IS NOT NULL;

-- chain_hops: a claim's chain after the outlet, position 1 = the first
-- source the outlet cites ... last = the origin. Position 0, the publishing
-- outlet, is not stored: it is always articles.outlet_id of the claim's
-- article (views and `attrib` output show it), so an unattributed claim has
-- no rows here and its origin is the outlet. mention_* is where the article
-- names that hop (NULL for a hop carried over from an earlier sentence, such
-- as an agency credit that covers its paragraph).
CREATE TABLE chain_hops (
    claim_id      INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL CHECK (position > 0),
    source_id     INTEGER NOT NULL REFERENCES sources (id),
    -- The name extraction found for this hop before alias resolution (for
    -- a pronoun, its antecedent's name): what `source split` goes by.
    written_as    TEXT,
    mention_text  TEXT,
    mention_start INTEGER,
    mention_end   INTEGER,
    role          TEXT,                         -- title given in the text: 'head of the GUR'
    cue_text      TEXT,                         -- the hop's own cue: 'citing'
    cue_start     INTEGER,
    cue_end       INTEGER,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;
CREATE INDEX chain_hops_source ON chain_hops (source_id);

-- claim_edges: pairs of claims the matcher found to say the same thing with
-- opposite polarity (kind 1, a denial) or with a different number (kind 2,
-- a conflict), with their similarity. Written by scoring; with
-- claims.match_group it lets ingest compare only the new claims.
CREATE TABLE claim_edges (
    a    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    b    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
    sim  REAL NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX claim_edges_b ON claim_edges (b);

-- article_signatures: each article's copy-detection signature, 32 MinHash
-- values of its word 4-shingles (Broder 1997) as little-endian 64-bit
-- integers, or an empty blob when the text is too short to compare. Written
-- by scoring the first time it sees the article, so that scoring finds
-- uncredited copies without reloading article texts. Derived data: `attrib
-- score` recomputes it from articles.text.
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);

-- findings: what `attrib audit` reports, written by `score`.
CREATE TABLE findings (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,               -- anonymous_only, unattributed, single_origin_amplification, ...
    proposition_id INTEGER REFERENCES propositions (id) ON DELETE CASCADE,
    claim_ids      TEXT NOT NULL,               -- JSON array of claim ids
    message        TEXT NOT NULL
);
-- findings_proposition: scoring replaces one proposition's findings at a time.
CREATE INDEX findings_proposition ON findings (proposition_id);

-- A fact-checker's corrections. Each keeps a note and a time; the machine
-- never writes or deletes them, and they win over its results.

-- claim_links: `attrib link A B` (linked = 1, same proposition) and
-- `attrib unlink A B` (linked = 0, never the same proposition). a < b.
CREATE TABLE claim_links (
    a          INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    b          INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    linked     INTEGER NOT NULL CHECK (linked IN (0, 1)),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
);

-- verdicts: `attrib verdict CLAIM true|false|misleading --note ...`; the
-- newest row for a claim is in force.
CREATE TABLE verdicts (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    verdict    TEXT NOT NULL CHECK (verdict IN ('true', 'false', 'misleading')),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX verdicts_claim ON verdicts (claim_id);

-- source_ratings: `attrib source rate NAME B --note ...`; the newest row for
-- a source is in force and overrides the learned reliability.
CREATE TABLE source_ratings (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    rating     TEXT NOT NULL CHECK (rating IN ('A', 'B', 'C', 'D', 'E', 'F')),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX source_ratings_source ON source_ratings (source_id);

-- source_merges: `attrib source merge A B` (B's aliases now name A) and
-- `attrib source split` (an alias taken out into a source of its own), kept
-- as a log so that a merge can be explained and undone.
CREATE TABLE source_merges (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    into_name  TEXT NOT NULL,
    from_name  TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- @since 2
-- Incremental scoring state (issue 4). Derived data written by scoring
-- only (never by ingest): `attrib score` rewrites all of it, and ingest's
-- scoring reads it so that adding an article loads only the claims,
-- propositions and sources it touches. When it is missing or does not fit
-- the store, ingest falls back to scoring everything (and writes it).

-- score_state: what the last scoring covered. Keys: claims_through (every
-- claim up to this id is scored), articles_through and articles_count,
-- sources_through, corrections (a digest of the fact-checker's tables).
CREATE TABLE score_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

-- claim_block_keys: the tokens (FNV-1a 64 of the stemmed word) a claim is
-- indexed under for matching; only the last 32 claims of a key are kept,
-- the only ones a later claim is compared with.
CREATE TABLE claim_block_keys (
    key      INTEGER NOT NULL,
    claim_id INTEGER NOT NULL,
    PRIMARY KEY (key, claim_id)
) WITHOUT ROWID;

-- article_bands: the LSH band keys of each article's signature (8 bands),
-- so that a new article finds its near-duplicate candidates by key.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band, key, article_id)
) WITHOUT ROWID;

-- article_clusters: near-duplicate clusters (uncredited copies); the
-- cluster id is its smallest article id. Articles in no cluster are absent.
CREATE TABLE article_clusters (
    article_id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL
);
CREATE INDEX article_clusters_cluster ON article_clusters (cluster_id);

-- source_tallies: every source's track record as scoring counted it
-- (claims whose origin it is; propositions corroborated / contradicted,
-- with succ and fail weighted as the Beta prior takes them; verdicts), and
-- the kind and affiliation it was scored with.
CREATE TABLE source_tallies (
    source_id      INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    affiliation_id INTEGER,
    claims         INTEGER NOT NULL DEFAULT 0,
    corroborated   INTEGER NOT NULL DEFAULT 0,
    contradicted   INTEGER NOT NULL DEFAULT 0,
    verdicts       INTEGER NOT NULL DEFAULT 0,
    succ           REAL NOT NULL DEFAULT 0,
    fail           REAL NOT NULL DEFAULT 0
);

-- proposition_contribs: each judged proposition's part in its origins'
-- track records (same columns), so that a rescored proposition's old
-- evidence can be taken out of a source's record.
CREATE TABLE proposition_contribs (
    proposition_id INTEGER NOT NULL,
    source_id      INTEGER NOT NULL,
    corroborated   INTEGER NOT NULL,
    contradicted   INTEGER NOT NULL,
    verdicts       INTEGER NOT NULL,
    succ           REAL NOT NULL,
    fail           REAL NOT NULL,
    PRIMARY KEY (proposition_id, source_id)
) WITHOUT ROWID;
CREATE INDEX proposition_contribs_source ON proposition_contribs (source_id);

-- @since 1
-- Views for people.

-- claim_chains: one row per claim with its chain as text, the outlet first,
-- e.g. 'Babel -> Yonhap -> Yoon Seok-yeol'.
CREATE VIEW claim_chains AS
SELECT c.id                      AS claim_id,
       c.article_id              AS article_id,
       o.name                    AS outlet,
       o.name || coalesce(' -> ' || (SELECT group_concat(name, ' -> ') FROM (
            SELECT s.name AS name FROM chain_hops h JOIN sources s ON s.id = h.source_id
            WHERE h.claim_id = c.id ORDER BY h.position)), '') AS chain,
       origin.name               AS origin,
       c.cue_text                AS cue,
       c.quote                   AS quote,
       c.text                    AS text,
       c.proposition_id          AS proposition_id,
       c.grade                   AS grade,
       c.score                   AS score
FROM claims c
JOIN articles a    ON a.id = c.article_id
JOIN sources o     ON o.id = a.outlet_id
JOIN sources origin ON origin.id = c.origin_id;

-- article_summary: each article with its counts of named, anonymous and
-- unattributed claims.
CREATE VIEW article_summary AS
SELECT a.id, o.name AS outlet, a.url, a.title, a.published,
       count(c.id) AS claims,
       sum(CASE WHEN c.cue_text IS NOT NULL AND s.kind <> 'anonymous' THEN 1 ELSE 0 END) AS named,
       sum(CASE WHEN c.cue_text IS NOT NULL AND s.kind = 'anonymous' THEN 1 ELSE 0 END) AS anonymous,
       sum(CASE WHEN c.id IS NOT NULL AND c.cue_text IS NULL THEN 1 ELSE 0 END) AS unattributed
FROM articles a
JOIN sources o ON o.id = a.outlet_id
LEFT JOIN claims c ON c.article_id = a.id
LEFT JOIN sources s ON s.id = c.origin_id
GROUP BY a.id;

-- @since 3
-- Ingest no longer keeps an index of claims by origin (see claims).
DROP INDEX IF EXISTS claims_origin;

-- source_summary: each source with its aliases, grade and how often it is
-- cited anywhere in a chain and as the origin (the origins are counted
-- through the indexed chain_hops and articles, see claims).
DROP VIEW IF EXISTS source_summary;
CREATE VIEW source_summary AS
SELECT s.id, s.name, s.kind, s.reliability,
       (SELECT group_concat(alias, '; ') FROM aliases WHERE source_id = s.id AND alias <> s.name) AS aliases,
       (SELECT count(DISTINCT claim_id) FROM chain_hops WHERE source_id = s.id AND position > 0) AS cited_in,
       (SELECT count(*) FROM (
            SELECT c.id FROM chain_hops h JOIN claims c ON c.id = h.claim_id WHERE h.source_id = s.id AND c.origin_id = s.id
            UNION SELECT c.id FROM articles a JOIN claims c ON c.article_id = a.id WHERE a.outlet_id = s.id AND c.origin_id = s.id
       )) AS origin_of
FROM sources s;
