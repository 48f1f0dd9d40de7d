"""Messages: serving — what a reader sees about the servers behind the app: the proxy's
"busy" page for visitors past capacity, and uploaded cases lost with a stopped replica.

French follows French typography: « », a space before « : », « ; », « ? » and « ! ».
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The proxy's page for a visitor past capacity (deploy/haproxy.py writes it as plain HTML).
    "serving.busy.title": {"en": "Busy: retrying", "fr": "Trop de visites : nouvel essai"},
    "serving.busy.heading": {
        "en": "Many people are opening this dashboard right now.",
        "fr": "Beaucoup de personnes ouvrent ce tableau de bord en ce moment.",
    },
    "serving.busy.body": {
        "en": "This page tries again by itself every {seconds} seconds: keep it open, "
              "nothing is lost. People already reading the dashboard are not affected.",
        "fr": "Cette page réessaie d'elle-même toutes les {seconds} secondes : gardez-la "
              "ouverte, rien n'est perdu. Les personnes qui lisent déjà le tableau de bord ne "
              "sont pas gênées.",
    },
    "serving.busy.retry": {"en": "Try again now", "fr": "Réessayer maintenant"},

    # A link or a page that named cases uploaded in a session this server does not hold
    # (the server that held it stopped, or the link was opened in another browser).
    "serving.uploads_lost": {
        "en": "**Your uploaded case is no longer here: {cases}.** Uploaded cases live only in "
              "the memory of the server that received them, and that server has stopped (or "
              "this link was opened in another browser). Everything else on the page still "
              "works. To bring the case back, upload the same file again on *Add your own "
              "case*.",
        "fr": "**Le cas que vous avez déposé n'est plus là : {cases}.** Un cas déposé ne vit "
              "que dans la mémoire du serveur qui l'a reçu, et ce serveur s'est arrêté (ou ce "
              "lien a été ouvert dans un autre navigateur). Tout le reste de la page "
              "fonctionne. Pour retrouver le cas, déposez de nouveau le même fichier dans "
              "*Ajouter votre propre cas*.",
    },
    "serving.uploads_lost.link": {"en": "Upload it again", "fr": "Le déposer de nouveau"},
}
