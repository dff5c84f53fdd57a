"""The text of a PDF fiche, page by page, with pypdf.

pypdf is pure Python, maintained, and reads text that a running header overlaps (where
pdfplumber and pdftotext garble it; see the project notes). Only `visitguide import` loads
this module, so no other command pays for the import.

A PDF is hostile input: pypdf may raise almost anything on a damaged file, so every failure
of the parser becomes one `FicheError` naming the file (exit 2), never a traceback.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from visitguide.errors import FicheError
from visitguide.messages import t

MAX_PAGES = 200
_LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ


def normalise(text: str) -> str:
    """Ligatures back to letters (NFKC on them only: "…" and "œ" stay as they are); U+FFFE,
    which some extractors put where a word was hyphenated at a line end, read as a hyphen."""
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.replace("\ufffe", "-")


def pages(path: Path, data: bytes) -> list[str]:
    """The text of each page; `FicheError` when the PDF cannot be read or holds no text."""
    texts = _extract(path, data)
    if not any(text.strip() for text in texts):
        raise FicheError(t("fiche.pdf_no_text", path=path))
    return [normalise(text) for text in texts]


def _extract(path: Path, data: bytes) -> list[str]:
    from pypdf import PdfReader

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # pypdf logs every oddity of a damaged file
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            _unlock(path, reader)
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise FicheError(t("fiche.pdf_too_many_pages", path=path, pages=count, max=MAX_PAGES))
            return [page.extract_text() or "" for page in reader.pages]
    except FicheError:
        raise
    except Exception as exc:  # any parser failure on hostile bytes is a bad input, not a bug
        raise FicheError(t("fiche.pdf_unreadable", path=path, reason=type(exc).__name__)) from None
    finally:
        quiet.setLevel(level)


def _unlock(path: Path, reader: object) -> None:
    """Open a PDF encrypted with an empty password (common for "no copy" fiches)."""
    if not getattr(reader, "is_encrypted", False):
        return
    try:
        opened = reader.decrypt("")  # type: ignore[attr-defined]
    except Exception:  # a cipher pypdf cannot open without an optional library
        opened = 0
    if not opened:
        raise FicheError(t("fiche.pdf_encrypted", path=path))
