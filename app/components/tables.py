"""Tables as the pages show them: Streamlit's interactive grid, converted once per table.

`st.dataframe` converts a pandas frame to Arrow on every run, the largest part of a rerun's
work on pages with tables. The pages' tables come from views shared by `cached_view`, so they
are the same objects on every rerun: converted once here, each rerun only sends them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

# How many converted tables are kept. Each holds its frame, so that the frame's id is not
# reused while kept; a page shows at most a handful, so this is many pages of many sessions.
TABLES_KEPT = 256

_converted: OrderedDict[int, tuple[pd.DataFrame, pa.Table]] = OrderedDict()
_lock = threading.Lock()


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """`frame` as the Arrow table Streamlit sends, converted once per frame object.

    Only for frames that are never modified (cached views): a frame changed in place after
    its first conversion would still be shown as it was.
    """
    with _lock:
        kept = _converted.get(id(frame))
        if kept is not None and kept[0] is frame:
            _converted.move_to_end(id(frame))
            return kept[1]
    table = dataframe_util.convert_pandas_df_to_arrow_table(frame)
    with _lock:
        _converted[id(frame)] = (frame, table)
        while len(_converted) > TABLES_KEPT:
            _converted.popitem(last=False)
    return table


def render_table(frame: pd.DataFrame, *, key: str, column_config: dict | None = None) -> None:
    """One table of a cached view, without its row numbers."""
    st.dataframe(arrow_table(frame), hide_index=True, key=key, column_config=column_config)
