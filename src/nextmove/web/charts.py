"""Server-rendered charts: plain geometry computed here, drawn as SVG by the templates.

No JavaScript is needed to see them; every chart also comes with a text equivalent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from nextmove.domain.journal import ENERGY_MAX, JournalEntry, Tally


@dataclass(frozen=True, slots=True)
class DayBar:
    day: date
    entries: int
    mean_energy: float
    x: float
    y: float
    width: float
    height: float
    positive: bool


@dataclass(frozen=True, slots=True)
class EnergyChart:
    width: int
    height: int
    zero_y: float
    top_y: float
    bottom_y: float
    left: float
    bars: list[DayBar]
    empty_days: list[tuple[float, date]]
    labels: list[tuple[float, str, str]]  # x, text, text-anchor
    start: date
    end: date

    @property
    def logged_days(self) -> int:
        return len(self.bars)


def energy_by_day(
    entries: list[JournalEntry], *, start: date, end: date, width: int = 480, height: int = 180
) -> EnergyChart:
    """Mean energy per day over [start, end], as bars above (energizing) or below (draining)
    a zero line."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        if start <= entry.day <= end:
            by_day[entry.day].append(entry.energy)
    days = (end - start).days + 1
    left, right, top, bottom = 34.0, 8.0, 12.0, 30.0
    plot_w = width - left - right
    plot_h = height - top - bottom
    zero_y = top + plot_h / 2
    slot = plot_w / days
    bar_w = max(2.0, slot * 0.7)
    bars: list[DayBar] = []
    empty: list[tuple[float, date]] = []
    for index in range(days):
        day = start + timedelta(days=index)
        x = left + index * slot + (slot - bar_w) / 2
        values = by_day.get(day)
        if not values:
            empty.append((round(x + bar_w / 2, 1), day))
            continue
        mean = sum(values) / len(values)
        h = abs(mean) / ENERGY_MAX * (plot_h / 2)
        h = max(h, 1.5)  # a neutral day still shows as a sliver
        y = zero_y - h if mean >= 0 else zero_y
        bars.append(
            DayBar(
                day=day,
                entries=len(values),
                mean_energy=round(mean, 2),
                x=round(x, 1),
                y=round(y, 1),
                width=round(bar_w, 1),
                height=round(h, 1),
                positive=mean >= 0,
            )
        )
    label_days = sorted({0, days // 2, days - 1})
    labels = [
        (
            round(left + i * slot + (0 if i == 0 else slot if i == days - 1 else slot / 2), 1),
            (start + timedelta(days=i)).strftime("%b %-d"),
            "start" if i == 0 else "end" if i == days - 1 else "middle",
        )
        for i in label_days
    ]
    return EnergyChart(
        width=width,
        height=height,
        zero_y=round(zero_y, 1),
        top_y=top,
        bottom_y=round(top + plot_h, 1),
        left=left,
        bars=bars,
        empty_days=empty,
        labels=labels,
        start=start,
        end=end,
    )


@dataclass(frozen=True, slots=True)
class TallyBar:
    name: str
    count: int
    mean_energy: float
    flow: int
    y: float
    width: float


@dataclass(frozen=True, slots=True)
class TallyChart:
    width: int
    height: int
    label_width: int
    row_height: int
    bars: list[TallyBar]
    positive: bool


def tally_bars(tallies: list[Tally], *, positive: bool, width: int = 320) -> TallyChart:
    """Horizontal bars of mean energy for the top energizers (or drainers)."""
    label_width, row = 0, 28
    bar_space = width - 56
    bars = [
        TallyBar(
            name=t.name,
            count=t.count,
            mean_energy=round(t.mean_energy, 1),
            flow=t.flow_count,
            y=index * row,
            width=round(max(2.0, abs(t.mean_energy) / ENERGY_MAX * bar_space), 1),
        )
        for index, t in enumerate(tallies)
    ]
    return TallyChart(
        width=width,
        height=max(row, len(bars) * row),
        label_width=label_width,
        row_height=row,
        bars=bars,
        positive=positive,
    )
