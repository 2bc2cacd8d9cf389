"""Query parameters shared by the REST endpoints: the event filter, the level, paging.

Every bad value is answered with HTTP 422 and one line naming the parameter, the value and what
would be accepted (``{"detail": "type: 'FOO' is not a PLOVER event type (AGREE, ...)"}``).
"""

# No ``from __future__ import annotations`` here: FastAPI reads these signatures at run time,
# and the dependency factory's aliases are local variables.
import datetime as dt
from collections.abc import Callable
from typing import Annotated

from fastapi import HTTPException, Query

from newsgraph.models import EVENT_TYPES, MODALITIES
from newsgraph.network import LEVELS, Level
from newsgraph.store.queries import EventQuery


def invalid(message: str) -> HTTPException:
    """The 422 answer to a bad query parameter."""
    return HTTPException(status_code=422, detail=message)


def _values(raw: list[str] | None) -> list[str]:
    """Repeated and comma-separated values as one list: ``?type=AID,AGREE&type=SUPPORT``."""
    return [v.strip() for item in raw or [] for v in item.split(",") if v.strip()]


def _checked(name: str, values: list[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    for value in values:
        if value.lower() not in {a.lower() for a in allowed}:
            raise invalid(f"{name}: {value!r} is not {what} ({', '.join(allowed)})")
    return tuple(values)


def filter_dependency(date_from: str = "from", date_to: str = "to") -> Callable[..., EventQuery]:
    """A FastAPI dependency reading the event filter from the query string.

    Args:
        date_from: name of the start-date parameter (``/api/paths`` uses ``from`` for an actor).
        date_to: name of the end-date parameter.
    """

    def event_filter(
        actor: Annotated[str | None, Query(description="Actor id, name or country code, either side.")] = None,
        source: Annotated[str | None, Query(description="Source actor id, name or country.")] = None,
        target: Annotated[str | None, Query(description="Target actor id, name or country.")] = None,
        event_type: Annotated[
            list[str] | None,
            Query(alias="type", description="PLOVER event type(s), repeated or comma-separated."),
        ] = None,
        start: Annotated[
            dt.date | None,
            Query(alias=date_from, description="Events on or after this day (YYYY-MM-DD)."),
        ] = None,
        end: Annotated[
            dt.date | None,
            Query(alias=date_to, description="Events on or before this day (YYYY-MM-DD)."),
        ] = None,
        modality: Annotated[
            list[str] | None,
            Query(description="Modalities to keep (asserted, reported, planned, ...)."),
        ] = None,
        covert: Annotated[bool | None, Query(description="Only covert (true) or overt (false) events.")] = None,
        publisher: Annotated[list[str] | None, Query(description="Publisher(s) of the article.")] = None,
        article: Annotated[str | None, Query(description="Events of one article id.")] = None,
    ) -> EventQuery:
        types = _checked("type", _values(event_type), EVENT_TYPES, "a PLOVER event type")
        modalities = _checked("modality", _values(modality), MODALITIES, "a modality")
        if start and end and start > end:
            raise invalid(f"{date_from}: {start} is after {date_to} {end}")
        return EventQuery(
            actor=actor,
            source=source,
            target=target,
            start=start,
            end=end,
            covert=covert,
            article_id=article,
            types=types,
            modalities=tuple(m.lower() for m in modalities),
            publishers=tuple(_values(publisher)),
        )

    return event_filter


def level_param(
    level: Annotated[
        str,
        Query(description="Node level: actor, or country (state organs and officials roll up to their country)."),
    ] = "actor",
) -> Level:
    """The roll-up level of a network query."""
    if level not in LEVELS:
        raise invalid(f"level: {level!r} is not a level ({', '.join(LEVELS)})")
    return level  # type: ignore[return-value]


MinWeight = Annotated[int, Query(ge=1, le=1_000_000, description="Leave out ties with fewer events.")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
