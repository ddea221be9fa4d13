"""Preferences kept in the workspace (time zone, e-mail, working hours and days, meeting
length, keep-in-touch tiers, suggestion weights): show them with where each comes from, set
and unset them, and give every command and page the settings in effect for its workspace.

A preference a workspace has not set comes from config.toml (or NEXTMOVE_*), else the built-in
default; config.toml keeps the deployment (database, host, port, folders, upload limit)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nextmove.config import Settings
from nextmove.domain import preferences as prefs
from nextmove.domain.preferences import SPECS, WEIGHT_PREFIX, Preferences, Spec
from nextmove.errors import InvalidInput, NotFound, Problem, UserError
from nextmove.services.workspace import Workspace, describe_workspace
from nextmove.store import workspaces as store

if TYPE_CHECKING:  # the JSON model loads with `settings show --json`, not with every command
    from nextmove.formats.schemas.settings import SettingsPublic

__all__ = [
    "SOURCES",
    "Preferences",
    "Resolved",
    "change_preferences",
    "effective",
    "preferences_json",
    "resolve",
    "set_preference",
    "settings_for",
    "unset_preference",
    "update_preferences",
]

# Where a value comes from, nearest first.
SOURCES = ("workspace", "environment", "config.toml", "default")


@dataclass(frozen=True, slots=True)
class Resolved:
    """One preference as in effect: its value, where it comes from, and what it would be
    without the workspace's own value."""

    spec: Spec
    value: Any
    source: str
    inherited: Any
    inherited_source: str

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def shown(self) -> str:
        return self.spec.show(self.value)


def _inherited(settings: Settings) -> dict[str, tuple[Any, str]]:
    """Each preference's value and source without a workspace: config.toml or the default."""
    out: dict[str, tuple[Any, str]] = {}
    defaults = Preferences()
    weights = defaults.weights()
    for spec in SPECS:
        if spec.key.startswith(WEIGHT_PREFIX):
            name = spec.key.removeprefix(WEIGHT_PREFIX)
            if name in settings.suggest_weights:
                source = settings.source_of("suggest_weights")
                out[spec.key] = (float(settings.suggest_weights[name]), source)
            else:
                out[spec.key] = (getattr(weights, name), "default")
        else:
            source = settings.source_of(spec.key)
            value = getattr(settings, spec.key) if source != "default" else None
            out[spec.key] = (value if value is not None else getattr(defaults, spec.key), source)
    return out


def _stored(ws: Workspace) -> dict[str, Any]:
    """The workspace's own values this version knows, each checked again and kept the way it
    is written back. A value that no longer passes its check (a database edited by hand, a
    newer version's wider range) is passed over: config.toml's or the default applies, and
    `settings set` or the Settings page replaces it."""
    flat: dict[str, Any] = {}
    for key, value in prefs.flatten(ws.preferences).items():
        spec = prefs.spec_for(key)
        try:
            flat[key] = spec.parse(spec.show(value))
        except UserError:
            continue
    return flat


def resolve(ws: Workspace, settings: Settings) -> list[Resolved]:
    """Every preference in effect for the workspace, in the order of `SPECS`."""
    stored = _stored(ws)
    inherited = _inherited(settings)
    out = []
    for spec in SPECS:
        base, base_source = inherited[spec.key]
        if spec.key in stored:
            out.append(Resolved(spec, stored[spec.key], "workspace", base, base_source))
        else:
            out.append(Resolved(spec, base, base_source, base, base_source))
    return out


def effective(ws: Workspace, settings: Settings) -> Preferences:
    """The workspace's preferences in effect, typed."""
    return prefs.build({r.key: r.value for r in resolve(ws, settings)})


def settings_for(settings: Settings, ws: Workspace) -> Settings:
    """The settings a command or page of this workspace works with: the deployment's, with the
    workspace's preferences in effect (read when the workspace was opened, so a change shows
    at once, without a restart)."""
    if not ws.preferences:
        return settings
    values = {r.key: r.value for r in resolve(ws, settings)}
    update: dict[str, Any] = {k: values[k] for k in prefs.SCALAR_KEYS}
    update["suggest_weights"] = {
        k.removeprefix(WEIGHT_PREFIX): v for k, v in values.items() if k.startswith(WEIGHT_PREFIX)
    }
    return settings.model_copy(update=update)


def _write(ws: Workspace, change: Mapping[str, Any], drop: set[str]) -> Workspace:
    """Apply `change` (key -> parsed value) and remove `drop` in one transaction, keeping any
    stored value this version does not know; the workspace as stored afterwards."""
    with ws.session() as session:
        stored = store.preferences_for_update(session, ws.id)
        if stored is None:
            raise NotFound(f"no workspace {ws.name!r}")
        weights = dict(stored.get("suggest_weights") or {})
        for key in drop:
            if key.startswith(WEIGHT_PREFIX):
                weights.pop(key.removeprefix(WEIGHT_PREFIX), None)
            else:
                stored.pop(key, None)
        for key, value in change.items():
            if key.startswith(WEIGHT_PREFIX):
                weights[key.removeprefix(WEIGHT_PREFIX)] = value
            else:
                stored[key] = value
        if weights:
            stored["suggest_weights"] = weights
        else:
            stored.pop("suggest_weights", None)
        store.set_preferences(session, ws.id, stored)
    return ws.reloaded()


def set_preference(ws: Workspace, settings: Settings, key: str, text: str) -> Resolved:
    """Set one preference of the workspace from what a user typed; nothing is written when
    the key is unknown or the value refused (a UserError naming the key and what it takes)."""
    spec, value = prefs.parse_preference(key, text)
    updated = _write(ws, {spec.key: value}, set())
    return next(r for r in resolve(updated, settings) if r.key == spec.key)


def unset_preference(ws: Workspace, settings: Settings, key: str) -> Resolved:
    """Forget the workspace's own value: config.toml's or the default applies again."""
    spec = prefs.spec_for(key)
    updated = _write(ws, {}, {spec.key})
    return next(r for r in resolve(updated, settings) if r.key == spec.key)


def change_preferences(
    ws: Workspace, settings: Settings, values: Mapping[str, str | None]
) -> list[Resolved]:
    """Set several preferences at once (None: unset it), all or nothing: InvalidInput with a
    Problem per refused key writes nothing. Every preference in effect afterwards."""
    problems: list[Problem] = []
    change: dict[str, Any] = {}
    drop: set[str] = set()
    for key, text in values.items():
        try:
            if text is None:
                drop.add(prefs.spec_for(key).key)
            else:
                spec, value = prefs.parse_preference(key, text)
                change[spec.key] = value
        except UserError as exc:
            detail = exc.detail if exc.field else f"{exc.message}. {exc.hint or ''}".strip()
            problems.append(Problem(exc.field or key, detail))
    if problems:
        raise InvalidInput("settings", problems, hint="Nothing was changed.")
    return resolve(_write(ws, change, drop), settings)


def preferences_json(ws: Workspace, resolved: list[Resolved], settings: Settings) -> SettingsPublic:
    """The shape of `settings show --json` and GET /api/settings (docs/json.md)."""
    from nextmove.formats.schemas.settings import SettingsPublic

    info = describe_workspace(settings)
    shape = {
        "workspace": ws.name,
        "preferences": {
            r.key: {
                "value": r.value,
                "source": r.source,
                "inherited": r.inherited,
                "inherited_from": r.inherited_source,
            }
            for r in resolved
        },
        "deployment": {
            "database": info.database,
            "backend": info.backend,
            "data_dir": str(info.data_dir),
            "config_file": str(info.config_file),
            "web_host": settings.web_host,
            "web_port": settings.web_port,
            "upload_limit_mb": info.upload_limit_mb,
        },
    }
    return SettingsPublic.model_validate(shape)


def update_preferences(
    ws: Workspace, settings: Settings, submitted: Mapping[str, str]
) -> tuple[Workspace, list[str]]:
    """A form's values, all or nothing: each is parsed; a value equal to what the workspace
    would inherit is not kept (the workspace follows config.toml and the defaults there),
    another one is. InvalidInput (a Problem per refused field, `where` its key) writes
    nothing. Returns the workspace as stored now and the keys whose value changed."""
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    for key, text in submitted.items():
        try:
            spec, value = prefs.parse_preference(key, text)
        except UserError as exc:
            detail = exc.detail if exc.field else exc.message
            hint = f" {exc.hint}" if exc.hint and exc.field else ""
            problems.append(Problem(exc.field or key, f"{detail[:1].upper()}{detail[1:]}.{hint}"))
            continue
        parsed[spec.key] = value
    if problems:
        raise InvalidInput("settings", problems, hint="Nothing was changed.")
    current = {r.key: r for r in resolve(ws, settings)}
    change = {k: v for k, v in parsed.items() if v != current[k].inherited}
    drop = {k for k, v in parsed.items() if v == current[k].inherited}
    changed = [k for k, v in parsed.items() if v != current[k].value]
    return _write(ws, change, drop), changed
