"""Pages of the method that later work builds: each says clearly what arrives, and with what.
No fake data. A noun's real router replaces its placeholder by leaving NAVIGATION's
`arrives_with` empty."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextmove.web.render import NAVIGATION, NavItem, render

router = APIRouter(include_in_schema=False)

WHAT_ARRIVES = {
    "/suggestions": "A ranked list of people to meet next, each with the reasons and the warm "
    "path to them, and one click to plan a research meeting.",
    "/opportunities": "Every option judged against your plan: evaluation, flags, a verdict and "
    "side-by-side comparison.",
    "/import": "Upload a LinkedIn export, vCards, a Google Contacts CSV, an org chart or a "
    "calendar, and see the import's report.",
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
