"""Languages of the interface: choosing one, translating a message, formatting numbers and dates.

The messages themselves live in `app/core/messages.py` (one entry per text, every language
side by side), so that a missing translation is a failing test, not a surprise on stage.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping

from app.core.messages import MESSAGES
from app.core.vocab import GROUP_ACTOR_TYPES

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
_NARROW_NBSP = "\u202f"  # French thousands separator
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_FIELDS = string.Formatter()


def negotiate(asked: str | None, browser_locale: str | None) -> str:
    """The language to show: the link's `lang` when we have it, else the browser's, else English."""
    if asked in LANGUAGES:
        return asked
    primary = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, with `{name}` fields filled from `values`.

    Raises KeyError for an unknown key. A message without a text in `lang` falls back to
    English; the catalogue test makes sure that never happens for the bundled messages.
    """
    entry: Mapping[str, str] = MESSAGES[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if not values:
        return text
    return text.format(**{k: format_value(v, lang) for k, v in values.items()})


def translate_count(key: str, count: int, lang: str, **values: object) -> str:
    """The message `key.one` or `key.other`, agreeing with `count` (given as `{count}` or `{n}`).

    English takes the singular for 1 only; French for 0 and 1 ("0 lien", "1 lien", "2 liens").
    """
    one = abs(count) < 2 if lang == "fr" else count == 1
    return translate(f"{key}.{'one' if one else 'other'}", lang, count=count, n=count, **values)


def fields_of(text: str) -> set[str]:
    """The `{name}` fields a message expects."""
    return {name for _, name, _, _ in _FIELDS.parse(text) if name}


def format_value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)


def format_number(value: float, lang: str, decimals: int | None = None) -> str:
    """`266,126` in English, `266 126` in French (narrow no-break space), decimals localised."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", _NARROW_NBSP).replace(".", ",")
    return text


def format_percent(share: float, lang: str, decimals: int = 0) -> str:
    """A share (0-1) as a percentage: `56%` / `56 %`."""
    number = format_number(share * 100, lang, decimals)
    return f"{number}{_NARROW_NBSP}%" if lang == "fr" else f"{number}%"


def format_date(day: dt.date, lang: str) -> str:
    """`November 25, 2026` / `25 novembre 2026`."""
    if lang == "fr":
        return f"{day.day} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.strftime('%B')} {day.day}, {day.year}"


MISSING_MARK = {"fr": " [EN]"}  # shown after an English text standing in for a missing one


def localized(frame, column: str, lang: str):
    """A text column in `lang`: the `<column>_fr` cell where there is one, else the English
    cell marked as such (e.g. `… [EN]`), so that a missing translation is visible, not hidden.
    """
    if lang == DEFAULT_LANGUAGE or f"{column}_{lang}" not in frame.columns:
        return frame[column] if lang == DEFAULT_LANGUAGE else frame[column].map(
            lambda text: _marked(text, lang))
    translated = frame[f"{column}_{lang}"]
    return translated.where(translated != "", frame[column].map(lambda t: _marked(t, lang)))


def localized_value(record: Mapping, key: str, lang: str) -> str:
    """One text of a record (a case's package, say) in `lang`, English marked when missing."""
    if lang == DEFAULT_LANGUAGE:
        return str(record.get(key, ""))
    return str(record.get(f"{key}_{lang}") or _marked(str(record.get(key, "")), lang))


def _marked(text: str, lang: str) -> str:
    return f"{text}{MISSING_MARK.get(lang, '')}" if text else text


VOCABULARY_KINDS: tuple[str, ...] = (
    "actor_type", "relation", "function", "subfunction", "data_type", "certainty", "source_kind",
    "offer_type", "platform_relation", "figure_kind", "qualifier", "paid", "scope")


def _vocab_key(kind: str, value: object) -> str:
    if isinstance(value, bool) or kind == "paid":
        value = str(value).strip().lower() in ("true", "1", "yes")
        value = "true" if value else "false"
    return f"{kind}.{value}"


def vocab_label(kind: str, value: object, lang: str) -> str:
    """How a vocabulary value reads on screen: `vocab_label("actor_type", "worker_pool", "fr")`
    is "Travailleurs"; relations read as the verb of "from RELATION to" ("sous-traite à").

    `kind` is one of `VOCABULARY_KINDS`; `paid` takes True/False (or "true"/"false"). A value
    outside the vocabulary (an uploaded case's typo, say) is shown as its words, never an error.
    """
    key = f"vocab.{_vocab_key(kind, value)}"
    if key in MESSAGES:
        return translate(key, lang)
    return str(value).replace("_", " ")


def relation_verb(relation: str, subject_type: object, lang: str) -> str:
    """The relation as the verb of a sentence whose subject is an actor of `subject_type`:
    plural after a group of people ("Smart-speaker users supply data to"), else as
    `vocab_label` has it ("The lead firm supplies data to")."""
    key = f"vocab.relation_plural.{relation}"
    if subject_type in GROUP_ACTOR_TYPES and key in MESSAGES:
        return translate(key, lang)
    return vocab_label("relation", relation, lang)


def vocab_meaning(kind: str, value: object, lang: str) -> str:
    """The meaning of a vocabulary value in `lang` (empty for a value outside the vocabulary)."""
    key = f"vocab.{_vocab_key(kind, value).replace('.', '_meaning.', 1)}"
    return translate(key, lang) if key in MESSAGES else ""
