"""Messages of the `interview` package: the live interview, interview files, scripted runs, `check`: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "live.document_requested": ("{document} (demandé)", "{document} (asked for)"),
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
    "ifile.duplicate_key": (
        "fichier d'entretien altéré : clé « {name} » en double (laquelle garder ?)",
        "tampered interview file: key '{name}' given twice (which one to keep?)",
    ),
    "ifile.bad_date": (
        "fichier d'entretien altéré : date « {value} » invalide (attendu AAAA-MM-JJ, un jour qui existe)",
        "tampered interview file: invalid date '{value}' (expected YYYY-MM-DD, a day that exists)",
    ),
    "ifile.bad_id": (
        "fichier d'entretien altéré : identifiant « {value} » qui n'est pas un UUID",
        "tampered interview file: id '{value}' is not a UUID",
    ),
    "ifile.added_is_guide_question": (
        "fichier d'entretien altéré : la question ajoutée « {id} » porte l'identifiant d'une question du guide « {guide} »",
        "tampered interview file: added question '{id}' has the id of a question of guide '{guide}'",
    ),
    "ifile.not_regular": (
        "ce n'est pas un fichier ordinaire (tube, périphérique…)",
        "not a regular file (pipe, device…)",
    ),
    "ifile.exists": (
        "le fichier {path} existe déjà : il n'est jamais écrasé ; pour le poursuivre, utilisez --resume {path}",
        "{path} already exists: it is never overwritten; to carry it on, use --resume {path}",
    ),
    "ifile.lock_is_link": (
        "le verrou {lock} de l'entretien {path} est un lien symbolique, que visitguide ne crée jamais : supprimez-le, puis recommencez",
        "the lock {lock} of interview {path} is a symbolic link, which visitguide never creates: remove it, then try again",
    ),
    "ifile.lock_error": (
        "impossible de poser le verrou {lock} de l'entretien {path} ({error})",
        "cannot take the lock {lock} of interview {path} ({error})",
    ),
    "ifile.locked": (
        "l'entretien {path} est déjà ouvert par un autre processus visitguide",
        "interview {path} is already open in another visitguide process",
    ),
    "session.other_guide": (
        "ce fichier d'entretien suit le guide « {file_guide} », pas « {guide} »",
        "this interview file follows guide '{file_guide}', not '{guide}'",
    ),
    "session.bad_rating": (
        "cotation « {value} » invalide : oui, non ou na",
        "invalid rating '{value}': oui, non or na",
    ),
    "session.bad_basis": (
        "base de cotation « {value} » invalide : entretien, observation ou document",
        "invalid rating basis '{value}': entretien, observation or document",
    ),
    "scripted.bad_basis": (
        "base de cotation « {value} » invalide (valeurs possibles : {allowed})",
        "invalid rating basis '{value}' (allowed: {allowed})",
    ),
    "scripted.bad_document_state": (
        "état de document « {value} » invalide (valeurs possibles : {allowed})",
        "invalid document state '{value}' (allowed: {allowed})",
    ),
    "session.empty_question": ("la question est vide", "the question is empty"),
    "session.other_audience": (
        "la question « {id} » est posée au public « {audience} », pas à « {current} »",
        "question '{id}' belongs to audience '{audience}', not '{current}'",
    ),
    # prompts (asker)
    "live.keys_select": ("flèches, Entrée", "arrow keys, Enter"),
    "live.keys_select_shortcuts": ("lettre puis Entrée", "letter then Enter"),
    "live.keys_checkbox": ("Espace : cocher · Entrée : valider", "Space: tick · Enter: confirm"),
    "live.keys_number": ("n° de question", "question no."),
    "live.keys_escape": ("Échap : retour", "Esc: back"),
    "live.unchanged": ("inchangé", "unchanged"),
    "live.ticked_none": ("aucun", "none"),
    "live.ticked_count": ("{count} cochés", "{count} ticked"),
    "live.keys_note": (
        "(Échap puis Entrée, ou Alt+Entrée : valider · Entrée : nouvelle ligne · Tab : menu · Ctrl-P : points de vérification)\n>",
        "(Esc then Enter, or Alt+Enter: save · Enter: new line · Tab: menu · Ctrl-P: checkpoints)\n>",
    ),
    "live.keys_note_short": (
        "(Échap+Entrée : valider · Tab : menu · Ctrl-P : points)\n>",
        "(Esc+Enter: save · Tab: menu · Ctrl-P: checkpoints)\n>",
    ),
    "live.keys_rate": ("o/n/a : oui, non, na · Entrée : détail", "y/n/a: oui, non, na · Enter: details"),
    "live.keys_comment": ("(Entrée : valider · Tab : base suivante)", "(Enter: save · Tab: next basis)"),
    "live.keys_documents": (
        "v vu · d demandé · x retirer · Entrée : état suivant",
        "s seen · r requested · x remove · Enter: next state",
    ),
    "live.basis.entretien": ("entretien", "interview"),
    "live.basis.observation": ("observation", "observation"),
    "live.basis.document": ("document", "document"),
    "live.document.vu": ("vu", "seen"),
    "live.document.demande": ("demandé", "requested"),
    "live.document.retirer": ("retirer", "remove"),
    "live.key.document_vu": ("v", "s"),
    "live.key.document_demande": ("d", "r"),
    "live.key.document_retirer": ("x", "x"),
    "live.document_mark.vu": ("vu", "seen"),
    "live.document_mark.demande": ("demandé", "asked"),
    "live.document_mark.none": ("—", "—"),
    "live.yes_keys": ("oOyY", "yY"),
    "live.no_keys": ("nN", "nN"),
    "live.yes_no": ("(O/n)", "(Y/n)"),
    "live.no_yes": ("(o/N)", "(y/N)"),
    "live.yes": ("Oui", "Yes"),
    "live.no": ("Non", "No"),
    # starting
    "live.no_terminal": (
        "pas de terminal : l'entretien interactif a besoin d'un terminal ; sans terminal, utilisez --answers FICHIER",
        "no terminal: the interactive interview needs one; without a terminal, use --answers FILE",
    ),
    "live.out_with_resume": (
        "--out et --resume ne vont pas ensemble : --resume poursuit le fichier qu'il nomme",
        "--out and --resume do not go together: --resume carries on the file it names",
    ),
    "live.out_is_folder": (
        "--out {path} est un dossier : --out prend le nom du fichier d'entretien à créer, par exemple {example}",
        "--out {path} is a folder: --out takes the name of the interview file to create, for example {example}",
    ),
    "live.choose_guide": ("Guide", "Guide"),
    "live.bundled": ("intégré", "bundled"),
    "live.choose_audience": ("Public interrogé", "Audience"),
    "live.audience_option": ("{label} ({id}, {count} questions)", "{label} ({id}, {count} questions)"),
    "live.context.establishment": ("Établissement", "Establishment"),
    "live.context.sector": ("Secteur ou service (facultatif)", "Care sector or service (optional)"),
    "live.context.interviewee_role": ("Fonction de la personne interrogée", "Interviewee's role"),
    "live.context.visitor": ("Expert-visiteur (facultatif)", "Expert-visitor (optional)"),
    "live.context.date": ("Date de l'entretien", "Interview date"),
    "live.context_hint.establishment": ("(l'établissement visité)", "(the establishment visited)"),
    "live.context_hint.sector": ("(Entrée pour passer)", "(Enter to leave empty)"),
    "live.context_hint.interviewee_role": (
        "(une fonction, jamais un nom : DSI, RSSI, cadre de santé…)",
        "(a function, never a name: CIO, CISO, head nurse…)",
    ),
    "live.context_hint.visitor": (
        "(initiales ou code, Entrée pour passer)",
        "(initials or code, Enter to leave empty)",
    ),
    "live.context_hint.date": ("(AAAA-MM-JJ ou JJ/MM/AAAA)", "(YYYY-MM-DD or DD/MM/YYYY)"),
    "live.required": ("à renseigner", "required"),
    "live.bad_date": (
        "date invalide « {value} » : attendu AAAA-MM-JJ ou JJ/MM/AAAA, par exemple 2026-11-29 ou 29/11/2026",
        "invalid date '{value}': expected YYYY-MM-DD or DD/MM/YYYY, for example 2026-11-29 or 29/11/2026",
    ),
    "live.file_created": ("Entretien enregistré dans : {path}", "Interview saved in: {path}"),
    "live.interrupted_before_file": (
        "entretien interrompu avant sa création : aucun fichier écrit",
        "interview interrupted before it was created: no file written",
    ),
    # resuming
    "live.file_resumed": ("Reprise de l'entretien : {path}", "Resuming interview: {path}"),
    "live.context_changed": (
        "Contexte modifié : {field} : {old} → {new}",
        "Context changed: {field}: {old} → {new}",
    ),
    "live.field.establishment": ("établissement", "establishment"),
    "live.field.sector": ("secteur", "sector"),
    "live.field.interviewee_role": ("fonction", "role"),
    "live.field.visitor": ("expert-visiteur", "expert-visitor"),
    "live.field.date": ("date", "date"),
    "live.reopened": (
        "L'entretien était terminé : il repasse « en cours » jusqu'à ce que vous le terminiez de nouveau.",
        "The interview was completed: it is back in progress until you finish it again.",
    ),
    "live.resume_other_guide": (
        "{path} suit le guide « {file} », pas « {given} » : retirez --guide pour le reprendre",
        "{path} follows guide '{file}', not '{given}': drop --guide to resume it",
    ),
    "live.resume_other_audience": (
        "{path} est un entretien du public « {file} », pas « {given} » : retirez --audience pour le reprendre",
        "{path} is an interview of audience '{file}', not '{given}': drop --audience to resume it",
    ),
    "live.resume_completed": (
        "Cet entretien est terminé ; vous pouvez le compléter ou le corriger (il repasse « en cours » dès la première modification, jusqu'à ce que vous le terminiez).",
        "This interview is completed; you may complete or correct it (it is back in progress from the first change until you finish it again).",
    ),
    "live.guide_changed": (
        "Le guide a changé depuis le début de cet entretien (version {old} → {new}) : les réponses sont rattachées par identifiant de question.",
        "The guide changed since this interview began (version {old} → {new}): answers are matched by question id.",
    ),
    "live.orphans_heading": (
        "{count} réponse(s) portent sur des questions ou points qui ne sont plus dans le guide ; elles sont gardées telles quelles dans le fichier :",
        "{count} answer(s) concern questions or checkpoints no longer in the guide; they are kept as they are in the file:",
    ),
    # the question screen
    "live.question_title": ("Question {number}/{total} · {id}", "Question {number}/{total} · {id}"),
    "live.added_mark": ("(ajoutée)", "(added)"),
    "live.progress": (
        "répondues {answered}/{total} · à revoir {revisit} · passées {skipped}",
        "answered {answered}/{total} · to revisit {revisit} · skipped {skipped}",
    ),
    "live.criteria_heading": ("Critères", "Criteria"),
    "live.no_criteria": ("(aucun)", "(none)"),
    "live.equivalent": ("en {referentiel} :", "in {referentiel}:"),
    "live.hint_heading": ("Conseil", "Hint"),
    "live.evidence_heading": ("À demander", "Ask for"),
    "live.status_heading": ("Statut", "Status"),
    "live.notes_below": ("notes déjà prises ci-dessous, modifiables", "notes already taken below, editable"),
    "live.seen_heading": ("Vus/demandés", "Seen/requested"),
    "live.status.pending": ("non posée", "not asked"),
    "live.status.answered": ("répondue", "answered"),
    "live.status.skipped": ("passée", "skipped"),
    "live.status.revisit": ("à revoir", "to revisit"),
    "live.note_prompt": ("Notes", "Notes"),
    "live.draft_masked": (
        "La note est gardée, identifiants masqués (statut : à revoir).",
        "The note is kept with its identifiers masked (status: to revisit).",
    ),
    "live.pace": ("{elapsed} min · {left} à poser", "{elapsed} min · {left} to ask"),
    "live.pace_target": (
        "reste {remaining} min sur {duration} · {left} à poser",
        "{remaining} of {duration} min left · {left} to ask",
    ),
    "live.pace_over": (
        "{over} min de dépassement · {left} à poser",
        "{over} min over time · {left} to ask",
    ),
    "live.progress_short": ("répondues {answered}/{total}", "answered {answered}/{total}"),
    "live.progress_revisit": ("à revoir {count}", "to revisit {count}"),
    "live.progress_skipped": ("passées {count}", "skipped {count}"),
    "live.more_on_key": (
        "Ctrl-O : tout afficher ({what})",
        "Ctrl-O: show everything ({what})",
    ),
    "live.more.hint": ("conseil", "hint"),
    "live.more.evidence": ("documents", "documents"),
    "live.more.titles": ("intitulés des critères", "criteria titles"),
    "live.draft_kept": (
        "La note en cours est gardée (statut : {status}).",
        "The note being typed is kept (status: {status}).",
    ),
    # personal identifiers
    "live.kind.nir": ("NIR/INS", "NIR/INS"),
    "live.kind.email": ("adresse e-mail", "e-mail address"),
    "live.kind.phone": ("numéro de téléphone", "phone number"),
    "live.kind.rpps": ("numéro RPPS", "RPPS number"),
    "live.identifiers_warning": (
        "Attention : ce texte semble contenir des identifiants personnels : {found}.",
        "Warning: this text seems to hold personal identifiers: {found}.",
    ),
    "live.identifiers_edit": ("Le modifier maintenant ?", "Edit it now?"),
    # the menu
    "live.menu_prompt": ("Que faire ?", "What next?"),
    "live.act.next": ("Question suivante", "Next question"),
    "live.act.note": ("Reprendre la note", "Back to the note"),
    "live.act.skip": ("Passer (question non posée)", "Skip (question not asked)"),
    "live.act.flag": ("À revoir", "Flag to revisit"),
    "live.act.back": ("Question précédente (n° {number})", "Previous question (no. {number})"),
    "live.act.evidence": ("Documents vus ou demandés", "Documents seen or requested"),
    "live.act.editor": ("Note dans l'éditeur ({editor})", "Note in the editor ({editor})"),
    "live.act.list": ("Liste des questions", "Question list"),
    "live.act.search": ("Rechercher une question", "Search questions"),
    "live.act.add": ("Ajouter une question", "Add a question"),
    "live.act.checkpoints": (
        "Points de vérification ({rated}/{total} cotés)",
        "Checkpoints ({rated}/{total} rated)",
    ),
    "live.act.finish": ("Terminer l'entretien", "Finish the interview"),
    "live.act.quit": ("Quitter (reprendre plus tard)", "Quit (resume later)"),
    "live.act.pending": ("Questions non posées ({count})", "Questions not asked ({count})"),
    "live.act.revisit": ("Questions à revoir ({count})", "Questions to revisit ({count})"),
    "live.key.next": ("s", "n"),
    "live.key.note": ("n", "w"),
    "live.key.skip": ("p", "s"),
    "live.key.flag": ("r", "r"),
    "live.key.back": ("a", "b"),
    "live.key.evidence": ("d", "v"),
    "live.key.editor": ("e", "e"),
    "live.key.list": ("l", "l"),
    "live.key.search": ("c", "f"),
    "live.key.add": ("j", "a"),
    "live.key.checkpoints": ("v", "c"),
    "live.key.finish": ("t", "d"),
    "live.key.quit": ("q", "q"),
    "live.key.pending": ("n", "p"),
    "live.key.revisit": ("r", "r"),
    # evidence
    "live.evidence_prompt": ("Documents vus ou demandés", "Documents seen or requested"),
    "live.evidence_other": ("Autre document…", "Other document…"),
    "live.evidence_free": ("Autre(s) document(s)", "Other document(s)"),
    "live.evidence_free_hint": ("(séparés par ;)", "(separated by ;)"),
    # list and search
    "live.legend": (
        "○ non posée · ✓ répondue · – passée · ⚑ à revoir",
        "○ not asked · ✓ answered · – skipped · ⚑ to revisit",
    ),
    "live.list_prompt": ("Aller à la question", "Go to question"),
    "live.list_back": ("Retour", "Back"),
    "live.search_prompt": ("Mots à chercher", "Words to search for"),
    "live.search_none": (
        "Aucune question ni aucun point ne contient « {query} ».",
        "No question or checkpoint contains '{query}'.",
    ),
    "live.search_results": ("{count} résultat(s)", "{count} result(s)"),
    "live.adopt_confirm": (
        "Cette question est prévue pour le public « {audience} ». L'ajouter à cet entretien ?",
        "This question is meant for audience '{audience}'. Add it to this interview?",
    ),
    "live.added": ("Question ajoutée : {id}", "Question added: {id}"),
    "live.add_text": ("Votre question", "Your question"),
    "live.add_criteria": ("Critères de cette question", "Criteria of this question"),
    "live.add_criteria_needed": (
        "Cochez au moins un critère (Espace), pour que la question figure au rapport.",
        "Tick at least one criterion (Space), so that the question appears in the report.",
    ),
    # checkpoints
    "live.no_checkpoints": (
        "Aucun point de vérification pour ce public.",
        "No checkpoint for this audience.",
    ),
    "live.checkpoints_prompt": (
        "Points de vérification ({rated}/{total} cotés)",
        "Checkpoints ({rated}/{total} rated)",
    ),
    "live.checkpoints_back": ("Retour", "Back"),
    "live.checkpoint_title": ("Vous vérifierez que… · {section}", "You will check that… · {section}"),
    "live.rated_heading": ("Coté", "Rated"),
    "live.comment_heading": ("Commentaire", "Comment"),
    "live.rating_prompt": ("Cotation", "Rating"),
    "live.rating.oui": ("oui", "oui (yes)"),
    "live.rating.non": ("non", "non (no)"),
    "live.rating.na": ("na (non applicable)", "na (not applicable)"),
    "live.rating.leave": ("Laisser non coté", "Leave unrated"),
    "live.key.rating_oui": ("o", "y"),
    "live.key.rating_non": ("n", "n"),
    "live.key.rating_na": ("a", "a"),
    "live.key.rating_leave": ("l", "l"),
    "live.comment_prompt": ("Commentaire (facultatif)", "Comment (optional)"),
    # the end
    "live.end_heading": ("Plus aucune question en attente.", "No question left pending."),
    "live.finish_left": (
        "Il reste {pending} question(s) non posée(s) et {unrated} point(s) de vérification non coté(s).",
        "{pending} question(s) not asked and {unrated} checkpoint(s) not rated remain.",
    ),
    "live.finish_rate_first": (
        "Coter maintenant les {count} point(s) de vérification ?",
        "Rate the {count} checkpoint(s) now?",
    ),
    "live.finish_anyway": ("Terminer quand même ?", "Finish anyway?"),
    "live.summary_title": ("Bilan par critère", "Summary by criterion"),
    "live.col_criterion": ("Critère", "Criterion"),
    "live.col_answered": ("Répondues", "Answered"),
    "live.col_skipped": ("Passées", "Skipped"),
    "live.col_revisit": ("À revoir", "To revisit"),
    "live.col_pending": ("Non posées", "Not asked"),
    "live.col_checkpoints": ("Points cotés", "Checkpoints rated"),
    "live.summary_unlinked": (
        "{count} question(s) ajoutée(s) sans critère.",
        "{count} added question(s) without a criterion.",
    ),
    "live.summary_orphans": (
        "{count} réponse(s) hors du guide actuel, gardées dans le fichier.",
        "{count} answer(s) outside the current guide, kept in the file.",
    ),
    "live.finished": ("Entretien terminé, enregistré dans : {path}", "Interview finished, saved in: {path}"),
    "live.left": (
        "Entretien enregistré (en cours) dans : {path}\nPour reprendre :\n  {command}",
        "Interview saved (in progress) in: {path}\nTo resume:\n  {command}",
    ),
    "live.interrupted": (
        "Entretien interrompu ; tout ce qui a été validé est enregistré dans {path}.\nPour reprendre :\n  {command}",
        "Interview interrupted; everything confirmed is saved in {path}.\nTo resume:\n  {command}",
    ),
    # the editor (menu, or Ctrl-X Ctrl-E in a note)
    "live.editor_unreadable": (
        "{name} (« {value} ») ne se lit pas comme une commande (un guillemet non fermé ?) : ignorée",
        "{name} ('{value}') does not read as a command (a quote left open?): ignored",
    ),
    "live.editor_used": ("Éditeur utilisé : {editor}", "Editor used: {editor}"),
    "live.add_criteria_missing": (
        "La question ajoutée {id} n'est rattachée à aucun critère : cochez-en au moins un.",
        "Added question {id} is tied to no criterion: tick at least one.",
    ),
    "live.editor_failed": (
        "l'éditeur {program} n'a pas pu être lancé ({reason}) : la note est inchangée",
        "editor {program} could not be started ({reason}): the note is unchanged",
    ),
    "live.editor_bad_command": ("commande illisible", "unreadable command"),
    "live.editor_none": (
        "Aucun éditeur trouvé ($VISUAL, $EDITOR, editor, nano, vi) : la note reste telle quelle.",
        "No editor found ($VISUAL, $EDITOR, editor, nano, vi): the note stays as it is.",
    ),
    "live.retry_save": ("Réessayer d'enregistrer ?", "Try saving again?"),
    "live.save_failed": (
        "l'entretien n'a pas pu être enregistré ; les dernières modifications sont perdues",
        "the interview could not be saved; the last changes are lost",
    ),
    # --- scripted runs (--answers) ----------------------------------------------------------
    "scripted.refused": (
        "fichier de réponses refusé ({count} problème(s)) ; rien n'a été écrit :",
        "answers file refused ({count} problem(s)); nothing was written:",
    ),
    "scripted.empty": (
        "fichier de réponses vide : rien à enregistrer",
        "empty answers file: nothing to save",
    ),
    "scripted.bad_json": ("JSON invalide : {error}", "invalid JSON: {error}"),
    "scripted.json_constant": (
        "NaN et Infinity ne sont pas du JSON valide",
        "NaN and Infinity are not valid JSON",
    ),
    "scripted.unknown_key": (
        "clé inconnue « {key} » (clés possibles : {allowed}).",
        "unknown key '{key}' (allowed keys: {allowed}).",
    ),
    "scripted.out_and_resume": (
        "--out et --resume ne vont pas ensemble : --resume complète le fichier donné",
        "--out and --resume do not go together: --resume adds to the file given",
    ),
    "scripted.no_audience": (
        "public à préciser : --audience, ou la clé « audience » dans {path} (publics : {ids})",
        "audience needed: --audience, or the 'audience' key in {path} (audiences: {ids})",
    ),
    "scripted.resume_other_guide": (
        "guide « {given} » demandé, mais l'entretien repris suit le guide « {expected} »",
        "guide '{given}' asked for, but the resumed interview follows guide '{expected}'",
    ),
    "scripted.resume_other_audience": (
        "public « {given} » demandé, mais l'entretien repris est celui du public « {expected} »",
        "audience '{given}' asked for, but the resumed interview is for audience '{expected}'",
    ),
    "scripted.bad_date": (
        "date « {value} » invalide : attendu AAAA-MM-JJ (par exemple 2026-11-29)",
        "invalid date '{value}': expected YYYY-MM-DD (for instance 2026-11-29)",
    ),
    "scripted.checkpoint_other_audience": (
        "le point de vérification « {id} » se vérifie avec le public « {audience} », pas « {current} »",
        "checkpoint '{id}' is checked with audience '{audience}', not '{current}'",
    ),
    "scripted.comment_without_rating": (
        "commentaire sans cotation pour « {id} » : ajoutez rating: oui, non ou na",
        "comment without a rating for '{id}': add rating: oui, non or na",
    ),
    "scripted.bad_status": (
        "statut « {value} » invalide (attendu : {allowed})",
        "invalid status '{value}' (expected: {allowed})",
    ),
    "scripted.bad_file_status": (
        "statut d'entretien « {value} » invalide (attendu : {allowed})",
        "invalid interview status '{value}' (expected: {allowed})",
    ),
    "scripted.identifier_warning": (
        "attention, la note semble contenir un identifiant personnel ({kinds}) : vérifiez-la",
        "warning: the note seems to hold a personal identifier ({kinds}): check it",
    ),
    "scripted.identifier.nir": ("NIR/INS", "NIR/INS"),
    "scripted.identifier.email": ("adresse électronique", "e-mail address"),
    "scripted.identifier.phone": ("numéro de téléphone", "phone number"),
    "scripted.identifier.rpps": ("numéro RPPS", "RPPS number"),
    "scripted.status.completed": ("terminé", "completed"),
    "scripted.status.in_progress": ("en cours", "in progress"),
    "scripted.written": (
        "Entretien enregistré : {path} ({answered}/{total} réponses, {skipped} passée(s), "
        "{revisit} à revoir, {rated} point(s) coté(s), statut : {status})",
        "Interview saved: {path} ({answered}/{total} answers, {skipped} skipped, "
        "{revisit} to revisit, {rated} checkpoint(s) rated, status: {status})",
    ),
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
