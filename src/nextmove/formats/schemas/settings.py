"""The workspace's preferences and where each comes from: `nextmove settings show --json`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Source = Literal["workspace", "environment", "config.toml", "default"]
Value = str | int | float


class PreferencePublic(BaseModel):
    value: Value
    source: Source
    inherited: Value = Field(description="The value without the workspace's own.")
    inherited_from: Source


class DeploymentPublic(BaseModel):
    database: str = Field(description="The database URL, never with its password.")
    backend: Literal["sqlite", "postgresql"]
    data_dir: str
    config_file: str
    web_host: str
    web_port: int
    upload_limit_mb: float


class SettingsPublic(BaseModel):
    workspace: str
    preferences: dict[str, PreferencePublic]
    deployment: DeploymentPublic
