"""Every text of the interface in every language, one catalogue split by area.

Each module holds `MESSAGES = {key: {"en": ..., "fr": ...}}`; keys are unique across modules
(a test checks it) and name their area first (`chain.title`, `problem.required`).
"""

import re

from app.core.messages import (build, flows, present, problems, reference, serving, ui,
                               versions, vocabulary)

AREAS = (ui, vocabulary, problems, flows, reference, serving, versions, present, build)

# French puts a space before ":", ";", "!", "?" and "»", and after "«"; a line must not break
# there, or a colon starts the next line. (Only before punctuation that ends a phrase, so that
# Streamlit's ":material/...:" and ":blue[...]" are left alone.)
NO_BREAK_SPACE = "\u00a0"
_SPACE_BEFORE = re.compile(r" (?=[:;!?»](?:[\s*_),.\]]|$))")
_SPACE_AFTER = re.compile(r"(?<=«) ")


def french_spacing(text: str) -> str:
    """The French text with no-break spaces where its punctuation takes a space."""
    return _SPACE_AFTER.sub(NO_BREAK_SPACE, _SPACE_BEFORE.sub(NO_BREAK_SPACE, text))


def _typeset(entry: dict[str, str]) -> dict[str, str]:
    return {lang: french_spacing(text) if lang == "fr" else text for lang, text in entry.items()}


MESSAGES: dict[str, dict[str, str]] = {k: _typeset(v) for area in AREAS
                                       for k, v in area.MESSAGES.items()}
