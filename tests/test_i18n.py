"""Every text of the interface in English and French: the catalogue, its use, and every page.

The catalogue is checked for completeness (both languages, same `{fields}`, unique keys), the
code for keys that do not exist and for texts typed straight into Streamlit calls, and every
page is run in both languages through AppTest.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.core import i18n, vocab
from app.core.messages import AREAS, MESSAGES, french_spacing
from conftest import FIXTURES, PROJECT, run_page

APP = PROJECT / "app"
PAGES = ["home", "chain", "flows", "functions", "compare", "platforms", "figures", "sources",
         "upload", "build"]
LANGUAGES = list(i18n.LANGUAGES)


# --- the catalogue -----------------------------------------------------------------------------

def test_keys_are_unique_across_areas():
    assert sum(len(area.MESSAGES) for area in AREAS) == len(MESSAGES)


def test_every_message_has_every_language_with_the_same_fields():
    """Every key that lacks a language, has an empty text, or whose texts ask for different
    `{fields}`, listed at once."""
    bad = []
    for key, entry in sorted(MESSAGES.items()):
        if set(entry) != set(LANGUAGES):
            bad.append(f"{key}: languages {sorted(entry)}")
            continue
        empty = [lang for lang in LANGUAGES
                 if not (isinstance(entry[lang], str) and entry[lang].strip())]
        if empty:
            bad.append(f"{key}: empty in {empty}")
        elif i18n.fields_of(entry["fr"]) != i18n.fields_of(entry["en"]):
            bad.append(f"{key}: fields {i18n.fields_of(entry['en'])} in English, "
                       f"{i18n.fields_of(entry['fr'])} in French")
    assert not bad, "\n".join(bad)


SAME_IN_BOTH = json.loads((FIXTURES / "same-in-english-and-french.json").read_text("utf-8"))


def test_only_reviewed_keys_are_the_same_in_english_and_french():
    """A French text that is the English one is a translation left undone, unless the list
    of reviewed keys says why the two may agree."""
    allowed = SAME_IN_BOTH["keys"]
    assert all(reason.strip() for reason in allowed.values())
    same = {key for key, entry in MESSAGES.items() if entry.get("en") == entry.get("fr")}
    untranslated = sorted(same - set(allowed))
    assert not untranslated, "French identical to English, not reviewed:\n" + "\n".join(
        f"{key}: {MESSAGES[key]['en']!r}" for key in untranslated)
    stale = sorted(set(allowed) - same)
    assert not stale, f"listed as identical but no longer are (or gone): {stale}"


def test_french_typography():
    """A space before « : » and « ; » (outside code, links and fields), guillemets, no '"'."""
    bad = []
    for key, entry in sorted(MESSAGES.items()):
        text = re.sub(r"`[^`]*`|\{[^}]*\}|https?://\S+", "", entry["fr"])
        if re.search(r"\S[:;?!](\s|$)", text.replace("**", "")):
            bad.append(f"{key}: no space before : ; ? ! in {entry['fr']!r}")
        if "“" in text or "”" in text:
            bad.append(f"{key}: English quotes in {entry['fr']!r}")
        if re.search(r" [:;?!»](\s|$)|« ", entry["fr"]):
            bad.append(f"{key}: a line may break inside « : » in {entry['fr']!r}")
    assert not bad, "\n".join(bad)


def test_french_punctuation_stays_on_its_words_line():
    assert french_spacing("Pays : {countries} ; « {title} » ? Oui !") == (
        "Pays\u00a0: {countries}\u00a0; «\u00a0{title}\u00a0»\u00a0? Oui\u00a0!")
    assert french_spacing("**Portée :** {scope}") == "**Portée\u00a0:** {scope}"
    # Streamlit's icons and colours are not punctuation; English is never touched.
    assert french_spacing("Voir :material/info: et :blue[ceci]") == (
        "Voir :material/info: et :blue[ceci]")
    assert all("\u00a0" not in entry["en"] for entry in MESSAGES.values())


VOCABULARIES = {
    "actor_type": vocab.ACTOR_TYPES, "relation": vocab.RELATIONS, "function": vocab.FUNCTIONS,
    "subfunction": vocab.SUBFUNCTIONS, "data_type": vocab.DATA_TYPES,
    "certainty": vocab.CERTAINTIES, "source_kind": vocab.SOURCE_KINDS,
    "offer_type": vocab.OFFER_TYPES, "platform_relation": vocab.PLATFORM_RELATIONS,
    "figure_kind": vocab.FIGURE_KINDS, "qualifier": vocab.QUALIFIERS,
    "paid": {"true": "", "false": ""}, "scope": vocab.SCOPES,
}


def test_every_vocabulary_is_covered():
    assert set(VOCABULARIES) == set(i18n.VOCABULARY_KINDS)


@pytest.mark.parametrize("kind", sorted(VOCABULARIES))
def test_every_vocabulary_value_has_a_label_and_meaning_in_both_languages(kind):
    for value, meaning in VOCABULARIES[kind].items():
        for part in (kind, f"{kind}_meaning"):
            key = f"vocab.{part}.{value}"
            assert key in MESSAGES, key
        if meaning:  # the English meaning is the one that documents the data
            assert MESSAGES[f"vocab.{kind}_meaning.{value}"]["en"] == meaning
        for lang in LANGUAGES:
            assert i18n.vocab_label(kind, value, lang)
            assert i18n.vocab_meaning(kind, value, lang)


def test_vocab_label():
    assert i18n.vocab_label("actor_type", "worker_pool", "fr") == "Travailleurs"
    assert i18n.vocab_label("relation", "outsources_to", "fr") == "sous-traite à"
    assert i18n.vocab_label("function", "impersonation", "fr") == "Imitation"
    assert i18n.vocab_label("paid", False, "fr") == "non payé"
    assert i18n.vocab_label("paid", "true", "en") == "paid"
    assert i18n.vocab_label("actor_type", "robot_army", "fr") == "robot army"  # never fails
    assert i18n.vocab_meaning("actor_type", "robot_army", "fr") == ""


# --- the code uses the catalogue ---------------------------------------------------------------

KEY_CALL = re.compile(r"""\b(?:t|translate)\(\s*["']([a-z0-9_.]+)["']""")
COUNT_CALL = re.compile(r"""\btn\(\s*["']([a-z0-9_.]+)["']""")
KEY_LITERAL = re.compile(r"""["']((?:page|nav\.section|state\.reason|upload\.link|vocab)"""
                         r"""\.[a-z0-9_.]+)["']""")


def python_files() -> list[Path]:
    return sorted(APP.rglob("*.py"))


def test_every_key_used_in_code_exists():
    missing = []
    for path in python_files():
        if "messages" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for key in KEY_CALL.findall(text) + KEY_LITERAL.findall(text):
            if key not in MESSAGES:
                missing.append(f"{path.relative_to(PROJECT)}: {key}")
        for key in COUNT_CALL.findall(text):
            for form in ("one", "other"):
                if f"{key}.{form}" not in MESSAGES:
                    missing.append(f"{path.relative_to(PROJECT)}: {key}.{form}")
    assert not missing, missing


# --- no text typed into Streamlit calls --------------------------------------------------------

TEXT_CALLS = {
    "title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error",
    "success", "button", "download_button", "page_link", "selectbox", "multiselect", "toggle",
    "radio", "segmented_control", "pills", "text_input", "file_uploader", "tabs", "expander",
    "metric", "form_submit_button", "checkbox", "slider", "select_slider", "number_input",
    "text_area", "toast", "popover", "link_button",
}
TEXT_KEYWORDS = {"label", "help", "caption", "placeholder"}
ALLOWED = {"Language / Langue"}  # the language switch: the same in every language


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text not in ALLOWED


def _typed_text(node: ast.AST) -> list[str]:
    """The literal texts with letters in an argument (through lists, `+`, `if` and f-strings)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_letters(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values
                if isinstance(v, ast.Constant) and _has_letters(str(v.value))]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [text for item in node.elts for text in _typed_text(item)]
    if isinstance(node, ast.BinOp):
        return _typed_text(node.left) + _typed_text(node.right)
    if isinstance(node, ast.IfExp):
        return _typed_text(node.body) + _typed_text(node.orelse)
    return []


def typed_texts(path: Path) -> list[str]:
    """`file:line: text` for every text typed into a Streamlit text or widget call."""
    name = path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path.name
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in TEXT_CALLS):
            continue
        args = list(node.args[:1]) + [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for arg in args:
            found += [f"{name}:{node.lineno}: {text!r}"
                      for text in _typed_text(arg)]
    return found


def test_the_static_check_finds_typed_texts(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('st.title("Hello")\ncol.button(f"Go {x}")\nst.tabs(["A", t("b")])\n'
                      'st.markdown(t("k"))\nst.markdown(f"**{a}:** {b}")\n'
                      'st.toggle(t("x"), help="Why")\nst.segmented_control("Language / Langue")\n',
                      encoding="utf-8")
    assert len(typed_texts(sample)) == 4


def test_no_text_is_typed_into_streamlit_calls_anywhere():
    """The entry point, every page and every component."""
    paths = [APP / "streamlit_app.py"] + [path for folder in ("app_pages", "components")
                                           for path in sorted((APP / folder).glob("*.py"))]
    found = [text for path in paths for text in typed_texts(path)]
    assert found == [], "\n".join(found)


# --- formatting --------------------------------------------------------------------------------

def test_numbers_and_dates_follow_the_language():
    assert i18n.format_number(266126, "en") == "266,126"
    assert i18n.format_number(266126, "fr") == "266\u202f126"
    assert i18n.format_date(dt.date(2026, 11, 25), "fr") == "25 novembre 2026"


# --- every page in both languages --------------------------------------------------------------

def run(page: str, **params) -> AppTest:
    return run_page(f"app_pages/{page}.py", **params)


# Each page's heading, written out: a page left in English under `lang=fr` fails. (The chain
# page's first heading is the case's own title; its "as text" heading is the page's.)
HEADINGS = {
    "home": ("Data Labour Chains", "Chaînes du travail des données"),
    "chain": ("The chain as text", "La chaîne en texte"),
    "flows": ("Country flows", "Flux entre pays"),
    "functions": ("Task functions", "Fonctions des tâches"),
    "compare": ("Compare cases", "Comparer les cas"),
    "platforms": ("Platforms", "Plateformes"),
    "figures": ("Key figures", "Chiffres clés"),
    "sources": ("Sources and data", "Sources et données"),
    "upload": ("Add your own case", "Ajouter votre propre cas"),
    "build": ("Build a case", "Construire un cas"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_every_language(page, lang):
    at = run(page, lang=lang)
    assert at.segmented_control(key="lang-select").value == lang
    assert at.query_params["lang"] == lang
    headings = [h.value for h in (*at.title, *at.header)]
    assert HEADINGS[page][LANGUAGES.index(lang)] in headings, headings
    other = HEADINGS[page][1 - LANGUAGES.index(lang)]
    assert other not in headings


def all_text(at: AppTest) -> str:
    """Every text on the page as read (the escapes that keep data literal removed)."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning") for e in getattr(at, kind)]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def test_home_in_french():
    at = run("home", lang="fr")
    assert at.title[0].value == "Chaînes du travail des données"
    text = all_text(at)
    assert "travail des données" in text and "Études de cas" in text
    assert "Produire et annoter les données" in text  # the functions' meanings
    links = [link.proto.label for link in at.get("page_link")]
    assert "Ouvrir la chaîne" in links and "Open the chain" not in links


def test_chain_page_in_french():
    at = run("chain", lang="fr", case="voice-assistant", show="links")
    text = all_text(at)
    assert "(États-Unis – Chine" in all_text(at)
    assert "Produit d'IA" in text and "Période" in text and "AI product" not in text
    assert at.button_group(key="chain-function-select").label == "Fonction du travail"
    tables = at.button_group(key="chain-tables")
    assert tables.label == "Afficher en tableau" and tables.options == ["Liens", "Acteurs", "Tâches"]
    links = at.dataframe[0].value  # the table asked for in the link
    assert {"De", "À", "Pays d'origine", "Certitude"} <= set(links.columns)
    assert "sous-traite à" in set(links["Relation"])
    assert "États-Unis" in set(links["Pays d'origine"])
    iframe = at.get("iframe")[0].proto.srcdoc
    assert "Certitude" in iframe and "Plateforme chinoise" in iframe


def test_notices_follow_the_language():
    at = run("chain", lang="fr", case="voice-assistant", function="astrologie", colour="red")
    notices = " ".join(str(i.value) for i in at.info)
    assert "Paramètre `function`" in notices and "cette page n'a pas ce réglage" in notices


def test_unknown_language_is_noted_and_english_shown():
    at = run("home", lang="xx")
    assert at.title[0].value == "Data Labour Chains"
    assert any("`lang`" in str(i.value) for i in at.info)


def test_page_titles_follow_the_language():
    from app.components.pages import SECTIONS

    pages = [page for section in SECTIONS.values() for page in section]
    # Links in papers: the addresses never change with the language.
    assert [url for _, url, _, _ in pages] == ["", "chain", "flows", "functions", "compare",
                                               "platforms", "figures", "sources", "upload",
                                               "build"]
    assert [Path(file).stem for file, *_ in pages] == PAGES
    titles = {lang: [i18n.translate(key, lang) for _, _, key, _ in pages] for lang in LANGUAGES}
    assert "Value chain" in titles["en"] and "Chaîne de valeur" in titles["fr"]
    assert all(i18n.translate(section, "fr") for section in SECTIONS)


def test_case_links_carry_the_language():
    at = run("home", lang="fr")
    for link in at.get("page_link"):
        assert "lang=fr" in link.proto.query_string


def test_the_story_is_told_in_french():
    from app.core.load import load_dataset
    from app.core.story import build_story

    dataset = load_dataset(extra_dir=None)
    case = dataset.only("voice-assistant")
    steps = build_story(dataset.case_info("voice-assistant"), case.actors, case.links,
                        case.sources, lang="fr")
    assert steps[0].caption.startswith("Le produit\u00a0: Enceinte connectée")
    assert "(États-Unis)" in steps[0].caption
    captions = " ".join(s.caption for s in steps)
    assert "sous-traite à" in captions and " et " in captions
    assert "outsources" not in captions


def test_the_citation_is_in_french():
    from app.core.share import citation_bibtex, citation_text

    day = dt.date(2026, 11, 25)
    text = citation_text("chaîne de valeur de X", "http://h/chain?lang=fr", "tous les cas", day,
                         lang="fr")
    assert "Consulté le 25 novembre 2026, à l'adresse http://h/chain?lang=fr" in text
    assert "Tableau de bord interactif" in text
    bib = citation_bibtex("chaîne de valeur de X", "http://h/", "tous les cas", day, "chain",
                          lang="fr")
    assert "langid = {french}" in bib and "consulté le 2026-11-25" in bib
    assert "Retrieved November 25, 2026, from http://h/" in citation_text(
        "value chain of X", "http://h/", "all cases", day)
