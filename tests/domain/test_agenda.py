"""Research-meeting agendas: the five parts of the method, tailored to who the person is,
and always "who else should I talk to?"."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.agenda import WHO_ELSE, PersonBrief, build_agenda, outline_phrase
from nextmove.domain.vision import RoleOutline, Vision
from nextmove.formats.vision_toml import parse_vision
from tests.conftest import ROOT

VISION = parse_vision((ROOT / "docs" / "examples" / "vision.toml").read_text())
STRANGER = PersonBrief("Alex Kim", "Head of Finance", "Orbit Labs", "finance", 7)


def questions(agenda_section: object) -> str:
    return "\n".join(agenda_section.questions)  # type: ignore[attr-defined]


def test_an_agenda_has_the_five_parts_of_the_method_in_order() -> None:
    agenda = build_agenda(VISION, STRANGER)
    assert [s.key for s in agenda.sections] == ["path", "life", "outline", "problems", "referrals"]
    assert agenda.minutes == 30 and agenda.notes == ()
    assert "How did you get to Head of Finance at Orbit Labs?" in agenda.section("path").questions
    assert "what would you do differently" in questions(agenda.section("path"))
    assert "energy" in questions(agenda.section("life"))


def test_the_outline_part_shares_the_rough_outline_and_asks_for_reactions() -> None:
    outline = questions(build_agenda(VISION, STRANGER).section("outline"))
    assert "Product Marketing Manager, Group Lead role (manager level, marketing)" in outline
    assert "growth-stage company in B2B software, in Austin or remote" in outline
    assert "How does that sound to you" in outline
    assert "Director of Product Marketing" in outline  # two jobs out
    assert "family life, career trajectory, skills development" in outline
    assert "open to anything" not in outline.lower()


def test_the_problems_part_names_the_problems_of_the_next_step() -> None:
    problems = questions(build_agenda(VISION, STRANGER).section("problems"))
    assert "hardest problems at Orbit Labs" in problems
    assert "Launches that sales teams do not adopt" in problems


def test_someone_who_made_a_transition_is_asked_about_the_move() -> None:
    mover = replace(
        STRANGER, past_titles=("Sales Engineer", "Support Lead"), navigated_transition=True
    )
    path = questions(build_agenda(VISION, mover).section("path"))
    assert "You moved from Sales Engineer to Head of Finance" in path
    assert "first year after the move" in path
    assert "what would you do differently" in path


def test_someone_in_the_target_role_is_asked_what_the_role_is_really_like() -> None:
    holder = PersonBrief("Sam Lee", "Group Lead, Product Marketing Manager", "Acme", "marketing", 5)
    outline = questions(build_agenda(VISION, holder).section("outline"))
    # Sam's title is worded differently from the step: the question names the kind of role,
    # never tells Sam their own title is the step's.
    assert "You are a Product Marketing Manager" not in outline
    assert (
        "You hold the kind of role I am aiming for next, a Product Marketing Manager, Group "
        "Lead: what does a typical week look like in it?" in outline
    )
    assert "do well in it" in outline


def test_someone_who_once_held_the_target_role_is_asked_about_it_in_the_past() -> None:
    former = PersonBrief(
        "Ola Berg",
        "VP Marketing",
        "Beta",
        "marketing",
        9,
        past_titles=("Product Marketing Manager, Group Lead",),
    )
    outline = questions(build_agenda(VISION, former).section("outline"))
    assert "You held the kind of role I am aiming for next, a Product Marketing Manager" in outline
    assert "When you hire a Product Marketing Manager, Group Lead, what do you look for?" in outline


def test_someone_in_the_target_function_is_asked_how_it_works_there() -> None:
    peer = PersonBrief("Lin Zhou", "Brand Manager", "Gamma", "marketing", 3)
    outline = questions(build_agenda(VISION, peer).section("outline"))
    assert "How does marketing, product marketing, communications work at Gamma" in outline


def test_someone_who_was_once_in_my_role_is_asked_how_they_moved_on() -> None:
    ahead = replace(STRANGER, past_titles=("Senior Product Marketing Manager",))
    path = questions(build_agenda(VISION, ahead).section("path"))
    assert "You were once a Senior Product Marketing Manager, as I am now" in path


def test_someone_who_offered_to_help_is_asked_for_the_one_introduction() -> None:
    helper = replace(STRANGER, offered_to_help=True)
    referrals = build_agenda(VISION, helper).section("referrals").questions
    assert referrals[0] == WHO_ELSE
    assert "one introduction that would help most" in referrals[1]


def test_a_vision_without_an_outline_gets_a_note_instead_of_open_to_anything() -> None:
    vague = Vision(me=VISION.me, steps=[RoleOutline(title="open to anything")])
    agenda = build_agenda(vague, STRANGER)
    assert agenda.notes and "rough outline" in agenda.notes[0]
    assert "open to anything" not in questions(agenda.section("outline")).split("never")[0]
    assert "> Your next step has no rough outline" in agenda.as_markdown()


def test_the_agenda_reads_as_markdown() -> None:
    text = build_agenda(VISION, STRANGER).as_markdown()
    assert text.startswith("# 30 minutes with Alex Kim\n")
    assert "## Their path\n- How did you get to" in text
    assert text.rstrip().endswith("- May I mention that you suggested I get in touch?")


def test_an_outline_phrase_holds_every_part_given() -> None:
    step = RoleOutline(
        title="Engineering Manager",
        level=5,
        function="engineering",
        organization="Lumen",
        city="Berlin",
        scope="Own the data platform team.",
    )
    assert outline_phrase(step) == (
        "an Engineering Manager role (manager level, engineering) at Lumen, in Berlin: "
        "own the data platform team"
    )
    assert outline_phrase(RoleOutline(title="Analyst", remote=True)) == "an Analyst role, remote"


people = st.builds(
    PersonBrief,
    name=st.text(min_size=1, max_size=30),
    title=st.text(max_size=40),
    organization=st.text(max_size=30),
    function=st.sampled_from([None, "marketing", "engineering", "finance"]),
    level=st.one_of(st.none(), st.integers(0, 11)),
    past_titles=st.lists(st.text(max_size=30), max_size=3).map(tuple),
    offered_to_help=st.booleans(),
    navigated_transition=st.booleans(),
)


@given(person=people, with_steps=st.booleans())
def test_every_agenda_asks_who_else_to_talk_to(person: PersonBrief, with_steps: bool) -> None:
    vision = VISION if with_steps else Vision()
    agenda = build_agenda(vision, person)
    assert agenda.sections[-1].questions[0] == WHO_ELSE
    assert all(section.questions for section in agenda.sections)
