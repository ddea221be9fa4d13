"""Leaving contacts' names out of shared text (`report --private`)."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from nextmove.domain.privacy import PARTICLES, PLACEHOLDER, name_tokens, redact

TOKENS = name_tokens(["Ben Okafor", "Ana Ruiz", "Jean-Luc Picard", "J. Smith"], keep=["Maya Chen"])


def test_a_full_name_becomes_one_placeholder() -> None:
    assert redact("Ben Okafor said yes", TOKENS) == f"{PLACEHOLDER} said yes"


def test_a_first_name_alone_and_a_possessive_are_caught() -> None:
    assert redact("Ask Ana about Picard's team.", TOKENS) == (
        f"Ask {PLACEHOLDER} about {PLACEHOLDER}'s team."
    )
    assert redact("Jean-Luc knows", TOKENS) == f"{PLACEHOLDER} knows"


def test_ordinary_lowercase_words_and_your_own_name_stay() -> None:
    tokens = name_tokens(["Rose Will", "Maya Park"], keep=["Maya Chen"])
    assert (
        redact("the rose will bloom; Maya decides", tokens) == "the rose will bloom; Maya decides"
    )


def test_names_written_in_lower_case_and_particles() -> None:
    tokens = name_tokens(["bell hooks", "Ana de la Cruz"])
    assert redact("as hooks wrote; Cruz and de Gaulle", tokens) == (
        f"as {PLACEHOLDER} wrote; {PLACEHOLDER} and de Gaulle"
    )


def test_single_letters_are_not_hidden_on_their_own() -> None:
    assert "J" not in TOKENS and redact("Plan A: J. Smith", TOKENS) == f"Plan A: J. {PLACEHOLDER}"


names = st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=2, max_size=12).map(
    str.capitalize
)


@given(first=names, last=names, before=st.sampled_from(["", "Met ", "(", "“"]))
def test_no_word_of_a_contacts_name_survives(first: str, last: str, before: str) -> None:
    tokens = name_tokens([f"{first} {last}"])
    text = redact(f"{before}{first} {last} and {last}'s manager", tokens)
    words = {w.casefold() for w in text.replace("'s", " ").split()}
    for part in (first, last):
        assert part.casefold() in PARTICLES or part.casefold() not in words


@given(parts=st.lists(names, min_size=2, max_size=4), joiner=st.sampled_from([" ", "-"]))
def test_hyphenated_and_long_names_leave_no_word_behind(parts: list[str], joiner: str) -> None:
    filler = {"coffee", "with", "then", "alone"}  # the sentence's own words
    assume(not filler & {p.casefold() for p in parts})
    name = joiner.join(parts)
    tokens = name_tokens([name])
    text = redact(f"Coffee with {name}, then {parts[-1]} alone.", tokens)
    left = {w.casefold() for w in text.replace("-", " ").replace(",", " ").split()}
    hidden = {p.casefold() for p in parts} - PARTICLES  # "van", "de": not a name on their own
    assert not (hidden & left), text
