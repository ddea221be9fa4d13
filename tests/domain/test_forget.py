"""What deleting a person scrubs from the texts that stay."""

from __future__ import annotations

from nextmove.domain.forget import (
    DELETED_NAME,
    REMOVED,
    Rewrite,
    Rewrites,
    Traces,
    file_names_person,
    last_path_part,
    scrub,
    scrubbed_file_name,
    traces_of,
)
from nextmove.domain.people import Labeled, Person

ANA = traces_of(
    Person(
        name="Ana  Ruiz",
        emails=[Labeled("ana.ruiz@example.org")],
        phones=[Labeled("+1 555 0100")],
    )
)


def test_generated_texts_name_a_deleted_contact_instead() -> None:
    assert scrub("introduced by Ana Ruiz", ANA) == f"introduced by {DELETED_NAME}"
    assert (
        scrub("Ana Ruiz suggested I talk to you", ANA) == f"{DELETED_NAME} suggested I talk to you"
    )


def test_case_line_breaks_and_details_are_scrubbed() -> None:
    text = "Lunch with ANA\nRUIZ (ana.ruiz@EXAMPLE.org, +1 555 0100)"
    assert scrub(text, ANA) == f"Lunch with {DELETED_NAME} ({REMOVED}, {REMOVED})"


def test_other_people_sharing_a_first_name_or_a_longer_name_keep_their_text() -> None:
    for text in ("Ana from sales", "Ana Ruizdale's team", "call Ana Ruiz-Lopez"):
        assert scrub(text, ANA) == text
    assert scrub("Ana Ruiz's team", ANA) == f"{DELETED_NAME}'s team"


def test_too_short_a_name_is_not_scrubbed_everywhere() -> None:
    assert not Traces("Al", ())
    assert scrub("Al is here", Traces("Al", ())) == "Al is here"


def test_a_file_named_after_the_person_loses_its_name() -> None:
    for name in ("ana_ruiz.vcf", "Ruiz, Ana.vcf", "ANA-RUIZ (1).vcf", "ana.ruiz@example.org.vcf"):
        assert file_names_person(name, ANA)
    assert not file_names_person("Connections.csv", ANA)
    assert scrubbed_file_name("ana_ruiz.vcf") == "[removed].vcf"


def test_import_history_keeps_the_file_name_without_its_folders() -> None:
    assert last_path_part("/home/jdoe/Contacts/export.vcf") == "export.vcf"
    assert last_path_part(r"C:\Users\jdoe\Desktop\Connections.csv") == "Connections.csv"
    assert last_path_part("cards/") == "cards"
    assert last_path_part("") == ""


def test_texts_about_the_person_lose_their_first_name_as_a_whole_word() -> None:
    text = "Ana (a former colleague) referred me; ask ana's team, not Anabel"
    assert scrub(text, ANA) == text  # elsewhere, a first name alone is someone else's
    assert scrub(text, ANA, about=True) == (
        f"{DELETED_NAME} (a former colleague) referred me; ask {DELETED_NAME}'s team, not Anabel"
    )
    assert scrub("Ana Ruiz and Ana", ANA, about=True) == f"{DELETED_NAME} and {DELETED_NAME}"


def test_the_first_name_is_the_stored_one_else_the_first_word() -> None:
    assert traces_of(Person(name="Dr. Li Wei", first_name="Li")).short_names == ("Li",)
    assert traces_of(Person(name="Priya Nayak")).short_names == ("Priya",)
    assert traces_of(Person(name="Cher")).short_names == ()  # the full name is already it


def test_a_two_letter_first_name_keeps_its_capitals() -> None:
    li = traces_of(Person(name="Li Wei", first_name="Li"))
    assert (
        scrub("Li said li-ion cells; LI", li, about=True) == f"{DELETED_NAME} said li-ion cells; LI"
    )


def test_the_rewrites_are_summed_up_for_the_confirmation() -> None:
    assert Rewrites().summary() == "no other text names them"
    done = Rewrites(
        (
            Rewrite("meeting insight", "meeting insights", 2, 3),
            Rewrite("opportunity", "opportunities", 1, 1),
        )
    )
    assert done.texts == 4
    assert done.summary() == "3 texts in 2 meeting insights, 1 text in 1 opportunity"
