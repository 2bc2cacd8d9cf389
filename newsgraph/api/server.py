"""Serving the app: ``newsgraph serve`` and the end of ``newsgraph demo``."""

from __future__ import annotations

import ipaddress
import logging
import threading
import webbrowser
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """True when ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db_path: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    log_level: str = "info",
) -> None:
    """Serve the REST API and the web page over a database until interrupted (Ctrl-C).

    Args:
        db_path: the DuckDB file, opened read-only.
        host: the address to bind; loopback unless told otherwise.
        port: the TCP port.
        open_browser: open the page in the default browser once the server is up.
        log_level: uvicorn's log level.

    Raises:
        StoreError: the database does not exist or cannot be opened.
    """
    import uvicorn

    from newsgraph.api.app import create_app

    app = create_app(db_path)
    if not is_loopback(host):
        log.warning("serving %s on %s: every article in it is readable from the network", db_path, host)
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    uvicorn.run(app, host=host, port=port, log_level=log_level)
