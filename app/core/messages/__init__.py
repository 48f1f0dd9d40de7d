"""Every text of the interface in every language, one catalogue split by area.

Each module holds `MESSAGES = {key: {"en": ..., "fr": ...}}`; keys are unique across modules
(a test checks it) and name their area first (`chain.title`, `problem.required`).
"""

from app.core.messages import problems, ui, vocabulary

MESSAGES: dict[str, dict[str, str]] = {**ui.MESSAGES, **problems.MESSAGES, **vocabulary.MESSAGES}
