"""The opportunity form <-> the fields `services.opportunities` takes. A pasted posting fills
what it can (as `nextmove opp add --from-text`); what the person typed wins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nextmove.domain.edits import OpportunityInput
from nextmove.domain.levels import level_key
from nextmove.domain.opportunities import Opportunity, Source
from nextmove.errors import UserError
from nextmove.web.forms import field_message, field_of

TEXT_FIELDS = ("title", "organization", "industry", "city", "link", "notes")
CHOICE_FIELDS = ("function", "level", "source")
MAX_POSTING_CHARS = 100_000


def _get(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@dataclass
class OpportunityForm:
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    general_errors: list[str] = field(default_factory=list)

    @classmethod
    def blank(cls) -> OpportunityForm:
        return cls(values={"source": ""})


@dataclass
class PostedOpportunity:
    given: OpportunityInput  # what the person typed (blank fields left out)
    posting: str  # the pasted posting's text, "" when none


def opportunity_input_from_form(
    form: Mapping[str, Any],
) -> tuple[PostedOpportunity | None, OpportunityForm]:
    """The submitted form -> fields given by the person (blank ones left out) and the posting."""
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    shown = OpportunityForm(values=values)
    fields: dict[str, Any] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        text = _get(form, name)
        if text:
            fields[name] = text
    if _get(form, "remote"):
        fields["remote"] = True
    if _get(form, "brand"):
        fields["brand"] = True
    involves = [line.strip() for line in _get(form, "involves").splitlines() if line.strip()]
    if involves:
        fields["involves"] = involves
    posting = _get(form, "posting")
    if len(posting) > MAX_POSTING_CHARS:
        shown.errors["posting"] = (
            f"The posting is longer than {MAX_POSTING_CHARS:,} characters; paste only the job."
        )
    if not posting and not fields.get("title"):
        shown.errors["title"] = "Give the role's title, or paste the job posting below."
    if "source" in fields and fields["source"] not in {s.value for s in Source}:
        shown.errors["source"] = "Choose where it came from."
    if not posting and "source" not in fields:
        shown.errors["source"] = "Choose where it came from (a pasted posting means a job board)."
    if shown.errors:
        return None, shown
    given = OpportunityInput(
        **{k: v for k, v in fields.items() if k != "involves"},
        involves=tuple(involves) if involves else None,
    )
    return PostedOpportunity(given, posting), shown


def place_error(form: OpportunityForm, error: UserError) -> OpportunityForm:
    """A service's UserError next to the field it is about (the level, the title)."""
    found = field_of(error, (*TEXT_FIELDS, *CHOICE_FIELDS))
    if found is not None:
        name, text = found
        form.errors[name] = field_message(name, text)
        return form
    form.general_errors.append(error.message + (f" {error.hint}" if error.hint else ""))
    return form


def form_of(opp: Opportunity) -> OpportunityForm:
    """The edit form, filled with what is saved."""
    values = {name: str(getattr(opp, name) or "") for name in TEXT_FIELDS}
    values["function"] = opp.function or ""
    values["level"] = level_key(opp.level) or ""
    values["source"] = opp.source.value
    values["remote"] = "on" if opp.remote else ""
    values["brand"] = "on" if opp.brand else ""
    values["involves"] = "\n".join(opp.involves)
    return OpportunityForm(values=values)


def edit_fields_from_form(form: Mapping[str, Any]) -> tuple[OpportunityInput, OpportunityForm]:
    """Every field of the edit form (blank ones clear what was saved)."""
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    texts = {name: _get(form, name) for name in (*TEXT_FIELDS, *CHOICE_FIELDS)}
    given = OpportunityInput(
        **{**texts, "source": texts["source"] or None},
        remote=bool(_get(form, "remote")),
        brand=bool(_get(form, "brand")),
        involves=tuple(line.strip() for line in _get(form, "involves").splitlines()),
    )
    return given, OpportunityForm(values=values)
