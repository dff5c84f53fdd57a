"""Messages of the `bank` package: YAML, bank rules, file models, browsing (`guides`, `questions`, `criteria`), `validate`: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "bank.not_a_directory": (
        "{path} n'est pas un dossier : une banque est un dossier qui contient des dossiers de guide (ou un dossier de guide)",
        "{path} is not a folder: a bank is a folder holding guide folders (or one guide folder)",
    ),
    "bank.unreadable": (
        "{path} : dossier de banque illisible ({error})",
        "{path}: unreadable bank folder ({error})",
    ),
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
    "typed.ambiguous": (
        "« {id} » peut désigner plusieurs identifiants : {ids} ; tapez-en davantage.",
        "'{id}' may mean several ids: {ids}; type more of it.",
    ),
    "audience.unknown": ("public inconnu « {id} ».", "unknown audience '{id}'."),
    "criterion.unknown": ("critère inconnu « {id} ».", "unknown criterion '{id}'."),
    "question.unknown": ("question inconnue « {id} ».", "unknown question '{id}'."),
    "checkpoint.unknown": ("point de vérification inconnu « {id} ».", "unknown checkpoint '{id}'."),
    "bank.folder_without_guide": (
        "dossier sans guide.yaml : ce n'est pas un guide",
        "folder without guide.yaml: not a guide",
    ),
    "bank.empty": ("banque vide : aucun dossier de guide", "empty bank: no guide folder"),
    "bank.missing_guide_file": ("guide.yaml manquant", "guide.yaml is missing"),
    "bank.empty_file": ("fichier vide", "empty file"),
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
    "bank.no_question": (
        "« questions » doit contenir au moins un élément (ou le public doit avoir des points de vérification)",
        "'questions' must hold at least one item (or the audience must have checkpoints)",
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
    "bank.pair_unknown_id": (
        "paire : « {id} » n'est ni un point de vérification ni une question du guide",
        "pair: '{id}' is neither a checkpoint nor a question of the guide",
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
    "bank.added_absent": (
        "« added » nomme « {field} », que cet élément n'a pas",
        "'added' names '{field}', which this item does not have",
    ),
    "bank.added_twice": (
        "« {field} » nommé deux fois dans « added »",
        "'{field}' named twice in 'added'",
    ),
    "bank.added_without_author": (
        "« added » marque des ajouts : nommez leur auteur dans additions_by de guide.yaml "
        "(par exemple additions_by: visitguide)",
        "'added' marks additions: name their author in additions_by of guide.yaml "
        "(for instance additions_by: visitguide)",
    ),
    # tables
    "col.guide": ("Guide", "Guide"),
    "col.title": ("Titre", "Title"),
    "col.version": ("Version", "Version"),
    "col.audiences": ("Publics (questions)", "Audiences (questions)"),
    "col.checkpoints": ("Points de vérif.", "Checkpoints"),
    "col.folder": ("Dossier", "Folder"),
    "col.audience": ("Public", "Audience"),
    "col.id": ("Identifiant", "Id"),
    "col.criteria": ("Critères", "Criteria"),
    "col.question": ("Question", "Question"),
    "col.criterion": ("Critère", "Criterion"),
    "col.referentiel": ("Référentiel {ref}", "Référentiel {ref}"),
    "col.total": ("Total", "Total"),
    "bundled": ("intégré", "bundled"),
    "guides.title": ("Guides disponibles", "Available guides"),
    "questions.count": ("{count} question(s)", "{count} question(s)"),
    "questions.none": ("Aucune question ne correspond.", "No question matches."),
    "criteria.legend": (
        "Q : nombre de questions · PV : nombre de points de vérification.",
        "Q: number of questions · CP: number of checkpoints.",
    ),
    "criteria.legend_own": ("Référentiel {ref}.", "Référentiel {ref}."),
    "criteria.legend_other": (
        "Référentiel {ref} : chaque équivalent est {mark} et reste « à confirmer » tant qu'il ne cite pas de source.",
        "Référentiel {ref}: each equivalent is {mark} and stays 'to be confirmed' until it cites a source.",
    ),
    "criteria.legend_checkpoints": (
        "Le rattachement des points de vérification aux critères est {mark}.",
        "The checkpoints' criteria are {mark}.",
    ),
    "criteria.by_the_bank": ("donné par la banque", "given by the bank"),
    "criteria.block_equivalent": (
        "Référentiel {ref} : {code}, {status}",
        "Référentiel {ref}: {code}, {status}",
    ),
    "criteria.block_codes": ("Codes du référentiel {ref} :", "Codes of référentiel {ref}:"),
    "criteria.none_row": ("points de vérification sans critère", "checkpoints without a criterion"),
    "criterion.read_own": (
        "Critère {code} lu dans le référentiel {ref} : {title}.",
        "Criterion {code} read in référentiel {ref}: {title}.",
    ),
    "criterion.read_own_untitled": (
        "Critère {code} lu dans le référentiel {ref}.",
        "Criterion {code} read in référentiel {ref}.",
    ),
    "criterion.read_other": (
        "Critère {code} lu dans le référentiel {ref} : l'équivalent ({status}) de {own} « {title} » "
        "(référentiel {own_ref}), que citent les questions.",
        "Criterion {code} read in référentiel {ref}: the equivalent ({status}) of {own} '{title}' "
        "(référentiel {own_ref}), which the questions cite.",
    ),
    "criterion.also": (
        "Dans le référentiel {ref}, {code} désigne un autre critère : l'équivalent ({status}) de {own} "
        "« {title} » (--criterion {own} pour ses questions).",
        "In référentiel {ref}, {code} means another criterion: the equivalent ({status}) of {own} "
        "'{title}' (--criterion {own} for its questions).",
    ),
    "questions.hint": ("Repère : {hint}", "Hint: {hint}"),
    "questions.hint_added": ("Repère ({mark}) : {hint}", "Hint ({mark}): {hint}"),
    "questions.evidence": ("Documents à demander : {items}", "Documents to ask for: {items}"),
    "questions.evidence_added": (
        "Documents à demander ({mark}) : {items}",
        "Documents to ask for ({mark}): {items}",
    ),
    "criteria.cell.questions": ("Q {count}", "Q {count}"),
    "criteria.cell.checkpoints": ("PV {count}", "CP {count}"),
    "guides.version": ("version {version}", "version {version}"),
    "validate.ok": ("{count} guide(s) vérifié(s) : aucun problème.", "{count} guide(s) checked: no problem."),
    "validate.problems": ("{count} problème(s) trouvé(s).", "{count} problem(s) found."),
    "validate.nothing": ("aucune banque à vérifier", "no bank to check"),
}
