"""Export the minutes from the app: choose the format and the file; slow formats run in a worker."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_dir
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, LoadingIndicator, Select

from models.errors import DomainError
from models.i18n import t
from models.record import SessionRecord
from sessions.export_folder import last_export_folder, remember_export_folder
from sessions.exporting import FORMATS, default_name, export_record, verification_failure
from tui.bindings import MODAL
from tui.screens.dialogs import AnswerModal, dialog_buttons
from tui.widgets.select import FormSelect


def default_folder() -> Path:
    folder = Path(user_documents_dir())
    return folder if folder.is_dir() else Path.home()


class ExportScreen(AnswerModal):
    """Dismisses with the written path, or None.

    ``source`` (data folder, session id): the session's files, verified when the dialog opens; one
    that fails verification shows a warning here, and the document written says so.
    """

    BINDINGS = MODAL

    def __init__(
        self,
        record: SessionRecord,
        chain_head: str,
        folder: Path | None = None,
        source: tuple[Path, str] | None = None,
    ) -> None:
        super().__init__()
        self.record = record
        self.chain_head = chain_head
        # Where this council's last export went (remembered outside the data folder), else the given folder.
        remembered = last_export_folder(source[0]) if source else None
        self.folder = remembered or folder or default_folder()
        self.source = source
        self.failed: str | None = None if source else ""  # None until the session's files are verified

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("export.title", session=self.record.session.title), classes="dialog-title", markup=False)
            with Horizontal(classes="field-row"):
                yield Label(t("export.format"), classes="field-label")
                yield FormSelect(
                    [(t(f"export.format_{f}"), f) for f in FORMATS], value="md", allow_blank=False, id="format"
                )
            yield Label(t("export.path"), classes="field-label")
            yield Input(str(self._default_path("md")), id="path")
            yield LoadingIndicator(id="progress")
            yield Label("", id="export-warning", classes="field-error", markup=False)
            yield Label("", id="export-error", classes="field-error", markup=False)
            yield dialog_buttons(t("export.write"))

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.query_one("#export-warning").display = False
        self.query_one("#path", Input).focus()
        if self.failed is None:
            self._verify()

    def _verification(self) -> str:
        if self.failed is None and self.source is not None:
            self.failed = verification_failure(*self.source)
        return self.failed or ""

    @work(thread=True, group="verify")
    def _verify(self) -> None:
        failed = self._verification()
        if failed:
            self.app.call_from_thread(self._warn, failed)

    def _warn(self, failed: str) -> None:
        warning = self.query_one("#export-warning", Label)
        warning.update(t("export.unverified_notice", reason=failed))
        warning.display = True

    def _default_path(self, fmt: str) -> Path:
        return self.folder / default_name(self.record, fmt)

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            path = self.query_one("#path", Input)
            typed = Path(path.value.strip()).expanduser().parent if path.value.strip() else self.folder
            # Another format keeps the folder typed so far, with that format's own file name.
            path.value = str(typed / default_name(self.record, event.value))

    def _submit(self) -> None:
        fmt = str(self.query_one("#format", Select).value)
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        self.query_one("#progress").display = True
        self.query_one("#confirm", Button).disabled = True
        self._export(fmt, path)

    @work(thread=True, exclusive=True)
    def _export(self, fmt: str, path: Path) -> None:
        try:
            failed = self._verification()
            written = export_record(self.record, fmt, path, self.chain_head, self.folder, failed=failed)
        except DomainError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except OSError as error:
            self.app.call_from_thread(self._failed, t("error.write_failed", path=str(path), detail=str(error)))
            return
        self.app.call_from_thread(self._done, written)

    def _failed(self, message: str) -> None:
        self.query_one("#progress").display = False
        self.query_one("#confirm", Button).disabled = False
        self.query_one("#export-error", Label).update(message)

    def _done(self, path: Path) -> None:
        if self.source is not None:
            remember_export_folder(self.source[0], path.parent)
        if self.failed:
            notice = t("export.done", path=str(path)) + "\n" + t("export.unverified_notice", reason=self.failed)
            self.app.notify(notice, severity="warning", timeout=15, markup=False)
        else:
            self.app.notify(t("export.done", path=str(path)), timeout=10)
        self.dismiss(path)
