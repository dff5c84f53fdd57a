"""Messages of the `outline` package: the dry-run and the paper guide: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- dry-run (--dry-run) and answers-file skeleton (--dry-run --format yaml) ------------
    "dryrun.title": ("Répétition : {title}", "Rehearsal: {title}"),
    "dryrun.guide_line": (
        "Guide {id}, version {version} — {source}",
        "Guide {id}, version {version} — {source}",
    ),
    "dryrun.audience": ("Entretien « {label} » ({id})", "Interview '{label}' ({id})"),
    "dryrun.counts": (
        "{questions} question(s), puis {checkpoints} point(s) de vérification à coter oui / non / na.",
        "{questions} question(s), then {checkpoints} checkpoint(s) to rate oui / non / na.",
    ),
    "dryrun.counts_no_checkpoint": (
        "{questions} question(s) ; aucun point de vérification pour ce public.",
        "{questions} question(s); no checkpoint for this audience.",
    ),
    "dryrun.checkpoints": (
        "Points de vérification (« vous vérifierez que… ») : oui / non / na",
        'Checkpoints ("vous vérifierez que…"): oui / non / na',
    ),
    "dryrun.id": ("identifiant : {id}", "id: {id}"),
    "dryrun.criterion": ("Critère {text}", "Criterion {text}"),
    "dryrun.hint": ("Repère : {hint}", "Hint: {hint}"),
    "dryrun.evidence": ("Documents à demander : {items}", "Documents to ask for: {items}"),
    "dryrun.criterion_added": ("Critère ({mark}) : {text}", "Criterion ({mark}): {text}"),
    "dryrun.hint_added": ("Repère ({mark}) : {hint}", "Hint ({mark}): {hint}"),
    "dryrun.evidence_added": (
        "Documents à demander ({mark}) : {items}",
        "Documents to ask for ({mark}): {items}",
    ),
    "dryrun.no_criteria": ("Critère : {none}", "Criterion: {none}"),
    "dryrun.referentiel": ("Référentiel : {referentiel}", "Référentiel: {referentiel}"),
    "dryrun.nothing_written": (
        "Répétition seulement : aucun fichier n'a été écrit.",
        "Rehearsal only: no file was written.",
    ),
    "dryrun.yaml_needs_audience": (
        "un squelette de réponses est fait pour un public : précisez --audience ({ids})",
        "an answers skeleton is for one audience: give --audience ({ids})",
    ),
    "dryrun.yaml.head": (
        "Fichier de réponses — {title}",
        "Answers file — {title}",
    ),
    "dryrun.yaml.help": (
        "Remplissez les notes, puis : visitguide interview --answers CE_FICHIER. "
        "Une entrée laissée vide n'est pas posée. Le texte sur plusieurs lignes s'écrit "
        "« notes: | » suivi des lignes indentées.",
        "Fill in the notes, then: visitguide interview --answers THIS_FILE. "
        "An entry left empty is not asked. Text over several lines is written "
        "'notes: |' followed by indented lines.",
    ),
    "dryrun.yaml.audience_label": ("{label}", "{label}"),
    "dryrun.yaml.status": (
        "ou in_progress ; par défaut terminé quand toutes les questions ont une entrée",
        "or in_progress; by default completed when every question has an entry",
    ),
    "dryrun.yaml.sector": ("facultatif", "optional"),
    "dryrun.yaml.role": ("une fonction, jamais un nom", "a role, never a name"),
    "dryrun.yaml.date": ("AAAA-MM-JJ ; vide : aujourd'hui", "YYYY-MM-DD; empty: today"),
    "dryrun.yaml.criteria": ("Critères : {codes}", "Criteria: {codes}"),
    "dryrun.yaml.evidence": ("documents vus ou demandés", "documents seen or asked for"),
    "dryrun.yaml.answer_status": (
        "ou skipped (passée), revisit (à revoir)",
        "or skipped, revisit (to come back to)",
    ),
    "dryrun.yaml.verify": ("Vous vérifierez que ", "Check that "),
    "dryrun.yaml.rating": ("oui, non ou na", "oui, non or na"),
    "dryrun.yaml.added": (
        'Questions ajoutées : - {text: "…", criteria: ["3.6-02"], notes: "…"}',
        'Questions of your own: - {text: "…", criteria: ["3.6-02"], notes: "…"}',
    ),
    # --- the paper guide (export --blank) -------------------------------------------------
    "paper.bad_format": (
        "la trame papier existe en {formats}, pas en « {format} » (csv et json sont faits pour les rapports)",
        "the paper guide comes as {formats}, not '{format}' (csv and json are for reports)",
    ),
    "paper.docx_needs_output": (
        "le format docx s'écrit dans un fichier : ajoutez --output trame.docx",
        "docx is written to a file: add --output guide.docx",
    ),
    "paper.written": (
        "Trame écrite : {path} (publics : {audiences})",
        "Guide written: {path} (audiences: {audiences})",
    ),
    "paper.lang": ("fr", "en"),
    "paper.title": ("Trame d'entretien — {title}", "Interview guide — {title}"),
    "paper.kicker": ("Trame d'entretien — expert-visiteur", "Interview guide — expert-visitor"),
    "paper.footer": (
        "Trame d'entretien · {id} · version {version}",
        "Interview guide · {id} · version {version}",
    ),
    "paper.heading": ("Entretien « {label} »", "Interview: {label}"),
    "paper.meta_version": ("Version {version}", "Version {version}"),
    "paper.meta_source": ("Source : {source}", "Source: {source}"),
    "paper.meta_referentiel": ("Référentiel {referentiel}", "Référentiel {referentiel}"),
    "paper.meta_guide": ("guide {id}, public {audience}", "guide {id}, audience {audience}"),
    "paper.context": ("Contexte de l'entretien", "Interview context"),
    "paper.context.field": ("Rubrique", "Field"),
    "paper.context.value": ("À remplir", "To fill in"),
    "paper.context.establishment": ("Établissement", "Establishment"),
    "paper.context.sector": ("Secteur ou service (facultatif)", "Sector or service (optional)"),
    "paper.context.role": ("Fonction de la personne interrogée", "Interviewee's role"),
    "paper.context.role_aside": ("(jamais son nom)", "(never a name)"),
    "paper.context.visitor": ("Expert-visiteur", "Expert-visitor"),
    "paper.context.date": ("Date", "Date"),
    "paper.instructions": (
        "Les questions sont des exemples à adapter. Cochez les documents vus ou demandés ; "
        "notez à côté d'une question « à revoir » ou « passée » si besoin.",
        "The questions are examples to adapt. Tick the documents seen or asked for; "
        "write 'to revisit' or 'skipped' beside a question when needed.",
    ),
    "paper.legend": ("Critères cités", "Criteria cited"),
    "paper.legend.code": ("Critère ({referentiel})", "Criterion ({referentiel})"),
    "paper.legend.title": ("Intitulé", "Title"),
    "paper.legend.equivalents": ("Équivalent", "Equivalent"),
    "paper.equivalent": ("{referentiel} : {code}", "{referentiel}: {code}"),
    "paper.questions": ("Questions ({count})", "Questions ({count})"),
    "paper.criterion": ("Critère {text}", "Criterion {text}"),
    "paper.criterion_label": ("Critère", "Criterion"),
    "paper.hint": ("Repère : {hint}", "Hint: {hint}"),
    "paper.hint_label": ("Repère :", "Hint:"),
    "paper.evidence": ("Documents à demander :", "Documents to ask for:"),
    "paper.id": ("identifiant : {id}", "id: {id}"),
    "paper.notes": ("Notes :", "Notes:"),
    "paper.dots": (
        "…………………………………………………………………………………………………………………………………………",
        "…………………………………………………………………………………………………………………………………………",
    ),
    "paper.dots_short": ("……………………………", "……………………………"),
    "paper.added_question": ("{number}. Question ajoutée :", "{number}. Question of your own:"),
    "paper.added_question_label": ("Question ajoutée :", "Question of your own:"),
    "paper.added_criteria": ("Critère(s) :", "Criteria:"),
    "paper.checkpoints": ("Points de vérification ({count})", "Checkpoints ({count})"),
    "paper.checkpoints_help": (
        "Vous vérifierez que… : cochez oui, non ou na (non applicable) et commentez au besoin.",
        "Check that…: tick oui (yes), non (no) or na (not applicable) and comment when needed.",
    ),
    "paper.verify": ("Vous vérifierez que…", "Check that…"),
    "paper.rating": ("Cotation", "Rating"),
    "paper.comment": ("Commentaire", "Comment"),
    "paper.criteria_codes": ("Critères : {codes}", "Criteria: {codes}"),
    "paper.criteria_label": ("Critères :", "Criteria:"),
    "paper.equivalent_prefix": ("{referentiel} :", "{referentiel}:"),
    "paper.references": ("Pour aller plus loin", "Further reading"),
}
