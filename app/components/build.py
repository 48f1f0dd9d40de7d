"""Building a case in the browser: the draft in the session, its tables as editable grids, its
problems, its chain drawn live, its download, and showing it on every page as an upload is.

The draft lives in `st.session_state` (this browser tab only; nothing is written on the
server). A grid is given its table as it was when the grid was drawn (its base) and keeps the
reader's edits itself, so that typing cell after cell never redraws it; the draft's table is the
base with those edits, recomputed on every edit. The grid is drawn afresh from the draft (a new
base, a new generation in its key) only when it has to be: a new draft, a row added, drop-downs
whose choices changed (a new actor, a new source), another language, or a grid the browser
forgot (the reader visited another page or table).
"""

from __future__ import annotations

import streamlit as st

from app.charts.chain_graph import build_chain_graph, chain_graph_html, frame_height
from app.components.chain import GRAPH_HEIGHT, GRAPH_WIDTH_GUESS
from app.components.data import get_dataset, session_uploads
from app.components.i18n import current_language, t, tn
from app.components.reference import render_dictionary_download
from app.components.state import synced_selectbox
from app.components.upload import accept, check_upload, render_problems_list, render_success
from app.components.vocabulary import render_graph_legend
from app.core import draft as drafts
from app.core import schema
from app.core.draft import Draft, DraftCheck
from app.core.geo import country_name
from app.core.i18n import localized_value, vocab_label
from app.core.upload import MAX_TITLE_CHARS

DRAFT_KEY = "build-draft"
GENERATIONS_KEY = "build-grid-generations"
BASES_KEY = "build-grid-bases"  # per table: (what the grid was drawn with, its base draft)
REVISION_KEY = "build-draft-revision"  # how many times the draft has changed
SHOWN_KEY = "build-shown-case"
START_KEY = "build-start-select"
TABLE_KEY = "build-table-select"
START_PARAM = "start"
EMPTY, TEMPLATE = "empty", "template"
META_KEY = "build-meta-{field}-{generation}"
META_GENERATION = "meta"
META_CHARS = {"title": MAX_TITLE_CHARS, "product": 300, "period": 100, "description": 2000}
# Sources first: every other row cites them, and picks them from a drop-down.
EDIT_ORDER = (schema.SOURCES, schema.ACTORS, schema.LINKS, schema.TASKS)
EDITOR_WIDTH = {"description": "large", "citation": "large", "note": "large", "task": "medium",
                "name": "medium"}


def current_draft() -> Draft | None:
    return st.session_state.get(DRAFT_KEY)


def _generations() -> dict[str, int]:
    return st.session_state.setdefault(
        GENERATIONS_KEY, {t.name: 0 for t in drafts.TABLES} | {META_GENERATION: 0})


def _grid_key(table: str) -> str:
    return f"build-{table}-grid-{_generations()[table]}"


def _meta_key(field: str) -> str:
    return META_KEY.format(field=field, generation=_generations()[META_GENERATION])


def _set_draft(new: Draft) -> None:
    st.session_state[DRAFT_KEY] = new
    st.session_state[REVISION_KEY] = st.session_state.get(REVISION_KEY, 0) + 1


def start_draft(new: Draft) -> None:
    """Put a new draft in place: the metadata boxes and every grid start again from it."""
    _set_draft(new)
    st.session_state.pop(BASES_KEY, None)
    for name in _generations():
        _generations()[name] += 1


def _start_options() -> list[str]:
    return [EMPTY, TEMPLATE] + get_dataset().case_ids


def _made_from(start: str) -> Draft:
    if start == TEMPLATE:
        return drafts.template_draft()
    if start in get_dataset().case_ids:
        return drafts.from_dataset(get_dataset(), start)
    return drafts.empty_draft()


def render_start() -> Draft:
    """Where the draft starts from (empty, the template, a copy of a case shown), in the link
    as `start=`; the first visit of a session starts from it, later ones keep the draft."""
    dataset = get_dataset()
    lang = current_language()

    options = _start_options()
    # Worded now: the widget may word its options again outside this run.
    labels = {option: t(f"build.start.{option}") if option in (EMPTY, TEMPLATE) else
              t("build.start.copy",
                title=localized_value(dataset.case_info(option), "title", lang))
              for option in options}
    cols = st.columns([3, 2], vertical_alignment="bottom")
    with cols[0]:
        start = synced_selectbox(t("build.start_label"), options, key=START_KEY,
                                 param=START_PARAM, default=EMPTY, format_func=labels.get,
                                 omit_default=True)
    if current_draft() is None:
        start_draft(_made_from(start))
    cols[1].button(t("build.start_button"), key="build-start-button", help=t("build.start_help"),
                   on_click=lambda: start_draft(_made_from(st.session_state[START_KEY])),
                   icon=":material/restart_alt:")
    return current_draft()


def render_meta(draft: Draft) -> Draft:
    """Title, product, period, description and licence of the case.

    Each box starts from the draft's text and passes on what the reader changes. The draft,
    not the box, holds the text: a box the browser draws afresh shows the draft's text again
    instead of an empty one.
    """
    # Open for a draft that starts without a title; folded otherwise, so that the tables come
    # first. Decided once per draft: a box that folded as the title is typed would be lost.
    opened = st.session_state.setdefault(_meta_key("open"), not draft.meta.get("title"))
    box = st.expander(t("build.meta_heading"), expanded=opened, icon=":material/edit_note:")
    typed = {}
    cols = box.columns(3)
    for col, field in zip(cols, ("title", "product", "period")):
        typed[field] = col.text_input(t(f"build.meta.{field}"), draft.meta.get(field, ""),
                                      key=_meta_key(field), max_chars=META_CHARS[field],
                                      help=t(f"build.meta.{field}_help"))
    cols = box.columns([3, 1])
    typed["description"] = cols[0].text_area(
        t("build.meta.description"), draft.meta.get("description", ""),
        key=_meta_key("description"), height=68, max_chars=META_CHARS["description"],
        help=t("build.meta.description_help"))
    licences = list(drafts.LICENCES)
    licence = draft.meta.get("licence", drafts.DEFAULT_LICENCE)
    typed["licence"] = cols[1].selectbox(
        t("build.meta.licence"), licences,
        index=licences.index(licence) if licence in licences else 0,
        key=_meta_key("licence"), help=t("build.meta.licence_help"))
    changed = {k: v or "" for k, v in typed.items() if (v or "") != draft.meta.get(k, "")}
    if changed:
        _set_draft(drafts.with_meta(draft, **changed))
    return current_draft()


def _grid_signature(draft: Draft, table: schema.Table, lang: str) -> tuple:
    """What the grid's drop-downs offer: when it changes, the grid must be drawn afresh."""
    kinds = {drafts.column_kind(table, c) for c in table.columns}
    return (lang,) + tuple(
        tuple(drafts.option_labels(draft, source).items()) if kind in kinds else ()
        for kind, source in (("actor", "actors"), ("link", "links"), ("sources", "sources")))


def _grid_base(draft: Draft, table: schema.Table, lang: str) -> Draft:
    """The draft the table's grid is drawn with; a new one (and a new grid) when the grid's
    drop-downs changed or the browser no longer holds the grid's edits."""
    bases = st.session_state.setdefault(BASES_KEY, {})
    signature = _grid_signature(draft, table, lang)
    held = bases.get(table.name)
    if held is not None and held[0] == signature and _grid_key(table.name) in st.session_state:
        return held[1]
    if held is not None:
        _generations()[table.name] += 1
    bases[table.name] = (signature, draft)
    return draft


def _fold_edits(table: str, key: str) -> None:
    """A grid was edited: the draft's table becomes the grid's base with all its edits (the
    grid reports every edit since it was drawn, so applying them again changes nothing)."""
    held = st.session_state.get(BASES_KEY, {}).get(table)
    if held is None or key != _grid_key(table):
        # A grid already drawn afresh reporting its edits again (the browser keeps them a
        # little longer): they are in the draft, and a second time would add its rows twice.
        return
    edits = st.session_state.get(key) or {}
    edited = drafts.apply_edits(held[1], table, edits)
    _set_draft(drafts.replace_table(current_draft(), table, edited.tables[table]))
    if edits.get("added_rows"):
        # New rows become rows of the draft at once: the grid does not report a box ticked
        # with the keyboard in a row it added itself.
        st.session_state[BASES_KEY].pop(table)
        _generations()[table] += 1


def column_config(draft: Draft, table: schema.Table, lang: str) -> dict:
    """Each column typed from the contract: vocabularies and countries as drop-downs with their
    names in `lang`, actors, links and sources chosen among the draft's own."""
    config = {}
    for column in table.columns:
        kind = drafts.column_kind(table, column)
        # Required columns are marked, not enforced by the grid: it would hold a new row back
        # until all were filled, and the validator could not say what is missing as it goes.
        help_text = t(f"build.help.{table.name}.{column.name}")
        common = {"help": t("build.required_help", help=help_text) if column.required
                  else help_text}
        label = t("build.required_label", column=column.name) if column.required else column.name
        if kind == "vocabulary":
            vocabulary = drafts.VOCABULARY_OF_COLUMN[column.name]
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=list(column.vocabulary), **common,
                format_func=lambda v, k=vocabulary: vocab_label(k, v, lang))
        elif kind == "country":
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=drafts.country_options(lang), **common,
                format_func=lambda code: country_name(code, lang))
        elif kind in ("actor", "link"):
            labels = drafts.option_labels(draft, "actors" if kind == "actor" else "links")
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=list(labels), format_func=labels.get, width="medium",
                **common)  # wide enough for a name
        elif kind == "sources":
            config[column.name] = st.column_config.MultiselectColumn(
                label, options=drafts.options(draft, "sources"), **common)
        elif kind == "boolean":
            config[column.name] = st.column_config.CheckboxColumn(
                label, default=column.name == "paid", **common)
        elif kind == "integer":
            config[column.name] = st.column_config.NumberColumn(
                label, step=1, format="%d", **common)
        else:
            config[column.name] = st.column_config.TextColumn(
                label, width=EDITOR_WIDTH.get(column.name), **common)
    return config


def render_tables(draft: Draft) -> None:
    """One table at a time as a grid, chosen above it (labels that never change, so that the
    choice stays put as rows are added)."""
    lang = current_language()
    counts = drafts.row_counts(draft)
    labels = {table.name: t(f"build.tab.{table.name}") for table in EDIT_ORDER}
    name = st.segmented_control(t("build.table_label"), list(labels), format_func=labels.get,
                                key=TABLE_KEY, default=EDIT_ORDER[0].name, required=True,
                                label_visibility="collapsed")
    table = drafts.TABLE_BY_NAME[name or EDIT_ORDER[0].name]
    st.caption(tn("build.rows", counts[table.name]) + " · " + t(f"build.table_help.{table.name}"))
    base = _grid_base(draft, table, lang)
    key = _grid_key(table.name)
    # Named by its generation: the page (and its tests) can tell a grid drawn afresh.
    with st.container(key=f"{key}-box"):
        st.data_editor(drafts.editor_frame(base, table.name), key=key, num_rows="dynamic",
                       column_config=column_config(base, table, lang), hide_index=True,
                       column_order=drafts.editor_order(table), on_change=_fold_edits,
                       args=(table.name, key), width="stretch",
                       placeholder="")  # an empty cell, not "None", which reads as a value
    st.caption(t("build.grid_howto"))


def draft_case_id(draft: Draft) -> str:
    """The draft's id: from its title, unique among the cases shown (its own earlier showing
    aside)."""
    taken = set(get_dataset().case_ids) - {st.session_state.get(SHOWN_KEY)}
    return drafts.case_id_for(draft.meta.get("title", ""), taken)


def render_checks(checked: DraftCheck) -> None:
    """The validator's verdict, beside the tables."""
    st.subheader(t("build.checks_heading"), anchor=False)
    # Named by the draft's revision: the page (and its tests) can tell that an edit was taken.
    with st.container(key=f"build-checks-rev-{st.session_state.get(REVISION_KEY, 0)}"):
        _render_verdict(checked)


def _render_verdict(checked: DraftCheck) -> None:
    if checked.ok:
        st.success(t("build.valid"), icon=":material/check_circle:")
        return
    render_problems_list(checked.problems, key="build-problems",
                         summary=t("build.problems_summary",
                                   problems=tn("count.problems", len(checked.problems))),
                         line_label=t("build.column.row"), file_name="build-problems.csv")


def render_live_chain(checked: DraftCheck) -> None:
    """The chain figure drawn from the rows that are valid so far."""
    lang = current_language()
    st.subheader(t("build.figure_heading"), anchor=False)
    valid = checked.valid
    graph = build_chain_graph(valid["actors"], valid["links"], valid["sources"], lang=lang)
    if not graph.nodes:
        st.info(t("build.figure_empty"), icon=":material/draw:")
        return
    st.caption(t("build.figure_caption", actors=tn("count.actors", len(graph.nodes)),
                 links=tn("count.links", len(graph.edges))))
    first = frame_height(graph, GRAPH_WIDTH_GUESS, max_px=GRAPH_HEIGHT)
    st.iframe(chain_graph_html(graph, height_px=first, lang=lang, max_height_px=GRAPH_HEIGHT),
              height=first + 6)
    render_graph_legend(graph)


def _show(draft: Draft, case_id: str) -> None:
    """Register the draft as a session case, as an accepted upload is (replacing its earlier
    showing)."""
    uploads = session_uploads()
    previous_id = st.session_state.get(SHOWN_KEY)
    previous = uploads.pop(previous_id, None) if previous_id else None
    case = drafts.to_case(draft, case_id)
    problems = check_upload(case)
    if problems:
        if previous is not None:
            uploads[previous_id] = previous
        st.session_state["build-show-problems"] = problems
        return
    accept(case)
    st.session_state[SHOWN_KEY] = case_id


def render_actions(draft: Draft, checked: DraftCheck) -> None:
    """Download at any time; show on every page once valid."""
    st.subheader(t("build.actions_heading"), anchor=False)
    case_id = checked.case_id
    cols = st.columns(2)
    with cols[0]:
        st.download_button(t("build.download"), drafts.zip_bytes(draft, case_id),
                           file_name=drafts.ZIP_NAME.format(case_id=case_id),
                           mime="application/zip", key="build-download",
                           icon=":material/download:", on_click="ignore", type="primary")
        st.caption(t("build.download_note") if checked.ok else
                   t("build.download_note_invalid",
                     problems=tn("count.problems", len(checked.problems))))
    shown_id = st.session_state.get(SHOWN_KEY)
    shown = session_uploads().get(shown_id) if shown_id else None
    has_actors = len(checked.valid["actors"]) > 0
    ready = checked.ok and has_actors
    current = drafts.to_case(draft, case_id) if ready else None
    up_to_date = shown is not None and current is not None and shown.digest == current.digest
    with cols[1]:
        label = t("build.update" if shown is not None else "build.show")
        st.button(label, key="build-show", disabled=not ready or up_to_date,
                  on_click=_show, args=(draft, case_id), icon=":material/visibility:")
        if not has_actors:
            st.caption(t("build.show_needs_actor"))
        elif not checked.ok:
            st.caption(t("build.show_needs_valid"))
        elif shown is not None and not up_to_date:
            st.caption(t("build.changed_since_shown"))
        else:
            st.caption(t("build.show_note"))
    refused = st.session_state.pop("build-show-problems", None)
    if refused:
        render_problems_list(refused, key="build-show-refused")
    if shown is not None:
        info = get_dataset().case_info(shown_id)
        render_success(shown_id, localized_value(info, "title", current_language()))


def render_dictionary() -> None:
    """What each column means, with the values allowed and an example, in the reader's
    language; the full dictionary as a download."""
    lang = current_language()
    example = drafts.template_draft()
    with st.expander(t("build.dictionary"), icon=":material/menu_book:"):
        st.markdown(t("build.dictionary_intro"))
        for table in drafts.TABLES:
            st.markdown(f"**{table.filename}** — {t(f'build.table_help.{table.name}')}")
            rows = []
            for column in table.columns:
                allowed = ""
                if column.vocabulary:
                    kind = drafts.VOCABULARY_OF_COLUMN.get(column.name)
                    allowed = ", ".join(f"{v} ({vocab_label(kind, v, lang)})" if kind else v
                                        for v in column.vocabulary)
                sample = example.tables[table.name]
                rows.append({
                    t("build.dict.column"): column.name,
                    t("build.dict.required"): t("build.dict.yes" if column.required
                                                else "build.dict.no"),
                    t("build.dict.meaning"): t(f"build.help.{table.name}.{column.name}"),
                    t("build.dict.allowed"): allowed,
                    t("build.dict.example"): sample[column.name].iloc[0] if len(sample) else "",
                })
            st.dataframe(rows, hide_index=True, key=f"build-dictionary-{table.name}")
        render_dictionary_download()
