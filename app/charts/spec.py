"""Charts as Vega-Lite JSON: converted once per view and kept, then drawn on every rerun.

Altair's conversion (`to_dict`) validates the whole spec against the Vega-Lite schema, which
costs more than drawing the chart; pages therefore cache the JSON of each view and hand it to
Streamlit as it is. The builders themselves are validated by the tests.
"""

from __future__ import annotations

import threading

import altair as alt

# Altair's theme and data transformer are process-wide settings, switched only here.
_ALTAIR_SETTINGS = threading.Lock()


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite JSON, data inline, with no theme defaults (the page sizes charts).

    Not validated: a builder's output is checked by the tests, not on every view.
    """
    with (_ALTAIR_SETTINGS, alt.theme.enable("none"),
          alt.data_transformers.enable("default", max_rows=None)):
        return chart.to_dict(validate=False)
