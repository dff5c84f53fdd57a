"""The live interview loop: question screens, menus, list, search, checkpoints, finishing.

Every prompt goes through an `Asker` and every change through the `Session`, which saves
the file at once; so the loop runs the same under a terminal or a `StandInAsker`.

The loop moves between *steps*: a question id (its screen), `END` (nothing left pending),
`DONE` (finished, status completed) or `QUIT` (left for later). Answering in order costs
the note plus Esc then Enter: a submitted note is saved as answered and the next pending
question opens at once. Tab (or an empty note) opens the menu of everything else; Ctrl-P the
checkpoint list, where one key rates the checkpoint under the pointer. Échap leaves any list.

No note or comment reaches the disk with a personal identifier the visitor has not been
warned about: the text is checked before it is written, and a warning interrupted (Ctrl-C,
a closed terminal) saves it masked, "à revoir".
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from visitguide import identifiers
from visitguide.console import escape
from visitguide.errors import InterviewFileError
from visitguide.interview import screens as view
from visitguide.interview.asker import Asker, NoteInterrupted, Option, heading, required
from visitguide.interview.editor import editor_command
from visitguide.interview.file import AnswerStatus, Basis, DocumentState, Evidence, Rating
from visitguide.interview.session import PENDING, Session, wrapping_after
from visitguide.messages import t
from visitguide.text import matches

if TYPE_CHECKING:
    from rich.console import Console

    from visitguide.bank.guide import Checkpoint

END = ":end"
DONE = ":done"
QUIT = ":quit"
BACK = ":back"
OTHER = ":other"
JUMP = "q:"  # a menu's value for a question reached by its number
DOCUMENT = "d:"  # a document list's value for a document

# Menu actions: value -> catalog suffix. The shortcut key of each comes from the catalog.
ACTIONS = (
    "next",
    "note",
    "skip",
    "flag",
    "back",
    "evidence",
    "editor",
    "list",
    "search",
    "add",
    "checkpoints",
    "finish",
    "quit",
)
END_ACTIONS = ("pending", "revisit", "checkpoints", "list", "search", "add", "finish", "quit")


def action(name: str, **values: object) -> Option:
    """A menu option: its label and shortcut key from the catalog (`live.act.*`)."""
    return Option(name, t(f"live.act.{name}", **values), t(f"live.key.{name}"))


class InterviewUI:
    """One live interview over `session`, prompting through `asker`, showing on `console`."""

    def __init__(
        self,
        session: Session,
        asker: Asker,
        console: Console,
        *,
        duration: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.asker = asker
        self.console = console
        self.trail: list[str] = []  # questions shown, for "back"
        self.drafts: dict[str, str] = {}  # notes typed, not saved yet (an identifier to edit first)
        self.duration = duration  # minutes the sitting should last, if the visitor said
        self.clock = clock
        self.started = clock()  # this sitting, not the interview: a resume starts a new one
        self._quiet = False  # show the next question without its screen (coming back to a note)
        self._full = False  # show the next question's whole panel even on a short terminal

    # --- the loop ------------------------------------------------------------------------

    def run(self, start: str) -> bool:
        """Run from `start` (a question id or `END`); True when finished, False when left."""
        step = start
        while step not in (DONE, QUIT):
            step = self._guarded(step)
        return step == DONE

    def _guarded(self, step: str) -> str:
        """One step; a file that cannot be saved is reported and saving retried, not lost."""
        try:
            return self.end_menu() if step == END else self.question(step)
        except InterviewFileError as exc:
            self.console.print(f"[bold red]{escape(exc.message)}[/]")
            while not self._retry_save():
                pass
            return step

    def _retry_save(self) -> bool:
        if not self.asker.confirm(t("live.retry_save"), default=True):
            raise InterviewFileError(t("live.save_failed"))
        try:
            self.session.save()
        except InterviewFileError as exc:
            self.console.print(f"[bold red]{escape(exc.message)}[/]")
            return False
        return True

    # --- one question --------------------------------------------------------------------

    def question(self, qid: str) -> str:
        """The question screen and its note; returns the next step."""
        item = self.session.item(qid)
        if item.added and not item.criteria:  # Ctrl-C came before its criteria were ticked
            self.console.print(t("live.add_criteria_missing", id=qid))
            self._ask_criteria(qid, ())
            item = self.session.item(qid)
        if not self.trail or self.trail[-1] != qid:
            self.trail.append(qid)
        self.session.set_open_question(qid)
        if not self._quiet:
            view.show_question(self.console, self.session, item, pace=self.pace(), full=self._full)
        self._quiet = self._full = False
        default = self.drafts.pop(qid, self.session.notes(qid))
        try:
            note = self.asker.note(
                t("live.note_prompt"), default=default, instruction=view.note_keys(self.console)
            )
        except NoteInterrupted as exc:
            self._keep_draft(qid, exc.draft, interrupted=True)
            raise
        text = note.text.strip()
        if note.shortcut == "detail":
            self.drafts[qid] = note.text
            self._full = True
            return qid
        if note.menu or note.shortcut:
            if not self._keep_draft(qid, text):
                return self._come_back(qid)
            return self.checkpoints(qid) if note.shortcut == "checkpoints" else self.menu(qid)
        if not text:
            return self.menu(qid)
        if not self._may_save(qid, text):
            return self._come_back(qid)
        self._reopen()
        self.session.set_open_question(None)
        self.session.answer(qid, text, self.session.evidence(qid))
        return self.after(qid)

    def pace(self) -> str:
        """Time since this sitting started and questions left, against `duration` if set."""
        elapsed = int((self.clock() - self.started) // 60)
        left = self.session.counts()[PENDING]
        if self.duration is None:
            return t("live.pace", elapsed=elapsed, left=left)
        remaining = self.duration - elapsed
        if remaining < 0:
            return t("live.pace_over", elapsed=elapsed, duration=self.duration, over=-remaining, left=left)
        return t("live.pace_target", elapsed=elapsed, duration=self.duration, remaining=remaining, left=left)

    def _keep_draft(self, qid: str, text: str, interrupted: bool = False) -> bool:
        """Save a note left through the menu key or Ctrl-C: never lose what was typed.

        A pending question becomes answered; a note cut short by Ctrl-C (or a closed terminal)
        is "à revoir" whatever the question's status was: nobody validated that text.
        False when the draft holds an identifier and the visitor goes back to edit it (the
        draft is then kept in memory only, for the note prompt).
        """
        text = text.strip()
        if not text or text == self.session.notes(qid):
            return True
        if interrupted and identifiers.find(text):
            self._save_masked(qid, text)
            return True
        if not interrupted and not self._may_save(qid, text):
            return False
        status = self.session.status(qid)
        if interrupted:
            kept = AnswerStatus.revisit
        elif status == PENDING:
            kept = AnswerStatus.answered
        else:
            kept = AnswerStatus(status)
        self._reopen()
        self.session.set_status(qid, kept, text, self.session.evidence(qid))
        if interrupted:
            self._say(t("live.draft_kept", status=view.status_label(kept.value)))
        return True

    def _may_save(self, qid: str, text: str) -> bool:
        """Whether `text` may be written: no identifier in it, or the visitor keeps it after the
        warning. Going back to edit it keeps it as a draft; an interruption at the warning
        saves it masked, "à revoir"."""
        try:
            edit = self._wants_to_edit(text)
        except (KeyboardInterrupt, EOFError):
            self._save_masked(qid, text)
            raise
        if edit:
            self.drafts[qid] = text
        return not edit

    def _wants_to_edit(self, text: str) -> bool:
        """Warn about personal identifiers in `text`; True when the visitor wants to edit it."""
        found = identifiers.find(text)
        if not found:
            return False
        view.show_identifiers(self.console, found)
        return self.asker.confirm(t("live.identifiers_edit"), default=True)

    def _save_masked(self, qid: str, text: str) -> None:
        """The note with its identifiers masked, "à revoir": interrupted at the warning."""
        self._reopen()
        self.session.set_open_question(qid)
        masked = identifiers.masked_id(text.strip())
        self.session.set_status(qid, AnswerStatus.revisit, masked, self.session.evidence(qid))
        self._say(t("live.draft_masked"))

    def _say(self, message: str) -> None:
        """A line on the way out of an interruption: the terminal may be gone (SIGHUP)."""
        with contextlib.suppress(OSError):
            self.console.print(message)

    def after(self, qid: str | None) -> str:
        """The first pending question after `qid` (wrapping, `qid` excluded), else `END`."""
        ids = [i.id for i in self.session.items()]
        following = (c for c in wrapping_after(ids, qid) if c != qid)
        return next((c for c in following if self.session.status(c) == PENDING), END)

    def back_target(self, qid: str) -> str | None:
        """The question shown before `qid`, else the one before it in order."""
        for earlier in reversed(self.trail):
            if earlier != qid:
                return earlier
        return self.session.previous(qid)

    # --- the question menu ---------------------------------------------------------------

    def menu(self, qid: str) -> str:
        options = self._menu_options(qid)
        choice = self.asker.select(
            t("live.menu_prompt"), options, default="next", escape="note", jumps=self._jumps(JUMP)
        )
        if choice.startswith(JUMP):
            return choice.removeprefix(JUMP)
        handlers: dict[str, Callable[[], str]] = {
            "next": lambda: self.after(qid),
            "note": lambda: self._come_back(qid),
            "skip": lambda: self._skip(qid),
            "flag": lambda: self._flag(qid),
            "back": lambda: self._back(qid),
            "evidence": lambda: self.evidence(qid),
            "editor": lambda: self.editor(qid),
            "list": lambda: self.question_list(qid),
            "search": lambda: self.search(qid),
            "add": lambda: self.add_question(qid),
            "checkpoints": lambda: self.checkpoints(qid),
            "finish": lambda: self.finish(qid),
            "quit": lambda: QUIT,
        }
        return handlers[choice]()

    def _menu_options(self, qid: str) -> list[Option]:
        back = self.back_target(qid)
        options = []
        for name in ACTIONS:
            if name == "back":
                if back is None:
                    continue
                options.append(action("back", number=self._number(back)))
            elif name == "checkpoints":
                if self.session.checkpoints():
                    options.append(action("checkpoints", **self._rated()))
            elif name == "editor":
                options.append(action("editor", editor=_editor_name()))
            else:
                options.append(action(name))
        return options

    def _number(self, qid: str) -> int:
        return self.session.position(qid) + 1

    def _jumps(self, prefix: str = "") -> dict[str, Option]:
        """Each question by its number, for lists that take a typed number."""
        width = view.label_width(self.console)
        return {
            str(n): Option(prefix + item.id, view.short(f"{n}. {item.text}", width))
            for n, item in enumerate(self.session.items(), start=1)
        }

    def _rated(self) -> dict[str, int]:
        checkpoints = self.session.checkpoints()
        rated = sum(c.id in self.session.interview.checkpoints for c in checkpoints)
        return {"rated": rated, "total": len(checkpoints)}

    def _come_back(self, qid: str) -> str:
        self._quiet = True
        return qid

    def _skip(self, qid: str) -> str:
        self._reopen()
        self.session.set_open_question(None)
        self.session.skip(qid)
        return self.after(qid)

    def _flag(self, qid: str) -> str:
        self._reopen()
        self.session.set_open_question(None)
        self.session.flag(qid)
        return self.after(qid)

    def _back(self, qid: str) -> str:
        target = self.back_target(qid)
        if target is None:
            return qid
        while self.trail and self.trail[-1] != target:
            self.trail.pop()
        return target

    def evidence(self, qid: str) -> str:
        """Documents: the question's and the visitor's own, each seen (vu) or asked for
        (demandé); one key marks the pointed document, Échap goes back to the note."""
        pointed: str | None = None
        while True:
            listed, states = self._documents(qid)
            width = view.label_width(self.console)
            options = [
                Option(DOCUMENT + name, view.document_label(name, states.get(name), width)) for name in listed
            ]
            options += [Option(OTHER, t("live.evidence_other")), Option(BACK, t("live.list_back"))]
            picked = self.asker.pick(
                t("live.evidence_prompt"),
                options,
                default=pointed,
                escape=BACK,
                actions=self._document_keys(),
                instruction=t("live.keys_documents"),
            )
            if picked.value == BACK:
                return qid
            if picked.value == OTHER:
                pointed = self._other_documents(qid, listed, states) or pointed
                continue
            name = picked.value.removeprefix(DOCUMENT)
            self._mark_document(qid, listed, states, name, picked.action or _next_state(states.get(name)))
            pointed = picked.value

    def _documents(self, qid: str) -> tuple[list[str], dict[str, str]]:
        """The documents to show (the guide's, then those noted) and the state of those noted."""
        states = {e.document: e.state.value for e in self.session.evidence(qid)}
        return list(dict.fromkeys([*self.session.item(qid).evidence, *states])), states

    def _document_keys(self) -> list[Option]:
        return [
            Option(state, t(f"live.document.{state}"), t(f"live.key.document_{state}"))
            for state in (*(s.value for s in DocumentState), REMOVE)
        ]

    def _other_documents(self, qid: str, listed: list[str], states: dict[str, str]) -> str | None:
        """Documents typed by the visitor (separated by ;), noted as seen; the first is pointed."""
        typed = self.asker.text(t("live.evidence_free"), instruction=t("live.evidence_free_hint"))
        names = [n.strip() for n in typed.split(";") if n.strip() and n.strip() not in states]
        if not names:
            return None
        self._save_documents(
            qid, [*listed, *names], {**states, **dict.fromkeys(names, DocumentState.vu.value)}
        )
        return DOCUMENT + names[0]

    def _mark_document(
        self, qid: str, listed: list[str], states: dict[str, str], name: str, state: str
    ) -> None:
        changed = dict(states)
        if state == REMOVE:
            changed.pop(name, None)
        else:
            changed[name] = state
        if changed != states:
            self._save_documents(qid, listed, changed)

    def _save_documents(self, qid: str, listed: list[str], states: dict[str, str]) -> None:
        kept = [Evidence(document=n, state=DocumentState(states[n])) for n in listed if n in states]
        status = self.session.status(qid)
        # documents alone do not answer a question: "à revoir" until its note is validated
        kept_status = AnswerStatus.revisit if status == PENDING else AnswerStatus(status)
        self._reopen()
        self.session.set_status(qid, kept_status, self.session.notes(qid), kept)

    def editor(self, qid: str) -> str:
        """The note in the user's editor; saved like a draft, then back to the note prompt."""
        before = self.session.notes(qid)
        edited = self.asker.editor(before)
        if edited.strip() and edited.strip() != before:
            self._keep_draft(qid, edited)
        return qid

    # --- moving around -------------------------------------------------------------------

    def pointer(self, current: str | None) -> str | None:
        """Where lists start: the current question if pending, else the next pending one."""
        if current is not None and self.session.status(current) == PENDING:
            return current
        following = self.after(current)
        if following != END:
            return following
        return self.session.next_pending(current) or current

    def question_list(self, current: str | None) -> str:
        """Every question with its status mark; pick one to go there."""
        width = view.label_width(self.console)
        options = [Option(i.id, view.question_label(self.session, i, width)) for i in self.session.items()]
        if self.session.checkpoints():
            options.append(Option(":checkpoints", t("live.act.checkpoints", **self._rated())))
        options.append(Option(":search", t("live.act.search")))
        options.append(Option(":add", t("live.act.add")))
        options.append(Option(BACK, t("live.list_back")))
        self.console.print(t("live.legend"))
        choice = self.asker.select(
            t("live.list_prompt"), options, default=self.pointer(current), escape=BACK, jumps=self._jumps()
        )
        here = current or END
        if choice == ":checkpoints":
            return self.checkpoints(here)
        if choice == ":search":
            return self.search(current)
        if choice == ":add":
            return self.add_question(current)
        if choice == BACK:
            return here
        return choice

    def search(self, current: str | None) -> str:
        """Keyword search over this interview's questions (notes too), the guide's other
        audiences, and this audience's checkpoints."""
        here = current or END
        query = self.asker.text(t("live.search_prompt")).strip()
        if not query:
            return here
        options = self._search_results(query)
        if not options:
            self.console.print(t("live.search_none", query=escape(query)))
            return here
        options.append(Option(BACK, t("live.list_back")))
        choice = self.asker.select(t("live.search_results", count=len(options) - 1), options, escape=BACK)
        if choice == BACK:
            return here
        kind, _, ident = choice.partition(":")
        if kind == "c":
            self.rate(self._checkpoint(ident))
            return here
        if kind == "o":
            return self._adopt(ident, here)
        return ident

    def _search_results(self, query: str) -> list[Option]:
        width = view.label_width(self.console)
        session = self.session
        found = [
            Option(f"q:{i.id}", view.question_label(session, i, width))
            for i in session.items()
            if matches(query, i.id, i.text, i.hint, session.notes(i.id), *i.evidence, *i.criteria)
        ]
        for audience, question in session.guide.all_questions():
            if audience != session.audience and matches(
                query, question.id, question.text, question.hint, *question.evidence, *question.criteria
            ):
                label = f"[{audience}] " + view.short(question.text, width - len(audience) - 3)
                found.append(Option(f"o:{question.id}", label))
        for checkpoint in session.checkpoints():
            if matches(query, checkpoint.id, checkpoint.section, checkpoint.text, *checkpoint.criteria):
                label = view.checkpoint_label(session, checkpoint, width, section=True)
                found.append(Option(f"c:{checkpoint.id}", label))
        return found

    def _adopt(self, question_id: str, here: str) -> str:
        """Another audience's question answered here: add it as a question of this interview."""
        found = self.session.guide.find_question(question_id)
        if found is None:
            return here
        audience, question = found
        if not self.asker.confirm(t("live.adopt_confirm", audience=audience), default=True):
            return here
        self._reopen()
        new_id = self.session.add_question(question.text, question.criteria)
        self.console.print(t("live.added", id=new_id))
        return new_id

    def add_question(self, current: str | None) -> str:
        """A question of the visitor's own, tied to criteria of the guide.

        The question is saved as soon as its text is typed, then its criteria once ticked:
        Ctrl-C at the criteria loses nothing typed.
        """
        text = self.asker.text(t("live.add_text"), validate=required).strip()
        suggested = self.session.item(current).criteria if current else ()
        self._reopen()
        new_id = self.session.add_question(text)
        self._ask_criteria(new_id, suggested)
        self.console.print(t("live.added", id=new_id))
        return new_id

    def _ask_criteria(self, qid: str, suggested: Iterable[str]) -> None:
        """Tie an added question to at least one criterion of the guide (saved at once)."""
        options = [
            Option(c.id, view.short(f"{c.id} {c.title}", view.label_width(self.console)))
            for c in self.session.guide.meta.criteria
        ]
        criteria = self.asker.checkbox(t("live.add_criteria"), options, checked=list(suggested))
        while not criteria:
            self.console.print(t("live.add_criteria_needed"))
            criteria = self.asker.checkbox(t("live.add_criteria"), options, checked=list(suggested))
        self.session.set_criteria(qid, criteria)

    # --- checkpoints ---------------------------------------------------------------------

    def checkpoints(self, here: str) -> str:
        """The audience's checkpoints; back to `here` afterwards (Échap).

        The pointer starts on the next unrated one; o / n / a (y / n / a in English) rate the
        checkpoint under it at once, Enter opens its whole text first. After the comment
        (Enter: none) the pointer moves on to the next unrated one.
        """
        checkpoints = self.session.checkpoints()
        if not checkpoints:
            self.console.print(t("live.no_checkpoints"))
            return here
        last: str | None = None
        while True:
            options = self._checkpoint_options(checkpoints)
            options.append(Option(BACK, t("live.checkpoints_back")))
            picked = self.asker.pick(
                t("live.checkpoints_prompt", **self._rated()),
                options,
                default=self._next_unrated(last) or BACK,
                escape=BACK,
                actions=self._rating_keys(),
                instruction=t("live.keys_rate"),
            )
            if picked.value == BACK:
                return here
            checkpoint = self._checkpoint(picked.value)
            if picked.action is None:
                self.rate(checkpoint)
            else:
                self._rate_as(checkpoint, picked.action)
            last = picked.value

    def _rating_keys(self) -> list[Option]:
        return [Option(r.value, t(f"live.rating.{r.value}"), t(f"live.key.rating_{r.value}")) for r in Rating]

    def _checkpoint_options(self, checkpoints: list[Checkpoint]) -> list[Option]:
        """The checkpoints under their section headings."""
        width = view.label_width(self.console)
        options: list[Option] = []
        section = None
        for checkpoint in checkpoints:
            if checkpoint.section != section:
                section = checkpoint.section
                options.append(heading(f"── {view.short(section, width)}"))
            options.append(Option(checkpoint.id, view.checkpoint_label(self.session, checkpoint, width)))
        return options

    def _next_unrated(self, after: str | None) -> str | None:
        ids = [c.id for c in self.session.checkpoints()]
        rated = self.session.interview.checkpoints
        return next((cid for cid in wrapping_after(ids, after) if cid not in rated), None)

    def _checkpoint(self, checkpoint_id: str) -> Checkpoint:
        return next(c for c in self.session.checkpoints() if c.id == checkpoint_id)

    def rate(self, checkpoint: Checkpoint) -> None:
        """oui / non / na with a comment; leaving it unrated is an option too (or Échap)."""
        view.show_checkpoint(self.console, self.session, checkpoint)
        rated = self.session.interview.checkpoints.get(checkpoint.id)
        options = self._rating_keys()
        options.append(Option(BACK, t("live.rating.leave"), t("live.key.rating_leave")))
        rating = self.asker.select(
            t("live.rating_prompt"), options, default=rated.rating.value if rated else None, escape=BACK
        )
        if rating != BACK:
            self._rate_as(checkpoint, rating)

    def _rate_as(self, checkpoint: Checkpoint, rating: str) -> None:
        """Save `rating` at once (with the comment and basis it had), then ask the comment and
        the basis (Enter: no comment, `entretien`): Ctrl-C at the comment keeps the rating."""
        rated = self.session.interview.checkpoints.get(checkpoint.id)
        comment = rated.comment if rated else ""
        basis = rated.basis.value if rated else Basis.entretien.value
        self._reopen()
        self.session.rate(checkpoint.id, rating, comment, basis)
        bases = [Option(b.value, t(f"live.basis.{b.value}")) for b in Basis]
        while True:
            answer = self.asker.tagged(
                t("live.comment_prompt"), bases, basis, default=comment, instruction=t("live.keys_comment")
            )
            comment, basis = answer.text.strip(), answer.tag
            try:
                edit = self._wants_to_edit(comment)
            except (KeyboardInterrupt, EOFError):
                self.session.rate(checkpoint.id, rating, identifiers.masked_id(comment), basis)
                raise
            if not edit:
                self._reopen()
                self.session.rate(checkpoint.id, rating, comment, basis)
                return

    # --- the end -------------------------------------------------------------------------

    def end_menu(self) -> str:
        """Nothing pending after the last question: revisit, checkpoints, or finish."""
        counts = self.session.counts()
        rated = self._rated()
        self.console.print()
        self.console.print(f"[bold]{t('live.end_heading')}[/] " + view.progress_line(self.session))
        options = []
        for name in END_ACTIONS:
            if name == "pending" and counts[PENDING]:
                options.append(action("pending", count=counts[PENDING]))
            elif name == "revisit" and counts["revisit"]:
                options.append(action("revisit", count=counts["revisit"]))
            elif name == "checkpoints" and rated["total"]:
                options.append(action("checkpoints", **rated))
            elif name not in ("pending", "revisit", "checkpoints"):
                options.append(action(name))
        default = "checkpoints" if rated["rated"] < rated["total"] else "finish"
        self.session.set_open_question(None)
        choice = self.asker.select(
            t("live.menu_prompt"), options, default=default, escape=BACK, jumps=self._jumps(JUMP)
        )
        if choice == BACK:
            return self.trail[-1] if self.trail else END
        if choice.startswith(JUMP):
            return choice.removeprefix(JUMP)
        if choice == "pending":
            return self.after(None)
        if choice == "revisit":
            return next((i.id for i in self.session.items() if self.session.status(i.id) == "revisit"), END)
        handlers: dict[str, Callable[[], str]] = {
            "checkpoints": lambda: self.checkpoints(END),
            "list": lambda: self.question_list(None),
            "search": lambda: self.search(None),
            "add": lambda: self.add_question(None),
            "finish": lambda: self.finish(END),
            "quit": lambda: QUIT,
        }
        return handlers[choice]()

    def finish(self, here: str) -> str:
        """Summary per criterion, status completed; asks first when things are left."""
        counts = self.session.counts()
        rated = self._rated()
        unrated = rated["total"] - rated["rated"]
        if counts[PENDING] or unrated:
            self.console.print(t("live.finish_left", pending=counts[PENDING], unrated=unrated))
        if unrated and self.asker.confirm(t("live.finish_rate_first", count=unrated), default=True):
            return self.checkpoints(here)
        if counts[PENDING] and not self.asker.confirm(t("live.finish_anyway"), default=False):
            return here
        view.show_summary(self.console, self.session)
        self.session.set_open_question(None)
        self.session.complete()
        return DONE

    def _reopen(self) -> None:
        """A completed interview that is changed again is in progress until finished again."""
        if self.session.interview.status == "completed":
            self.session.reopen()


REMOVE = "retirer"  # a document list's action that takes the document off the list


def _next_state(state: str | None) -> str:
    """Enter on a document: not noted → seen → asked for → not noted."""
    following = {None: DocumentState.vu.value, DocumentState.vu.value: DocumentState.demande.value}
    return following.get(state, REMOVE)


def _editor_name() -> str:
    command = editor_command()
    return command[0] if command else "$EDITOR"
