"""Links, citations and QR codes of a view, with every expected text written out by hand."""

import datetime as dt
import hashlib
import io
import tomllib
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
import zxingcpp
from PIL import Image

from app.core import share

PROJECT = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 3, 7)
CASES = SimpleNamespace(cases=pd.DataFrame(
    {"case_id": ["alpha", "beta", "gamma"], "version": ["1.2.0", "", "2.0.1"]}))


def test_the_version_is_the_projects():
    declared = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["version"]
    share.app_version.cache_clear()
    assert share.app_version() == declared


def test_the_version_is_unknown_when_not_installed(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(share.metadata, "version", missing)
    share.app_version.cache_clear()
    try:
        assert share.app_version() == "unknown"
    finally:
        share.app_version.cache_clear()


def test_data_version_names_each_case_and_its_version():
    assert share.data_version(CASES, ["gamma", "alpha"]) == "gamma 2.0.1; alpha 1.2.0"
    assert share.data_version(CASES, ["beta"]) == "beta unversioned"
    assert share.data_version(CASES, ["beta", "alpha"], lang="fr") == (
        "beta sans version\u00a0; alpha 1.2.0")
    assert share.data_version(CASES, ["nowhere", "alpha"]) == "alpha 1.2.0"


def test_data_version_of_no_known_case_is_all_cases():
    assert share.data_version(CASES, []) == "all cases"
    assert share.data_version(CASES, ["nowhere"], lang="fr") == "tous les cas"


def test_data_version_pins_the_bytes_of_the_files(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"x,y\n1,2\n")
    second.write_bytes(b"z\n3\n")
    files = ((str(first), 8, 1), (str(second), 4, 1))
    # The digest: SHA-256 over each file's path, a NUL and its bytes, in order; 10 hex digits.
    expected = hashlib.sha256(str(first).encode() + b"\0x,y\n1,2\n"
                              + str(second).encode() + b"\0z\n3\n").hexdigest()[:10]
    assert share.data_version(CASES, ["alpha"], files) == f"alpha 1.2.0 (files {expected})"
    assert share.data_version(CASES, [], files, lang="fr") == f"tous les cas (fichiers {expected})"
    second.write_bytes(b"z\n4\n")
    changed = ((str(first), 8, 1), (str(second), 4, 2))
    assert share.data_version(CASES, ["alpha"], changed) != f"alpha 1.2.0 (files {expected})"


def test_view_url_keeps_only_the_views_parameters_sorted():
    url = share.view_url("https://example.org:8501/chain?old=1#top",
                         {"step": "2", "case": "julie desk", "lang": "fr", "actor": ""})
    assert url == "https://example.org:8501/chain?case=julie+desk&lang=fr&step=2"
    assert share.view_url("http://h/compare", {}) == "http://h/compare"


def test_citation_text_in_english_and_french():
    version = share.app_version()
    assert share.citation_text("Value chain of X", "http://h/chain", "all cases", DAY) == (
        "Data Labour Chains contributors (2026). Data Labour Chains: Value chain of X "
        f"[Interactive dashboard, version {version}; data: all cases]. Retrieved March 7, "
        "2026, from http://h/chain")
    french = share.citation_text("Chaîne de X", "http://h/chain", "tous les cas", DAY, "fr")
    assert french.startswith("Contributeurs de Data Labour Chains (2026). ")
    assert french.endswith("Consulté le 7 mars 2026, à l'adresse http://h/chain")


def test_bibtex_entry_written_out():
    version = share.app_version()
    entry = share.citation_bibtex("Value chain of X", "http://h/chain?case=x", "alpha 1.2.0",
                                  DAY, key_hint="Chain: X_1-b")
    assert entry == "\n".join([
        "@misc{dlc-chainx1-b-2026-03-07,",
        "  author = {{Data Labour Chains contributors}},",
        "  title = {{Data Labour Chains}: Value chain of X},",
        "  year = {2026},",
        "  howpublished = {\\url{http://h/chain?case=x}},",
        "  url = {http://h/chain?case=x},",
        "  urldate = {2026-03-07},",
        "  langid = {english},",
        f"  note = {{Interactive dashboard, version {version}; data: alpha 1.2.0; "
        "accessed 2026-03-07},",
        "}",
    ])


def test_bibtex_key_is_at_most_forty_characters_of_the_hint():
    entry = share.citation_bibtex("v", "u", "d", DAY, key_hint="a" * 50)
    assert entry.splitlines()[0] == "@misc{dlc-" + "a" * 40 + "-2026-03-07,"


def test_bibtex_in_french_and_an_unknown_language_kept_as_is():
    assert "  langid = {french}," in share.citation_bibtex("v", "u", "d", DAY, lang="fr")
    assert "  author = {{Contributeurs de Data Labour Chains}}," in share.citation_bibtex(
        "v", "u", "d", DAY, lang="fr")
    assert "  langid = {de}," in share.citation_bibtex("v", "u", "d", DAY, lang="de")


@pytest.mark.parametrize("raw, printed", [
    ("{b}", r"\{b\}"), ("50%", r"50\%"), ("R&D", r"R\&D"), ("#1", r"\#1"), ("$5", r"\$5"),
    ("a_b", r"a\_b"), ("~", r"\~{}"), ("^", r"\^{}"), ("\\x", r"\textbackslash{}x"),
])
def test_bibtex_escapes_each_special_character_in_title_and_data(raw, printed):
    entry = share.citation_bibtex(f"T {raw}", "u", f"D {raw}", DAY)
    assert f"  title = {{{{Data Labour Chains}}: T {printed}}}," in entry
    assert f"data: D {printed};" in entry


def decode(png: bytes):
    image = Image.open(io.BytesIO(png))
    return image, zxingcpp.read_barcodes(image)[0]


def test_qr_code_reads_back_with_medium_error_correction_and_a_two_module_border():
    url = "http://h/chain?case=x"  # 21 bytes: a version 2 code (25 modules) at level M
    image, found = decode(share.qr_code(url))
    assert found.text == url and found.ec_level == "M"
    assert image.size == ((25 + 2 * 2) * 8,) * 2
    image, _ = decode(share.qr_code(url, scale=3))
    assert image.size == ((25 + 2 * 2) * 3,) * 2


def test_qr_code_as_svg():
    svg = share.qr_code("http://h/chain?case=x", kind="svg").decode()
    assert "<svg" in svg and 'width="232"' in svg  # version 2: (25 + 4) modules of 8 px


def test_bibtex_entry_in_french_written_out():
    version = share.app_version()
    entry = share.citation_bibtex("Chaîne de X", "http://h/", "tous les cas", DAY, lang="fr")
    assert entry.splitlines()[0] == "@misc{dlc-view-2026-03-07,"  # the default key
    assert "  title = {{Chaînes du travail des données}\u00a0: Chaîne de X}," in entry
    assert (f"  note = {{Tableau de bord interactif, version {version}\u00a0; données\u00a0: "
            "tous les cas"
            "\u00a0; consulté le 2026-03-07},") in entry


def test_citation_text_in_french_names_the_dashboard_in_french():
    french = share.citation_text("Chaîne de X", "http://h/chain", "tous les cas", DAY, "fr")
    assert french.startswith("Contributeurs de Data Labour Chains (2026). Chaînes du travail des "
                             "données\u00a0: Chaîne de X [Tableau de bord interactif, version ")
