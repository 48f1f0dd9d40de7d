"""Messages: versions — views pinned to a data version, the sources behind a view, the dossier.

Fields in `{braces}` are filled by `translate()`; the notice texts are Markdown (values are
escaped by the caller).
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The notice of a view pinned to a data version (`v=` in the link).
    "version.old": {
        "en": "**You are reading {package} in data version {shown}** ({date}), the version "
              "this link cites. The current version is **{current}**.",
        "fr": "**Vous lisez {package} dans la version {shown} des données** ({date}), celle "
              "que ce lien cite. La version actuelle est la **{current}**."},
    "version.changed_since": {"en": "What changed since:", "fr": "Ce qui a changé depuis :"},
    "version.entry": {"en": "**{version}** ({date}): {summary}",
                      "fr": "**{version}** ({date}) : {summary}"},
    "version.no_changelog": {
        "en": "The changelog says nothing about the versions in between.",
        "fr": "Le journal des modifications ne dit rien des versions intermédiaires."},
    "version.unknown": {
        "en": "This link asks for {package} in data version **{asked}**, which was never "
              "released: the **current data (version {current})** are shown. Released "
              "versions: {released}.",
        "fr": "Ce lien demande {package} dans la version **{asked}** des données, qui n'a "
              "jamais été publiée : les **données actuelles (version {current})** sont "
              "affichées. Versions publiées : {released}."},
    "version.current_link": {"en": "The same view on the current data",
                             "fr": "La même vue sur les données actuelles"},
    "version.reference": {"en": "the reference tables", "fr": "les tables de référence"},
    "version.case_label": {"en": "“{title}”", "fr": "« {title} »"},
    "version.unreleased_date": {"en": "date not recorded", "fr": "date non consignée"},
    "state.reason.version_format": {
        "en": "write versions as case:1.0.0, separated by commas.",
        "fr": "écrivez les versions sous la forme cas:1.0.0, séparées par des virgules."},
    "state.reason.no_such_package": {
        "en": "no case or table of that name is loaded.",
        "fr": "aucun cas ni aucune table de ce nom n'est chargé."},

    # The sources behind the view, in the cite panel.
    "cite.sources": {"en": "Cite the research behind this view ({count} sources):",
                     "fr": "Citer les recherches derrière cette vue ({count} sources) :"},
    "cite.sources_none": {"en": "No source is cited by the rows of this view.",
                          "fr": "Aucune source n'est citée par les lignes de cette vue."},

    # The dossier: one case in one offline HTML file.
    "dossier.download": {"en": "Download this case as a dossier (HTML)",
                         "fr": "Télécharger ce cas en dossier (HTML)"},
    "dossier.help": {
        "en": "One self-contained HTML file to archive beside a paper: the chain figure, its "
              "tables with their sources and certainty, the sources, the data version and its "
              "changelog, how to cite it. It opens offline in any browser.",
        "fr": "Un seul fichier HTML autonome à archiver à côté d'un article : la figure de la "
              "chaîne, ses tableaux avec leurs sources et leur certitude, les sources, la "
              "version des données et son journal, comment le citer. Il s'ouvre hors ligne "
              "dans tout navigateur."},
    "dossier.kicker": {"en": "Case dossier", "fr": "Dossier de cas"},
    "dossier.version": {"en": "Data version {version} of the case “{case}”, made on {date}.",
                        "fr": "Version {version} des données du cas « {case} », produit le "
                              "{date}."},
    "dossier.product": {"en": "Product", "fr": "Produit"},
    "dossier.period": {"en": "Period", "fr": "Période"},
    "dossier.figure": {"en": "The chain", "fr": "La chaîne"},
    "dossier.figure_caption": {
        "en": "Actors coloured by type; links drawn solid when documented, dashed when "
              "reported, dotted when inferred. Arrows go from the actor who commissions to the "
              "one who works.",
        "fr": "Acteurs colorés par type ; liens pleins quand ils sont documentés, tiretés "
              "quand ils sont rapportés, pointillés quand ils sont déduits. Les flèches vont de "
              "l'acteur qui commande à celui qui travaille."},
    "dossier.links": {"en": "Links", "fr": "Liens"},
    "dossier.actors": {"en": "Actors", "fr": "Acteurs"},
    "dossier.tasks": {"en": "Tasks", "fr": "Tâches"},
    "dossier.sources": {"en": "Sources", "fr": "Sources"},
    "dossier.changelog": {"en": "Changelog", "fr": "Journal des modifications"},
    "dossier.no_changelog": {"en": "No change recorded since the first release.",
                             "fr": "Aucune modification consignée depuis la première version."},
    "dossier.change": {"en": "{rows}: {change} Why: {why} Evidence: {evidence}",
                       "fr": "{rows} : {change} Pourquoi : {why} Preuves : {evidence}"},
    "dossier.cite": {"en": "How to cite", "fr": "Comment citer"},
    "dossier.link_back": {"en": "This case in the dashboard, at this data version:",
                          "fr": "Ce cas dans le tableau de bord, dans cette version des "
                                "données :"},
    "dossier.licence": {"en": "Data licence: {licence}.", "fr": "Licence des données : {licence}."},
}
