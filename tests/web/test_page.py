"""The web page in a real headless Chromium (Debian's), driven by Playwright, over a real server.

The server is the real app under uvicorn on 127.0.0.1 (a free port, in a thread); the browser
is /usr/bin/chromium (never a downloaded one). Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsgraph.api.app import create_app, static_dir

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXPECTED_EVIDENCE = {
    "The United States accused Russia of supplying arms to the Taliban.",
    "Russian intelligence has secretly shared information with the Taliban, Afghan officials said.",
    "Zamir Kabulov met Taliban envoys in Moscow.",
    "Igor Sergun of the GRU met Taliban commanders in Tajikistan.",
}


def _require(ready: bool, message: str) -> None:
    # On a developer's machine a missing browser or build skips; in CI it fails.
    if not ready:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def serving(db_path: Path) -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, stopped on exit."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(db_path),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="none",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    _require((static_dir() / "index.html").is_file(), "the web page is not built (make web)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def page_of(browser: Any, url: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1500, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.wait_for_selector("body[data-status=ready]", timeout=30_000)
    yield page
    assert errors == [], errors
    page.close()


def poll(page: Any, script: str, timeout: float = 30.0) -> Any:
    """Evaluate ``script`` until it is truthy (the page's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout
    while not (value := page.evaluate(script)):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for: {script}")
        page.wait_for_timeout(50)
    return value


def drawn(page: Any) -> tuple[int, int]:
    counts = page.evaluate("() => [window.newsgraph.cy.nodes().length, window.newsgraph.cy.edges().length]")
    return int(counts[0]), int(counts[1])


def set_level(page: Any, level: str) -> None:
    page.click(f"input[name=level][value={level}]")
    page.wait_for_selector(f"body[data-status=ready][data-level={level}]")


def click_edge(page: Any, edge_id: str) -> None:
    """Zoom to the edge as an analyst would, then click a point of it that no node covers and no
    other edge passes near (the layout may put a third node, or a crossing edge, right on the
    edge's middle)."""
    point = page.evaluate(
        """(id) => {
            const cy = window.newsgraph.cy;
            const edge = cy.getElementById(id);
            if (edge.empty()) return null;
            cy.fit(edge.union(edge.connectedNodes()), 160);
            const box = cy.container().getBoundingClientRect();
            const boxes = cy.nodes().map((n) => n.renderedBoundingBox());
            // other edges as two straight pieces through their midpoint: near enough to a curve
            const pieces = cy.edges().not(edge).filter((e) => e.visible()).map((e) => {
                const m = e.renderedMidpoint();
                return [[e.renderedSourceEndpoint(), m], [m, e.renderedTargetEndpoint()]];
            }).flat();
            const away = (p, [u, v]) => {
                const dx = v.x - u.x, dy = v.y - u.y, len = dx * dx + dy * dy || 1;
                const t = Math.max(0, Math.min(1, ((p.x - u.x) * dx + (p.y - u.y) * dy) / len));
                return Math.hypot(p.x - (u.x + t * dx), p.y - (u.y + t * dy)) > 8;
            };
            const free = (p) => boxes.every(
                (b) => p.x < b.x1 - 4 || p.x > b.x2 + 4 || p.y < b.y1 - 4 || p.y > b.y2 + 4)
                && pieces.every((piece) => away(p, piece));
            const mid = edge.renderedMidpoint();
            const a = edge.renderedSourceEndpoint(), b = edge.renderedTargetEndpoint();
            const candidates = [mid];
            for (const t of [0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.35, 0.65, 0.2, 0.8, 0.15, 0.85]) {
                // along the source-to-target line, bent towards the midpoint as the curve is
                const line = {x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t};
                const bend = 1 - Math.abs(0.5 - t) * 2;
                const straight = {x: a.x + (b.x - a.x) * 0.5, y: a.y + (b.y - a.y) * 0.5};
                candidates.push({x: line.x + (mid.x - straight.x) * bend, y: line.y + (mid.y - straight.y) * bend});
            }
            const p = candidates.find(free) || mid;
            return [box.left + p.x, box.top + p.y];
        }""",
        edge_id,
    )
    assert point is not None, f"edge {edge_id} is not drawn"
    page.mouse.click(point[0], point[1])


def shoot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_page_draws_filters_and_shows_evidence(browser, handmade_path):
    with serving(handmade_path) as url, page_of(browser, url) as page:
        # 1. the network is drawn on the canvas
        assert drawn(page) == (13, 16)
        assert page.locator("#graph canvas").count() >= 1
        assert "13 nodes, 16 ties" in page.inner_text("#status")

        # 2. country level: Russia's organs and officials roll up into one Russia -> Taliban edge
        set_level(page, "country")
        assert drawn(page) == (7, 12)
        click_edge(page, "RUS->taliban")
        page.wait_for_selector("body[data-edge-events='4']")
        assert page.inner_text("#selection-title") == "Russia → Taliban"
        sentences = set(page.locator("#edge-events .evidence").all_inner_texts())
        assert sentences == EXPECTED_EVIDENCE
        assert "covert" in page.inner_text("#edge-events")
        assert "according to Afghan officials (said)" in page.inner_text("#edge-events")

        # 3. an event opens its article, mentions and event highlighted, markup shown as text
        page.locator("#edge-events button.event", has_text="supplying arms").click()
        page.wait_for_selector("#article-text .evidence-span")
        assert page.inner_text("#article-title") == "US accuses Russia of arming the Taliban"
        highlighted = "".join(page.locator("#article-text .evidence-span").all_inner_texts())
        assert highlighted == "Russia of supplying arms to the Taliban"
        assert page.locator("#article-text .trigger").inner_text() == "supplying"
        assert page.locator("#article-text .mention.participant").count() >= 2
        text = page.inner_text("#article-text")
        assert "<img src=x onerror=" in text and "<script>" in text
        assert page.locator("#article-text img, #article-text script").count() == 0
        assert page.evaluate("() => document.body.dataset.pwned") is None
        shoot(page, "web-handmade-evidence.png")

        # 4. the time-window slider filters the edges: from the last month only Doha is left
        page.focus("#from-slider")
        page.keyboard.press("End")
        page.wait_for_selector("#window-label:text-is('2020-02 – 2020-02')")
        page.wait_for_selector("body[data-status=ready][data-edges='2']")
        assert drawn(page) == (2, 2)
        assert page.inner_text("#window-label") == "2020-02 – 2020-02"
        page.keyboard.press("Home")
        page.wait_for_selector("body[data-status=ready][data-edges='12']")


def test_openapi_page_works_offline(browser, handmade_path):
    """/docs renders Swagger UI from our own files under the strict CSP (no CDN)."""
    with serving(handmade_path) as url:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:")) else None)
        page.goto(url + "docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
        assert "newsgraph" in page.inner_text(".swagger-ui .info .title")
        page.wait_for_selector(".opblock-summary-path[data-path='/api/graph']")
        assert errors == [] and outside == []
        page.close()


def test_page_over_the_pipeline_coded_samples(browser, samples_path):
    """End to end: the samples coded by the real pipeline, as ``newsgraph demo`` serves them."""
    with serving(samples_path) as url, page_of(browser, url) as page:
        nodes, edges = drawn(page)
        assert nodes > 20 and edges > 20
        set_level(page, "country")
        _, country_edges = drawn(page)

        # how is Russia linked to the Taliban? chains of ties, each link with its evidence
        page.fill("#link-from", "Russia")
        page.fill("#link-to", "Taliban")
        page.click("#link-form button")
        page.wait_for_selector("body[data-paths]")
        assert int(page.evaluate("() => document.body.dataset.paths")) >= 1
        chains = page.locator(".path-title").all_inner_texts()
        assert chains and all(c.startswith("Russia") and c.endswith("Taliban") for c in chains)
        assert page.locator("#edge-events .evidence").count() >= 2
        assert page.locator("#graph").is_visible()
        shoot(page, "web-samples-russia-taliban.png")

        # the Russia-Taliban edge is drawn; clicking it lists its events and their evidence
        edge = page.evaluate(
            "() => ['RUS->taliban', 'taliban->RUS'].find((id) => window.newsgraph.cy.getElementById(id).nonempty())"
        )
        assert edge, "the demo corpus links Russia and the Taliban directly"
        click_edge(page, edge)
        page.wait_for_selector("#edge-events .evidence")
        title = page.inner_text("#selection-title")
        assert "Russia" in title and "Taliban" in title
        evidence = page.locator("#edge-events .evidence").all_inner_texts()
        assert evidence and all("Taliban" in s or "Russia" in s for s in evidence)
        page.locator("#edge-events button.event").first.click()
        page.wait_for_selector("#article-text .evidence-span")
        shoot(page, "web-samples-edge.png")

        # the slider narrows the window: fewer edges
        for _ in range(200):
            page.focus("#from-slider")
            page.keyboard.press("PageUp")
            if page.evaluate("() => document.getElementById('window-label').textContent >= '2014'"):
                break
        poll(
            page,
            f"() => document.body.dataset.status === 'ready' && Number(document.body.dataset.edges) < {country_edges}",
        )
        assert drawn(page)[1] < country_edges
