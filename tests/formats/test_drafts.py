"""Message drafts: the built-in templates say what the method asks for, a user's template
overrides the built-in one, and a broken template is named with its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.agenda import PersonBrief
from nextmove.domain.drafts import DraftKind, draft_context
from nextmove.domain.vision import RoleOutline, Vision
from nextmove.errors import UserError
from nextmove.formats.drafts import builtin_template, override_path, render_draft
from nextmove.formats.vision_toml import parse_vision
from tests.conftest import ROOT

VISION = parse_vision((ROOT / "docs" / "examples" / "vision.toml").read_text())
PRIYA = PersonBrief(
    "Priya Raman",
    "Director of Product Marketing",
    "Northwind",
    "marketing",
    7,
    past_titles=("Sales Engineer",),
    navigated_transition=True,
)
SLOTS = ["Tuesday 24 November, 10:00–10:30", "Thursday 26 November, 14:00–14:30"]


def draft(kind: str, config_dir: Path | None = None, **extra: object):  # type: ignore[no-untyped-def]
    return render_draft(kind, draft_context(kind, VISION, PRIYA, **extra), config_dir=config_dir)  # type: ignore[arg-type]


def test_a_request_says_why_this_person_the_rough_outline_thirty_minutes_and_flexible() -> None:
    request = draft("request", slots=SLOTS)
    assert request.subject == "30 minutes of your advice"
    assert request.body.startswith("Hi Priya,\n")
    assert "because you moved from Sales Engineer to Director of Product Marketing" in request.body
    assert "a Product Marketing Manager, Group Lead role (manager level, marketing)" in request.body
    assert "30 minutes" in request.body and "flexible" in request.body
    assert "  - Tuesday 24 November, 10:00–10:30" in request.body
    assert "open to anything" not in request.body.lower()
    assert request.body.rstrip().endswith("Jordan")


def test_a_request_with_your_own_reason_and_an_introduction_uses_them() -> None:
    request = draft("request", why="your talk on pricing changed how I work", introduced_by="Maria")
    assert "because your talk on pricing changed how I work." in request.body
    assert request.subject == "30 minutes of your advice (Maria suggested I ask)"
    assert "Maria suggested I get in touch." in request.body


@pytest.mark.parametrize("steps", [[], [RoleOutline(title="I'm open to anything")]])
def test_a_request_without_a_rough_outline_is_refused(steps: list[RoleOutline]) -> None:
    vision = Vision(me=VISION.me, steps=steps)
    with pytest.raises(UserError) as caught:
        draft_context(DraftKind.REQUEST, vision, PRIYA)
    assert "rough outline" in caught.value.message and "vision edit" in (caught.value.hint or "")


def test_a_nudge_follows_up_once_with_the_date_of_the_request() -> None:
    nudge = draft("nudge", requested_on=date(2026, 11, 10))
    assert nudge.subject.startswith("Re:")
    assert "I wrote on Tuesday 10 November" in nudge.body
    assert "no problem at all" in nudge.body


def test_a_thank_you_names_what_was_learned() -> None:
    one = draft("thanks", learned=["lead through the launch calendar"], met_on=date(2026, 11, 20))
    assert "What stays with me: lead through the launch calendar." in one.body
    assert "on Friday 20 November" in one.body
    several = draft("thanks", learned=["pricing is a product decision", "talk to Maria"])
    assert "  - pricing is a product decision\n  - talk to Maria" in several.body


def test_a_thank_you_that_names_nothing_learned_is_refused() -> None:
    with pytest.raises(UserError, match="names what you learned"):
        draft_context("thanks", VISION, PRIYA, learned=["  "])


def test_an_advisor_check_in_asks_for_thirty_minutes_in_person() -> None:
    checkin = draft("checkin", last_chat_on=date(2026, 8, 1), slots=SLOTS)
    assert "30 minutes, in person" in checkin.body
    assert "we last sat down on Saturday 1 August" in checkin.body
    assert checkin.text.startswith("Subject: Coffee soon?\n\nHi Priya,")


def test_every_built_in_template_ships_in_the_package_and_renders() -> None:
    for kind in DraftKind:
        assert builtin_template(kind).startswith("Subject:")
        rendered = draft(kind.value, learned=["x"])
        assert rendered.template.endswith(f"templates/drafts/{kind.value}.j2")
        assert "\n\n\n" not in rendered.body


def test_a_users_template_in_the_config_directory_overrides_the_built_in_one(
    tmp_path: Path,
) -> None:
    path = override_path("request", tmp_path)
    assert path == tmp_path / "templates" / "drafts" / "request.j2"
    path.parent.mkdir(parents=True)
    path.write_text("Subject: Quick question, {{ person.first_name }}\n\n{{ outline }}?\n")
    request = draft("request", config_dir=tmp_path)
    assert request.subject == "Quick question, Priya"
    assert request.body.startswith("a Product Marketing Manager, Group Lead role")
    assert request.template == str(path)
    # The others still come from the package.
    assert draft("nudge", config_dir=tmp_path).template.endswith("templates/drafts/nudge.j2")


def test_an_unknown_variable_in_a_users_template_names_the_file_and_line(tmp_path: Path) -> None:
    path = override_path("thanks", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(
        "Subject: Thanks\n\nHi {{ person.first_name }},\n\nSee you, {{ person.nickname }}\n"
    )
    with pytest.raises(UserError) as caught:
        draft("thanks", config_dir=tmp_path, learned=["x"])
    assert f"template {path}, line 5" in caught.value.message
    assert "nickname" in caught.value.message
    assert "docs/templates.md" in (caught.value.hint or "")


def test_a_template_that_does_not_parse_names_the_file_and_line(tmp_path: Path) -> None:
    path = override_path("nudge", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("Subject: Hi\n\n{% if slots %}\nmissing the end\n")
    with pytest.raises(UserError) as caught:
        draft("nudge", config_dir=tmp_path)
    assert f"template {path}, line 4" in caught.value.message


def test_a_template_without_a_subject_line_is_refused(tmp_path: Path) -> None:
    path = override_path("checkin", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("Hi {{ person.first_name }}\n")
    with pytest.raises(UserError, match="Subject"):
        draft("checkin", config_dir=tmp_path)


def test_an_unknown_kind_of_draft_is_a_user_error() -> None:
    with pytest.raises(UserError, match="unknown draft kind 'poem'"):
        render_draft("poem", {})


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
    ).filter(str.strip),
    title=st.text(max_size=40),
    organization=st.text(max_size=40),
)
def test_any_person_gets_a_request_addressed_to_them(
    name: str, title: str, organization: str
) -> None:
    person = PersonBrief(name, title, organization)
    request = render_draft("request", draft_context("request", VISION, person))
    assert request.body.startswith(f"Hi {person.first_name},")
    assert "30 minutes" in request.body


@pytest.mark.parametrize(
    ("attack", "says"),
    [
        # The classic escape from a template to the operating system.
        (
            "{{ person.__class__.__mro__[1].__subclasses__() }}",
            "unsafe",
        ),
        ("{{ cycler.__init__.__globals__.os.system('touch /tmp/pwned-nextmove') }}", "unsafe"),
        ("{{ ''.__class__.__base__.__subclasses__() }}", "unsafe"),
        ("{% for i in range(10**9) %}x{% endfor %}", "Range too big"),
        ("{{ 2 ** 1000000 }}", "exponent too large"),
        (
            "{% for i in range(99999) %}{% for j in range(99) %}xx{% endfor %}{% endfor %}",
            "grows past",
        ),
        ("{{ 'x' * 1000000000 }}", "too long"),
        ("{{ learned.append('changed') }}", "unsafe"),
    ],
)
def test_a_users_template_runs_in_the_sandbox(tmp_path: Path, attack: str, says: str) -> None:
    path = override_path("thanks", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(f"Subject: Thanks\n\n{attack}\n", encoding="utf-8")
    with pytest.raises(UserError) as refused:
        draft("thanks", config_dir=tmp_path, learned=["x"])
    assert str(path) in refused.value.message and says in refused.value.message
    assert not Path("/tmp/pwned-nextmove").exists()


def test_what_was_learned_reads_as_part_of_the_sentence_with_one_full_stop() -> None:
    one = draft("thanks", learned=["Ask for the scheduling squad's roadmap first."])
    assert "What stays with me: ask for the scheduling squad's roadmap first.\n" in one.body
    assert ".." not in one.body
    named = draft("thanks", learned=["Priya knows the hiring manager."])
    assert "What stays with me: Priya knows the hiring manager." in named.body


def test_a_request_through_an_introduction_does_not_say_the_introduction_twice() -> None:
    request = draft("request", why="Maria suggested I talk to you.", introduced_by="Maria")
    assert request.body.count("Maria suggested") == 1
    assert "because you moved from Sales Engineer to Director of Product Marketing" in request.body


def test_an_outline_names_the_industry_once() -> None:
    step = RoleOutline(
        title="Product Lead", organization_kind="health tech company", industry="Health tech"
    )
    request = draft_context("request", Vision(me=VISION.me, steps=[step]), PRIYA)
    assert request["outline"] == "a Product Lead role at a health tech company"
