"""The reference tables made readable (`app.core.reference`), checked by hand in both languages."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from app.core.i18n import translate_count
from app.core import reference as rf
from app.core import vocab
from app.core.geo import country_centroids
from app.core.load import load_dataset, load_reference
from app.core.text import neutralise_formula

NNBSP = "\u202f"  # the French thousands separator, and the space before "%"


@pytest.fixture(scope="module")
def reference():
    return load_reference()


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(extra_dir=None)


@pytest.fixture(scope="module")
def overview(dataset, reference):
    frames = rf.citing_frames(dataset, reference)
    sources = rf.all_sources(dataset, reference)
    return frames, sources, rf.source_counts(frames, sources)


# --- words ---------------------------------------------------------------------------------------

def test_counted_and_joined():
    assert translate_count("compare.links", 1, "en") == "1 link"
    assert translate_count("compare.links", 0, "en") == "0 links"
    assert translate_count("compare.links", 0, "fr") == "0 lien"  # French: singular below 2
    assert translate_count("compare.links", 1234, "fr") == f"1{NNBSP}234 liens"
    assert rf.joined(["A"], "en") == "A"
    assert rf.joined(["A", "B", "C"], "en") == "A, B and C"
    assert rf.joined(["A", "B"], "fr") == "A et B"
    assert rf.separator("en") == "; " and rf.separator("fr") == "\u00a0; "


# --- platforms -----------------------------------------------------------------------------------

def test_platform_points_are_spread_deterministically(reference):
    points = rf.platform_points(reference.platforms)
    pd.testing.assert_frame_equal(points, rf.platform_points(reference.platforms))
    centres = country_centroids().set_index("alpha2")
    lone = points[points["country"] == "CN"].iloc[0]
    assert (lone["lon"], lone["lat"]) == pytest.approx(
        (centres.loc["CN", "lon"], centres.loc["CN", "lat"]))
    us = points[points["country"] == "US"]
    assert len(us) == 6 and us["n_in_country"].eq(6).all()
    assert len(set(zip(us["lon"].round(3), us["lat"].round(3)))) == 6
    radius = rf.cluster_radius(6)
    assert radius == pytest.approx(rf.MAP_RADIUS * 1.5)  # 6 platforms: 6/4 of the radius
    assert rf.cluster_radius(1) == 0 and rf.cluster_radius(3) == rf.MAP_RADIUS
    lat = centres.loc["US", "lat"]
    for lon_, lat_ in zip(us["lon"], us["lat"]):
        dx = (lon_ - centres.loc["US", "lon"]) * math.cos(math.radians(lat))
        assert math.hypot(dx, lat_ - lat) == pytest.approx(radius, rel=1e-6)
    # The first of a cluster (oldest) sits straight above the centre.
    first = us.sort_values(["founded", "name"]).iloc[0]
    assert first["name"] == "Lionbridge"
    assert first["lat"] == pytest.approx(lat + radius)


def test_platform_points_in_french_and_unknown_country(reference):
    points = rf.platform_points(reference.platforms, lang="fr")
    appen = points.set_index("name").loc["Appen"]
    assert (appen["country_name"], appen["offer_label"]) == ("Australie",
                                                             "Spécialisée dans l'IA")
    odd = rf.platform_points(reference.platforms.head(1).assign(country="XK"))
    assert math.isnan(odd["lon"].iloc[0])


def test_country_labels_and_summary(reference):
    points = rf.platform_points(reference.platforms)
    labels = rf.country_labels(points, "en").set_index("country")
    assert labels.loc["US", "text"] == "United States: 6"
    assert labels.loc["US", "baseline"] == "top"  # below a cluster
    assert labels.loc["CN", "baseline"] == "bottom"  # above a lone dot
    assert labels.loc["CN", "label_lat"] == pytest.approx(labels.loc["CN", "country_lat"] + 3.5)
    assert rf.headquarters_summary(points, "en") == (
        "Headquarters by country: United States: 6, France: 2, Australia: 1, China: 1, "
        "Germany: 1.")
    french = rf.platform_points(reference.platforms, lang="fr")
    assert rf.headquarters_summary(french, "fr") == (
        "Sièges par pays\u00a0: États-Unis\u00a0: 6, France\u00a0: 2, Allemagne\u00a0: 1, "
        "Australie\u00a0: 1, Chine\u00a0: 1.")


def test_map_countries(reference):
    countries = rf.map_countries(["FR", "US"], "fr").set_index("alpha2")
    assert countries["involved"].sum() == 2
    assert countries.loc["US", "country_name"] == "États-Unis"
    assert countries.loc["FR", "iso_numeric"] == "250"
    assert not countries.loc["DE", "involved"]


def test_founded_before_2000(reference):
    platforms = reference.platforms
    assert rf.founded_before(platforms, 2000)["name"].tolist() == ["Pactera", "Appen",
                                                                   "Lionbridge"]
    assert rf.founded_before_answer(platforms, 2000, "en") == (
        "Founded before 2000: Pactera (1995, Dalian), Appen (1996, Chatswood) and Lionbridge "
        "(1996, Waltham)")
    # Years are years: no thousands separator in French.
    assert rf.founded_before_answer(platforms, 2000, "fr") == (
        "Plateformes fondées avant 2000\u00a0: Pactera (1995, Dalian), Appen (1996, Chatswood) et "
        "Lionbridge (1996, Waltham)")
    assert rf.founded_before_answer(platforms, 1990, "fr") == (
        "Aucune des plateformes affichées n'a été fondée avant 1990")
    assert rf.timeline_summary(platforms, 2000, "en").endswith(". Newest: Wirk (2018).")


def test_offer_counts(reference):
    counts = rf.offer_counts(reference.platforms, list(vocab.OFFER_TYPES), "en")
    rows = {r.offer_type: (r.n_platforms, r.names) for r in counts.itertuples()}
    assert rows["generalist"] == (3, "Pactera, Amazon Mechanical Turk, Clixsense")
    assert rows["generalist_ai"][0] == 4 and rows["specialized_ai"][0] == 4
    assert rf.offer_summary(counts, "en") == (
        "Platforms by offer: Generalist: 3; Generalist with an AI offer: 4; Specialised in AI: 4.")
    french = rf.offer_counts(reference.platforms, list(vocab.OFFER_TYPES), "fr")
    assert rf.offer_summary(french, "fr") == (
        "Plateformes par offre\u00a0: Généraliste\u00a0: 3\u00a0; Généraliste avec une offre pour "
        "l'IA\u00a0: 4\u00a0; Spécialisée dans l'IA\u00a0: 4.")
    only = rf.offer_counts(reference.platforms.head(0), list(vocab.OFFER_TYPES), "en")
    assert only.empty


def test_platform_relations(reference):
    nodes, edges = rf.platform_relations_frames(reference.platforms, reference.platform_links)
    assert dict(zip(nodes["platform_id"], nodes["x"])) == {"clixsense": 0.0,
                                                           "figure-eight": 1.0, "appen": 2.0}
    assert list(edges["sentence"]) == ["Clixsense gives access to Figure Eight",
                                       "Figure Eight became part of Appen"]
    assert list(edges["head_shape"]) == ["triangle-right", "triangle-right"]
    assert edges["head_x"].tolist() == pytest.approx([0.91, 1.91])
    _, edges = rf.platform_relations_frames(reference.platforms, reference.platform_links, "fr")
    assert list(edges["sentence"]) == ["Clixsense donne accès à Figure Eight",
                                       "Figure Eight a été intégrée à Appen"]
    assert set(edges["certainty_label"]) == {"Documenté"}
    # Only relations between platforms shown.
    generalists = reference.platforms[reference.platforms["offer_type"] == "generalist"]
    assert rf.links_between(reference.platform_links, generalists["platform_id"]).empty


def test_relation_table(reference):
    table = rf.platform_relation_table(reference.platforms, reference.platform_links,
                                       reference.sources)
    assert list(table.columns) == ["Relation", "What the source says", "Certainty", "Sources"]
    assert table["Relation"].tolist() == ["Clixsense gives access to Figure Eight",
                                          "Figure Eight became part of Appen"]
    assert table["Sources"].iloc[0].startswith("Tubaro, P. & Casilli, A. A. (2019)")
    french = rf.platform_relation_table(reference.platforms, reference.platform_links,
                                        reference.sources, "fr")
    assert list(french.columns) == ["Relation", "Ce que dit la source", "Certitude", "Sources"]
    assert french["Ce que dit la source"].iloc[0].startswith("Clixsense donne à ses travailleurs")
    # Citations stay in their original language.
    assert french["Sources"].iloc[0] == table["Sources"].iloc[0]


def test_platform_table_cites_in_full(reference):
    table = rf.platform_table(reference.platforms, reference.sources)
    assert len(table) == 11
    assert list(table.columns) == ["Platform", "Offer", "Headquarters", "Country", "Founded",
                                   "Notes", "Certainty", "Sources"]
    assert table["Platform"].iloc[0] == "Pactera"
    appen = table[table["Platform"] == "Appen"].iloc[0]
    assert appen["Offer"] == "Specialised in AI" and appen["Country"] == "Australia"
    assert " | " in appen["Sources"] and "Big Data & Society" in appen["Sources"]
    french = rf.platform_table(reference.platforms, reference.sources, "fr",
                               ("platform", "country", "founded", "notes", "certainty"))
    assert list(french.columns) == ["Plateforme", "Pays", "Fondée en", "Notes", "Certitude"]
    appen = french[french["Plateforme"] == "Appen"].iloc[0]
    assert appen["Pays"] == "Australie" and appen["Certitude"] == "Documenté"
    assert appen["Notes"].startswith("Ville orthographiée « Charswood »")


# --- figures -------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, en, fr", [
    ((14903.0, None, "people", "exact"), "14,903 people", f"14{NNBSP}903 personnes"),
    ((96.0, 126.0, "EUR per month", "exact"), "96–126 EUR per month", "96–126 EUR par mois"),
    ((1000.0, pd.NA, "USD million", "over"), "over 1,000 USD million",
     f"plus de 1{NNBSP}000 millions USD"),
    ((56.1, None, "percent", "exact"), "56.1%", f"56,1{NNBSP}%"),
    ((25.0, None, "percent", "up_to"), "up to 25%", f"jusqu'à 25{NNBSP}%"),
    ((0.1, None, "USD per item", "below"), "below 0.1 USD per item",
     "moins de 0,1 USD par élément"),
    ((0.01, 0.02, "USD per item", "exact"), "0.01–0.02 USD per item",
     "0,01–0,02 USD par élément"),
    # Counted units agree with the number: French takes the singular below 2.
    ((1.5, float("nan"), "hours", "about"), "about 1.5 hours", "environ 1,5 heure"),
    ((1.0, None, "months", "exact"), "1 month", "1 mois"),
    ((8.0, None, "months", "exact"), "8 months", "8 mois"),
    ((3.0, None, "parsecs", "odd_word"), "odd word 3 parsecs", "odd word 3 parsecs"),
])
def test_figure_value_text(args, en, fr):
    assert rf.figure_value_text(*args) == en
    assert rf.figure_value_text(*args, lang="fr") == fr


def test_figure_number():
    assert rf.figure_number(266126) == "266,126"
    assert rf.figure_number(266126, "fr") == f"266{NNBSP}126"
    assert rf.figure_number(0.126) == "0.13"  # at most two decimals
    assert rf.figure_number(27.90) == "27.9"
    assert rf.figure_number(None) == rf.figure_number(pd.NA) == ""


def test_topic_and_unit_words():
    assert rf.topic_title("market") == "Market sizes"
    assert rf.topic_title("market", "fr") == "Taille des marchés"
    assert rf.topic_title("new_topic", "fr") == "New topic"
    assert rf.unit_text("EUR per month", "fr") == "EUR par mois"
    assert rf.unit_text("hours", "fr") == "heures"
    assert rf.unit_text("light years", "fr") == "light years"


def test_figure_rows_in_french(reference):
    rows = rf.figure_rows(reference.figures, reference.sources, "fr").set_index("figure_id")
    occasional = rows.loc["fr-microworkers-occasional"]
    assert occasional["label"] == "Micro-travailleurs occasionnels (inscrits sur des plateformes)"
    assert occasional["label_en"] == "Occasional micro-workers (registered on platforms)"
    assert occasional["text"] == f"266{NNBSP}126 personnes"
    assert occasional["dispute"].startswith("P9 (Barraud de Lagerie")
    assert occasional["kind_label"] == "Estimation"
    assert "Barraud de Lagerie" in occasional["citations"]
    forecast = rows.loc["market-labelling-2023"]
    assert forecast["market"] == rows.loc["market-labelling-2018", "label"]
    assert rows.loc["fr-microworkers-regular", "dispute"] == ""
    english = rf.figure_rows(reference.figures, reference.sources).set_index("figure_id")
    assert english.loc["market-labelling-2023", "market"] == \
        "Market for third-party data-labelling solutions"


def test_dispute_sources_named_in_any_language(reference):
    for lang in ("en", "fr"):
        rows = rf.figure_rows(reference.figures, reference.sources, lang).set_index("figure_id")
        assert rf.dispute_sources(rows.loc["fr-microworkers-occasional"]) == ["P9"]
        # A row whose dispute names none of its own sources: all of them.
        assert rf.dispute_sources(rows.loc["mg-monthly-pay-p3"]) == ["P3"]


def test_figure_table_grouped_with_citations(reference):
    table = rf.figure_table(reference.figures, reference.sources)
    assert len(table) == len(reference.figures)
    assert list(table.columns) == ["Topic", "Figure", "Reads", "Value", "Up to", "Unit",
                                   "Qualifier", "Year", "Scope", "Kind", "Dispute",
                                   "Certainty", "Sources"]
    runs = (table["Topic"] != table["Topic"].shift()).sum()
    assert runs == table["Topic"].nunique()  # each topic's rows are contiguous
    p9 = table[table["Figure"].str.startswith("Occasional")].iloc[0]
    assert "Barraud de Lagerie" in p9["Sources"] and "exaggerated" in p9["Dispute"]
    french = rf.figure_table(reference.figures, reference.sources, "fr",
                             rf.FIGURE_COLUMNS_BRIEF)
    assert list(french.columns) == ["Chiffre", "Se lit", "Unité", "Qualificatif", "Année",
                                    "Portée", "Nature", "Contestation", "Certitude", "Sources"]
    duplex = french[french["Chiffre"] == "Appels de Google Duplex passés par des humains"].iloc[0]
    assert duplex["Se lit"] == f"jusqu'à 25{NNBSP}%" and duplex["Qualificatif"] == "jusqu'à"
    assert duplex["Nature"] == "Presse"


def test_figure_summaries(reference):
    rows = rf.figure_rows(reference.figures, reference.sources, "fr")
    pay = rows[rows["topic"] == "madagascar_pay"]
    assert rf.differing_figures(pay, "fr") == (
        "P3 donne 96–126 EUR par mois\u00a0; P5 donne 90–120 EUR par mois")
    assert rf.by_source_summary(pay, "fr") == (
        "P3\u00a0: 96–126 EUR par mois\u00a0; P5\u00a0: 90–120 EUR par mois.")
    funnel = rf.funnel_rows(rows[rows["topic"] == "france_microworkers"], "fr")
    assert funnel["number"].tolist() == [f"266{NNBSP}126 (contesté)", f"52{NNBSP}337",
                                         f"14{NNBSP}903"]
    english = rf.figure_rows(reference.figures, reference.sources)
    market = rf.market_rows(english[english["topic"] == "market"], "en")
    assert market["tag"].tolist() == [
        "150 USD million (2018)", "over 1,000 USD million (2023, industry forecast)",
        "over 500 USD million (2018)", "1,200 USD million (2023, industry forecast)"]
    assert rf.market_summary(market, "en").startswith(
        "Market for third-party data-labelling solutions: 150 USD million (2018); ")
    prices = rf.price_rows(english[english["topic"] == "unit_prices"])
    assert prices["value_max"].tolist() == [1.0, 0.1, 0.02]  # a bound is its own upper end
    ranges = rf.range_rows(english[english["topic"] == "madagascar_pay"])
    assert ranges["row"].tolist() == ["P3: Monthly pay of Malagasy data workers",
                                      "P5: Monthly pay of Malagasy data workers"]


def test_citations(reference):
    lookup = rf.reference_citations(reference.sources)
    assert rf.cited_keys(["P7;S4", "S4;S2", "S2"]) == ["P7", "S4", "S2"]
    assert rf.cited_keys(["P7;P9"], leave_out={"P9"}) == ["P7"]
    text = rf.keyed_citations(lookup, ["P9"], "fr")
    # The title and date established for P9 (source-metadata: The Conversation, 25 March 2019).
    assert text.startswith("P9\u00a0: Barraud de Lagerie, P., Gros, J. & Sigalo Santos, L. (2019, "
                           "25 March). Pourquoi l'estimation de 250 000 micro-travailleurs")
    assert rf.keyed_citations(lookup, ["S2", "P0"], "en").endswith(
        " | P0: P0 (source not found)")


# --- sources -------------------------------------------------------------------------------------

def test_source_counts_by_hand(overview):
    _, _, counts = overview
    s1 = counts[(counts["source_id"] == "S1") & (counts["origin"] == "voice-assistant")]
    assert dict(zip(s1["table"], s1["rows"])) == {"actors": 8, "links": 9, "tasks": 4}
    s2 = counts[(counts["source_id"] == "S2") & (counts["origin"] == rf.REFERENCE)]
    # S2 backs 6 figures: not the 266,126 occasional micro-workers, which its own "up to
    # 250,000" (S2 l.125) contradicts.
    assert dict(zip(s2["table"], s2["rows"])) == {"platforms": 11, "platform_links": 2,
                                                  "figures": 6}


def test_source_table(overview):
    _, sources, counts = overview
    table = rf.source_table(rf.source_records(sources, counts))
    assert table["Key"].tolist()[:2] == ["S0", "S1"]
    assert table["Key"].tolist()[-1] == "P9"
    s2 = table.set_index("Key").loc["S2"]
    # The automotive case cites S2 on all its 19 actors, on its 27 links but the 4 that rest on
    # S3 alone (Uber-Mighty AI, and Appen, Clickworker, Lionbridge recruiting in France), and on
    # all its 12 tasks: 19 + 23 + 12 = 54 rows, plus 2 voice-assistant tasks and 19 reference rows.
    assert s2["Cited in"] == ("automotive-micro-work: 19 actors, 23 links, 12 tasks; "
                              "voice-assistant: 2 tasks; Reference tables: 11 platforms, "
                              "2 platform relations, 6 figures")
    assert s2["Rows citing it"] == 75 and s2["Kind"] == "Article"
    assert s2["Link"] == "https://doi.org/10.1007/s40812-019-00121-1"
    french = rf.source_table(rf.source_records(sources, counts, "fr"), "fr").set_index("Clé")
    assert french.loc["S2", "Citée dans"] == (
        "automotive-micro-work\u00a0: 19 acteurs, 23 liens, 12 tâches\u00a0; "
        "voice-assistant\u00a0: 2 tâches\u00a0; Tables de référence\u00a0: 11 plateformes, 2 "
        "relations entre plateformes, 6 chiffres")
    # Source notes have no French in the data: shown in English, marked.
    assert french.loc["S2", "Note"].endswith(" [EN]")
    assert french.loc["S2", "Citation"] == s2["Citation"]


def test_source_entries_read_as_a_reference_list(overview):
    _, sources, counts = overview
    records = rf.source_records(sources, counts).set_index("key", drop=False)
    s2 = records.loc["S2"].to_dict()
    assert rf.source_heading(s2) == "S2 · Article · 2019"
    citation, about = rf.source_entry(s2, "en").split("\n\n")
    assert citation.startswith("Tubaro, P\\. \\& Casilli, A\\. A\\. \\(2019\\)\\. Micro\\-work")
    assert citation.endswith("  \n[doi\\.org/10\\.1007/s40812\\-019\\-00121\\-1]"
                             "(https://doi.org/10.1007/s40812-019-00121-1)")
    assert about.startswith("**Note.** Primary; read in its pre\\-print version\\.")
    assert about.endswith("  \n**Cited in** (75 rows): automotive\\-micro\\-work\\: 19 actors, "
                          "23 links, 12 tasks; voice\\-assistant\\: 2 tasks; Reference "
                          "tables\\: 11 platforms, 2 platform relations, 6 figures")
    # No link, no year, no note: nothing shown for them.
    p4 = records.loc["P4"].to_dict()  # its lemonde.fr address was not found (data 1.1.1)
    assert pd.isna(p4["link"]) and "](" not in rf.source_entry(p4, "en")
    bare = {**p4, "year": float("nan"), "note": None}
    assert rf.source_heading(bare) == "P4 · Press"
    assert "Note" not in rf.source_entry(bare, "en")
    french = rf.source_records(sources, counts, "fr").set_index("key").loc["P9"].to_dict()
    assert rf.source_heading({**french, "key": "P9"}) == "P9 · Presse · 2019"
    assert ("**Citée dans** (1 ligne)\u00a0: Tables de référence\u00a0\\: 1 chiffre"
            in rf.source_entry(french, "fr"))


def test_source_entry_keeps_hostile_text_inert():
    pixel = "![p](http://203.0.113.9/p.png)"
    record = {"key": "H1", "citation": f"<script>alert(1)</script> {pixel} [x](javascript:x)",
              "year": 2024, "kind": "Article", "rows": 1, "cited_in": f"h: 1 link {pixel}",
              "link": rf.safe_url(f"https://example.org/a){pixel}"),
              "note": "<img src=x onerror=alert(1)> $x$ **bold**"}
    heading, entry = rf.source_heading(record), rf.source_entry(record, "en")
    assert heading == "H1 · Article · 2024"
    # One link only, the source's own, whose address cannot be closed early by `)`.
    address = "(https://example.org/a%29![p]%28http://203.0.113.9/p.png%29)"
    assert entry.count("](") == 1 and address in entry
    # Outside that address every special character of the data is escaped.
    unescaped = re.sub(r"\\.", "", entry.replace(address, ""))
    for raw in ("<", ">", "![p]", "[x]", "$", "*bold"):
        assert raw not in unescaped
    assert rf.safe_url("javascript:alert(1)") is None


def test_counts_text():
    assert rf.counts_text({"actors": 1, "links": 0, "tasks": 3}, "en") == "1 actor, 3 tasks"
    assert rf.counts_text({"figures": 1, "platform_links": 2}, "fr") == (
        "1 chiffre, 2 relations entre plateformes")
    assert rf.counts_text({"odd_table": 2}, "en") == "2 odd table"


def test_key_order():
    keys = ["P10", "P2", "S1", "X1", "S0", "P1"]
    assert sorted(keys, key=rf.key_order) == ["S0", "S1", "P1", "P2", "P10", "X1"]


def test_rows_citing_a_source(overview):
    frames, _, counts = overview
    rows = rf.citing_rows(frames, "S1", ["voice-assistant"])
    assert list(rows.columns) == ["Where", "Table", "Row", "What", "Certainty"]
    assert len(rows) == 8 + 9 + 4
    assert "Italian company (supervisor) supervises Workers in France" in set(rows["What"])
    french = rf.citing_rows(frames, "S1", ["voice-assistant"], "fr")
    assert list(french.columns) == ["Où", "Table", "Ligne", "Contenu", "Certitude"]
    assert set(french["Table"]) == {"acteurs", "liens", "tâches"}
    assert "Entreprise italienne (superviseur) supervise Travailleurs en France" in set(
        french["Contenu"])
    p9 = rf.citing_rows(frames, "P9", [rf.REFERENCE], "fr")
    assert p9["Où"].tolist() == ["Tables de référence"]
    assert p9["Contenu"].iloc[0] == (
        f"Micro-travailleurs occasionnels (inscrits sur des plateformes)\u00a0: 266{NNBSP}126 "
        "personnes")


def test_safe_url():
    assert rf.safe_url("https://doi.org/10.1177/x") == "https://doi.org/10.1177/x"
    assert rf.safe_url(" http://example.org/a ") == "http://example.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "ftp://x", "", None, "https://a b",
                "//evil.example", float("nan")):
        assert rf.safe_url(bad) is None


def test_download_frame_is_the_csv_as_stored(dataset):
    actors = dataset.only(dataset.case_ids[0]).actors
    frame = rf.download_frame(actors.assign(name="=HYPERLINK(\"http://x\")"))
    assert "case_id" not in frame.columns
    assert set(frame["anonymised"]) <= {"true", "false"}
    assert neutralise_formula(frame["name"].iloc[0]).startswith("'=HYPERLINK")
