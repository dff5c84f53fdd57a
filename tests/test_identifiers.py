"""Personal identifiers: what is found, what is not, masks and redaction."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from visitguide import identifiers
from visitguide.identifiers import find, mask, nir_key_valid, redact


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find(text)]


def _key(thirteen: str) -> str:
    return f"{97 - int(thirteen) % 97:02d}"


CORSICA_2A = "1 80 01 2A 004 123 " + _key("1800119004123")  # 2A counts as 19


# --- the corpus: how people write identifiers, and what only looks like one ------------------

NIR_1 = "185057800608491"  # key 91 = 97 - 1850578006084 mod 97
THIN, NNBSP, NBSP = "\u2009", "\u202f", "\u00a0"

# (text, [(kind, identifier as written)]): the identifiers expected, in order.
FOUND: list[tuple[str, list[tuple[str, str]]]] = [
    ("Joignable au (+33) 6 11 22 33 44.", [("phone", "(+33) 6 11 22 33 44")]),
    ("Standard : +33 (0)6 11 22 33 44", [("phone", "+33 (0)6 11 22 33 44")]),
    ("tél. 01/23/45/67/89 (secrétariat)", [("phone", "01/23/45/67/89")]),
    ("tél. 01-23-45-67-89", [("phone", "01-23-45-67-89")]),
    ("appeler le 0033 6 11 22 33 44", [("phone", "0033 6 11 22 33 44")]),
    ("appeler le (0033) 6 11 22 33 44", [("phone", "(0033) 6 11 22 33 44")]),
    ("+33 6 11 22 33 44", [("phone", "+33 6 11 22 33 44")]),
    ("+33611223344", [("phone", "+33611223344")]),
    ("06.11.22.33.44", [("phone", "06.11.22.33.44")]),
    (f"06{NNBSP}11{NNBSP}22{NNBSP}33{NNBSP}44", [("phone", f"06{NNBSP}11{NNBSP}22{NNBSP}33{NNBSP}44")]),
    (f"06{THIN}11{THIN}22{THIN}33{THIN}44", [("phone", f"06{THIN}11{THIN}22{THIN}33{THIN}44")]),
    ("Tél.:0611223344", [("phone", "0611223344")]),
    ("fichier contact_0611223344.json", [("phone", "0611223344")]),
    (
        "Cadre de santé, 06 12 34 56 78-06 98 76 54 32",
        [("phone", "06 12 34 56 78"), ("phone", "06 98 76 54 32")],
    ),
    ("06 12 34 56 78/01 98 76 54 32", [("phone", "06 12 34 56 78"), ("phone", "01 98 76 54 32")]),
    ("tél 06 12 34 56 78 ou 01 23 45 67 89", [("phone", "06 12 34 56 78"), ("phone", "01 23 45 67 89")]),
    (f"NIR{NIR_1}", [("nir", NIR_1)]),
    (f"patient NIR{NIR_1}, revu", [("nir", NIR_1)]),
    (
        f"1{THIN}85{THIN}05{THIN}78{THIN}006{THIN}084{THIN}91",
        [("nir", f"1{THIN}85{THIN}05{THIN}78{THIN}006{THIN}084{THIN}91")],
    ),
    (
        f"1{NNBSP}85{NNBSP}05{NNBSP}78{NNBSP}006{NNBSP}084{NNBSP}91",
        [("nir", f"1{NNBSP}85{NNBSP}05{NNBSP}78{NNBSP}006{NNBSP}084{NNBSP}91")],
    ),
    (
        f"1{NBSP}85{NBSP}05{NBSP}78{NBSP}006{NBSP}084{NBSP}91",
        [("nir", f"1{NBSP}85{NBSP}05{NBSP}78{NBSP}006{NBSP}084{NBSP}91")],
    ),
    ("INS : 1.85.05.78.006.084.91.", [("nir", "1.85.05.78.006.084.91")]),
    ("NIR 2 53 07 2B 073 004 70", [("nir", "2 53 07 2B 073 004 70")]),
    ("écrire à jean.dupont@chu-exemple.fr", [("email", "jean.dupont@chu-exemple.fr")]),
    ("DSI.Secu+crise@hôpital-exemple.fr.", [("email", "DSI.Secu+crise@hôpital-exemple.fr")]),
    ("Dr X (RPPS 10101234567)", [("rpps", "10101234567")]),
    ("RPPS : 10003456789.", [("rpps", "10003456789")]),
    (
        f"NIR {NIR_1}, tél (+33) 6 11 22 33 44, a.b@ch.fr, RPPS 10101234567",
        [("nir", NIR_1), ("phone", "(+33) 6 11 22 33 44"), ("email", "a.b@ch.fr"), ("rpps", "10101234567")],
    ),
]

NOT_FOUND = [
    "ticket INC0612345678",
    "registre 0x0612345678",
    "S/N 10012345678",
    "S/N: 0612345678",
    "N° de série : 10012345678",
    "serial number 10012345678",
    "ticket INC10012345678",
    "critère 3.6-02",
    "Crit.3.6-02 et Crit.3.6-01",
    "(Crit.3.6-06 ; Crit.3.6-06)",
    "le 2026-11-29",
    "le 29/11/2026",
    "le 01/12/2026 10:30",
    "le 01/12/2026 10 h 30",
    "2026-11-29T10:00:00+01:00",
    "budget 1 250 000 €",
    "12 345,67 €",
    "1 234 567 890 €",
    "version 1.02.03.04.05.06",
    "v06.12.34.56.78",
    "logiciel 10.0.19045.3693",
    "serveur 192.168.10.100",
    "passerelle 10.10.12.34",
    "IBAN FR76 3000 6000 0112 3456 7890 189",
    "185057800608492",  # wrong key
    "NIR185057800608492",  # wrong key, glued
    "1 85 05 78 006 084 92",  # wrong key, spaced
    "0612345678901",  # too long
    "01 23 45 67",  # a pair short
    "06 12 34-56 78",  # separators mixed
    "+44 20 7946 0958",
    "1.10101234567",
    "10101234567.5",
    "plan à 6, 12 et 18 mois",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_corpus_every_identifier_is_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize("text", NOT_FOUND)
def test_corpus_what_only_looks_like_an_identifier_is_not_found(text: str) -> None:
    assert find(text) == []
    assert redact(text) == text
    assert identifiers.masked_id(text) == text


REDACTED = {
    "nir": "[NIR/INS masqué]",
    "email": "[adresse électronique masquée]",
    "phone": "[numéro de téléphone masqué]",
    "rpps": "[numéro RPPS masqué]",
}


def _replace(text: str, expected: list[tuple[str, str]], by: Callable[[str, str], str]) -> str:
    out, last = [], 0
    for kind, written in expected:
        at = text.index(written, last)
        out += [text[last:at], by(kind, written)]
        last = at + len(written)
    return "".join([*out, text[last:]])


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_corpus_every_identifier_is_masked_and_redacted(text: str, expected: list[tuple[str, str]]) -> None:
    # redaction: each identifier replaced by its label, nothing else touched
    assert redact(text) == _replace(text, expected, lambda kind, _: REDACTED[kind])
    # masks: at most the first two characters of each identifier stay
    masked = identifiers.masked_id(text)
    assert masked == _replace(text, expected, lambda _, written: mask(written))
    for _, written in expected:
        shown = mask(written)
        assert sum(c.isalnum() for c in shown[2:]) == 0
        assert re.search(r"[0-9]{3}", shown) is None
    assert find(redact(text)) == []
    assert find(masked) == []


# --- NIR / INS -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nir",
    [
        "2 95 10 99 126 111 93",
        "295109912611193",
        "2.95.10.99.126.111.93",
        "2-95-10-99-126-111-93",
        "2\u00a095\u00a010\u00a099\u00a0126\u00a0111\u00a093",  # no-break spaces
        "2\u202f95\u202f10\u202f99\u202f126\u202f111\u202f93",  # narrow no-break spaces
        "2951099126111 93",
        "253072B07300470",
        "2 53 07 2B 073 004 70",
        "253072b07300470",
        CORSICA_2A,
    ],
)
def test_a_nir_with_a_valid_key_is_found_in_any_usual_spelling(nir: str) -> None:
    text = f"Le patient (NIR : {nir}) a été cité."
    assert kinds(text) == [("nir", nir)]


@pytest.mark.parametrize(
    "text",
    [
        "295109912611199",  # the key should be 93
        "2 95 10 99 126 111 99",
        "253072B07300471",
        "1 80 01 2A 004 123 " + _key("1800120004123"),  # key computed as if 2A were 20
        "395109912611193",  # the key of 3951099126111 is not 93
        "595109912611193",  # no NIR starts with 5
    ],
)
def test_a_fifteen_digit_number_with_a_wrong_key_is_not_a_nir_nor_anything_else(text: str) -> None:
    assert find(text) == []
    assert find(f"numéro de dossier {text}.") == []


def test_the_key_rule_itself() -> None:
    assert nir_key_valid("2951099126111", "93")
    assert not nir_key_valid("2951099126111", "92")
    assert nir_key_valid("253072B073004", "70")
    assert nir_key_valid("253072b073004", "70")
    assert not nir_key_valid("2530720073004", "70")
    assert not nir_key_valid("29510991261", "93")  # too short
    assert not nir_key_valid("29510991261١١", "93")  # non-ASCII digits


def test_a_nir_glued_to_other_digits_is_part_of_something_else() -> None:
    assert find("1295109912611193") == []  # 16 digits
    assert find("2951099126111930") == []
    assert find("ref 3.295109912611193") == []
    assert find("295109912611193.5") == []
    assert find("0x295109912611193") == []  # hexadecimal


def test_a_nir_glued_to_letters_is_still_a_nir_its_key_being_right() -> None:
    assert kinds("X295109912611193") == [("nir", "295109912611193")]
    assert kinds("NIR295109912611193bis") == [("nir", "295109912611193")]


def test_a_nir_at_the_end_of_a_sentence_is_found() -> None:
    assert kinds("NIR 295109912611193.") == [("nir", "295109912611193")]
    assert kinds("(295109912611193)") == [("nir", "295109912611193")]


# --- phones ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "06 12 34 56 78",
        "0612345678",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "01 23 45 67 89",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0)6 12 34 56 78",
        "+33 06 12 34 56 78",
        "0033 6 12 34 56 78",
        "0033612345678",
        "+33 1 23 45 67 89",
        "06\u00a012\u00a034\u00a056\u00a078",
    ],
)
def test_french_phone_numbers_are_found(phone: str) -> None:
    assert kinds(f"Joignable au {phone}, le matin.") == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "critère 3.6-02 et 3.6-01",
        "le 2024-11-07 à 10:30",
        "2026-11-29T10:00:00+01:00",
        "version 1.02.03.04.05.06",
        "v01.23.45.67.89.10",
        "0,12 ou 0,34",
        "12 345 678 euros",
        "123456789",
        "00 12 34 56 78",  # no area digit 0
        "+44 20 7946 0958",
        "pour 2023 : 1 200 postes, 15 % de la flotte",
        "01 23 45 67",  # one pair short
        "0612345678901",  # too long
        "plan à 6, 12 et 18 mois",
    ],
)
def test_dates_codes_versions_and_ordinary_numbers_are_not_identifiers(text: str) -> None:
    assert find(text) == []


# --- e-mails -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "jean.dupont@chu-exemple.fr",
        "dsi+securite@hopital.example.org",
        "j_d@ch.fr",
        "prénom.nom@hôpital.fr",
        "A.B@EXAMPLE.COM",
    ],
)
def test_email_addresses_are_found(email: str) -> None:
    assert kinds(f"Écrire à {email}.") == [("email", email)]


@pytest.mark.parametrize("text", ["@dsi", "la DSI@", "user@localhost", "a @ b.fr", "x@y", "mail: @.fr"])
def test_things_that_look_a_little_like_email_are_not(text: str) -> None:
    assert find(text) == []


# --- RPPS ----------------------------------------------------------------------------------


def test_rpps_is_eleven_digits_starting_with_10() -> None:
    assert kinds("Dr (RPPS 10101234567)") == [("rpps", "10101234567")]
    assert find("20101234567") == []
    assert find("101012345678") == []  # twelve digits
    assert find("1010123456") == []  # ten digits
    assert find("10101234567.5") == []


# --- several, masks, redaction -------------------------------------------------------------


def test_several_identifiers_come_back_in_order_without_overlaps() -> None:
    text = "NIR 2 95 10 99 126 111 93, tél. 06 12 34 56 78, a@b.fr, RPPS 10101234567"
    assert [f.kind for f in find(text)] == ["nir", "phone", "email", "rpps"]
    starts = [f.start for f in find(text)]
    assert starts == sorted(starts)
    for f in find(text):
        assert text[f.start : f.end] == f.text


def test_an_email_made_of_digits_is_one_email_not_a_phone_too() -> None:
    assert kinds("0612345678@sms.example.fr") == [("email", "0612345678@sms.example.fr")]


def test_a_mask_keeps_the_shape_and_the_first_two_characters_only() -> None:
    assert mask("2 95 10 99 126 111 93") == "2 •• •• •• ••• ••• ••"
    assert mask("jean.dupont@chu.fr") == "je••.••••••@•••.••"
    assert mask("0612345678") == "06••••••••"
    assert mask("a") == "a•"
    for f in find("2 95 10 99 126 111 93 jean.dupont@chu.fr 0612345678 10101234567"):
        assert f.masked != f.text
        assert sum(c.isalnum() for c in f.masked) == 2 - f.masked[:2].count(" ")


def test_redact_replaces_each_identifier_by_its_kind() -> None:
    text = "NIR 295109912611193, mail a@b.fr, tél 0612345678, RPPS 10101234567, critère 3.6-02."
    assert redact(text) == (
        "NIR [NIR/INS masqué], mail [adresse électronique masquée], tél [numéro de téléphone masqué],"
        " RPPS [numéro RPPS masqué], critère 3.6-02."
    )
    assert redact("rien à masquer") == "rien à masquer"


def test_redact_speaks_the_interface_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    assert redact("mail a@b.fr") == "mail [e-mail address masked]"


def test_labels_exist_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    assert identifiers.label("email") == "adresse électronique"
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    assert [identifiers.label(k) for k in identifiers.KINDS] == [
        "NIR/INS",
        "e-mail address",
        "phone number",
        "RPPS number",
    ]


# --- properties ----------------------------------------------------------------------------

SAMPLES = [
    "2 95 10 99 126 111 93",
    "253072B07300470",
    "jean.dupont@chu.fr",
    "06 12 34 56 78",
    "+33 6 12 34 56 78",
    "10101234567",
]
filler = st.text(alphabet=st.sampled_from(list("abc éx ,;:()-[]/\n'")), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(filler, st.sampled_from(SAMPLES)), max_size=6), filler)
def test_every_identifier_set_in_ordinary_prose_is_found_and_redacted(
    pieces: list[tuple[str, str]], tail: str
) -> None:
    text = "".join(f"{before} {sample} " for before, sample in pieces) + tail
    assert [f.text for f in find(text)] == [sample for _, sample in pieces]
    redacted = redact(text)
    assert find(redacted) == []
    for _, sample in pieces:
        assert sample not in redacted


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_and_redact_accept_any_text(text: str) -> None:
    found = find(text)
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.kind in identifiers.KINDS
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert find(redact(text)) == []


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1), st.booleans())
def test_a_fifteen_digit_number_is_a_nir_exactly_when_its_key_is_right(number: int, right: bool) -> None:
    digits = f"{number:015d}"
    if right:  # half of the examples get their right key
        digits = digits[:13] + _key(digits[:13])
    expected = digits[0] in "12378" and 97 - int(digits[:13]) % 97 == int(digits[13:])
    assert (find(digits) != [] and find(digits)[0].kind == "nir") == expected


def test_long_hostile_text_is_scanned_in_linear_time() -> None:
    """Each of these would take minutes with a backtracking pattern; here they take
    milliseconds (the whole test runs in well under a second)."""
    for text in (
        "a" * 200_000 + "@",
        "a.a" * 100_000,
        "a@" * 100_000,
        "a@b." * 100_000,
        "0" * 200_000,
        "06 " * 100_000,
        "1." * 100_000,
        "0612345678 " * 20_000,
    ):
        found = find(text)
        assert redact(text).count("[") == len(found)


def test_masked_id_masks_only_the_identifiers_in_a_key() -> None:
    assert identifiers.masked_id("contact:jean.dupont@chu.fr") == "contact:je••.••••••@•••.••"
    assert identifiers.masked_id("audit-securite-numerique") == "audit-securite-numerique"
