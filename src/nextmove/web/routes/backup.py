"""Backup and restore on the Settings page (docs/backup.md): download the current workspace as
an archive (optionally encrypted), upload an archive to restore it into a new workspace."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile

from nextmove.errors import UserError
from nextmove.services import backup as backup_service
from nextmove.services.workspace import Workspace
from nextmove.web.auth import principal_of
from nextmove.web.deps import ContextDep, DbDep, FormDep, NowDep, WebContext
from nextmove.web.forms import said
from nextmove.web.render import link_for
from nextmove.web.security import Forbidden

router = APIRouter(include_in_schema=False)

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class BackupForms:
    """The two forms of the section: values to show again and a problem per field."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)
    which: str = ""  # "backup" or "restore": the form the problems belong to


def settings_page(
    request: Request, context: WebContext, ws: Workspace, forms: BackupForms, status_code: int
) -> HTMLResponse:
    from nextmove.web.routes.workspace import settings_view

    return settings_view(request, ws, context, status_code=status_code, backup=forms)


def _refuse_foreign(request: Request, *, restore: bool) -> None:
    """Server mode: a backup is of your own workspace only (a coach's access to a client's is
    for working in it, not for carrying it away); a restore creates a workspace outside any
    account, so it is an administrator's `nextmove restore`, not a page's."""
    principal = principal_of(request)
    if principal is None:
        return
    if restore:
        raise Forbidden(
            "restoring a backup is not offered on a server",
            hint="An administrator restores it with nextmove restore on the server.",
        )
    if not principal.in_own_workspace:
        raise Forbidden("only the workspace's owner can download its backup")


def _download(request: Request, ws: Workspace, now: Any, passphrase: str | None) -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="nextmove-backup-"))
    suffix = ".zip.age" if passphrase else ".zip"
    filename = f"nextmove-{SAFE_NAME.sub('-', ws.name)}-{now:%Y-%m-%d}{suffix}"
    try:
        # On a server the org charts are the organization's, shared by every account: a
        # member's backup carries only the members their people are linked to.
        backup_service.backup_workspace(
            ws,
            folder / filename,
            now=now,
            passphrase=passphrase,
            charts=principal_of(request) is None,
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        folder / filename,
        media_type="application/age-encryption" if passphrase else "application/zip",
        filename=filename,
        headers={"Cache-Control": "no-store"},
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.get("/settings/backup", summary="Download a backup of this workspace")
def download_backup(request: Request, db: DbDep, now: NowDep) -> Response:
    _refuse_foreign(request, restore=False)
    return _download(request, db, now, None)


@router.post("/settings/backup", summary="Download an encrypted backup of this workspace")
def download_encrypted_backup(
    request: Request, form: FormDep, db: DbDep, context: ContextDep, now: NowDep
) -> Response:
    _refuse_foreign(request, restore=False)
    passphrase = _text(form.get("passphrase"))
    again = _text(form.get("passphrase_again"))
    forms = BackupForms(which="backup")
    if not passphrase:
        forms.errors["passphrase"] = "Enter a passphrase, or download the backup unencrypted."
    elif len(passphrase) > backup_service.MAX_PASSPHRASE:
        forms.errors["passphrase"] = (
            f"A passphrase has at most {backup_service.MAX_PASSPHRASE} characters."
        )
    elif passphrase != again:
        forms.errors["passphrase_again"] = "The two passphrases differ: type it again."
    if forms.errors:
        return settings_page(request, context, db, forms, 400)
    return _download(request, db, now, passphrase)


@router.post("/settings/restore", summary="Restore a backup into a new workspace")
def restore_backup(
    request: Request, form: FormDep, db: DbDep, context: ContextDep, now: NowDep
) -> Response:
    _refuse_foreign(request, restore=True)
    name = _text(form.get("workspace")).strip()
    passphrase = _text(form.get("passphrase")) or None
    upload = form.get("file")
    forms = BackupForms(values={"workspace": name}, which="restore")
    if not isinstance(upload, UploadFile) or not upload.filename:
        forms.errors["file"] = "Choose the backup file (.zip or .zip.age)."
    if not name:
        forms.errors["workspace"] = "Name the new workspace, e.g. restored."
    if forms.errors:
        return settings_page(request, context, db, forms, 400)
    assert isinstance(upload, UploadFile)
    label = Path(upload.filename or "backup").name[:200]
    folder = Path(tempfile.mkdtemp(prefix="nextmove-restore-"))
    try:
        path = folder / "upload"
        with path.open("wb") as out:
            shutil.copyfileobj(upload.file, out, 1 << 20)
        summary = backup_service.restore_workspace(
            db.db, path, name=name, now=now, passphrase=passphrase, label=label, new=True
        )
    except UserError as exc:
        if exc.field == "workspace":
            forms.errors["workspace"] = said(exc)
        else:
            forms.general_errors.append(said(exc))
        return settings_page(request, context, db, forms, 400)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    where = link_for(
        request,
        "/settings#restore-h",
        restored=summary.workspace,
        people=summary.counts.get("person", 0),
        **(
            {
                "orgs_relinked": summary.relinked_organizations,
                "orgs_added": summary.recreated_organizations,
                "orgs_charts": summary.recreated_charts,
            }
            if summary.relinked_organizations or summary.recreated_organizations
            else {}
        ),
    )
    return RedirectResponse(where, status_code=303)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
