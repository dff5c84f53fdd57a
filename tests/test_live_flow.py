"""The live interview driven by the scripted asker: the same code as a typed interview."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from tests.helpers import CONTEXT, OUT, PERSO_1, Q1, Q2, Q3, Run, saved, session
from visitguide.errors import ExitCode
from visitguide.interview.asker import Picked, Tagged
from visitguide.interview.stand_in import ENTER, ESC, CtrlC, Menu, Number, Shortcut, StandInAsker

# --- answering in order --------------------------------------------------------------------


def test_answering_in_order_asks_only_the_notes_then_the_end_menu() -> None:
    run = Run(["note 1", "note 2\nsur deux lignes", "note 3", "finish"])
    assert run.code == 0
    kinds = [p.kind for p in run.asker.prompts]
    assert kinds == ["note", "note", "note", "select"]
    data = saved()
    assert data["status"] == "completed"
    assert data["context"] == CONTEXT
    assert {k: v["notes"] for k, v in data["answers"].items()} == {
        Q1: "note 1",
        Q2: "note 2\nsur deux lignes",
        Q3: "note 3",
    }
    assert all(a["status"] == "answered" for a in data["answers"].values())
    assert "Bilan par critère" in run.text
    assert "3.6-06" in run.text


def test_question_screen_content() -> None:
    screen = " ".join(Run([CtrlC()]).text.split())  # spacing aside
    assert "Question 1/3 · regles-acces-si" in screen
    assert "Quelles sont les règles d'accès" in screen
    assert "Critères 3.6-06 L'identification des utilisateurs" in screen
    assert "en 2025 : 3.1-08" in screen
    assert "Conseil Une politique et des règles d'accès" in screen
    assert "À demander • Politique et règles d'accès au SI" in screen
    assert "• Procédure de gestion des arrivées et des départs" in screen
    assert "répondues 0/3" in screen


def test_the_file_is_written_after_every_answer() -> None:
    run = Run(["note 1", "note 2", CtrlC()])
    assert run.code == ExitCode.INTERRUPTED
    assert set(saved()["answers"]) == {Q1, Q2}


# --- skip, flag, back ----------------------------------------------------------------------


def test_skip_flag_and_back() -> None:
    run = Run(
        [
            "note 1",
            Menu(""),  # Q2: empty note, Tab -> menu
            "back",  # back to Q1, its note shown again
            ENTER,  # Q1 kept as is -> next pending: Q2
            Menu(""),
            "skip",
            Menu("à compléter"),  # Q3: draft kept, then flagged
            "flag",
            "finish",
        ]
    )
    assert run.notes_defaults() == ["", "", "note 1", "", ""]
    answers = saved()["answers"]
    assert answers[Q1] == {**answers[Q1], "status": "answered", "notes": "note 1"}
    assert answers[Q2]["status"] == "skipped"
    assert answers[Q3] == {**answers[Q3], "status": "revisit", "notes": "à compléter"}


def test_back_follows_the_questions_visited() -> None:
    run = Run([Menu(""), "list", Q3, Menu(""), "back", Menu(""), "quit"])
    # Q1 -> list -> Q3 -> back goes to Q1 (where the visitor came from), not Q2.
    shown = [p.message for p in run.asker.prompts]
    assert shown.count("Notes") == 3
    back_option = next(o for o in run.asker.prompts[4].options if o.value == "back")
    assert "n° 1" in back_option.label
    assert run.code == 0
    assert saved()["status"] == "in_progress"


def test_an_empty_note_leaves_the_question_pending() -> None:
    Run(["", "next", "note 2", "note 3", Menu(""), "quit"])
    assert Q1 not in saved()["answers"]


def test_flagged_questions_come_back_after_the_pending_ones() -> None:
    run = Run([Menu("à voir"), "flag", "note 2", "note 3", "revisit", "complété", "finish"])
    assert run.notes_defaults()[-1] == "à voir"
    assert saved()["answers"][Q1] == {**saved()["answers"][Q1], "status": "answered", "notes": "complété"}


# --- the list, search, added questions -----------------------------------------------------


def test_list_marks_each_status_and_points_at_the_next_pending_question() -> None:
    run = Run(["note 1", Menu(""), "skip", Menu(""), "flag", "list", ENTER, Menu(""), "quit"])
    listing = next(p for p in run.asker.prompts if p.message == "Aller à la question")
    labels = [o.label for o in listing.options]
    assert labels[0].startswith("✓ 1. Quelles sont les règles")
    assert labels[0].endswith("[3.6-06]")
    assert labels[1].startswith("– 2.")
    assert labels[2].startswith("⚑ 3.")
    assert listing.default == Q3  # nothing pending: the flagged question
    assert "○ non posée · ✓ répondue · – passée · ⚑ à revoir" in run.text


def test_list_jumps_anywhere_and_answering_moves_to_the_next_pending() -> None:
    run = Run([Menu(""), "list", Q3, "note 3", "note 1", "note 2", "finish"])
    listing = run.asker.prompts[2]
    assert listing.default == Q1  # the pointer rests on the next pending question
    answers = saved()["answers"]
    assert list(answers) == [Q3, Q1, Q2]
    assert answers[Q3]["notes"] == "note 3"


def test_search_finds_this_audience_by_keyword_without_accents() -> None:
    run = Run([Menu(""), "search", "vpn", f"q:{Q2}", "VPN pour les astreintes", Menu(""), "quit"])
    results = run.asker.prompts[3]
    assert results.message == "1 résultat(s)"
    assert [o.value for o in results.options] == [f"q:{Q2}", ":back"]
    assert saved()["answers"][Q2]["notes"] == "VPN pour les astreintes"


def test_search_reaches_other_audiences_questions_and_adds_them() -> None:
    run = Run(
        [
            Menu(""),
            "search",
            "exercice crise",
            "o:exercice-crise-cyber",
            True,
            "Exercice fait en mars",
            Menu(""),
            "quit",
        ]
    )
    data = saved()
    added = data["added_questions"]
    assert len(added) == 1
    assert added[0]["id"] == f"perso-1-{data['id'][:8]}"  # unique across a visit
    assert added[0]["criteria"] == ["3.6-01"]
    assert added[0]["text"].startswith("Avez-vous réalisé un exercice de crise cyber")
    assert added[0]["notes"] == "Exercice fait en mars"
    assert added[0]["status"] == "answered"
    assert "Question ajoutée : perso-1" in run.text


def test_search_with_no_result_says_so_and_returns() -> None:
    run = Run([Menu(""), "search", "zzzz", "note 1", Menu(""), "quit"])
    assert "Aucune question ni aucun point ne contient « zzzz »" in run.text
    assert saved()["answers"][Q1]["notes"] == "note 1"


def test_search_looks_in_the_notes_taken() -> None:
    run = Run(["Badge Zorglub en place", Menu(""), "search", "zorglub", f"q:{Q1}", ENTER, Menu(""), "quit"])
    results = run.asker.prompts[4]
    assert results.message == "1 résultat(s)"
    assert [o.value for o in results.options] == [f"q:{Q1}", ":back"]
    assert run.notes_defaults()[2] == "Badge Zorglub en place"


def test_add_a_question_with_criteria_checked_against_the_guide() -> None:
    run = Run(
        [
            Menu(""),
            "add",
            "Les comptes de service sont-ils revus ?",
            [],  # no criterion ticked: asked again
            ["3.6-02", "3.6-06"],
            "Revue annuelle",
            Menu(""),  # back at the first pending question
            "finish",
            True,  # 3 questions left: finish anyway
        ]
    )
    checkbox = next(p for p in run.asker.prompts if p.kind == "checkbox")
    assert checkbox.default == ("3.6-06",)  # the current question's criteria are suggested
    assert {o.value for o in checkbox.options} == {
        "2.2-05",
        "2.3-01",
        "3.1-07",
        "3.6-01",
        "3.6-02",
        "3.6-06",
    }
    assert "Cochez au moins un critère" in run.text
    added = saved()["added_questions"]
    assert added == [
        {**added[0], "id": PERSO_1(), "criteria": ["3.6-02", "3.6-06"], "notes": "Revue annuelle"}
    ]
    assert saved()["status"] == "completed"


def test_ctrl_c_at_the_criteria_keeps_the_added_question() -> None:
    run = Run([Menu(""), "add", "Les comptes de service sont-ils revus ?", CtrlC()])
    assert run.code == ExitCode.INTERRUPTED
    added = saved()["added_questions"]
    assert added == [{**added[0], "id": PERSO_1(), "text": "Les comptes de service sont-ils revus ?"}]
    assert added[0]["criteria"] == []
    # Resumed, the question asks for its criteria before its note: it belongs in the report.
    again = Run(
        [Menu(""), "list", PERSO_1(), ["3.6-06"], "Revue annuelle", Menu(""), "quit"], out=None, resume=OUT
    )
    assert "n'est rattachée à aucun critère" in again.text
    assert f"Question 4/4 · {PERSO_1()}" in " ".join(again.text.split())
    assert saved()["added_questions"][0]["notes"] == "Revue annuelle"
    assert saved()["added_questions"][0]["criteria"] == ["3.6-06"]


# --- evidence, editor ----------------------------------------------------------------------


PROCEDURE = "Procédure de gestion des arrivées et des départs"


def test_documents_seen_or_asked_for_from_the_guide_and_the_visitors_own() -> None:
    run = Run(
        [
            Menu("notes"),
            "evidence",
            Picked("d:" + PROCEDURE, "vu"),  # v: seen
            ":other",
            "Charte informatique ; Annuaire AD",  # the visitor's own, seen; pointer on the first
            Picked("d:Annuaire AD", "demande"),  # d: asked for
            ESC,  # back to the note
            ENTER,  # submitted as is
            Menu(""),
            "quit",
        ]
    )
    answer = saved()["answers"][Q1]
    assert answer["evidence"] == [
        {"document": PROCEDURE, "state": "vu"},
        {"document": "Charte informatique", "state": "vu"},
        {"document": "Annuaire AD", "state": "demande"},
    ]
    assert answer["notes"] == "notes"
    lists = [p for p in run.asker.prompts if p.kind == "pick"]
    assert lists[2].default == "d:Charte informatique"
    labels = [o.label for o in lists[-1].options]
    assert any(label.startswith("vu") and "Charte" in label for label in labels)
    assert any(label.startswith("demandé") and "Annuaire" in label for label in labels)


def test_an_asked_for_document_becomes_seen_later_and_enter_cycles_the_state() -> None:
    Run([Menu("n"), "evidence", Picked("d:" + PROCEDURE, "demande"), ESC, Menu(""), "quit"])
    assert saved()["answers"][Q1]["evidence"] == [{"document": PROCEDURE, "state": "demande"}]
    Run(
        [Menu(""), "evidence", Picked("d:" + PROCEDURE, "vu"), ESC, Menu(""), "quit"],
        out=None,
        resume=OUT,
    )
    assert saved()["answers"][Q1]["evidence"] == [{"document": PROCEDURE, "state": "vu"}]
    # Enter: seen → asked for → off the list
    Run([Menu(""), "evidence", Picked("d:" + PROCEDURE), ENTER, ESC, Menu(""), "quit"], out=None, resume=OUT)
    assert saved()["answers"][Q1]["evidence"] == []


def fake_editor(folder: Path, name: str = "editor") -> Path:
    """An editor on PATH that replaces the note by « écrit dans l'éditeur »."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text('#!/bin/sh\nprintf \'%s\' "écrit dans l\'éditeur" > "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    return folder


def test_a_malformed_editor_variable_gives_way_to_the_next_editor(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EDITOR", 'vim "')  # a quote left open: not a command line
    monkeypatch.setenv("PATH", str(fake_editor(tmp_path / "bin")))
    run = Run([Menu(""), "quit"])
    assert run.code == 0
    menu = next(p for p in run.asker.prompts if p.kind == "select")
    editor = next(o for o in menu.options if o.value == "editor")
    assert editor.label == "Note dans l'éditeur (editor)"


def test_editor_writes_the_note() -> None:
    run = Run([Menu(""), "editor", "écrit dans l'éditeur\nsur deux lignes", ENTER, Menu(""), "quit"])
    assert saved()["answers"][Q1]["notes"] == "écrit dans l'éditeur\nsur deux lignes"
    assert run.notes_defaults()[1] == "écrit dans l'éditeur\nsur deux lignes"


# --- checkpoints ---------------------------------------------------------------------------


def test_checkpoints_rated_from_the_menu_with_comments() -> None:
    run = Run(
        [
            Menu(""),
            "checkpoints",
            ENTER,  # the pointer is on the first unrated checkpoint
            "oui",
            "Plan présenté",
            ENTER,  # pointer moved to the next unrated one
            "na",
            ENTER,
            ":back",
            Menu(""),
            "quit",
        ],
        audience="gouvernance",
    )
    lists = [p for p in run.asker.prompts if p.message.startswith("Points de vérification")]
    assert lists[0].default == "plan-actions-evolution-sih"
    assert lists[1].default == "exercices-crise-cyber"
    assert lists[2].default == "audits-annuaires-exposition-internet"
    ratings = saved()["checkpoints"]
    assert ratings["plan-actions-evolution-sih"]["rating"] == "oui"
    assert ratings["plan-actions-evolution-sih"]["comment"] == "Plan présenté"
    assert ratings["exercices-crise-cyber"]["rating"] == "na"
    assert "Vous vérifierez que…" in run.text
    headings = [o.label for o in lists[0].options if o.heading]
    assert headings == [
        "── Soutenir l'évolution vers un système d'information hospitalier ergonomique",
        "── Prévenir la crise cyber",
        "── Sécuriser les accès au SIH",
        "── Gérer la crise cyber",
    ]
    labels = {o.value: o.label for o in lists[1].options}
    assert labels["plan-actions-evolution-sih"].startswith("oui il existe un plan")


def test_checkpoints_are_offered_before_finishing() -> None:
    answers: list[object] = [f"note {n}" for n in range(6)]
    answers += [
        ENTER,  # end menu: the default is the checkpoints
        "exercices-crise-cyber",
        "non",
        "",
        ":back",
        "finish",
        False,  # do not rate the others now
    ]
    run = Run(answers, audience="gouvernance")
    end_menu = next(p for p in run.asker.prompts if p.message == "Que faire ?")
    assert end_menu.default == "checkpoints"
    data = saved()
    assert data["status"] == "completed"
    assert data["checkpoints"]["exercices-crise-cyber"]["rating"] == "non"
    assert "Points cotés" in run.text


def test_ctrl_c_at_the_comment_keeps_the_rating() -> None:
    run = Run([Menu(""), "checkpoints", ENTER, "non", CtrlC()], audience="gouvernance")
    assert run.code == ExitCode.INTERRUPTED
    rating = saved()["checkpoints"]["plan-actions-evolution-sih"]
    assert (rating["rating"], rating["comment"]) == ("non", "")


def test_a_new_rating_keeps_the_comment_until_it_is_changed() -> None:
    Run([Menu(""), "checkpoints", ENTER, "oui", "Plan présenté", CtrlC()], audience="gouvernance")
    cid = "plan-actions-evolution-sih"
    Run([Menu(""), "checkpoints", cid, "non", CtrlC()], audience=None, out=None, resume=OUT)
    rating = saved()["checkpoints"][cid]
    assert (rating["rating"], rating["comment"]) == ("non", "Plan présenté")


def test_leaving_a_checkpoint_unrated() -> None:
    Run([Menu(""), "checkpoints", ENTER, ":back", ":back", Menu(""), "quit"], audience="gouvernance")
    assert saved()["checkpoints"] == {}


def test_technique_has_no_checkpoint_entry() -> None:
    run = Run([Menu(""), "quit"])
    assert "checkpoints" not in [o.value for o in run.asker.prompts[1].options]


# --- personal identifiers ------------------------------------------------------------------


def test_identifier_in_a_note_warns_masked_and_offers_to_edit() -> None:
    nir = "2 95 10 99 126 111 93"
    run = Run([f"Patient {nir} cité", True, "Patient cité", "note 2", "note 3", "finish"])
    assert "NIR/INS" in run.text
    assert nir not in run.text
    assert "2 •• •• •• ••• ••• ••" in run.text
    assert run.notes_defaults()[1] == f"Patient {nir} cité"  # back at the note to edit it
    assert saved()["answers"][Q1]["notes"] == "Patient cité"


def test_identifier_kept_when_the_visitor_says_so() -> None:
    Run(["écrire à dsi@ch-exemple.fr", False, "note 2", "note 3", "finish"])
    assert saved()["answers"][Q1]["notes"] == "écrire à dsi@ch-exemple.fr"


def test_identifier_in_a_checkpoint_comment() -> None:
    run = Run(
        [
            Menu(""),
            "checkpoints",
            ENTER,
            "oui",
            "voir 06 12 34 56 78",
            True,
            "voir le standard",
            ":back",
            Menu(""),
            "quit",
        ],
        audience="gouvernance",
    )
    assert "numéro de téléphone 06" in run.text
    assert saved()["checkpoints"]["plan-actions-evolution-sih"]["comment"] == "voir le standard"


# --- at the speed of the conversation (issue 14) -------------------------------------------------


def test_escape_leaves_the_menu_and_the_lists() -> None:
    run = Run(
        [Menu("brouillon"), ESC, Menu(""), "list", ESC, Menu(""), "search", "accès", ESC, Menu(""), "quit"]
    )
    notes = [p for p in run.asker.prompts if p.kind == "note"]
    assert len(notes) == 4 and all(p.message == "Notes" for p in notes)
    assert notes[1].default == "brouillon"  # back at the same note, kept
    assert run.code == 0


def test_a_question_by_its_number_from_the_menu_the_list_and_the_end() -> None:
    run = Run([Menu(""), Number(3), Menu(""), "list", Number(2), "deux", "trois", "un", Number(1), CtrlC()])
    notes = [p for p in run.asker.prompts if p.kind == "note"]
    numbers = [n for n in (re.findall(r"Question (\d)/3", run.text))]
    assert numbers[:3] == ["1", "3", "2"]
    assert saved()["answers"][Q1]["notes"] == "un"
    assert len(notes) == 6  # Q1 reopened by its number at the end menu
    menu = next(p for p in run.asker.prompts if p.message == "Que faire ?")
    assert menu.kind == "select"


def test_rating_at_the_speed_of_a_nod() -> None:
    """Ctrl-P from the note, one key per rating, Enter for no comment (basis entretien), the
    pointer moving on; Tab at the comment gives another basis."""
    run = Run(
        [
            Shortcut("checkpoints", ""),
            Picked("plan-actions-evolution-sih", "oui"),
            ENTER,  # no comment, entretien
            Picked("exercices-crise-cyber", "non"),
            Tagged("", "observation"),  # Tab
            Picked("audits-annuaires-exposition-internet", "na"),
            Tagged("Charte lue", "document"),  # Shift+Tab
            ESC,
            Menu(""),
            "quit",
        ],
        audience="gouvernance",
    )
    lists = [p for p in run.asker.prompts if p.kind == "pick"]
    assert [p.default for p in lists] == [
        "plan-actions-evolution-sih",
        "exercices-crise-cyber",
        "audits-annuaires-exposition-internet",
        "audit-securite-plan-actions",
    ]
    rated = saved()["checkpoints"]
    assert {k: (v["rating"], v["basis"], v["comment"]) for k, v in rated.items()} == {
        "plan-actions-evolution-sih": ("oui", "entretien", ""),
        "exercices-crise-cyber": ("non", "observation", ""),
        "audits-annuaires-exposition-internet": ("na", "document", "Charte lue"),
    }
    comments = [p for p in run.asker.prompts if p.kind == "tagged"]
    assert all(p.default == ("", "entretien") for p in comments)
    assert "Vous vérifierez que…" not in run.text  # the quick way shows no panel


def test_a_new_rating_keeps_its_basis_until_changed() -> None:
    Run(
        [
            Shortcut("checkpoints"),
            Picked("exercices-crise-cyber", "oui"),
            Tagged("", "document"),
            ESC,
            Menu(""),
            "quit",
        ],
        audience="gouvernance",
    )
    run = Run(
        [Shortcut("checkpoints"), Picked("exercices-crise-cyber", "non"), ENTER, ESC, Menu(""), "quit"],
        out=None,
        resume=OUT,
        audience=None,
    )
    assert saved()["checkpoints"]["exercices-crise-cyber"]["basis"] == "document"
    assert [p.default for p in run.asker.prompts if p.kind == "tagged"] == [("", "document")]


def test_finish_anyway_is_no_on_enter() -> None:
    run = Run([Menu(""), "finish", ENTER, CtrlC()])
    confirm = next(p for p in run.asker.prompts if p.kind == "confirm")
    assert confirm.message == "Terminer quand même ?" and confirm.default is False
    assert saved()["status"] == "in_progress"


def test_ctrl_o_shows_the_whole_panel_keeping_the_draft_unsaved() -> None:
    run = Run(
        [Shortcut("detail", "début de note"), CtrlC("début de note")],
        audience="gouvernance",
        height=24,
        width=80,
    )
    first, second = run.text.split("Question 1/6")[1:3]
    assert "Conseil" not in first and "Ctrl-O : tout afficher" in first
    assert "Conseil" in second and "Rapport d'audit de sécurité numérique" in second
    notes = [p for p in run.asker.prompts if p.kind == "note"]
    assert notes[1].default == "début de note"


def test_the_panel_folds_on_a_laptop_terminal_only() -> None:
    short = Run([CtrlC()], audience="gouvernance", height=24, width=80).text
    assert "Ctrl-O : tout afficher (conseil, documents, intitulés des critères)" in short
    assert "Conseil" not in short and "3.6-01 · 3.6-02" in short
    assert len(short.split("╭")[1].splitlines()) <= 24 - 8  # room for the note under it
    OUT.unlink()
    tall = Run([CtrlC()], audience="gouvernance", height=60, width=80).text
    assert "Conseil" in tall and "Ctrl-O" not in tall


def test_resume_opens_the_question_being_typed_then_the_next_pending_one() -> None:
    Run(
        ["un", Menu("deux à moitié"), "flag", "trois", "quatre", CtrlC("cinq en cours")],
        audience="gouvernance",
    )
    assert saved()["open_question"] == "sensibilisation-plan-formation"
    run = Run([CtrlC()], out=None, resume=OUT, audience=None)
    assert run.asker.prompts[-1].default == "cinq en cours"
    assert "Question 5/6" in run.text.split("Reprise")[-1]
    # Answered, the next opening is the next pending question, not the one before.
    Run(["cinq", CtrlC()], out=None, resume=OUT, audience=None)
    run = Run([CtrlC()], out=None, resume=OUT, audience=None)
    assert "Question 6/6" in run.text.split("Reprise")[-1]


def test_an_identifier_in_a_note_is_checked_before_it_is_written() -> None:
    class Watch(StandInAsker):
        """Looks at the file when the warning is asked."""

        on_disk: str = ""

        def confirm(self, message: str, default: bool = True) -> bool:
            self.on_disk = OUT.read_text(encoding="utf-8")
            return super().confirm(message, default)

    asker = Watch(["joindre au 06 12 34 56 78", CtrlC()])
    run = Run([], asker=asker)
    assert "06 12 34 56 78" not in asker.on_disk
    answer = saved()["answers"][Q1]
    assert answer["notes"] == "joindre au 06 •• •• •• ••" and answer["status"] == "revisit"
    assert run.code == ExitCode.INTERRUPTED


def test_an_identifier_in_a_comment_interrupted_at_the_warning_is_masked() -> None:
    Run(
        [
            Shortcut("checkpoints"),
            Picked("exercices-crise-cyber", "oui"),
            "IDE joignable au 06 12 34 56 78",
            CtrlC(),
        ],
        audience="gouvernance",
    )
    rating = saved()["checkpoints"]["exercices-crise-cyber"]
    assert rating["rating"] == "oui" and rating["comment"] == "IDE joignable au 06 •• •• •• ••"


def test_the_pace_counts_this_sitting_against_the_duration() -> None:
    from visitguide.interview.loop import InterviewUI

    now = [1000.0]
    s = session("technique", "DSI")
    ui = InterviewUI(s, StandInAsker([]), Console(file=io.StringIO()), duration=45, clock=lambda: now[0])
    assert ui.pace() == "reste 45 min sur 45 · 3 à poser"
    now[0] += 50 * 60
    s.answer(Q1, "fait")
    assert ui.pace() == "5 min de dépassement · 2 à poser"
    ui.duration = None
    assert ui.pace() == "50 min · 2 à poser"


def test_documents_alone_do_not_answer_a_question() -> None:
    """Marking documents on a question not yet answered keeps it "à revoir", not "répondue"."""
    Run([Menu(""), "evidence", Picked("d:" + PROCEDURE, "demande"), ESC, Menu(""), "quit"])
    answer = saved()["answers"][Q1]
    assert answer["status"] == "revisit" and answer["notes"] == ""
    assert answer["evidence"] == [{"document": PROCEDURE, "state": "demande"}]


def test_an_edit_cut_short_by_ctrl_c_is_a_draft_to_review_even_on_an_answered_question() -> None:
    run = Run([Menu("première version"), "evidence", ESC, CtrlC("première version, complétée")])
    assert run.code == ExitCode.INTERRUPTED
    answer = saved()["answers"][Q1]
    assert (answer["status"], answer["notes"]) == ("revisit", "première version, complétée")
