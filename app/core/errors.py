"""What can go wrong with data, in terms a researcher can act on.

Exceptions and problems are defined here, in `core`; `components` turns them into friendly
messages. A problem always names the file, and where it can, the line, column and value.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_VALUE_SHOWN = 60


def shorten(value: str, limit: int = MAX_VALUE_SHOWN) -> str:
    """Cut a long value so that a message stays readable (and a hostile value stays small)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a case folder: where it is, the bad value, and what is allowed."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        if self.value is not None:
            where += f", value '{shorten(self.value)}'"
        return f"{where}: {self.message}"

    def as_row(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column or "",
                "value": self.value if self.value is not None else "", "message": self.message}


class DataError(Exception):
    """A case or reference folder that cannot be loaded; carries every problem found."""

    def __init__(self, name: str, problems: list[Problem]):
        self.name = name
        self.problems = list(problems)
        first = "; ".join(str(p) for p in self.problems[:3])
        super().__init__(f"{name}: {len(self.problems)} problem(s): {first}")


class UnknownCase(LookupError):
    """A case id asked for (in a URL, say) that no loaded case has."""

    def __init__(self, case_id: str, known: list[str]):
        self.case_id = case_id
        self.known = list(known)
        super().__init__(f"unknown case '{shorten(case_id)}'; known cases: {', '.join(known)}")
