"""The floor of a page with a chart: the hello-world app plus one small Vega-Lite chart.

Streamlit loads its Vega code only when a page draws a chart, so no page with a chart can
render faster than this; the benchmark reports the chart pages against it too.
"""

import streamlit as st

st.write("Hello, world")
st.vega_lite_chart({"data": {"values": [{"function": "preparation", "n": 4},
                                        {"function": "verification", "n": 3},
                                        {"function": "impersonation", "n": 1}]},
                    "mark": "bar",
                    "encoding": {"x": {"field": "n", "type": "quantitative"},
                                 "y": {"field": "function", "type": "nominal"}}},
                   theme=None)
