"""REST API and web page (the optional ``serve`` extra: FastAPI and uvicorn).

``create_app(db_path)`` builds the read-only FastAPI app; ``serve(db_path, host, port)`` runs
it with uvicorn on loopback by default.
"""

from newsgraph.api.app import create_app
from newsgraph.api.server import DEFAULT_HOST, DEFAULT_PORT, serve

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "serve"]
