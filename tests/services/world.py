"""A small, readable way to build a network for tests: people in an org chart, contacts,
ties, history, snapshots. Writes through the real store functions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from nextmove.domain.people import Interaction, Job, Person, Tie
from nextmove.domain.vision import Position, Priority, RoleOutline, Vision
from nextmove.services.workspace import Workspace
from nextmove.store import network as network_repo
from nextmove.store import people as people_repo
from nextmove.store import vision as vision_repo

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@dataclass
class World:
    db: Workspace
    ids: dict[str, int] = field(default_factory=dict)

    def person(
        self,
        name: str,
        *,
        title: str = "",
        organization: str = "Acme",
        function: str | None = None,
        level: int | None = None,
        manager: str | None = None,
        depth: int | None = None,
        department: str = "",
        history: list[tuple[str, str]] = (),  # type: ignore[assignment]
        contact: bool = False,
        **flags: object,
    ) -> int:
        with self.db.session() as session:
            person = Person(
                name=name,
                title=title,
                organization=organization,
                function=function,
                level=level,
                level_source="orgchart"
                if depth is not None
                else ("inferred" if level is not None else None),
                level_confidence=0.9 if level is not None else 0.0,
                department=department,
                org_depth=depth,
                manager_id=self.ids[manager] if manager else None,
                history=[Job(organization=o, title=t) for o, t in history],
                **flags,  # type: ignore[arg-type]
            )
            pid = people_repo.add_person(session, person, now=NOW)
            if contact:
                people_repo.add_sources(
                    session,
                    [(pid, f"k{pid}", "contacts.vcf", "card 1")],
                    kind="vcard",
                    import_id=None,
                    now=NOW,
                )
        self.ids[name] = pid
        return pid

    def tie(self, a: str, b: str, *, source: str = "met-at", strength: int = 3) -> None:
        with self.db.session() as session:
            network_repo.add_tie(session, Tie(self.ids[a], self.ids[b], source, strength), now=NOW)

    def met(self, name: str, day: date, kind: str = "meeting") -> None:
        with self.db.session() as session:
            network_repo.add_interaction(session, Interaction(self.ids[name], kind, day), now=NOW)

    def me(self, name: str, vision: Vision) -> None:
        with self.db.session() as session:
            vision_repo.save_vision(session, vision, now=NOW)
            network_repo.link_me(session, self.ids[name])

    def snapshot(self, organization: str, headcount: dict[str, int]) -> None:
        with self.db.session() as session:
            run = network_repo.start_import_run(
                session,
                kind="orgchart",
                file="org.csv",
                organization=organization,
                partial=False,
                now=NOW,
            )
            network_repo.save_snapshot(session, run, organization, headcount)


def plan(me: Position, *steps: RoleOutline) -> Vision:
    return Vision(
        me=me,
        steps=list(steps),
        priorities=[
            Priority("career trajectory"),
            Priority("family life"),
            Priority("skills development"),
        ],
    )
