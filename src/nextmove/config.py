"""Settings: the only reader of environment variables and configuration files.

Precedence, highest first: explicit arguments (the CLI's ``--db``), environment variables
(``NEXTMOVE_*``), the configuration file (``config.toml`` in the user's config directory, or
the file named by ``NEXTMOVE_CONFIG``), then the defaults below.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import platformdirs
from pydantic import AfterValidator, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from nextmove.domain.slots import parse_working_days, parse_working_hours, zone
from nextmove.errors import UserError

if TYPE_CHECKING:  # the suggestion model loads when weights are read, not with the settings
    from nextmove.domain.suggest import Weights

APP_NAME = "nextmove"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def _tier_days(tier: str, *, default: int) -> Any:
    """A keep-in-touch tier's setting: the ideal days between contacts."""
    return Field(
        default=default,
        ge=1,
        le=3650,
        description=f"Keep-in-touch tier {tier}: due after this many days, overdue a third later.",
    )


def _parsed_by(parse: Callable[[str], Any]) -> AfterValidator:
    """A setting kept as written once the domain's parser accepts it (its error is the message)."""

    def check(value: str) -> str:
        _checked(parse, value)
        return value

    return AfterValidator(check)


class Settings(BaseSettings):
    """Every setting nextmove reads. Each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="NEXTMOVE_", extra="forbid")

    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the database. Default: a SQLite file `nextmove.db` in the data "
            "directory. PostgreSQL: `postgresql+psycopg://user:pass@host/dbname`."
        ),
    )
    busy_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        le=600,
        description="How long a write waits for another writer (an import, another command, "
        "the web app) before nextmove says the database is busy: SQLite's busy timeout, "
        "PostgreSQL's lock_timeout.",
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where nextmove keeps its default SQLite database.",
    )
    config_dir: Path = Field(
        default_factory=default_config_dir,
        description="Where config.toml and template overrides (templates/*.j2) live.",
    )
    editor: str | None = Field(
        default=None,
        description="Program `vision edit` opens; default: $VISUAL, then $EDITOR, then `vi`.",
    )
    timezone: Annotated[str, _parsed_by(zone)] = Field(
        default="UTC",
        description="Your time zone (IANA name, e.g. `Europe/Berlin`) for dates shown and times.",
    )
    working_days: Annotated[str, _parsed_by(parse_working_days)] = Field(
        default="mon-fri",
        description="Days you take meetings: ranges or lists of mon … sun, e.g. `mon-fri` or "
        "`mon,tue,thu`.",
    )
    working_hours: Annotated[str, _parsed_by(parse_working_hours)] = Field(
        default="09:00-17:30",
        description="Hours you take meetings on working days, local time, e.g. `09:00-17:30`.",
    )
    meeting_minutes: int = Field(
        default=30,
        ge=5,
        le=480,
        description="Length of a proposed meeting slot in minutes.",
    )
    slot_lead_hours: int = Field(
        default=24,
        ge=0,
        le=720,
        description="Hours from now before the first time nextmove proposes (slots, drafts): "
        "give people notice. Proposed times always fall within your working hours.",
    )
    meeting_buffer_minutes: int = Field(
        default=0,
        ge=0,
        le=240,
        description="Free minutes kept before and after every busy time when proposing slots.",
    )

    email: str = Field(
        default="",
        description="Your e-mail address: the organizer of the invitations `meeting ics` writes.",
    )
    nudge_after_days: int = Field(
        default=7,
        ge=1,
        le=90,
        description="Days without a reply after a meeting request before a nudge is due.",
    )
    tier_a_days: int = _tier_days("A", default=30)
    tier_b_days: int = _tier_days("B", default=90)
    tier_c_days: int = _tier_days("C", default=180)

    @property
    def tier_days(self) -> dict[str, int]:
        """Keep-in-touch tiers: A/B/C -> ideal days."""
        return {"A": self.tier_a_days, "B": self.tier_b_days, "C": self.tier_c_days}

    web_host: str = Field(
        default="127.0.0.1",
        description="Address `nextmove serve` binds to; the web app answers only to this host "
        "name (and `localhost` when it is a loopback address).",
    )
    web_port: int = Field(
        default=8765, ge=1, le=65535, description="Port `nextmove serve` listens on."
    )
    upload_limit_mb: float = Field(
        default=20.0,
        gt=0,
        description="Largest request body the web app accepts (file uploads), in megabytes.",
    )
    base_url: str = Field(
        default="",
        description="Server mode (`nextmove server`): the public address people open, e.g. "
        "`https://career.example.org` behind a TLS proxy. Cookies are marked Secure when it is "
        "https; form and API origins are checked against it.",
    )
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="Server mode: Host header values the server answers to, e.g. "
        '`["career.example.org"]`; default: the host of base_url.',
    )
    secret_key: str | None = Field(
        default=None,
        min_length=32,
        description="Server mode: the key that signs form tokens, shared by every worker. When "
        "none is set, one is generated on first start and kept in `secret_key` in the config "
        "directory (mode 0600). Never shown or logged.",
    )
    session_hours: int = Field(
        default=24 * 14,
        ge=1,
        le=24 * 365,
        description="Server mode: how long a sign-in lasts, in hours (then sign in again).",
    )
    sso_issuer: str = Field(
        default="",
        description="Server mode: the OpenID Connect provider's issuer URL for single sign-on, "
        "e.g. `https://login.example.org/realms/staff` (its discovery document is read from "
        "`/.well-known/openid-configuration` under it); empty: no single sign-on.",
    )
    sso_client_id: str = Field(
        default="", description="Server mode: nextmove's client id at the OpenID Connect provider."
    )
    sso_client_secret_file: Path | None = Field(
        default=None,
        description="Server mode: a file holding the client secret (one line, readable by the "
        "server only); or set the environment variable NEXTMOVE_SSO_CLIENT_SECRET. Never kept "
        "in the database, the config file or the logs.",
    )
    sso_name: str = Field(
        default="your organization",
        max_length=60,
        description='Server mode: the provider\'s name on the sign-in page ("Sign in with …").',
    )
    sso_email_domains: list[str] = Field(
        default_factory=list,
        description="Server mode: the e-mail domains single sign-on accepts, e.g. "
        '`["example.org"]`; empty: any domain the provider vouches for.',
    )
    sso_new_accounts: Literal["refuse", "member"] = Field(
        default="refuse",
        description="Server mode: what single sign-on does with a verified e-mail that has no "
        "account: `refuse` (an admin creates accounts) or `member` (creates a member account "
        "with its own workspace).",
    )
    suggest_weights: dict[str, float] = Field(
        default_factory=dict,
        description="Weights of the factors `nextmove suggest` adds up, by name (a table "
        "`[suggest_weights]` in config.toml); unnamed factors keep their defaults "
        "(docs/suggestions.md lists them).",
    )
    suggest_cooldown_days: int = Field(
        default=120,
        ge=0,
        le=3650,
        description="Days after a research meeting before `suggest` proposes that person again.",
    )

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not value:
            return value
        scheme, sep, rest = value.rstrip("/").partition("://")
        if scheme not in ("http", "https") or not sep or not rest or "/" in rest:
            raise ValueError(
                f"{value!r} is not an address like https://career.example.org (a scheme and "
                "a host, no path)"
            )
        return value.rstrip("/")

    @field_validator("suggest_weights")
    @classmethod
    def _weights(cls, value: dict[str, float]) -> dict[str, float]:
        if not value:  # the defaults: nothing to check (nor the suggestion model to load)
            return value
        from nextmove.domain.suggest import Weights

        known = Weights.names()
        unknown = sorted(set(value) - set(known))
        if unknown:
            raise ValueError(f"unknown factor(s) {', '.join(unknown)}; known: {', '.join(known)}")
        negative = sorted(k for k, v in value.items() if v < 0)
        if negative:
            raise ValueError(f"weights must not be negative: {', '.join(negative)}")
        return value

    def weights(self) -> Weights:
        """The suggestion weights: the defaults, with those set in the configuration."""
        from nextmove.domain.suggest import Weights

        return replace(Weights(), **self.suggest_weights)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _ConfigFileSource(settings_cls))

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'nextmove.db'}"

    @property
    def config_file(self) -> Path:
        return config_file_path(self.config_dir)

    def source_of(self, name: str) -> str:
        """Where a setting's value comes from: "environment" (NEXTMOVE_*), "config.toml"
        (or an explicit argument) or "default"."""
        if name not in self.model_fields_set:
            return "default"
        if f"NEXTMOVE_{name.upper()}" in {key.upper() for key in os.environ}:
            return "environment"
        return "config.toml"


def _checked(parse: Callable[[str], Any], value: str) -> Any:
    """Run a domain parser; its UserError becomes the ValueError pydantic reports."""
    try:
        return parse(value)
    except UserError as exc:
        raise ValueError(f"{exc.message}. {exc.hint or ''}".strip()) from None


def workspace_from_environment() -> str | None:
    """$NEXTMOVE_WORKSPACE: the workspace to work in (the CLI reads it as --workspace's
    default; `nextmove serve` hands --workspace to the web app through it)."""
    return os.environ.get("NEXTMOVE_WORKSPACE") or None


def config_file_path(config_dir: Path | None = None) -> Path:
    explicit = os.environ.get("NEXTMOVE_CONFIG")
    if explicit:
        return Path(explicit)
    return (config_dir or Path(os.environ.get("NEXTMOVE_CONFIG_DIR") or default_config_dir())) / (
        "config.toml"
    )


class _ConfigFileSource(PydanticBaseSettingsSource):
    """Reads settings from config.toml (top-level keys are setting names)."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = config_file_path()
        if not path.exists():
            return {}
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UserError(
                f"{path}: cannot read the configuration file: {exc}",
                hint="Fix the file or move it aside; `nextmove config path` shows where it is.",
            ) from exc
        return {k.replace("-", "_"): v for k, v in data.items() if not isinstance(v, dict)} | {
            k.replace("-", "_"): v for k, v in data.items() if isinstance(v, dict)
        }


def server_secret(settings: Settings) -> bytes:
    """Server mode's signing key: the setting, else the file `secret_key` in the config
    directory, created (mode 0600, only by its owner) with random bytes on first use."""
    if settings.secret_key:
        return settings.secret_key.encode()
    path = settings.config_dir / "secret_key"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    except OSError as exc:
        raise UserError(
            f"cannot create the server's secret key file {path}: {exc.strerror}",
            hint="Check the config directory is writable, or set secret_key (NEXTMOVE_SECRET_KEY).",
        ) from None
    key = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key.encode()


SSO_SECRET_ENV = "NEXTMOVE_SSO_CLIENT_SECRET"
SSO_SECRET_MAX = 4096


def sso_client_secret(settings: Settings) -> str:
    """The single sign-on client secret: from the file `sso_client_secret_file`, else the
    environment variable NEXTMOVE_SSO_CLIENT_SECRET (never from config.toml, never stored)."""
    path = settings.sso_client_secret_file
    if path is not None:
        try:
            with path.open("rb") as handle:
                raw = handle.read(SSO_SECRET_MAX + 1)
        except OSError as exc:
            raise UserError(
                f"{path}: cannot read the single sign-on client secret: {exc.strerror}",
                hint="Check sso_client_secret_file and that the server's user may read it.",
            ) from None
        try:
            secret = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            secret = ""
        if not secret or len(raw) > SSO_SECRET_MAX or "\n" in secret:
            raise UserError(
                f"{path}: the file must hold the client secret on one line",
                hint="Copy the secret from the provider's client settings into it, alone.",
            )
        return secret
    secret = os.environ.get(SSO_SECRET_ENV, "").strip()
    if not secret:
        raise UserError(
            "single sign-on is configured (sso_issuer) but has no client secret",
            hint=f"Set sso_client_secret_file to a file holding it, or {SSO_SECRET_ENV}.",
        )
    return secret[:SSO_SECRET_MAX]


def _read_secret(path: Path) -> bytes:
    try:
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            f"{path}: cannot read the server's secret key: {exc}",
            hint="Fix its permissions, or delete it to have a new one made (sessions "
            "survive it; pages open in a browser must be reloaded).",
        ) from None
    if len(key) < 32:
        raise UserError(
            f"{path}: the secret key is too short (at least 32 characters)",
            hint="Delete the file to have a new one generated on the next start.",
        )
    return key.encode()


def load_settings(**overrides: Any) -> Settings:
    """Build the settings; a bad value becomes one clear UserError naming the setting."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise UserError(
            f"setting {field!r}: {first['msg'].removeprefix('Value error, ')}",
            hint=f"Check NEXTMOVE_{field.upper()} or the key {field!r} in {config_file_path()}.",
        ) from exc
