"""The case dossier: one HTML file that loads nothing and shows every text as text."""

import datetime as dt
import xml.etree.ElementTree as ET
import re
from html.parser import HTMLParser

import pytest

from app.charts.chain_graph import build_chain_graph
from app.charts.dossier import DossierInput, dossier_html
from app.core.load import load_dataset
from app.core.versions import package_of
from conftest import FIXTURES, PROJECT
from conftest import bundled, bundled_case_ids

SVG_NS = "{http://www.w3.org/2000/svg}"

HOSTILE = FIXTURES / "hostile-cases"


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def build(dataset, case_id, package, lang="en", url="http://localhost:8501/chain?case=x"):
    return dossier_html(DossierInput(dataset.only(case_id), case_id, package, url, "0.1.0",
                                     dt.date(2026, 12, 4), lang))


def tags_of(html):
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_hostile_texts_stay_text_and_nothing_is_loaded():
    dataset = load_dataset(HOSTILE, extra_dir=None)
    html = build(dataset, "injection", package_of(HOSTILE / "injection"))
    tags = tags_of(html)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "image"}
    assert all(not key.startswith("on") for _, attrs in tags for key in attrs)
    assert "&lt;img src=x onerror=alert(&#x27;name&#x27;)&gt;" in html
    assert "&lt;/script&gt;&lt;script&gt;" in html
    # Links only where the dossier puts them (sources, link back), never a javascript: one.
    hrefs = [attrs["href"] for tag, attrs in tags if "href" in attrs]
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert ('meta', {'http-equiv': 'Content-Security-Policy',
                     'content': "default-src 'none'; style-src 'unsafe-inline'; "
                                "img-src data:"}) in tags


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_bundled_case_has_its_parts(lang):
    for case_id in bundled().case_ids:
        package = package_of(PROJECT / "data" / "cases" / case_id)
        html = build(bundled(), case_id, package, lang)
        case = bundled().only(case_id)
        assert html.count("<table>") == 3
        # The figure is the paper figure, inline: every actor's label, line by line.
        assert html.count("<svg") == 1
        svg = ET.fromstring(html[html.index("<svg"):html.index("</svg>") + len("</svg>")])
        drawn = "\n".join("".join(el.itertext()) for el in svg.iter(f"{SVG_NS}text"))
        graph = build_chain_graph(case.actors, case.links, case.sources, lang=lang)
        lines = [line for lay in graph.layouts for placed in lay.actors.values()
                 for line in placed.lines]
        assert len(lines) >= len(case.actors)
        assert [line for line in lines if line not in drawn] == []
        # One row per link, actor and task (plus a header row per table).
        assert html.count("<tr>") == len(case.links) + len(case.actors) + len(case.tasks) + 3
        for key in case.sources["source_id"]:
            assert f"[{key}]" in html
        assert f"{package['version']}" in html
        assert "@misc{dlc-" in html
        heading = {"en": "How to cite", "fr": "Comment citer"}[lang]
        assert f"<h2>{heading}</h2>" in html
        assert re.search(r'<a href="http://localhost:8501/chain\?case=x">', html)
