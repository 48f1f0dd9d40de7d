"""The chain graph: actors as nodes, links as arrows, in country lanes, drawn by vis-network.

Pure builders (no Streamlit): `build_chain_graph` places the actors with `chain_layout` and
assembles nodes and edges with pyvis's `Network` (testable before any HTML);
`chain_graph_html` renders them through the project's own Jinja template
(`templates/chain_graph.html`, set with pyvis's `set_template_dir`), which loads vis-network
from the app's static folder; `standalone_html` inlines it for a download.

Why our own template rather than pyvis's: pyvis's loads bootstrap from a CDN, inserts the
heading and its select menu raw, and switches to `innerHTML` tooltips when a title contains
"href". Here every text that comes from the data reaches the page only inside JSON escaped for
a script block; tooltips become DOM elements filled with `textContent`; labels and lane names
are drawn on the canvas.
"""

from __future__ import annotations

import gc
import html
import json
import math
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from pyvis.network import Network

from app.charts import chain_layout, palette
from app.core import geo, network, vocab
from app.core.i18n import (DEFAULT_LANGUAGE, format_number, localized, relation_verb, translate,
                           vocab_label)
from app.core.sources import citation_lookup, citations_for

ASSETS_DIR = Path(__file__).resolve().parent.parent / "static" / "vis-9.1.2"
JS_FILE = "vis-network.min.js"
CSS_FILE = "vis-network.css"

SHAPE_END_USER = "diamond"
SHAPE_DEFAULT = "dot"

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_FILE = "chain_graph.html"
CASE_GAP = 2 * chain_layout.FONT  # between the drawings of two cases
NODE_SIZE = 16
LABEL_HALO = 4  # a white outline round the actors' names, over any link that crosses them
MAX_ACTORS_DASHED = 1_000
MIN_HEIGHT_PX = 240
MIN_FONT_PX = 12  # below this on a narrow screen, the drawing keeps its size and scrolls
# Labels as large as aimed for: on the page (a 1440-wide laptop), on a slide, embedded.
PAGE_LABEL_PX, SLIDE_LABEL_PX, EMBEDDED_LABEL_PX = 14, 20, 12
GROW = 6  # a frame grows with the lanes up to this many times its usual height
# A drawing wider than the window at the label size aimed for scrolls sideways, except on a
# window narrower than this (a phone), where it fits the width and zooms with a pinch.
SCROLL_FROM_PX = 640
# A slide shows its whole width if its labels need shrink no further than this (19 px of 20);
# a chain wider still scrolls sideways there too, each step bringing its new actors into view.
SLIDE_SHRINK = 0.95
# A slide's frame on a 1920-wide screen (1854 px, or a little less beside a scroll bar), where
# its labels are SLIDE_LABEL_PX: a smaller screen shows the same slide smaller (13 px on a
# 1280-wide one).
SLIDE_FRAME_PX = 1830
# A small chain is drawn at most this many times larger than aimed for: three actors in 30-px
# type read as a poster, not a figure; the frame is then only as tall as the drawing.
MAX_LABEL_GROWTH = 1.6
WORKER_SIZE_MIN, WORKER_SIZE_MAX = 14, 42
GREYED_OPACITY = 0.3
_FALLBACK_CERTAINTY = "inferred"  # unknown values are drawn as the least certain

# Which links `focus` follows backwards: the buyer is upstream of the seller
# (so a product's client stays lit with its workers), while data supplied by end users keeps
# the link direction (so users stay lit with the workers who process their data).
FOCUS_REVERSED: frozenset[str] = frozenset({"sells_to"})


@dataclass(frozen=True)
class ChainGraph:
    """Node and edge dicts in vis-network's format, the network options, and the drawing's
    frame: `frame` = {"width", "height"} in drawing units, `lanes` = bands with their names
    (the same geometry the paper figure uses, kept in `layouts`)."""

    nodes: list[dict]
    edges: list[dict]
    options: dict
    frame: dict | None = None
    lanes: tuple = ()
    layouts: tuple = ()
    layout: str = chain_layout.DEFAULT_LAYOUT


class _NodeIds(list):
    """pyvis checks `id in node_ids` (a list) for every node and both ends of every edge: a
    list that also keeps a set makes building 5,000 actors linear instead of quadratic."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set = set()

    def append(self, item) -> None:  # noqa: D102
        self._set.add(item)
        super().append(item)

    def __contains__(self, item) -> bool:
        return item in self._set


def new_network() -> Network:
    """A pyvis Network set up for our template: directed, no CDN, fast membership checks."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    net.node_ids = _NodeIds()
    net.set_template_dir(str(TEMPLATE_DIR), TEMPLATE_FILE)
    return net


# ---------------------------------------------------------------------------------------------
# Text helpers


def _source_lines(cites: list[str], lang: str) -> list[str]:
    if not cites:
        return [translate("graph.no_sources", lang)]
    return [translate("graph.sources", lang), *(f"\u2022 {c}" for c in cites)]


def _certainty_line(cert: object, lang: str) -> str:
    return translate("graph.certainty", lang,
                     certainty=vocab_label("certainty", str(cert), lang).lower())


def _certainty(value: str) -> str:
    return value if value in palette.CERTAINTY_DASHES else _FALLBACK_CERTAINTY


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def worker_size(workers: object) -> float:
    """Node size of a worker pool: log-scaled headcount, bounded; default size when unknown."""
    if _missing(workers):
        return NODE_SIZE
    n = max(int(workers), 0)  # type: ignore[call-overload]
    return float(min(WORKER_SIZE_MAX, WORKER_SIZE_MIN + 7 * math.log10(n + 1)))


def _col(df: pd.DataFrame, name: str, default: object = "") -> list:
    return df[name].tolist() if name in df.columns else [default] * len(df)


def _text_col(df: pd.DataFrame, name: str, lang: str) -> list:
    """A curated text column in `lang` (English, marked, where the translation is missing)."""
    return localized(df, name, lang).tolist() if name in df.columns else [""] * len(df)


def _cases(df: pd.DataFrame) -> list[str]:
    return [str(c) for c in _col(df, "case_id", "")]


def node_id(case_id: str, actor_id: str) -> str:
    """The vis id of an actor: unique across cases (actor ids are slugs, so no ':' inside)."""
    return f"{case_id}:{actor_id}"


def _focus_seeds(focus, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Accepts (case_id, actor_id), a node id "case_id:actor_id", or an actor id (every case)."""
    if isinstance(focus, tuple):
        return {(str(focus[0]), str(focus[1]))}
    focus = str(focus)
    if ":" in focus:
        case, _, actor = focus.partition(":")
        return {(case, actor)}
    return {k for k in keys if k[1] == focus}


# ---------------------------------------------------------------------------------------------
# Builder


def _layout_inputs(actors: pd.DataFrame, links: pd.DataFrame, names: list, case: str,
                   rows: list[int], link_rows: list[int]):
    """The layout's actors and links for one case: columns from `network.layer_positions`."""
    columns = network.layer_positions(actors.iloc[rows], links.iloc[link_rows])
    lay_actors = []
    for i in rows:
        actor = str(actors["actor_id"].iat[i]) if "actor_id" in actors.columns else ""
        atype = str(actors["actor_type"].iat[i]) if "actor_type" in actors.columns else ""
        workers = actors["workers"].iat[i] if "workers" in actors.columns else None
        country = actors["country"].iat[i] if "country" in actors.columns else ""
        country = "" if _missing(country) else str(country or "")
        size = worker_size(workers) if atype == "worker_pool" else NODE_SIZE
        lay_actors.append(chain_layout.Actor(node_id(case, actor), str(names[i]), country,
                                             columns.get(actor, (0, 0))[0], size))
    return lay_actors


def _case_layouts(actors: pd.DataFrame, links: pd.DataFrame, names: list, lang: str,
                  mode: str, relation_labels: dict[str, str],
                  wrap_width: float, max_width: float) -> list[chain_layout.Layout]:
    """One layout per case, in the order the cases come."""
    a_rows: dict[str, list[int]] = {}
    for i, c in enumerate(_cases(actors)):
        a_rows.setdefault(c, []).append(i)
    l_rows: dict[str, list[int]] = {}
    for i, c in enumerate(_cases(links)):
        l_rows.setdefault(c, []).append(i)
    out = []
    for case, rows in a_rows.items():
        lay_actors = _layout_inputs(actors, links, names, case, rows, l_rows.get(case, []))
        lay_links = [
            chain_layout.Link(node_id(case, str(links["link_id"].iat[j])),
                              node_id(case, str(links["from_actor"].iat[j])),
                              node_id(case, str(links["to_actor"].iat[j])),
                              relation_labels.get(str(links["relation"].iat[j]), ""))
            for j in l_rows.get(case, [])
        ]
        countries = {a.lane for a in lay_actors}
        lane_names = {c: (geo.country_name(c, lang) if c else translate("graph.lane_unknown",
                                                                       lang))
                      for c in countries}
        out.append(_cached_layout(tuple(lay_actors), tuple(lay_links), mode,
                                  tuple(sorted(lane_names.items())), wrap_width, max_width))
    return out


@lru_cache(maxsize=64)
def _cached_layout(actors: tuple, links: tuple, mode: str, lane_names: tuple,
                   wrap_width: float, max_width: float) -> chain_layout.Layout:
    """The same chain drawn again (another actor highlighted, another presenter's step) reuses
    its geometry: only colours change. Layouts are never modified once made."""
    return chain_layout.chain_layout(list(actors), list(links), mode=mode,
                                     lane_names=dict(lane_names), wrap_width=wrap_width,
                                     max_width=max_width)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector runs every few hundred allocations and walks every live object:
    a graph's many small dicts (none in a cycle) would make its build grow faster than the
    graph. Collection resumes once the build is done (if it was on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_without_cycle_collection()
def build_chain_graph(
    actors: pd.DataFrame,
    links: pd.DataFrame,
    sources: pd.DataFrame,
    *,
    focus: str | tuple[str, str] | None = None,
    physics: bool = False,
    lang: str = DEFAULT_LANGUAGE,
    layout: str = chain_layout.DEFAULT_LAYOUT,
    wide_labels: bool = False,
) -> ChainGraph:
    """Nodes and edges of the chain graph for one or more cases, ready for vis-network.

    Nodes are actors (id "case_id:actor_id"), coloured by type (`palette.ACTOR_TYPE_COLOURS`),
    diamonds for end users and dots otherwise, worker pools sized by headcount where known,
    placed by `chain_layout` (`layout`: "lanes", one band per country, or "columns", one band;
    the cases one under the other). Labels are the names wrapped at a fixed width. Edges are
    straight links with arrows, the relation in words as label where it fits clear of
    everything else (always in the tooltip), and certainty as line style and paleness. Every
    `title` is plain text (who, what, certainty and the full citations of its sources); the
    HTML builders make sure it is shown as text. `focus` (an actor id, a node id or a
    (case_id, actor_id) pair) greys every actor and link not on a chain through it. Links whose
    ends are not known actors and repeated ids are skipped so that the page never breaks.
    `wide_labels` wraps labels wider (a slide is wide and short). A chain with many columns
    wraps them narrower, so that it keeps to the page's (or the slide's) width.
    Every text is in `lang`: names and descriptions from their `*_fr` columns where there is one
    (else English, marked), types, relations, countries and numbers; citations stay as they are.
    """
    citations = citation_lookup(sources)
    # Dashed lines cost the browser in proportion to their length: on very large graphs they
    # froze every redraw for seconds (bench: 4.6 s -> 0.13 s at 5,000 actors), so certainty is
    # shown there by opacity, tooltip and table only.
    solid = len(actors) > MAX_ACTORS_DASHED

    def dashes(cert_key: str):
        return False if solid else palette.CERTAINTY_DASHES[cert_key]


    a_keys = list(zip(_cases(actors), _col(actors, "actor_id")))
    names: dict[tuple[str, str], str] = {}
    actor_names = _text_col(actors, "name", lang)
    for key, name in zip(a_keys, actor_names):
        names.setdefault(key, str(name))
    relation_labels = {r: vocab_label("relation", r, lang) for r in vocab.RELATIONS}
    wrap = chain_layout.WIDE_WRAP_WIDTH if wide_labels else chain_layout.WRAP_WIDTH
    fit = chain_layout.SLIDE_WIDTH if wide_labels else chain_layout.PAGE_WIDTH
    layouts = _case_layouts(actors, links, actor_names, lang, layout, relation_labels, wrap,
                            fit)
    positions: dict[str, tuple[float, float]] = {}
    wrapped: dict[str, list[str]] = {}
    edge_labels: set[str] = set()
    routes: dict[str, tuple[str, float]] = {}
    lanes: list[dict] = []
    top, width = 0.0, 0.0
    for lay in layouts:  # the cases one under the other
        for key, p in lay.actors.items():
            positions[key] = (p.x, p.y + top)
            wrapped[key] = p.lines
        edge_labels |= set(lay.edge_labels)
        routes.update(lay.routes)
        if lay.mode == "lanes":
            lanes += [{"name": lane.name_lines, "y0": lane.y0 + top, "y1": lane.y1 + top,
                       "x0": lay.offset[0] + chain_layout.MARGIN,
                       "unknown": lane.key == chain_layout.UNKNOWN_LANE} for lane in lay.lanes]
        width = max(width, lay.width)
        top += lay.height + CASE_GAP
    frame = {"width": width, "height": max(top - CASE_GAP, 0.0),
             "font": chain_layout.FONT, "laneFont": chain_layout.LANE_FONT,
             "laneLine": chain_layout.LINE_HEIGHT, "gutter": chain_layout.GUTTER,
             "margin": chain_layout.MARGIN}
    net = new_network()

    related: set[tuple[str, str]] | None = None
    lit_links: set[int] = set()
    seeds = _focus_seeds(focus, set(a_keys)) & set(a_keys) if focus not in (None, "") else set()
    if seeds:  # an unknown focus greys nothing rather than everything
        related, lit_links = network.focus_keys(links, seeds, FOCUS_REVERSED)

    seen: set[tuple[str, str]] = set()
    types: dict[tuple[str, str], str] = {}  # each actor's type, for the verbs of its links
    for key, name, atype, country, workers, anon, desc, sids, cert in zip(
        a_keys,
        actor_names,
        _col(actors, "actor_type"),
        _col(actors, "country"),
        _col(actors, "workers", None),
        _col(actors, "anonymised", False),
        _text_col(actors, "description", lang),
        _col(actors, "source_ids"),
        _col(actors, "certainty"),
    ):
        if key in seen:
            continue
        seen.add(key)
        case, actor = key
        name, atype, country = str(name), str(atype), str(country or "")
        types[key] = atype
        cert_key = _certainty(str(cert))
        greyed = related is not None and key not in related
        colour = (palette.NEUTRAL if greyed
                  else palette.ACTOR_TYPE_COLOURS.get(atype, palette.NEUTRAL))

        place = geo.country_name(country, lang) if country else ""
        where = f"{place} ({country})" if country else translate("graph.no_country", lang)
        lines = [name, f"{vocab_label('actor_type', atype, lang)} \u00b7 {where}"]
        if atype == "worker_pool" and not _missing(workers):
            lines.append(translate("graph.workers", lang,
                                   workers=format_number(int(workers), lang)))
        if not _missing(anon) and bool(anon):
            lines.append(translate("graph.anonymised", lang))
        if desc:
            lines += ["", str(desc)]
        lines += ["", _certainty_line(cert, lang),
                  *_source_lines(citations_for(citations, case, sids), lang)]

        nid = node_id(case, actor)
        x, y = positions.get(nid, (0.0, 0.0))
        fill = palette.over_white(colour, GREYED_OPACITY if greyed else
                                  palette.CERTAINTY_OPACITY[cert_key])
        size = worker_size(workers) if atype == "worker_pool" else NODE_SIZE
        net.add_node(nid, **{
            "label": "\n".join(wrapped.get(nid, [name])) or " ",
            "title": "\n".join(lines),
            "shape": SHAPE_END_USER if atype == "end_user" else SHAPE_DEFAULT,
            "size": size,
            "x": x,
            "y": y,
            # Certainty: a paler fill (opaque, so that no link shows through the marker) in
            # an outline of the type's colour, dashed as the links are.
            "color": {
                "background": fill,
                "border": colour,
                "highlight": {"background": fill, "border": palette.HIGHLIGHT},
                "hover": {"background": fill, "border": palette.HIGHLIGHT},
            },
            "borderWidth": 2,
            "shapeProperties": {"borderDashes": dashes(cert_key)},
            "font": {"color": palette.NEUTRAL if greyed else palette.TEXT},
            # Not read by vis-network; kept for tests and callers.
            "full_name": name,
            "country": country,
            "case_id": case,
            "actor_id": actor,
            "actor_type": atype,
            "certainty": str(cert),
            "greyed": greyed,
        })

    seen_edges: set[str] = set()
    for i, (case, lid, a, b, rel, desc, sids, cert) in enumerate(zip(
        _cases(links),
        _col(links, "link_id"),
        _col(links, "from_actor"),
        _col(links, "to_actor"),
        _col(links, "relation"),
        _text_col(links, "description", lang),
        _col(links, "source_ids"),
        _col(links, "certainty"),
    )):
        eid = node_id(case, str(lid))
        if eid in seen_edges or (case, a) not in seen or (case, b) not in seen:
            continue
        seen_edges.add(eid)
        rel = str(rel)
        verb = vocab_label("relation", rel, lang)
        cert_key = _certainty(str(cert))
        greyed = related is not None and i not in lit_links
        lines = [f"{names[(case, a)]} {relation_verb(rel, types.get((case, a)), lang)} "
                 f"{names[(case, b)]}"]
        if desc:
            lines += ["", str(desc)]
        lines += ["", _certainty_line(cert, lang),
                  *_source_lines(citations_for(citations, case, sids), lang)]
        extra: dict = {"label": verb} if eid in edge_labels else {}
        kind, roundness = routes.get(eid, chain_layout.STRAIGHT)
        if kind in chain_layout.S_DIRECTION:  # the curve the layout found clear of every label
            extra["smooth"] = {"enabled": True, "type": "cubicBezier", "roundness": roundness,
                               "forceDirection": chain_layout.S_DIRECTION[kind]}
        elif kind != "straight":
            extra["smooth"] = {"enabled": True, "type": kind, "roundness": roundness}
        net.add_edge(node_id(case, a), node_id(case, b), **{
            **extra,
            "id": eid,
            "arrows": "to",
            "title": "\n".join(lines),
            "dashes": dashes(cert_key),
            "color": {
                "color": palette.NEUTRAL if greyed else palette.TEXT,
                "highlight": palette.HIGHLIGHT,
                "hover": palette.HIGHLIGHT,
                "opacity": GREYED_OPACITY if greyed else palette.CERTAINTY_OPACITY[cert_key],
            },
            "font": {"color": palette.NEUTRAL if greyed else palette.TEXT},
            "link_id": str(lid),
            "relation": rel,
            "relation_label": verb,
            "certainty": str(cert),
            "greyed": greyed,
        })

    return ChainGraph(nodes=net.nodes, edges=net.edges, options=graph_options(physics=physics),
                      frame=frame, lanes=tuple(lanes), layouts=tuple(layouts), layout=layout)


def graph_options(*, physics: bool = False) -> dict:
    """vis-network options: fixed layout (physics off) unless asked, hover tooltips, no editing."""
    physics_options: dict = {"enabled": False}
    if physics:
        physics_options = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 160,
                          "springConstant": 0.02, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        }
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": physics_options,
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "nodes": {
            # Labels come wrapped by the layout, which sized their boxes for this font.
            "font": {"size": chain_layout.FONT, "face": "sans-serif", "multi": False,
                     "strokeWidth": LABEL_HALO, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
            "font": {"size": chain_layout.EDGE_FONT, "face": "sans-serif",
                     "align": "horizontal", "strokeWidth": 4},
            # Straight, as the layout checked them against every label on their way.
            "smooth": {"enabled": False},
            "width": 1.5,
            "selectionWidth": 1.5,
        },
    }


# ---------------------------------------------------------------------------------------------
# Legend


def reveal(graph: ChainGraph, actor_ids: Collection[str], link_ids: Collection[str]) -> ChainGraph:
    """The same graph with only some actors and links visible; positions do not move.

    Used by the presenter's step-through: hidden items keep their place, so each step adds
    to the picture instead of redrawing it.
    """
    actors, links = set(actor_ids), set(link_ids)
    nodes = [n | {"hidden": n["actor_id"] not in actors} for n in graph.nodes]
    edges = [e | {"hidden": e["link_id"] not in links} for e in graph.edges]
    return ChainGraph(nodes, edges, graph.options, graph.frame, graph.lanes, graph.layouts,
                      graph.layout)


def legend_items(lang: str = DEFAULT_LANGUAGE, graph: ChainGraph | None = None,
                 ) -> list[tuple[str, str, str]]:
    """(label, colour, shape) for the legend in `lang`: actor types, then certainty line styles.

    With `graph`, only the actor types and certainties it shows, so that a figure's legend
    names nothing the figure does not draw. Actor-type shapes are vis-network's "dot" or
    "diamond"; certainty rows use the shapes "solid", "dashed" and "dotted" (a line style), in
    `palette.TEXT`.
    """
    types, certainties = list(vocab.ACTOR_TYPES), list(vocab.CERTAINTIES)
    if graph is not None:
        shown = [n for n in graph.nodes if not n.get("hidden")]
        drawn = {str(n.get("actor_type")) for n in shown}
        sure = {_certainty(str(item.get("certainty")))
                for item in shown + [e for e in graph.edges if not e.get("hidden")]}
        types = [t for t in types if t in drawn]
        certainties = [c for c in certainties if c in sure]
    items = [
        (vocab_label("actor_type", t, lang), palette.ACTOR_TYPE_COLOURS[t],
         SHAPE_END_USER if t == "end_user" else SHAPE_DEFAULT)
        for t in types
    ]
    items += [
        (translate(f"graph.legend.{c}", lang), palette.TEXT, palette.CERTAINTY_CSS[c])
        for c in certainties
    ]
    return items


_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def legend_html(lang: str = DEFAULT_LANGUAGE, graph: ChainGraph | None = None) -> str:
    """The legend as a small self-contained HTML fragment: inline styles only, no SVG, no script
    (so that it survives Streamlit's HTML sanitiser as well as the standalone page)."""
    parts = []
    for label, colour, shape in legend_items(lang, graph):
        colour = colour if _HEX.match(colour) else palette.NEUTRAL
        if shape in palette.CERTAINTY_CSS.values():
            mark = (f'<span aria-hidden="true" style="display:inline-block;width:34px;'
                    f'border-top:3px {shape} {colour}"></span>')
        else:
            radius = "50%" if shape == SHAPE_DEFAULT else "0"
            turn = "transform:rotate(45deg);" if shape == SHAPE_END_USER else ""
            mark = (f'<span aria-hidden="true" style="display:inline-block;width:12px;height:12px;'
                    f'background:{colour};border-radius:{radius};{turn}"></span>')
        parts.append(f'<li style="display:flex;align-items:center;gap:6px">{mark} '
                     f'{html.escape(label)}</li>')
    return ('<ul class="dlc-legend" style="list-style:none;margin:4px 0 8px;padding:0;'
            'display:flex;flex-wrap:wrap;gap:4px 18px">' + "".join(parts) + "</ul>")


# ---------------------------------------------------------------------------------------------
# HTML


def safe_json(value: object) -> str:
    """JSON that can sit inside a <script> block: no character of it can close the tag."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _check_relative(url: str) -> str:
    if re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)", url):
        raise ValueError(f"assets_url must be a relative URL or path, got {url!r}")
    return url.rstrip("/")


def _page(graph: ChainGraph, *, head: str, body_top: str, height_px: int, title: str,
          lang: str, fit_height: bool = True, max_height_px: int | None = None,
          label_px: int = MIN_FONT_PX, slide: bool = False,
          follow: Collection[str] = ()) -> str:
    """Render the graph through pyvis with our template; `head` and `body_top` are our own
    HTML (no data in them unescaped), everything else enters as escaped JSON."""
    net = new_network()
    net.nodes, net.edges = graph.nodes, graph.edges
    nodes, edges, _, _, _, _ = net.get_network_data()
    payload = {"nodes": nodes, "edges": edges, "options": graph.options,
               "frame": graph.frame or {}, "lanes": list(graph.lanes),
               "fitHeight": fit_height, "minHeight": MIN_HEIGHT_PX,
               "minFont": MIN_FONT_PX, "labelPx": label_px, "maxGrowth": MAX_LABEL_GROWTH,
               "slideWidth": SLIDE_FRAME_PX if slide else None,
               "maxHeight": int(max_height_px or height_px),
               "growHeight": GROW * int(max_height_px or height_px),
               "scrollFrom": SCROLL_FROM_PX, "shrink": SLIDE_SHRINK if slide else 1.0,
               "wideNote": "" if slide else translate("graph.wide_note", lang),
               "follow": _shown_ids(graph, follow),
               "unavailable": translate("graph.unavailable", lang)}
    template = net.templateEnv.get_template(net.path)
    return template.render(
        lang=lang, title=title, head=head, body_top=body_top, height_px=int(height_px),
        text_colour=palette.TEXT, aria_label=translate("graph.aria_label", lang),
        data_json=safe_json(payload),
    ) + "\n"


def _shown_ids(graph: ChainGraph, actor_ids: Collection[str]) -> list[str]:
    """The vis ids of these actors that the graph shows, in the order given."""
    ids = {n["actor_id"]: n["id"] for n in graph.nodes if not n.get("hidden")}
    return [ids[a] for a in dict.fromkeys(actor_ids) if a in ids]


def frame_height(graph: ChainGraph, width_px: float, *, max_px: int,
                 label_px: int = MIN_FONT_PX, slide: bool = False) -> int:
    """The frame's height in a window `width_px` wide, as the page computes it: the drawing's
    own proportions within [MIN_HEIGHT_PX, max_px] when its labels are then `label_px` large,
    else grown with the lanes (up to `GROW` times `max_px`) until they are, scrolling sideways
    if it is then wider than the window (unless the window is a phone's; a `slide` aims at
    `label_px` on a 1920-wide screen, less on a smaller one, and first shrinks its labels down
    to `SLIDE_SHRINK`; one too tall at that size fits the window's width). The page corrects
    it once it knows its real width."""
    frame = graph.frame or {}
    if not frame.get("width"):
        return max_px
    if slide:
        label_px = label_px * min(1.0, width_px / SLIDE_FRAME_PX)
    target = label_px / frame["font"]
    fit = min(width_px / frame["width"], max_px / frame["height"], MAX_LABEL_GROWTH * target)
    if fit < target:
        fit_width = width_px / frame["width"]
        shrink = SLIDE_SHRINK if slide else 1.0
        tries = [target] if width_px >= SCROLL_FROM_PX and fit_width < shrink * target else []
        fits = [s for s in tries + [min(target, fit_width)]
                if frame["height"] * s <= GROW * max_px]
        if not fits:
            return max_px
        fit = fits[0]
    return int(max(MIN_HEIGHT_PX, round(frame["height"] * fit)))


def chain_graph_html(
    graph: ChainGraph, *, assets_url: str = "app/static/vis-9.1.2", height_px: int = 620,
    lang: str = DEFAULT_LANGUAGE, max_height_px: int | None = None,
    label_px: int = MIN_FONT_PX, slide: bool = False, follow: Collection[str] = (),
) -> str:
    """A small HTML page drawing the graph, loading vis-network from `assets_url`.

    `label_px`: the label size aimed for; the frame grows with the lanes to reach it, and a
    drawing wider than the window at that size scrolls sideways. A `slide` would rather shrink
    its labels a little (`SLIDE_SHRINK`) and show its whole width, and says nothing about
    scrolling; `follow`: actor ids brought into view (a presenter's step, its new actors).

    `assets_url` must be relative (inside Streamlit's srcdoc iframe it resolves against the app,
    which serves `app/static/` when `enableStaticServing` is on); absolute URLs are refused so
    that the page never reaches another host. Data enter only as escaped JSON; tooltips are
    set as text.
    """
    base = html.escape(_check_relative(assets_url), quote=True)
    head = (f'<link rel="stylesheet" href="{base}/{CSS_FILE}">\n'
            f'<script src="{base}/{JS_FILE}"></script>\n')
    return _page(graph, head=head, body_top="", height_px=height_px,
                 title=translate("graph.page_title", lang), lang=lang,
                 max_height_px=max_height_px, label_px=label_px, slide=slide, follow=follow)


@lru_cache(maxsize=1)
def _inline_assets() -> tuple[str, str]:
    """vis-network's JS and CSS, made safe to sit inside <script> and <style> blocks."""
    js = (ASSETS_DIR / JS_FILE).read_text(encoding="utf-8")
    css = (ASSETS_DIR / CSS_FILE).read_text(encoding="utf-8")
    # The library builds an iframe document from the string "<script>"; inside a string literal
    # "\x3C" is the same character, and the HTML parser then sees no tag at all.
    js = js.replace('"<script>"', '"\\x3Cscript>"')
    for bad in ("</script", "<script", "<!--"):
        if bad in js.lower():
            raise ValueError(f"{JS_FILE} contains {bad!r}: cannot inline it safely")
    if "</style" in css.lower() or "<!--" in css:
        raise ValueError(f"{CSS_FILE} contains a closing tag: cannot inline it safely")
    return js, css


def standalone_html(graph: ChainGraph, *, title: str, height_px: int = 720,
                    lang: str = DEFAULT_LANGUAGE) -> str:
    """The graph as one offline HTML file: vis-network inlined, a heading and a legend.

    Nothing is loaded from anywhere (about 700 KB); `title` is escaped. For the download
    button; the dashboard itself uses the lighter `chain_graph_html`.
    """
    js, css = _inline_assets()
    head = f"<style>\n{css}\n</style>\n<script>\n{js}\n</script>\n"
    top = (f"<h1>{html.escape(title)}</h1>\n{legend_html(lang, graph)}\n"
           f"<p style=\"margin:0 0 4px;font-size:13px\">"
           f"{html.escape(translate('graph.standalone_help', lang))}</p>\n")
    return _page(graph, head=head, body_top=top, height_px=height_px, title=title, lang=lang,
                 fit_height=True, max_height_px=max(height_px, 1400))
