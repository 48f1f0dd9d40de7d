"""Messages: problems found in data (the validator, uploads, loading).

Every `{field}` is filled by `Problem.text(lang)`. Lists of allowed values, file and column names
are codes: they stay as they are in every language. French follows French typography: « », and a
space before « : » and « ; ».
"""

MESSAGES: dict[str, dict[str, str]] = {
    # How a problem is shown: where it is, then what is wrong.
    "problem.where.line": {"en": "{file}, line {line}", "fr": "{file}, ligne {line}"},
    "problem.where.column": {"en": "{where}, column '{column}'",
                             "fr": "{where}, colonne « {column} »"},
    "problem.where.value": {"en": "{where}, value '{value}'", "fr": "{where}, valeur « {value} »"},
    "problem.describe": {"en": "{where}: {message}", "fr": "{where} : {message}"},
    "problem.or": {"en": " or ", "fr": " ou "},
    "problem.list_separator": {"en": "; ", "fr": " ; "},
    "problem.data_error": {"en": "{name}: {count} problem(s): {first}",
                           "fr": "{name} : {count} problème(s) : {first}"},
    "problem.unknown_case": {"en": "unknown case '{case}'; known cases: {known}",
                             "fr": "cas inconnu « {case} » ; cas connus : {known}"},

    # Reading a file.
    "problem.not_utf8_csv": {
        "en": "the file is not UTF-8 text; save it as \"CSV UTF-8\"",
        "fr": "le fichier n'est pas encodé en UTF-8 ; enregistrez-le au format « CSV UTF-8 »"},
    "problem.table_too_large": {
        "en": "the file is larger than {size} MB, the most a curated table may be",
        "fr": "le fichier dépasse {size} Mo, la taille maximale d'une table"},
    "problem.binary_file": {
        "en": "the file holds binary data (NUL bytes); expected a CSV text table",
        "fr": "le fichier contient des données binaires (octets NUL) ; une table CSV en texte "
              "est attendue"},
    "problem.cell_count": {
        "en": "the row has {cells} cells but the header has {columns} columns",
        "fr": "la ligne compte {cells} cellules mais l'en-tête compte {columns} colonnes"},
    "problem.too_many_rows": {
        "en": "more than {limit} rows; split the case or trim it",
        "fr": "plus de {limit} lignes ; divisez le cas ou allégez-le"},
    "problem.bad_csv": {
        "en": "not a well-formed CSV table ({detail})",
        "fr": "la table CSV est mal formée ({detail})"},
    "problem.empty_file": {
        "en": "the file is empty; expected a header row",
        "fr": "le fichier est vide ; une ligne d'en-tête est attendue"},

    # Cells.
    "problem.required": {"en": "required; the cell is empty",
                         "fr": "obligatoire ; la cellule est vide"},
    "problem.spaces": {"en": "has spaces at its start or end; remove them",
                       "fr": "commence ou finit par des espaces ; supprimez-les"},
    "problem.formula": {
        "en": "starts like a spreadsheet formula (=, +, -, @), which a spreadsheet would run; "
              "start the text with a word instead",
        "fr": "commence comme une formule (=, +, -, @), qu'un tableur exécuterait ; commencez "
              "plutôt le texte par un mot"},
    "problem.not_allowed": {"en": "not allowed; use one of: {allowed}",
                            "fr": "valeur non autorisée ; utilisez l'une de : {allowed}"},
    "problem.whole_number": {"en": "must be a whole number (digits only)",
                             "fr": "doit être un nombre entier (chiffres uniquement)"},
    "problem.at_least": {"en": "must be at least {minimum}",
                         "fr": "doit être supérieur ou égal à {minimum}"},
    "problem.number": {"en": "must be a number, with a dot for decimals (e.g. 96.5)",
                       "fr": "doit être un nombre, avec un point pour les décimales "
                             "(par exemple 96.5)"},
    "problem.boolean": {"en": "must be true or false", "fr": "doit valoir true ou false"},
    "problem.id": {"en": "must be a lowercase key: letters a-z, digits, '-' or '_'",
                   "fr": "doit être une clé en minuscules : lettres a-z, chiffres, « - » ou « _ »"},
    "problem.source_key": {
        "en": "must be a key of letters, digits, '-' or '_' (e.g. S1)",
        "fr": "doit être une clé faite de lettres, de chiffres, de « - » ou de « _ » "
              "(par exemple S1)"},
    "problem.country": {
        "en": "not an ISO 3166-1 alpha-2 country code (e.g. FR, MG, US); leave it empty when no "
              "source says",
        "fr": "n'est pas un code pays ISO 3166-1 alpha-2 (par exemple FR, MG, US) ; laissez la "
              "cellule vide si aucune source ne le précise"},
    "problem.url": {"en": "must be a web address starting with https:// or http://",
                    "fr": "doit être une adresse web commençant par https:// ou http://"},

    # Tables, keys and cross-references.
    "problem.missing_file": {"en": "missing file; a folder needs {files}",
                             "fr": "fichier manquant ; un dossier doit contenir {files}"},
    "problem.missing_column": {
        "en": "missing column '{name}'; the header must have {columns}",
        "fr": "colonne « {name} » manquante ; l'en-tête doit contenir {columns}"},
    "problem.column_twice": {"en": "column '{name}' appears twice",
                             "fr": "la colonne « {name} » apparaît deux fois"},
    "problem.duplicate_key": {
        "en": "duplicate {key_column}; already used on line {first_line}",
        "fr": "{key_column} en double ; déjà utilisé à la ligne {first_line}"},
    "problem.unknown_reference": {"en": "no {ref_column} '{ref}' in {ref_file}",
                                  "fr": "aucun {ref_column} « {ref} » dans {ref_file}"},
    "problem.unknown_source": {"en": "cites source '{source}' that is not in sources.csv",
                               "fr": "cite la source « {source} », absente de sources.csv"},
    "problem.subfunction_needed": {
        "en": "a {function} task needs a subfunction: {allowed}",
        "fr": "une tâche « {function} » doit avoir une sous-fonction : {allowed}"},
    "problem.subfunction_extra": {
        "en": "only preparation tasks have a subfunction; leave it empty for {function}",
        "fr": "seules les tâches « preparation » ont une sous-fonction ; laissez la cellule "
              "vide pour une tâche « {function} »"},

    # Curation rules: how sure a row may be, given what its sources say.
    "problem.documented_needs_primary": {
        "en": "a documented row must cite at least one primary source (primary = true in "
              "sources.csv), but it cites only {cited}; cite a primary source, or mark the row "
              "reported or inferred",
        "fr": "une ligne « documented » doit citer au moins une source primaire (primary = true "
              "dans sources.csv), or elle ne cite que {cited} ; citez une source primaire, ou "
              "marquez la ligne « reported » ou « inferred »"},
    "problem.inferred_needs_description": {
        "en": "an inferred row must say in its description what is inferred and what is not "
              "known",
        "fr": "une ligne « inferred » doit dire dans sa description ce qui est déduit et ce qui "
              "n'est pas connu"},
    "problem.text_names_uncited": {
        "en": "the text names source '{source}', which the row does not cite (source_ids: "
              "{cited}); add it to source_ids or reword the text",
        "fr": "le texte nomme la source « {source} », que la ligne ne cite pas (source_ids : "
              "{cited}) ; ajoutez-la à source_ids ou reformulez le texte"},
    "problem.french_names_other_sources": {
        "en": "the French text names the sources {french} but the English text names "
              "{english}; a translation cites the same sources",
        "fr": "le texte français nomme les sources {french}, mais le texte anglais nomme "
              "{english} ; une traduction cite les mêmes sources"},
    "problem.country_unsourced": {
        "en": "a country needs the key of a cited source that gives it in country_source_ids; "
              "leave the country empty when no source says where the actor is",
        "fr": "un pays doit être accompagné, dans country_source_ids, de la clé d'une source "
              "citée qui le donne ; laissez le pays vide si aucune source ne dit où est "
              "l'acteur"},
    "problem.country_source_without_country": {
        "en": "country_source_ids is filled but country is empty; fill both or neither",
        "fr": "country_source_ids est rempli mais country est vide ; remplissez les deux ou "
              "aucun"},
    "problem.country_source_not_cited": {
        "en": "country source '{source}' is not among the row's source_ids ({cited})",
        "fr": "la source du pays « {source} » ne figure pas parmi les source_ids de la ligne "
              "({cited})"},
    "problem.country_source_not_primary": {
        "en": "a documented actor's country must be given by a primary source; name one in "
              "country_source_ids, or leave the country empty",
        "fr": "le pays d'un acteur « documented » doit être donné par une source primaire ; "
              "nommez-en une dans country_source_ids, ou laissez le pays vide"},
    "problem.rests_on_inferred": {
        "en": "the row rests on {column_name} '{other}', which is inferred (no source ties it "
              "to the case); mark this row inferred too",
        "fr": "la ligne repose sur {column_name} « {other} », qui est « inferred » (aucune "
              "source ne le rattache au cas) ; marquez aussi cette ligne « inferred »"},
    "problem.range_reversed": {
        "en": "the upper bound is below the value ({low}); value holds the lower bound",
        "fr": "la borne supérieure est inférieure à la valeur ({low}) ; value contient la "
              "borne inférieure"},

    # The version and changelog of datapackage.json.
    "problem.version_semver": {
        "en": "must be a semantic version: MAJOR.MINOR.PATCH, e.g. 1.1.0",
        "fr": "doit être un numéro de version sémantique : MAJEUR.MINEUR.CORRECTIF, par "
              "exemple 1.1.0"},
    "problem.changelog_list": {
        "en": "'changelog' must be a list of releases, newest first (or be left out)",
        "fr": "« changelog » doit être une liste de versions, la plus récente d'abord (ou être "
              "omis)"},
    "problem.changelog_entry": {
        "en": "a changelog entry must be an object with version, date, summary and summary_fr",
        "fr": "une entrée du changelog doit être un objet avec version, date, summary et "
              "summary_fr"},
    "problem.changelog_version": {
        "en": "must be a semantic version: MAJOR.MINOR.PATCH, e.g. 1.1.0",
        "fr": "doit être un numéro de version sémantique : MAJEUR.MINEUR.CORRECTIF, par "
              "exemple 1.1.0"},
    "problem.changelog_date": {
        "en": "must be a date written YYYY-MM-DD, e.g. 2026-12-04",
        "fr": "doit être une date écrite AAAA-MM-JJ, par exemple 2026-12-04"},
    "problem.changelog_summary": {
        "en": "'{field}' is required: the release summarised in English (summary) and in "
              "French (summary_fr)",
        "fr": "« {field} » est obligatoire : le résumé de la version en anglais (summary) et "
              "en français (summary_fr)"},
    "problem.changelog_first": {
        "en": "the newest entry must be the package's version, {version}",
        "fr": "l'entrée la plus récente doit porter la version du paquet, {version}"},
    "problem.changelog_order": {
        "en": "versions must go down strictly, newest first; this one follows {newer}",
        "fr": "les versions doivent décroître strictement, la plus récente d'abord ; celle-ci "
              "suit {newer}"},
    "problem.changelog_changes": {
        "en": "'changes' must be a list of objects, one per change",
        "fr": "« changes » doit être une liste d'objets, un par modification"},
    "problem.changelog_change_field": {
        "en": "'{field}' is required in every change: {fields}",
        "fr": "« {field} » est obligatoire dans chaque modification : {fields}"},

    # datapackage.json and the folder.
    "problem.missing_package": {
        "en": "missing file; a folder needs a datapackage.json with {keys}",
        "fr": "fichier manquant ; un dossier doit contenir un datapackage.json avec {keys}"},
    "problem.file_too_large": {"en": "the file is larger than {size} MB",
                               "fr": "le fichier dépasse {size} Mo"},
    "problem.not_utf8": {"en": "the file is not UTF-8 text",
                         "fr": "le fichier n'est pas encodé en UTF-8"},
    "problem.bad_json": {"en": "not valid JSON ({detail})",
                         "fr": "le JSON n'est pas valide ({detail})"},
    "problem.json_object": {"en": "must hold a JSON object", "fr": "doit contenir un objet JSON"},
    "problem.package_name": {"en": "'name' must be the folder's name, '{name}'",
                             "fr": "« name » doit être le nom du dossier, « {name} »"},
    "problem.package_required": {"en": "'{field}' is required and empty",
                                 "fr": "« {field} » est obligatoire mais vide"},
    "problem.package_text": {"en": "'{field}' must be text",
                             "fr": "« {field} » doit être du texte"},
    "problem.aliases": {
        "en": "'aliases' (former ids of the case) must be a list of lowercase keys",
        "fr": "« aliases » (anciens identifiants du cas) doit être une liste de clés en "
              "minuscules"},
    "problem.package_scope": {
        "en": "'scope' must be {allowed} (a product's chain, or a map of a sector)",
        "fr": "« scope » doit valoir {allowed} (la chaîne d'un produit, ou la carte d'un "
              "secteur)"},
    "problem.phases_list": {
        "en": "'phases' must be a list of the case's phases in time order, each with an 'id' "
              "(a lowercase key), a 'label' and, optionally, a 'label_fr'",
        "fr": "« phases » doit être une liste des phases du cas dans l'ordre du temps, chacune "
              "avec un « id » (clé en minuscules), un « label » et, au choix, un « label_fr »"},
    "problem.phase_entry": {
        "en": "each phase needs an 'id' (a lowercase key) and a non-empty 'label'; "
              "'label_fr', if present, must be text",
        "fr": "chaque phase doit avoir un « id » (clé en minuscules) et un « label » non vide ; "
              "« label_fr », s'il est présent, doit être du texte"},
    "problem.phase_twice": {"en": "this phase id is declared twice in 'phases'",
                            "fr": "cet identifiant de phase est déclaré deux fois dans "
                                  "« phases »"},
    "problem.unknown_phase": {
        "en": "not a phase of this case; the phases declared in datapackage.json are {allowed}",
        "fr": "n'est pas une phase de ce cas ; les phases déclarées dans datapackage.json sont "
              "{allowed}"},
    "problem.no_phases": {
        "en": "the case declares no 'phases' in datapackage.json; declare them there or leave "
              "the cell empty",
        "fr": "le cas ne déclare aucune « phases » dans datapackage.json ; déclarez-les ou "
              "laissez la cellule vide"},
    "problem.folder_name": {
        "en": "a case folder's name must be a lowercase key: letters a-z, digits, '-' or '_'",
        "fr": "le nom d'un dossier de cas doit être une clé en minuscules : lettres a-z, "
              "chiffres, « - » ou « _ »"},

    # Uploads.
    "problem.upload_too_large": {
        "en": "the upload is larger than {size} MB; a case folder is far smaller — check that "
              "it holds only its CSVs",
        "fr": "l'envoi dépasse {size} Mo ; un dossier de cas est bien plus petit — vérifiez "
              "qu'il ne contient que ses CSV"},
    "problem.zip_absolute_path": {
        "en": "refused: the zip contains an absolute path; a case zip holds only a folder and "
              "its files",
        "fr": "refusé : le zip contient un chemin absolu ; le zip d'un cas ne contient qu'un "
              "dossier et ses fichiers"},
    "problem.zip_traversal": {
        "en": "refused: the zip contains a path that leaves the folder ('..')",
        "fr": "refusé : le zip contient un chemin qui sort du dossier (« .. »)"},
    "problem.zip_symlink": {
        "en": "refused: the zip contains a symbolic link; links are not accepted",
        "fr": "refusé : le zip contient un lien symbolique ; les liens ne sont pas acceptés"},
    "problem.zip_encrypted": {
        "en": "refused: the zip contains an encrypted file; upload it without a password",
        "fr": "refusé : le zip contient un fichier chiffré ; envoyez-le sans mot de passe"},
    "problem.not_a_zip": {
        "en": "not a readable zip file; upload a .zip of a case folder, or the four CSV files",
        "fr": "ce n'est pas un fichier zip lisible ; envoyez le .zip d'un dossier de cas, ou "
              "les quatre fichiers CSV"},
    "problem.zip_entries": {
        "en": "the zip holds {entries} entries; a case folder has at most {files} files",
        "fr": "le zip contient {entries} éléments ; un dossier de cas a au plus {files} "
              "fichiers"},
    "problem.zip_expands": {
        "en": "refused: the zip would expand to {size} MB, more than the {limit} MB a case may "
              "hold",
        "fr": "refusé : une fois décompressé, le zip occuperait {size} Mo, plus que les "
              "{limit} Mo permis pour un cas"},
    "problem.zip_nested": {
        "en": "the zip must hold one case folder (or its files at the top); this file is "
              "nested deeper",
        "fr": "le zip doit contenir un seul dossier de cas (ou ses fichiers à la racine) ; ce "
              "fichier est rangé plus profondément"},
    "problem.zip_two_cases": {
        "en": "the zip holds two case folders; upload one case at a time",
        "fr": "le zip contient deux dossiers de cas ; envoyez un seul cas à la fois"},
    "problem.zip_unreadable": {
        "en": "a file in the zip cannot be read (damaged or an unsupported compression)",
        "fr": "un fichier du zip est illisible (endommagé, ou compressé d'une façon non prise "
              "en charge)"},
    "problem.zip_bomb": {
        "en": "refused: a file expands beyond the size a case may hold (a zip bomb?)",
        "fr": "refusé : une fois décompressé, un fichier dépasse la taille permise pour un cas "
              "(une bombe zip ?)"},
    "problem.zip_folders": {
        "en": "the zip holds more than one folder; upload one case at a time",
        "fr": "le zip contient plus d'un dossier ; envoyez un seul cas à la fois"},
    "problem.zip_no_case_files": {
        "en": "the zip holds none of the case files: {files}",
        "fr": "le zip ne contient aucun des fichiers d'un cas : {files}"},
    "problem.title_missing": {
        "en": "give the case a title; it names the case on every page",
        "fr": "donnez un titre au cas ; il le nomme sur chaque page"},
    "problem.title_too_long": {"en": "the title is longer than {limit} characters",
                               "fr": "le titre dépasse {limit} caractères"},
    "problem.not_case_file": {"en": "not one of the case files: {files}",
                              "fr": "ne fait pas partie des fichiers d'un cas : {files}"},
    "problem.upload_files_too_large": {"en": "the files add up to more than {size} MB",
                                       "fr": "les fichiers dépassent {size} Mo au total"},
    "problem.upload_missing_file": {"en": "missing file; upload all four: {files}",
                                    "fr": "fichier manquant ; envoyez les quatre : {files}"},

    # Loading.
    "problem.case_loaded_from": {
        "en": "a case with this id is already loaded from {origin}; rename the folder (and its "
              "datapackage.json name) to load both",
        "fr": "un cas de même identifiant est déjà chargé depuis {origin} ; renommez le dossier "
              "(et le « name » de son datapackage.json) pour charger les deux"},
    "problem.not_a_folder": {
        "en": "not a folder; DLC_DATA_DIR must name a folder of case folders",
        "fr": "ce n'est pas un dossier ; DLC_DATA_DIR doit désigner un dossier de dossiers de "
              "cas"},
    "problem.case_loaded": {
        "en": "a case with this id is already loaded; give the upload another name",
        "fr": "un cas de même identifiant est déjà chargé ; donnez un autre nom à l'envoi"},
}
