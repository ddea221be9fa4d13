"""The title reference file: what is written reads back the same; a damaged file is a clear
error naming the line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.titles import TitleReference
from nextmove.errors import UserError
from nextmove.formats.title_data import parse_title_reference, render_title_reference

_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz&+#", min_size=1, max_size=12)
_functions = st.sampled_from(sorted(FUNCTIONS))
_share = st.integers(min_value=1, max_value=100).map(lambda n: n / 100)


@given(
    st.dictionaries(
        st.lists(_words, min_size=1, max_size=4).map(" ".join),
        st.tuples(_functions, st.integers(min_value=1, max_value=5), _share),
        max_size=20,
    ),
    st.dictionaries(
        _words, st.tuples(_functions, _share, st.integers(min_value=1, max_value=999)), max_size=20
    ),
    st.frozensets(_words, max_size=10),
)
def test_reference_reads_back_what_was_written(
    titles: dict[str, tuple[str, int, float]],
    tokens: dict[str, tuple[str, float, int]],
    role_words: frozenset[str],
) -> None:
    parsed = parse_title_reference(
        render_title_reference(TitleReference(titles, tokens, role_words))
    )
    assert dict(parsed.titles) == titles
    assert all(parsed.titles.get(key) == value for key, value in titles.items())
    assert all(key in parsed.titles for key in titles)
    for key in titles:  # a key's prefix or extension is another title, or none
        assert parsed.titles.get(key[:-1]) == titles.get(key[:-1])
        assert parsed.titles.get(key + " x") == titles.get(key + " x")
    assert parsed.tokens == tokens
    assert parsed.role_words == role_words


def test_damaged_reference_names_the_line() -> None:
    text = "# comment\nF\tengineering\nT\tsoftware engineer\t0\t4\t1\nT\tbroken\n"
    with pytest.raises(UserError, match="line 4") as info:
        parse_title_reference(text, source="titles.tsv.gz")
    assert info.value.hint


def test_unknown_line_kind_is_an_error() -> None:
    with pytest.raises(UserError, match="line 1"):
        parse_title_reference("Z\twhat\n")


def test_titles_edited_by_hand_out_of_order_still_read() -> None:
    text = (
        "F\tengineering\tsales\n"
        "T\tsoftware engineer\t0\t4\t1\n"
        "T\taccount executive\t1\t3\t0.9\n"
        "K\tengineer\t0\t0.9\t12\n"
        "T\tengineer\t0\t4\t0.8\n"
    )
    parsed = parse_title_reference(text)
    assert parsed.titles.get("account executive") == ("sales", 3, 0.9)
    assert parsed.titles.get("engineer") == ("engineering", 4, 0.8)
    assert "software engineer" in parsed.titles
    assert parsed.tokens == {"engineer": ("engineering", 0.9, 12)}


def test_damaged_line_after_the_titles_names_its_line() -> None:
    text = "F\tengineering\nT\ta\t0\t4\t1\nT\tb\t0\t4\t1\nK\tengineer\t0\n"
    with pytest.raises(UserError, match="line 4"):
        parse_title_reference(text)
