"""A small client of Streamlit's websocket protocol, for rerun latency and load.

It speaks what the browser speaks on `ws://HOST:PORT/_stcore/stream` (subprotocol `streamlit`):
a `BackMsg` with `rerun_script` (a `ClientState`: page, query string, widget states), then
`ForwardMsg`s until `script_finished`. Like the browser it remembers the hashes of the
cacheable messages it received and sends them back, so the server replaces an unchanged large
element (the graph's HTML) by a reference; `browser_cache=False` turns that off.

Loopback only: `connect` refuses any other host. Every wait is bounded by a timeout.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetStates

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
FINISHED = {v: k for k, v in ForwardMsg.ScriptFinishedStatus.items()}


@dataclass
class Widget:
    """A widget seen in the deltas: its proto id, element type and what a change would send."""

    id: str
    kind: str
    value: object = None
    options: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    """One script run as seen by the client."""

    latency_s: float
    bytes: int = 0
    messages: int = 0
    status: str = ""
    exceptions: list[str] = field(default_factory=list)
    page_not_found: bool = False
    elements: dict[str, int] = field(default_factory=dict)
    largest: tuple[str, int] = ("", 0)  # element type and size of the biggest ForwardMsg
    refs: int = 0  # messages replaced by a cache reference

    @property
    def ok(self) -> bool:
        return self.status == "FINISHED_SUCCESSFULLY" and not self.exceptions


class SessionError(RuntimeError):
    pass


class Session:
    """One websocket session (one browser tab) on a Streamlit server on loopback."""

    def __init__(self, port: int, *, host: str = "127.0.0.1", browser_cache: bool = True,
                 timeout: float = 60.0, headers: dict[str, str] | None = None):
        if host not in LOOPBACK:
            raise ValueError(f"the benchmark client talks to loopback only, not {host!r}")
        self.url = f"ws://{host}:{port}/_stcore/stream"
        self.browser_cache = browser_cache
        self.timeout = timeout
        self.headers = headers or {}  # e.g. the proxy's stickiness cookie, as a browser sends it
        self.ws = None
        self.page_hash = ""
        self.query_string = ""
        self.cache: set[str] = set()
        self.widgets: dict[str, Widget] = {}

    async def __aenter__(self) -> Session:
        await self.connect()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def connect(self) -> None:
        assert urlparse(self.url).hostname in LOOPBACK
        self.ws = await asyncio.wait_for(
            websockets.connect(self.url, subprotocols=["streamlit"], max_size=None,
                               compression=None, open_timeout=self.timeout,
                               ping_interval=None, additional_headers=self.headers or None),
            self.timeout)

    async def close(self) -> None:
        if self.ws is not None:
            try:
                await asyncio.wait_for(self.ws.close(), 10)
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
            self.ws = None

    def widget(self, key: str) -> Widget | None:
        """The widget whose id carries the user key `key` (Streamlit puts it at the end)."""
        for wid, widget in self.widgets.items():
            if wid == key or wid.endswith("-" + key):
                return widget
        return None

    async def run(self, page: str | None = None, query: str | None = None,
                  widgets: list | None = None) -> RunResult:
        """Ask for a rerun (of `page`, a url path such as "chain"; "" is the default page)
        and read until the script has finished. `widgets` are WidgetState protos to send."""
        state = ClientState()
        if query is not None:
            self.query_string = query
        state.query_string = self.query_string
        if page is not None:
            state.page_name = page
            state.page_script_hash = ""
        else:
            state.page_script_hash = self.page_hash
        if widgets:
            state.widget_states.CopyFrom(WidgetStates(widgets=widgets))
        if self.browser_cache:
            state.cached_message_hashes.extend(sorted(self.cache))
        msg = BackMsg()
        msg.rerun_script.CopyFrom(state)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        result = RunResult(latency_s=0.0)
        try:
            await asyncio.wait_for(self._read_until_finished(result), self.timeout)
        except asyncio.TimeoutError:
            result.status = "TIMEOUT"
        result.latency_s = time.perf_counter() - start
        return result

    async def _read_until_finished(self, result: RunResult) -> None:
        while True:
            data = await self.ws.recv()
            fmsg = ForwardMsg()
            fmsg.ParseFromString(data)
            result.bytes += len(data)
            result.messages += 1
            kind = fmsg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = self.page_hash or fmsg.new_session.page_script_hash
            elif kind == "navigation":
                # With st.navigation the page that ran is named here, not in new_session.
                self.page_hash = fmsg.navigation.page_script_hash or self.page_hash
            elif kind == "page_info_changed":
                self.query_string = fmsg.page_info_changed.query_string
            elif kind == "page_not_found":
                result.page_not_found = True
            elif kind == "ref_hash":
                result.refs += 1
            elif kind == "delta" and fmsg.delta.WhichOneof("type") == "new_element":
                element = fmsg.delta.new_element
                etype = element.WhichOneof("type") or "?"
                result.elements[etype] = result.elements.get(etype, 0) + 1
                if len(data) > result.largest[1]:
                    result.largest = (etype, len(data))
                if etype == "exception":
                    result.exceptions.append(element.exception.message[:300])
                self._note_widget(etype, getattr(element, etype))
            if fmsg.metadata.cacheable and fmsg.hash:
                self.cache.add(fmsg.hash)
            if kind == "script_finished":
                status = FINISHED.get(fmsg.script_finished, str(fmsg.script_finished))
                if status == "FINISHED_EARLY_FOR_RERUN":
                    continue
                result.status = status
                return

    def _note_widget(self, etype: str, proto) -> None:
        wid = getattr(proto, "id", "")
        if not wid or etype in ("iframe", "arrow_data_frame"):
            return
        widget = Widget(id=wid, kind=etype)
        if etype in ("checkbox", "toggle"):
            widget.value = bool(proto.value)
        elif etype in ("selectbox", "radio"):
            widget.options = list(proto.options)
            if proto.HasField("raw_value") and proto.raw_value in widget.options:
                widget.value = proto.raw_value
            elif proto.HasField("default") and 0 <= proto.default < len(widget.options):
                widget.value = widget.options[proto.default]
        old = self.widgets.get(wid)
        if old is not None and old.kind == etype and old.value is not None:
            widget.value = old.value  # keep what this client last sent
        self.widgets[wid] = widget


def change(widget: Widget) -> list:
    """The WidgetState that flips a toggle/checkbox or picks another option of a select box.

    The new value is remembered, so calling it again changes the widget back.
    """
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    if widget.kind in ("checkbox", "toggle"):
        widget.value = not widget.value
        return [WidgetState(id=widget.id, bool_value=widget.value)]
    if widget.kind in ("selectbox", "radio") and len(widget.options) > 1:
        current = widget.value if widget.value in widget.options else widget.options[0]
        nxt = widget.options[(widget.options.index(current) + 1) % len(widget.options)]
        widget.value = nxt
        return [WidgetState(id=widget.id, string_value=nxt)]
    raise SessionError(f"do not know how to change a {widget.kind} widget")


def changeable(session: Session, preferred: tuple[str, ...] = ()) -> Widget | None:
    """The widget to change on a page: a preferred key, else the first toggle/checkbox, else the
    first select box with two options or more; None when the page has none."""
    for key in preferred:
        found = session.widget(key)
        if found is not None:
            return found
    for kinds in (("toggle", "checkbox"), ("selectbox", "radio")):
        for widget in session.widgets.values():
            if widget.kind in kinds and (widget.kind not in ("selectbox", "radio")
                                         or len(widget.options) > 1):
                return widget
    return None
