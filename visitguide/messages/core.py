"""Messages of files, YAML and banks: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # files
    "file.too_large": (
        "fichier trop volumineux ({size} octets ; maximum {max}), refusé avant lecture",
        "file too large ({size} bytes; maximum {max}), refused before reading",
    ),
    "file.not_found": ("fichier introuvable", "file not found"),
    "file.is_directory": ("c'est un dossier, pas un fichier", "this is a folder, not a file"),
    "file.unreadable": ("lecture refusée (droits d'accès)", "permission denied"),
    "file.os_error": ("fichier illisible ({error})", "unreadable file ({error})"),
    "file.not_utf8": (
        "octets invalides : le fichier n'est pas encodé en UTF-8",
        "invalid bytes: the file is not UTF-8 encoded",
    ),
    # why a file operation failed (errors.os_reason)
    "os.not_found": ("fichier ou dossier introuvable", "no such file or folder"),
    "os.permission": ("droits d'accès insuffisants", "permission denied"),
    "os.is_directory": ("c'est un dossier", "it is a folder"),
    "os.not_directory": ("un élément du chemin n'est pas un dossier", "a part of the path is not a folder"),
    "os.no_space": ("disque plein", "no space left on the disk"),
    "os.read_only": ("disque en lecture seule", "read-only file system"),
    "os.exists": ("existe déjà", "already exists"),
    "os.name_too_long": ("nom trop long", "name too long"),
    "os.loop": ("trop de liens symboliques", "too many symbolic links"),
    "os.io": ("erreur d'entrée-sortie du disque", "disk input/output error"),
    "os.cross_device": ("déplacement impossible entre deux disques", "cannot move across disks"),
    "os.other": ("erreur système n° {code}", "system error {code}"),
    # YAML
    "yaml.tag": (
        "étiquette YAML « {tag} » interdite : seules des données simples sont acceptées",
        "YAML tag '{tag}' is not allowed: plain data only",
    ),
    "yaml.alias": (
        "ancres et alias YAML (& et *) interdits",
        "YAML anchors and aliases (& and *) are not allowed",
    ),
    "yaml.key_not_string": (
        "clé qui n'est pas un texte (mettez-la entre guillemets)",
        "key that is not a string (quote it)",
    ),
    "yaml.duplicate_key": ("clé « {key} » en double", "duplicate key '{key}'"),
    "yaml.too_deep": ("imbrication trop profonde", "nesting too deep"),
    "yaml.bad_value": (
        "valeur impossible « {value} » (nombre trop long ou date inexistante) : mettez-la entre guillemets",
        "impossible value '{value}' (number too long or date that does not exist): quote it",
    ),
    "yaml.syntax_generic": ("syntaxe YAML invalide", "invalid YAML syntax"),
    "yaml.syntax_at": (
        "syntaxe YAML invalide (colonne {column})",
        "invalid YAML syntax (column {column})",
    ),
    "yaml.syntax.mapping_values": (
        "syntaxe YAML invalide : « : » inattendu (mettez le texte entre guillemets)",
        "invalid YAML syntax: unexpected ':' (quote the text)",
    ),
    "yaml.syntax.tab": (
        "syntaxe YAML invalide : tabulation interdite pour l'indentation",
        "invalid YAML syntax: tabs are not allowed for indentation",
    ),
    "yaml.syntax.expected_colon": (
        "syntaxe YAML invalide : « : » attendu",
        "invalid YAML syntax: ':' expected",
    ),
    "yaml.syntax.unexpected_end": (
        "syntaxe YAML invalide : fin de fichier inattendue (guillemet ou crochet non fermé ?)",
        "invalid YAML syntax: unexpected end of file (unclosed quote or bracket?)",
    ),
    "yaml.syntax.several_documents": (
        "un seul document YAML est attendu par fichier",
        "a single YAML document is expected per file",
    ),
    "yaml.syntax.expected_key": (
        "syntaxe YAML invalide : indentation incohérente",
        "invalid YAML syntax: inconsistent indentation",
    ),
    "yaml.syntax.unclosed": (
        "syntaxe YAML invalide : crochet ou accolade non fermé",
        "invalid YAML syntax: unclosed bracket or brace",
    ),
    "yaml.syntax.expected_dash": (
        "syntaxe YAML invalide : élément de liste « - » attendu",
        "invalid YAML syntax: list item '-' expected",
    ),
    "yaml.syntax.escape": (
        "syntaxe YAML invalide : séquence d'échappement inconnue",
        "invalid YAML syntax: unknown escape sequence",
    ),
    "yaml.syntax.control_char": (
        "caractère de contrôle interdit",
        "control character not allowed",
    ),
    # model errors
    "model.missing": ("clé obligatoire manquante : « {key} »", "missing required key '{key}'"),
    "model.unknown_key": ("clé inconnue « {key} »", "unknown key '{key}'"),
    "model.bad_id": (
        "identifiant « {value} » invalide pour « {key} » : minuscules sans accents, chiffres et tirets",
        "invalid id '{value}' for '{key}': lowercase letters, digits and hyphens",
    ),
    "model.bad_criterion": (
        "code de critère « {value} » invalide (attendu par exemple « 3.6-02 »)",
        "invalid criterion code '{value}' (expected e.g. '3.6-02')",
    ),
    "model.not_text": ("« {key} » doit être un texte", "'{key}' must be a string"),
    "model.not_text_quote": (
        "« {key} » doit être un texte : mettez la valeur entre guillemets",
        "'{key}' must be a string: put the value in quotes",
    ),
    "model.empty": ("« {key} » est vide", "'{key}' is empty"),
    "model.empty_list": (
        "« {key} » doit contenir au moins un élément",
        "'{key}' must hold at least one item",
    ),
    "model.not_list": ("« {key} » doit être une liste", "'{key}' must be a list"),
    "model.not_mapping": (
        "« {key} » doit être un dictionnaire (clé : valeur)",
        "'{key}' must be a mapping (key: value)",
    ),
    "model.not_allowed": (
        "valeur « {value} » non autorisée pour « {key} » (attendu : {expected})",
        "value '{value}' not allowed for '{key}' (expected: {expected})",
    ),
    "model.not_bool": ("« {key} » doit valoir true ou false", "'{key}' must be true or false"),
    "model.not_int": ("« {key} » doit être un nombre entier", "'{key}' must be an integer"),
    "model.invalid": ("valeur invalide pour « {key} »", "invalid value for '{key}'"),
    # banks
    "bank.not_a_folder": ("dossier de banque introuvable : {path}", "bank folder not found: {path}"),
    "bank.same_id_twice": (
        "le guide « {id} » est défini dans deux banques : {first} et {second}",
        "guide '{id}' is defined in two banks: {first} and {second}",
    ),
    "bank.no_guide": ("aucun guide trouvé", "no guide found"),
    "bank.choose_guide": (
        "plusieurs guides trouvés ({ids}) : précisez --guide",
        "several guides found ({ids}): give --guide",
    ),
    "guide.unknown": ("guide inconnu « {id} ».", "unknown guide '{id}'."),
    "audience.unknown": ("public inconnu « {id} ».", "unknown audience '{id}'."),
    "criterion.unknown": ("critère inconnu « {id} ».", "unknown criterion '{id}'."),
    "question.unknown": ("question inconnue « {id} ».", "unknown question '{id}'."),
    "checkpoint.unknown": ("point de vérification inconnu « {id} ».", "unknown checkpoint '{id}'."),
    "did_you_mean": ("Vouliez-vous dire « {id} » ?", "Did you mean '{id}'?"),
    "valid_ids": ("Valeurs possibles : {ids}.", "Valid values: {ids}."),
    "bank.folder_without_guide": (
        "dossier sans guide.yaml : ce n'est pas un guide",
        "folder without guide.yaml: not a guide",
    ),
    "bank.empty": ("banque vide : aucun dossier de guide", "empty bank: no guide folder"),
    "bank.missing_guide_file": ("guide.yaml manquant", "guide.yaml is missing"),
    "bank.empty_file": ("fichier vide", "empty file"),
    "problems.more": (
        "… et {count} autre(s) problème(s) : corrigez d'abord ceux-ci",
        "… and {count} more problem(s): fix these first",
    ),
    "bank.not_a_mapping": (
        "le fichier doit contenir un dictionnaire (clé : valeur)",
        "the file must hold a mapping (key: value)",
    ),
    "bank.duplicate_id": (
        "identifiant « {id} » en double (déjà défini ligne {first})",
        "duplicate id '{id}' (already defined on line {first})",
    ),
    "bank.duplicate_question": (
        "question « {id} » en double (déjà définie dans {first})",
        "duplicate question '{id}' (already defined in {first})",
    ),
    "bank.question_is_checkpoint": (
        "l'identifiant « {id} » est déjà celui d'un point de vérification",
        "id '{id}' is already a checkpoint's",
    ),
    "bank.id_not_folder": (
        "l'identifiant du guide « {id} » doit être le nom de son dossier « {folder} »",
        "guide id '{id}' must equal its folder name '{folder}'",
    ),
    "bank.undeclared_audience": (
        "public « {id} » non déclaré dans audiences de guide.yaml",
        "audience '{id}' is not declared in the audiences of guide.yaml",
    ),
    "bank.undeclared_criterion": (
        "critère « {id} » non déclaré dans criteria de guide.yaml",
        "criterion '{id}' is not declared in the criteria of guide.yaml",
    ),
    "bank.audience_without_file": (
        "le public « {id} » n'a pas de fichier {file}",
        "audience '{id}' has no file {file}",
    ),
    "bank.file_without_audience": (
        "fichier sans public : « {id} » n'est pas déclaré dans audiences de guide.yaml",
        "file without audience: '{id}' is not declared in the audiences of guide.yaml",
    ),
    "bank.two_files": (
        "deux fichiers pour le public « {id} » (avec {other}) : gardez-en un seul",
        "two files for audience '{id}' (with {other}): keep only one",
    ),
    "bank.audience_not_file": (
        "audience « {id} » doit être le nom du fichier {file}",
        "audience '{id}' must equal the file name {file}",
    ),
    # interview files
    "ifile.bad_json": (
        "fichier d'entretien endommagé : JSON illisible (tronqué ?)",
        "damaged interview file: unreadable JSON (truncated?)",
    ),
    "ifile.too_deep": (
        "fichier d'entretien endommagé : imbrication trop profonde",
        "damaged interview file: nesting too deep",
    ),
    "ifile.not_object": (
        "ce n'est pas un fichier d'entretien (objet JSON attendu)",
        "not an interview file (JSON object expected)",
    ),
    "ifile.bad_format": (
        "ce n'est pas un fichier d'entretien (« format » doit valoir « {format} »)",
        "not an interview file ('format' must be '{format}')",
    ),
    "ifile.bad_version": ("version de format inconnue : {version}", "unknown format version: {version}"),
    "ifile.newer_version": (
        "fichier écrit par une version plus récente de visitguide (format {version} ; cette version lit jusqu'au format {current}) : mettez visitguide à jour",
        "file written by a newer visitguide (format {version}; this version reads up to format {current}): upgrade visitguide",
    ),
    "ifile.invalid": (
        "fichier d'entretien invalide : « {where} » incorrect ({count} erreur(s))",
        "invalid interview file: '{where}' is wrong ({count} error(s))",
    ),
    "ifile.empty": ("fichier d'entretien vide", "empty interview file"),
    "ifile.not_regular": (
        "ce n'est pas un fichier ordinaire (tube, périphérique…)",
        "not a regular file (pipe, device…)",
    ),
    "ifile.exists": (
        "le fichier {path} existe déjà : il n'est jamais écrasé ; pour le poursuivre, utilisez --resume {path}",
        "{path} already exists: it is never overwritten; to carry it on, use --resume {path}",
    ),
    "ifile.locked": (
        "l'entretien {path} est déjà ouvert par un autre processus visitguide",
        "interview {path} is already open in another visitguide process",
    ),
}
