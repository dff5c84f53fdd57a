"""Messages of `visitguide import` (a HAS fiche turned into a bank draft): key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the fiche cannot be read, or is not a fiche (exit 2)
    "fiche.too_large": (
        "{path} : fichier trop volumineux pour une fiche ({size} octets ; maximum {max}), refusé avant lecture",
        "{path}: file too large for a fiche ({size} bytes; maximum {max}), refused before reading",
    ),
    "fiche.unreadable": ("{path} : lecture impossible ({error})", "{path}: cannot be read ({error})"),
    "fiche.empty": ("{path} : fichier vide, ce n'est pas une fiche", "{path}: empty file, not a fiche"),
    "fiche.binary": (
        "{path} : contenu binaire, ni texte ni PDF : ce n'est pas une fiche",
        "{path}: binary content, neither text nor PDF: not a fiche",
    ),
    "fiche.not_utf8": (
        "{path}:{line} : octets invalides, le texte n'est pas encodé en UTF-8",
        "{path}:{line}: invalid bytes, the text is not UTF-8 encoded",
    ),
    "fiche.not_pdf": (
        "{path} : ce fichier n'est pas un PDF (l'en-tête %PDF manque)",
        "{path}: this file is not a PDF (the %PDF header is missing)",
    ),
    "fiche.pdf_unreadable": (
        "{path} : PDF illisible ou endommagé ({reason})",
        "{path}: unreadable or damaged PDF ({reason})",
    ),
    "fiche.pdf_encrypted": (
        "{path} : PDF protégé par un mot de passe : enregistrez-en une copie sans protection",
        "{path}: password-protected PDF: save an unprotected copy",
    ),
    "fiche.pdf_no_text": (
        "{path} : le PDF ne contient pas de texte (fiche numérisée ?)",
        "{path}: the PDF holds no text (a scanned fiche?)",
    ),
    "fiche.pdf_too_many_pages": (
        "{path} : {pages} pages, trop pour une fiche (au plus {max})",
        "{path}: {pages} pages, too many for a fiche (at most {max})",
    ),
    "fiche.not_a_fiche": (
        "{path} : aucune partie « Exemples de questions… » : ce n'est pas une fiche pédagogique HAS",
        "{path}: no 'Exemples de questions…' part: not a HAS fiche pédagogique",
    ),
    "fiche.no_question": (
        "{path} : aucune question trouvée sous « Exemples de questions… »",
        "{path}: no question found under 'Exemples de questions…'",
    ),
    "fiche.bad_id": (
        "identifiant « {id} » invalide : lettres minuscules sans accent, chiffres et tirets (ex. : droits-patients)",
        "invalid id '{id}': lower-case letters without accents, digits and hyphens (e.g. droits-patients)",
    ),
    "fiche.no_id": (
        "impossible de tirer un identifiant du titre « {title} » : donnez-le avec --id",
        "no id can be made from the title '{title}': give one with --id",
    ),
    "fiche.exists": (
        "{folder} existe déjà : l'import ne remplace jamais un dossier (choisissez un autre --id ou --out)",
        "{folder} already exists: import never replaces a folder (choose another --id or --out)",
    ),
    "fiche.write_failed": (
        "{folder} : écriture du brouillon impossible ({error})",
        "{folder}: the draft cannot be written ({error})",
    ),
    # words written into the draft (always French: the bank's language)
    "fiche.source": ("Fiche « {file} » ({validation})", "Fiche '{file}' ({validation})"),
    "fiche.source_undated": ("Fiche « {file} »", "Fiche '{file}'"),
    "fiche.not_stated": ("non précisé", "not stated"),
    "fiche.version_not_stated": ("non précisée", "not stated"),
    "fiche.default_section": ("Points clés", "Key points"),
    "fiche.yaml_draft": (
        "Brouillon importé de {file} par « visitguide import » : à relire. "
        "Le commentaire au-dessus de chaque élément donne sa ligne dans la fiche.",
        "Draft imported from {file} by 'visitguide import': to be reviewed. "
        "The comment above each item gives its line in the fiche.",
    ),
    # the report of `visitguide import` (bank/fiche_show.py)
    "fiche.report.written": (
        "Brouillon écrit dans {folder} : guide.yaml et {files} fichier(s) de public.",
        "Draft written in {folder}: guide.yaml and {files} audience file(s).",
    ),
    "fiche.report.title": ("Guide « {id} » : {title}", "Guide '{id}': {title}"),
    "fiche.report.version": (
        "Version {version} ; référentiel {referentiel}.",
        "Version {version}; référentiel {referentiel}.",
    ),
    "fiche.report.questions": ("Questions : {count}", "Questions: {count}"),
    "fiche.report.checkpoints": ("Points de vérification : {count}", "Checkpoints: {count}"),
    "fiche.report.count_line": ("  {name} : {count}", "  {name}: {count}"),
    "fiche.report.references": ("Références : {count}", "References: {count}"),
    "fiche.report.criteria": (
        "Critères : {count} (dont {titled} avec leur intitulé)",
        "Criteria: {count} ({titled} with their title)",
    ),
    "fiche.report.caveat": (
        "Avertissement de la fiche repris (« ni opposables, ni exhaustives… »).",
        "The fiche's caveat kept ('ni opposables, ni exhaustives…').",
    ),
    "fiche.report.interpretations": (
        "Interprétations à vérifier ({count}) :",
        "Interpretations to check ({count}):",
    ),
    "fiche.report.ignored": (
        "Lignes des parties descriptives non reprises ({count}) :",
        "Lines of narrative parts not taken ({count}):",
    ),
    "fiche.report.unplaced": (
        "Lignes non placées ({count}) : à reprendre à la main dans le brouillon",
        "Lines not placed ({count}): to be added by hand to the draft",
    ),
    "fiche.report.invalid": (
        "Le brouillon ne passe pas « visitguide validate » ({count} problème(s)) :",
        "The draft does not pass 'visitguide validate' ({count} problem(s)):",
    ),
    "fiche.report.ok": (
        "Brouillon complet et valide, à relire avant usage.",
        "Draft complete and valid, to be reviewed before use.",
    ),
    "fiche.report.not_ok": (
        "Brouillon écrit, mais incomplet : {count} ligne(s) de la fiche non placée(s).",
        "Draft written, but incomplete: {count} line(s) of the fiche not placed.",
    ),
    # findings: interpretations (informational)
    "fiche.found.header": (
        "en-tête ou pied de page répété sur {pages} pages, ignoré : « {text} »",
        "header or footer repeated on {pages} pages, ignored: '{text}'",
    ),
    "fiche.found.no_title": (
        "titre non trouvé avant « Date validation… » : « {title} » pris pour titre",
        "no title before 'Date validation…': '{title}' taken as the title",
    ),
    "fiche.found.no_version": (
        "date de validation par le Collège non trouvée : version « non précisée »",
        "no validation date found: version 'non précisée'",
    ),
    "fiche.found.no_referentiel": (
        "la fiche ne dit pas quelle version du référentiel elle suit : référentiel « non précisé »",
        "the fiche does not say which référentiel version it follows: référentiel 'non précisé'",
    ),
    "fiche.found.no_caveat": (
        "avertissement « Les questions suivantes ne sont ni opposables… » absent de la fiche",
        "caveat 'Les questions suivantes ne sont ni opposables…' missing from the fiche",
    ),
    "fiche.found.guide_id": (
        "identifiant du guide tiré du titre : « {id} »",
        "guide id made from the title: '{id}'",
    ),
    "fiche.found.repeated_code": (
        "critère « {code} » répété dans la même liste : gardé une fois",
        "criterion '{code}' repeated in one list: kept once",
    ),
    "fiche.found.duplicate_question": (
        "question identique à celle de la ligne {first} : gardée une fois",
        "same question as on line {first}: kept once",
    ),
    "fiche.found.untitled_criterion": (
        "critère « {code} » cité sans intitulé dans la fiche : déclaré sans titre",
        "criterion '{code}' cited without a title in the fiche: declared without one",
    ),
    "fiche.found.title_conflict": (
        "critère « {code} » : un autre intitulé que ligne {first}, le premier est gardé",
        "criterion '{code}': another title than on line {first}, the first is kept",
    ),
    "fiche.found.shared_title": (
        "intitulé commun à plusieurs critères ({codes}) : non attribué",
        "title shared by several criteria ({codes}): not given to any",
    ),
    "fiche.found.audience": (
        "public « {label} » : identifiant « {id} »",
        "audience '{label}': id '{id}'",
    ),
    "fiche.found.audience_without_question": (
        "public « {label} » ({id}) : des points à vérifier mais aucune question, déclaré avec une liste de questions vide",
        "audience '{label}' ({id}): checkpoints but no question, declared with an empty question list",
    ),
    "fiche.found.leadin_audience": (
        "liste sans public nommé (« {leadin} ») rattachée à « {audience} » ({why}) : à vérifier",
        "list naming no audience ('{leadin}') given to '{audience}' ({why}): to be checked",
    ),
    "fiche.why.establishment": ("il y est question de l'établissement", "it speaks of the establishment"),
    "fiche.why.in_force": ("public de la liste précédente", "audience of the previous list"),
    "fiche.why.first": ("premier public de la fiche", "first audience of the fiche"),
    "fiche.found.sections_after": (
        "sections lues sur le titre numéroté qui suit les points (mise en page HAS)",
        "sections read from the numbered heading that follows the items (HAS layout)",
    ),
    "fiche.found.no_section": (
        "point sans titre de section numéroté : rangé sous « {section} »",
        "checkpoint without a numbered section heading: filed under '{section}'",
    ),
    "fiche.found.item_goes_on": (
        "ligne sans puce rattachée au point qui la précède (il ne finissait pas sa phrase) : « {text} »",
        "line without a bullet joined to the item before it (which had not ended): '{text}'",
    ),
    # findings: lines left out of narrative parts (informational)
    "fiche.found.box_item": (
        "puce hors d'une liste « vous vérifierez… », non reprise : « {text} »",
        "bullet outside a 'vous vérifierez…' list, not taken: '{text}'",
    ),
    "fiche.found.after_list": (
        "texte qui suit une liste de points, non repris : « {text} »",
        "text after a checkpoint list, not taken: '{text}'",
    ),
    "fiche.found.reference_line": (
        "ligne des références non reprise : « {text} »",
        "line of the references not taken: '{text}'",
    ),
    # findings: unplaced lines (exit code 1)
    "fiche.found.unplaced_question_line": (
        "ligne non placée dans les questions : « {text} »",
        "line of the question part not placed: '{text}'",
    ),
    "fiche.found.question_without_audience": (
        "question avant tout titre de public, non importée : « {text} »",
        "question before any audience heading, not imported: '{text}'",
    ),
    "fiche.found.question_without_criteria": (
        "question sans critère « (Crit. …) », non importée : « {text} »",
        "question without '(Crit. …)' criteria, not imported: '{text}'",
    ),
    "fiche.found.inside_list": (
        "ligne au milieu d'une liste de points, non placée : « {text} »",
        "line in the middle of a checkpoint list, not placed: '{text}'",
    ),
    "fiche.found.empty_list": (
        "liste de points annoncée mais vide : « {text} »",
        "checkpoint list announced but empty: '{text}'",
    ),
}
