"""Which kind of device a page is opened on, from the request's headers.

A phone gets the app's phone frame (a menu in the header instead of a sidebar): the sidebar
is closed on a phone anyway, and drawing it slowed a phone's first render. Tablets and narrow
desktop windows keep the sidebar, which Streamlit closes below its width breakpoint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Chromium-based browsers say it in a client hint on every request; Safari and Firefox say
# "Mobi" in the user agent of a phone, never of a tablet (MDN, "Browser detection using the
# user agent": "we recommend looking for the string Mobi anywhere in the User Agent").
_MOBILE_HINT = "sec-ch-ua-mobile"
_MOBILE_AGENT = re.compile(r"Mobi")


def is_phone(headers: Mapping[str, str]) -> bool:
    """True when the headers come from a phone's browser."""
    found = {name.lower(): value for name, value in headers.items()}
    return (found.get(_MOBILE_HINT, "").strip() == "?1"
            or bool(_MOBILE_AGENT.search(found.get("user-agent", ""))))
