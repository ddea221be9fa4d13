"""Preferences in the store, on SQLite and PostgreSQL: writes keep what this version does not
know, a stored value that no longer passes its check never stops the app, and the settings a
command gets are the workspace's own over config.toml's."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextmove.config import load_settings
from nextmove.services import preferences as service
from nextmove.services.workspace import Workspace
from nextmove.store import workspaces as store


def _store(db: Workspace, values: dict[str, object]) -> Workspace:
    with db.session() as session:
        store.set_preferences(session, db.id, values)
    return db.reloaded()


def test_a_stored_value_that_fails_its_check_is_passed_over_and_unknown_keys_are_kept(
    db: Workspace,
) -> None:
    settings = load_settings()
    ws = _store(
        db,
        {
            "timezone": "Nowhere/Land",
            "meeting_minutes": True,
            "working_days": "Monday-Thursday",
            "from_a_newer_version": {"x": 1},
        },
    )
    effective = service.effective(ws, settings)
    assert (effective.timezone, effective.meeting_minutes) == ("UTC", 30)
    assert effective.working_days == "mon-thu"
    service.set_preference(ws, settings, "email", "maya@example.com")
    service.set_preference(ws, settings, "suggest_weights.peer_penalty", "0")
    stored = ws.reloaded().preferences
    assert stored["from_a_newer_version"] == {"x": 1}
    assert stored["email"] == "maya@example.com"
    assert stored["suggest_weights"] == {"peer_penalty": 0.0}


def test_the_settings_of_a_command_are_the_workspace_s_over_config_toml(
    db: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'timezone = "America/Chicago"\ntier_a_days = 20\n[suggest_weights]\nlevel_gap = 5\n'
    )
    monkeypatch.setenv("NEXTMOVE_CONFIG", str(config))
    settings = load_settings()
    assert service.settings_for(settings, db) is settings  # nothing stored: as configured
    service.change_preferences(
        db, settings, {"timezone": "Asia/Tokyo", "suggest_weights.reachability": "4"}
    )
    effective = service.settings_for(settings, db.reloaded())
    assert effective.timezone == "Asia/Tokyo"
    assert effective.tier_a_days == 20
    assert effective.weights().level_gap == 5 and effective.weights().reachability == 4
    assert effective.database_url == settings.database_url


def test_the_built_in_defaults_are_the_same_in_settings_and_preferences() -> None:
    from dataclasses import fields

    from nextmove.config import Settings
    from nextmove.domain.preferences import Preferences

    built_in = Settings.model_construct()
    for field in fields(Preferences):
        if field.name != "suggest_weights":
            assert getattr(Preferences(), field.name) == getattr(built_in, field.name), field.name
