"""What every command shares: settings, the database, the clock, and output helpers."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.errors import MarkupError
from rich.text import Text

from nextmove.domain.days import parse_day

if TYPE_CHECKING:  # the settings (pydantic) and the store (SQLAlchemy) load on first use
    from nextmove.config import Settings
    from nextmove.services.workspace import Workspace
    from nextmove.store.db import Database


class _Console(Console):
    """A console that never fails on what a user wrote. Commands escape the text they print
    from the database; where one is missed, text that is not valid markup (a name holding
    '[/]') is printed as it is instead of ending the command with an internal error."""

    def render_str(self, text: str, **options: Any) -> Text:
        try:
            return super().render_str(text, **options)
        except MarkupError:
            return super().render_str(text, **{**options, "markup": False})


console = _Console(highlight=False)
err_console = _Console(stderr=True, highlight=False)


@dataclass
class AppState:
    db_url: str | None = None
    debug: bool = False
    workspace_name: str | None = None
    _config: Settings | None = field(default=None, repr=False)
    _settings: Settings | None = field(default=None, repr=False)
    _database: Database | None = field(default=None, repr=False)
    _db: Workspace | None = field(default=None, repr=False)

    @property
    def config(self) -> Settings:
        """The deployment's settings (config.toml, NEXTMOVE_*, --db), without any workspace's
        preferences: where the database is, host and port."""
        if self._config is None:
            from nextmove.config import load_settings

            self._config = load_settings(database_url=self.db_url)
        return self._config

    @property
    def settings(self) -> Settings:
        """The settings in effect for the command's workspace: its own preferences (time
        zone, working hours, …) over config.toml's and the defaults."""
        if self._settings is None:
            from nextmove.services.preferences import settings_for

            self._settings = settings_for(self.config, self.db())
        return self._settings

    def database(self) -> Database:
        """The database (every workspace of it), migrated to the newest schema on first use."""
        if self._database is None:
            from nextmove.store.db import Database

            self._database = Database.open(
                self.config.resolved_database_url,
                busy_timeout=self.config.busy_timeout_seconds,
            )
        return self._database

    def db(self) -> Workspace:
        """The workspace the command works in (--workspace, $NEXTMOVE_WORKSPACE, else the
        default one), its database migrated to the newest schema on first use."""
        if self._db is None:
            from nextmove.services.workspace import open_workspace

            self._db = open_workspace(self.database(), self.workspace_name)
        return self._db

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
        self._database = None
        self._db = None
        self._settings = None


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def parse_date(value: str, *, option: str) -> date:
    return parse_day(value, field=option.removeprefix("--"))


def today_from(as_of: str | None) -> date:
    """The date commands reason about: --as-of when given, else today on this machine."""
    return parse_date(as_of, option="--as-of") if as_of else date.today()


def now() -> datetime:
    return datetime.now(UTC)


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD", help="Reason as if today were this date."),
]
JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print the documented JSON shape (docs/json.md).")
]


def _plain(value: Any) -> Any:
    """What json.dumps cannot write itself: a shape's model (nextmove.formats.schemas) as its
    documented JSON. Duck-typed: pydantic is not loaded before a command needs it."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True)
    return str(value)


def print_json(data: Any) -> None:
    """A `--json` shape (a model of nextmove.formats.schemas, or a list of them) on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_plain) + "\n")


def now_from(as_of: str | None, timezone: str) -> datetime:
    """The moment time-of-day commands start from: the start of --as-of in the user's zone
    when given, else now."""
    if not as_of:
        return now()
    return datetime.combine(today_from(as_of), datetime.min.time(), tzinfo=ZoneInfo(timezone))
