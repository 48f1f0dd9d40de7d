"""View state that a link must carry: widgets restored from, and written back to, the URL.

Every parameter is checked against what exists before use; anything else is dropped with a
short notice and the rest of the view still restores. Nothing from the URL is ever used as a
path or rendered as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import streamlit as st

from app.components.i18n import current_language
from app.components.notices import NOTICES_KEY, notice
from app.core.i18n import translate
from app.core.text import escape_markdown

TRUE_WORDS = ("1", "true", "yes", "on")
# Parameters every page understands: Streamlit's embedding ones, presentation mode, the
# language, the session's uploaded cases (app/components/failover.py) and the data version
# (`v`, see app/components/versions.py).
GLOBAL_PARAMS = ("embed", "embed_options", "present", "lang", "uploads", "v")
FALSE_WORDS = ("0", "false", "no", "off")


def render_notices() -> None:
    """Show, once, what the link asked for that could not be restored."""
    lang = current_language()
    for param, value, reason, values in st.session_state.pop(NOTICES_KEY, []):
        st.info(translate("state.notice", lang, param=param, value=value,
                          reason=translate(reason, lang, **values)), icon=":material/info:")


def _not_one_of(param: str, raw: str, options: Sequence[str], first: int = 8) -> None:
    """Note a link value that is not one of `options`, naming the first few allowed ones (as
    codes, the same in every language) and how many more there are."""
    named = [o for o in options if o]
    allowed = escape_markdown(", ".join(named[:first]))
    if len(named) > first:
        notice(param, raw, "state.reason.not_one_of_more", allowed=allowed,
               more=len(named) - first)
    else:
        notice(param, raw, "state.reason.not_one_of", allowed=allowed)


def choice_popover(label: str, shown: str, *, key: str, closes_with: str | None = None):
    """A pop-over whose button says what is chosen ("Case studies: all 5"), holding a row of
    buttons or pills, as the flows filters are. A single choice gives its value as
    `closes_with`: a choice then closes the pop-over, as it closes a select box (the pop-over
    after it is a new one, its key carrying the value); a multiple choice stays open for the
    next pick.

    The code that draws buttons and pills was the one piece a chart page loaded beyond the
    chart's own (one row of pills: 6 % of a phone's first render of a chart, and on a desktop
    the page's main margin over the one-chart floor, bench/RESULTS.md); a pop-over's content is
    drawn only when it is opened. The button keeps the choice in sight, in one line instead of
    a row of pills above the chart. `shown` is Markdown, as the buttons' labels are (made
    by the same `format_func`)."""
    text = translate("choice.shown", current_language(), label=escape_markdown(label),
                     shown=shown)
    keep_drawn_value(key)
    # A long choice (a case's title) wraps onto a second line on a phone, rather than being cut.
    return st.popover(text, key=_popover_key(key, closes_with), wrap=True)


def keep_drawn_value(key: str) -> None:
    """Send the value of the widget `key` with it on this run, as if just set.

    A browser draws a pop-over's content only when it is opened, and a widget it has never
    drawn takes the value its message carries: its default (nothing chosen), unless the
    session state was set in this very run. So after any other choice, the pop-over opened
    next showed nothing chosen, and a click on one of all five cases chose that case alone."""
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]


def _popover_key(key: str, closes_with: str | None = None) -> str:
    """The key of a choice's pop-over: the choice's own, and with `closes_with` the value
    chosen, in the letters a key's CSS class keeps."""
    if closes_with is None:
        return f"{key}-choice"
    return f"{key}-choice-{re.sub(r'[^0-9A-Za-z_-]+', '-', closes_with)[:40]}"


def chosen_summary(chosen: Sequence[str], options: Sequence[str],
                   format_func: Callable[[str], str] = str) -> str:
    """What a multiple choice holds, in a few words: "all 5", two names, or "3 of 5"."""
    lang = current_language()
    if not chosen:
        return translate("choice.none", lang)
    if len(chosen) == len(options) > 1:
        return translate("choice.all", lang, n=len(options))
    if len(chosen) <= 2:
        return ", ".join(format_func(c) for c in chosen)
    return translate("choice.some", lang, k=len(chosen), n=len(options))


def _set_param(param: str, value: str | None) -> None:
    if value is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value


def synced_value(options: Sequence[str], *, key: str, param: str, default: str | None = None,
                 aliases: dict[str, str] | None = None) -> str | None:
    """The value a synced widget (below) shows: its own, else the link's `?param=` if it is
    one of `options` (a former value through `aliases`), else `default`. Known before the
    widget is drawn, so that a page can say what is chosen where the widget is not seen."""
    options = list(options)
    if default is None and options:
        default = options[0]
    if key not in st.session_state or st.session_state[key] not in options:
        raw = st.query_params.get(param)
        if raw is not None and aliases and raw in aliases:
            raw = aliases[raw]
        value = default
        if raw is not None:
            if raw in options:
                value = raw
            else:
                _not_one_of(param, raw, options)
        st.session_state[key] = value
    return st.session_state[key]


def synced_selectbox(label: str, options: Sequence[str], *, key: str, param: str,
                     default: str | None = None, format_func: Callable[[str], str] = str,
                     omit_default: bool = False, aliases: dict[str, str] | None = None,
                     buttons: bool = False, **kwargs) -> str | None:
    """A select box whose value comes from `?param=` on first show and goes back into it.

    `aliases` maps former values to current ones, so that old links keep working. With
    `buttons`, the few options are drawn as one row of buttons instead (a segmented control),
    in a pop-over whose button names the choice (`choice_popover`): each option is then seen
    and chosen at a tap, on a phone or a projector, and the page opens without the code of
    either a select box or buttons.
    """
    options = list(options)
    if default is None and options:
        default = options[0]
    synced_value(options, key=key, param=param, default=default, aliases=aliases)
    if buttons:
        with choice_popover(label, format_func(st.session_state[key]), key=key,
                            closes_with=st.session_state[key]):
            value = st.segmented_control(label, options, key=key, format_func=format_func,
                                         selection_mode="single", required=True, **kwargs)
    else:
        value = st.selectbox(label, options, key=key, format_func=format_func, **kwargs)
    _set_param(param, None if omit_default and value == default else value)
    return value


def drop_invalid_value(param: str, options: Sequence[str]) -> None:
    """Check a link's `?param=` that no widget of this view reads yet (it belongs to a chart
    drawn on request): a value that is not one of `options` is dropped with a notice now."""
    raw = st.query_params.get(param)
    if raw is not None and raw not in options:
        _not_one_of(param, raw, options)
        del st.query_params[param]


def synced_multiselect(label: str, options: Sequence[str], *, key: str, param: str,
                       default: Sequence[str] | None = None,
                       format_func: Callable[[str], str] = str, buttons: bool = False,
                       **kwargs) -> list[str]:
    """A multiselect stored in the URL as `param=a,b` (omitted when it equals the default).

    Unknown values in the link are dropped with a notice; the known ones are kept. With
    `buttons`, the few options are drawn as pills in a pop-over (`choice_popover`), each seen
    and toggled at a tap, kept in the options' order.
    """
    options = list(options)
    default = list(options if default is None else default)
    if key not in st.session_state or not set(st.session_state[key]) <= set(options):
        raw = st.query_params.get(param)
        value = default
        if raw is not None:
            # An empty `param=` is what the widget writes when cleared: nothing selected.
            asked = [v for v in raw.split(",") if v]
            value = [v for v in options if v in asked]
            unknown = [v for v in asked if v not in options]
            if unknown:
                _not_one_of(param, ",".join(unknown), options)
                if not value:  # nothing usable in the link: the default view
                    value = default
        st.session_state[key] = value
    if buttons:
        with choice_popover(label, chosen_summary(st.session_state[key], options, format_func),
                            key=key):
            chosen = st.pills(label, options, selection_mode="multi", key=key,
                              format_func=format_func, **kwargs)
        value = [o for o in options if o in chosen]
    else:
        value = st.multiselect(label, options, key=key, format_func=format_func, **kwargs)
    _set_param(param, None if value == default else ",".join(value))
    return value


def synced_choice(label: str, options: Sequence[str], *, key: str, param: str,
                  format_func: Callable[[str], str] = str, **kwargs) -> str | None:
    """One of a few buttons, or none, stored as `?param=value` (omitted when none is chosen).

    For what a page draws only on request (a further chart): the view stays a link. The
    buttons wait in a pop-over that names the choice (`choice_popover`).
    """
    options = list(options)
    if key not in st.session_state or (st.session_state[key] is not None
                                       and st.session_state[key] not in options):
        raw = st.query_params.get(param)
        value = None
        if raw:
            if raw in options:
                value = raw
            else:
                _not_one_of(param, raw, options)
        st.session_state[key] = value
    current = st.session_state[key]
    shown = chosen_summary([] if current is None else [current], options, format_func)
    with choice_popover(label, shown, key=key, closes_with=current or ""):
        value = st.segmented_control(label, options, key=key, format_func=format_func,
                                     selection_mode="single", **kwargs)
    _set_param(param, value or None)
    return value


def synced_toggle(label: str, *, key: str, param: str, default: bool = False, **kwargs) -> bool:
    """A toggle stored in the URL as `param=1` (omitted when it is off)."""
    if key not in st.session_state:
        raw = st.query_params.get(param)
        value = default
        if raw is not None:
            if raw.lower() in TRUE_WORDS:
                value = True
            elif raw.lower() in FALSE_WORDS:
                value = False
            else:
                notice(param, raw, "state.reason.on_off")
        st.session_state[key] = value
    value = st.toggle(label, key=key, **kwargs)
    _set_param(param, "1" if value else None)
    return value


def checked_param(param: str, options: Sequence[str], default: str,
                  aliases: dict[str, str] | None = None) -> str:
    """A URL parameter that is not bound to a widget, checked against what exists."""
    raw = st.query_params.get(param)
    if raw is None:
        return default
    if aliases and raw in aliases:
        _set_param(param, aliases[raw])
        return aliases[raw]
    if raw in options:
        return raw
    _not_one_of(param, raw, options)
    _set_param(param, default)
    return default


def param_is_on(param: str) -> bool:
    """True when the link switches a mode on (`?present=1`); anything else is off."""
    return str(st.query_params.get(param, "")).lower() in TRUE_WORDS


def set_param(param: str, value: str | None) -> None:
    """Write one view parameter (None removes it)."""
    _set_param(param, value)


def drop_unknown_params(known: Sequence[str]) -> None:
    """Remove parameters this page does not understand, with a notice (Streamlit's own stay)."""
    for param in list(st.query_params):
        if param not in known and param not in GLOBAL_PARAMS:
            notice(param, st.query_params.get(param, ""), "state.reason.no_such_setting")
            del st.query_params[param]
