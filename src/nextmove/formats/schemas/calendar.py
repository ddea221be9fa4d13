"""Busy times and free slots: `nextmove calendar busy --json`, `nextmove slots --json`."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from nextmove.formats.schemas.core import Public
from nextmove.formats.schemas.meetings import SlotPublic


class BusyIntervalPublic(Public):
    start: str = Field(description="ISO 8601 with the offset of your time zone.")
    end: str = Field(description="An all-day event runs from midnight to midnight.")
    minutes: int
    summary: str = Field(description="The event's title.")


class BusyPublic(Public):
    model_config = ConfigDict(populate_by_name=True)

    timezone: str
    from_: str = Field(alias="from", description="The start of the window looked at.")
    to: str
    busy: list[BusyIntervalPublic] = Field(description="In time order.")


class FreeSlotsPublic(Public):
    timezone: str
    minutes: int = Field(description="The length of a meeting (the meeting_minutes setting).")
    slots: list[SlotPublic] = Field(
        description="In time order; fewer than asked for when the calendar is that full."
    )
