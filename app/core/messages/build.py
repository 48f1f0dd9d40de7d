"""Messages: build — the page where a case is built in the browser, and the meaning of every
column of the four tables as the page explains them.

French follows French typography: « », a non-breaking space (\\u00a0) before « : », « ; »,
« ? » and « ! ». Fields in `{braces}` are filled by `translate()`.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "page.build": {"en": "Build a case", "fr": "Construire un cas"},
    "build.intro": {
        "en": "Build a chain you have studied, as four tables: the **actors**, the **links** "
              "between them, the **tasks** of data work and the **sources** that state them. "
              "Every change is checked at once by the same validator as the bundled cases and "
              "uploads, and what is valid so far is drawn below. When it is valid, download it "
              "as a data package and show it on every page of this dashboard.",
        "fr": "Construisez une chaîne que vous avez étudiée, sous forme de quatre tables\u00a0: "
              "les **acteurs**, les **liens** entre eux, les **tâches** du travail des données "
              "et les **sources** qui les établissent. Chaque modification est vérifiée "
              "aussitôt par le même validateur que les cas fournis et les dépôts, et ce qui est "
              "déjà valide est dessiné plus bas. Une fois le cas valide, téléchargez-le comme "
              "paquet de données et montrez-le sur toutes les pages du tableau de bord."},
    "build.kept_note": {
        "en": "Your work is kept **in this browser tab only**, while you move between pages. "
              "Nothing is written on the server, and it is lost when the tab closes: download "
              "the case (valid or not) to keep it.",
        "fr": "Votre travail est conservé **dans cet onglet du navigateur seulement**, pendant "
              "que vous passez d'une page à l'autre. Rien n'est écrit sur le serveur, et il "
              "est perdu à la fermeture de l'onglet\u00a0: téléchargez le cas (valide ou non) "
              "pour le garder."},
    "build.start_label": {"en": "Start from", "fr": "Partir de"},
    "build.start.empty": {"en": "An empty case", "fr": "Un cas vide"},
    "build.start.template": {"en": "The template (two example rows per table)",
                             "fr": "Le modèle (deux lignes d'exemple par table)"},
    "build.start.copy": {"en": "A copy of: {title}", "fr": "Une copie de\u00a0: {title}"},
    "build.start_button": {"en": "Start again from this", "fr": "Recommencer à partir de là"},
    "build.start_help": {
        "en": "Replaces the case in progress with the choice on the left. Download it first "
              "to keep it.",
        "fr": "Remplace le cas en cours par le choix de gauche. Téléchargez-le d'abord pour "
              "le garder."},

    # The case's metadata.
    "build.meta_heading": {"en": "The case: title, AI product, period, description, licence",
                           "fr": "Le cas\u00a0: titre, produit d'IA, période, description, licence"},
    "build.meta.title": {"en": "Title", "fr": "Titre"},
    "build.copy_title": {"en": "Copy of {title}", "fr": "Copie de {title}"},
    "build.meta.title_help": {
        "en": "What the case is called, e.g. “A voice assistant's verification chain”. It "
              "also gives the case its id.",
        "fr": "Le nom du cas, par exemple «\u00a0La chaîne de vérification d'un assistant vocal\u00a0». "
              "Il donne aussi son identifiant au cas."},
    "build.meta.product": {"en": "AI product", "fr": "Produit d'IA"},
    "build.meta.product_help": {
        "en": "The AI product the chain is behind, e.g. “Smart speaker with a voice "
              "assistant”.",
        "fr": "Le produit d'IA derrière la chaîne, par exemple «\u00a0Enceinte connectée avec "
              "assistant vocal\u00a0»."},
    "build.meta.period": {"en": "Period", "fr": "Période"},
    "build.meta.period_help": {"en": "When the chain was observed, e.g. 2019-2022.",
                               "fr": "Quand la chaîne a été observée, par exemple 2019-2022."},
    "build.meta.description": {"en": "Description", "fr": "Description"},
    "build.meta.description_help": {
        "en": "The chain in a sentence or two: who sells what, and who does the data work "
              "where.",
        "fr": "La chaîne en une ou deux phrases\u00a0: qui vend quoi, et qui fait le travail "
              "des données, où."},
    "build.meta.licence": {"en": "Licence", "fr": "Licence"},
    "build.meta.licence_help": {
        "en": "The open licence under which you will publish the data (CC-BY-4.0 is the "
              "dashboard's own).",
        "fr": "La licence ouverte sous laquelle vous publierez les données (CC-BY-4.0 est celle "
              "du tableau de bord)."},

    # The tables.
    "build.tables_heading": {"en": "Its tables", "fr": "Ses tables"},
    "build.table_label": {"en": "Table", "fr": "Table"},
    "build.rows.one": {"en": "{count} row", "fr": "{count} ligne"},
    "build.rows.other": {"en": "{count} rows", "fr": "{count} lignes"},
    "build.tab.actors": {"en": "Actors", "fr": "Acteurs"},
    "build.tab.links": {"en": "Links", "fr": "Liens"},
    "build.tab.tasks": {"en": "Tasks", "fr": "Tâches"},
    "build.tab.sources": {"en": "Sources", "fr": "Sources"},
    "build.table_help.actors": {
        "en": "One row per organisation or group of people in the chain.",
        "fr": "Une ligne par organisation ou groupe de personnes de la chaîne."},
    "build.grid_howto": {
        "en": "Add a row with the + above the table's top right corner; click a cell, then "
              "type or choose and press Enter. Columns marked * must be filled; hover a "
              "column's name for what it means. To delete rows, tick them on the left and use "
              "the bin above the table.",
        "fr": "Ajoutez une ligne avec le + au-dessus du coin supérieur droit de la table\u00a0; "
              "cliquez sur une case, puis écrivez ou choisissez et appuyez sur Entrée. Les "
              "colonnes marquées * sont obligatoires\u00a0; survolez le nom d'une colonne pour "
              "savoir ce qu'elle veut dire. Pour supprimer des lignes, cochez-les à gauche et "
              "utilisez la corbeille au-dessus de la table."},
    "build.table_help.links": {
        "en": "One row per link, read as a sentence: from_actor RELATION to_actor (e.g. the "
              "firm “outsources to” the platform). Actors are chosen among the actors table.",
        "fr": "Une ligne par lien, qui se lit comme une phrase\u00a0: from_actor RELATION "
              "to_actor (par exemple l'entreprise «\u00a0sous-traite à\u00a0» la plateforme). Les acteurs "
              "se choisissent parmi ceux de la table des acteurs."},
    "build.table_help.tasks": {
        "en": "One row per kind of data work: who does it, under which link, and which "
              "function it serves (preparation, verification or impersonation).",
        "fr": "Une ligne par sorte de travail des données\u00a0: qui le fait, dans quel lien, "
              "et à quelle fonction il sert (préparation, vérification ou imitation)."},
    "build.table_help.sources": {
        "en": "Start here: one row per text cited. Every other row names its sources by their "
              "key (source_id, e.g. S1), chosen from this table.",
        "fr": "Commencez ici\u00a0: une ligne par texte cité. Toutes les autres lignes nomment "
              "leurs sources par leur clé (source_id, par exemple S1), choisie dans cette "
              "table."},
    "build.required_label": {"en": "{column} *", "fr": "{column} *"},
    "build.required_help": {"en": "Required. {help}", "fr": "Obligatoire. {help}"},

    # What each column means (the grids' tooltips and the data dictionary on the page).
    "build.help.actors.actor_id": {
        "en": "Short key of the actor, used by links and tasks: lowercase letters, digits, - "
              "and _, e.g. lead-firm.",
        "fr": "Clé courte de l'acteur, utilisée par les liens et les tâches\u00a0: minuscules, "
              "chiffres, - et _, par exemple lead-firm."},
    "build.help.actors.name": {
        "en": "Name, or a generic label where the source anonymises the actor (e.g. “AI "
              "company (anonymised)”).",
        "fr": "Nom, ou une étiquette générique quand la source anonymise l'acteur (par exemple "
              "«\u00a0Entreprise d'IA (anonymisée)\u00a0»)."},
    "build.help.actors.actor_type": {"en": "The actor's role in the chain.",
                                     "fr": "Le rôle de l'acteur dans la chaîne."},
    "build.help.actors.country": {
        "en": "Where the actor is; leave it empty when no source says.",
        "fr": "Où se trouve l'acteur\u00a0; laissez vide si aucune source ne le dit."},
    "build.help.actors.country_source_ids": {
        "en": "The sources, among those the row cites, that give the country; filled exactly "
              "when the country is.",
        "fr": "Les sources, parmi celles que cite la ligne, qui donnent le pays\u00a0; "
              "rempli exactement quand le pays l'est."},
    "build.help.actors.workers": {
        "en": "Headcount of a group of workers, where a source gives it, e.g. 120.",
        "fr": "Effectif d'un groupe de travailleurs, quand une source le donne, par exemple "
              "120."},
    "build.help.actors.anonymised": {
        "en": "Ticked when the source withholds the actor's name.",
        "fr": "Coché quand la source ne donne pas le nom de l'acteur."},
    "build.help.actors.description": {
        "en": "What the actor does in this chain. Needed for an inferred actor: say what is "
              "inferred.",
        "fr": "Ce que fait l'acteur dans cette chaîne. Obligatoire pour un acteur déduit\u00a0: "
              "dites ce qui est déduit."},
    "build.help.actors.source_ids": {
        "en": "The sources that state this row (their source_id).",
        "fr": "Les sources qui établissent cette ligne (leur source_id)."},
    "build.help.actors.certainty": {
        "en": "How sure the row is: documented (a primary source says it), reported (a "
              "secondary source says it) or inferred (no source says it).",
        "fr": "Le degré de certitude de la ligne\u00a0: documenté (une source primaire le dit), "
              "rapporté (une source secondaire le dit) ou déduit (aucune source ne le dit)."},
    "build.help.actors.name_fr": {"en": "The name in French (optional).",
                                  "fr": "Le nom en français (facultatif)."},
    "build.help.actors.description_fr": {"en": "The description in French (optional).",
                                         "fr": "La description en français (facultative)."},
    "build.help.links.link_id": {
        "en": "Short key of the link, used by tasks, e.g. l1.",
        "fr": "Clé courte du lien, utilisée par les tâches, par exemple l1."},
    "build.help.links.from_actor": {"en": "The actor the sentence starts with.",
                                    "fr": "L'acteur par lequel la phrase commence."},
    "build.help.links.to_actor": {"en": "The actor the sentence ends with.",
                                  "fr": "L'acteur par lequel la phrase se termine."},
    "build.help.links.relation": {"en": "What the first actor does to the second.",
                                  "fr": "Ce que le premier acteur fait au second."},
    "build.help.links.description": {
        "en": "The link in the source's words, paraphrased.",
        "fr": "Le lien dans les mots de la source, paraphrasés."},
    "build.help.links.source_ids": {"en": "The sources that state this link.",
                                    "fr": "Les sources qui établissent ce lien."},
    "build.help.links.certainty": {
        "en": "How sure the link is (documented, reported or inferred); a link of an inferred "
              "actor is inferred too.",
        "fr": "Le degré de certitude du lien (documenté, rapporté ou déduit)\u00a0; le lien "
              "d'un acteur déduit est déduit lui aussi."},
    "build.help.links.description_fr": {"en": "The description in French (optional).",
                                        "fr": "La description en français (facultative)."},
    "build.help.tasks.task_id": {"en": "Short key of the task, e.g. t1.",
                                 "fr": "Clé courte de la tâche, par exemple t1."},
    "build.help.tasks.actor_id": {"en": "The actor who does the task.",
                                  "fr": "L'acteur qui fait la tâche."},
    "build.help.tasks.link_id": {"en": "The link (the commission) the task is done under "
                                       "(optional).",
                                 "fr": "Le lien (la commande) dans lequel la tâche est faite "
                                       "(facultatif)."},
    "build.help.tasks.task": {"en": "The task in a few words, e.g. “Draw boxes around "
                                    "products”.",
                              "fr": "La tâche en quelques mots, par exemple «\u00a0Encadrer les "
                                    "produits\u00a0»."},
    "build.help.tasks.function": {
        "en": "Which function of data work it serves: preparation (making training data), "
              "verification (checking a model's outputs) or impersonation (doing the "
              "algorithm's job by hand).",
        "fr": "La fonction du travail des données qu'elle sert\u00a0: préparation (produire "
              "les données d'entraînement), vérification (contrôler les sorties d'un modèle) "
              "ou imitation (faire à la main le travail de l'algorithme)."},
    "build.help.tasks.subfunction": {
        "en": "For preparation only: generation or annotation; empty otherwise.",
        "fr": "Pour la préparation seulement\u00a0: génération ou annotation\u00a0; vide "
              "sinon."},
    "build.help.tasks.data_type": {"en": "The kind of data worked on.",
                                   "fr": "La sorte de données travaillées."},
    "build.help.tasks.paid": {
        "en": "Ticked for paid work; unticked for unpaid work (e.g. end users' inputs).",
        "fr": "Coché pour un travail payé, décoché pour un travail non payé (par exemple ce "
              "que fournissent les utilisateurs)."},
    "build.help.tasks.description": {
        "en": "The task in more detail, with any doubt stated.",
        "fr": "La tâche plus en détail, avec les doutes éventuels."},
    "build.help.tasks.source_ids": {"en": "The sources that state this task.",
                                    "fr": "Les sources qui établissent cette tâche."},
    "build.help.tasks.certainty": {
        "en": "How sure the task is (documented, reported or inferred).",
        "fr": "Le degré de certitude de la tâche (documenté, rapporté ou déduit)."},
    "build.help.tasks.phase": {
        "en": "The phase of the case the task belongs to; leave empty (only copied cases "
              "with phases use it).",
        "fr": "La phase du cas à laquelle appartient la tâche\u00a0; laissez vide (seuls les "
              "cas copiés qui ont des phases l'utilisent)."},
    "build.help.tasks.task_fr": {"en": "The task in French (optional).",
                                 "fr": "La tâche en français (facultatif)."},
    "build.help.tasks.description_fr": {"en": "The description in French (optional).",
                                        "fr": "La description en français (facultative)."},
    "build.help.sources.source_id": {
        "en": "Short key of the source, cited by the other tables, e.g. S1.",
        "fr": "Clé courte de la source, citée par les autres tables, par exemple S1."},
    "build.help.sources.citation": {
        "en": "Full citation, in the source's own language, e.g. “Author, A. (2024). Title. "
              "Journal 1(1).”.",
        "fr": "Citation complète, dans la langue de la source, par exemple «\u00a0Autrice, A. "
              "(2024). Titre. Revue 1(1).\u00a0»."},
    "build.help.sources.year": {"en": "Year of publication, e.g. 2024.",
                                "fr": "Année de publication, par exemple 2024."},
    "build.help.sources.url": {
        "en": "Where to read it: a DOI link or a web address starting with https:// "
              "(optional).",
        "fr": "Où la lire\u00a0: un lien DOI ou une adresse web commençant par https:// "
              "(facultatif)."},
    "build.help.sources.kind": {"en": "What sort of text it is.",
                                "fr": "La sorte de texte dont il s'agit."},
    "build.help.sources.primary": {
        "en": "Ticked for your own research (fieldwork, your texts): a documented row must "
              "cite at least one primary source.",
        "fr": "Coché pour vos propres recherches (terrain, vos textes)\u00a0: une ligne "
              "documentée doit citer au moins une source primaire."},
    "build.help.sources.note": {
        "en": "What the source covers, and how far it can be trusted.",
        "fr": "Ce que couvre la source, et jusqu'où s'y fier."},

    # Checks, figure, actions.
    "build.checks_heading": {"en": "Checks", "fr": "Vérifications"},
    "build.valid": {"en": "Valid: ready to download and to show on every page.",
                    "fr": "Valide\u00a0: prêt à télécharger et à montrer sur toutes les pages."},
    "build.problems_summary": {"en": "{problems} to fix:",
                               "fr": "{problems} à corriger\u00a0:"},
    "build.column.row": {"en": "Row", "fr": "Ligne"},
    "build.figure_heading": {"en": "The chain so far", "fr": "La chaîne jusqu'ici"},
    "build.figure_empty": {
        "en": "Nothing to draw yet: the chain appears here as soon as an actor row is valid "
              "(with a source of the sources table).",
        "fr": "Rien à dessiner pour l'instant\u00a0: la chaîne apparaît ici dès qu'une ligne "
              "d'acteur est valide (avec une source de la table des sources)."},
    "build.figure_caption": {"en": "Drawn from the rows valid so far: {actors}, {links}.",
                             "fr": "Dessinée à partir des lignes déjà valides\u00a0: {actors}, "
                                   "{links}."},
    "build.actions_heading": {"en": "Take it away, show it everywhere",
                              "fr": "L'emporter, le montrer partout"},
    "build.download": {"en": "Download the case (zip)", "fr": "Télécharger le cas (zip)"},
    "build.download_note": {
        "en": "A case folder (datapackage.json and four CSV files) that passes `python -m "
              "app.core.validate` and `frictionless validate`: ready to publish, or to upload "
              "again later.",
        "fr": "Un dossier de cas (datapackage.json et quatre fichiers CSV) qui passe `python "
              "-m app.core.validate` et `frictionless validate`\u00a0: prêt à publier, ou à "
              "déposer de nouveau plus tard."},
    "build.download_note_invalid": {
        "en": "Not valid yet ({problems}): the download keeps your work; upload it on the "
              "“Add your own case” page later to carry on.",
        "fr": "Pas encore valide ({problems})\u00a0: le téléchargement garde votre travail\u00a0; "
              "déposez-le plus tard sur la page «\u00a0Ajouter votre propre cas\u00a0» pour continuer."},
    "build.show": {"en": "Show it on every page", "fr": "Le montrer sur toutes les pages"},
    "build.update": {"en": "Update it on every page",
                     "fr": "Le mettre à jour sur toutes les pages"},
    "build.show_note": {
        "en": "For this browser session only, as an uploaded case is.",
        "fr": "Pour cette session du navigateur seulement, comme un cas déposé."},
    "build.show_needs_actor": {"en": "Add at least one valid actor first.",
                               "fr": "Ajoutez d'abord au moins un acteur valide."},
    "build.show_needs_valid": {"en": "Possible once every problem is fixed.",
                               "fr": "Possible une fois tous les problèmes corrigés."},
    "build.changed_since_shown": {
        "en": "Changed since it was shown: the other pages still show the earlier version.",
        "fr": "Modifié depuis qu'il est montré\u00a0: les autres pages montrent encore la "
              "version précédente."},

    # The data dictionary.
    "build.dictionary": {"en": "Data dictionary: what each column means",
                         "fr": "Dictionnaire des données\u00a0: ce que veut dire chaque colonne"},
    "build.dictionary_intro": {
        "en": "Keys (`actor_id`, `link_id`, `task_id`) are short lowercase words; every row "
              "cites its sources by their `source_id` and says how sure it is. The examples "
              "come from the template.",
        "fr": "Les clés (`actor_id`, `link_id`, `task_id`) sont des mots courts en "
              "minuscules\u00a0; chaque ligne cite ses sources par leur `source_id` et dit son "
              "degré de certitude. Les exemples viennent du modèle."},
    "build.dict.column": {"en": "Column", "fr": "Colonne"},
    "build.dict.required": {"en": "Required", "fr": "Obligatoire"},
    "build.dict.yes": {"en": "yes", "fr": "oui"},
    "build.dict.no": {"en": "no", "fr": "non"},
    "build.dict.meaning": {"en": "Meaning", "fr": "Signification"},
    "build.dict.allowed": {"en": "Allowed values", "fr": "Valeurs permises"},
    "build.dict.example": {"en": "Example", "fr": "Exemple"},
}
