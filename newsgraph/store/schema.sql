-- newsgraph DuckDB schema. Mirrors newsgraph/models.py: one table per record, nested records
-- (TimeSpan, Place, Quantity, Evidence) flattened into prefixed columns of their parent.
-- tests/store/test_schema.py checks that every model field has its column.

CREATE TABLE IF NOT EXISTS articles (
    id              VARCHAR PRIMARY KEY,   -- content hash of the body (models.content_id)
    external_id     VARCHAR,               -- id field of a JSONL/CSV dump
    title           VARCHAR,
    author          VARCHAR,
    publisher       VARCHAR,
    published       DATE,
    url             VARCHAR,
    source_path     VARCHAR,
    dateline_place  VARCHAR,
    text            VARCHAR NOT NULL,
    ingested_at     TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS actors (
    id           VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    country      VARCHAR,
    sector       VARCHAR,
    affiliation  VARCHAR,
    aliases      VARCHAR[],
    provisional  BOOLEAN DEFAULT false
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    text        VARCHAR,
    start       INTEGER,
    "end"       INTEGER,
    sentence    INTEGER,
    method      VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id                 VARCHAR PRIMARY KEY,
    article_id         VARCHAR NOT NULL,
    type               VARCHAR NOT NULL,
    mode               VARCHAR,
    date_start         DATE,
    date_end           DATE,
    date_precision     VARCHAR,
    date_text          VARCHAR,
    date_basis         VARCHAR,
    place_name         VARCHAR,
    place_country      VARCHAR,
    place_lat          DOUBLE,
    place_lon          DOUBLE,
    place_feature      VARCHAR,
    place_text         VARCHAR,
    quantity_value     DOUBLE,
    quantity_unit      VARCHAR,
    quantity_text      VARCHAR,
    modality           VARCHAR NOT NULL,
    covert             BOOLEAN NOT NULL,
    evidence_text      VARCHAR,
    evidence_sentence  VARCHAR,
    evidence_start     INTEGER,
    evidence_end       INTEGER,
    evidence_trigger   VARCHAR,
    cameo              VARCHAR,
    quad_class         TINYINT,
    goldstein          DOUBLE,
    confidence         DOUBLE,
    rule               VARCHAR
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id     VARCHAR NOT NULL,
    role         VARCHAR NOT NULL,        -- source | target
    position     INTEGER NOT NULL,
    actor_id     VARCHAR NOT NULL,
    name         VARCHAR,
    kind         VARCHAR,
    country      VARCHAR,                 -- at the event's date
    sector       VARCHAR,
    affiliation  VARCHAR,
    text         VARCHAR
);

CREATE TABLE IF NOT EXISTS attributions (
    event_id  VARCHAR NOT NULL,
    position  INTEGER NOT NULL,           -- 0 = outermost reporter
    name      VARCHAR NOT NULL,
    cue       VARCHAR,
    actor_id  VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_errors (
    source   VARCHAR NOT NULL,
    message  VARCHAR NOT NULL,
    occurred_at  TIMESTAMP DEFAULT current_timestamp
);

CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
