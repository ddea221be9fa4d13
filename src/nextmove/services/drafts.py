"""Use cases for message drafts and agendas: the domain decides the content, the user's
templates (in their config directory) or the built-in ones word it."""

from __future__ import annotations

from typing import Any

from nextmove.config import Settings
from nextmove.domain.agenda import PersonBrief
from nextmove.domain.drafts import DraftKind, draft_context
from nextmove.domain.vision import Vision
from nextmove.formats.drafts import Draft, render_draft


def write_draft(
    settings: Settings, kind: DraftKind | str, vision: Vision, person: PersonBrief, **details: Any
) -> Draft:
    """One draft for ``person``: ``details`` are the keyword arguments of
    ``domain.drafts.draft_context`` (why, learned, slots, minutes, requested_on, met_on,
    introduced_by, last_chat_on). Templates in ``settings.config_dir/templates/drafts/``
    override the built-in ones."""
    context = draft_context(kind, vision, person, **details)
    return render_draft(kind, context, config_dir=settings.config_dir)
