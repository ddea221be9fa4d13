"""The workspace's preferences and where each comes from: `nextmove settings show --json`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from nextmove.formats.schemas.core import Public

Source = Literal["workspace", "environment", "config.toml", "default"]
Value = str | int | float


class PreferencePublic(Public):
    value: Value
    source: Source
    inherited: Value = Field(description="The value without the workspace's own.")
    inherited_from: Source


class DeploymentPublic(Public):
    database: str = Field(description="The database URL, never with its password.")
    backend: Literal["sqlite", "postgresql"]
    data_dir: str
    config_file: str
    web_host: str
    web_port: int
    upload_limit_mb: float


class SettingsPublic(Public):
    workspace: str
    preferences: dict[str, PreferencePublic]
    deployment: DeploymentPublic
