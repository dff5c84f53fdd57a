"""Messages of this domain: key -> (French, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}
