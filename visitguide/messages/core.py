"""Messages shared by every package: files, system errors, error prefixes, output files, usage: key -> (French, English)."""

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
    "file.write_error": ("écriture impossible ({error})", "cannot write ({error})"),
    "file.too_large_stream": (
        "fichier trop volumineux (plus de {max} octets), refusé",
        "file too large (over {max} bytes), refused",
    ),
    "file.not_regular": (
        "ce n'est pas un fichier ordinaire (tube, périphérique…) : non lu",
        "not a regular file (pipe, device…): not read",
    ),
    "file.not_utf8": (
        "octets invalides : le fichier n'est pas encodé en UTF-8",
        "invalid bytes: the file is not UTF-8 encoded",
    ),
    # personal identifiers in what was typed (identifiers.warning)
    "identifiers.warning": (
        "attention, le champ « {field} » semble contenir un identifiant personnel : {found} ; vérifiez-le",
        "warning: field '{field}' seems to hold a personal identifier: {found}; check it",
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
    "did_you_mean": ("Vouliez-vous dire « {id} » ?", "Did you mean '{id}'?"),
    "valid_ids": ("Valeurs possibles : {ids}.", "Valid values: {ids}."),
    "problems.more": (
        "… et {count} autre(s) problème(s) : corrigez d'abord ceux-ci",
        "… and {count} more problem(s): fix these first",
    ),
    "error.prefix": ("Erreur :", "Error:"),
    "error.os": ("écriture impossible dans {where} : {reason}", "cannot write to {where}: {reason}"),
    "usage.not_together": (
        "{first} et {second} ne vont pas ensemble.",
        "{first} and {second} cannot be used together.",
    ),
    "usage.needs": ("{option} ne s'emploie qu'avec {needed}.", "{option} is only used with {needed}."),
    "error.os_file": ("{path} : {reason}", "{path}: {reason}"),
    "error.stdout": ("la sortie standard", "standard output"),
    "error.bank_header": (
        "Banque de questions invalide ({count} problème(s)) :",
        "Invalid question bank ({count} problem(s)):",
    ),
    # provenance (bank/provenance.py): what the source says and what a bank's author added
    "provenance.added": ("proposé par {author}", "added by {author}"),
    "provenance.to_confirm": ("à confirmer", "to be confirmed"),
    "provenance.source": ("source : {source}", "source: {source}"),
    "provenance.referentiel": (
        "{referentiel} (proposé par {author}, non précisé par la source)",
        "{referentiel} (added by {author}, not stated by the source)",
    ),
    "provenance.caveat": ("Avertissement de la source : « {caveat} »", "The source's caveat: “{caveat}”"),
    "provenance.no_criteria": ("aucun critère rattaché", "no criterion attached"),
    # files written for people (outputs.py: reports and paper guides)
    "output.is_interview": (
        "impossible d'écrire {path} : c'est un fichier d'entretien, que visitguide n'écrase jamais ; choisissez un autre nom",
        "cannot write {path}: it is an interview file, which visitguide never overwrites; choose another name",
    ),
    "output.is_folder": (
        "impossible d'écrire {path} : c'est un dossier ; indiquez un nom de fichier",
        "cannot write {path}: it is a folder; give a file name",
    ),
    "output.folder_missing": (
        "impossible d'écrire {path} : le dossier {folder} n'existe pas",
        "cannot write {path}: folder {folder} does not exist",
    ),
    "output.cannot_write": ("impossible d'écrire {path} ({error})", "cannot write {path} ({error})"),
    "output.exists": (
        "{path} existe déjà : ajoutez --force pour le remplacer",
        "{path} already exists: add --force to replace it",
    ),
    "output.not_regular": (
        "impossible d'écrire {path} : ce n'est pas un fichier ordinaire (tube, périphérique…)",
        "cannot write {path}: not a regular file (pipe, device…)",
    ),
}
