"""The live interview loop: question screens, menus, list, search, checkpoints, finishing.

Every prompt goes through an `Asker` and every change through the `Session`, which saves
the file at once; so the loop runs the same under a terminal or a `StandInAsker`.

The loop moves between *steps*: a question id (its screen), `END` (nothing left pending),
`DONE` (finished, status completed) or `QUIT` (left for later). Answering in order costs
the note plus Esc then Enter: a submitted note is saved as answered and the next pending
question opens at once. Tab (or an empty note) opens the menu of everything else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from visitguide import identifiers
from visitguide.console import escape
from visitguide.errors import InterviewFileError
from visitguide.interview import screens as view
from visitguide.interview.asker import Asker, NoteInterrupted, Option, heading, required
from visitguide.interview.file import AnswerStatus, DocumentState, Evidence, Rating
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

    def __init__(self, session: Session, asker: Asker, console: Console) -> None:
        self.session = session
        self.asker = asker
        self.console = console
        self.trail: list[str] = []  # questions shown, for "back"
        self._quiet = False  # show the next question without its screen (coming back to a note)

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
        if not self._quiet:
            view.show_question(self.console, self.session, item)
        self._quiet = False
        try:
            note = self.asker.note(
                t("live.note_prompt"), default=self.session.notes(qid), instruction=t("live.keys_note")
            )
        except NoteInterrupted as exc:
            self._keep_draft(qid, exc.draft, interrupted=True)
            raise
        text = note.text.strip()
        if note.menu:
            self._keep_draft(qid, text)
            return self.menu(qid)
        if not text:
            return self.menu(qid)
        self._reopen()
        self.session.answer(qid, text, self.session.evidence(qid))
        if self._offer_edit(text):
            return self._come_back(qid)
        return self.after(qid)

    def _keep_draft(self, qid: str, text: str, interrupted: bool = False) -> None:
        """Save a note left through the menu key or Ctrl-C: never lose what was typed.

        A pending question becomes answered, or "à revoir" when Ctrl-C cut the note short.
        """
        text = text.strip()
        if not text or text == self.session.notes(qid):
            return
        status = self.session.status(qid)
        if status == PENDING:
            kept = AnswerStatus.revisit if interrupted else AnswerStatus.answered
        else:
            kept = AnswerStatus(status)
        self._reopen()
        self.session.set_status(qid, kept, text, self.session.evidence(qid))
        if interrupted:
            self.console.print(t("live.draft_kept", status=view.status_label(kept.value)))

    def _offer_edit(self, text: str) -> bool:
        """Warn about personal identifiers in `text`; True when the visitor wants to edit it."""
        found = identifiers.find(text)
        if not found:
            return False
        view.show_identifiers(self.console, found)
        return self.asker.confirm(t("live.identifiers_edit"), default=True)

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
        choice = self.asker.select(t("live.menu_prompt"), options, default="next")
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

    def _rated(self) -> dict[str, int]:
        checkpoints = self.session.checkpoints()
        rated = sum(c.id in self.session.interview.checkpoints for c in checkpoints)
        return {"rated": rated, "total": len(checkpoints)}

    def _come_back(self, qid: str) -> str:
        self._quiet = True
        return qid

    def _skip(self, qid: str) -> str:
        self._reopen()
        self.session.skip(qid)
        return self.after(qid)

    def _flag(self, qid: str) -> str:
        self._reopen()
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
        """Documents seen or requested: the question's list, those already noted, free entry."""
        item = self.session.item(qid)
        before = self.session.evidence(qid)
        states = {e.document: e.state for e in before}
        noted = list(states)
        listed = list(dict.fromkeys([*item.evidence, *noted]))
        options = [Option(e, view.short(e, view.label_width(self.console))) for e in listed]
        options.append(Option(":other", t("live.evidence_other")))
        chosen = self.asker.checkbox(t("live.evidence_prompt"), options, checked=noted)
        names = [e for e in chosen if e != ":other"]
        if ":other" in chosen:
            typed = self.asker.text(t("live.evidence_free"), instruction=t("live.evidence_free_hint"))
            names += [e.strip() for e in typed.split(";") if e.strip() and e.strip() not in names]
        kept = [Evidence(document=n, state=states.get(n, DocumentState.vu)) for n in names]
        if kept != before:
            status = self.session.status(qid)
            kept_status = AnswerStatus.answered if status == PENDING else AnswerStatus(status)
            self._reopen()
            self.session.set_status(qid, kept_status, self.session.notes(qid), kept)
        return qid

    def editor(self, qid: str) -> str:
        """The note in the user's editor; saved like a draft, then back to the note prompt."""
        before = self.session.notes(qid)
        edited = self.asker.editor(before)
        if edited.strip() and edited.strip() != before:
            self._keep_draft(qid, edited)
            self._offer_edit(edited)
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
        choice = self.asker.select(t("live.list_prompt"), options, default=self.pointer(current))
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
        choice = self.asker.select(t("live.search_results", count=len(options) - 1), options)
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
        """The audience's checkpoints, rated one by one; back to `here` afterwards."""
        checkpoints = self.session.checkpoints()
        if not checkpoints:
            self.console.print(t("live.no_checkpoints"))
            return here
        last: str | None = None
        while True:
            options = self._checkpoint_options(checkpoints)
            options.append(Option(BACK, t("live.checkpoints_back")))
            default = self._next_unrated(last) or BACK
            choice = self.asker.select(
                t("live.checkpoints_prompt", **self._rated()), options, default=default
            )
            if choice == BACK:
                return here
            self.rate(self._checkpoint(choice))
            last = choice

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
        """oui / non / na with a comment; leaving it unrated is an option too.

        The rating is saved as soon as it is chosen (with the comment it had), then again
        with the comment: Ctrl-C at the comment keeps the rating.
        """
        view.show_checkpoint(self.console, self.session, checkpoint)
        rated = self.session.interview.checkpoints.get(checkpoint.id)
        options = [
            Option(r.value, t(f"live.rating.{r.value}"), t(f"live.key.rating_{r.value}")) for r in Rating
        ]
        options.append(Option(BACK, t("live.rating.leave"), t("live.key.rating_leave")))
        rating = self.asker.select(
            t("live.rating_prompt"), options, default=rated.rating.value if rated else None
        )
        if rating == BACK:
            return
        comment = rated.comment if rated else ""
        self._reopen()
        self.session.rate(checkpoint.id, rating, comment)
        while True:
            comment = self.asker.text(t("live.comment_prompt"), default=comment).strip()
            self._reopen()
            self.session.rate(checkpoint.id, rating, comment)
            if not self._offer_edit(comment):
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
        choice = self.asker.select(t("live.menu_prompt"), options, default=default)
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
        if counts[PENDING] and not self.asker.confirm(t("live.finish_anyway"), default=True):
            return here
        view.show_summary(self.console, self.session)
        self.session.complete()
        return DONE

    def _reopen(self) -> None:
        """A completed interview that is changed again is in progress until finished again."""
        if self.session.interview.status == "completed":
            self.session.reopen()


def _editor_name() -> str:
    from visitguide.interview.editor import editor_command

    command = editor_command()
    return command[0] if command else "$EDITOR"
