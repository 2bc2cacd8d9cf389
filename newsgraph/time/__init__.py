"""When each event happened: date phrases normalised and scoped to their clauses.

``normalise`` (``normalise.py``) turns one date phrase into a TimeSpan against the publication
date: dateparser does full and relative dates ("13 November 2001", "last week", "two years ago",
"on Monday"); what it does not model (years alone, decades, seasons, ranges, "earlier this year",
stretches up to publication) is handled there.

The ``newsgraph_time`` component (``scope.py``) dates every event on the Doc, numbered as the comments use it:
  1. A date phrase in the event's own clause, or in a clause that governs it, dates it
     (basis explicit, or relative when resolved against the publication date).
  2. Otherwise a past-tense event inherits the latest date of its paragraph's narrative
     (basis inherited).
  3. Otherwise the event takes the publication date (basis publication).
A fight the text tells as lasting ("has waged an insurgency for three decades") between the two
sides of a conflict in ``data/conflicts.yaml`` spans that conflict, from its start up to publication
(basis background; ``conflicts.py``). A phrase of time naming a well-known event of
``data/named_events.yaml`` ("after the failed coup", "since 9/11") is a date phrase of that event's
date, for step 1 and 2 alike, and an event noun that names one ("the 9/11 attacks") takes its date
unless a date phrase of its own says otherwise (basis background; ``named_events.py``).
"""

from __future__ import annotations

from newsgraph.time.normalise import normalise, publication_span
from newsgraph.time.scope import EventDater, make_event_dater

__all__ = ["EventDater", "make_event_dater", "normalise", "publication_span"]
