"""One palette for every page: an actor type, a function or a certainty looks the same everywhere.

Actor types use the Okabe-Ito palette (safe for the common colour-vision deficiencies); the
three functions use Paul Tol's "vibrant" scheme so they never read as actor types. Certainty
is never shown by colour alone: it is a line style (solid, dashed, dotted) and an opacity.
"""

from __future__ import annotations

ACTOR_TYPE_COLOURS: dict[str, str] = {
    "client": "#56B4E9",
    "ai_company": "#0072B2",
    "platform": "#E69F00",
    "vendor": "#F0E442",
    "subcontractor": "#CC79A7",
    "supervisor": "#7F7F7F",
    "worker_pool": "#D55E00",
    "end_user": "#009E73",
}

FUNCTION_COLOURS: dict[str, str] = {
    "preparation": "#0077BB",
    "verification": "#EE7733",
    "impersonation": "#AA3377",
}

# Relations, when flows are coloured by relation instead of function (Paul Tol's "bright").
RELATION_COLOURS: dict[str, str] = {
    "outsources_to": "#4477AA",
    "sells_to": "#66CCEE",
    "recruits": "#228833",
    "supervises": "#CCBB44",
    "operates": "#EE6677",
    "supplies_data": "#882255",
}
# Links that carry no recorded task: visible on the light grey land, yet clearly muted.
NO_TASK = "#7F7F7F"

# Offer types of the platform inventory: Paul Tol's "muted" scheme, apart from the others.
OFFER_TYPE_COLOURS: dict[str, str] = {
    "generalist": "#DDCC77",
    "generalist_ai": "#44AA99",
    "specialized_ai": "#332288",
}

# vis-network `dashes`: False = solid, a list = [dash, gap] in pixels.
CERTAINTY_DASHES: dict[str, bool | list[int]] = {
    "documented": False,
    "reported": [10, 6],
    "inferred": [2, 5],
}
# Vega-Lite `strokeDash` for the same three styles.
CERTAINTY_STROKE_DASH: dict[str, list[int]] = {
    "documented": [1, 0],
    "reported": [8, 4],
    "inferred": [2, 3],
}
# CSS `border-style` for legends drawn in HTML.
CERTAINTY_CSS: dict[str, str] = {"documented": "solid", "reported": "dashed", "inferred": "dotted"}
CERTAINTY_OPACITY: dict[str, float] = {"documented": 1.0, "reported": 0.85, "inferred": 0.55}

NEUTRAL = "#BBBBBB"
TEXT = "#1F2933"
HIGHLIGHT = "#111111"


def over_white(colour: str, opacity: float) -> str:
    """`colour` (#RRGGBB) at `opacity` over white, as an opaque colour: a marker drawn so looks
    as faint as a translucent one, but the links that start at its centre stay hidden under it."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * opacity + 255 * (1 - opacity)):02X}" for c in channels)


def altair_scale(colours: dict[str, str]) -> dict:
    """Domain and range for an Altair `alt.Scale`, in vocabulary order."""
    return {"domain": list(colours), "range": list(colours.values())}
