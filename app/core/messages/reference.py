"""Messages: the compare, platforms, key-figures and sources pages.

Keys name their page first (`compare.`, `platforms.`, `figures.`, `sources.`). Vocabulary values
(actor types, relations, certainty, offer types, qualifiers...) are not here: they are
`vocab.*` entries, read through `app.core.i18n.vocab_label`. Counts come in pairs `.one` /
`.other` with a `{count}` field. French follows French typography: « », and a space before
« : » and « ; ». Citations are data and stay in their original language.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- compare -------------------------------------------------------------------------------
    "compare.title": {"en": "Compare cases", "fr": "Comparer les cas"},
    "compare.cases_select": {"en": "Cases to compare", "fr": "Cas à comparer"},
    "compare.none_selected": {
        "en": "No case is selected: pick at least one case above to compare.",
        "fr": "Aucun cas n'est sélectionné : choisissez au moins un cas ci-dessus pour comparer."},
    "compare.scope_note": {
        "en": "**{cases}: a sector map, not one product's chain.** Its measures are computed "
              "the same way but mean something else. *Chain length* is the longest path "
              "through a map of firms that may never deal with each other, not the route of one "
              "product's work. *Intermediaries*, *countries* and *cross-border links* add up "
              "competing platforms across the sector, not the layers of one chain. *Shares of "
              "tasks* count the kinds of work the sector buys or is offered, not one product's "
              "workload; its unpaid share counts only the unpaid work the map records. *Links by certainty* stays comparable: it says how much "
              "of the map the sources state.",
        "fr": "**{cases} : la carte d'un secteur, pas la chaîne d'un produit.** Ses mesures "
              "se calculent de la même façon mais disent autre chose. La *longueur de la "
              "chaîne* est le plus long chemin dans une carte d'entreprises qui peuvent ne "
              "jamais traiter entre elles, pas le trajet du travail d'un produit. Les "
              "*intermédiaires*, les *pays* et les *liens transfrontaliers* additionnent des "
              "plateformes concurrentes de tout le secteur, pas les étages d'une chaîne. Les "
              "*parts des tâches* comptent les types de travail que le secteur achète ou se "
              "voit proposer, pas la charge d'un produit ; sa part de tâches non payées ne compte que le travail "
              "gratuit que la carte enregistre. Les *liens selon leur certitude* restent comparables : ils disent quelle "
              "part de la carte les sources établissent."},
    "compare.answer_caption": {
        "en": "The links of each chain, with the full citation of their sources: choose "
              "“{chains}” below, then open “{expander}” under a chain.",
        "fr": "Les liens de chaque chaîne, avec la citation complète de leurs sources : "
              "choisissez « {chains} » ci-dessous, puis ouvrez « {expander} » sous une chaîne."},
    "compare.section.chains": {"en": "Chains, intermediaries and countries",
                               "fr": "Chaînes, intermédiaires et pays"},
    "compare.section.work": {"en": "What the work is, and how sure we are",
                             "fr": "Ce qu'est le travail, et notre degré de certitude"},
    "compare.section.side_by_side": {"en": "The chains side by side",
                                     "fr": "Les chaînes côte à côte"},
    "compare.section.table": {"en": "All measures in one table",
                              "fr": "Toutes les mesures dans un tableau"},
    "compare.side_by_side_caption": {
        "en": "Each chain reads left to right, from who commissions the work to who does it; end "
              "users, whose inputs are data too, stand at the right. Every chain is drawn on the "
              "same scale, so equal lengths line up. Hover a dot or a line for details.",
        "fr": "Chaque chaîne se lit de gauche à droite, de qui commande le travail à qui "
              "l'exécute ; les utilisateurs finaux, dont les contributions sont aussi des "
              "données, se tiennent à droite. Toutes les chaînes sont tracées à la même échelle : "
              "des longueurs égales s'alignent. Survolez un point ou un trait pour le détail."},
    "compare.functions.title": {"en": "What the data work is for",
                                "fr": "À quoi sert le travail des données"},
    "compare.more.grid": {"en": "Every measure, defined", "fr": "Chaque mesure, définie"},
    "compare.grid.measure": {"en": "Measure", "fr": "Mesure"},
    "compare.grid.metric": {"en": "{measure}: {case}", "fr": "{measure} : {case}"},
    "compare.and": {"en": " and ", "fr": " et "},
    "compare.links.one": {"en": "{count} link", "fr": "{count} lien"},
    "compare.links.other": {"en": "{count} links", "fr": "{count} liens"},
    "compare.tasks.one": {"en": "{count} task", "fr": "{count} tâche"},
    "compare.tasks.other": {"en": "{count} tasks", "fr": "{count} tâches"},
    "compare.actors.one": {"en": "{count} actor", "fr": "{count} acteur"},
    "compare.actors.other": {"en": "{count} actors", "fr": "{count} acteurs"},
    "compare.intermediaries.one": {"en": "{count} intermediary", "fr": "{count} intermédiaire"},
    "compare.intermediaries.other": {"en": "{count} intermediaries",
                                     "fr": "{count} intermédiaires"},

    # The measures: a name and a one-sentence definition each.
    "compare.measure.chain_length": {"en": "Chain length", "fr": "Longueur de la chaîne"},
    "compare.measure.chain_length.definition": {
        "en": "The longest path, in links, from a client or lead firm to a pool of workers, "
              "following who commissions whom (a client buying from the AI company adds a link; "
              "data supplied by end users is not part of the chain).",
        "fr": "Le plus long chemin, en liens, d'un client ou d'un donneur d'ordre jusqu'à un "
              "groupe de travailleurs, en suivant qui commande à qui (un client qui achète à "
              "l'entreprise d'IA ajoute un lien ; les données fournies par les utilisateurs "
              "finaux ne font pas partie de la chaîne)."},
    "compare.measure.documented_chain_length": {
        "en": "Chain length, documented links only",
        "fr": "Longueur de la chaîne, liens documentés seulement"},
    "compare.measure.documented_chain_length.definition": {
        "en": "The same path counted on the links that a primary research source states; 0 means "
              "the sources document no complete chain from a client or lead firm to workers.",
        "fr": "Le même chemin, compté sur les seuls liens qu'une source de recherche primaire "
              "établit ; 0 signifie que les sources ne documentent aucune chaîne complète d'un "
              "client ou d'un donneur d'ordre jusqu'aux travailleurs."},
    "compare.measure.n_intermediaries": {"en": "Intermediaries", "fr": "Intermédiaires"},
    "compare.measure.n_intermediaries.definition": {
        "en": "Platforms, vendors, subcontractors and supervisors standing between a client or "
              "lead firm and its workers; a platform the lead firm runs itself is not counted.",
        "fr": "Plateformes, prestataires, sous-traitants et superviseurs placés entre un client "
              "ou un donneur d'ordre et ses travailleurs ; une plateforme que le donneur d'ordre "
              "gère lui-même n'est pas comptée."},
    "compare.measure.n_countries": {"en": "Countries", "fr": "Pays"},
    "compare.measure.n_countries.definition": {
        "en": "Distinct countries of the case's actors (actors whose country no source gives are "
              "left out and counted apart).",
        "fr": "Pays distincts des acteurs du cas (les acteurs dont aucune source ne donne le pays "
              "sont laissés de côté et comptés à part)."},
    "compare.measure.n_cross_border_links": {"en": "Cross-border links",
                                             "fr": "Liens transfrontaliers"},
    "compare.measure.n_cross_border_links.definition": {
        "en": "Links between two actors in different countries; a link with an end whose country "
              "is unknown is not counted.",
        "fr": "Liens entre deux acteurs situés dans des pays différents ; un lien dont une "
              "extrémité est de pays inconnu n'est pas compté."},
    "compare.measure.function_shares": {"en": "Share of tasks per function",
                                        "fr": "Part des tâches par fonction"},
    "compare.measure.function_shares.definition": {
        "en": "Of the case's tasks, the share serving each function: preparation (generating or "
              "annotating training data), verification (checking outputs), impersonation (humans "
              "doing what the AI is said to do).",
        "fr": "Parmi les tâches du cas, la part qui sert chaque fonction : préparation (générer "
              "ou annoter des données d'entraînement), vérification (contrôler les résultats), "
              "imitation (des humains font ce que l'IA est censée faire)."},
    "compare.measure.unpaid_share": {"en": "Share of unpaid tasks",
                                     "fr": "Part des tâches non payées"},
    "compare.measure.unpaid_share.definition": {
        "en": "Of the case's tasks, the share done without pay (e.g. end users' inputs).",
        "fr": "Parmi les tâches du cas, la part effectuée sans rémunération (par exemple les "
              "contributions des utilisateurs finaux)."},
    "compare.measure.certainty_shares": {"en": "Share of links by certainty",
                                         "fr": "Part des liens selon leur certitude"},
    "compare.measure.certainty_shares.definition": {
        "en": "Of the case's links, the share documented by a primary source, reported by a "
              "single secondary source, or inferred where no source says it.",
        "fr": "Parmi les liens du cas, la part documentée par une source primaire, rapportée par "
              "une seule source secondaire, ou déduite là où aucune source ne l'indique."},

    # Which case has the longest chain, in words.
    "compare.answer.no_chain": {
        "en": "No case has a chain from a client or lead firm to workers.",
        "fr": "Aucun cas n'a de chaîne allant d'un client ou d'un donneur d'ordre jusqu'aux "
              "travailleurs."},
    "compare.answer.all_tie": {
        "en": "All {count} cases have a longest chain of {links}.",
        "fr": "Dans les {count} cas, la plus longue chaîne compte {links}."},
    "compare.answer.longest": {"en": "The longest chain is {links}, in {cases}.",
                               "fr": "La plus longue chaîne compte {links} : {cases}."},
    "compare.answer.no_documented": {
        "en": "Counting documented links only, no case has a complete chain.",
        "fr": "En ne comptant que les liens documentés, aucun cas n'a de chaîne complète."},
    "compare.answer.documented_only": {
        "en": "Counting documented links only, only {cases} keeps a chain of {links}.",
        "fr": "En ne comptant que les liens documentés, seul le cas « {cases} » garde une "
              "chaîne de {links}."},
    "compare.answer.documented_one": {
        "en": "Counting documented links only, {cases} keeps a chain of {links}.",
        "fr": "En ne comptant que les liens documentés, le cas « {cases} » garde une chaîne de "
              "{links}."},
    "compare.answer.documented_many": {
        "en": "Counting documented links only, {cases} keep a chain of {links}.",
        "fr": "En ne comptant que les liens documentés, les cas {cases} gardent une chaîne de "
              "{links}."},
    "compare.answer.most_intermediaries": {"en": "Most intermediaries: {cases} ({count}).",
                                           "fr": "Le plus d'intermédiaires : {cases} ({count})."},

    # The grid of measures.
    "compare.cell.none": {"en": "none", "fr": "aucun"},
    "compare.cell.none_given": {"en": "none given", "fr": "aucun indiqué"},
    "compare.cell.unknown_actors.one": {"en": "(+ {count} actor of unknown country)",
                                        "fr": "(+ {count} acteur de pays inconnu)"},
    "compare.cell.unknown_actors.other": {"en": "(+ {count} actors of unknown country)",
                                          "fr": "(+ {count} acteurs de pays inconnu)"},
    "compare.cell.unknown_links.one": {"en": "{count} more with an end of unknown country",
                                       "fr": "{count} de plus avec une extrémité de pays inconnu"},
    "compare.cell.unknown_links.other": {"en": "{count} more with an end of unknown country",
                                         "fr": "{count} de plus avec une extrémité de pays "
                                               "inconnu"},
    "compare.cell.of": {"en": "{part} of {whole}", "fr": "{part} sur {whole}"},

    # Column headers of the tables of measures.
    "compare.col.case_id": {"en": "Case id", "fr": "Identifiant du cas"},
    "compare.col.title": {"en": "Case", "fr": "Cas"},
    "compare.col.n_actors": {"en": "Actors", "fr": "Acteurs"},
    "compare.col.n_links": {"en": "Links", "fr": "Liens"},
    "compare.col.n_tasks": {"en": "Tasks", "fr": "Tâches"},
    "compare.col.chain_length": {"en": "Chain length (links)",
                                 "fr": "Longueur de la chaîne (liens)"},
    "compare.col.documented_chain_length": {
        "en": "Chain length, documented links only",
        "fr": "Longueur de la chaîne, liens documentés seulement"},
    "compare.col.n_intermediaries": {"en": "Intermediaries", "fr": "Intermédiaires"},
    "compare.col.intermediaries": {"en": "Who the intermediaries are",
                                   "fr": "Qui sont les intermédiaires"},
    "compare.col.n_countries": {"en": "Countries", "fr": "Pays"},
    "compare.col.countries": {"en": "Which countries", "fr": "Quels pays"},
    "compare.col.n_actors_unknown_country": {"en": "Actors of unknown country",
                                             "fr": "Acteurs de pays inconnu"},
    "compare.col.n_cross_border_links": {"en": "Cross-border links",
                                         "fr": "Liens transfrontaliers"},
    "compare.col.n_links_unknown_country": {"en": "Links with an end of unknown country",
                                            "fr": "Liens avec une extrémité de pays inconnu"},
    "compare.col.share_tasks": {"en": "Share of tasks: {function}",
                                "fr": "Part des tâches : {function}"},
    "compare.col.share_links": {"en": "Share of links: {certainty}",
                                "fr": "Part des liens : {certainty}"},
    "compare.col.n_unpaid": {"en": "Unpaid tasks", "fr": "Tâches non payées"},
    "compare.col.unpaid_share": {"en": "Share of unpaid tasks",
                                 "fr": "Part des tâches non payées"},
    "compare.col.function": {"en": "Function", "fr": "Fonction"},
    "compare.col.certainty": {"en": "Certainty", "fr": "Certitude"},
    "compare.col.share": {"en": "Share", "fr": "Part"},

    # Summaries under the charts (what a screen reader reads instead of the chart).
    "compare.summary_item": {"en": "{case}: {value}", "fr": "{case} : {value}"},
    "compare.functions.summary": {"en": "Largest function per case: {items}.",
                                  "fr": "Fonction principale par cas : {items}."},
    "compare.functions.summary_item": {"en": "{case}: {function} ({share} of {tasks})",
                                       "fr": "{case} : {function} ({share} de {tasks})"},
    "compare.functions.summary_none": {"en": "No task is recorded for the cases selected.",
                                       "fr": "Aucune tâche n'est relevée pour les cas choisis."},
    "compare.unpaid.summary": {"en": "Unpaid share of tasks: {items}.",
                               "fr": "Part des tâches non payées : {items}."},
    "compare.unpaid.summary_item": {"en": "{case}: {part} of {whole} ({share})",
                                    "fr": "{case} : {part} sur {whole} ({share})"},
    "compare.certainty.summary": {
        "en": "Share of links documented by a primary source: {items}.",
        "fr": "Part des liens documentés par une source primaire : {items}."},
    "compare.chains.summary": {
        "en": "{case}: {actors} and {links}; the longest chain from a client or lead firm to "
              "workers has {longest} ({documented} counting documented links only), through "
              "{intermediaries}.",
        "fr": "{case} : {actors} et {links} ; la plus longue chaîne d'un client ou d'un donneur "
              "d'ordre jusqu'aux travailleurs compte {longest} ({documented} en ne comptant que "
              "les liens documentés), avec {intermediaries}."},

    # Charts.
    "compare.chart.length.title": {"en": "Longest chain of commissions, in links",
                                   "fr": "Plus longue chaîne de commandes, en liens"},
    "compare.chart.length.axis": {"en": "Links from a client or lead firm to workers",
                                  "fr": "Liens d'un client ou d'un donneur d'ordre jusqu'aux "
                                        "travailleurs"},
    "compare.chart.length.all": {"en": "All links", "fr": "Tous les liens"},
    "compare.chart.length.documented": {"en": "Documented links only",
                                        "fr": "Liens documentés seulement"},
    "compare.chart.length.counting": {"en": "Counting", "fr": "Décompte"},
    "compare.chart.unpaid.title": {"en": "Unpaid data work",
                                   "fr": "Travail des données non payé"},
    "compare.chart.unpaid.axis": {"en": "Share of the case's tasks that are unpaid",
                                  "fr": "Part des tâches du cas qui ne sont pas payées"},
    "compare.chart.unpaid.label.one": {"en": "{part} of {count} task",
                                       "fr": "{part} sur {count} tâche"},
    "compare.chart.unpaid.label.other": {"en": "{part} of {count} tasks",
                                         "fr": "{part} sur {count} tâches"},
    "compare.chart.certainty.title": {"en": "How sure the links are",
                                      "fr": "Degré de certitude des liens"},
    "compare.chart.certainty.axis": {"en": "Share of the case's links",
                                     "fr": "Part des liens du cas"},
    "compare.chart.chains.actors": {"en": "Actors:", "fr": "Acteurs :"},
    "compare.chart.chains.links": {"en": "Links:", "fr": "Liens :"},
    "compare.chart.chains.link": {"en": "Link", "fr": "Lien"},
    "compare.chart.chains.actor": {"en": "Actor", "fr": "Acteur"},
    "compare.chart.chains.type": {"en": "Type", "fr": "Type"},
    "compare.chart.chains.country": {"en": "Country", "fr": "Pays"},

    # --- platforms -----------------------------------------------------------------------------
    "platforms.title": {"en": "Platforms", "fr": "Plateformes"},
    "platforms.intro": {
        "en": "The micro-work platforms with an AI offer and operations in France inventoried by "
              "Tubaro & Casilli (2019, Table 1), June 2017 – March 2019: where they have their "
              "headquarters, when they were founded, what they offer, and who gives access to or "
              "owns whom.",
        "fr": "Les plateformes de micro-travail ayant une offre pour l'IA et des activités en "
              "France, recensées par Tubaro & Casilli (2019, tableau 1) de juin 2017 à mars "
              "2019 : où se trouve leur siège, quand elles ont été fondées, ce qu'elles "
              "proposent, et qui donne accès à qui ou possède qui."},
    "platforms.offer_select": {"en": "Offer type", "fr": "Type d'offre"},
    "platforms.none_selected": {
        "en": "No platform has the offer types selected: pick at least one offer type above.",
        "fr": "Aucune plateforme n'a les types d'offre choisis : choisissez au moins un type "
              "d'offre ci-dessus."},
    "platforms.shown.one": {"en": "{count} platform shown, of {total} in the inventory.",
                            "fr": "{count} plateforme affichée sur {total} dans l'inventaire."},
    "platforms.shown.other": {"en": "{count} platforms shown, of {total} in the inventory.",
                              "fr": "{count} plateformes affichées sur {total} dans "
                                    "l'inventaire."},
    "platforms.answer.before": {"en": "Founded before {year}: {platforms}",
                                "fr": "Plateformes fondées avant {year} : {platforms}"},
    "platforms.answer.platform": {"en": "{name} ({year}, {city})", "fr": "{name} ({year}, {city})"},
    "platforms.answer.none_before": {
        "en": "None of the platforms shown was founded before {year}",
        "fr": "Aucune des plateformes affichées n'a été fondée avant {year}"},
    "platforms.answer_sources": {
        "en": "Source: {sources}. The citation of each row is in the table at the bottom of the "
              "page.",
        "fr": "Source : {sources}. La citation de chaque ligne figure dans le tableau en bas de "
              "la page."},
    "platforms.map.title": {"en": "Where the platforms have their headquarters",
                            "fr": "Où les plateformes ont leur siège"},
    "platforms.map.subtitle": {
        "en": "Placed by country (the inventory gives cities, not coordinates); several "
              "platforms in one country are spread around its centre.",
        "fr": "Placées par pays (l'inventaire donne des villes, pas des coordonnées) ; plusieurs "
              "plateformes d'un même pays sont réparties autour de son centre."},
    "platforms.map.country_count": {"en": "{country}: {n}", "fr": "{country} : {n}"},
    "platforms.map.summary": {"en": "Headquarters by country: {countries}.",
                              "fr": "Sièges par pays : {countries}."},
    "platforms.map.placement": {
        "en": "Dots are placed at the country's centre, not the city (the inventory gives no "
              "coordinates); several platforms in one country are spread on a circle around it.",
        "fr": "Les points sont placés au centre du pays, pas de la ville (l'inventaire ne donne "
              "pas de coordonnées) ; plusieurs plateformes d'un même pays sont réparties sur un "
              "cercle autour de ce centre."},
    "platforms.timeline.title": {"en": "When the platforms were founded",
                                 "fr": "Quand les plateformes ont été fondées"},
    "platforms.timeline.subtitle": {"en": "Shaded: founded before {year} ({count}: {names}).",
                                    "fr": "En grisé : fondées avant {year} ({count} : {names})."},
    "platforms.timeline.none": {"en": "none", "fr": "aucune"},
    "platforms.timeline.axis": {"en": "Year founded", "fr": "Année de fondation"},
    "platforms.timeline.summary": {"en": "{answer}. Newest: {name} ({year}).",
                                   "fr": "{answer}. La plus récente : {name} ({year})."},
    "platforms.offer.title": {"en": "What the platforms offer",
                              "fr": "Ce que proposent les plateformes"},
    "platforms.offer.axis": {"en": "Platforms", "fr": "Plateformes"},
    "platforms.offer.which": {"en": "Which", "fr": "Lesquelles"},
    "platforms.offer.summary": {"en": "Platforms by offer: {offers}.",
                                "fr": "Plateformes par offre : {offers}."},
    "platforms.offer.count": {"en": "{offer}: {n}", "fr": "{offer} : {n}"},
    "platforms.relations.header": {"en": "Who gives access to, owns or runs whom",
                                   "fr": "Qui donne accès à qui, possède ou gère qui"},
    "platforms.relations.title": {"en": "Relations between the platforms",
                                  "fr": "Relations entre les plateformes"},
    "platforms.relations.none": {
        "en": "No relation between the platforms shown: add offer types to see them.",
        "fr": "Aucune relation entre les plateformes affichées : ajoutez des types d'offre pour "
              "les voir."},
    "platforms.relations.outside": {
        "en": "Relations to services outside the inventory (UHRS of Microsoft, Gengo.ai, Spare5, "
              "Foule Factory) have no headquarters or founding year in the source; they are "
              "described in the platforms' notes below.",
        "fr": "Les relations avec des services hors de l'inventaire (UHRS de Microsoft, "
              "Gengo.ai, Spare5, Foule Factory) n'ont ni siège ni année de fondation dans la "
              "source ; elles sont décrites dans les notes des plateformes ci-dessous."},
    "platforms.notes.header": {"en": "Notes and sources", "fr": "Notes et sources"},
    "platforms.col.platform": {"en": "Platform", "fr": "Plateforme"},
    "platforms.col.offer": {"en": "Offer", "fr": "Offre"},
    "platforms.col.headquarters": {"en": "Headquarters", "fr": "Siège"},
    "platforms.col.country": {"en": "Country", "fr": "Pays"},
    "platforms.col.founded": {"en": "Founded", "fr": "Fondée en"},
    "platforms.col.notes": {"en": "Notes", "fr": "Notes"},
    "platforms.col.certainty": {"en": "Certainty", "fr": "Certitude"},
    "platforms.col.sources": {"en": "Sources", "fr": "Sources"},
    "platforms.col.relation": {"en": "Relation", "fr": "Relation"},
    "platforms.col.says": {"en": "What the source says", "fr": "Ce que dit la source"},

    # --- key figures ---------------------------------------------------------------------------
    "figures.title": {"en": "Key figures", "fr": "Chiffres clés"},
    "figures.intro": {
        "en": "The numbers the research gives, each with what it covers, how it is to be read "
              "(*about*, *over*, *up to*...), the full citation of its source and any dispute. "
              "Estimates from researchers, survey results and counts stand apart from industry "
              "figures and forecasts; where two sources disagree, both are shown.",
        "fr": "Les chiffres que donne la recherche, chacun avec ce qu'il couvre, la façon de le "
              "lire (*environ*, *plus de*, *jusqu'à*…), la citation complète de sa source et "
              "toute contestation. Les estimations des chercheurs, les résultats d'enquête et "
              "les décomptes sont distingués des chiffres du secteur et des prévisions ; quand "
              "deux sources divergent, les deux sont montrées."},
    "figures.topics_select": {"en": "Topics", "fr": "Thèmes"},
    "figures.none_selected": {
        "en": "No topic is selected: pick at least one topic above to see its figures.",
        "fr": "Aucun thème n'est sélectionné : choisissez au moins un thème ci-dessus pour voir "
              "ses chiffres."},
    "figures.summary": {"en": "{items}.", "fr": "{items}."},
    "figures.summary_item": {"en": "{label}: {text}", "fr": "{label} : {text}"},
    "figures.with_sources": {"en": "{summary} Source: {sources}.",
                             "fr": "{summary} Source : {sources}."},
    "figures.metric.caption": {"en": "{scope}. Source: {sources}",
                               "fr": "{scope}. Source : {sources}"},
    "figures.dispute.heading": {"en": "Critique of this figure", "fr": "Critique de ce chiffre"},
    "figures.dispute.figure": {"en": "{label}: {text}.", "fr": "{label} : {text}."},
    "figures.funnel.disputed": {"en": " (disputed)", "fr": " (contesté)"},
    "figures.funnel.caption": {
        "en": "Each level counts people meeting a looser definition of activity than the one "
              "below it. Sources of the estimate: {sources}",
        "fr": "Chaque niveau compte les personnes qui répondent à une définition de l'activité "
              "plus large que celle du niveau inférieur. Sources de l'estimation : {sources}"},
    "figures.madagascar.header": {"en": "Data workers in Madagascar",
                                  "fr": "Les travailleurs des données à Madagascar"},
    "figures.madagascar.shares_title": {"en": "Who the Malagasy data workers are",
                                        "fr": "Qui sont les travailleurs malgaches des données"},
    "figures.shares.axis": {"en": "Share", "fr": "Part"},
    "figures.pay.gives": {"en": "{sources} gives {text}", "fr": "{sources} donne {text}"},
    "figures.pay.differ_secondary": {
        "en": "Secondary figures that differ: {figures}. Neither is confirmed by a primary "
              "source we hold.",
        "fr": "Chiffres secondaires qui divergent : {figures}. Aucun n'est confirmé par une "
              "source primaire dont nous disposons."},
    "figures.pay.differ": {
        "en": "Figures that differ: {figures}. Neither is confirmed by a primary source we hold.",
        "fr": "Chiffres qui divergent : {figures}. Aucun n'est confirmé par une source primaire "
              "dont nous disposons."},
    "figures.market.title": {"en": "Market sizes", "fr": "Taille des marchés"},
    "figures.market.subtitle": {
        "en": "Hollow dashed bars are industry forecasts, not measurements.",
        "fr": "Les barres creuses en pointillés sont des prévisions du secteur, pas des mesures."},
    "figures.market.forecasts": {
        "en": "Industry forecasts, not measurements: {count} of these {total} figures are "
              "forecasts made by an industry analyst ({scopes}).",
        "fr": "Prévisions du secteur, pas des mesures : {count} de ces {total} chiffres sont des "
              "prévisions d'un cabinet d'analyse du secteur ({scopes})."},
    "figures.market.tag": {"en": "{text} ({year})", "fr": "{text} ({year})"},
    "figures.market.tag_forecast": {"en": "{text} ({year}, industry forecast)",
                                    "fr": "{text} ({year}, prévision du secteur)"},
    "figures.prices.title": {"en": "Unit prices of annotation tasks",
                             "fr": "Prix unitaires des tâches d'annotation"},
    "figures.prices.subtitle": {
        "en": "Triangles point the way of a bound: ▶ more than, ◀ less than; a bar is a range.",
        "fr": "Les triangles indiquent le sens d'une borne : ▶ plus de, ◀ moins de ; une barre "
              "est une fourchette."},
    "figures.others.header": {"en": "Other figures", "fr": "Autres chiffres"},
    "figures.all.header": {"en": "Every figure shown, with its source",
                           "fr": "Tous les chiffres affichés, avec leur source"},

    # Topics of the figures (a topic without a title here reads as its key in words).
    "figures.topic.france_microworkers": {"en": "Micro-workers in France",
                                          "fr": "Les micro-travailleurs en France"},
    "figures.topic.france_platforms": {"en": "Micro-work platforms in France",
                                       "fr": "Les plateformes de micro-travail en France"},
    "figures.topic.france_survey": {"en": "Who micro-works in France",
                                    "fr": "Qui fait du micro-travail en France"},
    "figures.topic.madagascar_study": {"en": "The France–Madagascar study",
                                       "fr": "L'étude France–Madagascar"},
    "figures.topic.madagascar_pay": {"en": "Pay of Malagasy data workers",
                                     "fr": "La rémunération des travailleurs malgaches des "
                                           "données"},
    "figures.topic.study_design": {
        "en": "How the canteen and retail cases were studied",
        "fr": "Comment les cas de la cantine et du commerce de détail ont été étudiés"},
    "figures.topic.ai_impersonation": {"en": "Humans behind 'AI'",
                                       "fr": "Des humains derrière « l'IA »"},
    "figures.topic.market": {"en": "Market sizes", "fr": "Taille des marchés"},
    "figures.topic.unit_prices": {"en": "Unit prices of annotation",
                                  "fr": "Prix unitaires de l'annotation"},
    "figures.topic.time_costs": {"en": "Time spent on data",
                                 "fr": "Le temps passé sur les données"},

    # Units of the figures (an unknown unit is shown as written in the data); counted units
    # have a singular (`.one`) and a plural (`.other`).
    "figures.unit.people.other": {"en": "people", "fr": "personnes"},
    "figures.unit.people.one": {"en": "person", "fr": "personne"},
    "figures.unit.eur_per_month": {"en": "EUR per month", "fr": "EUR par mois"},
    "figures.unit.usd_million": {"en": "USD million", "fr": "millions USD"},
    "figures.unit.platforms.other": {"en": "platforms", "fr": "plateformes"},
    "figures.unit.platforms.one": {"en": "platform", "fr": "plateforme"},
    "figures.unit.responses.other": {"en": "responses", "fr": "réponses"},
    "figures.unit.responses.one": {"en": "response", "fr": "réponse"},
    "figures.unit.minutes.other": {"en": "minutes", "fr": "minutes"},
    "figures.unit.minutes.one": {"en": "minute", "fr": "minute"},
    "figures.unit.interviews.other": {"en": "interviews", "fr": "entretiens"},
    "figures.unit.interviews.one": {"en": "interview", "fr": "entretien"},
    "figures.unit.firms.other": {"en": "firms", "fr": "entreprises"},
    "figures.unit.firms.one": {"en": "firm", "fr": "entreprise"},
    "figures.unit.start_ups.other": {"en": "start-ups", "fr": "start-ups"},
    "figures.unit.start_ups.one": {"en": "start-up", "fr": "start-up"},
    "figures.unit.months.other": {"en": "months", "fr": "mois"},
    "figures.unit.months.one": {"en": "month", "fr": "mois"},
    "figures.unit.hours.other": {"en": "hours", "fr": "heures"},
    "figures.unit.hours.one": {"en": "hour", "fr": "heure"},
    "figures.unit.usd_per_image": {"en": "USD per image", "fr": "USD par image"},
    "figures.unit.usd_per_item": {"en": "USD per item", "fr": "USD par élément"},
    "figures.unit.percent": {"en": "percent", "fr": "pour cent"},

    "figures.col.topic": {"en": "Topic", "fr": "Thème"},
    "figures.col.figure": {"en": "Figure", "fr": "Chiffre"},
    "figures.col.reads": {"en": "Reads", "fr": "Se lit"},
    "figures.col.value": {"en": "Value", "fr": "Valeur"},
    "figures.col.value_max": {"en": "Up to", "fr": "Valeur haute"},
    "figures.col.unit": {"en": "Unit", "fr": "Unité"},
    "figures.col.qualifier": {"en": "Qualifier", "fr": "Qualificatif"},
    "figures.col.year": {"en": "Year", "fr": "Année"},
    "figures.col.scope": {"en": "Scope", "fr": "Portée"},
    "figures.col.kind": {"en": "Kind", "fr": "Nature"},
    "figures.col.dispute": {"en": "Dispute", "fr": "Contestation"},
    "figures.col.certainty": {"en": "Certainty", "fr": "Certitude"},
    "figures.col.sources": {"en": "Sources", "fr": "Sources"},

    # --- sources and data ----------------------------------------------------------------------
    "sources.title": {"en": "Sources and data", "fr": "Sources et données"},
    "sources.intro": {
        "en": "Every row of the data cites its sources by key (`S0`…`S4`, `P1`…`P9`; the note of "
              "each source says whether it is primary research or a secondary account) and says "
              "how sure it is. Below: each source with its full citation, link and note, and how "
              "many rows cite it in each case and reference table (choose a source to see those "
              "rows), then every table to download.",
        "fr": "Chaque ligne des données cite ses sources par une clé (`S0`…`S4`, `P1`…`P9` ; la "
              "note de chaque source indique s'il s'agit de recherche primaire ou d'un compte "
              "rendu secondaire) et dit son degré de certitude. Ci-dessous : chaque source avec "
              "sa citation complète, son lien et sa note, et le nombre de lignes qui la citent "
              "dans chaque cas et chaque table de référence (choisissez une source pour voir ces "
              "lignes), puis chaque table à télécharger. Les citations restent dans leur langue "
              "d'origine."},
    "sources.licence": {
        "en": "**Licence.** The data are published under the [Creative Commons Attribution 4.0 "
              "licence (CC BY 4.0)](https://creativecommons.org/licenses/by/4.0/): share and "
              "adapt them, crediting “Data Labour Chains contributors” and the research each row "
              "cites. The code of the dashboard is under the MIT licence. The cited texts keep "
              "their own licences.  \n"
              "**Data dictionary.** Every column, vocabulary and rule is described in "
              "`data/README.md`, shipped with the data (download it below, with the tables).",
        "fr": "**Licence.** Les données sont publiées sous la [licence Creative Commons "
              "Attribution 4.0 (CC BY 4.0)](https://creativecommons.org/licenses/by/4.0/deed.fr) "
              ": partagez-les et adaptez-les en créditant « Data Labour Chains contributors » et "
              "la recherche que cite chaque ligne. Le code du tableau de bord est sous licence "
              "MIT. Les textes cités gardent leurs propres licences.  \n"
              "**Dictionnaire des données.** Chaque colonne, vocabulaire et règle est décrit "
              "dans `data/README.md` (en anglais), fourni avec les données (à télécharger plus "
              "bas, avec les tables)."},
    "sources.dictionary_download": {"en": "Data dictionary (data/README.md)",
                                    "fr": "Dictionnaire des données (data/README.md)"},
    "sources.scope_select": {"en": "Show the sources of", "fr": "Afficher les sources de"},
    "sources.scope.all": {"en": "Every case and the reference tables",
                          "fr": "Tous les cas et les tables de référence"},
    "sources.scope.case": {"en": "Case: {case}", "fr": "Cas : {case}"},
    "sources.reference_tables": {"en": "Reference tables", "fr": "Tables de référence"},
    "sources.none_listed": {
        "en": "No source is listed for this choice: pick another case above.",
        "fr": "Aucune source n'est listée pour ce choix : choisissez un autre cas ci-dessus."},
    "sources.header.sources": {"en": "The sources", "fr": "Les sources"},
    "sources.header.download": {"en": "Download the data", "fr": "Télécharger les données"},
    "sources.download_tables": {"en": "The data dictionary, this list and every table (CSV)",
                                "fr": "Le dictionnaire des données, cette liste et chaque "
                                      "table (CSV)"},
    "sources.count_caption.one": {
        "en": "{count} source: its full citation, its link where it has a DOI or web address "
              "(texts known to us only through a press summary have none), its note, and the "
              "rows that cite it.",
        "fr": "{count} source : sa citation complète, son lien si elle a un DOI ou une adresse "
              "web (les textes que nous ne connaissons que par un résumé de presse n'en ont "
              "pas), sa note, et les lignes qui la citent."},
    "sources.count_caption.other": {
        "en": "{count} sources, each with its full citation, its link where it has a DOI or web "
              "address (texts known to us only through a press summary have none), its note, "
              "and the rows that cite it.",
        "fr": "{count} sources, chacune avec sa citation complète, son lien si elle a un DOI ou "
              "une adresse web (les textes que nous ne connaissons que par un résumé de presse "
              "n'en ont pas), sa note, et les lignes qui la citent."},
    "sources.download_caption": {
        "en": "Each table exactly as its CSV file holds it. Cells that a spreadsheet would run as "
              "a formula are written as text.",
        "fr": "Chaque table exactement comme son fichier CSV la contient (les textes français "
              "sont dans les colonnes `_fr`). Les cellules qu'un tableur exécuterait comme une "
              "formule sont écrites comme du texte."},
    "sources.reference_downloads": {
        "en": "**Reference tables**: the platform inventory and the key figures",
        "fr": "**Tables de référence** : l'inventaire des plateformes et les chiffres clés"},
    "sources.list_separator": {"en": "; ", "fr": " ; "},
    "sources.keyed_citation": {"en": "{source}: {citation}", "fr": "{source} : {citation}"},
    "sources.where": {"en": "{origin}: {counts}", "fr": "{origin} : {counts}"},
    "sources.no_row": {"en": "listed, no row cites it", "fr": "listée, aucune ligne ne la cite"},
    "sources.entry.note": {"en": "**Note.** {note}", "fr": "**Note.** {note}"},
    "sources.entry.cited_in": {"en": "**Cited in** ({rows}): {where}",
                               "fr": "**Citée dans** ({rows}) : {where}"},
    "sources.rows_select": {"en": "Show the rows citing", "fr": "Afficher les lignes qui citent"},
    "sources.rows_select.none": {"en": "None", "fr": "Aucune"},
    "sources.rows_select_help": {
        "en": "Every row of the cases and reference tables in this choice that cites the source, "
              "with its certainty. The link of the page then opens on these rows.",
        "fr": "Chaque ligne des cas et des tables de référence de ce choix qui cite la source, "
              "avec sa certitude. Le lien de la page s'ouvre alors sur ces lignes."},
    "sources.header.rows": {"en": "Rows citing {source}", "fr": "Lignes qui citent {source}"},
    "sources.rows_caption.one": {"en": "The row that cites {source}.",
                                 "fr": "La ligne qui cite {source}."},
    "sources.rows_caption.other": {"en": "The {count} rows that cite {source}.",
                                   "fr": "Les {count} lignes qui citent {source}."},
    "sources.no_citing_row": {"en": "No row cites this source.",
                              "fr": "Aucune ligne ne cite cette source."},
    "sources.download_list": {"en": "This list as a table (CSV)",
                              "fr": "Cette liste sous forme de tableau (CSV)"},
    "sources.rows_count.one": {"en": "{count} row", "fr": "{count} ligne"},
    "sources.rows_count.other": {"en": "{count} rows", "fr": "{count} lignes"},
    "sources.download.table.one": {"en": "{table}.csv ({count} row)",
                                   "fr": "{table}.csv ({count} ligne)"},
    "sources.download.table.other": {"en": "{table}.csv ({count} rows)",
                                     "fr": "{table}.csv ({count} lignes)"},

    # The tables that cite sources, and their rows counted.
    "sources.table.actors": {"en": "actors", "fr": "acteurs"},
    "sources.table.links": {"en": "links", "fr": "liens"},
    "sources.table.tasks": {"en": "tasks", "fr": "tâches"},
    "sources.table.platforms": {"en": "platforms", "fr": "plateformes"},
    "sources.table.platform_links": {"en": "platform relations",
                                     "fr": "relations entre plateformes"},
    "sources.table.figures": {"en": "figures", "fr": "chiffres"},
    "sources.count.actors.one": {"en": "{count} actor", "fr": "{count} acteur"},
    "sources.count.actors.other": {"en": "{count} actors", "fr": "{count} acteurs"},
    "sources.count.links.one": {"en": "{count} link", "fr": "{count} lien"},
    "sources.count.links.other": {"en": "{count} links", "fr": "{count} liens"},
    "sources.count.tasks.one": {"en": "{count} task", "fr": "{count} tâche"},
    "sources.count.tasks.other": {"en": "{count} tasks", "fr": "{count} tâches"},
    "sources.count.platforms.one": {"en": "{count} platform", "fr": "{count} plateforme"},
    "sources.count.platforms.other": {"en": "{count} platforms", "fr": "{count} plateformes"},
    "sources.count.platform_links.one": {"en": "{count} platform relation",
                                         "fr": "{count} relation entre plateformes"},
    "sources.count.platform_links.other": {"en": "{count} platform relations",
                                           "fr": "{count} relations entre plateformes"},
    "sources.count.figures.one": {"en": "{count} figure", "fr": "{count} chiffre"},
    "sources.count.figures.other": {"en": "{count} figures", "fr": "{count} chiffres"},

    "sources.col.key": {"en": "Key", "fr": "Clé"},
    "sources.col.citation": {"en": "Citation", "fr": "Citation"},
    "sources.col.year": {"en": "Year", "fr": "Année"},
    "sources.col.kind": {"en": "Kind", "fr": "Type"},
    "sources.col.link": {"en": "Link", "fr": "Lien"},
    "sources.col.rows": {"en": "Rows citing it", "fr": "Lignes qui la citent"},
    "sources.col.cited_in": {"en": "Cited in", "fr": "Citée dans"},
    "sources.col.note": {"en": "Note", "fr": "Note"},
    "sources.col.where": {"en": "Where", "fr": "Où"},
    "sources.col.table": {"en": "Table", "fr": "Table"},
    "sources.col.row": {"en": "Row", "fr": "Ligne"},
    "sources.col.what": {"en": "What", "fr": "Contenu"},
    "sources.col.certainty": {"en": "Certainty", "fr": "Certitude"},
}
