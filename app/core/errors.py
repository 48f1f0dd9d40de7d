"""What can go wrong with data, in terms a researcher can act on.

Exceptions and problems are defined here, in `core`; `components` turns them into friendly
messages. A problem always names the file, and where it can, the line, column and value.

A problem carries a message *key* of `app/core/messages/problems.py` and the values that fill
it, never a sentence: `message` (English) and `text(lang)` word it in a language, `describe(lang)`
gives the full line with file, line, column and value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.core.i18n import DEFAULT_LANGUAGE, translate

MAX_VALUE_SHOWN = 60


def shorten(value: str, limit: int = MAX_VALUE_SHOWN) -> str:
    """Cut a long value so that a message stays readable (and a hostile value stays small)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass(frozen=True)
class OneOf:
    """Codes offered as alternatives: `generation or annotation` / `generation ou annotation`."""

    items: tuple[str, ...]


def _localise(value: object, lang: str) -> object:
    """A parameter ready for translate(): lists of codes joined, numbers left to translate()."""
    if isinstance(value, OneOf):
        return translate("problem.or", lang).join(value.items)
    if isinstance(value, (tuple, list)):
        return ", ".join(str(item) for item in value)
    return value


def _params(values: dict[str, object]) -> tuple[tuple[str, object], ...]:
    """Message parameters as a hashable tuple (lists become tuples)."""
    return tuple((name, tuple(v) if isinstance(v, list) else v) for name, v in values.items())


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a case folder: where it is, the bad value, and what is allowed.

    `key` names a message of the catalogue and `params` the values of its `{fields}`. Lists of
    allowed values are codes and stay as they are in every language; numbers are formatted per
    language (`50,000` / `50 000`), so pass a `str` for what must never get a separator.
    """

    file: str
    key: str
    line: int | None = None
    column: str | None = None
    value: str | None = None
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, file: str, key: str, /, *, line: int | None = None, column: str | None = None,
           value: str | None = None, **params: object) -> Problem:
        """`Problem.of("actors.csv", "problem.required", line=3, column="name", value="")`."""
        return cls(file, key, line, column, value, _params(params))

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """What is wrong, in `lang` (without the file, line, column and value)."""
        return translate(self.key, lang, **{name: _localise(v, lang) for name, v in self.params})

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.text(DEFAULT_LANGUAGE)

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The whole line: `actors.csv, line 2, column 'actor_type', value 'robot': …`."""
        # Line numbers go in as text: they never get a thousands separator.
        where = self.file if self.line is None else translate(
            "problem.where.line", lang, file=self.file, line=str(self.line))
        if self.column:
            where = translate("problem.where.column", lang, where=where, column=self.column)
        if self.value is not None:
            where = translate("problem.where.value", lang, where=where, value=shorten(self.value))
        return translate("problem.describe", lang, where=where, message=self.text(lang))

    def __str__(self) -> str:
        return self.describe(DEFAULT_LANGUAGE)

    def as_row(self, lang: str = DEFAULT_LANGUAGE) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column or "",
                "value": self.value if self.value is not None else "", "message": self.text(lang)}


class DataError(Exception):
    """A case or reference folder that cannot be loaded; carries every problem found."""

    def __init__(self, name: str, problems: Iterable[Problem]):
        self.name = name
        self.problems = list(problems)
        super().__init__(self.text(DEFAULT_LANGUAGE))

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """`name: 2 problem(s): …` with the first three problems, in `lang`."""
        first = translate("problem.list_separator", lang).join(
            p.describe(lang) for p in self.problems[:3])
        return translate("problem.data_error", lang, name=self.name,
                         count=str(len(self.problems)), first=first)


class UnknownCase(LookupError):
    """A case id asked for (in a URL, say) that no loaded case has."""

    def __init__(self, case_id: str, known: list[str]):
        self.case_id = case_id
        self.known = list(known)
        super().__init__(self.text(DEFAULT_LANGUAGE))

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate("problem.unknown_case", lang, case=shorten(self.case_id),
                         known=", ".join(self.known))
