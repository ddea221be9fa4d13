"""Title inference as the importers use it: many titles at once, the packaged reference
read once and only when needed."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.levels import BY_KEY
from nextmove.domain.titles import infer_title
from nextmove.services.titles import infer_titles, load_reference


def test_every_title_gets_a_guess_and_repeats_share_one() -> None:
    titles = ["VP, Product Marketing", "Ninja", "VP, Product Marketing", "Senior Engineer", ""]
    guesses = infer_titles(titles)
    assert set(guesses) == set(titles)
    assert guesses["VP, Product Marketing"].level == BY_KEY["vp"].rank
    assert guesses["VP, Product Marketing"].function == "marketing"
    assert guesses["Ninja"].level is None
    assert guesses[""].level is None


def test_titles_differing_only_in_case_and_spacing_read_the_same() -> None:
    guesses = infer_titles(["Head of  Data", "head of data", "HEAD OF DATA "])
    assert len({(g.level, g.function) for g in guesses.values()}) == 1


def test_packaged_reference_holds_onet_titles_and_ipod_words() -> None:
    reference = load_reference()
    assert len(reference.titles) > 10_000
    assert reference.tokens["nursing"][0] == "healthcare"
    assert {"manager", "senior", "director"} <= reference.role_words
    assert load_reference() is reference  # read once per process


def test_cli_start_up_does_not_read_the_title_reference() -> None:
    # Importing every command must not read the packaged reference: only a command that
    # looks at a title pays for it.
    code = (
        "import sys, nextmove.cli.app; "
        "t = sys.modules.get('nextmove.services.titles'); "
        "print(bool(t and t.load_reference.cache_info().currsize))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=8))
def test_the_cache_never_changes_an_answer(titles: list[str]) -> None:
    variants = titles + [f"  {t.upper()} " for t in titles] + [t.lower() for t in titles]
    reference = load_reference()
    for title, guess in infer_titles(variants).items():
        assert guess == infer_title(title, reference)
