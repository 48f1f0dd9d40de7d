"""A case as one self-contained HTML file, to archive beside a paper (pure: text in, text out).

The file holds the chain figure (inline SVG), the links, actors and tasks with their sources
and certainty, the source list, the data version and its changelog, how to cite it and the
link back. It loads nothing: no script, no stylesheet, no font, no image from elsewhere (a
Content-Security-Policy says so to the browser too), and every text from the data is escaped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import pandas as pd

from app.charts import chain_figure
from app.charts.chain_graph import build_chain_graph
from app.core.cite_sources import cited_sources, sources_bibtex
from app.core.i18n import format_date, localized_value, translate
from app.core.load import Dataset
from app.core.share import citation_bibtex, citation_text
from app.core.sources import short_citation
from app.core.tables import actor_table, chain_table, task_table
from app.core.versions import changelog

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1F2933;margin:0 auto;
max-width:1100px;padding:24px;line-height:1.45}
h1{font-size:1.8em;margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.kicker{text-transform:uppercase;letter-spacing:.08em;color:#52606D;margin:0}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0}
th,td{border:1px solid #d9dee3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7}pre{white-space:pre-wrap;background:#f3f5f7;padding:8px;font-size:.85em}
figure{margin:0}figure svg{max-width:100%;height:auto}figcaption{color:#52606D;font-size:.9em}dt{font-weight:600}dd{margin:0 0 .4em 0}
.note{color:#52606D;font-size:.9em}
@media print{body{max-width:none}a{color:inherit}}
"""


@dataclass(frozen=True)
class DossierInput:
    """What the dossier of one case is made of (the case already at the version shown)."""

    case: Dataset
    case_id: str
    package: dict  # the datapackage.json of the version shown (its changelog)
    url: str  # the link back: this case, at this data version
    app_version: str
    made: dt.date
    lang: str
    # The chain figure as SVG markup, if the caller has it; else the paper figure is drawn here.
    figure: str | None = None


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _with_keys(frame: pd.DataFrame, keys: pd.Series, lang: str) -> pd.DataFrame:
    """A table whose sources column names the keys of the source list, not whole citations."""
    frame = frame.copy()
    frame[translate("table.sources", lang)] = list(keys)
    return frame


def _changelog_html(package: dict, lang: str) -> str:
    entries = changelog(package)
    if not entries:
        return f"<p>{escape(translate('dossier.no_changelog', lang))}</p>"
    items = []
    for entry in entries:
        summary = entry.get(f"summary_{lang}") or entry.get("summary") or ""
        changes = "".join(
            f"<li>{escape(translate('dossier.change', lang, **{k: str(c.get(k, '')) for k in ('rows', 'change', 'why', 'evidence')}))}</li>"  # noqa: E501
            for c in entry.get("changes") or [] if isinstance(c, dict))
        items.append(f"<li><strong>{escape(str(entry['version']))}</strong> "
                     f"({escape(str(entry.get('date', '')))}): {escape(str(summary))}"
                     + (f"<ul>{changes}</ul>" if changes else "") + "</li>")
    return f"<ul>{''.join(items)}</ul>"


def _sources_html(rows: pd.DataFrame, lang: str) -> str:
    items = []
    for row in rows.to_dict("records"):
        link = (f' <a href="{escape(str(row["url"]), quote=True)}">{escape(str(row["url"]))}</a>'
                if row["url"] else "")
        doi = f" doi:{escape(row['doi'])}" if row["doi"] and row["doi"] not in str(
            row["url"]) + str(row["citation"]) else ""
        note = f'<br><span class="note">{escape(str(row["note"]))}</span>' if row["note"] else ""
        items.append(f"<li><strong>[{escape(str(row['source_id']))}]</strong> "
                     f"{escape(str(row['citation']))}{link}{doi}{note}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _figure(case: Dataset, case_id: str, title: str, version: str, url: str, lang: str) -> str:
    """The whole case as the paper figure (the same drawing as the chain page's SVG export)."""
    graph = build_chain_graph(case.actors, case.links, case.sources, lang=lang)
    citations = list(dict.fromkeys(short_citation(c, y) for c, y in zip(
        case.sources["citation"], case.sources.get("year", [""] * len(case.sources)))))
    note = chain_figure.figure_note(title=title, citations=citations,
                                    data_version=f"{case_id} {version}", url=url, lang=lang,
                                    layout=graph.layout)
    svg = chain_figure.figure_svg(chain_figure.figure_spec(graph, title=title, note=note,
                                                           lang=lang)).decode("utf-8")
    return svg[svg.index("<svg"):]  # inline in HTML: no XML prolog


def dossier_html(given: DossierInput) -> str:
    """The whole dossier of one case as an HTML document (see the module's doc)."""
    lang, case = given.lang, given.case
    t = lambda key, **values: translate(key, lang, **values)  # noqa: E731
    info = case.case_info(given.case_id)
    title = localized_value(info, "title", lang)
    version = str(given.package.get("version") or info.get("version") or "")
    figure = given.figure or _figure(case, given.case_id, title, version, given.url, lang)
    links = _with_keys(chain_table(case.sources, case.actors, case.links, lang=lang),
                       case.links["source_ids"], lang)
    actors = _with_keys(actor_table(case.sources, case.actors, lang=lang),
                        case.actors["source_ids"], lang)
    shown_tasks = case.tasks[case.tasks["actor_id"].isin(case.actors["actor_id"])]
    tasks = _with_keys(task_table(case.sources, case.tasks, case.actors, lang=lang),
                       shown_tasks["source_ids"], lang)
    sources = cited_sources(case.sources, (case.actors, case.links, case.tasks))
    all_sources = cited_sources(case.sources, [case.sources.assign(
        source_ids=case.sources["source_id"])])
    data = f"{given.case_id} {version}"
    view = translate("chain.view_title", lang, title=title)
    cite = citation_text(view, given.url, data, given.made, lang=lang)
    bibtex = citation_bibtex(view, given.url, data, given.made, given.case_id, lang=lang)
    if not sources.empty:
        bibtex += "\n\n" + sources_bibtex(sources)
    licence = str(info.get("licence") or "")
    made = format_date(given.made, lang)
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} — {escape(t('dossier.kicker'))} {escape(version)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f'<header><p class="kicker">{escape(t("app.title"))} · {escape(t("dossier.kicker"))}'
        f"</p><h1>{escape(title)}</h1>",
        f"<p>{escape(t('dossier.version', version=version, case=given.case_id, date=made))}</p>"
        "</header>",
        f"<dl><dt>{escape(t('dossier.product'))}</dt>"
        f"<dd>{escape(localized_value(info, 'product', lang))}</dd>"
        f"<dt>{escape(t('dossier.period'))}</dt>"
        f"<dd>{escape(localized_value(info, 'period', lang))}</dd></dl>",
        f"<p>{escape(localized_value(info, 'description', lang))}</p>",
        f"<h2>{escape(t('dossier.figure'))}</h2>",
        f"<figure>{figure}<figcaption>{escape(t('dossier.figure_caption'))}</figcaption>"
        "</figure>",
        f"<h2>{escape(t('dossier.links'))}</h2>{_table(links)}",
        f"<h2>{escape(t('dossier.actors'))}</h2>{_table(actors)}",
        f"<h2>{escape(t('dossier.tasks'))}</h2>{_table(tasks)}",
        f"<h2>{escape(t('dossier.sources'))}</h2>{_sources_html(all_sources, lang)}",
        f"<h2>{escape(t('dossier.changelog'))}</h2>{_changelog_html(given.package, lang)}",
        f"<h2>{escape(t('dossier.cite'))}</h2><pre>{escape(cite)}</pre>"
        f"<pre>{escape(bibtex)}</pre>",
        f"<p>{escape(t('dossier.link_back'))} <a href=\"{escape(given.url, quote=True)}\">"
        f"{escape(given.url)}</a></p>",
        f"<p class=\"note\">{escape(t('dossier.licence', licence=licence))}</p>"
        if licence else "",
        "</body></html>",
    ])
