"""The stay-or-change choices (industry, company, city) an opportunity keeps or breaks. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from nextmove.domain.matching import same_phrase
from nextmove.domain.opportunities import Opportunity
from nextmove.domain.vision import Choice, Vision


@dataclass(frozen=True, slots=True)
class ChoiceCheck:
    subject: str  # "industry" | "company" | "city"
    choice: str
    outcome: str  # "kept" | "broken" | "open" | "unknown"
    why: str


def check_choices(vision: Vision, opp: Opportunity) -> list[ChoiceCheck]:
    me, choices = vision.me, vision.choices
    checks: list[ChoiceCheck] = []

    city = choices.city
    if city is Choice.OPEN:
        checks.append(ChoiceCheck("city", city.value, "open", "You are open on the city."))
    elif opp.remote:
        checks.append(
            ChoiceCheck(
                "city",
                city.value,
                "kept",
                "The role is remote: you can "
                + ("stay where you are." if city is Choice.STAY else "move where you like."),
            )
        )
    elif not (opp.city and me.city):
        checks.append(
            ChoiceCheck("city", city.value, "unknown", "The role's city or yours is not known.")
        )
    else:
        same = same_phrase(opp.city, me.city)
        if city is Choice.STAY:
            outcome = "kept" if same else "broken"
            why = (
                f"It is in {opp.city}, where you live."
                if same
                else f"You chose to stay in {me.city}; the role is in {opp.city}."
            )
        else:
            outcome = "broken" if same else "kept"
            why = (
                f"You chose to leave {me.city}; the role is there."
                if same
                else f"You want to move; the role is in {opp.city}."
            )
        checks.append(ChoiceCheck("city", city.value, outcome, why))

    industry = choices.industry
    if industry is Choice.OPEN:
        checks.append(
            ChoiceCheck("industry", industry.value, "open", "You are open on the industry.")
        )
    elif not (opp.industry and me.industry):
        checks.append(
            ChoiceCheck(
                "industry", industry.value, "unknown", "The role's industry or yours is not known."
            )
        )
    else:
        same = same_phrase(opp.industry, me.industry)
        if industry is Choice.STAY:
            outcome = "kept" if same else "broken"
            why = (
                f"It is in {opp.industry}, your industry."
                if same
                else f"You chose to stay in {me.industry}; the role is in {opp.industry}."
            )
        else:
            outcome = "broken" if same else "kept"
            why = (
                f"You chose to change industry; the role is in {me.industry}."
                if same
                else f"It takes you into {opp.industry}."
            )
        checks.append(ChoiceCheck("industry", industry.value, outcome, why))

    company = choices.company
    if company is Choice.OPEN:
        checks.append(ChoiceCheck("company", company.value, "open", "You are open on the company."))
    elif not (opp.organization and me.organization):
        checks.append(
            ChoiceCheck(
                "company",
                company.value,
                "unknown",
                "The role's organization or yours is not known.",
            )
        )
    else:
        same = same_phrase(opp.organization, me.organization)
        if company is Choice.STAY:
            outcome = "kept" if same else "broken"
            why = (
                f"An internal move at {me.organization}."
                if same
                else f"You chose to stay at {me.organization}; the role is at {opp.organization}."
            )
        else:
            outcome = "broken" if same else "kept"
            why = (
                f"You chose to change company; the role is at {me.organization}."
                if same
                else f"A move to {opp.organization}."
            )
        checks.append(ChoiceCheck("company", company.value, outcome, why))
    return checks
