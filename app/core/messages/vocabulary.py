"""Messages: how each value of the controlled vocabularies (app/core/vocab.py) reads on screen.

Keys: `vocab.<kind>.<value>` for the label, `vocab.<kind>_meaning.<value>` for its meaning
(kinds: actor_type, relation, function, subfunction, data_type, certainty, source_kind,
offer_type, platform_relation, figure_kind, qualifier, paid, scope). Relations read as the verb of the
sentence "from RELATION to". The English meanings repeat `core.vocab`, which documents the data.
Use `app.core.i18n.vocab_label(kind, value, lang)`.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # Actor types.
    "vocab.actor_type.client": {"en": "Client", "fr": "Client"},
    "vocab.actor_type.ai_company": {"en": "AI company", "fr": "Entreprise d'IA"},
    "vocab.actor_type.platform": {"en": "Platform", "fr": "Plateforme"},
    "vocab.actor_type.vendor": {"en": "Vendor", "fr": "Prestataire"},
    "vocab.actor_type.subcontractor": {"en": "Subcontractor", "fr": "Sous-traitant"},
    "vocab.actor_type.supervisor": {"en": "Supervisor", "fr": "Superviseur"},
    "vocab.actor_type.worker_pool": {"en": "Workers", "fr": "Travailleurs"},
    "vocab.actor_type.end_user": {"en": "End users", "fr": "Utilisateurs finaux"},
    "vocab.actor_type_meaning.client": {
        "en": "Buys or deploys the AI product (e.g. a supermarket, a canteen operator).",
        "fr": "Achète ou déploie le produit d'IA (par exemple un supermarché, un gestionnaire "
              "de cantines)."},
    "vocab.actor_type_meaning.ai_company": {
        "en": "Makes and sells the AI product; often the lead firm of the chain.",
        "fr": "Conçoit et vend le produit d'IA ; souvent l'entreprise pilote de la chaîne."},
    "vocab.actor_type_meaning.platform": {
        "en": "Online platform or service that distributes tasks to workers.",
        "fr": "Plateforme ou service en ligne qui distribue des tâches aux travailleurs."},
    "vocab.actor_type_meaning.vendor": {
        "en": "Company selling data services (annotation, moderation) to AI companies.",
        "fr": "Entreprise qui vend des services de données (annotation, modération) aux "
              "entreprises d'IA."},
    "vocab.actor_type_meaning.subcontractor": {
        "en": "Firm or informal operation that takes on work from another intermediary.",
        "fr": "Entreprise ou structure informelle qui reprend du travail d'un autre "
              "intermédiaire."},
    "vocab.actor_type_meaning.supervisor": {
        "en": "Organisation that manages or checks workers on behalf of another.",
        "fr": "Organisation qui encadre ou contrôle des travailleurs pour le compte d'une autre."},
    "vocab.actor_type_meaning.worker_pool": {
        "en": "The people doing the data work, as a group (never one identifiable person).",
        "fr": "Les personnes qui font le travail des données, en tant que groupe (jamais une "
              "personne identifiable)."},
    "vocab.actor_type_meaning.end_user": {
        "en": "People who use the product or are captured by it; their inputs are data too.",
        "fr": "Les personnes qui utilisent le produit ou sont captées par lui ; ce qu'elles "
              "fournissent est aussi de la donnée."},

    # Relations: the verb of "from RELATION to".
    "vocab.relation.outsources_to": {"en": "outsources to", "fr": "sous-traite à"},
    "vocab.relation.sells_to": {"en": "sells to", "fr": "vend à"},
    "vocab.relation.recruits": {"en": "recruits", "fr": "recrute"},
    "vocab.relation.supervises": {"en": "supervises", "fr": "supervise"},
    "vocab.relation.operates": {"en": "operates", "fr": "exploite"},
    "vocab.relation.supplies_data": {"en": "supplies data to", "fr": "fournit des données à"},
    # The same verbs after a group of people (worker pools, end users).
    "vocab.relation_plural.outsources_to": {"en": "outsource to", "fr": "sous-traitent à"},
    "vocab.relation_plural.sells_to": {"en": "sell to", "fr": "vendent à"},
    "vocab.relation_plural.recruits": {"en": "recruit", "fr": "recrutent"},
    "vocab.relation_plural.supervises": {"en": "supervise", "fr": "supervisent"},
    "vocab.relation_plural.operates": {"en": "operate", "fr": "exploitent"},
    "vocab.relation_plural.supplies_data": {"en": "supply data to",
                                            "fr": "fournissent des données à"},
    "vocab.relation_meaning.outsources_to": {
        "en": "commissions work from the other actor",
        "fr": "commande du travail à l'autre acteur"},
    "vocab.relation_meaning.sells_to": {
        "en": "sells the AI product or a service to the other actor",
        "fr": "vend le produit d'IA ou un service à l'autre acteur"},
    "vocab.relation_meaning.recruits": {
        "en": "recruits the other actor (usually a worker pool) to do tasks",
        "fr": "recrute l'autre acteur (le plus souvent un groupe de travailleurs) pour "
              "effectuer des tâches"},
    "vocab.relation_meaning.supervises": {
        "en": "manages or checks the work of the other actor",
        "fr": "encadre ou contrôle le travail de l'autre acteur"},
    "vocab.relation_meaning.operates": {
        "en": "owns or runs the other actor (e.g. a firm and its own platform)",
        "fr": "possède ou gère l'autre acteur (par exemple une entreprise et sa propre "
              "plateforme)"},
    "vocab.relation_meaning.supplies_data": {
        "en": "provides data, paid or unpaid, to the other actor",
        "fr": "fournit des données, contre rémunération ou non, à l'autre acteur"},

    # Functions of data work (Tubaro, Casilli & Coville 2020).
    "vocab.function.preparation": {"en": "Preparation", "fr": "Préparation"},
    "vocab.function.verification": {"en": "Verification", "fr": "Vérification"},
    "vocab.function.impersonation": {"en": "Impersonation", "fr": "Imitation"},
    "vocab.function_meaning.preparation": {
        "en": "Generating and annotating the data that a model is trained on.",
        "fr": "Produire et annoter les données sur lesquelles un modèle est entraîné."},
    "vocab.function_meaning.verification": {
        "en": "Checking, correcting or grading the outputs of an already-trained model.",
        "fr": "Contrôler, corriger ou noter les résultats d'un modèle déjà entraîné."},
    "vocab.function_meaning.impersonation": {
        "en": "Humans doing, in real time, (part of) what the algorithm is said to do.",
        "fr": "Des humains qui font, en temps réel, tout ou partie de ce que l'algorithme est "
              "censé faire."},
    "vocab.subfunction.generation": {"en": "Generation", "fr": "Génération"},
    "vocab.subfunction.annotation": {"en": "Annotation", "fr": "Annotation"},
    "vocab.subfunction_meaning.generation": {
        "en": "Producing new data (photos, recordings, texts) for training.",
        "fr": "Produire de nouvelles données (photos, enregistrements, textes) pour "
              "l'entraînement."},
    "vocab.subfunction_meaning.annotation": {
        "en": "Labelling, tagging, classifying or transcribing existing data.",
        "fr": "Étiqueter, baliser, classer ou transcrire des données existantes."},

    # Kinds of data.
    "vocab.data_type.image": {"en": "Image", "fr": "Image"},
    "vocab.data_type.video": {"en": "Video", "fr": "Vidéo"},
    "vocab.data_type.audio": {"en": "Audio", "fr": "Audio"},
    "vocab.data_type.text": {"en": "Text", "fr": "Texte"},
    "vocab.data_type.other": {"en": "Other", "fr": "Autre"},
    "vocab.data_type_meaning.image": {"en": "Still images and photographs.",
                                      "fr": "Images fixes et photographies."},
    "vocab.data_type_meaning.video": {"en": "Video footage, live or recorded.",
                                      "fr": "Séquences vidéo, en direct ou enregistrées."},
    "vocab.data_type_meaning.audio": {"en": "Speech and other sound recordings.",
                                      "fr": "Parole et autres enregistrements sonores."},
    "vocab.data_type_meaning.text": {"en": "Written text, transcripts, metadata.",
                                     "fr": "Textes écrits, transcriptions, métadonnées."},
    "vocab.data_type_meaning.other": {
        "en": "Any other kind of data (sensor, tabular, mixed).",
        "fr": "Tout autre type de données (capteurs, tableaux, mixtes)."},

    # Certainty of a row.
    "vocab.certainty.documented": {"en": "Documented", "fr": "Documenté"},
    "vocab.certainty.reported": {"en": "Reported", "fr": "Rapporté"},
    "vocab.certainty.inferred": {"en": "Inferred", "fr": "Déduit"},
    "vocab.certainty_meaning.documented": {
        "en": "Stated by a primary research source (the researchers' own fieldwork or texts).",
        "fr": "Établi par une source de recherche primaire (terrain ou textes des chercheurs "
              "eux-mêmes)."},
    "vocab.certainty_meaning.reported": {
        "en": "Stated by a single secondary source (press, summary, translation).",
        "fr": "Rapporté par une seule source secondaire (presse, résumé, traduction)."},
    "vocab.certainty_meaning.inferred": {
        "en": "Not stated by any source; a reasonable reading, shown as uncertain.",
        "fr": "Affirmé par aucune source ; une lecture raisonnable, présentée comme incertaine."},

    # Kinds of source.
    "vocab.source_kind.article": {"en": "Article", "fr": "Article"},
    "vocab.source_kind.chapter": {"en": "Chapter", "fr": "Chapitre"},
    "vocab.source_kind.talk": {"en": "Talk", "fr": "Communication"},
    "vocab.source_kind.blog": {"en": "Blog post", "fr": "Billet de blog"},
    "vocab.source_kind.report": {"en": "Report", "fr": "Rapport"},
    "vocab.source_kind.press": {"en": "Press", "fr": "Presse"},
    "vocab.source_kind_meaning.article": {
        "en": "Peer-reviewed journal article or working paper.",
        "fr": "Article de revue à comité de lecture ou document de travail."},
    "vocab.source_kind_meaning.chapter": {"en": "Book chapter.", "fr": "Chapitre d'ouvrage."},
    "vocab.source_kind_meaning.talk": {"en": "Conference talk or its abstract.",
                                       "fr": "Communication à un colloque ou son résumé."},
    "vocab.source_kind_meaning.blog": {"en": "Research blog post.",
                                       "fr": "Billet de blog de recherche."},
    "vocab.source_kind_meaning.report": {"en": "Research report.", "fr": "Rapport de recherche."},
    "vocab.source_kind_meaning.press": {"en": "Newspaper, magazine or press summary.",
                                        "fr": "Journal, magazine ou revue de presse."},

    # Platform offers (reference tables).
    "vocab.offer_type.generalist": {"en": "Generalist", "fr": "Généraliste"},
    "vocab.offer_type.generalist_ai": {"en": "Generalist with an AI offer",
                                       "fr": "Généraliste avec une offre pour l'IA"},
    "vocab.offer_type.specialized_ai": {"en": "Specialised in AI", "fr": "Spécialisée dans l'IA"},
    "vocab.offer_type_meaning.generalist": {"en": "Generalist micro-work platform.",
                                            "fr": "Plateforme de micro-travail généraliste."},
    "vocab.offer_type_meaning.generalist_ai": {
        "en": "Generalist platform with a specific offer for AI.",
        "fr": "Plateforme généraliste avec une offre spécifique pour l'IA."},
    "vocab.offer_type_meaning.specialized_ai": {
        "en": "Platform specialised in data services for AI.",
        "fr": "Plateforme spécialisée dans les services de données pour l'IA."},

    # Relations between platforms: the verb of "from RELATION to".
    "vocab.platform_relation.gives_access_to": {"en": "gives access to", "fr": "donne accès à"},
    "vocab.platform_relation.owns": {"en": "owns", "fr": "possède"},
    "vocab.platform_relation.runs_worker_platform": {
        "en": "runs the worker platform", "fr": "gère la plateforme des travailleurs"},
    "vocab.platform_relation.became_part_of": {"en": "became part of",
                                               "fr": "a été intégrée à"},
    "vocab.platform_relation_meaning.gives_access_to": {
        "en": "its workers can take tasks of the other platform",
        "fr": "ses travailleurs peuvent prendre des tâches de l'autre plateforme"},
    "vocab.platform_relation_meaning.owns": {
        "en": "owns the other platform or service",
        "fr": "possède l'autre plateforme ou service"},
    "vocab.platform_relation_meaning.runs_worker_platform": {
        "en": "runs the other platform as its worker-facing side",
        "fr": "gère l'autre plateforme comme son interface côté travailleurs"},
    "vocab.platform_relation_meaning.became_part_of": {
        "en": "was acquired by or merged into the other platform",
        "fr": "a été rachetée par l'autre plateforme ou fusionnée avec elle"},

    # Kinds of key figure.
    "vocab.figure_kind.estimate": {"en": "Estimate", "fr": "Estimation"},
    "vocab.figure_kind.survey": {"en": "Survey", "fr": "Enquête"},
    "vocab.figure_kind.count": {"en": "Count", "fr": "Décompte"},
    "vocab.figure_kind.forecast": {"en": "Forecast", "fr": "Prévision"},
    "vocab.figure_kind.industry": {"en": "Industry", "fr": "Industrie"},
    "vocab.figure_kind.price": {"en": "Price", "fr": "Prix"},
    "vocab.figure_kind.press": {"en": "Press", "fr": "Presse"},
    "vocab.figure_kind_meaning.estimate": {"en": "A researchers' estimate.",
                                           "fr": "Une estimation de chercheurs."},
    "vocab.figure_kind_meaning.survey": {
        "en": "A result of a survey or fieldwork sample.",
        "fr": "Un résultat d'enquête ou d'un échantillon de terrain."},
    "vocab.figure_kind_meaning.count": {
        "en": "A count of items (interviews, platforms, firms).",
        "fr": "Un décompte d'éléments (entretiens, plateformes, entreprises)."},
    "vocab.figure_kind_meaning.forecast": {
        "en": "An industry forecast, not a measurement.",
        "fr": "Une prévision du secteur, pas une mesure."},
    "vocab.figure_kind_meaning.industry": {
        "en": "A figure published by an industry source.",
        "fr": "Un chiffre publié par une source du secteur."},
    "vocab.figure_kind_meaning.price": {"en": "A unit price or pay level.",
                                        "fr": "Un prix unitaire ou un niveau de rémunération."},
    "vocab.figure_kind_meaning.press": {"en": "A figure reported in the press.",
                                        "fr": "Un chiffre rapporté par la presse."},

    # Qualifiers of a figure: the words put before the value ("about 266,126").
    "vocab.qualifier.exact": {"en": "exact", "fr": "exact"},
    "vocab.qualifier.about": {"en": "about", "fr": "environ"},
    "vocab.qualifier.up_to": {"en": "up to", "fr": "jusqu'à"},
    "vocab.qualifier.over": {"en": "over", "fr": "plus de"},
    "vocab.qualifier.below": {"en": "below", "fr": "moins de"},
    "vocab.qualifier_meaning.exact": {"en": "The value as given.", "fr": "La valeur telle quelle."},
    "vocab.qualifier_meaning.about": {"en": "An approximate value.",
                                      "fr": "Une valeur approximative."},
    "vocab.qualifier_meaning.up_to": {"en": "A maximum: the value or less.",
                                      "fr": "Un maximum : la valeur ou moins."},
    "vocab.qualifier_meaning.over": {"en": "A minimum: more than the value.",
                                     "fr": "Un minimum : plus que la valeur."},
    "vocab.qualifier_meaning.below": {"en": "Less than the value.",
                                      "fr": "Moins que la valeur."},

    # Paid or unpaid work (the `paid` column: true/false).
    "vocab.paid.true": {"en": "paid", "fr": "payé"},
    "vocab.paid.false": {"en": "unpaid", "fr": "non payé"},
    "vocab.paid_meaning.true": {"en": "Work that is paid.", "fr": "Travail rémunéré."},
    "vocab.paid_meaning.false": {
        "en": "Work that is not paid (end users' inputs are data labour too).",
        "fr": "Travail non rémunéré (ce que fournissent les utilisateurs finaux est aussi du "
              "travail des données)."},

    # Scopes of a case (the package's `scope`).
    "vocab.scope.product": {"en": "Product chain", "fr": "Chaîne d'un produit"},
    "vocab.scope.sector": {"en": "Sector map", "fr": "Carte d'un secteur"},
    "vocab.scope_meaning.product": {
        "en": "The chain behind one AI product or firm: its actors worked together on it.",
        "fr": "La chaîne derrière un produit ou une entreprise d'IA : ses acteurs y ont "
              "travaillé ensemble."},
    "vocab.scope_meaning.sector": {
        "en": "A map of a whole sector: firms that may never deal with each other, linked by "
              "what the sources say of the sector; not one company's supply chain.",
        "fr": "La carte de tout un secteur : des entreprises qui peuvent ne jamais traiter "
              "entre elles, reliées par ce que les sources disent du secteur ; pas la chaîne "
              "d'approvisionnement d'une entreprise."},
}
