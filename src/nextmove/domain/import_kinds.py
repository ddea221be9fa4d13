"""The registry of import kinds: one row per source of people nextmove reads, and everything
else derives from it — the CLI's `nextmove import KIND` commands, the web import form, the
API's `kind` choices, docs/import.md's sections (a test checks), how much each source's word
counts when records merge (domain.merge), and which sources make someone a direct contact
(store.suggest). Each kind's reader is registered under its name in services.imports
(`READERS`; a test checks the two agree).

Adding a source:
- a file format: a row here, a reader in services.imports, a section in docs/import.md;
- a source that is not a file (the CardDAV address books of `nextmove sync`): a row with
  `from_file=False` — its records merge and count as contacts like a file's, but it is not
  offered by `nextmove import`, the import form or `POST /api/imports`, which read files.
The org chart stays one row whatever stores it (its reader decides where its people go)."""

from __future__ import annotations

from dataclasses import dataclass

from nextmove.errors import UserError

# How much a source's word counts for someone's current position: a record from a source at
# least as authoritative as the one that set the position may change it (domain.merge).
USER_AUTHORITY = 3  # what you said yourself (`people edit`, the person form)
FILE_AUTHORITY = 2  # a record the person keeps up to date themselves, or HR does
ADDRESS_BOOK_AUTHORITY = 1  # an address book: often years out of date


@dataclass(frozen=True, slots=True)
class ImportKind:
    name: str  # `nextmove import NAME`, the form's value, the API's `kind`, the source's kind
    label: str  # as the import form names it
    summary: str  # the CLI command's help
    what: str  # one line: what the file is and what the import does with it
    where: str  # where to get the file
    path_help: str  # the CLI's PATH argument
    accept: str  # the web file input's `accept`
    authority: int  # see above
    contact_source: bool  # its people are people you know (direct contacts for warm paths)
    options: tuple[str, ...] = ()  # the import options only this kind takes
    from_file: bool = True  # offered by `nextmove import`, the import form and the API
    interactions: bool = False  # what it adds is interactions (the report counts them)


ORGCHART_OPTIONS = ("organization", "column_map", "me")

REGISTRY: tuple[ImportKind, ...] = (
    ImportKind(
        name="linkedin",
        label="LinkedIn connections",
        summary="Import LinkedIn connections (Connections.csv in any of its shapes), or the "
        "export ZIP with invitations and messages as interactions.",
        what="Connections.csv, or LinkedIn's whole export ZIP (its invitations and messages "
        "become interactions).",
        where="On LinkedIn: Me → Settings & Privacy → Data privacy → Get a copy of your data → "
        "Connections. The file arrives by email within minutes (the full archive within a day).",
        path_help="Connections.csv, or LinkedIn's whole export ZIP.",
        accept=".csv,.zip,text/csv,application/zip",
        authority=FILE_AUTHORITY,
        contact_source=True,
    ),
    ImportKind(
        name="vcard",
        label="vCards (.vcf)",
        summary="Import vCards (2.1, 3.0, 4.0) from any address book: Apple, Google, Outlook, "
        "Android…",
        what="One file with one or many contact cards, from any address book (vCard 2.1, 3.0, "
        "4.0).",
        where="Apple Contacts: select the contacts → File → Export → Export vCard. Outlook, "
        "Android, Thunderbird and most phones export .vcf files too.",
        path_help="A .vcf file (one or many cards) or a folder of them.",
        accept=".vcf,.vcard,text/vcard,text/x-vcard",
        authority=ADDRESS_BOOK_AUTHORITY,
        contact_source=True,
    ),
    ImportKind(
        name="google",
        label="Google Contacts (CSV)",
        summary="Import a Google Contacts CSV export.",
        what="A Google Contacts export, current or legacy columns.",
        where="contacts.google.com → Export → Google CSV.",
        path_help="A Google Contacts CSV export (current or legacy).",
        accept=".csv,text/csv",
        authority=ADDRESS_BOOK_AUTHORITY,
        contact_source=True,
    ),
    ImportKind(
        name="orgchart",
        label="An org chart (CSV)",
        summary="Import an org chart: people, manager/report ties and exact depth in the tree. "
        "Cycles, unknown managers and duplicate ids are reported with their lines.",
        what="One row per employee with their id and their manager's id: kept in your "
        "organization directory as a snapshot — who reports to whom, who joined, left or moved "
        "since the last one.",
        where="Ask HR or export your company directory; fill in the org chart options below.",
        path_help="A CSV of the organization, one row per employee.",
        accept=".csv,text/csv",
        authority=FILE_AUTHORITY,
        contact_source=False,  # colleagues on a chart are not people you know
        options=ORGCHART_OPTIONS,
    ),
    ImportKind(
        name="ics",
        label="A calendar (.ics)",
        summary="Import a calendar: past events with people in your network become "
        "interactions, so last-contact dates come from your real calendar.",
        what="Past events with people already in your network become interactions, so "
        "last-contact dates come from your real calendar.",
        where="Google Calendar: Settings → Import & export → Export. Outlook: File → Save "
        "Calendar.",
        path_help="A calendar export (.ics).",
        accept=".ics,text/calendar",
        authority=ADDRESS_BOOK_AUTHORITY,
        contact_source=True,
        interactions=True,
    ),
)

KINDS_BY_NAME = {kind.name: kind for kind in REGISTRY}
FILE_KINDS: tuple[ImportKind, ...] = tuple(k for k in REGISTRY if k.from_file)
FILE_KIND_NAMES: tuple[str, ...] = tuple(k.name for k in FILE_KINDS)
# Every option some kind takes (the others refuse them).
ALL_OPTIONS: tuple[str, ...] = tuple(dict.fromkeys(o for k in REGISTRY for o in k.options))


def file_kind(name: str) -> ImportKind:
    """The kind of file called `name`, or a UserError listing the kinds."""
    kind = KINDS_BY_NAME.get(name)
    if kind is None or not kind.from_file:
        raise UserError(
            f"unknown import kind {name!r}", hint="Kinds: " + ", ".join(FILE_KIND_NAMES) + "."
        )
    return kind


def authorities() -> dict[str, int]:
    """Each source's authority by its kind name (domain.merge adds you and the demo)."""
    return {kind.name: kind.authority for kind in REGISTRY}


def contact_sources() -> tuple[str, ...]:
    """The kinds whose records are people you know."""
    return tuple(kind.name for kind in REGISTRY if kind.contact_source)
