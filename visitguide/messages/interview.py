"""Messages of the interview: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "session.other_guide": (
        "ce fichier d'entretien suit le guide « {file_guide} », pas « {guide} »",
        "this interview file follows guide '{file_guide}', not '{guide}'",
    ),
    "session.bad_rating": (
        "cotation « {value} » invalide : oui, non ou na",
        "invalid rating '{value}': oui, non or na",
    ),
    "session.empty_question": ("la question est vide", "the question is empty"),
    "session.other_audience": (
        "la question « {id} » est posée au public « {audience} », pas à « {current} »",
        "question '{id}' belongs to audience '{audience}', not '{current}'",
    ),
    # prompts (asker)
    "live.keys_select": ("(flèches, Entrée)", "(arrow keys, Enter)"),
    "live.keys_select_shortcuts": (
        "(flèches ou touche, puis Entrée)",
        "(arrow keys or shortcut, then Enter)",
    ),
    "live.keys_checkbox": (
        "(flèches, Espace pour cocher, Entrée pour valider)",
        "(arrow keys, Space to tick, Enter to confirm)",
    ),
    "live.keys_note": (
        "(Échap puis Entrée, ou Alt+Entrée : valider · Entrée : nouvelle ligne · Tab : menu)\n>",
        "(Esc then Enter, or Alt+Enter: save · Enter: new line · Tab: menu)\n>",
    ),
    "live.yes_keys": ("oOyY", "yY"),
    "live.no_keys": ("nN", "nN"),
    "live.yes_no": ("(O/n)", "(Y/n)"),
    "live.no_yes": ("(o/N)", "(y/N)"),
    "live.yes": ("Oui", "Yes"),
    "live.no": ("Non", "No"),
}
