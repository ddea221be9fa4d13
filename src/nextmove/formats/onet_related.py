"""The O*NET related-occupations file (src/nextmove/data/onet_related.tsv.gz, decompressed)
<-> OnetRelated. Tab-separated lines, read in a few milliseconds:

    # comment (the attribution)
    O <tab> O*NET-SOC code <tab> occupation title
    R <tab> O*NET-SOC code <tab> related code <tab> related code …   (O*NET's order)
    T <tab> title key <tab> O*NET-SOC code
"""

from __future__ import annotations

from nextmove.domain.moves import OnetRelated
from nextmove.errors import UserError

HEADER = (
    "# nextmove related occupations, built by scripts/build-onet-related.\n"
    "# This product includes information from the O*NET 27.0 Database by the U.S. Department\n"
    "# of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0\n"
    "# license. See README.md next to this file.\n"
)

__all__ = ["HEADER", "OnetRelated", "parse_onet_related", "render_onet_related"]


def render_onet_related(data: OnetRelated) -> str:
    lines = [HEADER.rstrip("\n")]
    lines += [f"O\t{code}\t{title}" for code, title in sorted(data.occupations.items())]
    lines += [f"R\t{code}\t" + "\t".join(links) for code, links in sorted(data.related.items())]
    lines += [f"T\t{key}\t{code}" for key, code in sorted(data.titles.items())]
    return "\n".join(lines) + "\n"


def parse_onet_related(text: str, *, source: str = "related occupations") -> OnetRelated:
    occupations: dict[str, str] = {}
    related: dict[str, tuple[str, ...]] = {}
    titles: dict[str, str] = {}
    number = 0
    try:
        for number, line in enumerate(text.split("\n"), 1):  # noqa: B007 (used on error)
            kind = line[:2]
            if kind == "T\t":
                _, key, code = line.split("\t")
                titles[key] = code
            elif kind == "O\t":
                _, code, title = line.split("\t")
                occupations[code] = title
            elif kind == "R\t":
                _, code, *links = line.split("\t")
                related[code] = tuple(links)
            elif line and line[0] != "#":
                raise ValueError(f"unknown line kind {line[:1]!r}")
    except ValueError as exc:
        raise UserError(
            f"{source}, line {number}: cannot read ({exc})",
            hint="Rebuild it with scripts/build-onet-related, or reinstall nextmove.",
        ) from exc
    return OnetRelated(occupations, related, titles)
