"""Untrusted text made safe for the places that interpret it (Markdown, spreadsheets)."""

from __future__ import annotations

import re
from urllib.parse import quote

from app.core.vocab import FORMULA_PREFIXES

_URL_SAFE = "/:?#@!&*+,;=%~-._[]"  # kept as they are in a link's address
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: no link, image, HTML, maths or emphasis from data.

    Streamlit renders labels, captions and messages as Markdown; a name such as
    `![x](http://host/pixel)` would otherwise load a remote image.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def markdown_link(text: str, url: str) -> str:
    """A Markdown link to `url` (an http(s) address the caller has checked) whose text shows
    literally and whose address cannot end the link early or start maths: spaces, parentheses,
    angle brackets, quotes, backslashes and dollar signs in it are percent-encoded."""
    return f"[{escape_markdown(text)}]({quote(url, safe=_URL_SAFE)})"


def neutralise_formula(value: object) -> object:
    """A cell a spreadsheet shows as text even when it starts like a formula (OWASP advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
