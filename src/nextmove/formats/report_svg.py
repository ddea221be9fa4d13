"""Charts for the printed reports, as standalone SVG text: the energy of each day, the
activities that energize and drain you, and a round of research meetings by state.

Plain geometry and text, no plotting library: Typst draws the SVG as vectors (its text stays
text in the PDF). Every label is escaped; the fonts are the ones the report is set in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape

FONT = "Libertinus Serif"
POSITIVE = "#2f7d4f"
NEGATIVE = "#b5523b"
NEUTRAL = "#8a8f98"
GRID = "#c9ccd1"
INK = "#1f2933"
ENERGY_MAX = 2  # the journal's scale is −2 … +2


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
        f'viewBox="0 0 {width:g} {height:g}" font-family="{FONT}" fill="{INK}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, *, size: float = 10, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}">'
        f"{escape(text)}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}"/>'


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = GRID) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{stroke}" stroke-width="0.8"/>'
    )


def energy_days_svg(
    days: Sequence[tuple[date, int]], *, start: date, end: date, width: int = 480, height: int = 118
) -> str:
    """Mean energy of each day in [start, end] from (day, energy) pairs: bars above the zero
    line for energizing days, below for draining ones; days without an entry stay empty."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for day, energy in days:
        if start <= day <= end:
            by_day[day].append(energy)
    count = (end - start).days + 1
    left, right, top, bottom = 30.0, 6.0, 8.0, 22.0
    plot_w, plot_h = width - left - right, height - top - bottom
    zero = top + plot_h / 2
    slot = plot_w / count
    bar_w = max(1.5, slot * 0.7)
    body = [
        _line(left, top, left + plot_w, top),
        _line(left, zero, left + plot_w, zero, NEUTRAL),
        _line(left, top + plot_h, left + plot_w, top + plot_h),
        _text(left - 4, top + 3.5, "+2", size=9, anchor="end"),
        _text(left - 4, zero + 3.5, "0", size=9, anchor="end"),
        _text(left - 4, top + plot_h + 3.5, "−2", size=9, anchor="end"),
    ]
    for index in range(count):
        day = start + timedelta(days=index)
        x = left + index * slot + (slot - bar_w) / 2
        values = by_day.get(day)
        if values:
            mean = sum(values) / len(values)
            h = max(abs(mean) / ENERGY_MAX * (plot_h / 2), 1.2)
            y = zero - h if mean >= 0 else zero
            colour = POSITIVE if mean > 0 else NEGATIVE if mean < 0 else NEUTRAL
            body.append(_rect(x, y, bar_w, h, colour))
        if (
            index == 0
            or index == count - 1
            or (count > 14 and index % 7 == 0 and index < count - 3)
        ):
            anchor = "start" if index == 0 else "end" if index == count - 1 else "middle"
            label_x = x if anchor == "start" else x + bar_w if anchor == "end" else x + bar_w / 2
            body.append(_text(label_x, height - 6, f"{day.day} {day:%b}", size=9, anchor=anchor))
    logged = len(by_day)
    return _svg(width, height, body, f"Mean energy per day, {start} to {end}: {logged} days logged")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float  # mean energy, −2 … +2
    note: str = ""  # e.g. "5×, flow 3×"


def activity_bars_svg(bars: Sequence[Bar], *, width: int = 480) -> str:
    """One horizontal bar per activity, its mean energy left (draining) or right (energizing)
    of a centre line; the label and how often it was logged beside it."""
    row, top = 17.0, 4.0
    label_w = width * 0.42
    plot_left = label_w + 8
    plot_w = width - plot_left - 70
    centre = plot_left + plot_w / 2
    height = top * 2 + row * max(len(bars), 1)
    body = [_line(centre, top, centre, height - top, NEUTRAL)]
    for index, bar in enumerate(bars):
        y = top + index * row
        label = bar.label if len(bar.label) <= 48 else bar.label[:47] + "…"
        body.append(_text(label_w, y + 12, label, size=9.5, anchor="end"))
        length = min(abs(bar.value), ENERGY_MAX) / ENERGY_MAX * (plot_w / 2)
        x = centre if bar.value >= 0 else centre - length
        colour = POSITIVE if bar.value > 0 else NEGATIVE if bar.value < 0 else NEUTRAL
        body.append(_rect(x, y + 3, max(length, 1.2), row - 6, colour))
        text = f"{bar.value:+.1f}" + (f" · {bar.note}" if bar.note else "")
        body.append(_text(plot_left + plot_w + 4, y + 12, text, size=9))
    return _svg(width, height, body, "Mean energy of the activities you logged most")


STATE_COLOURS = {  # the buckets of a round's progress, in the order a meeting goes
    "held": "#2f7d4f",
    "scheduled": "#5b8cc2",
    "requested": "#9fb8d6",
    "idea": "#d5d9de",
    "closed": "#c98b7d",
}


def round_svg(totals: dict[str, int], size: int, *, width: int = 480) -> str:
    """A round of research meetings as one bar of `size` places, coloured by state, with a
    legend: how far the round has come at a glance."""
    left, top, bar_h = 0.0, 4.0, 18.0
    unit = width / max(size, sum(totals.values()), 1)
    body: list[str] = []
    x = left
    for state, colour in STATE_COLOURS.items():
        n = totals.get(state, 0)
        if n:
            body.append(_rect(x, top, n * unit - 1, bar_h, colour))
            x += n * unit
    if x < width:
        body.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{width - x:.1f}" height="{bar_h:.1f}" '
            f'fill="none" stroke="{GRID}" stroke-dasharray="3 2"/>'
        )
    legend_x, legend_y = 0.0, top + bar_h + 16
    for state, colour in STATE_COLOURS.items():
        n = totals.get(state, 0)
        if not n:
            continue
        label = f"{state} {n}"
        body.append(_rect(legend_x, legend_y - 8, 8, 8, colour))
        body.append(_text(legend_x + 11, legend_y, label, size=9))
        legend_x += 11 + len(label) * 5.2 + 12
    return _svg(width, legend_y + 6, body, f"Round of {size} research meetings by state")
