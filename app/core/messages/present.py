"""Messages: presenting — the steps of the presented flows, functions and comparison
(app/core/slides.py), the clicker's keys, and talks that line up several views
(app/core/talk.py).

French follows French typography: « », a non-breaking space before « : », « ; », « ? »
and « ! ».
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The clicker: keys with no button of their own, and the blank screen.
    "present.first": {"en": "First step", "fr": "Première étape"},
    "present.last": {"en": "Last step", "fr": "Dernière étape"},
    "present.blank": {"en": "Blank the screen", "fr": "Écran noir"},
    # The "Present" button of the flows, functions and compare pages.
    "present.open.flows": {"en": "Present these flows step by step",
                           "fr": "Présenter ces flux pas à pas"},
    "present.open.functions": {"en": "Present these functions step by step",
                               "fr": "Présenter ces fonctions pas à pas"},
    "present.open.compare": {"en": "Present this comparison step by step",
                             "fr": "Présenter cette comparaison pas à pas"},
    "present.no_steps": {"en": "Nothing to present in this view.",
                         "fr": "Rien à présenter dans cette vue."},
    "present.sources": {"en": "Sources: {sources}", "fr": "Sources\u00a0: {sources}"},
    "present.more_sources.one": {"en": "and {n} more source", "fr": "et {n} autre source"},
    "present.more_sources.other": {"en": "and {n} more sources", "fr": "et {n} autres sources"},

    # Country flows, step by step.
    "slides.flows.pair_heading": {"en": "{origin} → {destination}",
                                  "fr": "{origin} → {destination}"},
    "slides.flows.pair": {"en": "{links} from {origin} to {destination}: {relations}.",
                          "fr": "{links}\u00a0: {origin} → {destination} ({relations})."},
    "slides.flows.pair_functions": {"en": "The work: {functions}.",
                                    "fr": "Le travail\u00a0: {functions}."},
    "slides.flows.whole_heading": {"en": "The whole map", "fr": "La carte entière"},
    "slides.flows.whole": {
        "en": "In all: {links} between {countries}; {pairs} across a border.",
        "fr": "En tout\u00a0: {links} entre {countries}\u00a0; {pairs} de part et d'autre "
              "d'une frontière."},
    "slides.flows.n_pairs.one": {"en": "{n} country pair", "fr": "{n} paire de pays"},
    "slides.flows.n_pairs.other": {"en": "{n} country pairs", "fr": "{n} paires de pays"},
    "slides.flows.more_pairs.one": {
        "en": "{n} more pair is on the map without a step of its own.",
        "fr": "{n} autre paire figure sur la carte sans étape à elle."},
    "slides.flows.more_pairs.other": {
        "en": "{n} more pairs are on the map without a step of their own.",
        "fr": "{n} autres paires figurent sur la carte sans étape à elles."},

    # Task functions, step by step.
    "slides.n_tasks.one": {"en": "{n} task", "fr": "{n} tâche"},
    "slides.n_tasks.other": {"en": "{n} tasks", "fr": "{n} tâches"},
    "slides.functions.whole_heading": {"en": "Three functions of the data work",
                                       "fr": "Trois fonctions du travail des données"},
    "slides.functions.whole": {"en": "{tasks} in these cases: {counts}.",
                               "fr": "{tasks} dans ces cas\u00a0: {counts}."},
    "slides.functions.count": {"en": "{tasks} of {function}", "fr": "{tasks} {function}"},
    "slides.quoted": {"en": "“{text}”", "fr": "«\u00a0{text}\u00a0»"},
    "slides.functions.function": {"en": "{function}: {tasks}, for instance {examples}.",
                                  "fr": "{function}\u00a0: {tasks}, par exemple {examples}."},
    "slides.functions.countries": {"en": "Done in {countries}.",
                                   "fr": "Pays où elles sont faites\u00a0: {countries}."},

    # The comparison, one measure per step.
    "slides.compare.value": {"en": "{case}: {value}", "fr": "{case}\u00a0: {value}"},
    "slides.compare.values_separator": {"en": "; ", "fr": "\u00a0; "},
    "slides.compare.case_sources.one": {"en": "{case}: {n} source",
                                        "fr": "{case}\u00a0: {n} source"},
    "slides.compare.case_sources.other": {"en": "{case}: {n} sources",
                                          "fr": "{case}\u00a0: {n} sources"},

    # A talk: several views in a row, ending on the audience step.
    "talk.part": {"en": "Part {number} of {total}: {view}",
                  "fr": "Partie {number} sur {total}\u00a0: {view}"},
    "talk.view.chain": {"en": "Chain: {cases}", "fr": "Chaîne\u00a0: {cases}"},
    "talk.view.flows": {"en": "Country flows: {cases}", "fr": "Flux entre pays\u00a0: {cases}"},
    "talk.view.functions": {"en": "Task functions: {cases}",
                            "fr": "Fonctions des tâches\u00a0: {cases}"},
    "talk.view.compare": {"en": "Comparison: {cases}", "fr": "Comparaison\u00a0: {cases}"},
    "talk.all_cases": {"en": "all cases", "fr": "tous les cas"},
    "talk.audience.heading": {"en": "This talk on your phone",
                              "fr": "Cette présentation sur votre téléphone"},
    "talk.audience.caption": {
        "en": "Scan the code or type the address: every step of the talk, with its sources.",
        "fr": "Scannez le code ou tapez l'adresse\u00a0: chaque étape de la présentation, "
              "avec ses sources."},
    "talk.qr_alt": {"en": "QR code of this talk", "fr": "Code QR de cette présentation"},
    "talk.nothing": {
        "en": "This link names no view to present. A talk lists views in order, for example "
              "talk=chain:voice-assistant,flows:voice-assistant,compare",
        "fr": "Ce lien ne nomme aucune vue à présenter. Une présentation liste des vues dans "
              "l'ordre, par exemple talk=chain:voice-assistant,flows:voice-assistant,compare"},
    "talk.reason.view": {
        "en": "a talk's views are chain, flows, functions and compare.",
        "fr": "les vues d'une présentation sont chain, flows, functions et compare."},
    "talk.reason.case": {"en": "it names a case that is not loaded.",
                         "fr": "il nomme un cas qui n'est pas chargé."},
    "talk.reason.one_case": {"en": "a chain shows one case.",
                             "fr": "une chaîne ne montre qu'un cas."},
    "talk.reason.too_many": {"en": "a talk has at most 8 views.",
                             "fr": "une présentation a au plus 8 vues."},
    "talk.reason.too_long": {"en": "it is too long for a talk.",
                             "fr": "il est trop long pour une présentation."},

    # Building a talk (in the sidebar, under the share panel).
    "talk.builder.title": {"en": "Give a talk", "fr": "Faire une présentation"},
    "talk.builder.views": {"en": "Views, in the order of the talk",
                           "fr": "Vues, dans l'ordre de la présentation"},
    "talk.builder.help": {
        "en": "Each view is presented step by step; a clicker moves through them (Page Down, "
              "Page Up, arrows, Space, Home, End, B to blank the screen, Esc). The last step "
              "shows the talk's link as a QR code.",
        "fr": "Chaque vue est présentée étape par étape\u00a0; une télécommande les fait "
              "défiler (Page suivante, Page précédente, flèches, Espace, Début, Fin, B pour un "
              "écran noir, Échap). La dernière étape montre le lien de la présentation en code QR."},
    "talk.builder.placeholder": {"en": "Pick views in order",
                                 "fr": "Choisissez les vues dans l'ordre"},
    "talk.builder.link": {"en": "Link to the talk:", "fr": "Lien de la présentation\u00a0:"},
    "talk.builder.start": {"en": "Start the talk", "fr": "Lancer la présentation"},
}
