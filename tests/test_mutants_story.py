"""The presenter's story on a hand-made case: every caption, citation and certainty written out.

The case: a brand (with a French name) outsourcing to three vendors, two of which recruit the
same worker pool; a client lab with no link, drawn before the brand (clients come first in a
column); two groups of end users with no link, drawn last. Expected texts follow the rules of
the story (name with country the first time, "A, B and C", clauses joined by "; " in the order
of the links table, first letter upper-cased), not the code's output.
"""

import pandas as pd
import pytest

from app.core.story import build_story

ACTOR_COLUMNS = ["case_id", "actor_id", "name", "actor_type", "country", "source_ids",
                 "certainty", "name_fr"]
LINK_COLUMNS = ["case_id", "link_id", "from_actor", "to_actor", "relation", "source_ids",
                "certainty"]


@pytest.fixture
def case():
    actors = pd.DataFrame([
        ["c", "brand", "Brand", "ai_company", "US", "S1", "documented", "Marque"],
        ["c", "lab", "Lonely lab", "client", "", "S9", "inferred", ""],
        ["c", "fans", "Fans", "end_user", "DE", "S2", "inferred", "Supporters"],
        ["c", "crowd", "Crowd", "end_user", "", "S1", "documented", "Foule"],
        ["c", "v1", "Vendor One", "vendor", "KE", "S1", "reported", ""],
        ["c", "v2", "vendor Two", "vendor", "IN", "S2", "reported", ""],
        ["c", "v3", "Vendor Three", "vendor", "PH", "S2", "inferred", ""],
        ["c", "pool", "Pool", "worker_pool", "KE", "S3", "reported", ""],
    ], columns=ACTOR_COLUMNS)
    links = pd.DataFrame([
        ["c", "k1", "brand", "v1", "outsources_to", "S1", "documented"],
        ["c", "k2", "brand", "v2", "outsources_to", "S2;S1", "reported"],
        ["c", "k3", "brand", "v3", "outsources_to", "S2", "inferred"],
        ["c", "k5", "v2", "pool", "recruits", "S3", "documented"],
        ["c", "k4", "v1", "pool", "recruits", "S3", "reported"],
    ], columns=LINK_COLUMNS)
    sources = pd.DataFrame([["c", "S1", "One (2020)."], ["c", "S2", "Two (2021)."],
                            ["c", "S3", "Three (2022)."]],
                           columns=["case_id", "source_id", "citation"])
    return actors, links, sources


def story(case, lang="en", scope="product"):
    actors, links, sources = case
    info = {"case_id": "c", "product": "Speaker", "product_fr": "Enceinte", "scope": scope}
    return build_story(info, actors, links, sources, lang)


def test_each_step_shows_one_more_column_and_the_links_between_what_is_shown(case):
    steps = story(case)
    assert [s.actor_ids for s in steps] == [
        ("lab", "brand"),
        ("lab", "brand", "v1", "v2", "v3"),
        ("lab", "brand", "v1", "v2", "v3", "pool"),
        ("lab", "brand", "v1", "v2", "v3", "pool", "crowd", "fans"),
    ]
    # Links in the order of the table.
    assert [s.link_ids for s in steps] == [
        (), ("k1", "k2", "k3"), ("k1", "k2", "k3", "k5", "k4"), ("k1", "k2", "k3", "k5", "k4")]


def test_english_captions(case):
    assert [s.caption for s in story(case)] == [
        "The product: Speaker. It starts with Lonely lab and Brand (United States).",
        "Brand outsources to Vendor One (Kenya), vendor Two (India) and Vendor Three "
        "(Philippines).",
        "Vendor Two recruits Pool (Kenya); Vendor One recruits Pool.",
        "Also in the chain: Crowd and Fans (Germany).",
    ]


def test_french_captions(case):
    assert [s.caption for s in story(case, "fr")] == [
        "Le produit\u00a0: Enceinte. Tout commence par Lonely lab [EN] et Marque (États-Unis).",
        "Marque sous-traite à Vendor One [EN] (Kenya), vendor Two [EN] (Inde) et "
        "Vendor Three [EN] (Philippines).",
        "Vendor Two [EN] recrute Pool [EN] (Kenya)\u00a0; Vendor One [EN] recrute Pool [EN].",
        "Également dans la chaîne\u00a0: Foule et Supporters (Allemagne).",
    ]


def test_a_sector_map_says_so_first(case):
    assert story(case, scope="sector")[0].caption == (
        "A sector map, not one company's supply chain: Speaker. It starts with Lonely lab "
        "and Brand (United States).")
    assert story(case, "fr", scope="sector")[0].caption.startswith(
        "La carte d'un secteur, pas la chaîne d'approvisionnement d'une entreprise\u00a0: "
        "Enceinte.")
    assert story(case, scope="sector")[1:] == story(case)[1:]


def test_each_step_cites_what_it_reveals_once_in_order_cited(case):
    steps = story(case)
    assert [s.sources for s in steps] == [
        ("One (2020).", "S9 (source not found)"),  # the actors of the first column
        ("One (2020).", "Two (2021)."),              # links k1, k2 (S2;S1), k3
        ("Three (2022).",),                          # links k5, k4
        ("Two (2021).", "One (2020)."),              # no link: fans, crowd (table order)
    ]
    assert [s.certainties for s in steps] == [
        ("documented", "inferred"), ("documented", "inferred", "reported"),
        ("documented", "reported"), ("documented", "inferred")]


def test_two_actors_are_joined_without_a_comma(case):
    actors, links, sources = case
    two = actors[actors["actor_id"].isin(["brand", "v1", "v2"])]
    steps = build_story({"case_id": "c", "product": "P"}, two, links.iloc[:2], sources)
    assert steps[1].caption == "Brand outsources to Vendor One (Kenya) and vendor Two (India)."


def test_a_subject_named_first_in_a_link_gets_its_country_in_the_language_asked(case):
    actors, links, sources = case
    data = pd.DataFrame([["c", "k6", "fans", "brand", "supplies_data", "S2", "inferred"]],
                        columns=LINK_COLUMNS)
    linked = (actors[actors["actor_id"] != "crowd"], pd.concat([links, data]), sources)
    # People as a group (end users, worker pools) take the plural verb.
    assert (story(linked, "fr")[-1].caption
            == "Supporters (Allemagne) fournissent des données à Marque.")
    assert story(linked)[-1].caption == "Fans (Germany) supply data to Brand."


@pytest.mark.parametrize("relation, en, fr", [
    ("outsources_to", "Pool outsource to Brand.", "Travailleurs sous-traitent à Marque."),
    ("sells_to", "Pool sell to Brand.", "Travailleurs vendent à Marque."),
    ("recruits", "Pool recruit Brand.", "Travailleurs recrutent Marque."),
    ("supervises", "Pool supervise Brand.", "Travailleurs supervisent Marque."),
    ("operates", "Pool operate Brand.", "Travailleurs exploitent Marque."),
    ("supplies_data", "Pool supply data to Brand.",
     "Travailleurs fournissent des données à Marque.")])
def test_every_relation_agrees_with_a_group_and_with_one_actor(case, relation, en, fr):
    actors, _, sources = case
    two = actors[actors["actor_id"].isin(["brand", "pool"])].assign(country="")
    two.loc[two["actor_id"] == "pool", "name_fr"] = "Travailleurs"
    for subject, obj, caption in (("pool", "brand", en),
                                  ("brand", "pool", None)):
        link = pd.DataFrame([["c", "k", subject, obj, relation, "S1", "documented"]],
                            columns=LINK_COLUMNS)
        steps = story((two, link, sources))
        if caption:
            assert steps[-1].caption == caption
            assert story((two, link, sources), "fr")[-1].caption == fr
        else:  # one firm: the singular, as the vocabulary reads
            singular = {"outsources_to": "outsources to", "sells_to": "sells to",
                        "recruits": "recruits", "supervises": "supervises",
                        "operates": "operates", "supplies_data": "supplies data to"}[relation]
            assert steps[-1].caption == f"Brand {singular} Pool."


def test_no_actor_no_story(case):
    actors, links, sources = case
    assert story((actors.iloc[0:0], links.iloc[0:0], sources)) == []
