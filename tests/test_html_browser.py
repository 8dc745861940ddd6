"""The HTML page in a real browser: it loads offline and clean, searches, opens panels, obeys the keyboard, zooms.

Each test opens a page that the engine wrote from an example (or from a
hostile map) from disk in headless Chromium, as a reader would open it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from argmap import ArgumentMap, Attribution, Claim, Source, load
from argmap.drawing import render
from argmap.render import DotOptions
from argmap.render._quoting import node_id
from argmap.render.html import HtmlOptions
from tests.browser import Visit, until, visit
from tests.conftest import ROOT
from tests.golden import example_paths
from tests.watching import RENDERED, Watching

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.dot]

HOSTILE = "</script><script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(2)">'
EXAMPLES = {path.stem: path for path in example_paths()}


@pytest.fixture
def opened(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Return a function that opens a page in a fresh context, closed after the test."""
    visits: list[Visit] = []

    def open_page(path: Path | str, **size: int) -> Visit:
        url = path.as_uri() if isinstance(path, Path) else path
        seen = visit(browser, url, **size)
        visits.append(seen)
        return seen

    yield open_page
    for seen in visits:
        seen.page.context.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Return each example's page, written by the engine as `argmap render -f html` writes it."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for name, path in EXAMPLES.items():
        amap = load(path)
        options = DotOptions(group_by="document" if amap.documents else "none")
        written[name] = render(amap, folder / f"{name}.html", options=options)
    return written


def scale(visit: Visit) -> float:
    """Return how many screen pixels one unit of the diagram takes now."""
    result: float = visit.page.evaluate(
        "() => { const v = document.querySelector('#argmap-view svg').viewBox.baseVal;"
        " return document.getElementById('argmap-view').getBoundingClientRect().width / v.width; }"
    )
    return result


def view_box(visit: Visit) -> list[float]:
    """Return the diagram's viewBox: x, y, width, height."""
    box: list[float] = visit.page.evaluate(
        "() => { const v = document.querySelector('#argmap-view svg').viewBox.baseVal;"
        " return [v.x, v.y, v.width, v.height]; }"
    )
    return box


def rect(visit: Visit, selector: str) -> dict[str, float]:
    """Return the bounding rectangle of the element *selector* finds."""
    found: dict[str, float] = visit.page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }",
    )
    return found


def centred(visit: Visit, node: str) -> bool:
    """Tell whether the claim *node* sits in the middle of the diagram's view."""
    box = rect(visit, "#argmap-view")
    shown = rect(visit, f"[id='{node}']")
    return (
        abs((shown["left"] + shown["right"]) / 2 - (box["left"] + box["right"]) / 2) < 2
        and abs((shown["top"] + shown["bottom"]) / 2 - (box["top"] + box["bottom"]) / 2) < 2
    )


def inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    """Tell whether the rectangle *inner* lies within *outer*, give or take half a pixel."""
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and inner["top"] >= outer["top"] - 0.5
        and inner["bottom"] <= outer["bottom"] + 0.5
    )


# ------------------------------------------------------------------ loading


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_page_loads_offline_with_no_console_error(
    name: str, pages: dict[str, Path], opened: Callable[..., Visit]
) -> None:
    """The page asks for nothing but itself, logs no error or warning, and makes every claim a keyboard stop."""
    seen = opened(pages[name])
    amap = load(EXAMPLES[name])
    assert seen.requests == [pages[name].as_uri()]
    assert seen.complaints == []
    focusable = seen.page.eval_on_selector_all("g.claim[tabindex='0'][role='button']", "nodes => nodes.length")
    assert focusable == len(amap.claims)
    labels = seen.page.eval_on_selector_all("g.claim", "nodes => nodes.map(n => n.getAttribute('aria-label'))")
    assert all(any(label.startswith(claim.text) for claim in amap.claims) for label in labels)
    whole = rect(seen, "#argmap-view svg > g")
    assert inside(whole, rect(seen, "#argmap-view"))  # fitted on opening


# ------------------------------------------------------------------ search


def test_search_finds_scahill_and_moves_to_his_claim(pages: dict[str, Path], opened: Callable[..., Visit]) -> None:
    """Typing "Scahill" finds the one claim he made, marks it and brings it to the middle of the view, readable."""
    seen = opened(pages["wire_cia_drawdown"])
    seen.page.fill("#argmap-search", "Scahill")
    assert seen.page.text_content("#argmap-count") == "1 of 1"
    node = "claim-scahill-tweet"
    assert seen.page.eval_on_selector(f"[id='{node}']", "n => [...n.classList]") == [
        "node",
        "claim",
        "match",
        "current",
    ]
    assert centred(seen, node)
    assert scale(seen) >= 0.8  # zoomed in to read it
    dimmed = seen.page.eval_on_selector("[id='claim-lakhani-doubt']", "n => getComputedStyle(n).opacity")
    assert float(dimmed) < 1


def test_enter_steps_through_the_matches_and_shift_enter_back(
    pages: dict[str, Path], opened: Callable[..., Visit]
) -> None:
    """Several matches: Enter moves to the next, Shift+Enter back, each brought to the middle; no match says so."""
    seen = opened(pages["wire_cia_drawdown"])
    seen.page.fill("#argmap-search", "drone strikes")
    total = seen.page.eval_on_selector_all("g.claim.match", "nodes => nodes.length")
    assert total >= 3
    first = seen.page.eval_on_selector("g.claim.current", "n => n.id")
    seen.page.press("#argmap-search", "Enter")
    assert seen.page.text_content("#argmap-count") == f"2 of {total}"
    second = seen.page.eval_on_selector("g.claim.current", "n => n.id")
    assert second != first
    assert centred(seen, second)
    seen.page.press("#argmap-search", "Shift+Enter")
    assert seen.page.eval_on_selector("g.claim.current", "n => n.id") == first
    seen.page.fill("#argmap-search", "zeppelin")
    assert seen.page.text_content("#argmap-count") == "no claim matches"
    assert seen.page.eval_on_selector_all("g.claim.match", "nodes => nodes.length") == 0


# ------------------------------------------------------------------ the side panel


def test_clicking_lakhanis_claim_shows_her_outlet_in_the_panel(
    pages: dict[str, Path], opened: Callable[..., Visit]
) -> None:
    """Clicking Lakhani's claim opens the panel: her words, her name and "Changing Up Pakistan", what she answers."""
    seen = opened(pages["wire_cia_drawdown"])
    assert seen.page.is_hidden("#argmap-panel")
    seen.page.click("[id='claim-lakhani-doubt']")
    panel = seen.page.inner_text("#argmap-panel")
    assert "The U.S. will not stop its drone strikes because of vague Pakistani complaints." in panel
    assert "Kalsoom Lakhani (Changing Up Pakistan)" in panel
    assert "Medium\tblog" in panel or "Medium\nblog" in panel
    assert "Responds skeptically to" in panel
    assert seen.page.evaluate("location.hash") == "#claim=lakhani-doubt"
    assert seen.complaints == []


def test_a_link_in_the_panel_moves_to_that_claim(pages: dict[str, Path], opened: Callable[..., Visit]) -> None:
    """The claim she answers is a link: following it opens that claim, centred, both skeptical responses as links."""
    seen = opened(pages["wire_cia_drawdown"])
    seen.page.click("[id='claim-lakhani-doubt']")
    seen.page.click("#argmap-panel a.claim-link")
    assert seen.page.text_content("#argmap-panel .claim-text") == (
        "Pakistan's demands will reduce the C.I.A. presence in the country."
    )
    assert seen.page.text_content("#argmap-panel h2") == "Main conclusion"
    assert centred(seen, "claim-fewer-cia")
    skeptics = seen.page.eval_on_selector_all(
        "#argmap-panel h3:text('Skeptical responses') + ul a.claim-link", "links => links.map(a => a.dataset.claim)"
    )
    assert skeptics == ["scahill-tweet", "lakhani-doubt"]
    assert seen.page.evaluate("document.activeElement.id") == "argmap-panel-title"


def test_the_panel_shows_the_attribution_chain_quote_and_links(
    pages: dict[str, Path], opened: Callable[..., Visit]
) -> None:
    """A claim said through others shows each "via", its quote, its medium; an address opens it on load."""
    amap = load(EXAMPLES["wire_cia_drawdown"])
    claim = next(claim for claim in amap.claims if claim.attribution is not None and claim.attribution.via)
    assert claim.attribution is not None
    seen = opened(f"{pages['wire_cia_drawdown'].as_uri()}#claim={claim.id}")
    assert seen.page.is_visible("#argmap-panel")
    panel = seen.page.inner_text("#argmap-panel")
    assert claim.attribution.source.name in panel
    for source in claim.attribution.via:
        assert source.name in panel
    if claim.attribution.quote:
        assert f"“{claim.attribution.quote}”" in panel


def test_hostile_text_shows_as_text_and_runs_nothing(tmp_path: Path, opened: Callable[..., Visit]) -> None:
    """`</script><script>alert(1)</script>` and an <img onerror> are drawn and listed as text; no dialog opens."""
    amap = ArgumentMap(title=HOSTILE, author=IMAGE)
    shouting = Source(IMAGE, affiliation=HOSTILE, url="javascript:alert(3)")
    amap.add(
        Claim(
            HOSTILE,
            attribution=Attribution(shouting, quote=IMAGE, url="javascript:alert(4)"),
            qualifier="<b>bold</b>",
            tags=[HOSTILE],
            id="hostile",
        )
    )
    amap.rebut(amap.claim(IMAGE, id="image"), "hostile", label=HOSTILE)
    path = render(amap, tmp_path / "hostile.html", options=DotOptions(wrap=40))  # the text on one line
    seen = opened(path)
    seen.page.click("[id='claim-hostile']")
    seen.page.wait_for_timeout(300)
    assert seen.dialogs == []
    assert seen.complaints == []
    assert seen.page.title() == HOSTILE
    assert seen.page.text_content("#argmap-panel .claim-text") == HOSTILE
    assert seen.page.text_content("#argmap-panel blockquote") == f"“{IMAGE}”"
    assert seen.page.text_content("#argmap-panel .qualifier") == "[<b>bold</b>]"
    drawn = seen.page.eval_on_selector("[id='claim-hostile']", "n => n.textContent")
    assert HOSTILE in drawn
    assert seen.page.eval_on_selector_all("script", "s => s.length") == 2
    assert seen.page.eval_on_selector_all("img, #argmap-panel b, a[href^='javascript']", "found => found.length") == 0
    assert "javascript:alert(4)" in seen.page.inner_text("#argmap-panel")  # shown, not linked
    seen.page.click("#argmap-panel a.claim-link")  # the rebutting claim
    assert seen.page.text_content("#argmap-panel .claim-text") == IMAGE
    assert seen.dialogs == []


# ------------------------------------------------------------------ the keyboard


def test_tab_reaches_the_claims_enter_opens_one_and_escape_closes_it(
    pages: dict[str, Path], opened: Callable[..., Visit]
) -> None:
    """Tab moves from the controls to the claims and between them; Enter opens the panel; Esc closes it, focus back."""
    seen = opened(pages["wire_cia_drawdown"])
    page = seen.page
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('g.claim')"):
            break
    first = page.evaluate("document.activeElement.id")
    assert first.startswith("claim-")
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.id")
    assert second.startswith("claim-")
    assert second != first
    assert inside(rect(seen, f"[id='{second}']"), rect(seen, "#argmap-view"))  # revealed when focused
    page.keyboard.press("Enter")
    assert page.is_visible("#argmap-panel")
    expected = page.eval_on_selector(f"[id='{second}']", "n => n.getAttribute('aria-label')")
    assert expected.startswith(page.text_content("#argmap-panel .claim-text") or "-")
    assert page.evaluate("document.activeElement.id") == "argmap-panel-title"
    page.keyboard.press("Escape")
    assert page.is_hidden("#argmap-panel")
    assert page.evaluate("document.activeElement.id") == second
    assert page.evaluate("location.hash") == ""


def test_the_keys_zoom_fit_and_search(pages: dict[str, Path], opened: Callable[..., Visit]) -> None:
    """+ and - zoom by a quarter, 0 fits the whole map again, / goes to the search box."""
    seen = opened(pages["merged"])
    page = seen.page
    before = scale(seen)
    page.keyboard.press("+")
    assert scale(seen) == pytest.approx(before * 1.25, rel=0.01)
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert scale(seen) == pytest.approx(before * 1.25 * 0.8 * 0.8, rel=0.01)
    page.keyboard.press("0")
    assert scale(seen) == pytest.approx(before, rel=0.01)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "argmap-search"


# ------------------------------------------------------------------ pan and zoom


def test_buttons_wheel_and_drag_zoom_and_pan_and_fit_shows_everything(
    pages: dict[str, Path], opened: Callable[..., Visit]
) -> None:
    """The buttons zoom about the middle, the wheel about the pointer, a drag pans; Fit brings the whole map back."""
    seen = opened(pages["wire_cia_drawdown"])
    page = seen.page
    before = scale(seen)
    page.click("#argmap-zoom-in")
    assert scale(seen) == pytest.approx(before * 1.25, rel=0.01)
    page.click("#argmap-zoom-out")
    assert scale(seen) == pytest.approx(before, rel=0.01)

    box = rect(seen, "#argmap-view")
    x, y = box["left"] + 300, box["top"] + 200
    left, top, _, _ = view_box(seen)
    under = (left + (x - box["left"]) / scale(seen), top + (y - box["top"]) / scale(seen))
    width = view_box(seen)[2]
    page.mouse.move(x, y)
    page.mouse.wheel(0, -300)
    until(page, f"() => document.querySelector('#argmap-view svg').viewBox.baseVal.width < {width}")
    zoomed = scale(seen)
    assert zoomed > before * 1.2
    left, top, _, _ = view_box(seen)
    pixel = 1 / zoomed  # the wheel's event gives the pointer in whole pixels
    assert (left + (x - box["left"]) / zoomed, top + (y - box["top"]) / zoomed) == pytest.approx(under, abs=pixel)

    left, top, _, _ = view_box(seen)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 60, steps=6)
    page.mouse.up()
    moved_left, moved_top, _, _ = view_box(seen)
    assert (moved_left, moved_top) == pytest.approx((left - 120 / zoomed, top - 60 / zoomed), abs=0.5)
    assert page.is_hidden("#argmap-panel")  # a drag is not a click

    page.click("#argmap-fit")
    assert inside(rect(seen, "#argmap-view svg > g"), rect(seen, "#argmap-view"))
    assert seen.complaints == []


def test_a_pinch_zooms_about_the_fingers(pages: dict[str, Path], opened: Callable[..., Visit]) -> None:
    """Two touch pointers moving apart zoom in by the ratio of their spread."""
    seen = opened(pages["readme"])
    before = scale(seen)
    seen.page.evaluate(
        """() => {
            const view = document.getElementById('argmap-view');
            const r = view.getBoundingClientRect();
            const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
            const send = (type, id, x) => view.dispatchEvent(new PointerEvent(type,
                {pointerId: id, pointerType: 'touch', clientX: x, clientY: cy, bubbles: true, isPrimary: id === 1}));
            send('pointerdown', 1, cx - 50);
            send('pointerdown', 2, cx + 50);
            send('pointermove', 2, cx + 150);
            send('pointerup', 2, cx + 150);
            send('pointerup', 1, cx - 50);
        }"""
    )
    assert scale(seen) == pytest.approx(before * 2, rel=0.02)


# ------------------------------------------------------------------ the legend


def _apart(one: dict[str, float], other: dict[str, float]) -> bool:
    return (
        one["right"] <= other["left"]
        or other["right"] <= one["left"]
        or one["bottom"] <= other["top"]
        or other["bottom"] <= one["top"]
    )


def test_the_legend_starts_closed_and_opened_never_covers_the_open_claim(
    tmp_path: Path, opened: Callable[..., Visit]
) -> None:
    """A claim named in the address, then the legend opened, then each claim opened in turn: none lies under it."""
    amap = load(ROOT / "docs" / "snippets" / "rendering_council.py")
    path = render(amap, tmp_path / "council.html")
    first = amap.claims[3].id  # the economist's claim, drawn low on the left, where the legend opens
    seen = opened(f"{path.as_uri()}#claim={first}", width=900, height=520)  # open, the legend covers the centre
    page = seen.page
    assert page.eval_on_selector(".legend", "d => d.open") is False
    assert page.is_visible(".legend summary")
    page.click(".legend summary")
    page.wait_for_timeout(100)
    assert page.eval_on_selector(".legend", "d => d.open") is True
    for claim in amap.claims:
        if claim.id != first:
            page.evaluate(f"location.hash = '#claim=' + encodeURIComponent({claim.id!r})")
            page.wait_for_timeout(100)
        node = rect(seen, f"[id='{node_id(claim.id)}']")
        assert _apart(node, rect(seen, ".legend")), claim.id


# ------------------------------------------------------------------ reading: 200% zoom, contrast

_CONTRAST = (Path(__file__).with_name("contrast.js")).read_text(encoding="utf-8")


def test_every_text_passes_wcag_aa_contrast_with_panel_legend_and_statuses(
    tmp_path: Path, opened: Callable[..., Visit]
) -> None:
    """Every visible text, of the page and of the diagram, has 4.5:1 against its background (3:1 when large)."""
    amap = load(EXAMPLES["merged"])
    ids = [claim.id for claim in amap.claims]
    statuses = ("accepted", "rejected", "undecided")
    verdicts = {
        id: _Verdict(statuses[number % 3], f"{statuses[number % 3]}: a reason") for number, id in enumerate(ids)
    }
    options = HtmlOptions(diagram=DotOptions(group_by="document"), verdicts=verdicts, semantics="grounded")
    seen = opened(render(amap, tmp_path / "merged.html", "html", options=options))
    seen.page.click("[id='claim-lakhani-doubt']")
    seen.page.click(".legend summary")  # the legend starts closed: opened, its text is checked too
    seen.page.keyboard.press("0")
    result = seen.page.evaluate(_CONTRAST)
    assert result["checked"] > 300
    assert result["failing"] == []


def test_the_page_reads_at_200_percent_zoom(pages: dict[str, Path], opened: Callable[..., Visit]) -> None:
    """At 640 by 400 CSS pixels (a 1280 by 800 window at 200%) nothing scrolls sideways and the panel fits below."""
    seen = opened(pages["wire_cia_drawdown"], width=640, height=400)
    page = seen.page
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for control in ("#argmap-search", "#argmap-next", "#argmap-zoom-in", "#argmap-fit"):
        assert rect(seen, control)["right"] <= width
    assert page.eval_on_selector(".legend", "d => d.open") is False  # folded, to leave the diagram room
    assert rect(seen, "#argmap-view")["bottom"] - rect(seen, "#argmap-view")["top"] > 100
    page.fill("#argmap-search", "Lakhani")
    page.keyboard.press("Escape")  # clears the search
    page.focus("[id='claim-lakhani-doubt']")
    page.keyboard.press("Enter")
    panel = rect(seen, "#argmap-panel")
    assert panel["right"] <= width
    assert panel["bottom"] <= page.evaluate("window.innerHeight") + 0.5
    assert rect(seen, "#argmap-panel .claim-text")["right"] <= width
    assert (
        float(page.eval_on_selector("#argmap-panel .claim-text", "e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# ------------------------------------------------------------------ statuses


class _Verdict:
    """A verdict as an evaluation gives one."""

    def __init__(self, status: str, reason: str) -> None:
        self.status = status
        self.reason = reason


def test_statuses_colour_the_claims_a_toggle_hides_them_and_the_panel_gives_the_reason(
    tmp_path: Path, opened: Callable[..., Visit]
) -> None:
    """Verdicts given directly: badge and fill by status, a toggle that takes them away, reasons that link claims."""
    amap = load(EXAMPLES["readme"])
    fewer, tweet = "pakistans-demands-will-reduce-the-cia", "pk-tells-us-it-must-sharply"
    verdicts: dict[str, Any] = {
        fewer: _Verdict("undecided", f"undecided: answered skeptically by [{tweet}], neither upheld nor dismissed"),
        tweet: _Verdict("accepted", "accepted: nothing attacks it"),
        amap.relations[-1].id: _Verdict("accepted", "accepted: its responding claim stands"),
    }
    path = render(amap, tmp_path / "readme.html", options=HtmlOptions(verdicts=verdicts, semantics="grounded"))
    seen = opened(path)
    page = seen.page
    node = f"[id='claim-{fewer}']"
    fill = f"{node} > path"
    assert page.eval_on_selector(node, "n => n.classList.contains('status-undecided')")
    assert page.eval_on_selector(f"{node} g.badge text", "t => t.textContent") == "○"
    assert page.is_visible(f"{node} g.badge")
    assert page.eval_on_selector(fill, "p => getComputedStyle(p).fill") == "rgb(255, 243, 204)"
    assert page.eval_on_selector(fill, "p => getComputedStyle(p).strokeDasharray") != "none"  # not colour alone
    page.uncheck("#argmap-statuses")
    assert page.is_hidden(f"{node} g.badge")
    assert page.eval_on_selector(fill, "p => getComputedStyle(p).fill") == "rgb(227, 238, 248)"  # Graphviz's own
    page.check("#argmap-statuses")
    page.click(node)
    status = page.inner_text("#argmap-panel .status")
    assert status.startswith("○ Undecided (grounded semantics): answered skeptically by ")
    assert "neither upheld nor dismissed" in status
    answered = page.inner_text("#argmap-panel h3:text('Skeptical responses') + ul")
    assert "? sarcasm" in answered
    assert "✓ accepted: its responding claim stands" in answered  # a relation's verdict beside it
    page.click("#argmap-panel .status a.claim-link")
    assert page.text_content("#argmap-panel .claim-text") == amap.claim_for(tweet).text
    assert page.inner_text("#argmap-panel .status") == "✓ Accepted (grounded semantics): nothing attacks it"
    assert seen.complaints == []


def test_argmap_render_evaluate_colours_every_claim_by_its_grounded_status(
    tmp_path: Path, opened: Callable[..., Visit]
) -> None:
    """`argmap render -f html --evaluate`: each claim's node has evaluate()'s status, the panel its reason."""
    from typer.testing import CliRunner

    from argmap import evaluate
    from argmap.cli import app

    path = tmp_path / "wire.html"
    result = CliRunner().invoke(app, ["render", str(EXAMPLES["wire_cia_drawdown"]), "-o", str(path), "--evaluate"])
    assert result.exit_code == 0, result.output
    seen = opened(path)
    page = seen.page
    verdicts = evaluate(load(EXAMPLES["wire_cia_drawdown"])).verdicts
    shown = page.eval_on_selector_all(
        "g.claim", "nodes => nodes.map(n => [n.id, [...n.classList].find(c => c.startsWith('status-'))])"
    )
    amap = load(EXAMPLES["wire_cia_drawdown"])
    assert sorted(shown) == sorted(
        [f"claim-{claim.id}", f"status-{verdicts[claim.id].status}"] for claim in amap.claims
    )
    page.click("[id='claim-fewer-cia']")
    reason = verdicts["fewer-cia"].reason
    assert reason.startswith("undecided: answered skeptically by [scahill-tweet]")
    shown = re.sub(r"\[([^\]]+)\]", lambda named: amap.claim_for(named[1]).text, reason.partition(": ")[2])
    assert page.inner_text("#argmap-panel .status") == f"○ Undecided (grounded semantics): {shown}"
    assert page.eval_on_selector_all("#argmap-panel .status a.claim-link", "links => links.length") == reason.count("[")
    assert seen.complaints == []


# ------------------------------------------------------------------ live reload under --watch

WATCHED_MAP = """\
from argmap import ArgumentMap
from reasons import REASON

m = ArgumentMap(title="Watched")
m.support(REASON, m.claim("The base is still in use.", id="conclusion"))
MAP = m
"""


def test_the_served_page_reloads_itself_keeping_view_and_panel_and_shows_errors(
    tmp_path: Path, opened: Callable[..., Visit]
) -> None:
    """Open the page --watch serves; edit the imported module: it reloads with the new text, the view kept."""
    (tmp_path / "reasons.py").write_text('REASON = "Drone strikes go on."\n', encoding="utf-8")
    (tmp_path / "map.py").write_text(WATCHED_MAP, encoding="utf-8")
    process = Watching(["render", "map.py", "-f", "html", "--watch"], tmp_path)
    try:
        url = process.expect(r"^serving (http://127\.0\.0\.1:\d+/map\.html): ")[1]
        process.expect(RENDERED)
        seen = opened(url + "#claim=conclusion")
        page = seen.page
        assert page.is_visible("#argmap-panel")
        page.click("#argmap-zoom-in")
        zoomed = scale(seen)

        (tmp_path / "reasons.py").write_text('REASON = "Drone strikes stopped in May."\n', encoding="utf-8")
        process.expect(RENDERED)
        drawn = "document.getElementById('argmap-view').textContent.replace(/\\s+/g, '')"
        until(page, f"() => {drawn}.includes('stoppedinMay')")  # however the shape wraps it
        assert scale(seen) == pytest.approx(zoomed, rel=0.01)  # the view survived the reload
        assert page.text_content("#argmap-panel .claim-text") == "The base is still in use."

        (tmp_path / "map.py").write_text(WATCHED_MAP + "MAP = None\n", encoding="utf-8")
        process.expect("argmap: error: ")
        shown = until(
            page,
            "() => { const shown = document.getElementById('argmap-alert');"
            " return !shown.hidden && shown.textContent; }",
        )
        assert "defines no map" in str(shown)
        (tmp_path / "map.py").write_text(WATCHED_MAP.replace("still in use", "in use again"), encoding="utf-8")
        process.expect(RENDERED)
        until(page, f"() => {drawn}.includes('inuseagain')")
        assert page.is_hidden("#argmap-alert")
        assert seen.complaints == []
        assert process.interrupt() == 0
        until(page, "() => document.getElementById('argmap-alert').textContent.includes('has stopped')")
    finally:
        process.stop()
