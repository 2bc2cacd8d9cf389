"""A GDELT 2.0-style event table: the 61 tab-separated columns of the GDELT Event codebook.

One row per event and pair of actors (an event with two sources and one target gives two rows,
as GDELT codes one Actor1 and one Actor2); an event without a target has empty Actor2 fields.
What newsgraph does not know stays empty (ethnic and religion codes, known-group codes, tone,
actor geography, feature ids). Differences from GDELT that a consumer should know:

- ``GLOBALEVENTID`` is a stable 60-bit number derived from the newsgraph event id and the pair;
- actor codes are CAMEO-style country + sector (``RUSGOV``, ``AFGREB``; ``IGO`` without a
  country) and ``*CountryCode`` columns hold ISO 3166 alpha-3 codes, as do GDELT's actor columns
  (but GDELT's ``ActionGeo_CountryCode`` is FIPS 10-4, and here it is ISO alpha-3 too);
- ``IsRootEvent`` is 1 when the event's evidence lies in the article's first paragraph;
- ``NumMentions``/``NumSources``/``NumArticles`` count the one article the event was coded from.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.export.events import write_lines
from newsgraph.store.duckdb_store import Store
from newsgraph.store.queries import EventFilter

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
# GDELT geographic resolution: 1 country, 4 world city, 5 world state/region.
GEO_TYPES = {"country": 1, "city": 4, "region": 5}

_ROWS = """
SELECT e.id, e.cameo, e.quad_class, e.goldstein, e.place_name, e.place_country, e.place_lat,
    e.place_lon, e.place_feature, coalesce(e.date_start, a.published) AS day,
    a.ingested_at, coalesce(a.url, a.source_path) AS url,
    e.evidence_start < coalesce(nullif(strpos(a.text, chr(10)), 0), length(a.text) + 1) AS root,
    s.position AS s_pos, s.name AS s_name, s.country AS s_country, s.sector AS s_sector,
    t.position AS t_pos, t.name AS t_name, t.country AS t_country, t.sector AS t_sector
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
LEFT JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'{where}
ORDER BY day NULLS LAST, e.id, s.position, t.position
"""


def _clean(value: Any) -> str:
    """A field value with no tab or line break (GDELT files are unquoted)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _actor(name: str | None, country: str | None, sector: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if name is None:
        return [""] * 10
    code = f"{country or ''}{sector or ''}"
    return [code, _clean(name).upper(), country or "", "", "", "", "", sector or "", "", ""]


def gdelt_rows(store: Store, where: EventFilter | None = None) -> Iterator[list[str]]:
    """The table's rows, each a list of 61 strings in ``GDELT_COLUMNS`` order."""
    sql, params = (where or EventFilter()).where()
    cursor = store.con.execute(_ROWS.format(where=sql), params)
    names = [d[0] for d in cursor.description or []]
    while batch := cursor.fetchmany(10_000):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            yield _gdelt_row(row)


def _gdelt_row(row: dict[str, Any]) -> list[str]:
    key = f"{row['id']}:{row['s_pos']}:{row['t_pos']}"
    global_id = int(hashlib.sha1(key.encode()).hexdigest()[:15], 16)
    day = row["day"]
    if day is not None:
        fraction = f"{day.year + (day.timetuple().tm_yday / 365):.4f}"
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction]
    else:
        dates = ["", "", "", ""]
    cameo = row["cameo"] or ""
    event = [
        "1" if row["root"] else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        "" if row["quad_class"] is None else str(row["quad_class"]),
        "" if row["goldstein"] is None else f"{row['goldstein']:g}",
        "1",
        "1",
        "1",
        "",
    ]
    no_geo = ["0", "", "", "", "", "", "", ""]
    if row["place_name"] or row["place_country"]:
        action = [
            str(GEO_TYPES.get(row["place_feature"] or "", 4 if row["place_lat"] is not None else 1)),
            _clean(row["place_name"]),
            row["place_country"] or "",
            "",
            "",
            "" if row["place_lat"] is None else f"{row['place_lat']:.4f}",
            "" if row["place_lon"] is None else f"{row['place_lon']:.4f}",
            "",
        ]
    else:
        action = no_geo
    added = row["ingested_at"].strftime("%Y%m%d%H%M%S") if row["ingested_at"] else ""
    return [
        str(global_id),
        *dates,
        *_actor(row["s_name"], row["s_country"], row["s_sector"]),
        *_actor(row["t_name"], row["t_country"], row["t_sector"]),
        *event,
        *no_geo,
        *no_geo,
        *action,
        added,
        _clean(row["url"]),
    ]


def write_gdelt(store: Store, out: str | Path | IO[str], where: EventFilter | None = None, header: bool = False) -> int:
    """Write the GDELT-style table, tab-separated like GDELT's ``*.export.CSV`` files.

    Args:
        out: a path, or an open text stream.
        header: write the column names first (GDELT's own files have none).

    Returns:
        The number of rows written.
    """

    if header:
        # the header line is written through the same writer, then not counted as a row
        lines = itertools.chain(["\t".join(GDELT_COLUMNS) + "\n"], _tsv(store, where))
        return write_lines(out, lines) - 1
    return write_lines(out, _tsv(store, where))


def _tsv(store: Store, where: EventFilter | None) -> Iterator[str]:
    return ("\t".join(row) + "\n" for row in gdelt_rows(store, where))
