"""Messages of `visitguide check` and of identifier detection: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # identifier kinds (identifiers.label)
    "check.kind.nir": ("NIR/INS", "NIR/INS"),
    "check.kind.email": ("adresse électronique", "e-mail address"),
    "check.kind.phone": ("numéro de téléphone", "phone number"),
    "check.kind.rpps": ("numéro RPPS", "RPPS number"),
    # what replaces an identifier in a report made with --redact
    "check.redacted.nir": ("[NIR/INS masqué]", "[NIR/INS masked]"),
    "check.redacted.email": ("[adresse électronique masquée]", "[e-mail address masked]"),
    "check.redacted.phone": ("[numéro de téléphone masqué]", "[phone number masked]"),
    "check.redacted.rpps": ("[numéro RPPS masqué]", "[RPPS number masked]"),
    # where an identifier was found
    "check.field.notes": ("notes", "notes"),
    "check.field.evidence": ("documents", "evidence"),
    "check.field.comment": ("commentaire", "comment"),
    "check.field.text": ("texte de la question", "question text"),
    "check.field.id": ("identifiant", "id"),
    "check.field.establishment": ("établissement", "establishment"),
    "check.field.sector": ("secteur", "sector"),
    "check.field.interviewee_role": ("fonction de la personne interrogée", "interviewee's role"),
    "check.field.visitor": ("expert-visiteur", "expert-visitor"),
    "check.field.date": ("date", "date"),
    "check.where.context": ("contexte ({field})", "context ({field})"),
    "check.where.answer": ("{id} ({field})", "{id} ({field})"),
    "check.where.checkpoint": ("point {id} ({field})", "checkpoint {id} ({field})"),
    "check.where.added": ("question ajoutée {id} ({field})", "added question {id} ({field})"),
    "check.where.line": ("ligne {line}", "line {line}"),
    "check.where.key": ("« {key} »", "'{key}'"),
    # findings
    "check.identifier": ("{kind} « {masked} »", "{kind} '{masked}'"),
    "check.guide_missing": (
        "guide « {id} » introuvable dans les banques : impossible de vérifier l'entretien",
        "guide '{id}' not found in the banks: the interview cannot be checked against it",
    ),
    "check.guide_invalid": (
        "le guide « {id} » est invalide (voir « visitguide validate ») : impossible de vérifier l'entretien",
        "guide '{id}' is invalid (see 'visitguide validate'): the interview cannot be checked against it",
    ),
    "check.guide_changed": (
        "le guide « {id} » a changé depuis l'entretien (empreinte différente) : réponses à relire",
        "guide '{id}' changed since the interview (different digest): answers to review",
    ),
    "check.audience_missing": (
        "public « {audience} » absent du guide « {id} »",
        "audience '{audience}' is not in guide '{id}'",
    ),
    "check.line": ("{file} — {where} : {what}", "{file} — {where}: {what}"),
    "check.line_file": ("{file} — {what}", "{file} — {what}"),
    # summary and usage
    "check.clean": (
        "{files} fichier(s) examiné(s) : aucun identifiant personnel, aucun fichier endommagé.",
        "{files} file(s) scanned: no personal identifier, no damaged file.",
    ),
    "check.summary": (
        "{count} problème(s) dans {bad} fichier(s) sur {files} examiné(s).",
        "{count} problem(s) in {bad} of {files} file(s) scanned.",
    ),
    "check.advice": (
        "Retirez les identifiants des notes (décrivez les personnes par leur fonction) ; "
        "« visitguide export --redact » les masque dans un rapport.",
        "Remove identifiers from the notes (describe people by their role); "
        "'visitguide export --redact' masks them in a report.",
    ),
    # finding interview files (interview_file.find: check, export, status)
    "find.path_missing": ("{path} : fichier ou dossier introuvable", "{path}: no such file or folder"),
    "find.folder_unreadable": ("{path} : dossier illisible ({error})", "{path}: unreadable folder ({error})"),
    "check.no_file": (
        "aucun fichier d'entretien (*.json) trouvé dans : {paths}",
        "no interview file (*.json) found in: {paths}",
    ),
}
