"""Drafts through the settings: the user's config directory holds their own templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextmove.config import load_settings
from nextmove.domain.agenda import PersonBrief
from nextmove.formats.vision_toml import parse_vision
from nextmove.services.drafts import write_draft
from tests.conftest import ROOT

VISION = parse_vision((ROOT / "docs" / "examples" / "vision.toml").read_text())
ANA = PersonBrief("Ana Díaz", "VP Marketing", "Orbit")


def test_a_template_in_the_configured_config_directory_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTMOVE_CONFIG_DIR", str(tmp_path))
    own = tmp_path / "templates" / "drafts" / "request.j2"
    own.parent.mkdir(parents=True)
    own.write_text("Subject: Hola {{ person.first_name }}\n\n{{ minutes }} minutos?\n")
    draft = write_draft(load_settings(), "request", VISION, ANA, minutes=20)
    assert (draft.subject, draft.body) == ("Hola Ana", "20 minutos?\n")


def test_without_an_override_the_built_in_template_is_used(tmp_path: Path) -> None:
    draft = write_draft(load_settings(config_dir=tmp_path), "thanks", VISION, ANA, learned=["x"])
    assert draft.template.endswith("nextmove/templates/drafts/thanks.j2")
