"""Messages: ui — the shared interface (navigation, home, value chain, presentation, share panel,
upload, link notices, chart and table furniture, citations).

French follows French typography: « », a space before « : », « ; », « ? » and « ! ». Fields in
`{braces}` are filled by `translate()`; Markdown is allowed where the text is shown as Markdown.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The app and its navigation (page titles are also the titles of citations).
    "app.title": {"en": "Data Labour Chains", "fr": "Chaînes du travail des données"},
    "nav.menu": {"en": "Menu", "fr": "Menu"},
    "nav.section.chains": {"en": "Chains", "fr": "Chaînes"},
    "nav.section.analyses": {"en": "Analyses", "fr": "Analyses"},
    "nav.section.reference": {"en": "Reference", "fr": "Références"},
    "page.home": {"en": "Home", "fr": "Accueil"},
    "page.chain": {"en": "Value chain", "fr": "Chaîne de valeur"},
    "page.flows": {"en": "Country flows", "fr": "Flux entre pays"},
    "page.functions": {"en": "Task functions", "fr": "Fonctions des tâches"},
    "page.compare": {"en": "Compare cases", "fr": "Comparer les cas"},
    "page.platforms": {"en": "Platforms", "fr": "Plateformes"},
    "page.figures": {"en": "Key figures", "fr": "Chiffres clés"},
    "page.sources": {"en": "Sources and data", "fr": "Sources et données"},
    "page.upload": {"en": "Add your own case", "fr": "Ajouter votre propre cas"},

    # Counts that agree with their number (`tn()` picks `.one` or `.other`).
    "count.actors.one": {"en": "{count} actor", "fr": "{count} acteur"},
    "count.actors.other": {"en": "{count} actors", "fr": "{count} acteurs"},
    "count.links.one": {"en": "{count} link", "fr": "{count} lien"},
    "count.links.other": {"en": "{count} links", "fr": "{count} liens"},
    "count.tasks.one": {"en": "{count} task", "fr": "{count} tâche"},
    "count.tasks.other": {"en": "{count} tasks", "fr": "{count} tâches"},
    "count.problems.one": {"en": "{count} problem", "fr": "{count} problème"},
    "count.problems.other": {"en": "{count} problems", "fr": "{count} problèmes"},

    # Home.
    "home.intro": {
        "en": "What is sold as an *AI product* is largely a production process. Behind an "
              "automated canteen checkout, a camera that is said to spot shoplifters, a smart "
              "speaker or an assistant that arranges meetings by e-mail, people prepare the "
              "data, check what the model outputs, and sometimes do in real time what the "
              "algorithm is said to do; whole industries, car making among them, draw on the "
              "same work. It travels through platforms, vendors and sub-contractors to other "
              "countries, and part of it is done, unpaid, by the product's own users.",
        "fr": "Ce qui est vendu comme un *produit d'IA* est en grande partie un processus de "
              "production. Derrière une caisse automatique de cantine, une caméra censée repérer "
              "les voleurs, une enceinte connectée ou une assistante qui fixe des rendez-vous "
              "par courriel, des personnes préparent les données, vérifient ce que produit le "
              "modèle et font parfois, en temps réel, ce que l'algorithme est censé faire ; des "
              "secteurs entiers, dont l'automobile, font appel au même travail. Ce travail "
              "passe par des plateformes, des prestataires et des sous-traitants jusque dans "
              "d'autres pays, et une partie en est faite, sans rémunération, par les "
              "utilisateurs du produit eux-mêmes."},
    "home.how": {
        "en": "This dashboard shows those chains as the research has documented them: **who** "
              "does the data work, **in which country**, **for whom**, and **through how many "
              "intermediaries**. Every actor, link and task says which source states it and how "
              "sure that is — *documented* by the researchers, *reported* by a secondary source, "
              "or *inferred* where no source says it and the chain would otherwise be broken.",
        "fr": "Ce tableau de bord montre ces chaînes telles que la recherche les a documentées : "
              "**qui** fait le travail des données, **dans quel pays**, **pour qui** et **par "
              "combien d'intermédiaires**. Chaque acteur, lien et tâche indique la source qui "
              "l'établit et son degré de certitude — *documenté* par les chercheurs, *rapporté* "
              "par une source secondaire, ou *déduit* là où aucune source ne le dit et où la "
              "chaîne serait sinon rompue."},
    "home.functions": {"en": "Three functions of data work",
                       "fr": "Trois fonctions du travail des données"},
    "home.cases": {"en": "Case studies", "fr": "Études de cas"},

    # Case cards.
    "cases.none_loaded": {
        "en": "No case could be loaded. Check the messages above, or run "
              "`python -m app.core.validate data/cases`.",
        "fr": "Aucun cas n'a pu être chargé. Lisez les messages ci-dessus, ou lancez "
              "`python -m app.core.validate data/cases`."},
    "cases.product": {"en": "**Product:** {product}", "fr": "**Produit :** {product}"},
    "cases.countries": {"en": "**Countries:** {countries}", "fr": "**Pays :** {countries}"},
    "cases.countries_not_given": {"en": "not given", "fr": "non précisés"},
    "cases.size": {"en": "{actors} · {links} · {tasks}", "fr": "{actors} · {links} · {tasks}"},
    "cases.loaded_from": {"en": "Loaded from {origin}", "fr": "Chargé depuis {origin}"},
    "cases.open_chain": {"en": "Open the chain", "fr": "Ouvrir la chaîne"},
    "cases.phases": {"en": "**Phases:** {phases}", "fr": "**Phases :** {phases}"},

    # A case's scope, said wherever cases are shown or compared.
    "scope.line": {"en": "**Scope:** {scope}. {meaning}",
                   "fr": "**Portée :** {scope}. {meaning}"},
    "scope.chosen_sector": {
        "en": "**Sector map, not one company's supply chain:** {cases}. Its links join firms "
              "that the sources describe across a whole sector, which may never deal with each "
              "other; the other cases chosen are product chains.",
        "fr": "**Carte d'un secteur, pas la chaîne d'approvisionnement d'une entreprise :** "
              "{cases}. Ses liens relient des entreprises que les sources décrivent à "
              "l'échelle de tout un secteur, et qui peuvent ne jamais traiter entre elles ; "
              "les autres cas choisis sont des chaînes de produits."},
    "scope.chosen_products": {
        "en": "Every case chosen is a product chain: the chain behind one AI product or firm.",
        "fr": "Tous les cas choisis sont des chaînes de produits : la chaîne derrière un "
              "produit ou une entreprise d'IA."},

    # Where a case comes from.
    "data.origin.bundled": {"en": "bundled with the app", "fr": "fourni avec l'application"},
    "data.origin.upload": {"en": "an upload of this session", "fr": "un envoi de cette session"},
    "data.origin.reference": {"en": "reference tables", "fr": "tables de référence"},
    "data.left_out": {"en": "**Left out: {name}** ({origin}), {problems}:",
                      "fr": "**Écarté : {name}** ({origin}), {problems} :"},
    "data.more_problems": {
        "en": "… and {more} more (run `python -m app.core.validate` on the folder)",
        "fr": "… et {more} autres (lancez `python -m app.core.validate` sur le dossier)"},

    # Notices about link parameters that could not be used.
    "state.notice": {"en": "Ignored the link's `{param}` = “{value}”: {reason}",
                     "fr": "Paramètre `{param}` = « {value} » du lien ignoré : {reason}"},
    "state.reason.not_one_of": {"en": "it is not one of {allowed}.",
                                "fr": "ce n'est pas l'une des valeurs {allowed}."},
    "state.reason.not_one_of_more": {
        "en": "it is not one of {allowed} and {more} more.",
        "fr": "ce n'est pas l'une des valeurs {allowed} et {more} autres."},
    "state.reason.no_phases": {"en": "this case has no phases.",
                               "fr": "ce cas n'a pas de phases."},
    "state.reason.on_off": {"en": "use 1 or 0.", "fr": "utilisez 1 ou 0."},
    "state.reason.no_such_setting": {"en": "this page has no such setting.",
                                     "fr": "cette page n'a pas ce réglage."},
    "state.reason.languages": {"en": "use one of {languages}.",
                               "fr": "utilisez l'une des valeurs {languages}."},

    # Value chain page.
    "data.no_case_loaded": {"en": "No case could be loaded; see the messages above.",
                            "fr": "Aucun cas n'a pu être chargé ; voyez les messages ci-dessus."},
    "chain.cases_you_can_open": {"en": "The cases you can open",
                                 "fr": "Les cas que vous pouvez ouvrir"},
    "chain.case_select": {"en": "Case study", "fr": "Étude de cas"},
    # Short: the button reads "label: choice", in one row with the other controls.
    "chain.focus_select": {"en": "Actor highlighted", "fr": "Acteur mis en évidence"},
    "chain.no_highlight": {"en": "none", "fr": "aucun"},
    "chain.focus_help": {
        "en": "Keeps in colour the actor's chain: the actor and everything upstream and "
              "downstream of it.",
        "fr": "Garde en couleur la chaîne de l'acteur : l'acteur et tout ce qui se trouve en "
              "amont et en aval."},
    "chain.function_select": {"en": "Function of the work", "fr": "Fonction du travail"},
    "chain.all_functions": {"en": "All functions", "fr": "Toutes les fonctions"},
    "chain.function_help": {
        "en": "Only the actors and links that carry tasks of this function, with the chain "
              "that commissions them.",
        "fr": "Seuls les acteurs et les liens qui portent des tâches de cette fonction, avec la "
              "chaîne qui les commande."},
    "chain.documented_toggle": {"en": "Documented links only",
                                "fr": "Liens documentés seuls"},
    "chain.physics_toggle": {"en": "Let the graph move", "fr": "Animer le graphe"},
    "chain.physics_help": {
        "en": "Turns on the physics simulation; off, the layout is fixed and the same on every "
              "load.",
        "fr": "Active la simulation physique ; désactivée, la disposition est fixe et identique "
              "à chaque chargement."},
    "chain.view_title": {"en": "value chain of {title}", "fr": "chaîne de valeur « {title} »"},
    "chain.phase_select": {"en": "Phase", "fr": "Phase"},
    "chain.all_phases": {"en": "All phases", "fr": "Toutes les phases"},
    "chain.phase_help": {
        "en": "This case's tasks belong to periods, in time order: show the part of the chain "
              "that carries one period's tasks.",
        "fr": "Les tâches de ce cas appartiennent à des périodes, dans l'ordre du temps : "
              "montrer la partie de la chaîne qui porte les tâches d'une période."},
    "chain.product_period": {"en": "**AI product:** {product}  \n**Period:** {period}",
                             "fr": "**Produit d'IA :** {product}  \n**Période :** {period}"},
    "chain.nothing_matches": {
        "en": "No actor or link matches these filters. Clear the function filter or the "
              "“documented links only” switch to see the chain.",
        "fr": "Aucun acteur ni lien ne correspond à ces filtres. Retirez le filtre de fonction "
              "ou l'option « liens documentés seulement » pour voir la chaîne."},
    "chain.graph_help": {
        "en": "Hover (or tap) an actor or a link to read what the source says, how sure it is "
              "and the full citation. Arrows read as sentences: *from* does something *to*. "
              "Scroll to zoom, drag to move.",
        "fr": "Survolez (ou touchez) un acteur ou un lien pour lire ce que dit la source, son "
              "degré de certitude et la référence complète. Les flèches se lisent comme des "
              "phrases : *l'origine* fait quelque chose *à la cible*. Faites défiler pour "
              "zoomer, faites glisser pour déplacer."},
    "chain.download_graph": {"en": "Download this graph (HTML, works offline)",
                             "fr": "Télécharger ce graphe (HTML, fonctionne hors ligne)"},
    "chain.present": {"en": "Present this chain step by step",
                      "fr": "Présenter cette chaîne pas à pas"},
    "chain.as_text": {"en": "The chain as text", "fr": "La chaîne en texte"},
    "chain.as_text_caption": {"en": "{links} between {actors}, as shown in the graph above.",
                              "fr": "{links} entre {actors}, comme dans le graphe ci-dessus."},
    "chain.tables.label": {"en": "Show as a table", "fr": "Afficher en tableau"},
    "chain.tab.links": {"en": "Links", "fr": "Liens"},
    "chain.tab.actors": {"en": "Actors", "fr": "Acteurs"},
    "chain.tab.tasks": {"en": "Tasks", "fr": "Tâches"},

    # Column headers of the chain's tables (app/core/tables.py).
    "table.from": {"en": "From", "fr": "De"},
    "table.relation": {"en": "Relation", "fr": "Relation"},
    "table.to": {"en": "To", "fr": "À"},
    "table.from_country": {"en": "From country", "fr": "Pays d'origine"},
    "table.to_country": {"en": "To country", "fr": "Pays de destination"},
    "table.certainty": {"en": "Certainty", "fr": "Certitude"},
    "table.source_says": {"en": "What the source says", "fr": "Ce que dit la source"},
    "table.sources": {"en": "Sources", "fr": "Sources"},
    "table.actor": {"en": "Actor", "fr": "Acteur"},
    "table.type": {"en": "Type", "fr": "Type"},
    "table.country": {"en": "Country", "fr": "Pays"},
    "table.workers": {"en": "Workers", "fr": "Travailleurs"},
    "table.task": {"en": "Task", "fr": "Tâche"},
    "table.phase": {"en": "Phase", "fr": "Phase"},
    "table.done_by": {"en": "Done by", "fr": "Réalisée par"},
    "table.function": {"en": "Function", "fr": "Fonction"},
    "table.subfunction": {"en": "Subfunction", "fr": "Sous-fonction"},
    "table.data": {"en": "Data", "fr": "Données"},
    "table.paid": {"en": "Paid", "fr": "Rémunération"},

    # The chain graph (tooltips, legend, page around it).
    "graph.sources": {"en": "Sources:", "fr": "Sources :"},
    "graph.no_sources": {"en": "Sources: none given", "fr": "Sources : aucune indiquée"},
    "graph.certainty": {"en": "Certainty: {certainty}", "fr": "Certitude : {certainty}"},
    "graph.no_country": {"en": "country not given", "fr": "pays non précisé"},
    "figure.note": {
        "en": "Figure: the data labour chain of “{title}”, one lane per country; links drawn "
              "solid are documented, dashed reported, dotted inferred. Sources: {sources}. "
              "Data: {data}. View: {url}",
        "fr": "Figure : la chaîne du travail des données « {title} », une bande par pays ; "
              "liens en trait plein documentés, en tirets rapportés, en pointillés déduits. "
              "Sources : {sources}. Données : {data}. Vue : {url}"},
    "figure.note_columns": {
        "en": "Figure: the data labour chain of “{title}”; links drawn solid are documented, "
              "dashed reported, dotted inferred. Sources: {sources}. Data: {data}. View: {url}",
        "fr": "Figure : la chaîne du travail des données « {title} » ; liens en trait plein "
              "documentés, en tirets rapportés, en pointillés déduits. Sources : {sources}. "
              "Données : {data}. Vue : {url}"},
    "figure.no_sources": {"en": "none given", "fr": "aucune indiquée"},
    "figure.download": {"en": "Figure:", "fr": "Figure :"},
    "figure.svg": {"en": "SVG", "fr": "SVG"},
    "figure.pdf": {"en": "PDF", "fr": "PDF"},
    "figure.png": {"en": "PNG (print)", "fr": "PNG (impression)"},
    "figure.help": {"en": "The chain as on screen, with a legend and a note citing its sources, "
                          "for a paper or a slide.",
                    "fr": "La chaîne telle qu'à l'écran, avec une légende et une note citant ses "
                          "sources, pour un article ou une diapositive."},
    "chain.layout_select": {"en": "Layout", "fr": "Disposition"},
    "chain.layout.lanes": {"en": "Lanes by country", "fr": "Bandes par pays"},
    "chain.layout.columns": {"en": "Columns only", "fr": "Colonnes seules"},
    "chain.layout_help": {
        "en": "Lanes by country: one horizontal band per country, so that every link leaving a "
              "band crosses a border. Columns only: the chain from left to right, without "
              "countries.",
        "fr": "Bandes par pays : une bande horizontale par pays, chaque lien qui en sort "
              "traverse une frontière. Colonnes seules : la chaîne de gauche à droite, sans "
              "les pays."},
    "chain.about_case": {"en": "About this case", "fr": "À propos de ce cas"},
    "share.figure": {"en": "The chain figure of this view:", "fr": "La figure de la chaîne de cette vue :"},
    "graph.lane_unknown": {"en": "Country not given", "fr": "Pays non indiqué"},
    "graph.workers": {"en": "Workers: {workers}", "fr": "Travailleurs : {workers}"},
    "graph.anonymised": {"en": "Anonymised in the source.", "fr": "Anonymisé dans la source."},
    "graph.legend.documented": {"en": "Documented link", "fr": "Lien documenté"},
    "graph.legend.reported": {"en": "Reported link", "fr": "Lien rapporté"},
    "graph.legend.inferred": {"en": "Inferred link", "fr": "Lien déduit"},
    "graph.page_title": {"en": "Data labour chain", "fr": "Chaîne du travail des données"},
    "graph.aria_label": {
        "en": "Graph of the data labour chain: hover or tap an actor or a link for details "
              "and sources",
        "fr": "Graphe de la chaîne du travail des données : survolez ou touchez un acteur ou "
              "un lien pour les détails et les sources"},
    "graph.wide_note": {
        "en": "At a readable size this chain is wider than the window: scroll it sideways "
              "(swipe, Shift + wheel, or the bar under it), or zoom out (Ctrl + wheel, or "
              "pinch).",
        "fr": "À une taille lisible, cette chaîne est plus large que la fenêtre : faites-la "
              "défiler (glissement, Maj + molette, ou la barre dessous), ou dézoomez (Ctrl + "
              "molette, ou pincement)."},
    "graph.unavailable": {"en": "The graph library could not be loaded.",
                          "fr": "La bibliothèque du graphe n'a pas pu être chargée."},
    "graph.standalone_help": {
        "en": "Hover or click an actor or a link for details and sources. Drag to move, scroll "
              "to zoom.",
        "fr": "Survolez un acteur ou un lien, ou cliquez dessus, pour les détails et les "
              "sources. Faites glisser pour déplacer, faites défiler pour zoomer."},

    # Vocabulary explanations.
    "vocabulary.functions_note": {
        "en": "After {source}. Verification and impersonation blur when humans correct a system "
              "in real time; each task shows the function its source names.",
        "fr": "D'après {source}. Vérification et imitation se confondent quand des humains "
              "corrigent un système en temps réel ; chaque tâche indique la fonction que nomme "
              "sa source."},

    # Presentation mode and its story (app/core/story.py).
    "present.previous": {"en": "Previous", "fr": "Précédent"},
    "present.next": {"en": "Next", "fr": "Suivant"},
    "present.step": {"en": "Step **{number}** of {total}", "fr": "Étape **{number}** sur {total}"},
    "present.leave": {"en": "Leave presentation", "fr": "Quitter la présentation"},
    "present.certainty_sources": {"en": "*Certainty: {certainty}.* Sources: {sources}",
                                  "fr": "*Certitude : {certainty}.* Sources : {sources}"},
    "present.no_actors": {"en": "This case has no actors to present.",
                          "fr": "Ce cas n'a aucun acteur à présenter."},
    "story.start": {"en": "The product: {product}. It starts with {actors}.",
                    "fr": "Le produit : {product}. Tout commence par {actors}."},
    "story.start_sector": {
        "en": "A sector map, not one company's supply chain: {product}. It starts with {actors}.",
        "fr": "La carte d'un secteur, pas la chaîne d'approvisionnement d'une entreprise : "
              "{product}. Tout commence par {actors}."},
    "story.also": {"en": "Also in the chain: {actors}.",
                   "fr": "Également dans la chaîne : {actors}."},
    "story.and": {"en": " and ", "fr": " et "},
    "story.clause_separator": {"en": "; ", "fr": " ; "},

    # Share panel and citations (app/core/share.py).
    "share.title": {"en": "Share and cite this view", "fr": "Partager et citer cette vue"},
    "share.link": {"en": "Link to exactly this view (copy with the icon on the right):",
                   "fr": "Lien vers exactement cette vue (copiez-le avec l'icône à droite) :"},
    "share.qr": {"en": "QR code of this view", "fr": "QR code de cette vue"},
    "share.qr_png": {"en": "QR (PNG)", "fr": "QR (PNG)"},
    "share.qr_svg": {"en": "QR (SVG)", "fr": "QR (SVG)"},
    "share.cite": {"en": "Cite this view:", "fr": "Citer cette vue :"},
    "cite.author": {"en": "Data Labour Chains contributors",
                    "fr": "Contributeurs de Data Labour Chains"},
    "cite.text": {
        "en": "{author} ({year}). {title}: {view} [Interactive dashboard, version {version}; "
              "data: {data}]. Retrieved {date}, from {url}",
        "fr": "{author} ({year}). {title} : {view} [Tableau de bord interactif, version "
              "{version} ; données : {data}]. Consulté le {date}, à l'adresse {url}"},
    "cite.bibtex_title": {"en": "{{{title}}}: {view}", "fr": "{{{title}}} : {view}"},
    "cite.bibtex_note": {
        "en": "Interactive dashboard, version {version}; data: {data}; accessed {date}",
        "fr": "Tableau de bord interactif, version {version} ; données : {data} ; consulté le "
              "{date}"},
    "cite.unversioned": {"en": "unversioned", "fr": "sans version"},
    "cite.all_cases": {"en": "all cases", "fr": "tous les cas"},
    "cite.list_separator": {"en": "; ", "fr": " ; "},
    "cite.with_files": {"en": "{data} (files {digest})", "fr": "{data} (fichiers {digest})"},

    # Charts and downloads.
    "charts.data_and_exports": {"en": "The data behind this chart, and exports",
                                "fr": "Les données de ce graphique, et les exports"},
    "charts.more.label": {"en": "Also show", "fr": "Afficher aussi"},
    "charts.more.help": {
        "en": "The page opens with its main chart; the other charts and the tables are shown "
              "when you ask for them, and the link keeps your choice.",
        "fr": "La page s’ouvre sur son graphique principal ; les autres graphiques et les "
              "tableaux s’affichent à la demande, et le lien garde votre choix."},
    # A choice in a pop-over (app/components/state.py): its button says what is chosen.
    "choice.shown": {"en": "{label}: {shown}", "fr": "{label}\u00a0: {shown}"},
    "choice.all": {"en": "all {n}", "fr": "les {n}"},
    "choice.some": {"en": "{k} of {n}", "fr": "{k} sur {n}"},
    "choice.none": {"en": "none", "fr": "aucun"},
    "charts.data_csv": {"en": "Data (CSV)", "fr": "Données (CSV)"},
    "charts.figure_svg": {"en": "Figure (SVG)", "fr": "Figure (SVG)"},
    "charts.figure_png": {"en": "Figure (PNG, print)", "fr": "Figure (PNG, impression)"},
    "downloads.table_csv": {"en": "Download this table (CSV)",
                            "fr": "Télécharger ce tableau (CSV)"},

    # Upload page.
    "upload.intro": {
        "en": "Show a chain you have studied in every view of this dashboard. Your case is "
              "checked with the same validator as the bundled cases, and kept **only in this "
              "browser session**: it is never written to the server's disk and is gone when you "
              "close the tab. Start from the template: a case folder with the headers, two "
              "example rows per table and the data dictionary.",
        "fr": "Montrez une chaîne que vous avez étudiée dans toutes les vues de ce tableau de "
              "bord. Votre cas est vérifié par le même validateur que les cas fournis, et "
              "conservé **uniquement dans cette session du navigateur** : il n'est jamais écrit "
              "sur le disque du serveur et disparaît quand vous fermez l'onglet. Partez du "
              "modèle : un dossier de cas avec les en-têtes, deux lignes d'exemple par table et "
              "le dictionnaire des données."},
    "upload.template": {"en": "Download a template case (zip)",
                        "fr": "Télécharger un modèle de cas (zip)"},
    "upload.tab.zip": {"en": "A zip of a case folder", "fr": "Un zip d'un dossier de cas"},
    "upload.tab.csv": {"en": "The four CSV files", "fr": "Les quatre fichiers CSV"},
    "upload.zip_label": {"en": "Case folder as a .zip (at most {size} MB)",
                         "fr": "Dossier de cas en .zip ({size} Mo au plus)"},
    "upload.submit": {"en": "Check and add the case", "fr": "Vérifier et ajouter le cas"},
    "upload.choose_zip": {"en": "Choose a .zip file first.",
                          "fr": "Choisissez d'abord un fichier .zip."},
    "upload.title_label": {"en": "Title of the case", "fr": "Titre du cas"},
    "upload.csv_label": {"en": "actors.csv, links.csv, tasks.csv and sources.csv",
                         "fr": "actors.csv, links.csv, tasks.csv et sources.csv"},
    "upload.refused": {"en": "The case was not added: {problems} to fix.",
                       "fr": "Le cas n'a pas été ajouté : {problems} à corriger."},
    "upload.first_shown": {"en": "The first {shown} are shown; the download has all of them.",
                           "fr": "Les {shown} premiers sont affichés ; le téléchargement les "
                                 "contient tous."},
    "upload.download_problems": {"en": "Download the list of problems (CSV)",
                                 "fr": "Télécharger la liste des problèmes (CSV)"},
    "upload.column.file": {"en": "File", "fr": "Fichier"},
    "upload.column.line": {"en": "Line", "fr": "Ligne"},
    "upload.column.column": {"en": "Column", "fr": "Colonne"},
    "upload.column.value": {"en": "Value", "fr": "Valeur"},
    "upload.column.message": {"en": "Problem", "fr": "Problème"},
    "upload.added": {
        "en": "Added **{title}** for this browser session. It is shown on every page until you "
              "close the tab; nothing was stored on the server's disk.",
        "fr": "**{title}** a été ajouté pour cette session du navigateur. Il apparaît sur toutes "
              "les pages jusqu'à la fermeture de l'onglet ; rien n'a été enregistré sur le "
              "disque du serveur."},
    "upload.link.chain": {"en": "Its chain", "fr": "Sa chaîne"},
    "upload.link.flows": {"en": "Its country flows", "fr": "Ses flux entre pays"},
    "upload.link.functions": {"en": "Its task functions", "fr": "Les fonctions de ses tâches"},
    "upload.link.compare": {"en": "Compare it with the others",
                            "fr": "Le comparer aux autres"},
    "upload.session_cases": {"en": "Cases added in this session",
                             "fr": "Cas ajoutés dans cette session"},
    "upload.remove": {"en": "Remove", "fr": "Retirer"},
}
