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
