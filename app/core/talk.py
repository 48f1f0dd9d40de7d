"""A talk: several presented views in a row, carried by one short link parameter.

`talk=chain:voice-assistant,flows:voice-assistant,compare` plays the chain of one case, then its
country flows, then the comparison of every case. Each part is a view, optionally followed by
`:` and its cases joined with `.` (`compare:julie-desk.voice-assistant`); a chain takes one case.
Only letters, digits, `-`, `.`, `:` and `,` occur, so the link reads the same in a QR code, in
the address bar and on a slide. Anything else is refused part by part, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.versions import format_pins

VIEWS = ("chain", "flows", "functions", "compare")
MAX_PARTS = 8
MAX_LENGTH = 400
PART_SEPARATOR = ","
CASE_SEPARATOR = "."


@dataclass(frozen=True)
class TalkPart:
    """One view of a talk and its cases (none: every case; a chain always names one)."""

    view: str
    cases: tuple[str, ...] = ()

    def token(self) -> str:
        return self.view + (":" + CASE_SEPARATOR.join(self.cases) if self.cases else "")


@dataclass(frozen=True)
class Refusal:
    """A part of the link that cannot be played, and why (a `talk.reason.*` message key)."""

    value: str
    reason: str


def parse_talk(raw: str, case_ids: list[str], aliases: dict[str, str] | None = None,
               ) -> tuple[list[TalkPart], list[Refusal]]:
    """The parts of a `talk=` value that can be played, and the refused ones with a reason.

    Case ids are checked against `case_ids` (renamed ones through `aliases`); a chain without
    a case plays the first case.
    """
    aliases = aliases or {}
    if len(raw) > MAX_LENGTH:
        return [], [Refusal(raw[:40] + "…", "talk.reason.too_long")]
    parts: list[TalkPart] = []
    refused: list[Refusal] = []
    for token in (t.strip() for t in raw.split(PART_SEPARATOR)):
        if not token:
            continue
        view, _, cases_text = token.partition(":")
        if view not in VIEWS:
            refused.append(Refusal(token, "talk.reason.view"))
            continue
        asked = [c for c in cases_text.split(CASE_SEPARATOR) if c] if cases_text else []
        cases = [aliases.get(c, c) for c in asked]
        unknown = [a for a, c in zip(asked, cases) if c not in case_ids]
        if unknown:
            refused.append(Refusal(token, "talk.reason.case"))
            continue
        if view == "chain":
            if len(cases) > 1:
                refused.append(Refusal(token, "talk.reason.one_case"))
                continue
            cases = cases or case_ids[:1]
        if len(parts) == MAX_PARTS:
            refused.append(Refusal(token, "talk.reason.too_many"))
            continue
        parts.append(TalkPart(view, tuple(dict.fromkeys(cases))))
    return parts, refused


def talk_value(parts: list[TalkPart]) -> str:
    """The `talk=` value of some parts (what `parse_talk` reads back)."""
    return PART_SEPARATOR.join(part.token() for part in parts)


def talk_link(root: str, parts: list[TalkPart], lang: str | None = None,
              versions: dict[str, str] | None = None) -> str:
    """The talk's address: the app's root, the talk and, if given, the language and the data
    version of each package it shows (`v=case:version,...`, so that a cited talk reopens as
    cited).

    Written by hand rather than URL-encoded: the values' characters are all safe in a query,
    and `,` and `:` stay readable (encoded they would read `%2C` and `%3A`).
    """
    link = f"{root.rstrip('/')}/?talk={talk_value(parts)}"
    if lang:
        link += f"&lang={lang}"
    if versions:
        link += f"&v={format_pins(versions)}"
    return link


def talk_cases(parts: list[TalkPart]) -> list[str]:
    """The cases a talk shows, in order of first mention; none when a part shows every case."""
    if any(not part.cases for part in parts):
        return []
    return list(dict.fromkeys(case for part in parts for case in part.cases))


def readable_address(link: str) -> str:
    """The link as said aloud or typed from a slide: no `http://`, no `https://`."""
    for scheme in ("https://", "http://"):
        if link.startswith(scheme):
            return link[len(scheme):]
    return link


def locate(counts: list[int], number: int) -> tuple[int, int] | None:
    """Which part (0-based) and which of its steps (1-based) is the talk's step `number`
    (1-based); None past the last part's steps (the audience step)."""
    for index, count in enumerate(counts):
        if number <= count:
            return index, number
        number -= count
    return None
