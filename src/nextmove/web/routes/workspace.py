"""Settings (the workspace's preferences, editable; where things are, read-only) and the
demo workspace."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.domain.preferences import SPECS, WEIGHT_PREFIX, time_zones
from nextmove.domain.slots import WEEKDAYS, parse_working_days
from nextmove.errors import InvalidInput, UserError
from nextmove.services import demo as demo_service
from nextmove.services import preferences as preferences_service
from nextmove.services import sync_accounts
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace, describe_workspace
from nextmove.web.auth import principal_of
from nextmove.web.deps import ContextDep, DbDep, FormDep, NowDep, TodayDep
from nextmove.web.render import link_for, render
from nextmove.web.routes import workspaces
from nextmove.web.routes.accounts import account_settings

router = APIRouter(include_in_schema=False)

# The form's sections: (heading, keys). The suggestion weights follow, folded away.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("You", ("timezone", "email")),
    (
        "Meetings",
        (
            "working_days",
            "working_hours",
            "meeting_minutes",
            "slot_lead_hours",
            "meeting_buffer_minutes",
            "nudge_after_days",
        ),
    ),
    ("Keeping in touch", ("tier_a_days", "tier_b_days", "tier_c_days")),
    ("Suggestions", ("suggest_cooldown_days",)),
)
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass
class SettingsForm:
    """The preferences form: each field's text as shown or typed, and its error."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def days(self) -> set[str]:
        try:
            return {WEEKDAYS[d] for d in parse_working_days(self.values.get("working_days", ""))}
        except UserError:
            return set()

    def hours(self) -> tuple[str, str]:
        start, _, end = self.values.get("working_hours", "").partition("-")
        return start.strip(), end.strip()


def _form_values(form: dict[str, list[str]]) -> dict[str, str]:
    """What the page posted, one text per preference key: the day boxes joined, the two
    times of the working hours joined. A key not posted is left as it is."""
    values: dict[str, str] = {}
    for spec in SPECS:
        if spec.key == "working_days" and "working_days.shown" in form:
            # Boxes: none ticked sends nothing, hence the marker the page sends with them.
            values[spec.key] = ",".join(d for d in WEEKDAYS if d in form.get("working_days", []))
        elif spec.key == "working_hours" and "working_hours.start" in form:
            start = (form.get("working_hours.start") or [""])[0]
            end = (form.get("working_hours.end") or [""])[0]
            values[spec.key] = f"{start}-{end}"
        elif spec.key in form:
            values[spec.key] = form[spec.key][0]
    return values


def settings_view(
    request: Request,
    db: Workspace,
    context: ContextDep,
    form: SettingsForm | None = None,
    *,
    status_code: int = 200,
    **extra: Any,
) -> HTMLResponse:
    """The Settings page: the workspace's preferences, its address-book sync accounts, and in
    local mode its workspaces and where the installation keeps things, or in server mode the
    account. `extra` fills in a form's state or error (routes/sync.py, routes/workspaces.py)."""
    resolved = preferences_service.resolve(db, context.settings)
    if form is None:
        form = SettingsForm({r.key: r.shown for r in resolved})
    by_key = {r.key: r for r in resolved}
    weights = [r for r in resolved if r.key.startswith(WEIGHT_PREFIX)]
    changed = request.query_params.get("saved")
    # Server mode: the account's own settings; the server's paths are not the user's business.
    account = account_settings(request) if principal_of(request) is not None else {}
    return render(
        request,
        "settings.html",
        status_code=status_code,
        info=None if account else describe_workspace(context.settings),
        **account,
        # Local mode: the database's workspaces (switch, create, rename, delete).
        **(workspaces.settings_context(request, db) if context.server is None else {}),
        **{
            "accounts": sync_accounts.list_accounts(db, config_dir=context.settings.config_dir)
            if context.server is None
            else [],
            "sync_form": {},
            "form_error": None,
            "run_error": None,
            "notice": request.query_params.get("done"),
            "notice_account": request.query_params.get("account", ""),
            **extra,
        },
        workspace=db,
        form=form,
        sections=[(title, [by_key[k] for k in keys]) for title, keys in SECTIONS],
        weights=weights,
        weights_open=any(k.startswith(WEIGHT_PREFIX) for k in form.errors)
        or any(r.source != "default" for r in weights),
        weekdays=list(zip(WEEKDAYS, DAY_NAMES, strict=True)),
        zones=time_zones(),
        saved=changed is not None,
        changed=[k for k in (changed or "").split(",") if k in by_key],
        labels={r.key: r.spec.label for r in resolved},
        upload_limit_mb=context.settings.upload_limit_mb,
        server_mode=bool(account),
        restored=request.query_params.get("restored", "")[:60] or None,
        restored_people=request.query_params.get("people", "")[:9] or None,
        restored_directory=_directory_said(
            _counts(request, "orgs_relinked", "orgs_added", "orgs_charts")
        ),
    )


def _organizations(n: int) -> str:
    return f"{n} organization{'' if n == 1 else 's'}"


def _directory_said(counts: list[int] | None) -> str | None:
    """What a restore did with the organization directory, from (re-linked, added, added
    with their whole chart)."""
    if counts is None:
        return None
    relinked, added, charts = counts
    said = []
    if relinked:
        said.append(f"{_organizations(relinked)} already here, re-linked by employee id")
    if charts:
        whose = "its" if charts == 1 else "their"
        said.append(f"{_organizations(charts)} added from the backup with {whose} whole chart")
    if added > charts:
        said.append(
            f"{_organizations(added - charts)} added from the backup with the members your "
            "people are linked to"
        )
    return "; ".join(said) or None


def _counts(request: Request, *names: str) -> list[int] | None:
    """Small counts passed back in the address after a restore (None when absent)."""
    values = [request.query_params.get(name, "") for name in names]
    if not any(values) or not all(v.isdigit() and len(v) <= 6 for v in values):
        return None
    return [int(v) for v in values]


@router.get("/settings", response_class=HTMLResponse, summary="Settings")
def settings_page(request: Request, db: DbDep, context: ContextDep) -> HTMLResponse:
    return settings_view(request, db, context)


@router.post("/settings", response_class=HTMLResponse, summary="Save the preferences")
def save_settings(request: Request, posted: FormDep, db: DbDep, context: ContextDep) -> Response:
    form = {key: [v for v in posted.getlist(key) if isinstance(v, str)] for key in posted}
    values = _form_values(form)
    try:
        _ws, changed = preferences_service.update_preferences(db, context.settings, values)
    except InvalidInput as exc:
        errors = {p.where: p.message for p in exc.problems}
        return settings_view(request, db, context, SettingsForm(values, errors), status_code=400)
    return RedirectResponse(
        link_for(request, "/settings", saved=",".join(changed) or "none"), status_code=303
    )


@router.get("/demo", response_class=HTMLResponse, summary="The demo workspace")
def demo_page(request: Request, db: DbDep) -> HTMLResponse:
    vision = vision_service.get_vision(db)
    return render(request, "demo.html", has_workspace=bool(vision.me.name or vision.steps))


@router.post("/demo", summary="Create the demo workspace")
def create_demo(
    request: Request, form: FormDep, db: DbDep, today: TodayDep, now: NowDep
) -> Response:
    demo_service.create_demo(db, today=today, now=now, replace=form.get("replace") == "yes")
    return RedirectResponse(link_for(request, "/", demo="created"), status_code=303)
