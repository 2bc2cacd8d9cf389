"""The REST API and the web page: a read-only FastAPI app over one newsgraph database.

``create_app(db_path)`` opens the DuckDB file read-only, builds the network's tie table once,
serves the JSON endpoints under ``/api`` (OpenAPI at ``/docs``) and the built web page at ``/``.
Every endpoint is a thin shell over ``newsgraph.store.queries`` and ``newsgraph.network``.

One DuckDB connection serves every request; requests take turns on it (a lock), and DuckDB
parallelises each query over the cores itself.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from newsgraph.api.params import Limit, MinWeight, Offset, filter_dependency, invalid, level_param
from newsgraph.errors import QueryError, StoreError
from newsgraph.models import EVENT_TYPES, MODALITIES
from newsgraph.network import DEFAULT_EDGES, LEVELS, WINDOWS, Level, Network, drawable
from newsgraph.store import Store
from newsgraph.store import queries as q
from newsgraph.store.queries import EventQuery

log = logging.getLogger(__name__)

# Defence in depth for untrusted article text: the page renders it with textContent, and the
# browser is told to run no script and load nothing that is not ours.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' "
    "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
NOT_BUILT = (
    "<!doctype html><meta charset=utf-8><title>newsgraph</title><h1>newsgraph</h1>"
    "<p>The web page is not built. Build it with <code>make web</code> "
    "(<code>npm --prefix web ci && npm --prefix web run build</code>) and restart the server. "
    "The API is up: see <a href=/docs>/docs</a>.</p>"
)

Filters = Annotated[EventQuery, Depends(filter_dependency())]
PathFilters = Annotated[EventQuery, Depends(filter_dependency("start", "end"))]
LevelParam = Annotated[Level, Depends(level_param)]


class Explorer:
    """What the app serves from: the read-only store, its network, and the lock they share."""

    def __init__(self, db_path: Path) -> None:
        self.store = Store(db_path, read_only=True)
        self.network = Network(self.store)
        self.lock = threading.Lock()

    @contextmanager
    def turn(self) -> Iterator[Network]:
        """Hold the connection for one request."""
        with self.lock:
            yield self.network


def static_dir() -> Path:
    """Where the built web page lives (``make web`` writes it)."""
    return Path(str(resources.files("newsgraph.api") / "static"))


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _json(data: Any) -> Response:
    # Encoded here rather than by FastAPI's jsonable_encoder, which walks every value in Python.
    return Response(json.dumps(data, default=_default, ensure_ascii=False), media_type="application/json")


def create_app(db_path: str | Path) -> FastAPI:
    """The FastAPI app over one database, opened read-only.

    Raises:
        StoreError: the file does not exist or cannot be opened.
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database (create it with: newsgraph ingest PATH --db {path})")
    explorer = Explorer(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        explorer.store.close()

    static = static_dir()
    # The built page ships Swagger UI (static/docs/), so /docs works offline under the strict
    # CSP; without the build FastAPI's own /docs page loads it from a CDN.
    own_docs = (static / "docs" / "index.html").is_file()
    app = FastAPI(
        title="newsgraph",
        summary="Who did what to whom, when, where, and according to whom: read-only API.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None if own_docs else "/docs",
        redoc_url=None,
    )
    app.state.explorer = explorer
    _add_handlers(app)
    _add_routes(app, explorer)
    if (static / "index.html").is_file():
        app.mount("/", StaticFiles(directory=static, html=True), name="web")
    else:
        log.warning("%s: web page not built (make web); serving the API only", static)

        @app.get("/", include_in_schema=False)
        def not_built() -> HTMLResponse:
            return HTMLResponse(NOT_BUILT, status_code=503)

    return app


def _add_handlers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response: Response = await call_next(request)
        if request.url.path == "/docs" and app.docs_url:  # FastAPI's page: CDN, inline script
            return response
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(RequestValidationError)
    async def one_line(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"] if p not in ("query", "path", "body"))
        given = first.get("input")
        got = f" (got {given!r})" if isinstance(given, (str, int, float)) else ""
        return JSONResponse({"detail": f"{name}: {first['msg']}{got}"}, status_code=422)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)


def _add_routes(app: FastAPI, explorer: Explorer) -> None:
    @app.get("/api/meta", tags=["meta"])
    def meta() -> Response:
        """What the filters can choose from: date range, types, modalities, publishers, counts."""
        with explorer.turn() as network:
            facets = q.facets(network.store)
        return _json(
            facets
            | {
                "event_types": EVENT_TYPES,
                "all_modalities": MODALITIES,
                "levels": LEVELS,
                "windows": WINDOWS,
            }
        )

    @app.get("/api/articles", tags=["articles"])
    def articles(
        search: Annotated[str | None, Query(description="Words in the title or text.")] = None,
        limit: Limit = 50,
    ) -> Response:
        """Stored articles (without their text), newest first."""
        with explorer.turn() as network:
            rows = q.articles(network.store, search, limit)
        return _json({"articles": rows})

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str) -> Response:
        """One article: its text, actor mentions and events, with character offsets into the text.

        The text is the publisher's, untrusted: show it as text, never as HTML.
        """
        with explorer.turn() as network:
            found = q.article(network.store, article_id)
        if found is None:
            raise HTTPException(404, f"article: no article with id {article_id!r}")
        return _json(found)

    @app.get("/api/actors", tags=["actors"])
    def actors(
        search: Annotated[str | None, Query(description="Part of the actor's name, or its id.")] = None,
        kind: Annotated[str | None, Query(description="state, person, armed_group, ...")] = None,
        country: Annotated[str | None, Query(description="ISO alpha-3 country code.")] = None,
        limit: Limit = 50,
    ) -> Response:
        """Actors with their numbers of events and mentions, most active first."""
        with explorer.turn() as network:
            rows = q.actors(network.store, search, kind, country, limit)
        return _json({"actors": rows})

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    def actor_profile(
        actor_id: str,
        where: Filters,
        by: Literal["month", "year"] = "year",
        ties: Annotated[int, Query(ge=1, le=500, description="Strongest ties to list.")] = 25,
    ) -> Response:
        """An actor's profile: its record, its strongest ties both ways and its timeline."""
        with explorer.turn() as network:
            found = q.actor(network.store, actor_id)
            if found is None:
                raise HTTPException(404, f"actor: no actor with id {actor_id!r}")
            strongest = network.ties(where, "actor", limit=ties, touching=[actor_id])
            timeline = network.timeline(actor_id, None, where, "actor", by)
        return _json(found | {"ties": strongest, "timeline": timeline})

    @app.get("/api/events", tags=["events"])
    def list_events(where: Filters, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Events matching the filters, newest first, one page at a time, with the total."""
        where.limit, where.offset = limit, offset
        with explorer.turn() as network:
            total, rows = q.event_page(network.store, where)
        return _json({"total": total, "limit": limit, "offset": offset, "events": rows})

    @app.get("/api/ties", tags=["network"])
    def ties(
        where: Filters,
        level: LevelParam,
        min_weight: MinWeight = 1,
        window: Annotated[str, Query(description="all, year or month.")] = "all",
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        evidence: Annotated[int, Query(ge=0, le=100, description="Events per tie.")] = 3,
    ) -> Response:
        """Ties (events per directed pair and time window), strongest first, with evidence."""
        if window not in WINDOWS:
            raise invalid(f"window: {window!r} is not a time window ({', '.join(WINDOWS)})")
        with explorer.turn() as network:
            rows = network.ties(where, level, window, min_weight, limit, evidence)  # type: ignore[arg-type]
        return _json({"level": level, "window": window, "ties": rows})

    @app.get("/api/graph", tags=["network"])
    def graph(
        where: Filters,
        level: LevelParam,
        min_weight: MinWeight = 1,
        limit: Annotated[int, Query(ge=1, le=5000, description="Ties to draw.")] = DEFAULT_EDGES,
    ) -> Response:
        """Nodes and edges ready to draw (Cytoscape.js elements): the strongest ties."""
        with explorer.turn() as network:
            drawn = drawable(network.graph(where, level, min_weight, limit))
        return _json(drawn)

    @app.get("/api/edge", tags=["network"])
    def edge(
        source: str,
        target: str,
        where: Filters,
        level: LevelParam,
        both: Annotated[bool, Query(description="Events in both directions.")] = False,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        """The events behind one edge of the graph (node ids as ``/api/graph`` gives them)."""
        where.source = where.target = None  # here they name the edge's nodes, not a filter
        with explorer.turn() as network:
            total, rows = network.edge_events(source, target, where, level, limit, offset, both)
        return _json({"source": source, "target": target, "level": level, "total": total, "events": rows})

    @app.get("/api/paths", tags=["network"])
    def paths(
        source: Annotated[str, Query(alias="from", description="Actor name, id or country code.")],
        target: Annotated[str, Query(alias="to", description="Actor name, id or country code.")],
        where: PathFilters,
        level: LevelParam,
        min_weight: MinWeight = 1,
        max_paths: Annotated[int, Query(ge=1, le=20)] = 3,
        max_length: Annotated[int, Query(ge=1, le=8)] = 4,
        evidence: Annotated[int, Query(ge=0, le=50, description="Events per tie.")] = 5,
    ) -> Response:
        """How two actors are linked: shortest chains of ties and the events on each link.

        Dates are ``start``/``end`` here, since ``from``/``to`` name the two actors.
        """
        with explorer.turn() as network:
            found = network.paths(source, target, where, level, max_paths, max_length, evidence, min_weight)
        return _json(found)

    @app.get("/api/timeline", tags=["network"])
    def timeline(
        where: Filters,
        level: LevelParam,
        actor: Annotated[str | None, Query(description="Node; none for every event.")] = None,
        other: Annotated[str | None, Query(description="Second node: the dyad's events.")] = None,
        by: Literal["month", "year"] = "month",
    ) -> Response:
        """Events per month or year, by QuadClass: of everything, one node, or a dyad."""
        where.actor = None  # ``actor`` names the node here
        with explorer.turn() as network:
            series = network.timeline(actor, other, where, level, by)
        return _json(series)

    @app.get("/api/ego", tags=["network"])
    def ego(
        actor: str,
        where: Filters,
        level: LevelParam,
        min_weight: MinWeight = 1,
        depth: Annotated[int, Query(ge=1, le=4)] = 1,
    ) -> Response:
        """The ego network of an actor, ready to draw."""
        where.actor = None
        with explorer.turn() as network:
            drawn = drawable(network.ego(actor, depth, where, level, min_weight))
        return _json(drawn)

    @app.get("/api/blocs", tags=["network"])
    def blocs(where: Filters, level: LevelParam, min_weight: MinWeight = 1) -> Response:
        """Blocs: communities of net-cooperative ties (Louvain)."""
        with explorer.turn() as network:
            found = network.blocs(where, level, min_weight)
        return _json({"level": level, "blocs": found})

    @app.get("/api/centrality", tags=["network"])
    def centrality(
        where: Filters,
        level: LevelParam,
        min_weight: MinWeight = 1,
        top: Annotated[int, Query(ge=1, le=500)] = 25,
    ) -> Response:
        """The most central nodes: partners, events in/out, betweenness, eigenvector."""
        with explorer.turn() as network:
            rows = network.centrality(where, level, top, min_weight)
        return _json({"level": level, "nodes": rows})
