"""The Settings page as a user meets it, on SQLite and PostgreSQL: the first-run story (times
in UTC, no invitation) fixed from the page with no restart, in this workspace only; bad values
shown beside their fields with nothing saved; the same checks as `nextmove settings set`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import icalendar

from nextmove.config import load_settings
from nextmove.services import meetings as meeting_service
from nextmove.services import people as people_service
from nextmove.services import preferences as preferences_service
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store import workspaces as workspace_store
from nextmove.web.deps import WORKSPACE_COOKIE
from tests.web.conftest import BASE, PORT, Web

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _scheduled_meeting(ws: Workspace, db_url: str, today: date, now: datetime) -> int:
    people_service.add_person(
        ws, {"name": "Ana Ruiz", "add_email": ["ana@acme.example"]}, now=now, today=today
    )
    meeting = meeting_service.add_meeting(ws, "Ana Ruiz", today=today, now=now)
    assert meeting.id is not None
    meeting_service.schedule_meeting(
        ws, meeting.id, settings=load_settings(database_url=db_url), at=WHEN, day=today, now=now
    )
    return meeting.id


def _workspace_b(web_db: Workspace, now: datetime) -> Workspace:
    with web_db.db.session() as session:
        workspace_store.create(session, "b", now=now)
    return open_workspace(web_db.db, "b")


def _sources(ws: Workspace, db_url: str) -> dict[str, tuple[object, str]]:
    settings = load_settings(database_url=db_url)
    return {
        r.key: (r.value, r.source) for r in preferences_service.resolve(ws.reloaded(), settings)
    }


def test_the_first_run_fix_on_the_settings_page_applies_at_once_to_this_workspace_only(
    web: Web, web_db: Workspace, db_url: str, today: date, now: datetime
) -> None:
    mine = _scheduled_meeting(web_db, db_url, today, now)
    other = _scheduled_meeting(_workspace_b(web_db, now), db_url, today, now)

    # First run: times in UTC, and no invitation without an address.
    page = web.get(f"/meetings/{mine}").text
    assert "09:00 (UTC)" in page and 'id="no-email"' in page
    assert 'href="/settings#f-email"' in page
    assert web.get(f"/meetings/{mine}/invite.ics").status_code == 400

    saved = web.submit(
        "/settings",
        {"timezone": "Europe/Berlin", "email": "maya@example.com"},
        page="/settings",
    )
    assert saved.status_code == 303
    notice = web.get(saved.headers["location"]).text
    assert "Saved: Time zone, E-mail." in notice

    # The same app, no restart: this workspace's meeting is in Berlin time, with an invitation.
    page = web.get(f"/meetings/{mine}").text
    assert "10:00 (Europe/Berlin)" in page and 'id="no-email"' not in page
    invite = web.get(f"/meetings/{mine}/invite.ics")
    assert invite.status_code == 200
    event = icalendar.Calendar.from_ical(invite.content).walk("VEVENT")[0]
    assert event["DTSTART"].dt.tzinfo.key == "Europe/Berlin"
    assert event["DTSTART"].dt.astimezone(UTC) == WHEN
    assert str(event["ORGANIZER"]) == "mailto:maya@example.com"

    # Workspace B keeps the defaults: UTC, and still no address.
    web.client.cookies.set(f"{WORKSPACE_COOKIE}_{PORT}", "b")  # one cookie per port
    page_b = web.get(f"/meetings/{other}").text
    assert "09:00 (UTC)" in page_b and "Europe/Berlin" not in page_b
    assert web.get(f"/meetings/{other}/invite.ics").status_code == 400
    settings_b = web.get("/settings").text
    assert "Workspace <strong>b</strong>" in settings_b
    assert 'value="UTC"' in settings_b and "Set here" not in settings_b


def test_bad_values_are_shown_beside_their_fields_and_nothing_is_saved(
    web: Web, web_db: Workspace, db_url: str
) -> None:
    before = _sources(web_db, db_url)
    refused = web.submit(
        "/settings",
        {
            "timezone": "Mars/Olympus",
            "email": "maya at example",
            "working_days.shown": "1",
            "working_hours.start": "18:00",
            "working_hours.end": "09:00",
            "meeting_minutes": "300",
            "tier_a_days": "45",
            "suggest_weights.level_gap": "-2",
        },
        page="/settings",
    )
    assert refused.status_code == 400
    page = refused.text
    assert "Not saved: please fix 6 fields" in page
    for field_id, says in [
        ("f-timezone", "Unknown time zone &#39;Mars/Olympus&#39;"),
        ("f-email", "is not an e-mail address"),
        ("f-working-days", "None given"),
        ("f-working-hours", "ends before it starts"),
        ("f-meeting-minutes", "give a whole number from 15 to 240"),
        ("f-suggest-weights-level-gap", "is not a weight from 0 to 10"),
    ]:
        error = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page)
        assert error and says in error.group(1), (field_id, error and error.group(1))
    # What the user typed is kept for fixing, the weights are unfolded to show theirs.
    assert 'value="Mars/Olympus"' in page and 'value="300"' in page and 'value="45"' in page
    assert '<details class="weights" open>' in page
    assert 'aria-invalid="true"' in page
    # All or nothing: the valid tier A was not saved either.
    assert _sources(web_db, db_url) == before


def test_a_value_equal_to_the_default_goes_back_to_following_it(
    web: Web, web_db: Workspace, db_url: str
) -> None:
    assert web.submit("/settings", {"tier_a_days": "21"}, page="/settings").status_code == 303
    assert _sources(web_db, db_url)["tier_a_days"] == (21, "workspace")
    page = web.get("/settings").text
    assert "Set here" in page and "Without it: 30 (from default)" in page
    assert web.submit("/settings", {"tier_a_days": "30"}, page="/settings").status_code == 303
    assert _sources(web_db, db_url)["tier_a_days"] == (30, "default")
    assert web_db.reloaded().preferences == {}


def test_the_form_is_refused_without_the_page_token(web: Web, web_db: Workspace) -> None:
    response = web.client.post(
        "/settings",
        data={"timezone": "Europe/Berlin"},
        headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert web_db.reloaded().preferences == {}


def test_the_deployment_is_shown_but_not_editable(web: Web) -> None:
    page = web.get("/settings").text
    form = page[page.index('<form method="post" action="/settings"') : page.index("</form>")]
    assert "Data directory" not in form and "database" not in form.lower()
    assert "Data directory" in page and "Upload limit" in page


JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def test_the_api_shows_and_changes_preferences_all_or_nothing(web: Web, web_db: Workspace) -> None:
    shown = web.get("/api/settings").json()
    assert shown["workspace"] == "default"
    assert shown["preferences"]["timezone"] == {
        "value": "UTC",
        "source": "default",
        "inherited": "UTC",
        "inherited_from": "default",
    }
    assert "password" not in str(shown["deployment"])

    refused = web.client.patch(
        "/api/settings",
        json={"timezone": "Mars/Olympus", "meeting_minutes": 300, "tier_a_days": 21, "colour": 1},
        headers=JSON,
    )
    assert refused.status_code == 400
    fields = {p["field"]: p["message"] for p in refused.json()["problems"]}
    assert set(fields) == {"timezone", "meeting_minutes", "colour"}
    assert "Known settings" in fields["colour"]
    assert web_db.reloaded().preferences == {}

    changed = web.client.patch(
        "/api/settings",
        json={"timezone": "europe/berlin", "meeting_minutes": 45, "suggest_weights.level_gap": 2.5},
        headers=JSON,
    )
    assert changed.status_code == 200
    prefs = changed.json()["preferences"]
    assert (prefs["timezone"]["value"], prefs["timezone"]["source"]) == (
        "Europe/Berlin",
        "workspace",
    )
    assert prefs["meeting_minutes"]["value"] == 45
    assert prefs["suggest_weights.level_gap"]["value"] == 2.5
    # The next request of the same app already uses it.
    assert web.get("/api/settings").json()["preferences"]["timezone"]["value"] == "Europe/Berlin"

    back = web.client.patch("/api/settings", json={"timezone": None}, headers=JSON)
    assert back.json()["preferences"]["timezone"]["source"] == "default"
