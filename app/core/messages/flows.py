"""Messages: the Country flows and Task functions pages, their charts and their summaries.

Keys `flows.*` (the map, the matrix, the flow table) and `functions.*` (the diagram, the
breakdowns, the task list); `*.map.*` and `*.chart.*` are the charts' own texts. A key ending
in `.one` / `.other` is a count: `app.core.i18n.translate_count` picks the form (English: one for 1;
French: one for 0 and 1) and fills `{n}`. French punctuation takes a no-break space (U+00A0)
before `:` and `;` and inside « ».
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- Country flows: the page ---------------------------------------------------------
    "flows.title": {"en": "Country flows", "fr": "Flux entre pays"},
    "flows.intro": {
        "en": "Every link of the chains drawn between countries, in the direction of its "
              "sentence “*from* RELATION *to*”: from the country that commissions the work to "
              "the one that does it (for data supplied by users, from where the data comes). "
              "Line style shows how sure the link is: solid documented, dashed reported, "
              "dotted inferred.",
        "fr": "Chaque lien des chaînes tracé entre pays, dans le sens de sa phrase «\u00a0*de* "
              "RELATION *à*\u00a0»\u00a0: du pays qui commande le travail à celui qui "
              "l'effectue (pour les données fournies par des utilisateurs, depuis le pays d'où "
              "viennent les données). Le style du trait indique le degré de certitude du "
              "lien\u00a0: plein s'il est documenté, tirets s'il est rapporté, pointillés "
              "s'il est déduit."},
    "flows.cases_label": {"en": "Case studies", "fr": "Études de cas"},
    "flows.filters.none": {"en": "Filters and colours", "fr": "Filtres et couleurs"},
    "flows.filters.chosen": {"en": "Filters: {chosen}", "fr": "Filtres\u00a0: {chosen}"},
    "flows.filters.colour": {"en": "lines coloured by {by}", "fr": "traits colorés selon {by}"},
    "flows.filters.country": {"en": "table narrowed to {country}",
                              "fr": "tableau restreint à {country}"},
    "flows.function.label": {"en": "Function of the work", "fr": "Fonction du travail"},
    "flows.function.all": {"en": "All functions", "fr": "Toutes les fonctions"},
    "flows.function.help": {
        "en": "Only the links under which (or for whose performer) tasks of this function are "
              "recorded.",
        "fr": "Seulement les liens sous lesquels (ou pour l'exécutant desquels) des tâches de "
              "cette fonction sont relevées."},
    "flows.no_task": {"en": "No task recorded", "fr": "Aucune tâche relevée"},
    "flows.relation.label": {"en": "Relation", "fr": "Relation"},
    "flows.relation.all": {"en": "All relations", "fr": "Toutes les relations"},
    "flows.certainty.label": {"en": "Certainty of the links", "fr": "Certitude des liens"},
    "flows.certainty.all": {"en": "Any certainty", "fr": "Toute certitude"},
    "flows.certainty.help": {
        "en": "Documented: stated by the researchers; reported: by a secondary source; "
              "inferred: by no source.",
        "fr": "Documenté\u00a0: établi par les chercheurs\u00a0; rapporté\u00a0: par une "
              "source secondaire\u00a0; déduit\u00a0: par aucune source."},
    "flows.colour.label": {"en": "Colour the lines by", "fr": "Couleur des traits selon"},
    "flows.colour.function": {"en": "Function", "fr": "Fonction"},
    "flows.colour.relation": {"en": "Relation", "fr": "Relation"},
    "flows.country.label": {"en": "Narrow the table to a country",
                            "fr": "Restreindre le tableau à un pays"},
    "flows.country.help": {"en": "Or click a country's dot on the map.",
                           "fr": "Ou cliquez sur le point d'un pays sur la carte."},
    "flows.all_countries": {"en": "All countries", "fr": "Tous les pays"},
    "flows.no_cases_chosen": {
        "en": "Choose at least one case study to see its flows.",
        "fr": "Choisissez au moins une étude de cas pour voir ses flux."},
    "flows.no_match": {"en": "No link matches these filters.",
                       "fr": "Aucun lien ne correspond à ces filtres."},
    "flows.no_match_hint": {
        "en": "No link matches these filters. Choose another function, relation or certainty, "
              "or more case studies.",
        "fr": "Aucun lien ne correspond à ces filtres. Choisissez une autre fonction, relation "
              "ou certitude, ou davantage d'études de cas."},
    "flows.more.matrix": {"en": "Origin–destination matrix",
                          "fr": "Matrice origine–destination"},
    "flows.more.countries": {"en": "Countries of each chain", "fr": "Pays de chaque chaîne"},
    "flows.case_countries.heading": {"en": "Which countries each chain crosses",
                                     "fr": "Les pays que traverse chaque chaîne"},
    "flows.case_countries.line": {"en": "- **{case}**: {countries} ({counts})",
                                  "fr": "- **{case}**\u00a0: {countries} ({counts})"},
    "flows.case_countries.counts": {"en": "{countries}, {links}", "fr": "{countries}, {links}"},
    "flows.table.heading": {"en": "The flows, from and to", "fr": "Les flux, d'où et vers où"},
    "flows.only_country": {"en": "Only the flows that start or end in **{country}**.",
                           "fr": "Seulement les flux partant de ce pays ou y arrivant\u00a0: "
                                 "**{country}**."},
    "flows.clear_country": {"en": "Clear country", "fr": "Retirer le pays"},
    "flows.no_flow_in_country": {
        "en": "No flow starts or ends in {country} with these filters.",
        "fr": "Avec ces filtres, aucun flux ne part de ce pays ni n'y arrive\u00a0: {country}."},
    "flows.download_table": {"en": "Download this table (CSV)",
                             "fr": "Télécharger ce tableau (CSV)"},
    "flows.table.caption": {
        "en": "A flow with two functions (or relations) appears once per function, so do not "
              "add up the Links column across rows; the matrix counts each link once.",
        "fr": "Un flux qui sert deux fonctions (ou relations) apparaît une fois par "
              "fonction\u00a0: n'additionnez donc pas la colonne Liens d'une ligne à "
              "l'autre\u00a0; la matrice compte chaque lien une seule fois."},
    "flows.map.none_drawable": {
        "en": "None of these links has both ends on the map (their countries are unknown or "
              "too small for it); they are listed in the table below.",
        "fr": "Aucun de ces liens n'a ses deux extrémités sur la carte (leurs pays sont "
              "inconnus ou trop petits pour elle)\u00a0; ils figurent dans le tableau "
              "ci-dessous."},

    # The flow table's columns.
    "flows.table.from": {"en": "From", "fr": "De"},
    "flows.table.to": {"en": "To", "fr": "Vers"},
    "flows.table.function": {"en": "Function", "fr": "Fonction"},
    "flows.table.relation": {"en": "Relation", "fr": "Relation"},
    "flows.table.links": {"en": "Links", "fr": "Liens"},
    "flows.table.tasks": {"en": "Tasks", "fr": "Tâches"},
    "flows.table.workers": {"en": "Workers (where known)", "fr": "Travailleurs (si connu)"},
    "flows.table.certainty": {"en": "Weakest certainty", "fr": "Certitude la plus faible"},
    "flows.table.functions": {"en": "Functions", "fr": "Fonctions"},
    "flows.table.relations": {"en": "Relations", "fr": "Relations"},
    "flows.table.cases": {"en": "Cases", "fr": "Cas"},
    "flows.table.link_ids": {"en": "Links (case/id)", "fr": "Liens (cas/id)"},
    "flows.table.sources": {"en": "Sources", "fr": "Sources"},
    "flows.od_table.corner": {"en": "From \\ To", "fr": "De \\ Vers"},

    # The sentence over the map: "10 links cross 8 borders: France → Madagascar (3), …".
    "flows.summary.cross.one": {"en": "{n} link crosses {borders}: {pairs}.",
                                "fr": "{n} lien franchit {borders}\u00a0: {pairs}."},
    "flows.summary.cross.other": {"en": "{n} links cross {borders}: {pairs}.",
                                  "fr": "{n} liens franchissent {borders}\u00a0: {pairs}."},
    "flows.summary.borders.one": {"en": "{n} border", "fr": "{n} frontière"},
    "flows.summary.borders.other": {"en": "{n} borders", "fr": "{n} frontières"},
    "flows.summary.pair": {"en": "{pair} ({n})", "fr": "{pair} ({n})"},
    "flows.summary.more": {"en": "{listed} and {more} more", "fr": "{listed} et {more} autres"},
    "flows.summary.no_cross": {"en": "No link crosses a border.",
                               "fr": "Aucun lien ne franchit de frontière."},
    "flows.summary.within": {"en": "{country} {n}", "fr": "{country} {n}"},
    "flows.summary.domestic.one": {"en": "{n} stays within one country ({where}).",
                                   "fr": "{n} reste à l'intérieur d'un pays ({where})."},
    "flows.summary.domestic.other": {"en": "{n} stay within one country ({where}).",
                                     "fr": "{n} restent à l'intérieur d'un pays ({where})."},
    "flows.summary.unknown.one": {
        "en": "{n} link has an end whose country no source gives (“{unknown}”).",
        "fr": "{n} lien a une extrémité dont aucune source ne donne le pays "
              "(«\u00a0{unknown}\u00a0»)."},
    "flows.summary.unknown.other": {
        "en": "{n} links have an end whose country no source gives (“{unknown}”).",
        "fr": "{n} liens ont une extrémité dont aucune source ne donne le pays "
              "(«\u00a0{unknown}\u00a0»)."},

    # Counts used in several sentences.
    "flows.n_links.one": {"en": "{n} link", "fr": "{n} lien"},
    "flows.n_links.other": {"en": "{n} links", "fr": "{n} liens"},
    "flows.n_countries.one": {"en": "{n} country", "fr": "{n} pays"},
    "flows.n_countries.other": {"en": "{n} countries", "fr": "{n} pays"},
    "flows.n_cross_links.one": {"en": "{n} cross-border link", "fr": "{n} lien transfrontalier"},
    "flows.n_cross_links.other": {"en": "{n} cross-border links",
                                  "fr": "{n} liens transfrontaliers"},
    "flows.and": {"en": " and ", "fr": " et "},
    # Between the parts of a summary ("France 6 (…); Madagascar 3 (…)").
    "flows.separator": {"en": "; ", "fr": "\u00a0; "},

    # The map in words (its text alternative).
    "flows.map_summary.text": {"en": "The map {drawn}, coloured by {by} ({colours}).",
                               "fr": "La carte {drawn}, en couleur selon la {by} ({colours})."},
    "flows.map_summary.lines.one": {"en": "joins {n} pair of countries with a line",
                                    "fr": "relie {n} paire de pays par un trait"},
    "flows.map_summary.lines.other": {"en": "joins {n} pairs of countries with lines",
                                      "fr": "relie {n} paires de pays par des traits"},
    "flows.map_summary.rings.one": {"en": "rings {n} country for the links within it",
                                    "fr": "entoure {n} pays pour les liens qui y restent"},
    "flows.map_summary.rings.other": {"en": "rings {n} countries for the links within them",
                                      "fr": "entoure {n} pays pour les liens qui y restent"},
    "flows.map_summary.unplaced.one": {
        "en": "{n} link with an unknown country (or one too small for the map) cannot be "
              "placed.",
        "fr": "{n} lien avec un pays inconnu (ou trop petit pour la carte) ne peut pas être "
              "placé."},
    "flows.map_summary.unplaced.other": {
        "en": "{n} links with an unknown country (or one too small for the map) cannot be "
              "placed.",
        "fr": "{n} liens avec un pays inconnu (ou trop petit pour la carte) ne peuvent pas "
              "être placés."},

    # The matrix in words.
    "flows.od_summary.text": {"en": "{links} between {countries}{counting}.",
                              "fr": "{links} entre {countries}{counting}."},
    "flows.od_summary.counting_unknown": {"en": " (counting {unknown})",
                                          "fr": " (en comptant «\u00a0{unknown}\u00a0»)"},
    "flows.od_summary.top": {
        "en": "The most links across a border go from {origin} to {destination} ({n}).",
        "fr": "Le flux transfrontalier le plus important\u00a0: {origin} → {destination} "
              "({n})."},

    # --- Country flows: the map and the matrix (app/charts/flow_map.py) -----------------
    "flows.map.title": {"en": "Where the data work goes", "fr": "Où va le travail des données"},
    "flows.map.subtitle": {
        "en": "Each line runs from the country of the actor who commissions (or receives data) "
              "to the country of the other; rings are flows within one country.",
        "fr": "Chaque trait va du pays de l'acteur qui commande (ou reçoit des données) au "
              "pays de l'autre\u00a0; les anneaux sont des flux internes à un pays."},
    "flows.map.not_drawn.one": {
        "en": "Not on the map: {n} link with a country that is unknown or too small for the "
              "map ({where}).",
        "fr": "Hors carte\u00a0: {n} lien avec un pays inconnu ou trop petit pour la carte "
              "({where})."},
    "flows.map.not_drawn.other": {
        "en": "Not on the map: {n} links with a country that is unknown or too small for the "
              "map ({where}).",
        "fr": "Hors carte\u00a0: {n} liens avec un pays inconnu ou trop petit pour la carte "
              "({where})."},
    "flows.map.from": {"en": "From", "fr": "De"},
    "flows.map.to": {"en": "To", "fr": "Vers"},
    "flows.map.country": {"en": "Country", "fr": "Pays"},
    "flows.map.function": {"en": "Function", "fr": "Fonction"},
    "flows.map.relation": {"en": "Relation", "fr": "Relation"},
    "flows.map.certainty": {"en": "Certainty", "fr": "Certitude"},
    "flows.map.links": {"en": "Links", "fr": "Liens"},
    "flows.map.tasks": {"en": "Tasks", "fr": "Tâches"},
    "flows.map.workers": {"en": "Workers (where known)", "fr": "Travailleurs (si connu)"},
    "flows.map.cases": {"en": "Cases", "fr": "Cas"},
    "flows.map.relations": {"en": "Relations", "fr": "Relations"},
    "flows.map.functions": {"en": "Functions", "fr": "Fonctions"},
    "flows.map.out": {"en": "Links leaving", "fr": "Liens sortants"},
    "flows.map.in": {"en": "Links arriving", "fr": "Liens entrants"},
    "flows.map.domestic": {"en": "Links within the country", "fr": "Liens internes au pays"},
    "flows.map.n_documented": {"en": "Documented links", "fr": "Liens documentés"},
    "flows.map.n_reported": {"en": "Reported links", "fr": "Liens rapportés"},
    "flows.map.n_inferred": {"en": "Inferred links", "fr": "Liens déduits"},
    "flows.map.od_title": {"en": "Who commissions whom, country by country",
                           "fr": "Qui commande à qui, pays par pays"},
    "flows.map.od_from": {"en": "From country", "fr": "Pays de départ"},
    "flows.map.od_to": {"en": "To country", "fr": "Pays d'arrivée"},
    "flows.map.od_subtitle": {
        "en": "Each link counted once; a link reads “from RELATION to” (for data supplied by "
              "users, from where the data comes).",
        "fr": "Chaque lien compté une fois\u00a0; un lien se lit «\u00a0de RELATION à\u00a0» "
              "(pour les données fournies par des utilisateurs, depuis le pays d'où viennent "
              "les données)."},

    # --- Task functions: the page ---------------------------------------------------------
    "functions.title": {"en": "Task functions", "fr": "Fonctions des tâches"},
    "functions.intro": {
        "en": "Data work serves three functions in making AI (Tubaro, Casilli & Coville "
              "2020): **preparation** of the training data (generating it, or annotating it), "
              "**verification** of what a trained model outputs, and **impersonation**, where "
              "people do in real time what the model is said to do. Click a function in any "
              "chart to filter the breakdowns and the task list.",
        "fr": "Le travail des données remplit trois fonctions dans la fabrique de l'IA "
              "(Tubaro, Casilli & Coville 2020)\u00a0: la **préparation** des données "
              "d'entraînement (les produire ou les annoter), la **vérification** de ce que "
              "produit un modèle entraîné, et l'**imitation**, où des personnes font en temps "
              "réel ce que le modèle est censé faire. Cliquez sur une fonction dans n'importe "
              "quel graphique pour filtrer les répartitions et la liste des tâches."},
    "functions.function.label": {"en": "Function", "fr": "Fonction"},
    "functions.by.label": {"en": "Break the tasks down by", "fr": "Répartir les tâches selon"},
    "functions.by.country": {"en": "Country of who does it", "fr": "Pays de qui l'exécute"},
    "functions.by.actor_type": {"en": "Type of actor doing it",
                                "fr": "Type d'acteur qui l'exécute"},
    "functions.by.case_id": {"en": "Case study", "fr": "Étude de cas"},
    "functions.by.paid": {"en": "Paid or unpaid", "fr": "Payé ou non"},
    "functions.by.data_type": {"en": "Kind of data", "fr": "Type de données"},
    "functions.no_cases_chosen": {
        "en": "Choose at least one case study to see its tasks.",
        "fr": "Choisissez au moins une étude de cas pour voir ses tâches."},
    "functions.none_recorded": {"en": "No task is recorded in the chosen cases.",
                                "fr": "Aucune tâche n'est relevée dans les cas choisis."},
    "functions.no_task": {"en": "No task.", "fr": "Aucune tâche."},
    # "{function} task(s)": the function as it qualifies a task ("tâche d'imitation").
    "functions.of_function.preparation": {"en": "{name}", "fr": "de {name}"},
    "functions.of_function.verification": {"en": "{name}", "fr": "de {name}"},
    "functions.of_function.impersonation": {"en": "{name}", "fr": "d'{name}"},
    "functions.no_function_task": {"en": "No {function} task in the chosen cases.",
                                   "fr": "Aucune tâche {function} dans les cas choisis."},
    "functions.no_function_task_hint": {
        "en": "No {function} task is recorded in the chosen cases. Clear the function filter "
              "or choose other cases.",
        "fr": "Aucune tâche {function} n'est relevée dans les cas choisis. Retirez le "
              "filtre de fonction ou choisissez d'autres cas."},
    "functions.only_function": {
        "en": "The breakdowns and the task list show {function} tasks only ({n}).",
        "fr": "Les répartitions et la liste des tâches ne montrent que les tâches {function} "
              "({n})."},
    "functions.citation": {"en": "Diagram after Figure 1 of {reference}",
                           "fr": "Schéma d'après la figure 1 de {reference}"},
    "functions.shares_title": {
        "en": "What share of each case's data work serves each function",
        "fr": "La part de chaque fonction, cas par cas"},
    "functions.more.shares": {"en": "Share of each function",
                              "fr": "Part de chaque fonction"},
    "functions.more.breakdowns": {"en": "Breakdowns of the tasks",
                                  "fr": "Répartitions des tâches"},
    "functions.tasks.heading": {"en": "The tasks", "fr": "Les tâches"},
    "functions.tasks.caption": {
        "en": "Each task names the source that states it and how sure that is.",
        "fr": "Chaque tâche cite la source qui l'établit et son degré de certitude."},

    # The task list's columns.
    "functions.tasks.case": {"en": "Case", "fr": "Cas"},
    "functions.tasks.task": {"en": "Task", "fr": "Tâche"},
    "functions.tasks.phase": {"en": "Phase", "fr": "Phase"},
    "functions.tasks.done_by": {"en": "Done by", "fr": "Exécutée par"},
    "functions.tasks.country": {"en": "Country", "fr": "Pays"},
    "functions.tasks.function": {"en": "Function", "fr": "Fonction"},
    "functions.tasks.subfunction": {"en": "Subfunction", "fr": "Sous-fonction"},
    "functions.tasks.data": {"en": "Data", "fr": "Données"},
    "functions.tasks.paid": {"en": "Paid", "fr": "Payée"},
    "functions.tasks.description": {"en": "What the source says", "fr": "Ce que dit la source"},
    "functions.tasks.certainty": {"en": "Certainty", "fr": "Certitude"},
    "functions.tasks.sources": {"en": "Sources", "fr": "Sources"},

    # The tables behind the charts.
    "functions.table.case": {"en": "Case", "fr": "Cas"},
    "functions.table.function": {"en": "Function", "fr": "Fonction"},
    "functions.table.subfunction": {"en": "Subfunction", "fr": "Sous-fonction"},
    "functions.table.tasks": {"en": "Tasks", "fr": "Tâches"},
    "functions.table.share": {"en": "Share", "fr": "Part"},
    "functions.table.share_of_group": {"en": "Share of the group", "fr": "Part dans le groupe"},

    # The charts in words.
    "functions.n_tasks.one": {"en": "{n} task", "fr": "{n} tâche"},
    "functions.n_tasks.other": {"en": "{n} tasks", "fr": "{n} tâches"},
    "functions.diagram_summary": {
        "en": "Of {total} in the chosen cases, {prepare} the data ({split}), {verify} the "
              "model's outputs and {impersonate} the model.",
        "fr": "Sur {total} dans les cas choisis, {prepare} les données ({split}), {verify} "
              "les résultats du modèle et {impersonate} le modèle."},
    "functions.diagram_summary.prepare.one": {"en": "{n} prepares", "fr": "{n} prépare"},
    "functions.diagram_summary.prepare.other": {"en": "{n} prepare", "fr": "{n} préparent"},
    "functions.diagram_summary.verify.one": {"en": "{n} verifies", "fr": "{n} vérifie"},
    "functions.diagram_summary.verify.other": {"en": "{n} verify", "fr": "{n} vérifient"},
    "functions.diagram_summary.impersonate.one": {"en": "{n} impersonates", "fr": "{n} imite"},
    "functions.diagram_summary.impersonate.other": {"en": "{n} impersonate",
                                                    "fr": "{n} imitent"},
    "functions.share_summary.case": {"en": "{case}: {split} (of {total})",
                                     "fr": "{case}\u00a0: {split} (sur {total})"},
    "functions.summary.end": {"en": "{text}.", "fr": "{text}."},
    "functions.breakdown_summary": {"en": "{total} by {by}: {groups}.",
                                    "fr": "{total} par {by}\u00a0: {groups}."},
    "functions.breakdown_summary.by.country": {"en": "country of who does it",
                                               "fr": "pays de qui l'exécute"},
    "functions.breakdown_summary.by.actor_type": {"en": "type of actor doing it",
                                                  "fr": "type d'acteur qui l'exécute"},
    "functions.breakdown_summary.by.case_id": {"en": "case study", "fr": "étude de cas"},
    "functions.breakdown_summary.by.paid": {"en": "pay", "fr": "rémunération"},
    "functions.breakdown_summary.by.data_type": {"en": "kind of data", "fr": "type de données"},
    "functions.breakdown_summary.group": {"en": "{group} {n} ({split})",
                                          "fr": "{group} {n} ({split})"},
    "functions.breakdown_summary.count": {"en": "{what} {n}", "fr": "{what} {n}"},

    # --- Task functions: the charts (app/charts/function_charts.py) -----------------------
    "functions.chart.diagram_title": {
        "en": "Three functions of data work in making AI",
        "fr": "Trois fonctions du travail des données dans la fabrique de l'IA"},
    "functions.chart.diagram_subtitle": {
        "en": "After Tubaro, Casilli & Coville (2020), Figure 1; numbers are tasks recorded in "
              "the selected cases.",
        "fr": "D'après Tubaro, Casilli & Coville (2020), figure 1\u00a0; les nombres sont les "
              "tâches relevées dans les cas choisis."},
    "functions.chart.box.preparation.heading": {"en": "Data", "fr": "Données"},
    "functions.chart.box.preparation.detail": {"en": "generation, annotation",
                                               "fr": "génération, annotation"},
    "functions.chart.box.impersonation.heading": {"en": "Model", "fr": "Modèle"},
    "functions.chart.box.impersonation.detail": {"en": "humans inside the model",
                                                 "fr": "des humains dans le modèle"},
    "functions.chart.box.verification.heading": {"en": "Outputs", "fr": "Résultats"},
    "functions.chart.box.verification.detail": {"en": "checking the outputs",
                                                "fr": "contrôle des résultats"},
    "functions.chart.n_tasks": {"en": "Number of tasks", "fr": "Nombre de tâches"},
    "functions.chart.share": {"en": "Share of tasks", "fr": "Part des tâches"},
    "functions.chart.function": {"en": "Function", "fr": "Fonction"},
    "functions.chart.subfunction": {"en": "Preparation split", "fr": "Détail de la préparation"},
    "functions.chart.bar_title": {"en": "What the data work is for, by {by}",
                                  "fr": "À quoi sert le travail des données, par {by}"},
    "functions.chart.sub_title": {
        "en": "Preparation: generating new data or annotating existing data, by {by}",
        "fr": "Préparation\u00a0: produire de nouvelles données ou annoter l'existant, "
              "par {by}"},
    "functions.chart.by.case_id": {"en": "case", "fr": "cas"},
    "functions.chart.by.country": {"en": "country of who does it", "fr": "pays de qui l'exécute"},
    "functions.chart.by.actor_type": {"en": "who does it", "fr": "qui l'exécute"},
    "functions.chart.by.paid": {"en": "pay", "fr": "rémunération"},
    "functions.chart.by.data_type": {"en": "kind of data", "fr": "type de données"},
    "functions.chart.axis.case_id": {"en": "Case", "fr": "Cas"},
    "functions.chart.axis.country": {"en": "Country", "fr": "Pays"},
    "functions.chart.axis.actor_type": {"en": "Who does the task", "fr": "Qui exécute la tâche"},
    "functions.chart.axis.paid": {"en": "Paid or unpaid", "fr": "Payé ou non"},
    "functions.chart.axis.data_type": {"en": "Kind of data", "fr": "Type de données"},
}
