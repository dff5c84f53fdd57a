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
}
