"""The fallback that reads a level and a function from the usual words of a job title."""

from __future__ import annotations

import pytest

from nextmove.domain.seniority import combine_guesses, guess_from_words
from nextmove.domain.titles import UNKNOWN, TitleGuess


@pytest.mark.parametrize(
    ("title", "level", "function"),
    [
        ("Senior Product Manager, Patient Experience", 3, "product"),
        ("Product Manager", 2, "product"),
        ("Associate Product Manager", 1, "product"),
        ("Group Product Manager, Payments", 4, "product"),
        ("Staff Data Scientist", 4, "data"),
        ("Engineering Manager, Platform", 5, "engineering"),
        ("Senior Manager, Clinical Operations", 6, "operations"),
        ("Associate Director of Marketing", 6, "marketing"),
        ("Director of Product, Care Navigation", 7, "product"),
        ("Head of Design", 7, "design"),
        ("Senior Product Designer", 3, "design"),
        ("Senior Director, Engineering", 8, "engineering"),
        ("VP of Product", 9, "product"),
        ("Vice President, Sales", 9, "sales"),
        ("SVP Finance", 10, "finance"),
        ("Senior Vice President of People", 10, "people"),
        ("Chief Technology Officer", 11, "engineering"),
        ("Software Engineering Intern", 0, "engineering"),
        ("Junior Software Developer", 1, "engineering"),
        ("Product Marketing Manager", 5, "marketing"),
    ],
)
def test_common_seniority_words_give_a_level_and_a_function(
    title: str, level: int, function: str
) -> None:
    guess = guess_from_words(title)
    assert (guess.level, guess.function) == (level, function)
    assert guess.evidence


def test_a_title_without_known_words_is_unknown() -> None:
    guess = guess_from_words("Ninja")
    assert (guess.level, guess.function, guess.evidence) == (None, None, ())


def test_confident_title_inference_wins_over_the_usual_words() -> None:
    inferred = TitleGuess(
        level=6, function="product", level_confidence=0.9, function_confidence=0.9
    )
    guess = combine_guesses("Senior Product Manager", inferred)
    assert (guess.level, guess.function) == (6, "product")
    assert guess.evidence[0] == "level from title inference (90%)"


def test_unsure_title_inference_gives_way_to_the_usual_words() -> None:
    inferred = TitleGuess(level=6, function="design", level_confidence=0.2, function_confidence=0.2)
    guess = combine_guesses("Senior Product Manager", inferred)
    assert (guess.level, guess.function) == (3, "product")


def test_unsure_title_inference_is_used_when_the_words_say_nothing() -> None:
    inferred = TitleGuess(level=4, function="data", level_confidence=0.3, function_confidence=0.3)
    assert combine_guesses("Ninja", inferred).level == 4
    assert combine_guesses("Ninja", inferred).function == "data"


def test_unknown_title_inference_leaves_the_usual_words() -> None:
    assert combine_guesses("Staff Data Scientist", UNKNOWN).level == 4
    assert combine_guesses("Staff Data Scientist", None).function == "data"
