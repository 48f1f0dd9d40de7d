"""Charts of the compare page: chain lengths, unpaid and certainty shares, and small chains.

Pure Altair builders on the frames of `app.core.compare.compare_cases` and
`app.core.functions` (shares of tasks per function are drawn by
`app.charts.function_charts.function_share_chart`, reused as is). The small chains are compact
node-link drawings laid out by `app.core.network.layer_positions`: no iframe, one Vega view per
case, the same x scale for every case so that chain lengths compare at a glance.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from app.charts import palette
from app.core import network, vocab
from app.core.compare import short_title
from app.core.tables import words

LABEL_WIDTH = 24  # characters per line of an actor's name under its dot
ROW_HEIGHT = 78  # pixels per actor in the fullest column of a small chain
ACTOR_SHAPES = {t: ("diamond" if t == "end_user" else "circle") for t in vocab.ACTOR_TYPES}
LENGTH_SERIES = {"All links": palette.NEUTRAL, "Documented links only": palette.TEXT}


def _case_axis(title: str = "") -> alt.Axis:
    return alt.Axis(title=title or None, labelLimit=320, labelFontSize=13)


def _titled(measures: pd.DataFrame) -> pd.DataFrame:
    return measures.assign(case=[short_title(t) for t in measures["title"]])


def chain_length_chart(measures: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """Two bars per case: longest chain on all links, and on documented links only.

    `measures` is a `compare_cases` frame. Bars in the palette's neutral grey (all links) and
    text colour (documented only), cases in the frame's order, each bar labelled with its
    number of links.
    """
    data = _titled(measures)
    long = pd.DataFrame({
        "case": [c for c in data["case"] for _ in LENGTH_SERIES],
        "series": list(LENGTH_SERIES) * len(data),
        "links": [int(v) for pair in zip(data["chain_length"], data["documented_chain_length"])
                  for v in pair],
    })
    order = list(data["case"])
    top = max(1, int(long["links"].max()) if len(long) else 1)
    base = alt.Chart(long).encode(
        y=alt.Y("case:N", sort=order, axis=_case_axis()),
        yOffset=alt.YOffset("series:N", sort=list(LENGTH_SERIES)),
        x=alt.X("links:Q", title="Links from a client or lead firm to workers",
                scale=alt.Scale(domain=[0, top + 0.5]),
                axis=alt.Axis(format="d", tickMinStep=1, values=list(range(top + 1)))),
        tooltip=[alt.Tooltip("case:N", title="Case"), alt.Tooltip("series:N", title="Counting"),
                 alt.Tooltip("links:Q", title="Links")],
    )
    bars = base.mark_bar(height={"band": 0.9}).encode(
        color=alt.Color("series:N", title="Counting", sort=list(LENGTH_SERIES),
                        scale=alt.Scale(domain=list(LENGTH_SERIES),
                                        range=list(LENGTH_SERIES.values())),
                        legend=alt.Legend(orient="bottom", labelFontSize=13)),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=13, color=palette.TEXT).encode(
        text=alt.Text("links:Q", format="d"))
    return alt.layer(bars, labels).properties(
        width=width, height=alt.Step(22),
        title=alt.TitleParams("Longest chain of commissions, in links", anchor="start"))


def unpaid_share_chart(measures: pd.DataFrame, *, width: int | str = "container") -> alt.LayerChart:
    """One bar per case: the share of its tasks done without pay, labelled "n of N tasks"."""
    data = _titled(measures)
    data = data.assign(label=[f"{u} of {n} task{'s' if n != 1 else ''}"
                              for u, n in zip(data["n_unpaid"], data["n_tasks"])])
    base = alt.Chart(data).encode(
        y=alt.Y("case:N", sort=list(data["case"]), axis=_case_axis()),
        x=alt.X("unpaid_share:Q", title="Share of the case's tasks that are unpaid",
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("case:N", title="Case"),
                 alt.Tooltip("unpaid_share:Q", title="Unpaid share", format=".0%"),
                 alt.Tooltip("n_unpaid:Q", title="Unpaid tasks"),
                 alt.Tooltip("n_tasks:Q", title="All tasks")],
    )
    bars = base.mark_bar(color=palette.TEXT, height={"band": 0.7})
    labels = base.mark_text(align="left", dx=5, fontSize=13, color=palette.TEXT).encode(
        text="label:N")
    return alt.layer(bars, labels).properties(
        width=width, height=alt.Step(40),
        title=alt.TitleParams("Unpaid data work", anchor="start"))


def certainty_share_chart(shares: pd.DataFrame, titles: dict[str, str], *,
                          width: int | str = "container") -> alt.LayerChart:
    """Each case's links as one 100% bar split into documented, reported and inferred.

    `shares` is `app.core.functions.certainty_shares(links)`; `titles` maps case ids to titles
    (shown without their list of countries). Certainty is never colour alone: segments share
    the text colour and differ by opacity (`palette.CERTAINTY_OPACITY`) and outline
    (`palette.CERTAINTY_STROKE_DASH`), and each carries its name and percentage.
    """
    data = shares[shares["n_links"] > 0].copy()
    data["case"] = [short_title(titles.get(c, c)) for c in data["case_id"]]
    data["rank"] = [list(vocab.CERTAINTIES).index(c) for c in data["certainty"]]
    data["label"] = [f"{c} {s:.0%}" if s >= 0.14 else f"{s:.0%}"
                     for c, s in zip(data["certainty"], data["share"])]
    order = [short_title(titles.get(c, c)) for c in titles if c in set(data["case_id"])]
    certainties = list(vocab.CERTAINTIES)
    base = alt.Chart(data).encode(
        y=alt.Y("case:N", sort=order, axis=_case_axis()),
        x=alt.X("sum(n_links):Q", stack="normalize", title="Share of the case's links",
                axis=alt.Axis(format="%")),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("case:N", title="Case"),
                 alt.Tooltip("certainty:N", title="Certainty"),
                 alt.Tooltip("n_links:Q", title="Links"),
                 alt.Tooltip("share:Q", title="Share", format=".0%")],
    )
    bars = base.mark_bar(color=palette.TEXT, stroke=palette.TEXT, strokeWidth=1.5,
                         height={"band": 0.7}).encode(
        opacity=alt.Opacity("certainty:N", title="Certainty", sort=certainties,
                            scale=alt.Scale(type="ordinal", domain=certainties,
                                            range=[palette.CERTAINTY_OPACITY[c]
                                                   for c in certainties])),
        strokeDash=alt.StrokeDash("certainty:N", title="Certainty", sort=certainties,
                                  scale=alt.Scale(domain=certainties,
                                                  range=[palette.CERTAINTY_STROKE_DASH[c]
                                                         for c in certainties])),
    )
    labels = base.mark_text(align="center", fontSize=13, color="white",
                            fontWeight="bold").encode(
        x=alt.X("sum(n_links):Q", stack="normalize", bandPosition=0.5),
        text="label:N")
    return alt.layer(bars, labels).properties(
        width=width, height=alt.Step(40),
        title=alt.TitleParams("How sure the links are", anchor="start"))


# ---------------------------------------------------------------------------------------------
# Small chains


def chain_extent(actors: pd.DataFrame, links: pd.DataFrame) -> tuple[int, int]:
    """(last column, most actors in one column) of a case's layout, to share scales across cases."""
    layers = network.layer_positions(actors, links)
    if not layers:
        return 0, 1
    counts: dict[int, int] = {}
    for lay, _ in layers.values():
        counts[lay] = counts.get(lay, 0) + 1
    return max(counts), max(counts.values())


def chain_small_frames(actors: pd.DataFrame, links: pd.DataFrame
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edge points of one case's small chain, laid out by `network.layer_positions`.

    Nodes: `actor_id`, `name`, `label` (the name wrapped on lines of `LABEL_WIDTH`
    characters), `actor_type`, `type_label`, `country`, `certainty`, `x` (column), `y` (row,
    each column centred on 0). Edge points: `link_id`, `point` (0, 1[, 2]), `x`, `y`,
    `certainty`, `sentence` ("A outsources to B"): straight between neighbouring columns (either
    way), an arc over the top row (or under the bottom row, for a link in the lower half) for a
    link that skips columns or stays in one, so that it does not run through the actors between.
    """
    layers = network.layer_positions(actors, links)
    counts: dict[int, int] = {}
    for lay, _ in layers.values():
        counts[lay] = counts.get(lay, 0) + 1
    place = {a: (float(lay), order - (counts[lay] - 1) / 2) for a, (lay, order) in layers.items()}
    names = dict(zip(actors["actor_id"], actors["name"]))
    nodes = pd.DataFrame({
        "actor_id": actors["actor_id"].tolist(),
        "name": actors["name"].tolist(),
        "label": ["\n".join(textwrap.wrap(str(n), LABEL_WIDTH)) for n in actors["name"]],
        "actor_type": actors["actor_type"].tolist(),
        "type_label": [vocab.ACTOR_TYPE_LABELS.get(t, words(t)) for t in actors["actor_type"]],
        "country": actors["country"].tolist(),
        "certainty": actors["certainty"].tolist(),
        "x": [place.get(a, (0.0, 0.0))[0] for a in actors["actor_id"]],
        "y": [place.get(a, (0.0, 0.0))[1] for a in actors["actor_id"]],
    })
    top = min((y for _, y in place.values()), default=0.0)
    bottom = max((y for _, y in place.values()), default=0.0)
    points = []
    for lid, a, b, rel, cert in zip(links["link_id"], links["from_actor"], links["to_actor"],
                                    links["relation"], links["certainty"]):
        if a not in place or b not in place:
            continue
        (x1, y1), (x2, y2) = place[a], place[b]
        sentence = f"{names[a]} {vocab.RELATION_LABELS.get(rel, words(rel))} {names[b]}"
        path = [(x1, y1)]
        if abs(x2 - x1) != 1:
            # An arc over the top row, or under the bottom row's names when the link starts and
            # ends in the lower half. A basis curve through three points peaks at
            # (y1 + 2 * control + y2) / 4.
            spread = 0.08 * max(abs(x2 - x1) - 2, 0)
            peak = (bottom + 0.75 + spread) if y1 + y2 > 0 else (top - 0.5 - spread)
            path.append(((x1 + x2) / 2 if x1 != x2 else x1 + 0.4, (4 * peak - y1 - y2) / 2))
        path.append((x2, y2))
        for i, (x, y) in enumerate(path):
            points.append({"link_id": lid, "point": i, "x": x, "y": y, "certainty": cert,
                           "sentence": sentence})
    edges = pd.DataFrame(points, columns=["link_id", "point", "x", "y", "certainty", "sentence"])
    return nodes, edges


def _legend(title: str, show: bool, symbol: str = "") -> alt.Legend | None:
    if not show:
        return None
    labels = "{" + ", ".join(f"'{t}': '{label}'"
                             for t, label in vocab.ACTOR_TYPE_LABELS.items()) + "}"
    extra = {"symbolType": "stroke", "symbolStrokeWidth": 2, "symbolSize": 500} if symbol else {
        "labelExpr": f"{labels}[datum.label] || datum.label"}
    return alt.Legend(title=title, orient="top", direction="horizontal", titleOrient="left",
                      labelFontSize=13, titleFontSize=13, **extra)


def chain_small_chart(actors: pd.DataFrame, links: pd.DataFrame, *, title: str = "",
                      x_max: int | None = None, n_rows: int | None = None,
                      legend: bool = False, width: int | str = "container") -> alt.LayerChart:
    """One case's chain as a compact static node-link chart (left to right: who commissions whom).

    Actors are dots coloured by type (`palette.ACTOR_TYPE_COLOURS`; end users are diamonds),
    with their name beneath and the actor's certainty as opacity; links are lines whose dash
    gives their certainty (`palette.CERTAINTY_STROKE_DASH`), with the sentence in the tooltip.
    Pass the same `x_max` (last column) and `n_rows` (fullest column) to every case of a small
    multiple, from `chain_extent`, so that equal lengths look equal. `legend` puts the legends
    of actor types (colour and shape) and link certainty (dash) above the chart: give it to the
    first chart of a small multiple only.
    """
    nodes, edges = chain_small_frames(actors, links)
    last, rows = chain_extent(actors, links)
    x_max = max(last, x_max or 0)
    n_rows = max(rows, n_rows or 1)
    half = (n_rows - 1) / 2
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.45, x_max + 0.45], nice=False))
    y = alt.Y("y:Q", axis=None,
              scale=alt.Scale(domain=[-half - 1.0, half + 1.1], reverse=True, nice=False))
    certainties = list(vocab.CERTAINTIES)
    lines = alt.Chart(edges).mark_line(interpolate="basis", strokeWidth=1.6,
                                       color=palette.TEXT).encode(
        x=x, y=y, detail="link_id:N", order="point:Q",
        strokeDash=alt.StrokeDash("certainty:N", title="Link",
                                  legend=_legend("Links:", legend, symbol="stroke"),
                                  scale=alt.Scale(domain=certainties,
                                                  range=[palette.CERTAINTY_STROKE_DASH[c]
                                                         for c in certainties])),
        opacity=alt.Opacity("certainty:N", legend=None,
                            scale=alt.Scale(type="ordinal", domain=certainties,
                                            range=[palette.CERTAINTY_OPACITY[c]
                                                   for c in certainties])),
        tooltip=[alt.Tooltip("sentence:N", title="Link"),
                 alt.Tooltip("certainty:N", title="Certainty")],
    )
    types = list(vocab.ACTOR_TYPES)
    dots = alt.Chart(nodes).mark_point(filled=True, size=380, stroke="white",
                                       strokeWidth=1.5).encode(
        x=x, y=y,
        color=alt.Color("actor_type:N", legend=_legend("Actors:", legend),
                        scale=alt.Scale(**palette.altair_scale(palette.ACTOR_TYPE_COLOURS))),
        shape=alt.Shape("actor_type:N", legend=_legend("Actors:", legend),
                        scale=alt.Scale(domain=types, range=[ACTOR_SHAPES[t] for t in types])),
        opacity=alt.Opacity("certainty:N", legend=None,
                            scale=alt.Scale(type="ordinal", domain=certainties,
                                            range=[palette.CERTAINTY_OPACITY[c]
                                                   for c in certainties])),
        tooltip=[alt.Tooltip("name:N", title="Actor"), alt.Tooltip("type_label:N", title="Type"),
                 alt.Tooltip("country:N", title="Country"),
                 alt.Tooltip("certainty:N", title="Certainty")],
    )
    names = alt.Chart(nodes).mark_text(baseline="top", dy=14, fontSize=12, lineBreak="\n",
                                       color=palette.TEXT).encode(x=x, y=y, text="label:N")
    # A white halo under each name keeps it readable where a line passes behind it.
    halo = names.mark_text(baseline="top", dy=14, fontSize=12, lineBreak="\n", color="white",
                           stroke="white", strokeWidth=4, strokeJoin="round")
    chart = alt.layer(lines, dots, halo, names).properties(
        width=width, height=int(ROW_HEIGHT * (n_rows + 1.6)),
        view=alt.ViewBackground(stroke=None))
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start", fontSize=15))
    return chart
