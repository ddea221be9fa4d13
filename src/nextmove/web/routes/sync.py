"""The Settings page's sync section: the address books nextmove syncs with, their last run
and conflicts; forms to add one, sync now and remove one (docs/sync.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.config import Settings
from nextmove.errors import AccessDenied, NextmoveError
from nextmove.services import sync as sync_service
from nextmove.services import sync_accounts
from nextmove.services.workspace import Workspace
from nextmove.web.deps import DbDep, FormDep, NowDep, SettingsDep, TodayDep
from nextmove.web.render import link_for


def local_only(request: Request) -> None:
    """Sync is for nextmove on the user's own computer. A server would keep every account's
    password and connect to any address a user names (docs/deploy.md)."""
    if request.app.state.nextmove.server is not None:
        raise AccessDenied(
            "address book sync is not offered by a nextmove server: it would keep your "
            "address book's password on the server",
            hint="Sync works in nextmove on your own computer (nextmove sync add …); "
            "see docs/sync.md.",
        )


router = APIRouter(include_in_schema=False, dependencies=[Depends(local_only)])
AccountName = Annotated[str, Path(max_length=40, description="The sync account's name.")]
FIELDS = ("name", "carddav", "user", "caldav", "push_new")


def sync_page(
    request: Request,
    db: Workspace,
    settings: Settings,
    *,
    form: dict[str, str] | None = None,
    form_error: str | None = None,
    run_error: tuple[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The Settings page with the sync section's form or error filled in."""
    from nextmove.web.deps import get_context
    from nextmove.web.routes.workspace import settings_view

    return settings_view(
        request,
        db,
        get_context(request),
        status_code=status_code,
        sync_form=form or {},
        form_error=form_error,
        run_error=run_error,
    )


def _message(exc: NextmoveError) -> str:
    return exc.message + (f"\n{exc.hint}" if exc.hint else "")


@router.post("/settings/sync", response_class=HTMLResponse, summary="Add a sync account")
def add_account(
    request: Request, data: FormDep, db: DbDep, settings: SettingsDep, now: NowDep
) -> Response:
    form = {k: str(data.get(k) or "").strip()[:2000] for k in FIELDS}
    password = str(data.get("password") or "")
    try:
        sync_accounts.add_account(
            db,
            form["name"],
            carddav_url=form["carddav"],
            caldav_url=form["caldav"] or None,
            username=form["user"],
            password=password,
            config_dir=settings.config_dir,
            now=now,
            push_new=data.get("push_new") == "yes",
        )
    except NextmoveError as exc:
        return sync_page(
            request,
            db,
            settings,
            form=form,
            form_error=_message(exc),
            status_code=exc.http_status if exc.http_status < 500 else 400,
        )
    return RedirectResponse(
        link_for(request, "/settings", done="added", account=form["name"]) + "#sync",
        status_code=303,
    )


@router.post("/settings/sync/{name}/run", response_class=HTMLResponse, summary="Sync now")
def run_account(
    request: Request,
    name: AccountName,
    db: DbDep,
    settings: SettingsDep,
    now: NowDep,
    today: TodayDep,
) -> Response:
    try:
        sync_service.run_sync(
            db, name, config_dir=settings.config_dir, now=now, today=today, settings=settings
        )
    except NextmoveError as exc:
        return sync_page(
            request,
            db,
            settings,
            run_error=(name, _message(exc)),
            status_code=exc.http_status if exc.http_status < 500 else 400,
        )
    return RedirectResponse(
        link_for(request, "/settings", done="synced", account=name) + f"#sync-{name}",
        status_code=303,
    )


@router.post("/settings/sync/{name}/dismiss", response_class=HTMLResponse, summary="Conflicts seen")
def dismiss_conflicts(
    request: Request, name: AccountName, db: DbDep, settings: SettingsDep
) -> Response:
    sync_accounts.clear_conflicts(db, name)
    return RedirectResponse(
        link_for(request, "/settings", done="dismissed", account=name) + f"#sync-{name}",
        status_code=303,
    )


@router.post("/settings/sync/{name}/remove", response_class=HTMLResponse, summary="Stop syncing")
def remove_account(
    request: Request, name: AccountName, db: DbDep, settings: SettingsDep
) -> Response:
    sync_accounts.remove_account(db, name, config_dir=settings.config_dir)
    return RedirectResponse(
        link_for(request, "/settings", done="removed", account=name) + "#sync", status_code=303
    )
