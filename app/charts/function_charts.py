"""What the data work is for: the three functions as a diagram, and tasks broken down by function.

Pure Altair builders over the frames of `app.core.functions`. The diagram follows Figure 1 of
Tubaro, Casilli & Coville (2020, "The trainer, the verifier, the imitator"): preparation of the
data (generation, annotation) on the left, the model in the centre with impersonation inside
it, verification of the outputs on the right; on a phone, the same boxes one under the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from app.charts import palette
from app.charts.flow_map import label_expr
from app.core import vocab
from app.core.i18n import translate, translate_count, vocab_label

FUNCTION_PARAM = "function"

WORDS_KEY = "functions.chart."
BOX_TEXTS = ("heading", "detail")
# What the diagram's boxes hold, in Figure 1's order: the data, the model, its outputs.
DIAGRAM_ORDER = ("preparation", "impersonation", "verification")


@dataclass(frozen=True)
class DiagramLayout:
    """Where the diagram's boxes and arrows go, in a space 100 wide and `height` high (no
    axes): each box as (x, x2, y, y2), each arrow as a shaft from (x, y) to its head at
    (x2, y2). A box's lines sit at the same distances under its top in every layout."""

    height: float
    boxes: dict[str, tuple[float, float, float, float]]
    arrows: tuple[dict[str, float], ...]
    head: str  # the arrow head's shape


# Figure 1's layout: left, centre, right panels, the arrows running right.
ROW = DiagramLayout(
    height=40,
    boxes={"preparation": (2, 30, 2, 35), "impersonation": (36, 64, 2, 35),
           "verification": (70, 98, 2, 35)},
    arrows=({"x": 30, "x2": 35.2, "y": 18.5, "y2": 18.5},
            {"x": 64, "x2": 69.2, "y": 18.5, "y2": 18.5}),
    head="triangle-right")
# The same boxes one under the other, the arrows running down: on a phone's 340 px, three
# boxes side by side leave each about 100 px, and their type would shrink to 7 px.
COLUMN = DiagramLayout(
    height=120,
    boxes={"preparation": (2, 98, 85, 118), "impersonation": (2, 98, 44, 77),
           "verification": (2, 98, 3, 36)},
    arrows=({"x": 50, "x2": 50, "y": 85, "y2": 78.2},
            {"x": 50, "x2": 50, "y": 44, "y2": 37.2}),
    head="triangle-down")
# Each line of a box, in units under its top, and its kind (which sets its type).
BOX_LINES = (("heading", 5), ("name", 12), ("detail", 17.5), ("count", 24))
SPLIT_LINE = 28.5  # preparation's generation/annotation split, under its count

SUBFUNCTION_OPACITY = {"": 1.0, "generation": 1.0, "annotation": 0.55}
# The groupings a breakdown chart has words for (`functions.chart.axis.*` and `.by.*`).
AXIS_TITLES = ("case_id", "country", "actor_type", "paid", "data_type")


def _w(key: str, lang: str, **values: object) -> str:
    """A text of these charts in `lang` (the catalogue keys `functions.chart.*`)."""
    return translate(WORDS_KEY + key, lang, **values)


def _function_labels(lang: str) -> dict[str, str]:
    return {f: vocab_label("function", f, lang) for f in vocab.FUNCTIONS}


def _by_words(by: str, lang: str) -> str:
    """What a breakdown is by, as words for a title ("by country of who does it")."""
    return _w(f"by.{by}", lang) if by in AXIS_TITLES else by


def _function_scale() -> alt.Scale:
    return alt.Scale(**palette.altair_scale(palette.FUNCTION_COLOURS))


def _n_tasks(n: int, lang: str) -> str:
    return translate_count("functions.n_tasks", n, lang)


def subfunction_split(subcounts: dict[str, int], lang: str) -> str:
    """"generation 4, annotation 4": the split of preparation, in `lang`."""
    return ", ".join(f"{vocab_label('subfunction', s, lang).lower()} {int(subcounts.get(s, 0))}"
                     for s in vocab.SUBFUNCTIONS)


def function_diagram_chart(
    counts: dict[str, int],
    *,
    subcounts: dict[str, int] | None = None,
    selectable: bool = False,
    lang: str = "en",
    width: int | str = "container",
    height: int = 190,
    layout: DiagramLayout = ROW,
) -> alt.LayerChart:
    """The three functions as Figure 1 draws them: Data -> Model -> Outputs, with task counts.

    `counts` maps function to number of tasks (missing = 0), e.g. from
    `app.core.functions.function_counts`; `subcounts` optionally maps "generation" and
    "annotation" to their counts, shown under preparation. Boxes are `mark_rect` in the
    palette's function colours, labels `mark_text`, arrows `mark_rule` with a triangle head, all
    in a coordinate space without axes, side by side (`ROW`) or one under the other
    (`COLUMN`). With `selectable`, a click on a box sets the point selection `function`
    (fields ["function"]).
    """
    labels = _function_labels(lang)
    boxes = pd.DataFrame([
        {"function": f, "function_label": labels[f], "x": x0, "x2": x1, "y": y0, "y2": y1,
         "n_tasks": int(counts.get(f, 0))}
        for f in DIAGRAM_ORDER for x0, x1, y0, y1 in [layout.boxes[f]]
    ])
    texts = []
    for f in DIAGRAM_ORDER:
        x_start, x_end, _, top = layout.boxes[f]
        heading, detail = (_w(f"box.{f}.{part}", lang) for part in BOX_TEXTS)
        words = {"heading": heading, "name": labels[f], "detail": detail,
                 "count": _n_tasks(int(counts.get(f, 0)), lang)}
        middle = (x_start + x_end) / 2
        texts += [{"function": f, "x": middle, "y": top - below, "text": words[kind],
                   "kind": kind} for kind, below in BOX_LINES]
        if f == "preparation" and subcounts:
            texts.append({"function": f, "x": middle, "y": top - SPLIT_LINE,
                          "text": subfunction_split(subcounts, lang), "kind": "detail"})
    texts = pd.DataFrame(texts)
    arrows = pd.DataFrame(layout.arrows)

    x_scale = alt.Scale(domain=[0, 100], nice=False)
    y_scale = alt.Scale(domain=[0, layout.height], nice=False)
    x = alt.X("x:Q", scale=x_scale, axis=None)
    y = alt.Y("y:Q", scale=y_scale, axis=None)
    colour = alt.Color("function:N", scale=_function_scale(), legend=None)
    tooltip = [alt.Tooltip("function_label:N", title=_w("function", lang)),
               alt.Tooltip("n_tasks:Q", title=_w("n_tasks", lang))]

    rects = alt.Chart(boxes).mark_rect(fillOpacity=0.12, strokeWidth=2, cornerRadius=6).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q", color=colour, stroke=colour, tooltip=tooltip,
    )
    if selectable:
        pick = alt.selection_point(name=FUNCTION_PARAM, fields=["function"])
        rects = rects.add_params(pick).encode(
            fillOpacity=alt.condition(pick, alt.value(0.18), alt.value(0.04)),
        )

    def label(kind: str, **style) -> alt.Chart:
        return alt.Chart(texts).transform_filter(alt.datum.kind == kind).mark_text(
            baseline="middle", align="center", **style
        ).encode(x=x, y=y, text="text:N")

    heading = label("heading", fontSize=13, fontWeight="bold", color=palette.TEXT)
    name = alt.Chart(texts).transform_filter(alt.datum.kind == "name").mark_text(
        baseline="middle", align="center", fontSize=14, fontWeight="bold"
    ).encode(x=x, y=y, text="text:N", color=colour)
    detail = label("detail", fontSize=11, color=palette.TEXT, fontStyle="italic")
    count = label("count", fontSize=12, fontWeight="bold", color=palette.TEXT)
    shafts = alt.Chart(arrows).mark_rule(strokeWidth=2, color=palette.TEXT).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q",
    )
    heads = alt.Chart(arrows).mark_point(
        shape=layout.head, filled=True, size=90, color=palette.TEXT, opacity=1
    ).encode(x=alt.X("x2:Q", scale=x_scale, axis=None),
             y=alt.Y("y2:Q", scale=y_scale, axis=None))

    return alt.layer(rects, shafts, heads, heading, name, detail, count).properties(
        width=width, height=height,
        title=alt.TitleParams(_w("diagram_title", lang), subtitle=_w("diagram_subtitle", lang),
                              anchor="start"),
        view=alt.ViewBackground(stroke=None),
    )


def fit_text_to_width(chart: alt.LayerChart, full_width: int) -> alt.LayerChart:
    """The diagram's texts scaled down with the chart on a width under `full_width` px (a
    phone), where at their own sizes they would run out of their boxes."""
    for layer in chart.layer:
        mark = layer.mark
        if isinstance(mark, alt.MarkDef) and mark.type == "text" and mark.fontSize:
            mark.fontSize = {"expr": f"{mark.fontSize} * min(1, width / {full_width})"}
    return chart


def function_bar_chart(
    breakdown: pd.DataFrame,
    by: str,
    *,
    selection_name: str | None = FUNCTION_PARAM,
    normalize: bool = False,
    show_subfunctions: bool = True,
    lang: str = "en",
    title: str | None = None,
    width: int | str = "container",
) -> alt.Chart:
    """Horizontal bars of tasks per *by* group, stacked by function in the palette's colours.

    `breakdown` is `app.core.functions.function_breakdown(actors, tasks, by)` (or any frame
    with *by*, `function`, `n_tasks`, and optionally `label` and `subfunction`). Bars follow
    the frame's row order; with `normalize` they show shares (each bar 100%). Preparation is
    split into generation (full colour) and annotation (lighter) when `show_subfunctions`.
    `selection_name` (default "function") adds a point selection on fields ["function"] for
    cross-filtering; unselected functions turn grey. None leaves the chart static.
    """
    data = breakdown.copy()
    if "label" not in data.columns:
        data["label"] = data[by].astype(str)
    if "subfunction" not in data.columns:
        data["subfunction"] = ""
        show_subfunctions = False
    functions = _function_labels(lang)
    subfunctions = {s: vocab_label("subfunction", s, lang) for s in vocab.SUBFUNCTIONS}
    data["function_label"] = data["function"].map(lambda f: functions.get(f, f))
    data["subfunction_label"] = data["subfunction"].map(lambda s: subfunctions.get(s, s))
    axis_title = _w(f"axis.{by}", lang) if by in AXIS_TITLES else by
    rank = {f: i for i, f in enumerate(vocab.FUNCTIONS)}
    sub_rank = {s: i for i, s in enumerate(("", *vocab.SUBFUNCTIONS))}
    data["stack_order"] = [rank.get(f, 9) * 10 + sub_rank.get(s, 9)
                           for f, s in zip(data["function"], data["subfunction"])]
    order = list(dict.fromkeys(data["label"]))

    colour = alt.Color("function:N", title=_w("function", lang), scale=_function_scale(),
                       legend=alt.Legend(labelExpr=label_expr(functions)))
    encodings = {
        "y": alt.Y("label:N", title=axis_title, sort=order),
        "x": alt.X("sum(n_tasks):Q", title=_w("share" if normalize else "n_tasks", lang),
                   stack="normalize" if normalize else "zero",
                   axis=alt.Axis(format="%") if normalize else alt.Axis(format="d",
                                                                          tickMinStep=1)),
        "order": alt.Order("stack_order:Q"),
        "tooltip": [
            alt.Tooltip("label:N", title=axis_title),
            alt.Tooltip("function_label:N", title=_w("function", lang)),
            *([alt.Tooltip("subfunction_label:N", title=_w("subfunction", lang))]
              if show_subfunctions else []),
            alt.Tooltip("sum(n_tasks):Q", title=_w("n_tasks", lang)),
        ],
    }
    if show_subfunctions:
        encodings["opacity"] = alt.Opacity(
            "subfunction:N", title=_w("subfunction", lang),
            scale=alt.Scale(type="ordinal", domain=list(SUBFUNCTION_OPACITY),
                            range=list(SUBFUNCTION_OPACITY.values())),
            legend=alt.Legend(values=list(vocab.SUBFUNCTIONS), symbolType="square",
                              labelExpr=label_expr(subfunctions)),
        )
    chart = alt.Chart(data).mark_bar(stroke="white", strokeWidth=0.5)
    if selection_name:
        pick = alt.selection_point(name=selection_name, fields=["function"])
        chart = chart.add_params(pick)
        encodings["color"] = alt.condition(pick, colour, alt.value(palette.NEUTRAL))
    else:
        encodings["color"] = colour
    heading = title or _w("bar_title", lang, by=_by_words(by, lang))
    return chart.encode(**encodings).properties(
        width=width, height=alt.Step(24), title=alt.TitleParams(heading, anchor="start"),
    )


def subfunction_chart(breakdown: pd.DataFrame, by: str, *, lang: str = "en",
                      width: int | str = "container") -> alt.Chart:
    """Preparation tasks only, split into generation and annotation, per *by* group."""
    prep = breakdown[breakdown["function"] == "preparation"]
    return function_bar_chart(
        prep, by, selection_name=None, lang=lang, width=width,
        title=_w("sub_title", lang, by=_by_words(by, lang)),
    )


def paid_chart(breakdown: pd.DataFrame, *, lang: str = "en", **kwargs) -> alt.Chart:
    """Paid versus unpaid tasks by function (a `function_breakdown(..., "paid")` frame)."""
    return function_bar_chart(breakdown, "paid", lang=lang, **kwargs)


def data_type_chart(breakdown: pd.DataFrame, *, lang: str = "en", **kwargs) -> alt.Chart:
    """Tasks by kind of data and function (a `function_breakdown(..., "data_type")` frame)."""
    return function_bar_chart(breakdown, "data_type", lang=lang, **kwargs)


def function_share_chart(shares: pd.DataFrame, *, lang: str = "en", **kwargs) -> alt.Chart:
    """Each case's tasks as one 100% bar split by function (a `function_shares` frame)."""
    data = shares[shares["n_tasks"] > 0]
    return function_bar_chart(data, "case_id", normalize=True, lang=lang, **kwargs)
