"""Tables are converted for the browser once per cached frame, and as Streamlit would."""

import pandas as pd
import pyarrow as pa
from streamlit import dataframe_util

from app.components import tables
from app.components.tables import arrow_table


def frame(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({"Actor": [f"a{i}" for i in range(n)], "Workers": range(n),
                         "Sources": ["S1 | S2"] * n})


def test_a_frame_is_converted_once_and_as_streamlit_converts_it():
    shown = frame()
    table = arrow_table(shown)
    assert isinstance(table, pa.Table)
    assert arrow_table(shown) is table
    assert table.equals(dataframe_util.convert_pandas_df_to_arrow_table(shown))
    assert table.column_names == ["Actor", "Workers", "Sources"]


def test_another_frame_with_the_same_content_is_converted_anew():
    # Identity, not content: a frame made again (another view) gets its own conversion.
    first, second = frame(), frame()
    assert arrow_table(first) is not arrow_table(second)
    assert arrow_table(first).equals(arrow_table(second))


def test_the_kept_conversions_are_bounded_and_the_oldest_go_first(monkeypatch):
    monkeypatch.setattr(tables, "TABLES_KEPT", 3)
    monkeypatch.setattr(tables, "_converted", type(tables._converted)())
    frames = [frame(i + 1) for i in range(5)]
    first = arrow_table(frames[0])
    for f in frames[1:]:
        arrow_table(f)
    assert len(tables._converted) == 3
    assert arrow_table(frames[0]) is not first  # it had gone: converted again
    assert arrow_table(frames[-1]) is arrow_table(frames[-1])
