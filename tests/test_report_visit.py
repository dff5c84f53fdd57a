"""The report of a realistic visit (tests/data/visit: eight interviews, three audiences, three
sectors, written as answers files): every item of the report that writes itself, in every
format it concerns. The browser and office-suite views are in test_report_chromium.py and
test_report_office.py."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.helpers import Invoke, answers_visit, docx_text
from visitguide.report import jsonfile

AWAITED = "Plan d'actions à 6, 12 et 18 mois"


@pytest.fixture
def visit(cli: Invoke, tmp_path: Path) -> Path:
    return answers_visit(cli, tmp_path / "visite")


def export(cli: Invoke, folder: Path, fmt: str, *extra: str) -> bytes:
    out = folder.parent / f"rapport-{len(list(folder.parent.glob('rapport-*')))}.{fmt}"
    result = cli("export", folder, "--format", fmt, "--output", out, *extra)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def report(cli: Invoke, folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(export(cli, folder, "json"))  # type: ignore[no-any-return]


def section(text: str, start: str, end: str) -> str:
    """The part of `text` from `start` up to the next `end` after it."""
    i = text.index(start)
    j = text.find(end, i + len(start))
    return text[i : j if j >= 0 else len(text)]


def criterion_md(md: str, code: str) -> str:
    return section(md, f"\n## {code} — ", "\n## ")


def criterion_html(html: str, code: str) -> str:
    return section(html, f'<section class="criterion" id="critere-{code}">', "</section>")


# --- the visit itself ----------------------------------------------------------------------


def test_the_visit_has_eight_interviews_over_three_audiences_and_three_sectors(
    cli: Invoke, visit: Path
) -> None:
    data = report(cli, visit)
    assert data["header"]["interviews"] == 8
    sectors = {i["sector"] for i in data["interviews"] if i["sector"]}
    assert {i["audience"] for i in data["interviews"]} == {"gouvernance", "technique", "professionnels"}
    assert sectors == {"Réanimation", "Urgences", "Bloc opératoire"}


def test_the_json_report_validates_against_the_shipped_schema_with_its_new_keys(
    cli: Invoke, visit: Path
) -> None:
    import jsonschema

    schema = json.loads(jsonfile.SCHEMA_PATH.read_text(encoding="utf-8"))
    data = report(cli, visit)
    jsonschema.validate(data, schema)
    assert [i["code"] for i in data["interviews"]]
    assert data["documents_to_request"] and data["to_confirm"]
    ratings = [r for i in data["interviews"] for r in i["ratings"]]
    assert {r["basis"] for r in ratings} == {"entretien", "observation", "document"}
    for key in ("documents_to_request", "to_confirm"):
        broken = {**data, key: "rien"}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


# --- defects -----------------------------------------------------------------------------


RATING = re.compile(r"\*\*(oui|non|na)\*\* — E\d")


def test_markdown_puts_every_rating_on_its_own_line(cli: Invoke, visit: Path) -> None:
    md = export(cli, visit, "md").decode()
    glued = [line for line in md.splitlines() if len(RATING.findall(line)) > 1]
    assert not glued
    block = section(md, "#### formation-referents-securite-si (À la gouvernance)", "\n###")
    assert len(RATING.findall(block)) == 2  # E1 without a comment, then E2: two lines


def test_markdown_read_by_a_commonmark_parser_gives_one_rating_per_list_item(
    cli: Invoke, visit: Path
) -> None:
    from markdown_it import MarkdownIt

    md = export(cli, visit, "md").decode()
    html = MarkdownIt("commonmark").enable("table").render(md)
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    ratings = [re.findall(r"<strong>(?:oui|non|na)</strong> — E\d", item.split("<ul>")[0]) for item in items]
    assert max(len(r) for r in ratings) == 1
    assert sum(len(r) for r in ratings) >= 40  # every rating became a list item
    assert "<h2>3.6-02 — Les risques de sécurité numérique sont maîtrisés</h2>" in html
    assert "<table>" in html and "\\#" not in html  # tables parsed, no escaped heading left


def test_a_document_asked_for_is_never_reported_as_seen(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    e1 = next(i for i in data["interviews"] if i["code"] == "E1")
    audit = next(a for a in e1["answers"] if a["question"] == "audit-securite-numerique")
    assert audit["evidence"] == ["Rapport d'audit de sécurité numérique"]
    assert audit["requested"] == [AWAITED]
    docs = {d["text"]: d for c in data["criteria"] for d in c["documents"]}
    assert docs[AWAITED]["state"] == "demande" and docs[AWAITED]["seen"] == []
    assert [w["code"] for w in docs[AWAITED]["asked"]] == ["E1"]
    assert docs["Rapport d'audit de sécurité numérique"]["state"] == "vu"

    md = export(cli, visit, "md").decode()
    assert not [line for line in md.splitlines() if "Documents vus" in line and AWAITED in line]
    assert f"Documents demandés, pas encore vus : {AWAITED}" in md
    html = export(cli, visit, "html").decode()
    row = re.search(
        r'<tr class="doc-demande"><td class="text">Plan d&#39;actions à 6, 12 et 18 mois</td>.*?</tr>', html
    )
    assert row is not None and "demandé, attendu" in row.group(0)
    text = docx_text(export(cli, visit, "docx"))
    assert "demandé, attendu" in text
    assert not [line for line in text.splitlines() if line.startswith("Documents vus") and AWAITED in line]


def test_added_questions_have_ids_unique_across_the_visit_in_every_format(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    ids = [a["id"] for a in data["coverage"]["added"]]
    assert len(ids) == 3 and len(set(ids)) == 3
    assert all(re.fullmatch(r"perso-1-[0-9a-f]{8}", i) for i in ids)
    for fmt in ("md", "html", "csv"):
        text = export(cli, visit, fmt).decode("utf-8-sig")
        assert all(i in text for i in ids), fmt
    assert all(i in docx_text(export(cli, visit, "docx")) for i in ids)


def test_a_sector_difference_on_one_rating_is_to_confirm_not_an_ecart(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    assert "mise-en-oeuvre-pca-pra" not in {e["checkpoint"] for e in data["ecarts"]}
    doubtful = next(e for e in data["to_confirm"] if e["checkpoint"] == "mise-en-oeuvre-pca-pra")
    assert doubtful["kind"] == "sectors"
    assert [(s["label"], s["oui"], s["non"]) for s in doubtful["low"]] == [("Bloc opératoire", 0, 1)]
    # a real sector écart still stands: two ratings on each side
    sectors = next(e for e in data["ecarts"] if e["kind"] == "sectors")
    assert sectors["checkpoint"] == "conduite-en-cas-de-doute"
    md = criterion_md(export(cli, visit, "md").decode(), "3.6-02")
    assert "#### À confirmer — Entre secteurs — point « mise-en-oeuvre-pca-pra »" in md
    html = criterion_html(export(cli, visit, "html").decode(), "3.6-02")
    assert f'id="{doubtful["id"]}"' in html and "À confirmer</span> Entre secteurs" in html
    text = docx_text(export(cli, visit, "docx"))
    assert "À confirmer — Entre secteurs — point « mise-en-oeuvre-pca-pra »" in text


# --- 1. documents ---------------------------------------------------------------------------


def test_documents_to_request_are_grouped_by_audience(cli: Invoke, visit: Path) -> None:
    groups = {g["audience"]: g for g in report(cli, visit)["documents_to_request"]}
    gov = {d["text"]: d for d in groups["gouvernance"]["documents"]}
    assert [w["code"] for w in gov[AWAITED]["asked"]] == ["E1"] and gov[AWAITED]["suggested"]
    assert gov["Charte informatique"]["suggested"] is False  # the visitor's own, awaited
    assert "Rapport d'audit de sécurité numérique" not in gov  # seen by E1
    assert "Listes d'émargement" not in gov  # seen by E2
    assert "Plan blanc (volet sécurité numérique)" in gov  # suggested, never seen nor asked
    tech = {d["text"] for d in groups["technique"]["documents"]}
    assert "Politique et règles d'accès au SI (dispositif d'habilitation)" not in tech  # seen by E3
    assert "Liste des utilisateurs en mobilité" in tech
    # awaited documents first
    assert [bool(d["asked"]) for d in groups["gouvernance"]["documents"]][:3] == [True, True, True]
    pros = {d["text"] for d in groups.get("professionnels", {"documents": []})["documents"]}
    assert "Documents papier du mode dégradé" not in pros  # seen by E4


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "json"])
def test_only_documents_prints_the_list_alone(cli: Invoke, visit: Path, fmt: str) -> None:
    import html

    data = export(cli, visit, fmt, "--only", "documents")
    text = docx_text(data) if fmt == "docx" else html.unescape(data.decode())
    assert AWAITED in text and "Charte informatique" in text and "Liste des utilisateurs en mobilité" in text
    assert "Écarts" not in text and "Synthèse" not in text and "Entretiens (8)" not in text
    if fmt == "json":
        assert list(json.loads(text)) == ["documents_to_request"]
    else:
        assert "Documents à demander — CH de Valmont" in text
        assert "demandé lors de E1" in text


def test_the_documents_to_request_print_on_pages_of_their_own(cli: Invoke, visit: Path) -> None:
    html = export(cli, visit, "html").decode()
    assert "section.to-request { break-before: page; break-after: page; }" in html
    assert 'class="to-request"' in html
    body = zipfile.ZipFile(io.BytesIO(export(cli, visit, "docx"))).read("word/document.xml").decode()
    start = body.index("Documents à demander")
    assert body.rfind("<w:pageBreakBefore/>", 0, start) > body.rfind("<w:p>", 0, start - 200)


def test_each_criterion_lists_documents_seen_and_awaited(cli: Invoke, visit: Path) -> None:
    md = criterion_md(export(cli, visit, "md").decode(), "3.6-01")
    # The bundled guide's documents are visitguide's additions, and say so (issue 13).
    assert f"- {AWAITED} (proposé par visitguide) — **demandé, attendu** — demandé lors de E1" in md
    assert "- Rapport d'audit de sécurité numérique (proposé par visitguide) — **vu** — vu : E1 ·" in md
    html = criterion_html(export(cli, visit, "html").decode(), "3.6-01")
    assert '<span class="state vu">vu</span>' in html and '<span class="state demande">' in html


# --- 2. basis ---------------------------------------------------------------------------------


def test_ratings_say_what_they_rest_on_and_reports_separate_declared_from_verified(
    cli: Invoke, visit: Path
) -> None:
    data = report(cli, visit)
    c = next(c for c in data["criteria"] if c["id"] == "3.6-06")
    politique = next(k for k in c["checkpoints"] if k["id"] == "politique-regles-acces")
    assert [(r["who"]["code"], r["basis"]) for r in politique["ratings"]] == [
        ("E1", "document"),
        ("E2", "entretien"),
    ]
    assert politique["verified"] == 1
    md = criterion_md(export(cli, visit, "md").decode(), "3.6-06")
    assert "- **oui** — E1 · Directeur général, 2026-11-24 — *vérifié : document*" in md
    assert "- **non** — E4 · IDE, Réanimation, 2026-11-25 — *vérifié : observation*" in md
    assert "cotation(s) déclarée(s) en entretien, 3 vérifiée(s) par une observation ou un document." in md
    html = criterion_html(export(cli, visit, "html").decode(), "3.6-06")
    assert '<span class="basis document">vérifié : document</span>' in html
    assert '<span class="basis entretien">déclaré</span>' in html
    text = docx_text(export(cli, visit, "docx"))
    assert "vérifié : observation" in text and "Fondement" in text


# --- 3. écarts where the reader looks ------------------------------------------------------


def test_each_criterion_shows_its_ecarts_in_full_and_marks_their_rows(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    sectors = next(e for e in data["ecarts"] if e["kind"] == "sectors")
    md = criterion_md(export(cli, visit, "md").decode(), "3.6-02")
    block = section(md, "#### ⚠ Entre secteurs — point « conduite-en-cas-de-doute »", "\n####")
    assert "**Plutôt oui — Réanimation — 100 % (2/2)**" in block
    assert "**Plutôt non — Urgences — 0 % (0/2)**" in block
    assert (
        "conduite-en-cas-de-doute : **non** — E6 · IDE, Urgences, 2026-11-25 — *déclaré*"
        " — Ne sait pas à qui signaler un mail suspect."
    ) in block
    assert (
        "E4 · IDE, Réanimation, 2026-11-25 — *vérifié : observation* — Montre le bouton de signalement."
        in block
    )
    assert f"⚠ {sectors['id']}" in md  # the checkpoint's row

    html = export(cli, visit, "html").decode()
    here = criterion_html(html, "3.6-02")
    assert f'<div class="ecart-detail" id="{sectors["id"]}">' in here
    row = re.search(r'<tr class="marked"><td><strong>conduite-en-cas-de-doute</strong>.*?</tr>', here, re.S)
    assert row is not None and f'href="#{sectors["id"]}"' in row.group(0)
    top = section(html, 'id="ecarts"', "</section>")
    assert all(f'<a href="#{e["id"]}">' in top for e in data["ecarts"])
    # every link of the report leads somewhere
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    assert {h[1:] for h in re.findall(r'href="(#[^"]+)"', html)} <= ids


def test_the_heat_map_and_the_bars_link_to_the_criteria(cli: Invoke, visit: Path) -> None:
    html = export(cli, visit, "html").decode()
    heat = section(html, "<svg", "</svg>")
    assert '<a href="#critere-3.6-06">' in heat
    assert 'id="critere-3.6-06"' in html


def test_word_links_the_ecarts_to_their_headings_in_the_criteria(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    body = zipfile.ZipFile(io.BytesIO(export(cli, visit, "docx"))).read("word/document.xml").decode()
    anchors = set(re.findall(r'w:anchor="([^"]+)"', body))
    marks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body))
    assert {e["id"].replace("-", "_") for e in data["ecarts"]} <= anchors
    assert anchors <= marks
    heading = re.search(
        r'<w:pStyle w:val="Heading3"/></w:pPr><w:bookmarkStart[^>]*w:name="ecart_2"/>.*?</w:p>', body
    )
    assert heading is not None and "Entre secteurs" in heading.group(0)


# --- 4. pairs ---------------------------------------------------------------------------------


def test_governance_terrain_pairs_sit_side_by_side_and_flag_disagreement(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    c = next(c for c in data["criteria"] if c["id"] == "3.6-02")
    verdicts = {(p["declared"]["id"], p["observed"]["id"]): p["verdict"] for p in c["pairs"]}
    assert verdicts[("formation-referents-securite-si", "connaissance-referent-securite")] == "disagree"
    assert verdicts[("pca-pra-tous-secteurs", "mise-en-oeuvre-pca-pra")] == "agree"
    assert verdicts[("declaration-incidents-mesures-urgence", "conduite-incident-attaque")] == "to_confirm"
    assert verdicts[("eradication-documents-poste", "documents-sante-poste")] == "not_comparable"
    pair = next(
        e
        for e in data["ecarts"]
        if e["kind"] == "pairs" and e["checkpoint"] == "formation-referents-securite-si"
    )
    assert pair["related"] == "connaissance-referent-securite"

    md = criterion_md(export(cli, visit, "md").decode(), "3.6-02")
    assert (
        "| **formation-referents-securite-si** (À la gouvernance) : 100 % (2/2) [E1, E2] |"
        " **connaissance-referent-securite** (Avec les professionnels) : 0 % (0/5) [E4, E5, E6, E7, E8] |"
        " désaccord ⚠ — *proposé par visitguide* |"
    ) in md
    html = criterion_html(export(cli, visit, "html").decode(), "3.6-02")
    assert '<tr class="disagree">' in html and "proposé par visitguide" in html
    assert "désaccord ⚠" in docx_text(export(cli, visit, "docx"))


# --- 5. synthesis ------------------------------------------------------------------------------


def test_each_criterion_has_a_synthesis_traced_to_its_interviews(cli: Invoke, visit: Path) -> None:
    md = criterion_md(export(cli, visit, "md").decode(), "3.6-06")
    synthesis = section(md, "### Synthèse à reprendre", "\n### ")
    assert (
        "- **À la gouvernance** : oui : politique-regles-acces (2/2), gestion-arrivees-departs (2/2) ;"
        " dont 2 cotation(s) vérifiée(s) ; 1 question(s) renseignée(s) [E1, E2]"
    ) in synthesis
    assert "- **Avec les professionnels — Urgences** : oui : connaissance-regles-acces (1/2)" not in synthesis
    assert "- **Avec les professionnels — Urgences** : " in synthesis and "[E6, E7]" in synthesis
    assert (
        "- **Vérifié** : documents vus : Politique et règles d'accès au SI (dispositif d'habilitation) (E3)"
        in synthesis
    )
    assert "- **Écarts** : Entre publics — critère 3.6-06" in synthesis
    assert (
        "- **Reste à faire** : documents attendus : Procédure de gestion des arrivées et des départs (E3)"
        in synthesis
    )
    assert "- **Reste à faire** : à revoir : perso-1-" in synthesis
    assert "« Le Wifi invité est-il séparé du réseau des soins ? » (E6) [E6]" in synthesis
    gov = criterion_md(export(cli, visit, "md").decode(), "3.6-02")
    assert "- **Reste à faire** : à revoir : plan-blanc-pca-pra « Pouvez-vous me présenter" in gov

    html = criterion_html(export(cli, visit, "html").decode(), "3.6-06")
    assert '<div class="synthesis">' in html and '<span class="codes">[E1, E2]</span>' in html
    text = docx_text(export(cli, visit, "docx"))
    assert "Synthèse à reprendre" in text and "Vérifié : documents vus : " in text


# --- 6. traceability ---------------------------------------------------------------------------


def test_interviews_get_codes_by_date_used_wherever_something_is_attributed(cli: Invoke, visit: Path) -> None:
    data = report(cli, visit)
    codes = {i["code"]: (i["role"], i["date"]) for i in data["interviews"]}
    assert codes["E1"] == ("Directeur général", "2026-11-24")
    assert codes["E4"] == ("IDE", "2026-11-25")
    assert codes["E8"] == ("IADE", "2026-11-26")
    md = export(cli, visit, "md").decode()
    table = md[md.index("## Entretiens (8)") :]
    rows = [line for line in table.splitlines() if line.startswith("| **E")]
    assert [r.split("|")[1].strip() for r in rows] == [f"**E{n}**" for n in range(1, 9)]
    assert "- E5 · Médecin, 2026-11-25" in md  # a note, attributed
    html = export(cli, visit, "html").decode()
    assert "<th>Code</th>" in html and '<tr id="E8"><td><strong>E8</strong></td>' in html
    text = docx_text(export(cli, visit, "docx"))
    assert "E7 · Cadre de santé, Urgences, 2026-11-26" in text


# --- 7. weight: bars per audience ---------------------------------------------------------------


def test_the_bar_chart_has_one_bar_per_audience_for_each_criterion(cli: Invoke, visit: Path) -> None:
    html = export(cli, visit, "html").decode()
    bars = section(html, "<svg", "</figure>")
    bars = section(html[html.index("</svg>") :], "<svg", "</svg>")
    assert "<title>3.6-06 — À la gouvernance — 100 % (4/4)</title>" in bars
    assert "<title>3.6-06 — Avec les professionnels — 11 % (1/9)</title>" in bars
    assert "3.6-06 — 13 %" not in bars  # no pooled bar


# --- 8. print and Word ---------------------------------------------------------------------------


def test_empty_criteria_are_collapsed_into_one_line(cli: Invoke, visit: Path) -> None:
    line = "Critères sans question, point de vérification ni note dans cette visite : 2.3-01"
    md = export(cli, visit, "md").decode()
    assert line in md and "\n## 2.3-01" not in md and "\n## 3.1-07" not in md
    html = export(cli, visit, "html").decode()
    assert line in html and 'id="critere-2.3-01"' not in html
    text = docx_text(export(cli, visit, "docx"))
    assert line in text and "\n2.3-01 — Les équipes respectent" not in text


def test_the_html_table_of_contents_keeps_its_heading_out_of_the_columns(cli: Invoke, visit: Path) -> None:
    html = export(cli, visit, "html").decode()
    nav = section(html, '<nav class="toc"', "</nav>")
    assert re.search(r'<nav class="toc" id="criteres">\s*<h2>Critères</h2>\s*<ul>', nav)
    assert ".toc ul { columns: 2;" in html and ".toc { columns" not in html


def test_visitors_are_sorted(cli: Invoke, visit: Path) -> None:
    assert report(cli, visit)["header"]["visitors"] == ["C. Martin", "L. Bernard"]
    assert "- **Experts-visiteurs** : C. Martin, L. Bernard" in export(cli, visit, "md").decode()


def test_printed_html_has_a_running_header_and_page_numbers(cli: Invoke, visit: Path) -> None:
    html = export(cli, visit, "html").decode()
    assert '@top-center { content: "Rapport de visite — CH de Valmont — du 2026-11-24 au 2026-11-26";' in html
    assert '@bottom-right { content: "Page " counter(page) " / " counter(pages);' in html


def test_the_running_header_cannot_break_out_of_the_style_sheet(cli: Invoke, tmp_path: Path) -> None:
    from tests.helpers import save, session

    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "DG", establishment='CH "X" </style><script>alert(1)</script> \\ fin')
    save(s, folder, "g.json")
    html = export(cli, folder, "html").decode()
    style = section(html, "<style>", "</style>")
    assert "<script" not in html and "</style" not in style[7:]
    assert 'content: "Rapport de visite — CH \\000022X\\000022 \\00003c/style\\00003e' in style


def test_word_is_french_with_a_running_header_page_numbers_and_wide_enough_columns(
    cli: Invoke, visit: Path
) -> None:
    package = zipfile.ZipFile(io.BytesIO(export(cli, visit, "docx")))
    styles = package.read("word/styles.xml").decode()
    assert re.search(r'<w:rPrDefault><w:rPr>.*?<w:lang w:val="fr-FR"', styles)
    assert "<dc:language>fr-FR</dc:language>" in package.read("docProps/core.xml").decode()
    header = next(package.read(n).decode() for n in package.namelist() if n.startswith("word/header"))
    footer = next(package.read(n).decode() for n in package.namelist() if n.startswith("word/footer"))
    assert "Rapport de visite — CH de Valmont — du 2026-11-24 au 2026-11-26" in header
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    body = package.read("word/document.xml").decode()
    from visitguide.report.wordml import CELL_PADDING, CHAR_WIDTH

    for word in ("Cotation", "Entretiens", "Fondement", "Vérifiés"):
        for table in re.findall(r"<w:tbl>.*?</w:tbl>", body, re.S):
            grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]
            head = re.findall(r"<w:tc>.*?</w:tc>", table.split("</w:tr>")[0], re.S)
            for width, cell in zip(grid, head, strict=True):
                if f">{word}<" in cell:
                    assert width >= len(word) * CHAR_WIDTH + CELL_PADDING, word


def test_english_interface_translates_the_new_parts(cli: Invoke, visit: Path) -> None:
    out = visit.parent / "en.md"
    result = cli("export", visit, "--format", "md", "-o", out, env={"VISITGUIDE_LANG": "en"})
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    for words in (
        "Synthesis to paste",
        "Documents to request",
        "To confirm",
        "Governance ↔ ground",
        "verified: document",
    ):
        assert words in md
    assert "Synthèse à reprendre" not in md and "à confirmer" not in md.lower()


# --- 10. small ------------------------------------------------------------------------------------


def test_the_markdown_summary_shows_no_dash_for_an_audience_without_checkpoints(
    cli: Invoke, visit: Path
) -> None:
    md = export(cli, visit, "md").decode()
    table = section(md, "## Synthèse par critère et par public", "\n## ")
    assert "— · Q" not in table
    row = next(line for line in table.splitlines() if line.startswith("| 3.6-06 |"))
    assert row.split("|")[3].strip() == "Q 2/3"  # the technical audience: questions only


def test_the_interviews_are_listed_in_the_order_of_their_codes(cli: Invoke, tmp_path: Path) -> None:
    folder = answers_visit(cli, tmp_path / "visite")
    data = json.loads(cli("export", folder, "--format", "json").stdout)
    codes = [i["code"] for i in data["interviews"]]
    assert codes == [f"E{n}" for n in range(1, len(codes) + 1)]
