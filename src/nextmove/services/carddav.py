"""A CardDAV address book as a storage, the vdirsyncer way: list (href, etag), changes since a
sync token (RFC 6578) where the server offers it, get many, and create / update / delete
guarded by etags (`If-None-Match: *`, `If-Match`). httpx speaks HTTP; formats.dav_xml builds
and reads the XML. Every failure is a RemoteError that names the server and says what to do;
a lost precondition (HTTP 412: the card changed or appeared meanwhile) is `Changed`, which
the sync turns into a conflict instead of an error."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import httpx

from nextmove.errors import RemoteError, UserError
from nextmove.formats import dav_xml
from nextmove.formats.dav_xml import CARDDAV, DAV, Multistatus

TIMEOUT_SECONDS = 30.0
MULTIGET_BATCH = 200
MAX_CARD_BYTES = 1024 * 1024
VCARD_TYPE = "text/vcard; charset=utf-8"


class Changed(Exception):
    """The server's copy is not the one the write was based on (HTTP 412)."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What the server lists: every member (href -> etag) on a full listing, or what changed
    and what went since the last sync token."""

    etags: dict[str, str]
    deleted: frozenset[str]
    token: str | None
    incremental: bool


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


class CardDAVStorage:
    def __init__(
        self,
        url: str,
        *,
        username: str,
        password: str,
        timeout: float = TIMEOUT_SECONDS,
        transport: httpx.BaseTransport | None = None,
    ):
        self.url = url if url.endswith("/") else url + "/"
        self.client = httpx.Client(
            auth=httpx.BasicAuth(username, password) if username else None,
            timeout=timeout,
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": "nextmove"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> CardDAVStorage:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ------------------------------------------------------------------ HTTP

    def _request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        ok: Sequence[int] = (200, 201, 204, 207),
        redirects: int = 0,
    ) -> httpx.Response:
        try:
            response = self.client.request(method, url, content=body, headers=headers or {})
        except httpx.TimeoutException:
            raise RemoteError(
                f"{_where(url)}: the server did not answer within {self.client.timeout.read:g} s",
                hint="Check the address and that the server is up, then run the sync again.",
            ) from None
        except (httpx.TransportError, ValueError) as exc:
            raise RemoteError(
                f"{_where(url)}: cannot reach the server ({type(exc).__name__}: {exc})",
                hint="Check the address (nextmove sync list) and your connection; nothing "
                "was changed.",
            ) from None
        if response.status_code in (301, 302, 307, 308) and redirects < 5:
            target = urljoin(url, response.headers.get("location", ""))
            here, there = urlsplit(url), urlsplit(target)
            # The password goes with every request: never to another host, never from
            # https down to http.
            if there.hostname != here.hostname or (here.scheme, there.scheme) == ("https", "http"):
                raise RemoteError(
                    f"{_where(url)}: the server sends nextmove to {_where(target)}, another "
                    "address; your password is not sent there",
                    hint=f"If that is your server, add the account with --carddav {_where(target)}",
                )
            return self._request(
                method, target, body=body, headers=headers, ok=ok, redirects=redirects + 1
            )
        if response.status_code == 412:
            raise Changed(url)
        if response.status_code == 401:
            raise RemoteError(
                f"{_where(url)}: the server refused the user name or password (HTTP 401)",
                hint="Check the user name and password (an app password where your provider "
                "asks for one). To change a saved password, remove the account and add it "
                "again.",
            )
        if response.status_code == 403:
            raise RemoteError(
                f"{_where(url)}: the server does not allow this user to do that (HTTP 403)",
                hint="Check the address book belongs to this user.",
            )
        if response.status_code not in ok:
            raise RemoteError(
                f"{_where(url)}: {method} answered HTTP {response.status_code} "
                f"{response.reason_phrase}",
                hint="Check the address is a CardDAV address book; nothing was changed.",
            )
        return response

    def _multistatus(self, method: str, url: str, body: bytes, depth: str) -> Multistatus:
        response = self._request(
            method,
            url,
            body=body,
            headers={"Depth": depth, "Content-Type": "application/xml; charset=utf-8"},
            ok=(207,),
        )
        try:
            return dav_xml.parse_multistatus(response.content, str(response.url))
        except ValueError as exc:
            raise RemoteError(
                f"{_where(url)}: the server's answer to {method} cannot be read: {exc}",
                hint="Is this a CardDAV server? Check the address; nothing was changed.",
            ) from None

    def href_url(self, href: str) -> str:
        return urljoin(self.url, quote(href))

    # ------------------------------------------------------------------ discovery

    def discover(self) -> str:
        """The address book's URL: the given one when it is an address book, else the first
        address book of the user's home set, found through /.well-known/carddav (RFC 6764),
        current-user-principal (RFC 5397) and addressbook-home-set (RFC 6352)."""
        props = [(DAV, "resourcetype"), (DAV, "current-user-principal")]
        found = self._multistatus("PROPFIND", self.url, dav_xml.propfind_body(props), "0")
        if _is_addressbook(found, self.url):
            return self.url
        principal = _first_href(found, "current-user-principal")
        if principal is None:
            well_known = urljoin(self.url, "/.well-known/carddav")
            try:
                found = self._multistatus("PROPFIND", well_known, dav_xml.propfind_body(props), "0")
            except RemoteError:
                found = Multistatus([])
            principal = _first_href(found, "current-user-principal")
        if principal is None:
            raise RemoteError(
                f"{_where(self.url)}: neither an address book nor a server that says where "
                "yours is",
                hint="Give the address book's own URL with --carddav.",
            )
        home_props = [(CARDDAV, "addressbook-home-set")]
        found = self._multistatus(
            "PROPFIND", self.href_url(principal), dav_xml.propfind_body(home_props), "0"
        )
        home = _first_href(found, "addressbook-home-set")
        if home is None:
            raise RemoteError(f"{_where(self.url)}: the server names no address book home")
        home_url = self.href_url(home if home.endswith("/") else home + "/")
        listing = self._multistatus(
            "PROPFIND", home_url, dav_xml.propfind_body([(DAV, "resourcetype")]), "1"
        )
        books = sorted(r.href for r in listing.responses if "addressbook" in r.resourcetypes)
        if not books:
            raise RemoteError(
                f"{_where(home_url)}: this user has no address book",
                hint="Create one in your contacts app or server first.",
            )
        return self.href_url(books[0])

    def supports_sync_collection(self) -> bool:
        found = self._multistatus(
            "PROPFIND", self.url, dav_xml.propfind_body([(DAV, "supported-report-set")]), "0"
        )
        return any("sync-collection" in r.supported_reports for r in found.responses)

    # ------------------------------------------------------------------ reading

    def list(self) -> dict[str, str]:
        """Every card: href (a path) -> etag."""
        found = self._multistatus(
            "PROPFIND",
            self.url,
            dav_xml.propfind_body([(DAV, "resourcetype"), (DAV, "getetag")]),
            "1",
        )
        own = urlsplit(self.url).path.rstrip("/")
        return {
            r.href: r.etag
            for r in found.responses
            if r.href.rstrip("/") != own and not r.resourcetypes and r.etag and r.status == 200
        }

    def changes(self, token: str | None) -> Changes:
        """What changed since `token` through sync-collection; when the server offers no
        such report, or no longer knows the token, the full listing."""
        if token is not None or self.supports_sync_collection():
            try:
                found = self._multistatus(
                    "REPORT", self.url, dav_xml.sync_collection_body(token), "0"
                )
            except RemoteError:
                if token is None:
                    raise
                found = None  # an expired or unknown token: start over from a listing
            if found is not None and found.sync_token:
                etags: dict[str, str] = {}
                deleted: set[str] = set()
                for r in found.responses:
                    if r.status == 404:
                        deleted.add(r.href)
                    elif r.etag and not r.resourcetypes:
                        etags[r.href] = r.etag
                return Changes(etags, frozenset(deleted), found.sync_token, token is not None)
        return Changes(self.list(), frozenset(), None, False)

    def get_many(self, hrefs: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(href, etag, vCard text) of each card that still exists."""
        wanted = list(hrefs)
        for start in range(0, len(wanted), MULTIGET_BATCH):
            batch = wanted[start : start + MULTIGET_BATCH]
            found = self._multistatus("REPORT", self.url, dav_xml.multiget_body(batch), "1")
            for r in found.responses:
                if r.status != 200 or r.data is None or r.etag is None:
                    continue
                if len(r.data.encode()) > MAX_CARD_BYTES:
                    continue
                yield r.href, r.etag, r.data

    # ------------------------------------------------------------------ writing

    def _etag_after_write(self, response: httpx.Response, href: str) -> str:
        etag = response.headers.get("etag")
        if etag:
            return etag
        found = self._multistatus(
            "PROPFIND", self.href_url(href), dav_xml.propfind_body([(DAV, "getetag")]), "0"
        )
        for r in found.responses:
            if r.etag:
                return r.etag
        raise RemoteError(f"{_where(self.href_url(href))}: the server gave the card no etag")

    def create(self, href: str, card: str) -> str:
        """Upload a new card at `href`; fails with Changed when something is already there."""
        response = self._request(
            "PUT",
            self.href_url(href),
            body=card.encode(),
            headers={"If-None-Match": "*", "Content-Type": VCARD_TYPE},
        )
        return self._etag_after_write(response, href)

    def update(self, href: str, card: str, etag: str) -> str:
        response = self._request(
            "PUT",
            self.href_url(href),
            body=card.encode(),
            headers={"If-Match": etag, "Content-Type": VCARD_TYPE},
        )
        return self._etag_after_write(response, href)

    def delete(self, href: str, etag: str) -> None:
        try:
            self._request("DELETE", self.href_url(href), headers={"If-Match": etag})
        except RemoteError as exc:
            if "HTTP 404" not in exc.message:
                raise


def _is_addressbook(found: Multistatus, url: str) -> bool:
    own = urlsplit(url).path.rstrip("/")
    return any(
        "addressbook" in r.resourcetypes and r.href.rstrip("/") == own for r in found.responses
    )


def _first_href(found: Multistatus, prop: str) -> str | None:
    for r in found.responses:
        if r.hrefs and prop in r.hrefs:
            return r.hrefs[prop]
    return None


def check_url(url: str, *, field: str) -> str:
    """A DAV address the user typed: http(s) with a host, nothing else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(
            f"{url!r} is not an http(s) address",
            field=field,
            hint="Give the address book's URL, e.g. https://dav.example.com/user/contacts/.",
        )
    if parts.username or parts.password:
        raise UserError(
            "put the user name in --user and the password on standard input, not in the URL",
            field=field,
        )
    return url.strip()
