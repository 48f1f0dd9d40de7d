"""The words of a pinned view's notice: which version is shown, what changed since (pure)."""

from __future__ import annotations

from app.core.i18n import translate
from app.core.text import escape_markdown
from app.core.versions import PinOutcome, changelog, changes_between


def entry_summary(entry: dict, lang: str) -> str:
    """A changelog entry's summary in `lang` (English when the translation is missing)."""
    return str(entry.get(f"summary_{lang}") or entry.get("summary") or "")


def _date_of(package: dict, version: str, lang: str) -> str:
    for entry in changelog(package):
        if entry["version"] == version and entry.get("date"):
            return escape_markdown(str(entry["date"]))
    return translate("version.unreleased_date", lang)


def notice_markdown(outcome: PinOutcome, label: str, current_package: dict,
                    released: list[str], lang: str) -> str:
    """The notice of one pinned package, as Markdown (every value from the data escaped).

    `label` names the package (a case's title in quotes); `current_package` is its current
    datapackage.json, whose changelog says what changed between the cited and current versions.
    """
    package = escape_markdown(label)
    if not outcome.found:
        return translate("version.unknown", lang, package=package,
                         asked=escape_markdown(outcome.asked), current=outcome.current,
                         released=", ".join(released) or "—")
    lines = [translate("version.old", lang, package=package, shown=outcome.shown,
                       date=_date_of(current_package, outcome.shown, lang),
                       current=outcome.current)]
    entries = changes_between(current_package, outcome.shown, outcome.current)
    if entries:
        lines.append(translate("version.changed_since", lang))
        lines += ["- " + translate("version.entry", lang, version=e["version"],
                                   date=escape_markdown(str(e.get("date", ""))),
                                   summary=escape_markdown(entry_summary(e, lang)))
                  for e in entries]
    else:
        lines.append(translate("version.no_changelog", lang))
    return "\n".join(lines)
