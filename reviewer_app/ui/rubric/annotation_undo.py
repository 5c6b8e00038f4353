"""Undo and redo of annotation changes, one QUndoStack per open review.

Each step is saved as it is made, like a score: the change is done first (through
`ReviewSession`, on the GUI thread like the rubric's other saves) and only a change
that was saved goes on the stack. Steps name an annotation by its number, which stays
when others are deleted and comes back with an undone delete (the row's id does not).
A step that can no longer be done (the review was submitted meanwhile, the disk is
full) says why and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reviewer_app.errors import UserError
from reviewer_app.reviews.annotations import Anchor, Annotation
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.failures import DatabaseUnavailable, database_errors

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Content:
    text: str
    criterion: str | None
    tag: str | None

    @staticmethod
    def of(annotation: Annotation) -> Content:
        return Content(annotation.text, annotation.criterion, annotation.tag)


class Notes:
    """The review's annotations by number, and what to do after each change."""

    def __init__(
        self,
        review: ReviewSession,
        changed: Callable[[int | None], None],
        failed: Callable[[str], None],
    ) -> None:
        self.review = review
        self.changed = changed  # the number of the annotation to show, if any
        self.failed = failed

    def id_of(self, number: int) -> int:
        for annotation in self.review.annotations():
            if annotation.number == number:
                return annotation.id
        raise UserError(
            translate("RubricPanel", "Annotation {number} is no longer in this review.").format(
                number=number
            )
        )

    def add(self, anchor: Anchor, content: Content, number: int | None = None) -> Annotation:
        return self.review.annotate(
            anchor, content.text, criterion=content.criterion, tag=content.tag, number=number
        )

    def edit(self, number: int, content: Content) -> Annotation:
        return self.review.edit_annotation(
            self.id_of(number), text=content.text, criterion=content.criterion, tag=content.tag
        )

    def delete(self, number: int) -> Annotation:
        return self.review.delete_annotation(self.id_of(number))


class _Step(QUndoCommand):
    """Done once before it is pushed (`do_first`); the stack's first redo is that one."""

    def __init__(self, notes: Notes, text: str) -> None:
        super().__init__(text)
        self.notes = notes
        self._done_first = False

    def do_first(self) -> bool:
        """Makes the change; False (and the reason said) when it was not saved."""
        self._done_first = self._run(self._forward)
        return self._done_first

    def redo(self) -> None:
        if self._done_first:  # QUndoStack.push calls redo: the change is made already
            self._done_first = False
            return
        if not self._run(self._forward):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._run(self._backward):
            self.setObsolete(True)

    def _run(self, change: Callable[[], int | None]) -> bool:
        try:
            with database_errors():
                number = change()
        except UserError as exc:
            if isinstance(exc, DatabaseUnavailable):
                message = translate(
                    "RubricPanel", "Could not save to the data folder ({detail})."
                ).format(detail=exc.detail)
            else:
                message = str(exc)
            self.notes.failed(message)
            return False
        self.notes.changed(number)
        return True

    def _forward(self) -> int | None:
        raise NotImplementedError

    def _backward(self) -> int | None:
        raise NotImplementedError


class AddStep(_Step):
    def __init__(self, notes: Notes, anchor: Anchor, content: Content) -> None:
        super().__init__(notes, translate("RubricPanel", "Add annotation"))
        self.anchor, self.content = anchor, content
        self.number: int | None = None  # given when first saved, kept after

    def _forward(self) -> int | None:
        made = self.notes.add(self.anchor, self.content, self.number)
        self.number = made.number
        return made.number

    def _backward(self) -> int | None:
        assert self.number is not None
        self.notes.delete(self.number)
        return None


class EditStep(_Step):
    def __init__(self, notes: Notes, number: int, before: Content, after: Content) -> None:
        super().__init__(
            notes, translate("RubricPanel", "Edit annotation {number}").format(number=number)
        )
        self.number, self.before, self.after = number, before, after

    def _forward(self) -> int | None:
        return self.notes.edit(self.number, self.after).number

    def _backward(self) -> int | None:
        return self.notes.edit(self.number, self.before).number


class DeleteStep(_Step):
    def __init__(self, notes: Notes, number: int) -> None:
        super().__init__(
            notes, translate("RubricPanel", "Delete annotation {number}").format(number=number)
        )
        self.number = number
        self.gone: Annotation | None = None

    def _forward(self) -> int | None:
        self.gone = self.notes.delete(self.number)
        return None

    def _backward(self) -> int | None:
        gone = self.gone
        assert gone is not None
        return self.notes.add(gone.anchor, Content.of(gone), gone.number).number
