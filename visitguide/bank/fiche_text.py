"""A fiche's text as clean logical lines: read, cleaned, running headers dropped, wraps joined.

Text extracted from a PDF (or pasted from one) is messy: lines wrapped mid-sentence, a
criterion code cut after its hyphen, running headers and footers landing between two list
items, bullets of every kind, ligatures. This module undoes that and nothing more: it joins
and cleans, it never rewords. Each logical line keeps where it starts (`268`, or `3:12` for
page 3, line 12 of a PDF's extracted text).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from visitguide import files
from visitguide.bank import fiche_pdf  # pypdf: only here
from visitguide.errors import FicheError, os_reason
from visitguide.messages import t
from visitguide.text import fold as text_fold

MAX_FICHE_BYTES = 20 * 1024 * 1024  # a six-page fiche is about 1 MB as PDF, 30 kB as text


@dataclass(frozen=True)
class Where:
    """A line of the fiche: `line`, or `page:line` for a PDF."""

    page: int | None
    line: int

    def __str__(self) -> str:
        return f"{self.page}:{self.line}" if self.page is not None else str(self.line)

    def key(self) -> tuple[int, int]:
        return (self.page or 0, self.line)


@dataclass(frozen=True)
class RawLine:
    """One physical line, cleaned: spaces normalised, stripped; `indent` is its leading width."""

    text: str
    indent: int
    where: Where
    page: int  # 0-based page (PDF page, or form-feed page of a text), for running headers


@dataclass(frozen=True)
class FicheText:
    """The lines of one fiche and the name used to locate them (`fiche.pdf:3:12`)."""

    name: str
    lines: list[RawLine]
    pdf: bool


@dataclass
class Para:
    """A logical line: a paragraph, heading or list item, its wrapped lines joined."""

    text: str
    where: Where
    bullet: str | None  # the bullet character, or None
    indent: int
    last: str  # its last physical line, for the joining rules
    heading: bool = False  # opened by a numbered heading or a part marker: never wraps long


# --- reading -----------------------------------------------------------------------------


def read_fiche(path: Path) -> FicheText:
    """The fiche's lines; `FicheError` for a file that is empty, binary, too large or unreadable."""
    data = _read_bytes(path)
    if not data.strip():
        raise FicheError(t("fiche.empty", path=path))
    head = data[:1024]
    if b"%PDF-" in head or path.suffix.lower() == ".pdf":
        if b"%PDF-" not in head:
            raise FicheError(t("fiche.not_pdf", path=path))

        return FicheText(path.name, _pdf_lines(fiche_pdf.pages(path, data)), pdf=True)
    return FicheText(path.name, _text_lines(_decode(path, data)), pdf=False)


def _read_bytes(path: Path) -> bytes:
    """The fiche's bytes, read through `files.read_capped`: never past the cap, never waiting
    on a FIFO nobody writes to; a pipe named on the command line (`import <(…)`) is read."""
    try:
        return files.read_capped(path, MAX_FICHE_BYTES, pipes=True)
    except files.TooLarge as exc:
        size = exc.size if exc.size is not None else f"> {MAX_FICHE_BYTES}"
        raise FicheError(t("fiche.too_large", path=path, size=size, max=MAX_FICHE_BYTES)) from None
    except OSError as exc:
        raise FicheError(t("fiche.unreadable", path=path, error=os_reason(exc))) from None


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise FicheError(t("fiche.binary", path=path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FicheError(t("fiche.not_utf8", path=path, line=line)) from None
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls > max(8, len(text) // 200):
        raise FicheError(t("fiche.binary", path=path))
    return text


# --- cleaning ----------------------------------------------------------------------------

_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x85]")
# Invisible, and what YAML cannot hold: controls, lone surrogates, U+FFFF.
_INVISIBLE = re.compile(
    "[\u200b-\u200d\u2060\ufeff\ud800-\udfff\uffff\x00-\x08\x0b-\x1f\x7f-\x9f]|\u00ad(?!$)"
)
_MD_HEADING = re.compile(r"^#{1,6}\s+")


def clean(raw: str) -> tuple[str, int]:
    """The line with spaces normalised and markdown emphasis and heading marks removed, and
    its indent. A soft hyphen at the end is kept: it marks a word cut at the line end."""
    raw = _INVISIBLE.sub("", _SPACES.sub(" ", raw.rstrip("\r\n"))).replace("\ufffe", "-")
    indent = len(raw) - len(raw.lstrip(" "))
    text = " ".join(raw.split())
    text = _MD_HEADING.sub("", text).replace("**", "")
    return text, indent


def _text_lines(text: str) -> list[RawLine]:
    lines: list[RawLine] = []
    page = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        page += raw.count("\f")
        cleaned, indent = clean(raw.replace("\f", " "))
        lines.append(RawLine(cleaned, indent, Where(None, number), page))
    return lines


def _pdf_lines(pages: list[str]) -> list[RawLine]:
    lines: list[RawLine] = []
    for index, page in enumerate(pages):
        for number, raw in enumerate(page.split("\n"), start=1):
            cleaned, indent = clean(raw)
            lines.append(RawLine(cleaned, indent, Where(index + 1, number), index))
    return lines


# --- running headers and footers ---------------------------------------------------------

# Symbols that only ever mark a list item may touch the text ("•Avez-vous"); letters and
# dashes need a space after them ("o ", "- ").
_SYMBOLS = "•▪◦●○■□·\u2023\u2043\u25aa\u25cf\u25e6\u27a2\u2794\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0e0"
BULLET = re.compile(f"^(?:([{_SYMBOLS}])\\s*|([-–—*o])\\s+)(\\S.*)$")


def split_bullet(text: str) -> tuple[str, str] | None:
    """(bullet, text) of a list item; None for any other line."""
    found = BULLET.match(text)
    return None if found is None else (found.group(1) or found.group(2), found.group(3))


EDGE = 3  # a running header or footer is among the first or last lines of a page


def drop_running_lines(lines: list[RawLine]) -> tuple[list[RawLine], list[tuple[RawLine, int]]]:
    """The lines without those repeated at the top or bottom of most pages (digits aside, so
    "Page 3/6" counts), and each dropped text once with the number of pages it was on."""
    pages = sorted({line.page for line in lines})
    if len(pages) < 2:
        return lines, []
    seen: dict[str, set[int]] = {}
    first: dict[str, RawLine] = {}
    for line in _edge_lines(lines):
        key = _running_key(line.text)
        seen.setdefault(key, set()).add(line.page)
        first.setdefault(key, line)
    needed = max(2, math.ceil(0.6 * len(pages)))
    running = {key for key, on in seen.items() if len(on) >= needed}
    kept: list[RawLine] = []
    on_pages: Counter[str] = Counter()
    for line in lines:
        key = _running_key(line.text) if line.text else ""
        if key in running:
            on_pages[key] += 1
        else:
            kept.append(line)
    return kept, [(first[key], on_pages[key]) for key in sorted(running, key=lambda k: first[k].where.key())]


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _edge_lines(lines: list[RawLine]) -> list[RawLine]:
    """Candidates: short non-bullet lines at a page's edges that no bullet follows (a heading
    followed by its list is content, even if the same heading starts several pages)."""
    by_page: dict[int, list[RawLine]] = {}
    for line in lines:
        if line.text:
            by_page.setdefault(line.page, []).append(line)
    found = []
    for page_lines in by_page.values():
        for i, line in enumerate(page_lines):
            if EDGE <= i < len(page_lines) - EDGE or len(line.text) > 120 or split_bullet(line.text):
                continue
            after = page_lines[i + 1].text if i + 1 < len(page_lines) else ""
            if not split_bullet(after):
                found.append(line)
    return found


# --- joining wrapped lines ---------------------------------------------------------------

NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
LEADIN_VERB = re.compile(
    r"\bvous\s+(?:v[ée]rifierez|v[ée]rifiez|vous\s+assurez|vous\s+assurerez|assurerez)\b", re.IGNORECASE
)
_LEADIN_START = re.compile(
    r"^(?:Avec|Auprès|Aupres|Concernant|Chez|S['’]agissant|En ce qui concerne)\b.*\bvous\b", re.IGNORECASE
)
_MARKER = re.compile(
    r"^(?:exemples? de questions|les points cles|pour aller plus loin|references has|references legales"
    r"|autres references|aide au questionnement|date (?:de )?validation|les questions suivantes ne sont"
    r"|experts?-visiteurs?$)"
)
CRIT_END = re.compile(r"crit[^()]*\)\s*[.;]?\s*$", re.IGNORECASE)
_CRIT_START = re.compile(r"^\(\s*crit", re.IGNORECASE)
_SENTENCE_END = tuple(".;:!?…")
_OPENS = tuple("«(“‘'’/–—,")
_CLOSES = tuple(",;:.?!)»]”’(")  # a line starting so goes on the one before
_GLUE = "de du des la le les l d à a au aux et ou en un une pour par sur dans avec que qui son sa ses "
_GLUE_WORDS = frozenset((_GLUE + "leur leurs ce cette ces est sont selon entre vers").split())


def fold(text: str) -> str:
    """Lower case without accents, "œ" as "oe": for matching headings and making ids."""
    return text_fold(text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae"))


def structural(text: str) -> bool:
    """A line that always starts a logical line: a numbered heading, a part marker, a URL,
    a lead-in that names its audience ("Avec la gouvernance, vous vérifierez…")."""
    if NUMBERED.match(text) or URL.match(text) or _MARKER.match(fold(text)):
        return True
    return bool(_LEADIN_START.match(text))


def join_lines(lines: list[RawLine], pdf: bool) -> list[Para]:
    """Logical lines: a wrapped line joins the line before it, never across a bullet."""
    width = _wrap_width(lines, pdf)
    paras: list[Para] = []
    blank = False
    for line in lines:
        if not line.text:
            blank = True
            continue
        bullet = split_bullet(line.text)
        current = paras[-1] if paras else None
        if current is not None and bullet is not None and _dash_wraps(current, bullet, width):
            bullet = None  # "… de santé" + "– 2017.": a dash that a line wrap put first
        if current is not None and bullet is None and _continues(current, line.text, blank, width):
            current.text = _glue(current.text, line.text)
            current.last = line.text
        elif bullet is not None:
            paras.append(Para(bullet[1], line.where, bullet[0], line.indent, bullet[1]))
        else:
            heading = structural(line.text) and not _is_leadin(line.text) and not _is_caveat(line.text)
            paras.append(Para(line.text, line.where, None, line.indent, line.text, heading))
        blank = False
    for para in paras:
        para.text = para.text.replace("\u00ad", "")
    return paras


def _wrap_width(lines: list[RawLine], pdf: bool) -> int | None:
    """The width at which lines wrap (a high percentile of lengths), when they do: a text
    with one paragraph per line has none."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    if not lengths:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if pdf or width <= 150 else None


def _continues(para: Para, text: str, blank: bool, width: int | None) -> bool:
    """Whether the physical line `text` goes on the logical line `para` (no bullet: a bullet
    always starts one)."""
    prev = para.last
    if structural(text) or CRIT_END.search(prev):
        return False
    if prev.endswith(("-", "\u00ad")) or prev.count("(") > prev.count(")"):
        return True  # a word or a parenthesis left open: "(Crit.3.6-01 ;" + "Crit.3.6-02)"
    if text[0].islower() or text[0].isdigit() or text.startswith(_CLOSES) or _CRIT_START.match(text):
        return not (blank and prev.endswith(_SENTENCE_END))
    if blank:
        return False
    if prev.endswith(_OPENS) or fold(re.split(r"[\s'’]", prev)[-1]) in _GLUE_WORDS:
        return True
    if width is None or para.heading or len(prev) < 0.8 * width or _looks_like_heading(text, width):
        return False
    # a full line: the text wrapped, unless a sentence ended there and a new paragraph starts
    if para.bullet is not None or not prev.endswith(_SENTENCE_END):
        return True
    return text.endswith(_SENTENCE_END) or len(text) >= 0.8 * width


def _dash_wraps(para: Para, bullet: tuple[str, str], width: int | None) -> bool:
    """A dash starting a line is text, not a bullet, when the line before is full and
    unfinished and what follows the dash does not start an item ("2017.", "de santé")."""
    prev = para.last
    if bullet[0] not in "-–—" or width is None or para.heading or len(prev) < 0.8 * width:
        return False
    if prev.endswith((*_SENTENCE_END, ",")) or CRIT_END.search(prev):
        return False
    return bullet[1][0].isdigit() or bullet[1][0].islower()


def _looks_like_heading(text: str, width: int) -> bool:
    """A short capitalised line without final punctuation nor question: "À la gouvernance"."""
    return (
        len(text) < 0.6 * width
        and text[:1].isupper()
        and "?" not in text
        and not text.endswith(_SENTENCE_END)
    )


def _is_caveat(text: str) -> bool:
    return fold(text).startswith("les questions suivantes ne sont")


def _is_leadin(text: str) -> bool:
    return bool(LEADIN_VERB.search(text) or _LEADIN_START.match(text))


def _glue(before: str, after: str) -> str:
    """Join a wrapped line: no space after a hyphen ("3.6-" + "06"), none after a soft hyphen
    (which goes), one space otherwise."""
    if before.endswith("\u00ad"):
        return before[:-1] + after
    if before.endswith("-") and not before.endswith(" -"):
        return before + after
    return f"{before} {after}"


def paragraphs(fiche: FicheText) -> tuple[list[Para], list[tuple[RawLine, int]]]:
    """The fiche's logical lines, and the running lines dropped on the way."""
    lines, dropped = drop_running_lines(fiche.lines)
    return join_lines(lines, fiche.pdf), dropped
