"""Building a case in the browser: the draft in the session, its tables as editable grids, its
problems, its chain drawn live, its download, and showing it on every page as an upload is.

The draft lives in `st.session_state` (this browser tab only; nothing is written on the
server). Each grid's edits are folded into the draft as soon as they are made and the grid is
then drawn afresh from the draft: a grid's own memory of its edits would be lost whenever its
drop-downs change (a new actor, a new source) or the reader visits another page.
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
FOLDED_KEY = "build-grids-folded"
SHOWN_KEY = "build-shown-case"
START_KEY = "build-start-select"
TABLE_KEY = "build-table-select"
START_PARAM = "start"
EMPTY, TEMPLATE = "empty", "template"
META_KEY = "build-meta-{field}"
META_CHARS = {"title": MAX_TITLE_CHARS, "product": 300, "period": 100, "description": 2000}
# Sources first: every other row cites them, and picks them from a drop-down.
EDIT_ORDER = (schema.SOURCES, schema.ACTORS, schema.LINKS, schema.TASKS)
EDITOR_WIDTH = {"description": "large", "citation": "large", "note": "large", "task": "medium",
                "name": "medium"}


def current_draft() -> Draft | None:
    return st.session_state.get(DRAFT_KEY)


def _generations() -> dict[str, int]:
    return st.session_state.setdefault(GENERATIONS_KEY, {t.name: 0 for t in drafts.TABLES})


def _grid_key(table: str) -> str:
    return f"build-{table}-grid-{_generations()[table]}"


def start_draft(new: Draft) -> None:
    """Put a new draft in place: the metadata boxes and every grid start again from it."""
    st.session_state[DRAFT_KEY] = new
    for field in drafts.META_FIELDS:
        st.session_state.pop(META_KEY.format(field=field), None)
    for table in drafts.TABLES:
        _generations()[table.name] += 1


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


def _fold_meta(field: str) -> None:
    """A metadata box was changed: the draft takes the new text."""
    key = META_KEY.format(field=field)
    st.session_state[DRAFT_KEY] = drafts.with_meta(current_draft(), **{
        field: st.session_state.get(key) or ""})


def render_meta(draft: Draft) -> Draft:
    """Title, product, period, description and licence of the case.

    The draft holds them: each box shows the draft's text and passes on what the reader
    changes, so that a box drawn afresh (a run cut short by the next edit) never empties it.
    """
    st.subheader(t("build.meta_heading"), anchor=False)
    for field in drafts.META_FIELDS:
        key = META_KEY.format(field=field)
        if st.session_state.get(key) != draft.meta.get(field, ""):
            st.session_state[key] = draft.meta.get(field, "")
    cols = st.columns(3)
    for col, field in zip(cols, ("title", "product", "period")):
        col.text_input(t(f"build.meta.{field}"), key=META_KEY.format(field=field),
                       max_chars=META_CHARS[field], help=t(f"build.meta.{field}_help"),
                       on_change=_fold_meta, args=(field,))
    cols = st.columns([3, 1])
    cols[0].text_area(t("build.meta.description"), key=META_KEY.format(field="description"),
                      height=68, max_chars=META_CHARS["description"],
                      help=t("build.meta.description_help"), on_change=_fold_meta,
                      args=("description",))
    cols[1].selectbox(t("build.meta.licence"), list(drafts.LICENCES),
                      key=META_KEY.format(field="licence"), help=t("build.meta.licence_help"),
                      on_change=_fold_meta, args=("licence",))
    return current_draft()


def _fold_edits(table: str, key: str) -> None:
    """A grid was edited: the draft takes its edits, and the grid is drawn afresh from it."""
    edits = st.session_state.get(key) or {}
    folded = st.session_state.setdefault(FOLDED_KEY, set())
    if key in folded or not any(edits.get(part) for part in ("edited_rows", "added_rows",
                                                              "deleted_rows")):
        # Nothing changed (the grid stays as it is: a cell may be open for editing), or a grid
        # already folded reports its edits again (the browser keeps them a little longer):
        # applying them twice would add its new rows twice.
        return
    folded.add(key)
    st.session_state[DRAFT_KEY] = drafts.apply_edits(current_draft(), table, edits)
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
            source = "actors" if kind == "actor" else "links"
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=drafts.options(draft, source), **common)
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
    key = _grid_key(table.name)
    # Named by its generation: the page (and its tests) can tell a grid drawn afresh.
    with st.container(key=f"{key}-box"):
        st.data_editor(drafts.editor_frame(draft, table.name), key=key, num_rows="dynamic",
                       column_config=column_config(draft, table, lang), hide_index=True,
                       column_order=drafts.editor_order(table), on_change=_fold_edits,
                       args=(table.name, key), width="stretch")
    st.caption(t("build.grid_howto"))


def draft_case_id(draft: Draft) -> str:
    """The draft's id: from its title, unique among the cases shown (its own earlier showing
    aside)."""
    taken = set(get_dataset().case_ids) - {st.session_state.get(SHOWN_KEY)}
    return drafts.case_id_for(draft.meta.get("title", ""), taken)


def render_checks(checked: DraftCheck) -> None:
    """The validator's verdict, beside the tables."""
    st.subheader(t("build.checks_heading"), anchor=False)
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
