"""Starting, resuming, interrupting and saving a live interview (scripted asker)."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, CONTEXT, OUT, Q1, Q2, Q3, Invoke, Run, saved
from visitguide.errors import ExitCode, InterviewFileError, UsageError
from visitguide.interview import file as ifile
from visitguide.interview import live
from visitguide.interview.loop import ACTIONS, END_ACTIONS
from visitguide.interview.stand_in import ENTER, CtrlC, Menu, StandInAsker
from visitguide.messages import catalog

# --- no terminal ---------------------------------------------------------------------------


def test_no_terminal_exits_2_naming_answers(cli: Invoke) -> None:
    result = cli("interview", "--guide", "risques-numeriques", "--audience", "technique")
    assert result.exit_code == ExitCode.USAGE
    assert "--answers" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not Path("entretiens").exists()


def test_no_terminal_even_with_resume(cli: Invoke) -> None:
    Run(["note 1", CtrlC()])
    result = cli("interview", "--resume", OUT)
    assert result.exit_code == ExitCode.USAGE
    assert "--answers" in result.stderr


# --- starting ------------------------------------------------------------------------------


def test_context_is_asked_role_never_a_name_date_today() -> None:
    run = Run(["CH Exemple", "", "RSSI", "", ENTER, CtrlC()], overrides={})
    texts = [p for p in run.asker.prompts if p.kind == "text"]
    assert [p.message for p in texts] == [
        "Établissement",
        "Secteur ou service (facultatif)",
        "Fonction de la personne interrogée",
        "Expert-visiteur (facultatif)",
        "Date de l'entretien",
    ]
    assert "une fonction, jamais un nom" in (texts[2].instruction or "")
    assert texts[4].default == ifile.today()
    assert saved()["context"] == {
        "establishment": "CH Exemple",
        "sector": None,
        "interviewee_role": "RSSI",
        "visitor": "",
        "date": ifile.today(),
    }


def test_command_line_context_skips_those_prompts() -> None:
    """Options are answers: never asked again; the optional fields left out take their
    defaults (no sector, the visit's visitor, today) once any context came on the command line."""
    run = Run(["CH Exemple", CtrlC()], overrides={"interviewee_role": "DSI", "visitor": "EV"})
    assert [p.message for p in run.asker.prompts if p.kind == "text"] == ["Établissement"]
    context = saved()["context"]
    assert context["sector"] is None
    assert context["date"] == date.today().isoformat()


def test_the_french_date_is_taken_on_the_command_line_and_at_the_prompt() -> None:
    Run([CtrlC()], overrides={**CONTEXT, "date": "01/12/2026"})
    assert saved()["context"]["date"] == "2026-12-01"
    OUT.unlink()
    Run(["CH", "", "DSI", "", "2/12/2026", CtrlC()], overrides={})
    assert saved()["context"]["date"] == "2026-12-02"


def test_required_context_refuses_empty_answers() -> None:
    with pytest.raises(AssertionError, match="à renseigner"):
        Run(["  "], overrides={})


# Python's ISO parser takes the last three; they would be stored raw and name the file.
NOT_AAAA_MM_JJ = ("31/11/2026", "20261129", "2026-W48-1", "2026-11-29T10:00", "2026-02-30")


@pytest.mark.parametrize("value", NOT_AAAA_MM_JJ)
def test_bad_date_on_the_command_line_is_refused_before_anything(value: str) -> None:
    with pytest.raises(UsageError, match="AAAA-MM-JJ"):
        Run([], overrides={**CONTEXT, "date": value})
    assert not OUT.exists()


@pytest.mark.parametrize("value", NOT_AAAA_MM_JJ)
def test_bad_date_typed_is_refused_at_the_prompt(value: str) -> None:
    with pytest.raises(AssertionError, match="date invalide"):
        Run(["CH", "", "DSI", "", value], overrides={})


def test_the_context_options_are_the_interview_files_context() -> None:
    from visitguide.paths import CONTEXT_KEYS

    assert set(CONTEXT_KEYS) == set(ifile.Context.model_fields)


def test_establishment_and_visitor_default_to_the_last_interview_of_the_visit() -> None:
    Run([CtrlC()], out=None)
    run = Run(
        [ENTER, "", "Cadre de santé", ENTER, ENTER, CtrlC()], out=None, overrides={}, audience="gouvernance"
    )
    texts = [p for p in run.asker.prompts if p.kind == "text"]
    assert texts[0].default == "CH Exemple"
    assert texts[3].default == "EV1"
    assert texts[2].default == ""  # the role is never carried over


def test_audience_is_chosen_when_not_given() -> None:
    run = Run(["professionnels", CtrlC()], audience=None)
    select = run.asker.prompts[0]
    assert select.message == "Public interrogé"
    assert [o.value for o in select.options] == ["gouvernance", "technique", "professionnels"]
    assert "3 questions" in select.options[1].label
    assert saved()["audience"] == "professionnels"


def test_unknown_audience_names_the_closest(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="technique"):
        Run([], audience="tecnique")


def second_guide(tmp_path: Path) -> Path:
    """A user bank holding a copy of the bundled guide under another id."""
    bank = tmp_path / "banque"
    folder = bank / "autre-guide"
    shutil.copytree(BUNDLED / "risques-numeriques", folder)
    guide = folder / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("id: risques-numeriques", "id: autre-guide"))
    return bank


def test_guide_is_chosen_when_several(tmp_path: Path) -> None:
    bank = second_guide(tmp_path)
    run = Run(["autre-guide", CtrlC()], guide_id=None, banks=[bank])
    select = run.asker.prompts[0]
    assert select.message == "Guide"
    assert [o.value for o in select.options] == ["risques-numeriques", "autre-guide"]
    assert saved()["guide"]["id"] == "autre-guide"
    assert f"--bank {bank}" in str(run.error)


def test_default_file_is_private_under_entretiens() -> None:
    run = Run([CtrlC()], out=None)
    files = list(Path("entretiens").glob("*.json"))
    assert len(files) == 1
    name = files[0].name
    interview_id = json.loads(files[0].read_text())["id"]
    assert name == f"2026-11-29-technique-{interview_id[:8]}.json"
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(Path("entretiens").stat().st_mode) == 0o700
    assert f"Entretien enregistré dans : entretiens/{name}" in run.text


def test_out_never_overwrites_and_suggests_resume() -> None:
    OUT.write_text("précieux")
    with pytest.raises(InterviewFileError, match="--resume"):
        Run([])
    assert OUT.read_text() == "précieux"


def test_out_naming_a_folder_says_so() -> None:
    Path("visite").mkdir()
    with pytest.raises(UsageError) as refused:
        Run([], out=Path("visite"))
    assert "--out visite est un dossier" in refused.value.message
    assert "visite/entretien.json" in refused.value.message
    assert "existe déjà" not in refused.value.message
    assert list(Path("visite").iterdir()) == []


def test_out_and_resume_together_are_refused() -> None:
    with pytest.raises(UsageError, match="--resume"):
        Run([], resume=Path("autre.json"))


def test_ctrl_c_before_the_file_exists_writes_nothing() -> None:
    run = Run([CtrlC()], overrides={})
    assert run.code == ExitCode.INTERRUPTED
    assert "aucun fichier écrit" in str(run.error)
    assert not OUT.exists()


# --- interrupting --------------------------------------------------------------------------


def test_ctrl_c_gives_the_exact_resume_command() -> None:
    run = Run(["note 1", CtrlC()], out=Path("dossier de visite/entretien 1.json"))
    assert run.code == 130
    assert "visitguide interview --resume 'dossier de visite/entretien 1.json'" in str(run.error)
    assert saved(Path("dossier de visite/entretien 1.json"))["answers"][Q1]["notes"] == "note 1"


def test_ctrl_c_in_a_menu_keeps_every_answer() -> None:
    run = Run(["note 1", Menu(""), CtrlC()])
    assert run.code == 130
    assert saved()["answers"][Q1]["notes"] == "note 1"


def test_ctrl_c_while_typing_keeps_the_draft_to_revisit() -> None:
    run = Run(["note 1", CtrlC("à moitié tap")])
    answers = saved()["answers"]
    assert answers[Q2] == {**answers[Q2], "status": "revisit", "notes": "à moitié tap"}
    assert "La note en cours est gardée (statut : à revoir)" in run.text


@pytest.mark.parametrize("key", [KeyboardInterrupt, EOFError])
def test_ctrl_c_once_the_file_is_made_but_before_a_question(key: type[BaseException]) -> None:
    run = Run([], interrupt_at="Entretien enregistré dans", key=key)
    assert run.code == ExitCode.INTERRUPTED
    assert "visitguide interview --resume entretien.json" in str(run.error)
    assert saved()["answers"] == {}


def test_ctrl_c_during_the_resume_announcement_gives_the_resume_command() -> None:
    Run(["note 1", CtrlC()])
    run = Run([], interrupt_at="Reprise de l'entretien", out=None, resume=OUT)
    assert run.code == ExitCode.INTERRUPTED
    assert "visitguide interview --resume entretien.json" in str(run.error)
    assert saved()["answers"][Q1]["notes"] == "note 1"


def test_ctrl_d_is_like_ctrl_c() -> None:
    run = Run(["note 1", EOFError])
    assert run.code == 130
    assert "--resume entretien.json" in str(run.error)
    assert saved()["answers"][Q1]["notes"] == "note 1"


def test_quit_leaves_the_interview_in_progress_with_the_command() -> None:
    run = Run(["note 1", Menu(""), "quit"])
    assert run.code == 0
    assert saved()["status"] == "in_progress"
    assert "Pour reprendre :\n  visitguide interview --resume entretien.json\n" in run.text


def test_a_failed_save_is_retried_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = ifile.save
    failures = iter([True])

    def flaky(path: Path, interview: ifile.Interview) -> None:
        if next(failures, False):
            raise InterviewFileError(f"{path}: disque plein")
        real_save(path, interview)

    monkeypatch.setattr(ifile, "save", flaky)
    run = Run(["note 1", True, ENTER, "note 2", CtrlC()])
    assert "disque plein" in run.text
    assert run.asker.prompts[1].message == "Réessayer d'enregistrer ?"
    assert run.notes_defaults()[1] == "note 1"  # the question comes back, its note saved
    assert set(saved()["answers"]) == {Q1, Q2}


# --- resuming ------------------------------------------------------------------------------


def test_resume_points_at_the_next_pending_question_and_keeps_answers() -> None:
    Run([Menu(""), "list", Q2, "note 2", CtrlC()])
    run = Run(["note 1", "note 3", "finish"], out=None, resume=OUT)
    assert run.notes_defaults() == ["", ""]
    answers = saved()["answers"]
    assert {k: a["notes"] for k, a in answers.items()} == {Q2: "note 2", Q1: "note 1", Q3: "note 3"}
    assert saved()["status"] == "completed"
    assert "Reprise de l'entretien : entretien.json" in run.text
    assert "✓ 2. Quel matériel" in run.text and "« note 2 »" in run.text  # where things stand
    assert "○ 1. Quelles sont" in run.text


def test_resume_finds_flagged_questions_once_nothing_is_pending() -> None:
    Run([Menu("à revoir"), "flag", "note 2", "note 3", "quit"])
    run = Run([ENTER, "finish"], out=None, resume=OUT)
    assert run.notes_defaults() == ["à revoir"]
    assert saved()["answers"][Q1]["status"] == "answered"


def test_resume_takes_guide_and_audience_from_the_file() -> None:
    Run(["note 1", CtrlC()])
    run = Run([Menu(""), "quit"], guide_id=None, audience=None, out=None, resume=OUT, overrides={})
    assert run.code == 0
    assert run.asker.prompts[0].kind == "note"


def test_resume_with_another_guide_or_audience_is_refused() -> None:
    Run(["note 1", CtrlC()])
    with pytest.raises(UsageError, match="gouvernance"):
        Run([], out=None, resume=OUT, audience="gouvernance")
    with pytest.raises(UsageError, match="autre"):
        Run([], out=None, resume=OUT, guide_id="autre")


def test_resume_applies_context_options() -> None:
    Run(["note 1", CtrlC()])
    Run([CtrlC()], out=None, resume=OUT, overrides={"sector": "Bloc opératoire"})
    assert saved()["context"] == {**CONTEXT, "sector": "Bloc opératoire"}


def test_resume_of_a_missing_or_damaged_file() -> None:
    with pytest.raises(InterviewFileError, match="introuvable"):
        Run([], out=None, resume=Path("absent.json"))
    Path("abime.json").write_text('{"format": "visitguide.interview", "format_version": 1,')
    with pytest.raises(InterviewFileError, match=r"abime\.json"):
        Run([], out=None, resume=Path("abime.json"))


def test_resume_of_a_file_open_elsewhere_is_refused() -> None:
    Run(["note 1", CtrlC()])
    with ifile.Lock(OUT), pytest.raises(InterviewFileError, match="déjà ouvert"):
        Run([], out=None, resume=OUT)


def test_completed_interview_reopened_to_correct_it() -> None:
    Run(["note 1", "note 2", "note 3", "finish"])
    looked = Run([CtrlC()], out=None, resume=OUT)
    assert "Cet entretien est terminé" in looked.text
    assert saved()["status"] == "completed"  # nothing changed: still completed
    Run(["list", Q2, "note 2 corrigée", CtrlC()], out=None, resume=OUT)
    assert saved()["status"] == "in_progress"
    assert saved()["answers"][Q2]["notes"] == "note 2 corrigée"
    Run(["finish"], out=None, resume=OUT)
    assert saved()["status"] == "completed"


def changed_bank(tmp_path: Path) -> Path:
    """A user bank replacing the bundled guide, for changing it between sittings."""
    bank = tmp_path / "banque"
    shutil.copytree(BUNDLED / "risques-numeriques", bank / "risques-numeriques")
    return bank


def test_resume_after_the_guide_changed_keeps_orphan_answers(tmp_path: Path) -> None:
    bank = changed_bank(tmp_path)
    Run(["Règles d'accès\nvues", "note 2", CtrlC()], banks=[bank])
    technique = bank / "risques-numeriques" / "technique.yaml"
    lines = technique.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  - id: regles-acces-si"))
    end = next(i for i, line in enumerate(lines) if line.startswith("  - id: acces-distance-mobilite"))
    technique.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")

    run = Run(["note 3", "finish"], out=None, resume=OUT, banks=[bank])
    assert "Le guide a changé" in run.text
    assert "regles-acces-si" in run.text
    assert "Règles d'accès" in run.text and "vues" in run.text
    data = saved()
    assert data["answers"][Q1]["notes"] == "Règles d'accès\nvues"  # kept in the file
    assert data["answers"][Q3]["notes"] == "note 3"
    assert "1 réponse(s) hors du guide actuel" in run.text
    # The file now follows the guide it was carried on with: the change is told once.
    assert data["guide"]["digest"] == bank_guide_digest(bank)
    again = Run(["finish"], out=None, resume=OUT, banks=[bank])
    assert "Le guide a changé" not in again.text
    assert saved()["answers"][Q1]["notes"] == "Règles d'accès\nvues"


def test_ctrl_c_on_the_guide_changed_screen_gives_the_resume_command(tmp_path: Path) -> None:
    bank = changed_bank(tmp_path)
    Run(["note 1", CtrlC()], banks=[bank])
    technique = bank / "risques-numeriques" / "technique.yaml"
    technique.write_text(technique.read_text(encoding="utf-8").replace("Quel matériel", "Quels matériels"))
    run = Run([], interrupt_at="Le guide a changé", out=None, resume=OUT, banks=[bank])
    assert run.code == ExitCode.INTERRUPTED
    assert f"visitguide interview --resume entretien.json --bank {bank}" in str(run.error)
    assert saved()["answers"][Q1]["notes"] == "note 1"


def bank_guide_digest(bank: Path) -> str:
    from visitguide.bank import loader as banks

    return banks.resolve("risques-numeriques", [bank]).digest


def test_orphan_notes_are_shown_escaped(tmp_path: Path) -> None:
    bank = changed_bank(tmp_path)
    Run(["\x1b]0;titre\x07 [red]rouge[/]", CtrlC()], banks=[bank])
    technique = bank / "risques-numeriques" / "technique.yaml"
    technique.write_text(technique.read_text(encoding="utf-8").replace("regles-acces-si", "regles-acces"))
    run = Run([CtrlC()], out=None, resume=OUT, banks=[bank])
    assert "\\x1b]0;titre\\x07 [red]rouge[/]" in run.text
    assert "\x1b" not in run.text


# --- language ------------------------------------------------------------------------------


def test_english_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    run = Run(["Acme", "", "CIO", "", ENTER, Menu(""), "quit"], overrides={})
    assert run.asker.prompts[0].message == "Establishment"
    assert "a function, never a name" in (run.asker.prompts[2].instruction or "")
    menu = run.asker.prompts[-1]
    assert menu.message == "What next?"
    assert "Esc then Enter" in (run.asker.prompts[5].instruction or "")
    assert "Interview saved in: entretien.json" in run.text
    assert "To resume:\n  visitguide interview --resume entretien.json\n" in run.text


def used_keys() -> set[str]:
    keys = {f"live.act.{a}" for a in (*ACTIONS, *END_ACTIONS)}
    keys |= {f"live.key.{a}" for a in (*ACTIONS, *END_ACTIONS)}
    return keys


def test_every_menu_action_has_words_and_distinct_keys_in_both_languages() -> None:
    messages = catalog()
    for key in used_keys():
        assert key in messages, key
    for language in (0, 1):
        for actions in (ACTIONS, END_ACTIONS):
            letters = [messages[f"live.key.{a}"][language] for a in actions]
            assert len(set(letters)) == len(letters), letters


def test_every_live_message_used_in_the_code_exists() -> None:
    import re

    root = Path(live.__file__).parent
    text = "".join(path.read_text() for path in root.glob("*.py"))
    literal = set(re.findall(r't\("(live\.[a-z0-9_.]+)"', text))
    assert literal
    assert literal <= set(catalog())


def test_interview_file_holds_the_contract_keys() -> None:
    Run(["note 1", Menu(""), "skip", Menu(""), "flag", "finish"])
    data = saved()
    assert set(data) == {
        "format",
        "format_version",
        "id",
        "guide",
        "audience",
        "context",
        "status",
        "started_at",
        "updated_at",
        "answers",
        "checkpoints",
        "added_questions",
        "open_question",
    }
    assert data["format"] == "visitguide.interview"
    assert data["format_version"] == 2
    assert set(data["guide"]) == {"id", "version", "digest"}
    assert data["guide"]["digest"].startswith("sha256:")
    assert {a["status"] for a in data["answers"].values()} == {"answered", "skipped", "revisit"}
    assert ifile.read(OUT).id == data["id"]
    assert os.stat(OUT).st_mode & 0o077 == 0


def test_scripted_asker_runs_out_loudly() -> None:
    with pytest.raises(AssertionError, match="no scripted answer left"):
        live.run("risques-numeriques", "technique", OUT, None, CONTEXT, [], asker=StandInAsker([]))


# --- the command line first (issue 14: errors in the right order, ids as people type them) -----


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audience", "technicien"], "public inconnu « technicien ». Vouliez-vous dire « technique » ?"),
        (["--guide", "risque-numeriques"], "guide inconnu « risque-numeriques »"),
        (["--resume", "nope.json"], "nope.json"),
        (["--date", "2026-13-01"], "date invalide « 2026-13-01 »"),
        (["--date", "31/02/2026"], "date invalide « 31/02/2026 »"),
        (["--duration", "0"], "durée invalide « 0 »"),
    ],
)
def test_a_bad_argument_is_named_before_the_missing_terminal(
    cli: Invoke, args: list[str], message: str
) -> None:
    result = cli("interview", *args)
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert "pas de terminal" not in result.stderr


@pytest.mark.parametrize("audience", ["Technique", "tech", "TECHN", "téchnique"])
def test_an_audience_as_people_type_it(audience: str) -> None:
    Run([CtrlC()], audience=audience)
    assert saved()["audience"] == "technique"


def test_a_prefix_that_fits_several_ids_names_them(tmp_path: Path) -> None:
    from visitguide.bank import typed

    with pytest.raises(UsageError, match="gouvernance, gouvernement"):
        typed.resolve("gouv", ["gouvernance", "gouvernement", "technique"], "audience.unknown")
    assert typed.resolve("Gouvernance", ["gouvernance", "gouvernement"], "audience.unknown") == "gouvernance"


def test_resume_takes_an_audience_as_people_type_it() -> None:
    Run(["note 1", CtrlC()])
    run = Run([CtrlC()], out=None, resume=OUT, audience="Tech", guide_id="RISQUES")
    assert run.code == ExitCode.INTERRUPTED


def test_resume_with_a_changed_context_shows_the_change_and_reopens() -> None:
    Run(["un", "deux", "trois", "finish"])
    assert saved()["status"] == "completed"
    changes = {"interviewee_role": "Directeur", "sector": "Urgences"}
    run = Run([CtrlC()], out=None, resume=OUT, overrides=changes)
    assert "Contexte modifié : fonction : DSI → Directeur" in run.text
    assert "secteur" not in run.text.split("Contexte modifié")[-1].split("\n")[0]  # unchanged: not shown
    assert "repasse « en cours »" in run.text
    data = saved()
    assert data["context"]["interviewee_role"] == "Directeur"
    assert data["status"] == "in_progress"


def test_a_context_option_holding_an_identifier_is_offered_for_editing() -> None:
    run = Run([True, "Directeur", CtrlC()], overrides={**CONTEXT, "interviewee_role": "DG 06 12 34 56 78"})
    assert "numéro de téléphone 06 •• •• •• ••" in run.text
    assert "06 12 34 56 78" not in OUT.read_text(encoding="utf-8")
    assert saved()["context"]["interviewee_role"] == "Directeur"
