"""The share panel's link and citations: what a reader pastes into a paper must name the view,
and only the view, with the exact data behind it.

Expected values are written here: the BibTeX escapes LaTeX needs, and the data digest as
documented (the first 10 hex digits of a SHA-256 over every data file's path, a NUL byte and
its bytes, in path order).
"""

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from conftest import PROJECT, rerun, run_page

CHAIN = "app_pages/chain.py"
DAY = dt.date(2026, 11, 25)
AWKWARD_TITLE = "Costs {50%} & more"
ESCAPED_TITLE = r"Costs \{50\%\} \& more"


def share_panel(at) -> tuple[str, str, str]:
    """Open the share panel; its link, citation and BibTeX entry."""
    at.session_state["share-panel"] = True
    rerun(at)
    link, text, bibtex, *_ = (c.value for c in at.sidebar.code)
    return link, text, bibtex


def files_digest(*roots: Path) -> str:
    sha = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            sha.update(str(path).encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()[:10]


def test_bibtex_title_escapes_braces_percent_and_ampersand():
    from app.core.share import citation_bibtex

    entry = citation_bibtex(AWKWARD_TITLE, "http://h/chain", "tiny 1.0.0 (files 0a1b2c3d4e)",
                            DAY, "chain")
    title = next(line for line in entry.splitlines() if line.lstrip().startswith("title"))
    assert title.endswith(" " + ESCAPED_TITLE + "},"), title
    # Braces balance, so BibTeX reads the entry to its end.
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")


def test_the_page_cites_an_awkward_case_title_escaped(extra_cases):
    folder = extra_cases("tiny")
    package = folder / "datapackage.json"
    meta = json.loads(package.read_text("utf-8"))
    meta["title"] = AWKWARD_TITLE
    package.write_text(json.dumps(meta), "utf-8")
    _, text, bibtex = share_panel(run_page(CHAIN, case="tiny"))
    assert AWKWARD_TITLE in text  # the plain citation keeps the title as typed
    assert ESCAPED_TITLE in bibtex and "{50%}" not in bibtex


def test_embed_is_not_kept_in_the_shared_link(extra_cases):
    extra_cases("tiny")
    at = run_page(CHAIN, case="tiny", function="verification", embed="true",
                  embed_options="light_theme")
    link, text, bibtex = share_panel(at)
    for shared in (link, text, bibtex):
        assert "embed" not in shared, shared
    query = link.split("?", 1)[1]
    assert sorted(query.split("&")) == ["case=tiny", "function=verification", "lang=en",
                                        "v=tiny:1.0.0"]


def test_citation_names_the_digest_of_the_data_files_and_follows_an_edit(extra_cases,
                                                                        monkeypatch):
    from app.components import data

    monkeypatch.setattr(data, "FINGERPRINT_SECONDS", 0)  # look at the files on every run
    folder = extra_cases("tiny")
    roots = (PROJECT / "data" / "cases", extra_cases.root, PROJECT / "data" / "reference")
    at = run_page(CHAIN, case="tiny")
    _, text, bibtex = share_panel(at)
    before = files_digest(*roots)
    assert f"data: tiny 1.0.0 (files {before})" in text
    assert f"tiny 1.0.0 (files {before})" in bibtex
    # One byte of one source changes the digest the next run cites.
    sources = folder / "sources.csv"
    sources.write_bytes(sources.read_bytes().replace(b"made-up article", b"made-up articles"))
    rerun(at)
    _, text, _ = (c.value for c in at.sidebar.code[:3])
    after = files_digest(*roots)
    assert after != before
    assert f"(files {after})" in text and before not in text


def test_a_view_pinned_to_a_release_cites_its_version_without_a_digest():
    at = run_page(CHAIN, case="voice-assistant", v="voice-assistant:1.0.0")
    _, text, _ = share_panel(at)
    assert "voice-assistant 1.0.0" in text
    assert not re.search(r"files [0-9a-f]{10}", text), text


@pytest.mark.parametrize("lang, words", [("en", "files"), ("fr", "fichiers")])
def test_data_version_wording(tiny_dataset, tmp_path, lang, words):
    from app.core.share import data_version

    path = tmp_path / "actors.csv"
    path.write_bytes(b"actor_id\nfirm\n")
    stat = path.stat()
    digest = hashlib.sha256(str(path).encode() + b"\0" + b"actor_id\nfirm\n").hexdigest()[:10]
    text = data_version(tiny_dataset, ["tiny"], ((str(path), stat.st_size, stat.st_mtime_ns),),
                        lang=lang)
    assert text == f"tiny 1.0.0 ({words} {digest})"
