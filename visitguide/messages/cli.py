"""Messages of the command line: help texts, Typer's chrome, metavars: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Typer chrome
    "chrome.arguments": ("Arguments", "Arguments"),
    "chrome.options": ("Options", "Options"),
    "chrome.commands": ("Commandes", "Commands"),
    "chrome.error": ("Erreur", "Error"),
    "chrome.default": ("[défaut : {}]", "[default: {}]"),
    "chrome.envvar": ("[variable d'environnement : {}]", "[env var: {}]"),
    "chrome.required": ("[obligatoire]", "[required]"),
    "chrome.deprecated": ("(obsolète) ", "(deprecated) "),
    "chrome.aborted": ("Interrompu.", "Aborted."),
    "chrome.try_help": (
        "Essayez [blue]« {command_path} {help_option} »[/] pour l'aide.",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
    "chrome.help_option": ("Affiche cette aide et quitte.", "Show this message and exit."),
    "chrome.usage": ("Utilisation :", "Usage:"),
    "chrome.command_metavar": ("COMMANDE [ARGS]...", "COMMAND [ARGS]..."),
    "chrome.no_such_option": ("option inconnue : {option}.", "no such option: {option}."),
    "chrome.missing_parameter": ("paramètre manquant : {name}.", "missing parameter: {name}."),
    "chrome.bad_parameter": (
        "valeur invalide pour {name} : {detail}.",
        "invalid value for {name}: {detail}.",
    ),
    "chrome.bad_option_usage": ("option mal employée : {option}.", "bad use of option {option}."),
    "chrome.no_such_command": ("commande inconnue : « {name} ».", "no such command: '{name}'."),
    "chrome.extra_argument": ("argument en trop : {detail}.", "unexpected extra argument: {detail}."),
    "chrome.bad_usage": ("utilisation incorrecte.", "bad usage."),
    "chrome.install_completion": (
        "Installe la complétion pour le shell courant (bash, zsh, fish).",
        "Install completion for the current shell (bash, zsh, fish).",
    ),
    "chrome.show_completion": (
        "Affiche le script de complétion du shell courant, à copier.",
        "Show the completion script for the current shell, to copy.",
    ),
    "chrome.completion_installed": (
        "Complétion {shell} installée dans {path} ; elle prend effet dans un nouveau terminal.",
        "{shell} completion installed in {path}; it takes effect in a new terminal.",
    ),
    "chrome.value_not_allowed": ("« {value} » n'est pas une valeur permise", "'{value}' is not allowed"),
    "chrome.value_not_in": (
        "« {value} » n'est pas permis (valeurs possibles : {choices})",
        "'{value}' is not allowed (possible values: {choices})",
    ),
    "chrome.path_missing": ("chemin introuvable", "path does not exist"),
    "chrome.not_a_number": ("un nombre est attendu", "a number is expected"),
    "chrome.invalid_value": ("valeur refusée", "value refused"),
    "chrome.see_help": ("Voir « visitguide {command} --help ».", "See 'visitguide {command} --help'."),
    # metavars: how help and messages name what an option or argument takes
    "metavar.folder": ("DOSSIER", "FOLDER"),
    "metavar.guide": ("GUIDE", "GUIDE"),
    "metavar.audience": ("PUBLIC", "AUDIENCE"),
    "metavar.criterion": ("CRITÈRE", "CRITERION"),
    "metavar.referentiel": ("RÉFÉRENTIEL", "RÉFÉRENTIEL"),
    "metavar.text": ("TEXTE", "TEXT"),
    "metavar.file": ("FICHIER", "FILE"),
    "metavar.date": ("AAAA-MM-JJ", "YYYY-MM-DD"),
    "metavar.paths": ("CHEMIN", "PATH"),
    "metavar.fiche": ("FICHE", "FICHE"),
    "metavar.id": ("ID", "ID"),
    "metavar.minutes": ("MINUTES", "MINUTES"),
    "metavar.separator": ("SÉPARATEUR", "SEPARATOR"),
    # app and options
    "help.app": (
        "Guide d'entretien des experts-visiteurs de la HAS : banques de questions, entretiens, rapports de visite.",
        "Interview guide for HAS expert-visitors: question banks, interviews, visit reports.",
    ),
    "help.version": ("Affiche la version et quitte.", "Show the version and exit."),
    "help.bank": (
        "Dossier de banque de questions en plus de la banque intégrée (répétable ; aussi VISITGUIDE_BANK).",
        "Extra question bank folder besides the bundled one (repeatable; also VISITGUIDE_BANK).",
    ),
    "help.guide": (
        "Identifiant du guide (facultatif s'il n'y en a qu'un).",
        "Guide id (optional when there is only one).",
    ),
    "help.audience": (
        "Public interrogé (gouvernance, technique, professionnels…).",
        "Audience (gouvernance, technique, professionnels…).",
    ),
    "help.referentiel": (
        "Présenter les critères par leurs codes dans ce référentiel (par exemple 2025) quand le "
        "guide leur connaît un équivalent ; les équivalents sans source restent « à confirmer ».",
        "Present the criteria by their codes in this référentiel (for instance 2025) where the guide "
        "knows an equivalent; equivalents without a source stay 'to be confirmed'.",
    ),
    "help.criterion": (
        "Code de critère, dans le référentiel du guide ou un autre qu'il connaît (3.6-06, ou son "
        "équivalent 2025 3.1-08) ; un début unique suffit.",
        "Criterion code, in the guide's référentiel or another it knows (3.6-06, or its 2025 "
        "equivalent 3.1-08); a unique prefix is enough.",
    ),
    "help.search": (
        "Mots à chercher dans les questions (sans tenir compte des majuscules ni des accents).",
        "Words to search in the questions (ignoring case and accents).",
    ),
    "help.format_table_json": ("Format de sortie : table ou json.", "Output format: table or json."),
    "help.validate_dirs": (
        "Banques ou dossiers de guide à vérifier (par défaut : toutes les banques trouvées).",
        "Banks or guide folders to check (default: every bank found).",
    ),
    # commands
    "cmd.guides": (
        "Liste les guides trouvés, leurs publics et leur dossier d'origine.",
        "List the guides found, their audiences and source folder.",
    ),
    "cmd.questions": (
        "Parcourt les questions d'un guide, avec filtres et recherche.",
        "Browse a guide's questions, with filters and search.",
    ),
    "cmd.criteria": (
        "Critères × publics : nombre de questions et de points de vérification.",
        "Criteria × audiences: number of questions and checkpoints.",
    ),
    "cmd.validate": (
        "Vérifie des banques de questions ; code 1 et « fichier:ligne » en cas d'erreur.",
        "Check question banks; exit 1 with 'file:line' errors.",
    ),
    "cmd.interview": (
        "Mène un entretien : questions du guide, notes, points de vérification ; enregistré après chaque réponse.",
        "Run an interview: the guide's questions, notes, checkpoints; saved after every answer.",
    ),
    "cmd.export": (
        "Rapport d'une visite (fichiers ou dossiers d'entretiens), par critère ; --blank : trame papier.",
        "Report of a visit (interview files or folders), by criterion; --blank: paper guide.",
    ),
    "cmd.status": (
        "Couverture de la visite en un coup d'œil : critères × publics, ce qui reste à demander.",
        "The visit's coverage at a glance: criteria × audiences, what is left to ask.",
    ),
    "cmd.import": (
        "Transforme une fiche pédagogique HAS (.txt, .md ou .pdf) en brouillon de guide BANQUE/ID/ ; "
        "code 1 si des lignes n'ont pu être placées.",
        "Turn a HAS fiche pédagogique (.txt, .md or .pdf) into a draft guide BANK/ID/; "
        "exit 1 when some lines could not be placed.",
    ),
    "help.import_fiche": (
        "La fiche : texte (.txt, .md) ou PDF.",
        "The fiche: text (.txt, .md) or PDF.",
    ),
    "help.import_out": (
        "Banque où écrire le brouillon (par défaut : le dossier courant) ; un dossier existant n'est jamais remplacé.",
        "Bank to write the draft into (default: the current folder); an existing folder is never replaced.",
    ),
    "help.import_id": (
        "Identifiant du guide, nom de son dossier (par défaut : tiré du titre de la fiche).",
        "Guide id, the name of its folder (default: made from the fiche's title).",
    ),
    "cmd.check": (
        "Cherche des identifiants personnels et des fichiers endommagés ; code 1 si quelque chose est trouvé.",
        "Look for personal identifiers and damaged files; exit 1 when anything is found.",
    ),
    "help.out": (
        "Fichier d'entretien à créer (jamais écrasé).",
        "Interview file to create (never overwritten).",
    ),
    "help.resume": ("Reprend un entretien existant.", "Carry on an existing interview."),
    "help.answers": (
        "Fichier de réponses (YAML ou JSON) : entretien scripté, sans question posée.",
        "Answers file (YAML or JSON): scripted interview, no prompt.",
    ),
    "help.dry_run": (
        "Affiche ce qui serait demandé, dans l'ordre, sans rien écrire.",
        "Print what would be asked, in order, writing nothing.",
    ),
    "help.dry_run_format": (
        "Format de --dry-run : text, ou yaml pour un squelette de fichier de réponses.",
        "--dry-run format: text, or yaml for an answers-file skeleton.",
    ),
    "help.establishment": ("Établissement visité.", "Establishment visited."),
    "help.sector": ("Secteur ou service de soins (facultatif).", "Care sector or service (optional)."),
    "help.role": (
        "Fonction de la personne interrogée (jamais son nom).",
        "Interviewee's role (never their name).",
    ),
    "help.visitor": ("Expert-visiteur.", "Expert-visitor."),
    "help.date": (
        "Date de l'entretien, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut : aujourd'hui).",
        "Interview date, YYYY-MM-DD or DD/MM/YYYY (default: today).",
    ),
    "help.export_paths": ("Fichiers ou dossiers d'entretiens.", "Interview files or folders."),
    "help.export_format": ("Format : md, html, csv, json ou docx.", "Format: md, html, csv, json or docx."),
    "help.separator": (
        "Séparateur des cellules CSV : ',' (par défaut) ou ';' (tableurs en français).",
        "CSV cell separator: ',' (the default) or ';' (French spreadsheets).",
    ),
    "help.only": (
        "documents : seulement la liste des documents à demander, par public.",
        "documents: only the list of documents to request, by audience.",
    ),
    "help.output": (
        "Fichier de sortie (par défaut : sortie standard pour md, html, csv et json ; docx demande un fichier).",
        "Output file (default: standard output for md, html, csv and json; docx needs a file).",
    ),
    "help.duration": (
        "Durée prévue de l'entretien, en minutes : le temps restant s'affiche à chaque question.",
        "Planned length of the interview, in minutes: the time left is shown with each question.",
    ),
    "usage.status_no_path": (
        "indiquez les fichiers ou dossiers d'entretiens de la visite (par exemple : visitguide status entretiens/)",
        "give the visit's interview files or folders (for example: visitguide status entretiens/)",
    ),
    "usage.check_no_path": (
        "indiquez les fichiers ou dossiers d'entretiens à examiner (par exemple : visitguide check entretiens/)",
        "give the interview files or folders to scan (for example: visitguide check entretiens/)",
    ),
    "usage.bad_duration": (
        "durée invalide « {value} » : un nombre de minutes, par exemple --duration 45",
        "invalid duration '{value}': a number of minutes, for example --duration 45",
    ),
    "help.force": (
        "Remplace le fichier de sortie s'il existe (jamais un fichier d'entretien).",
        "Replace the output file if it exists (never an interview file).",
    ),
    "help.redact": (
        "Masque les identifiants personnels (NIR, courriels, téléphones, RPPS) dans le rapport.",
        "Mask personal identifiers (NIR, e-mails, phones, RPPS) in the report.",
    ),
    "help.blank": (
        "Trame d'entretien vierge à imprimer (avec --audience), au lieu d'un rapport.",
        "Blank printable interview guide (with --audience) instead of a report.",
    ),
    "help.status_paths": (
        "Fichiers ou dossiers d'entretiens de la visite.",
        "The visit's interview files or folders.",
    ),
    "help.check_paths": (
        "Fichiers ou dossiers d'entretiens à examiner.",
        "Interview files or folders to scan.",
    ),
}
