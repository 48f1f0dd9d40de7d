"""WCAG 2.1 AA in a real Chromium: axe-core's rules on every page, in English and in French.

axe-core comes from the npm registry through the project's own install step (`npm ci` in
`scripts/setup.sh --test`, pinned in package-lock.json) and is injected into the page from
`node_modules/`, so the test needs no network.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, PHONE_MENU, PROJECT, assert_clean, wait_for_app

pytestmark = pytest.mark.browser
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["", "chain?case=voice-assistant", "flows", "functions", "compare", "platforms",
         "figures", "sources", "upload"]

# Streamlit's own markup, not ours: the sidebar's page list (a navigation with sections) is a
# <ul> holding one <div> per section ("list"), and each section's <li> links sit in that
# <div>, not in a list ("listitem"). Only these two rules, only inside the sidebar's
# navigation.
STREAMLIT_OWN = {"list", "listitem"}

# Streamlit's own running indicator ("Running…", "Stop"), shown in the header while a script
# runs: its grey is Streamlit's, not the theme's, and a run that starts as axe looks (a rerun
# the page asks for) would otherwise make the result depend on timing.
RUN_AXE = """async (tags) => {
  const context = {include: [document], exclude: [['[data-testid=stStatusWidget]']]};
  const result = await axe.run(context, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                              summary: (n.failureSummary || '').slice(0, 300),
                              inSidebarNav: !!document.querySelector(n.target.join(' '))
                                  ?.closest('[data-testid=stSidebarNav]')}))}));
}"""


def ours(violations: list[dict]) -> list[dict]:
    """The violations left once Streamlit's own sidebar markup is set aside."""
    left = []
    for violation in violations:
        nodes = [n for n in violation["nodes"]
                 if not (violation["id"] in STREAMLIT_OWN and n["inSidebarNav"])]
        if nodes:
            left.append(violation | {"nodes": nodes})
    return left


def drawn(page) -> None:
    """Wait until what the page draws is drawn (charts, the chain's graph), so that axe sees
    the page as a reader does."""
    page.wait_for_function("""() => {
      const main = document.querySelector('[data-testid=stMainBlockContainer]');
      if (!main || !main.querySelector('h1, [data-testid=stMarkdownContainer]')) return false;
      // A rerun fades what it has not redrawn yet: wait until nothing is faded.
      if (document.querySelector('[data-stale=true]')) return false;
      const charts = main.querySelectorAll('[data-testid=stVegaLiteChart]');
      return [...charts].every(c => c.querySelector('.vega-embed canvas, .vega-embed svg'));
    }""", timeout=30_000)


def assert_no_violation_of_ours(page, axe_path: str) -> None:
    """Run axe-core on the page as it is and report our violations, five nodes each."""
    page.add_script_tag(path=axe_path)
    violations = ours(page.evaluate(RUN_AXE, TAGS))
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(
        f"{n['target']} {n['html']}: {n['summary']}" for n in v["nodes"][:5]) for v in violations)
    assert not violations, report


@pytest.fixture(scope="module")
def axe_path():
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `bash scripts/setup.sh --test` (npm ci)")
    return str(AXE)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violation_of_ours(server, watched, axe_path, path, lang):
    page = watched.page
    joiner = "&" if "?" in path else "?"
    page.goto(f"{server}/{path}{joiner}lang={lang}")
    wait_for_app(page)
    drawn(page)
    assert_no_violation_of_ours(page, axe_path)
    assert_clean(watched)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_phones_menu_has_no_wcag_violation_of_ours(server, watched_context, axe_path, lang):
    watched = watched_context(**PHONE)
    page = watched.page
    page.goto(f"{server}/functions?lang={lang}")
    wait_for_app(page)
    drawn(page)
    page.locator(PHONE_MENU).click()
    page.locator("[data-testid=stPopoverBody] [data-testid=stPageLink]").first.wait_for()
    assert_no_violation_of_ours(page, axe_path)
    assert_clean(watched)
