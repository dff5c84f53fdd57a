"""`visitguide import`'s library: a HAS fiche (text or PDF) read into a bank draft.

The proof of issue 13: the seed fiche gives the bundled guide's questions, checkpoints,
references and criteria word for word; a PDF of it gives the same; a second fiche written in
the HAS layout imports completely; hostile files give one French error, no traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.fichepdf import print_pdf
from tests.helpers import BUNDLED, FICHE, REPO, Invoke
from visitguide.bank import fiche_pdf
from visitguide.bank import loader as bank
from visitguide.bank.fiche import ImportResult, audience_id, guide_id, import_fiche, parse_fiche
from visitguide.bank.fiche_draft import Draft, Kind
from visitguide.bank.fiche_text import MAX_FICHE_BYTES, FicheText, clean, read_fiche
from visitguide.errors import ExitCode, FicheError

SECOND = REPO / "tests" / "data" / "fiches" / "fiche-identitovigilance.txt"
SEED_ID = "risques-numeriques"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _bundled() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    guide = _load(BUNDLED / SEED_ID / "guide.yaml")
    audiences = {a["id"]: _load(BUNDLED / SEED_ID / f"{a['id']}.yaml") for a in guide["audiences"]}
    return guide, audiences


def _messages(result: ImportResult, kind: Kind) -> list[str]:
    return [str(f) for f in result.findings if f.kind is kind]


@pytest.fixture
def seed(tmp_path: Path) -> ImportResult:
    return import_fiche(FICHE, tmp_path / "bank")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed printed with wrapped lines, page breaks, a running header and footer, a
    criterion code cut after its hyphen and a "?" starting a line (as narrow columns do)."""
    text = FICHE.read_text(encoding="utf-8")
    # a page break in the middle of a checkpoint list
    text = text.replace("- dans tous les secteurs, il existe", "\f- dans tous les secteurs, il existe")
    breaks = {
        "(Crit.3.6-06 ; Crit.3.6-06)": "(Crit.3.6-\n06 ; Crit.3.6-06)",
        "pour les professionnels ? les intérimaires ?": "pour les professionnels\n? les intérimaires ?",
    }
    folder = tmp_path_factory.mktemp("pdf")
    return print_pdf(text, folder / "fiche.pdf", breaks)


# --- the seed fiche gives the bundled guide ----------------------------------------------


def test_seed_gives_the_bundled_questions_word_for_word(seed: ImportResult) -> None:
    guide, audiences = _bundled()
    assert [a.id for a in seed.draft.audiences] == [a["id"] for a in guide["audiences"]]
    assert [a.label for a in seed.draft.audiences] == [a["label"] for a in guide["audiences"]]
    for audience in guide["audiences"]:
        expected = [(q["text"], q["criteria"]) for q in audiences[audience["id"]]["questions"]]
        imported = [(q.text, q.criteria) for q in seed.draft.questions if q.audience == audience["id"]]
        assert imported == expected
    assert len(seed.draft.questions) == 16
    assert seed.questions_by_audience == {"gouvernance": 6, "technique": 3, "professionnels": 7}


def _same_checkpoint_text(imported: str, bundled: str) -> bool:
    """Word for word, but the bank wrote "les professionnels" where the fiche's lead-in says
    "vous vérifierez qu'ils :", which the import keeps as "ils"."""
    if imported.startswith("ils "):
        return bundled == "les professionnels " + imported.removeprefix("ils ")
    return imported == bundled


def test_seed_gives_the_bundled_checkpoints(seed: ImportResult) -> None:
    guide, _ = _bundled()
    imported = seed.draft.checkpoints
    assert len(imported) == 28 == len(guide["checkpoints"])
    for mine, theirs in zip(imported, guide["checkpoints"], strict=True):
        assert _same_checkpoint_text(mine.text, theirs["text"]), (mine.text, theirs["text"])
        assert (mine.section, mine.audience) == (theirs["section"], theirs["audience"])
    assert seed.checkpoints_by_section == {
        "Soutenir l'évolution vers un système d'information hospitalier ergonomique": 6,
        "Prévenir la crise cyber": 11,
        "Sécuriser les accès au SIH": 5,
        "Gérer la crise cyber": 6,
    }


def test_seed_gives_the_bundled_references_and_criteria(seed: ImportResult) -> None:
    guide, _ = _bundled()
    references = seed.draft.references
    assert len(references) == 22
    assert [r.title for r in references] == [r["title"] for r in guide["references"]]
    assert [r.category for r in references] == [r["category"] for r in guide["references"]]
    assert references[0].url == "www.has-sante.fr/jcms/c_438115/fr/dossier-du-patient"  # as printed
    criteria = {c.id: c.title for c in seed.draft.criteria}
    assert criteria == {c["id"]: c["title"] for c in guide["criteria"]}
    assert len(criteria) == 6


def test_seed_metadata_and_what_the_fiche_does_not_say(seed: ImportResult) -> None:
    draft = seed.draft
    assert draft.id == SEED_ID
    assert draft.title == _bundled()[0]["title"]
    assert draft.version == "2024-11-07"
    assert draft.referentiel == "non précisé"
    assert draft.caveat is not None
    assert draft.caveat.startswith("Les questions suivantes ne sont ni opposables, ni exhaustives.")
    assert draft.caveat.endswith("Elles ne se substituent pas aux grilles.")
    assert "fiche-risques-numeriques.txt: la fiche ne dit pas quelle version du référentiel" in "\n".join(
        _messages(seed, Kind.INTERPRETATION)
    )


def test_seed_report_lists_interpretations_and_no_unplaced_line(seed: ImportResult) -> None:
    assert seed.exit_code is ExitCode.OK
    assert seed.problems == []
    assert seed.unplaced == []
    found = _messages(seed, Kind.INTERPRETATION)
    assert (
        "fiche-risques-numeriques.txt:272: critère « 3.6-02 » répété dans la même liste : gardé une fois"
        in found
    )
    assert (
        "fiche-risques-numeriques.txt:277: critère « 3.6-06 » répété dans la même liste : gardé une fois"
        in found
    )
    leadins = [f for f in found if "liste sans public nommé" in f]
    assert [f.split(": ", 1)[0] for f in leadins] == [
        "fiche-risques-numeriques.txt:120",
        "fiche-risques-numeriques.txt:128",
    ]
    assert all("« gouvernance » (il y est question de l'établissement) : à vérifier" in f for f in leadins)
    boxes = _messages(seed, Kind.IGNORED)
    assert (
        "fiche-risques-numeriques.txt:148: puce hors d'une liste « vous vérifierez… », non reprise"
        in boxes[0]
    )


def test_seed_draft_validates_and_invents_nothing(seed: ImportResult, tmp_path: Path) -> None:
    folder = tmp_path / "bank" / SEED_ID
    assert seed.folder == folder
    assert sorted(p.name for p in folder.iterdir()) == [
        "gouvernance.yaml",
        "guide.yaml",
        "professionnels.yaml",
        "technique.yaml",
    ]
    assert bank.check_bank(tmp_path / "bank") == []
    guide = _load(folder / "guide.yaml")
    assert all(set(c) == {"id", "section", "audience", "text"} for c in guide["checkpoints"])
    assert all(set(c) <= {"id", "title"} for c in guide["criteria"])
    for name in ("gouvernance", "technique", "professionnels"):
        questions = _load(folder / f"{name}.yaml")["questions"]
        assert all(set(q) == {"id", "criteria", "text"} for q in questions)


def test_every_item_names_its_source_line(seed: ImportResult) -> None:
    folder = seed.folder
    gouvernance = (folder / "gouvernance.yaml").read_text(encoding="utf-8").splitlines()
    assert gouvernance[0] == "# yaml-language-server: $schema=" + os.path.relpath(
        REPO / "visitguide" / "schemas" / "audience.schema.json", folder
    )
    first = gouvernance.index("  - id: audit-securite-numerique-ad")
    assert gouvernance[first - 1] == "  # fiche-risques-numeriques.txt:268"
    text = (folder / "guide.yaml").read_text(encoding="utf-8")
    assert "  # fiche-risques-numeriques.txt:98\n  - id: plan-action-soutenir-evolution\n" in text
    assert "  # fiche-risques-numeriques.txt:211\n  - title:" in text
    assert '# fiche-risques-numeriques.txt:9\nversion: "2024-11-07"\n' in text
    ids = [line.split(": ")[1] for line in text.splitlines() if line.startswith("  - id: ")]
    assert len(ids) == len(set(ids))


def test_ids_are_readable_and_unique(seed: ImportResult) -> None:
    ids = [q.id for q in seed.draft.questions] + [c.id for c in seed.draft.checkpoints]
    assert len(ids) == len(set(ids))
    assert all(len(i) <= 40 for i in ids)
    assert seed.draft.questions[0].id == "audit-securite-numerique-ad"  # "Avez-vous réalisé" left out
    assert audience_id("Aux représentants des usagers") == "representants-usagers"
    assert audience_id("Au plan technique") == "technique"
    assert audience_id("À la gouvernance") == "gouvernance"
    assert guide_id("Évaluation du respect des droits des patients selon le référentiel") == (
        "respect-droits-patients"
    )


def test_an_existing_folder_is_never_replaced(seed: ImportResult) -> None:
    before = {p.name: p.read_bytes() for p in seed.folder.iterdir()}
    with pytest.raises(FicheError) as raised:
        import_fiche(FICHE, seed.folder.parent)
    assert raised.value.exit_code == ExitCode.USAGE
    assert "existe déjà : l'import ne remplace jamais un dossier" in raised.value.message
    assert {p.name: p.read_bytes() for p in seed.folder.iterdir()} == before


def test_id_option_names_the_folder_and_is_checked(tmp_path: Path) -> None:
    result = import_fiche(FICHE, tmp_path, guide_id="numerique")
    assert result.folder == tmp_path / "numerique"
    assert _load(result.folder / "guide.yaml")["id"] == "numerique"
    assert not any("tiré du titre" in str(f) for f in result.findings)
    with pytest.raises(FicheError, match="identifiant « Numérique » invalide"):
        import_fiche(FICHE, tmp_path, guide_id="Numérique")


# --- the seed as a PDF -------------------------------------------------------------------


def test_pdf_of_the_seed_gives_the_same_guide(seed: ImportResult, seed_pdf: Path, tmp_path: Path) -> None:
    from_pdf = import_fiche(seed_pdf, tmp_path / "pdf")
    text, pdf = seed.draft, from_pdf.draft
    assert [(q.audience, q.text, q.criteria) for q in pdf.questions] == [
        (q.audience, q.text, q.criteria) for q in text.questions
    ]
    assert [(c.section, c.audience, c.text) for c in pdf.checkpoints] == [
        (c.section, c.audience, c.text) for c in text.checkpoints
    ]
    assert [(r.title, r.url, r.category) for r in pdf.references] == [
        (r.title, r.url, r.category) for r in text.references
    ]
    assert [(c.id, c.title) for c in pdf.criteria] == [(c.id, c.title) for c in text.criteria]
    assert (pdf.title, pdf.version, pdf.caveat) == (text.title, text.version, text.caveat)
    assert from_pdf.exit_code is ExitCode.OK, [str(f) for f in from_pdf.unplaced]
    assert from_pdf.problems == []


@pytest.mark.parametrize("size", [7, 16])
def test_pdf_in_other_layouts_gives_the_same_guide(seed: ImportResult, size: int, tmp_path: Path) -> None:
    """Small print (long lines) and large print (narrow lines, where a "(" or a dash may start
    a line and a lead-in is cut before "Ainsi, vous vérifierez que :")."""
    fiche = print_pdf(FICHE.read_text(encoding="utf-8"), tmp_path / "fiche.pdf", size=size)
    pdf = import_fiche(fiche, tmp_path / "from-pdf")
    assert pdf.exit_code is ExitCode.OK, [str(f) for f in pdf.unplaced]
    for mine, theirs in (
        (
            [(q.audience, q.text, q.criteria) for q in pdf.draft.questions],
            [(q.audience, q.text, q.criteria) for q in seed.draft.questions],
        ),
        (
            [(c.section, c.audience, c.text) for c in pdf.draft.checkpoints],
            [(c.section, c.audience, c.text) for c in seed.draft.checkpoints],
        ),
        (
            [(r.title, r.category) for r in pdf.draft.references],
            [(r.title, r.category) for r in seed.draft.references],
        ),
    ):
        assert mine == theirs


def test_pdf_findings_and_comments_name_page_and_line(seed_pdf: Path, tmp_path: Path) -> None:
    result = import_fiche(seed_pdf, tmp_path)
    headers = [str(f) for f in result.findings if "en-tête ou pied de page" in f.message]
    assert any(h.startswith("fiche.pdf:1:1: ") and "« HAS • Mesurer" in h for h in headers)
    assert any("« Page 1/" in h for h in headers)
    technique = (result.folder / "technique.yaml").read_text(encoding="utf-8")
    comments = [line.strip() for line in technique.splitlines() if line.strip().startswith("# fiche.pdf:")]
    assert len(comments) == 3
    assert all(c.count(":") == 2 for c in comments)  # fiche.pdf:page:line


def test_pdf_text_is_really_wrapped_and_headed(seed_pdf: Path) -> None:
    """The test PDF is as messy as promised: lines wrapped mid-sentence, the cut code, a
    "?" starting a line, the running header on every page."""
    fiche = read_fiche(seed_pdf)
    texts = [line.text for line in fiche.lines]
    assert any(t.endswith("(Crit.3.6-") for t in texts)
    assert any(t.startswith("? les intérimaires") for t in texts)
    pages = {line.where.page for line in fiche.lines}
    assert len(pages) >= 5
    assert sum(t.startswith("HAS • Mesurer") for t in texts) == len(pages)


def test_pypdf_is_imported_only_for_a_pdf(tmp_path: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; from visitguide.bank.fiche import import_fiche;"
        f"import_fiche(Path({str(FICHE)!r}), Path('out')); print('pypdf' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    assert done.stdout.strip() == "False"


# --- a second fiche, written in the HAS layout -------------------------------------------


@pytest.fixture
def second(tmp_path: Path) -> ImportResult:
    return import_fiche(SECOND, tmp_path / "bank")


def test_second_fiche_imports_completely(second: ImportResult, tmp_path: Path) -> None:
    assert second.exit_code is ExitCode.OK
    assert second.unplaced == [] and second.problems == []
    assert bank.check_bank(tmp_path / "bank") == []
    draft = second.draft
    assert draft.id == "identitovigilance"
    assert (draft.version, draft.referentiel) == ("2025-03-12", "2025")
    assert [(a.id, a.label) for a in draft.audiences] == [
        ("gouvernance", "À la gouvernance"),
        ("technique", "Au plan technique"),
        ("professionnels", "Avec les professionnels"),
        ("representants-usagers", "Aux représentants des usagers"),
        ("direction-soins", "Avec la direction des soins"),
    ]
    assert second.questions_by_audience == {
        "gouvernance": 2,
        "technique": 1,
        "professionnels": 3,
        "representants-usagers": 2,
        "direction-soins": 0,
    }
    assert [(c.id, c.title is not None) for c in draft.criteria] == [
        ("2.3-01", True),
        ("3.3-01", True),
        ("3.6-06", True),
    ]
    assert [(r.category, r.title) for r in draft.references] == [
        ("Références HAS", "Aucune référence réelle : fiche d'essai."),
        ("Autres références", "Référentiel national d'identitovigilance (RNIV)."),
    ]


def test_second_fiche_questions_are_joined_and_their_codes_read(second: ImportResult) -> None:
    assert [(q.audience, q.text, q.criteria) for q in second.draft.questions] == [
        (
            "gouvernance",
            "Avez-vous formalisé une politique d'identitovigilance ? Qui la pilote ?",
            ["2.3-01"],
        ),
        (
            "gouvernance",
            "Comment la cellule d'identitovigilance analyse-t-elle les erreurs d'identification déclarées ?",
            ["2.3-01", "3.6-06"],
        ),
        (
            "technique",
            "Comment l'identité nationale de santé (INS) est-elle qualifiée dans le système d'information ? "
            "Quels contrôles automatiques avez-vous mis en place ?",
            ["3.6-06"],
        ),
        (
            "professionnels",
            "Comment vérifiez-vous l'identité d'un patient avant un soin ? "
            "Pouvez-vous me montrer comment vous contrôlez son bracelet ?",
            ["2.3-01"],
        ),
        ("professionnels", "Que faites-vous en cas de doute sur l'identité d'un patient ?", ["2.3-01"]),
        ("professionnels", "Avez-vous été formé à l'identitovigilance lors de votre arrivée ?", ["2.3-01"]),
        (
            "representants-usagers",
            "Êtes-vous informés des erreurs d'identification et des actions menées ?",
            ["3.3-01"],
        ),
        (
            "representants-usagers",
            "Avez-vous participé à la rédaction des documents remis aux patients sur leur identification ?",
            ["3.3-01"],
        ),
    ]
    assert "critère « 3.6-06 » répété dans la même liste : gardé une fois" in "\n".join(
        _messages(second, Kind.INTERPRETATION)
    )


def test_second_fiche_checkpoints(second: ImportResult) -> None:
    first, then = "Identifier le patient à chaque étape", "Former, évaluer et associer les usagers"
    assert [(c.section, c.audience, c.text) for c in second.draft.checkpoints] == [
        (first, "gouvernance", "une politique d'identitovigilance est formalisée et connue"),
        (
            first,
            "gouvernance",
            "une cellule d'identitovigilance est en place et se réunit au moins deux fois par an",
        ),
        (first, "gouvernance", "les erreurs d'identification sont déclarées et analysées"),
        (
            first,
            "professionnels",
            "ils vérifient l'identité du patient avant tout acte, en lui demandant de décliner ses nom, "
            "prénom et date de naissance",
        ),
        (
            first,
            "professionnels",
            "ils posent le bracelet d'identification dès l'admission et le contrôlent avant chaque soin",
        ),
        (first, "professionnels", "ils connaissent la conduite à tenir en cas de doute sur l'identité"),
        (then, "gouvernance", "l'établissement forme les nouveaux arrivants à l'identitovigilance"),
        (
            then,
            "gouvernance",
            "l'établissement évalue les pratiques d'identification, par exemple : "
            "par des audits de port du bracelet, par des patients traceurs",
        ),
        (
            then,
            "representants-usagers",
            "ils sont informés des événements indésirables liés à l'identification",
        ),
        (
            then,
            "representants-usagers",
            "ils participent à l'élaboration des supports d'information des patients",
        ),
        (then, "direction-soins", "l'encadrement contrôle le port du bracelet dans chaque unité"),
    ]


def test_second_fiche_report(second: ImportResult) -> None:
    found = _messages(second, Kind.INTERPRETATION)
    name = "fiche-identitovigilance.txt"
    assert (
        f"{name}:1: en-tête ou pied de page répété sur 3 pages, ignoré : "
        "« Identitovigilance • fiche d'essai »" in found
    )
    assert any(f.startswith(f"{name}:76: en-tête ou pied de page répété sur 3 pages") for f in found)
    assert any(f.startswith(f"{name}:50: liste sans public nommé (« Concernant la formation") for f in found)
    assert (
        f"{name}:62: public « Avec la direction des soins » (direction-soins) : des points à vérifier mais "
        "aucune question, déclaré avec une liste de questions vide"
    ) in found
    direction = (second.folder / "direction-soins.yaml").read_text(encoding="utf-8")
    assert "audience: direction-soins\nquestions: []\n" in direction


# --- messy text --------------------------------------------------------------------------

HEAD = """Évaluation d'un thème d'essai dans les pratiques de soins
Date validation Collège le 1er février 2024
Les questions suivantes ne sont ni opposables, ni exhaustives.
"""


def _parse(text: str, name: str = "essai.txt") -> tuple[Draft, list[Any]]:
    lines = [clean(raw) for raw in text.split("\n")]
    from visitguide.bank.fiche_text import RawLine, Where

    raw = [RawLine(t, i, Where(None, n), 0) for n, (t, i) in enumerate(lines, start=1)]
    return parse_fiche(FicheText(name, raw, pdf=False))


def test_bullets_of_every_kind_and_wrapped_questions() -> None:
    draft, findings = _parse(
        HEAD
        + "Exemples de questions\nÀ la gouvernance\n"
        + "• Première question ? (Crit.1.1-01)\n"
        + "– Deuxième question\nsur deux lignes ? (Crit. 1.1-02 ;Crit.1.1-\n03)\n"
        + "\uf0b7 Troisième ? (crit.1.1-01)\n"
        + "o Quatrième ?\n\nSuite après une ligne vide ? (Crit.1.1-01)\n"
        + "* Cinquième ? (Crit.1.1-01).\n"
    )
    assert draft.version == "2024-02-01"
    assert [(q.text, q.criteria) for q in draft.questions] == [
        ("Première question ?", ["1.1-01"]),
        ("Deuxième question sur deux lignes ?", ["1.1-02", "1.1-03"]),
        ("Troisième ?", ["1.1-01"]),
        ("Quatrième ? Suite après une ligne vide ?", ["1.1-01"]),
        ("Cinquième ?", ["1.1-01"]),
    ]
    assert not [f for f in findings if f.kind is Kind.UNPLACED]
    assert "critère « 1.1-01 » cité sans intitulé dans la fiche" in "\n".join(str(f) for f in findings)


def test_unplaced_lines_of_the_question_part_are_reported() -> None:
    _, findings = _parse(
        HEAD
        + "Exemples de questions\n"
        + "- Une question avant tout public ? (Crit.1.1-01)\n"
        + "Au plan technique\n"
        + "- Une question ? (Crit.1.1-01)\n"
        + "Une phrase égarée qui n'est ni une question ni un titre.\n"
        + "- Une question sans critère ?\n"
    )
    unplaced = [str(f) for f in findings if f.kind is Kind.UNPLACED]
    assert unplaced == [
        "essai.txt:5: question avant tout titre de public, non importée : "
        "« Une question avant tout public ? (Crit.1.1-01) »",
        "essai.txt:8: ligne non placée dans les questions : "
        "« Une phrase égarée qui n'est ni une question ni un titre. »",
        "essai.txt:9: question sans critère « (Crit. …) », non importée : « Une question sans critère ? »",
    ]


def test_a_line_inside_a_checkpoint_list_is_unplaced_but_narrative_never_is(tmp_path: Path) -> None:
    fiche = tmp_path / "fiche.txt"
    fiche.write_text(
        HEAD
        + "Un paragraphe de présentation.\n- une puce de présentation\n"
        + "Les points clés\n"
        + "Avec la gouvernance, vous vérifierez que :\n"
        + "- un premier point ;\n"
        + "Une ligne égarée.\n"
        + "- un second point.\n"
        + "1. Première section\n"
        + "Exemples de questions\nÀ la gouvernance\n- Une question ? (Crit.1.1-01)\n",
        encoding="utf-8",
    )
    result = import_fiche(fiche, tmp_path / "bank")
    assert [str(f) for f in result.unplaced] == [
        "fiche.txt:9: ligne au milieu d'une liste de points, non placée : « Une ligne égarée. »"
    ]
    assert result.exit_code is ExitCode.PROBLEMS
    assert [(c.section, c.text) for c in result.draft.checkpoints] == [
        ("Première section", "un premier point"),
        ("Première section", "un second point"),
    ]
    assert result.problems == []  # written anyway, and valid


def test_sections_printed_before_their_items_are_read_forward() -> None:
    draft, findings = _parse(
        HEAD
        + "1. Première section\nAvec la gouvernance, vous vérifierez que :\n- un point ;\n"
        + "2. Seconde section\nAuprès des professionnels, vous vérifierez qu'ils :\n- qu'ils savent faire.\n"
        + "Exemples de questions\nÀ la gouvernance\n- Une question ? (Crit.1.1-01)\n"
    )
    assert [(c.section, c.audience, c.text) for c in draft.checkpoints] == [
        ("Première section", "gouvernance", "un point"),
        ("Seconde section", "professionnels", "ils savent faire"),
    ]
    assert [a.id for a in draft.audiences] == ["gouvernance", "professionnels"]
    assert not any("mise en page HAS" in str(f) for f in findings)


def test_a_lead_in_cut_from_its_audience_and_an_item_wrapped_without_bullet() -> None:
    draft, findings = _parse(
        HEAD
        + "Avec les professionnels vous évaluez l'ergonomie du système.\nAinsi, vous vérifierez que :\n"
        + "- les outils sont en nombre suffisant ;\n- l'établissement octroie un poste\n"
        + "(ex : VPN).\n1. Une section\n"
        + "Exemples de questions\nÀ la gouvernance\n- Une question ? (Crit.1.1-01)\n"
    )
    assert [(c.audience, c.text) for c in draft.checkpoints] == [
        ("professionnels", "les outils sont en nombre suffisant"),
        ("professionnels", "l'établissement octroie un poste (ex : VPN)"),
    ]
    assert not any("liste sans public nommé" in str(f) for f in findings)


def test_pdf_normalisation_of_ligatures_and_hyphenation_marks() -> None:
    assert fiche_pdf.normalise("la conﬁdentialité, faites\ufffevous") == "la confidentialité, faites-vous"
    assert fiche_pdf.normalise("œ … «") == "œ … «"


# --- hostile files -----------------------------------------------------------------------


def _refused(path: Path, tmp_path: Path) -> str:
    with pytest.raises(FicheError) as raised:
        import_fiche(path, tmp_path / "bank")
    assert raised.value.exit_code == ExitCode.USAGE
    assert not (tmp_path / "bank").exists() or not any((tmp_path / "bank").iterdir())
    assert str(path) in raised.value.message or path.name in raised.value.message
    return raised.value.message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("vide.txt", b"", "fichier vide, ce n'est pas une fiche"),
        ("blancs.md", b"  \n\n\t\n", "fichier vide, ce n'est pas une fiche"),
        ("binaire.txt", bytes(range(256)) * 8, "contenu binaire, ni texte ni PDF"),
        (
            "latin1.txt",
            "ligne\nDate validation Collège\n".encode("latin-1"),
            "latin1.txt:2 : octets invalides",
        ),
        ("faux.pdf", b"Exemples de questions\n", "ce fichier n'est pas un PDF"),
        ("abime.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\x00\xff", "PDF illisible ou endommagé"),
        (
            "roman.txt",
            "Il était une fois.\n\n- Une puce.\n".encode(),
            "aucune partie « Exemples de questions… »",
        ),
        (
            "sans-questions.txt",
            "Titre de la fiche\nExemples de questions\nÀ la gouvernance\n".encode(),
            "aucune question trouvée",
        ),
    ],
)
def test_hostile_files_give_one_french_error(
    name: str, content: bytes, expected: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in _refused(path, tmp_path)


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "enorme.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FICHE_BYTES + 1)  # sparse: nothing to read
    assert "trop volumineux pour une fiche" in _refused(path, tmp_path)


def test_a_folder_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dossier").mkdir()
    assert "lecture impossible (c'est un dossier)" in _refused(tmp_path / "dossier", tmp_path)
    assert "lecture impossible (fichier ou dossier introuvable)" in _refused(
        tmp_path / "absent.txt", tmp_path
    )


def test_a_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, as a scanned page has an image: no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert "le PDF ne contient pas de texte (fiche numérisée ?)" in _refused(path, tmp_path)


def test_errors_in_english_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    assert "empty file, not a fiche" in _refused(path, tmp_path)


# --- the command -------------------------------------------------------------------------


def test_import_command_writes_a_valid_draft_and_reports(cli: Invoke, tmp_path: Path) -> None:
    result = cli("import", FICHE, "--out", tmp_path / "bank")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for line in (
        "Questions : 16",
        "  gouvernance : 6",
        "Points de vérification : 28",
        "  Prévenir la crise cyber : 11",
        "Références : 22",
        "Critères : 6 (dont 6 avec leur intitulé)",
        "Version 2024-11-07 ; référentiel non précisé.",
        "Interprétations à vérifier (7) :",
        "fiche-risques-numeriques.txt:272: critère « 3.6-02 » répété dans la même liste : gardé une fois",
        "Brouillon complet et valide, à relire avant usage.",
    ):
        assert line in out, line
    assert result.stderr == ""
    assert cli("validate", tmp_path / "bank").exit_code == 0
    listed = cli("questions", "--bank", tmp_path / "bank", "--guide", SEED_ID, "--format", "json")
    assert listed.exit_code == 0 and listed.stdout.count('"id"') == 16


def test_import_command_exit_codes(cli: Invoke, tmp_path: Path) -> None:
    assert cli("import", FICHE, "--out", tmp_path, "--id", "seed").exit_code == 0
    again = cli("import", FICHE, "--out", tmp_path, "--id", "seed")
    assert again.exit_code == 2
    assert "existe déjà : l'import ne remplace jamais un dossier" in again.stderr
    bad_id = cli("import", FICHE, "--out", tmp_path, "--id", "Mauvais Id")
    assert bad_id.exit_code == 2 and "identifiant « Mauvais Id » invalide" in bad_id.stderr
    garbage = tmp_path / "n-importe.pdf"
    garbage.write_bytes(b"\x00\x01 pas un pdf")
    refused = cli("import", garbage, "--out", tmp_path)
    assert refused.exit_code == 2 and "ce fichier n'est pas un PDF" in refused.stderr
    missing = cli("import", tmp_path / "absente.txt")
    assert missing.exit_code == 2 and "introuvable" in missing.stderr
    for result in (again, bad_id, refused, missing):
        assert "Traceback" not in result.output and result.stdout == ""


def test_import_command_with_unplaced_lines_exits_1(cli: Invoke, tmp_path: Path) -> None:
    fiche = tmp_path / "fiche.txt"
    fiche.write_text(
        HEAD + "Exemples de questions\nÀ la gouvernance\n- Une question ? (Crit.1.1-01)\nUne ligne perdue.\n",
        encoding="utf-8",
    )
    result = cli("import", fiche, "--out", tmp_path / "bank", "--id", "essai")
    assert result.exit_code == 1, result.output
    assert "Lignes non placées (1) : à reprendre à la main dans le brouillon" in result.stdout
    assert "fiche.txt:7: ligne non placée dans les questions : « Une ligne perdue. »" in result.stdout
    assert "Brouillon écrit, mais incomplet : 1 ligne(s) de la fiche non placée(s)." in result.stdout
    assert (tmp_path / "bank" / "essai" / "guide.yaml").is_file()
    assert cli("validate", tmp_path / "bank").exit_code == 0


def test_import_command_in_english(cli: Invoke, tmp_path: Path) -> None:
    result = cli("import", SECOND, "--out", tmp_path, env={"VISITGUIDE_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert "Checkpoints: 11" in result.stdout
    guide = (tmp_path / "identitovigilance" / "guide.yaml").read_text(encoding="utf-8")
    assert 'referentiel: "2025"' in guide and "Brouillon importé de" in guide  # the bank stays French
