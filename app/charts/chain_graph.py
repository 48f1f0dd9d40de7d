"""The chain graph: actors as nodes, links as arrows, laid out left to right, drawn by vis-network.

Pure builders (no Streamlit): `build_chain_graph` turns the tidy tables into node and edge
lists (testable before any HTML), `chain_graph_html` wraps them in a small page that loads
vis-network from the app's static folder, `standalone_html` inlines it for a download.

Why not pyvis's own template: it loads bootstrap from a CDN, inserts the heading and its select
menu raw, and switches to `innerHTML` tooltips when a title contains "href". Here every text
that comes from the data reaches the page only inside JSON escaped for a script block, and
tooltips become DOM elements filled with `textContent`; labels are drawn on the canvas.
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

from app.charts import palette
from app.core import geo, network, vocab
from app.core.i18n import DEFAULT_LANGUAGE, format_number, localized, translate, vocab_label
from app.core.sources import citation_lookup, citations_for

ASSETS_DIR = Path(__file__).resolve().parent.parent / "static" / "vis-9.1.2"
JS_FILE = "vis-network.min.js"
CSS_FILE = "vis-network.css"

SHAPE_END_USER = "diamond"
SHAPE_DEFAULT = "dot"

X_SPACING = 300
Y_SPACING = 150
CASE_GAP = 1.5  # extra rows between the bands of two cases
NODE_SIZE = 16
MAX_ACTORS_DASHED = 1_000
WORKER_SIZE_MIN, WORKER_SIZE_MAX = 14, 42
GREYED_OPACITY = 0.3
BACK_ROUNDNESS = 0.3  # curvature of links drawn right to left, so they arc around the rows
_FALLBACK_CERTAINTY = "inferred"  # unknown values are drawn as the least certain

# Which links `focus` follows backwards: the buyer is upstream of the seller
# (so a product's client stays lit with its workers), while data supplied by end users keeps
# the link direction (so users stay lit with the workers who process their data).
FOCUS_REVERSED: frozenset[str] = frozenset({"sells_to"})


@dataclass(frozen=True)
class ChainGraph:
    """Node and edge dicts in vis-network's format, plus the network options."""

    nodes: list[dict]
    edges: list[dict]
    options: dict


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


def _positions(
    actors: pd.DataFrame, links: pd.DataFrame
) -> dict[tuple[str, str], tuple[float, float]]:
    """x/y per (case, actor): columns from `network.layer_positions`, one band per case."""
    a_case, l_case = _cases(actors), _cases(links)
    a_rows: dict[str, list[int]] = {}
    for i, c in enumerate(a_case):
        a_rows.setdefault(c, []).append(i)
    l_rows: dict[str, list[int]] = {}
    for i, c in enumerate(l_case):
        l_rows.setdefault(c, []).append(i)

    out: dict[tuple[str, str], tuple[float, float]] = {}
    top: float | None = None  # the first case's band is centred on y = 0
    for case, rows in a_rows.items():
        layers = network.layer_positions(
            actors.iloc[rows], links.iloc[l_rows.get(case, [])]
        )
        counts: dict[int, int] = {}
        for lay, _ in layers.values():
            counts[lay] = counts.get(lay, 0) + 1
        height = max(counts.values(), default=1)
        if top is None:
            top = -(height - 1) / 2
        centre = top + (height - 1) / 2
        for actor, (lay, order) in layers.items():
            y = centre + order - (counts[lay] - 1) / 2
            out[(case, actor)] = (float(lay * X_SPACING), float(y * Y_SPACING))
        top += height + CASE_GAP
    return out


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
) -> ChainGraph:
    """Nodes and edges of the chain graph for one or more cases, ready for vis-network.

    Nodes are actors (id "case_id:actor_id"), coloured by type (`palette.ACTOR_TYPE_COLOURS`),
    diamonds for end users and dots otherwise, worker pools sized by headcount where known,
    placed by `network.layer_positions` (one horizontal band per case). Edges are links with
    arrows, the relation in words as label, and certainty as line style and opacity. Every
    `title` is plain text (who, what, certainty and the full citations of its sources); the
    HTML builders make sure it is shown as text. `focus` (an actor id, a node id or a
    (case_id, actor_id) pair) greys every actor and link not on a chain through it. Links whose
    ends are not known actors and repeated ids are skipped so that the page never breaks.
    Every text is in `lang`: names and descriptions from their `*_fr` columns where there is one
    (else English, marked), types, relations, countries and numbers; citations stay as they are.
    """
    citations = citation_lookup(sources)
    positions = _positions(actors, links)
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

    related: set[tuple[str, str]] | None = None
    lit_links: set[int] = set()
    seeds = _focus_seeds(focus, set(a_keys)) & set(a_keys) if focus not in (None, "") else set()
    if seeds:  # an unknown focus greys nothing rather than everything
        related, lit_links = network.focus_keys(links, seeds, FOCUS_REVERSED)

    nodes: list[dict] = []
    seen: set[tuple[str, str]] = set()
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

        x, y = positions.get(key, (0.0, 0.0))
        size = worker_size(workers) if atype == "worker_pool" else NODE_SIZE
        nodes.append({
            "id": node_id(case, actor),
            "label": f"{name}\n({country})" if country else name,
            "title": "\n".join(lines),
            "shape": SHAPE_END_USER if atype == "end_user" else SHAPE_DEFAULT,
            "size": size,
            "x": x,
            "y": y,
            "color": {
                "background": colour,
                "border": colour,
                "highlight": {"background": colour, "border": palette.HIGHLIGHT},
                "hover": {"background": colour, "border": palette.HIGHLIGHT},
            },
            "opacity": GREYED_OPACITY if greyed else palette.CERTAINTY_OPACITY[cert_key],
            "borderWidth": 2,
            "shapeProperties": {"borderDashes": dashes(cert_key)},
            "font": {"color": palette.NEUTRAL if greyed else palette.TEXT},
            # Not read by vis-network; kept for tests and callers.
            "case_id": case,
            "actor_id": actor,
            "actor_type": atype,
            "certainty": str(cert),
            "greyed": greyed,
        })

    edges: list[dict] = []
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
        lines = [f"{names[(case, a)]} {verb} {names[(case, b)]}"]
        if desc:
            lines += ["", str(desc)]
        lines += ["", _certainty_line(cert, lang),
                  *_source_lines(citations_for(citations, case, sids), lang)]
        edge_extra: dict = {}
        # Links drawn right to left (e.g. data supplied back) arc clear of the rows.
        if positions.get((case, b), (0.0,))[0] <= positions.get((case, a), (0.0,))[0]:
            edge_extra["smooth"] = {"enabled": True, "type": "curvedCW",
                                    "roundness": BACK_ROUNDNESS}
        edges.append({
            **edge_extra,
            "id": eid,
            "from": node_id(case, a),
            "to": node_id(case, b),
            "arrows": "to",
            "label": verb,
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
            "certainty": str(cert),
            "greyed": greyed,
        })

    return ChainGraph(nodes=nodes, edges=edges, options=graph_options(physics=physics))


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
            "font": {"size": 20, "face": "sans-serif", "multi": False},
            "widthConstraint": {"maximum": 190},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.7}},
            "font": {"size": 15, "face": "sans-serif", "align": "horizontal", "strokeWidth": 4},
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12},
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
    return ChainGraph(nodes, edges, graph.options)


def legend_items(lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str, str]]:
    """(label, colour, shape) for the legend in `lang`: actor types, then certainty line styles.

    Actor-type shapes are vis-network's "dot" or "diamond"; certainty rows use the shapes
    "solid", "dashed" and "dotted" (a line style), in `palette.TEXT`.
    """
    items = [
        (vocab_label("actor_type", t, lang), palette.ACTOR_TYPE_COLOURS[t],
         SHAPE_END_USER if t == "end_user" else SHAPE_DEFAULT)
        for t in vocab.ACTOR_TYPES
    ]
    items += [
        (translate(f"graph.legend.{c}", lang), palette.TEXT, palette.CERTAINTY_CSS[c])
        for c in vocab.CERTAINTIES
    ]
    return items


_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def legend_html(lang: str = DEFAULT_LANGUAGE) -> str:
    """The legend as a small self-contained HTML fragment: inline styles only, no SVG, no script
    (so that it survives Streamlit's HTML sanitiser as well as the standalone page)."""
    parts = []
    for label, colour, shape in legend_items(lang):
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


_SCRIPT = """(function () {
  "use strict";
  var data = %s;
  var container = document.getElementById("mynetwork");
  if (typeof vis === "undefined") {
    container.textContent = data.unavailable;
    return;
  }
  function asText(item) {
    if (typeof item.title === "string" && item.title !== "") {
      var el = document.createElement("div");
      el.className = "dlc-tooltip";
      el.textContent = item.title;
      item.title = el;
    } else {
      delete item.title;
    }
    return item;
  }
  var nodes = new vis.DataSet(data.nodes.map(asText));
  var edges = new vis.DataSet(data.edges.map(asText));
  var net = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  // Leave room around the outermost labels, which fit() does not count; fit again when the
  // frame gets its final size (Streamlit sizes the iframe after the first drawing).
  function fitAll() {
    net.fit({animation: false, maxZoomLevel: 2.5});
    net.moveTo({scale: net.getScale() * 0.9});
  }
  fitAll();
  var lastWidth = container.clientWidth;
  net.on("resize", function () {
    if (Math.abs(container.clientWidth - lastWidth) > 40) {
      lastWidth = container.clientWidth;
      fitAll();
    }
  });
  window.chainNetwork = net;
})();"""

_STYLE = """html,body{margin:0;padding:0;font-family:sans-serif;color:%(text)s;}
#mynetwork{width:100%%;height:%(height)dpx;}
div.vis-tooltip{max-width:480px;white-space:pre-wrap;font:15px/1.4 sans-serif;padding:8px 10px;}
.dlc-tooltip{white-space:pre-wrap;}
.dlc-legend{font-size:13px;}
h1{font-size:20px;margin:8px 0 4px;}
"""


def _check_relative(url: str) -> str:
    if re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)", url):
        raise ValueError(f"assets_url must be a relative URL or path, got {url!r}")
    return url.rstrip("/")


def _page(graph: ChainGraph, *, head: str, body_top: str, height_px: int, title: str,
          lang: str) -> str:
    style = _STYLE % {"text": palette.TEXT, "height": int(height_px)}
    payload = {"nodes": graph.nodes, "edges": graph.edges, "options": graph.options,
               "unavailable": translate("graph.unavailable", lang)}
    label = html.escape(translate("graph.aria_label", lang), quote=True)
    return (
        f"<!DOCTYPE html>\n<html lang=\"{html.escape(lang, quote=True)}\">\n<head>\n"
        f"<meta charset=\"utf-8\">\n<title>{html.escape(title)}</title>\n{head}"
        f"<style>\n{style}</style>\n</head>\n<body>\n{body_top}"
        f"<div id=\"mynetwork\" role=\"img\" aria-label=\"{label}\"></div>\n"
        f"<script>\n{_SCRIPT % safe_json(payload)}\n</script>\n</body>\n</html>\n"
    )


def chain_graph_html(
    graph: ChainGraph, *, assets_url: str = "app/static/vis-9.1.2", height_px: int = 620,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """A small HTML page drawing the graph, loading vis-network from `assets_url`.

    `assets_url` must be relative (inside Streamlit's srcdoc iframe it resolves against the app,
    which serves `app/static/` when `enableStaticServing` is on); absolute URLs are refused so
    that the page never reaches another host. Data enter only as escaped JSON; tooltips are
    set as text.
    """
    base = html.escape(_check_relative(assets_url), quote=True)
    head = (f'<link rel="stylesheet" href="{base}/{CSS_FILE}">\n'
            f'<script src="{base}/{JS_FILE}"></script>\n')
    return _page(graph, head=head, body_top="", height_px=height_px,
                 title=translate("graph.page_title", lang), lang=lang)


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
    top = (f"<h1>{html.escape(title)}</h1>\n{legend_html(lang)}\n"
           f"<p style=\"margin:0 0 4px;font-size:13px\">"
           f"{html.escape(translate('graph.standalone_help', lang))}</p>\n")
    return _page(graph, head=head, body_top=top, height_px=height_px, title=title, lang=lang)
