"""The organization directory as the user sees it: the organizations a workspace works with,
and one organization's history of imports. Importing is services/directory_import.py."""

from __future__ import annotations

from dataclasses import dataclass

from nextmove.domain.people import org_key
from nextmove.errors import NotFound
from nextmove.services.workspace import Workspace
from nextmove.store import directory as store
from nextmove.store.directory import OrganizationSummary, Snapshot

__all__ = [
    "History",
    "OrganizationSummary",
    "Snapshot",
    "list_organizations",
    "organization_history",
]


@dataclass(frozen=True, slots=True)
class History:
    organization: OrganizationSummary
    snapshots: list[Snapshot]


def list_organizations(ws: Workspace) -> list[OrganizationSummary]:
    """The organizations this workspace works with (it imported their chart), by name."""
    with ws.session() as session:
        return store.organizations_of(session, ws.id)


def organization_history(ws: Workspace, organization: str) -> History:
    """One organization's imports, oldest first: per snapshot its date, file, members,
    joiners, leavers, moves and title changes. `organization` is its name (any spelling
    that normalises the same: "Acme, Inc." finds "Acme") or its id."""
    with ws.session() as session:
        orgs = store.organizations_of(session, ws.id)
        wanted = organization.strip()
        key = org_key(wanted)
        found = [o for o in orgs if o.key == key or str(o.id) == wanted]
        if not found:
            known = ", ".join(o.name for o in orgs)
            raise NotFound(
                f"no organization {wanted!r} in your directory",
                hint=(
                    f"Your organizations: {known}."
                    if known
                    else "Import an org chart first: `nextmove import orgchart FILE "
                    "--organization NAME`."
                ),
            )
        return History(found[0], store.snapshots(session, found[0].id))
