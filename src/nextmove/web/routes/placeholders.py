"""Pages of the method that later work builds: each says clearly what arrives, and with what.
No fake data. A noun's real router replaces its placeholder by leaving NAVIGATION's
`arrives_with` empty."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextmove.web.render import NAVIGATION, NavItem, render

router = APIRouter(include_in_schema=False)

WHAT_ARRIVES = {
    "/people": "Search the people you know — filters by level, function, organization, tier "
    "and keep-in-touch state — and each person's page with history, ties, interactions, "
    "meetings and the chain of introductions that led to them.",
    "/suggestions": "A ranked list of people to meet next, each with the reasons and the warm "
    "path to them, and one click to plan a research meeting.",
    "/round": "A round of 30-minute research meetings, paced over a few weeks, and its progress.",
    "/meetings": "Your research meetings as a board by state, and each meeting's agenda, drafts "
    "to copy, notes, insights, referrals, proposed slots and an .ics download.",
    "/board": "Your board of three advisors: who sits on it, when you last met, check-ins due.",
    "/opportunities": "Every option judged against your plan: evaluation, flags, a verdict and "
    "side-by-side comparison.",
}


def _placeholder(item: NavItem):  # type: ignore[no-untyped-def]
    def page(request: Request) -> HTMLResponse:
        return render(request, "placeholder.html", item=item, what=WHAT_ARRIVES.get(item.path, ""))

    page.__name__ = f"placeholder_{item.path.strip('/')}"
    return page


for _item in NAVIGATION:
    if _item.arrives_with:
        router.add_api_route(
            _item.path,
            _placeholder(_item),
            methods=["GET"],
            response_class=HTMLResponse,
            summary=f"{_item.label} (arrives with {_item.arrives_with})",
        )
