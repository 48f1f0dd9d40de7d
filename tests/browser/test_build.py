"""Building a case through the real page: typing into Streamlit's data grid (glide), seeing the
chain drawn, downloading a package both validators accept, and hostile text staying text.

Cells are reached as a person reaches them: click the first cell of a row, move with the arrow
keys, Enter to open the cell's editor, type (or type to filter a drop-down), Enter to confirm.
Each confirmed edit is taken into the draft (the verdict's container names the draft's
revision), which is what every step waits for; the grid itself stays as it is.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import PROJECT, screenshot, wait_for_app, watch

pytestmark = pytest.mark.browser
GRID = "[class*='st-key-build-'][class*='-grid-']"
REVISION = "[class*='st-key-build-checks-rev-']"
SELECTED = GRID + " td[aria-selected=true][data-testid=glide-cell-{col}-{row}]"
EDITOR = "#portal [id^=gdg-overlay]"  # the grid's cell editor, open
INJECTION = PROJECT / "tests" / "fixtures" / "hostile-cases" / "injection"
FRICTIONLESS = Path(sys.executable).parent / "frictionless"


@pytest.fixture
def page_1440(browser):
    """A 1440x900 window that records requests leaving the machine and dialogs."""
    context = browser.new_context(viewport={"width": 1440, "height": 900},
                                  accept_downloads=True)
    seen = watch(context)
    page = seen.page
    page.outside, page.dialogs = seen.outside, seen.dialogs
    yield page
    screenshot(page, "build-last")  # where the page was when the test ended
    context.close()


# The key a container was given, read from its classes (the others are styles, which change as
# the page redraws and say nothing about what it holds).
_KEY_OF = "e => (e.getAttribute('class').match(/st-key-\\S+/) || [''])[0]"


def _grid_class(page) -> str:
    return page.locator(GRID).first.evaluate(_KEY_OF)


def _revision(page) -> str:
    return page.locator(REVISION).first.evaluate(_KEY_OF)


def _changed(page, selector: str, before: str, timeout: int) -> None:
    """Wait until the element's key is no longer `before`, and the run is over."""
    page.wait_for_function(
        f"([sel, before]) => {{ const e = document.querySelector(sel);"
        f" return e && ({_KEY_OF})(e) !== before; }}", arg=[selector, before],
        timeout=timeout)
    wait_for_app(page)


def _after_edit(page, before: str, timeout: int = 30_000) -> None:
    """Wait until the draft has taken the edit (a new revision), and the run is over."""
    _changed(page, REVISION, before, timeout)


def _select_cell(page, row: int, col: int) -> None:
    # The editor of the previous cell must be gone: keys typed now would go to it.
    page.locator(EDITOR).first.wait_for(state="detached", timeout=10_000)
    grid = page.locator(GRID + " [data-testid=stDataFrameResizable]").first
    grid.evaluate("e => e.scrollIntoView({block: 'center', behavior: 'instant'})")
    # The grid keeps its own scroll between edits: back to its first column.
    grid.evaluate("e => { const s = e.querySelector('.dvn-scroller'); if (s) s.scrollLeft = 0; }")
    page.wait_for_function(
        "sel => (document.querySelector(sel)?.scrollLeft ?? 0) === 0",
        arg=GRID + " .dvn-scroller", timeout=5_000)
    box = grid.bounding_box()
    first = page.locator(SELECTED.format(col=1, row=row))
    for _ in range(3):  # a click landing while the grid lays itself out is not taken
        page.mouse.click(box["x"] + 50, box["y"] + 35 + 35 * row + 17)
        try:
            first.wait_for(state="attached", timeout=3_000)
            break
        except Exception:  # noqa: BLE001 - click again
            continue
    first.wait_for(state="attached", timeout=3_000)
    for _ in range(col):  # the grid takes keys in order: wait for the last one only
        page.keyboard.press("ArrowRight")
    page.locator(SELECTED.format(col=col + 1, row=row)).wait_for(state="attached",
                                                                  timeout=5_000)


def put(page, row: int, col: int, text: str | None = None, kind: str = "text") -> None:
    """Type `text` into a cell (`col` counts the grid's columns from 0), choose it in a
    drop-down (`select`), add it to a multi-choice cell (`multi`) or tick a box (`toggle`).

    A key pressed while the grid is still being laid out after the previous edit can be lost;
    then the edit is made again, once."""
    for attempt in (1, 2):
        before = _revision(page)
        _select_cell(page, row, col)
        if kind == "toggle":
            page.keyboard.press(" ")
        else:
            page.keyboard.press("Enter")
            page.locator(EDITOR).first.wait_for(timeout=5_000)
            if kind == "text":  # the editor opens on the cell's text: replace it
                page.locator(f"{EDITOR} textarea, {EDITOR} input").first.fill(text)
            else:  # type to filter the drop-down
                page.keyboard.type(text)
            page.keyboard.press("Enter")
            if kind == "multi":
                page.keyboard.press("Enter")  # the first Enter picks, the second confirms
        try:
            _after_edit(page, before, timeout=10_000 if attempt == 1 else 30_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def cell_text(page, row: int, col: int) -> str:
    """What the grid holds in a cell, read from its accessible table."""
    return page.locator(f"{GRID} [data-testid=glide-cell-{col + 1}-{row}]").first.inner_text()


def add_row(page) -> None:
    before = _revision(page)
    frame = page.locator(GRID + " [data-testid=stDataFrame]").first
    frame.evaluate("e => e.scrollIntoView({block: 'center', behavior: 'instant'})")
    frame.hover()  # the toolbar shows over a hovered grid
    # The grid's top edge may lie over the button: the click goes to the button itself.
    page.locator(GRID).first.get_by_role("button", name="Add row").dispatch_event("click")
    _after_edit(page, before)


def open_table(page, name: str) -> None:
    before = _grid_class(page)
    page.locator(".st-key-build-table-select").get_by_role("radio", name=name,
                                                            exact=True).click()
    _changed(page, GRID, before, 30_000)
    # The new grid has laid out its cells (its accessible table is there).
    page.locator(GRID + " [data-testid=glide-cell-1-0], " + GRID + " table[role=grid]"
                 ).first.wait_for(state="attached", timeout=10_000)


def fill_meta(page, label: str, text: str) -> None:
    """Type a text of the case's metadata and wait until the draft holds it: otherwise the next
    step would take this edit's revision for its own."""
    before = _revision(page)
    box = page.get_by_role("textbox", name=label, exact=True)
    box.fill(text)
    box.press("Control+Enter" if label == "Description" else "Enter")
    _after_edit(page, before)


def download_zip(page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the case (zip)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def both_validators(archive: Path, tmp_path: Path) -> list[subprocess.CompletedProcess]:
    """`python -m app.core.validate` and `frictionless validate` on the unpacked folder."""
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path / "unpacked")
    folder = next((tmp_path / "unpacked").iterdir())
    return [subprocess.run([sys.executable, "-m", "app.core.validate", str(folder)],
                           cwd=PROJECT, capture_output=True, text=True),
            subprocess.run([str(FRICTIONLESS), "validate", str(folder / "datapackage.json")],
                           cwd=PROJECT, capture_output=True, text=True)]


def test_a_three_actor_case_typed_into_the_grid(server, page_1440, tmp_path):
    page = page_1440
    page.goto(f"{server}/build")
    wait_for_app(page)
    fill_meta(page, "Title", "A chain typed in the browser")
    fill_meta(page, "AI product", "Image recognition service")
    fill_meta(page, "Period", "2024")
    fill_meta(page, "Description", "A firm, its platform and the workers it recruits.")

    # Sources: source_id, citation, year, kind, url, primary.
    add_row(page)
    put(page, 0, 0, "S1")
    put(page, 0, 1, "Author, A. (2024). Fieldwork on data work. Journal 1(1).")
    put(page, 0, 2, "2024")
    put(page, 0, 3, "Article", "select")
    put(page, 0, 5, kind="toggle")
    # Actors: actor_id, name, actor_type, source_ids, certainty, country, country_source_ids.
    open_table(page, "Actors")
    actors = [("firm", "AI firm", "AI company", "France"),
              ("platform", "Task platform", "Platform", None),
              ("workers", "Data workers", "Workers", "Madagascar")]
    for row, (key, name, kind, country) in enumerate(actors):
        add_row(page)
        put(page, row, 0, key)
        put(page, row, 1, name)
        put(page, row, 2, kind, "select")
        put(page, row, 3, "S1", "multi")
        put(page, row, 4, "Documented", "select")
        if country:
            put(page, row, 5, country, "select")
            put(page, row, 6, "S1", "multi")
    # Links: link_id, from_actor, to_actor, relation, source_ids, certainty.
    open_table(page, "Links")
    for row, (key, start, end, relation) in enumerate(
            [("l1", "firm", "platform", "outsources to"),
             ("l2", "platform", "workers", "recruits")]):
        add_row(page)
        put(page, row, 0, key)
        put(page, row, 1, start, "select")
        put(page, row, 2, end, "select")
        put(page, row, 3, relation, "select")
        put(page, row, 4, "S1", "multi")
        put(page, row, 5, "Documented", "select")
    # Tasks: task_id, actor_id, task, function, data_type, paid (ticked), source_ids, certainty.
    open_table(page, "Tasks")
    add_row(page)
    put(page, 0, 0, "t1")
    put(page, 0, 1, "workers", "select")
    put(page, 0, 2, "Check the model's labels")
    put(page, 0, 3, "Verification", "select")
    put(page, 0, 4, "Image", "select")
    put(page, 0, 6, "S1", "multi")
    put(page, 0, 7, "Documented", "select")

    try:
        page.get_by_text("Valid: ready to download").wait_for(timeout=30_000)
    except PlaywrightTimeout:  # say which edit did not take: the problems the page lists
        screenshot(page, "build-not-valid")
        checks = page.locator(REVISION).first.inner_text(timeout=5_000)
        raise AssertionError(f"not valid after every edit; the checks say:\n{checks}") from None
    page.get_by_text("Drawn from the rows valid so far: 3 actors, 2 links.").wait_for()
    graph = page.frame_locator("iframe").first
    graph.locator("#mynetwork canvas").wait_for(timeout=30_000)
    screenshot(page, "build-valid-1440")

    archive = download_zip(page, tmp_path)
    assert archive.name == "a-chain-typed-in-the-browser.zip"
    ours, theirs = both_validators(archive, tmp_path)
    assert ours.returncode == 0, ours.stdout
    assert theirs.returncode == 0, theirs.stdout
    with zipfile.ZipFile(archive) as zipped:
        actors_csv = zipped.read("a-chain-typed-in-the-browser/actors.csv").decode()
    rows = list(csv.DictReader(io.StringIO(actors_csv)))
    assert [(r["actor_id"], r["actor_type"], r["country"]) for r in rows] == [
        ("firm", "ai_company", "FR"), ("platform", "platform", ""),
        ("workers", "worker_pool", "MG")]

    # Shown on every page of this session, as an upload is.
    page.get_by_role("button", name="Show it on every page").click()
    page.get_by_text("Its chain").wait_for(timeout=30_000)
    page.get_by_text("Its chain").click()
    page.wait_for_url(re.compile(r"/chain\?case=a-chain-typed-in-the-browser"))
    wait_for_app(page)
    page.get_by_role("heading", name="A chain typed in the browser").wait_for()
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=30_000)
    # The draft is still there when coming back.
    page.get_by_role("link", name="Build a case").click()
    wait_for_app(page)
    # The page's widgets get their values with its run: waited for, not read at once.
    expect(page.get_by_role("textbox", name="Title", exact=True)).to_have_value(
        "A chain typed in the browser", timeout=15_000)
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.outside == [] and page.dialogs == []


def _injection_names() -> list[str]:
    with (INJECTION / "actors.csv").open(encoding="utf-8") as handle:
        return [row["name"] for row in csv.DictReader(handle)]


def test_hostile_text_typed_into_cells_stays_text(server, page_1440, tmp_path):
    page = page_1440
    page.goto(f"{server}/build?start=template")
    wait_for_app(page)
    names = _injection_names()[:2]  # an <img onerror> and a </script><script>
    open_table(page, "Actors")
    for row, name in enumerate(names):
        put(page, row, 1, name)
        assert cell_text(page, row, 1) == name
    open_table(page, "Tasks")
    task_payload = "<iframe src=javascript:alert('link')></iframe>"
    put(page, 0, 2, task_payload)  # the task's words
    assert cell_text(page, 0, 2) == task_payload
    page.get_by_text("Valid: ready to download").wait_for(timeout=30_000)
    graph = page.frame_locator("iframe").first
    graph.locator("#mynetwork canvas").wait_for(timeout=30_000)
    # The graph's data carry the names as text; nothing from them became an element.
    source = page.locator("iframe").first.get_attribute("srcdoc") or ""
    assert "<img src=x" not in source and "<script>alert" not in source
    assert graph.locator("img, iframe, svg[onload]").count() == 0

    # A cell a spreadsheet would run: refused by the validator, shown as text, and quoted in
    # the download.
    formula = '=HYPERLINK("http://203.0.113.9/","click")'
    put(page, 1, 2, formula)
    page.get_by_text("1 problem to fix").wait_for(timeout=30_000)
    screenshot(page, "build-hostile")
    archive = download_zip(page, tmp_path)
    with zipfile.ZipFile(archive) as zipped:
        folder = zipped.namelist()[0].split("/")[0]
        actors = list(csv.DictReader(io.StringIO(zipped.read(f"{folder}/actors.csv").decode())))
        tasks = list(csv.DictReader(io.StringIO(zipped.read(f"{folder}/tasks.csv").decode())))
    assert [a["name"] for a in actors] == names
    assert [t["task"] for t in tasks] == [task_payload, "'" + formula]
    assert page.dialogs == [] and page.outside == []
    assert page.locator("[data-testid=stException]").count() == 0


def test_the_page_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server}/build?start=template")
        wait_for_app(page)
        page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(
            timeout=30_000)
        screenshot(page, "build-390")
        page.screenshot(path=str(PROJECT / "tests" / "artifacts" / "build-390-full.png"),
                        full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        assert page.locator("[data-testid=stException]").count() == 0
    finally:
        context.close()
