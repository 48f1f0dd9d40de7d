"""Every text of the interface in every language, one catalogue split by area.

Each module holds `MESSAGES = {key: {"en": ..., "fr": ...}}`; keys are unique across modules
(a test checks it) and name their area first (`chain.title`, `problem.required`).
"""

from app.core.messages import (build, flows, present, problems, reference, serving, ui,
                               versions, vocabulary)

AREAS = (ui, vocabulary, problems, flows, reference, serving, versions, present, build)
MESSAGES: dict[str, dict[str, str]] = {k: v for area in AREAS for k, v in area.MESSAGES.items()}
