"""The research behind a view: which sources its rows cite, as text and as safe BibTeX."""

import pandas as pd

from app.core.cite_sources import cited_sources, doi_of, sources_bibtex, sources_text

SOURCES = pd.DataFrame({
    "case_id": ["a", "a", "a", "b", "b"],
    "source_id": ["S1", "S2", "S3", "S1", "S9"],
    "citation": ["Doe, J. (2020). On {braces} & 100% of it_all. doi:10.1234/ab_c.",
                 "Roe, R. (2019). Cited by nobody.", "Poe, E. (2021). A talk.",
                 "Doe, J. (2020). On {braces} & 100% of it_all. doi:10.1234/ab_c.",
                 "Moe, M. (2018). Only in b."],
    "year": [2020, 2019, 2021, 2020, 2018],
    "url": ["", "https://doi.org/10.5555/xyz", "https://example.org/a b", "", ""],
    "kind": ["article", "article", "talk", "article", "report"],
    "note": ["", "", "", "", ""],
})
ACTORS = pd.DataFrame({"case_id": ["a", "a", "b"], "source_ids": ["S1; S3", "S1", "S9"]})


def test_only_the_sources_the_rows_cite_once_each():
    rows = cited_sources(SOURCES, [ACTORS])
    assert list(rows["source_id"]) == ["S9", "S1", "S3"]  # by year; S1 of a and b is one text
    assert list(rows["doi"]) == ["", "10.1234/ab_c", ""]


def test_a_case_s_keys_do_not_match_another_case_s_sources():
    rows = cited_sources(SOURCES, [pd.DataFrame({"case_id": ["b"], "source_ids": ["S3"]})])
    assert rows.empty


def test_doi_from_address_or_citation():
    assert doi_of("https://doi.org/10.1177/2053951720919776") == "10.1177/2053951720919776"
    assert doi_of("", "Journal. doi:10.1007/s40812-019-00121-1.") == "10.1007/s40812-019-00121-1"
    assert doi_of("https://example.org/10.1/x") == ""


def test_bibtex_escapes_what_latex_would_read():
    entry = sources_bibtex(cited_sources(SOURCES, [ACTORS]))
    assert r"On \{braces\} \& 100\% of it\_all." in entry
    assert "doi = {10.1234/ab_c}," in entry
    assert "url = {https://example.org/a%20b}," in entry
    assert entry.count("@misc{") == 3
    # Braces balance in every entry: no data can close a field early.
    for block in entry.split("\n\n"):
        text = block.replace(r"\{", "").replace(r"\}", "")
        assert text.count("{") == text.count("}")


def test_text_gives_the_doi_when_the_address_does_not():
    rows = cited_sources(SOURCES, [pd.DataFrame({"case_id": ["a"], "source_ids": ["S2"]})])
    assert sources_text(rows) == "[S2] Roe, R. (2019). Cited by nobody. " \
        "https://doi.org/10.5555/xyz"
