"""WebDAV / CardDAV XML (RFC 4918, 6352, 6578, 5397, 6764): request bodies built with lxml,
multistatus responses read with lxml's parser set not to resolve entities or reach the
network. A response that is not well-formed XML, or not a multistatus, is a ValueError with a
readable reason (the caller words it for the user with the server's address)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

DAV = "DAV:"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
NSMAP = {"d": DAV, "c": CARDDAV}
# A response larger than this is not an address book listing nextmove can use.
MAX_RESPONSE_BYTES = 200 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True
    )


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _body(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


def propfind_body(props: Iterable[tuple[str, str]]) -> bytes:
    """<propfind><prop>…</prop></propfind> asking for (namespace, name) properties."""
    root = etree.Element(_q(DAV, "propfind"), nsmap=NSMAP)
    prop = etree.SubElement(root, _q(DAV, "prop"))
    for ns, name in props:
        etree.SubElement(prop, _q(ns, name))
    return _body(root)


def sync_collection_body(token: str | None) -> bytes:
    """RFC 6578 REPORT: what changed since `token` (all members when None)."""
    root = etree.Element(_q(DAV, "sync-collection"), nsmap=NSMAP)
    etree.SubElement(root, _q(DAV, "sync-token")).text = token or ""
    etree.SubElement(root, _q(DAV, "sync-level")).text = "1"
    prop = etree.SubElement(root, _q(DAV, "prop"))
    etree.SubElement(prop, _q(DAV, "getetag"))
    return _body(root)


def multiget_body(hrefs: Iterable[str]) -> bytes:
    """RFC 6352 addressbook-multiget REPORT for the cards at `hrefs`."""
    root = etree.Element(_q(CARDDAV, "addressbook-multiget"), nsmap=NSMAP)
    prop = etree.SubElement(root, _q(DAV, "prop"))
    etree.SubElement(prop, _q(DAV, "getetag"))
    etree.SubElement(prop, _q(CARDDAV, "address-data"))
    for href in hrefs:
        etree.SubElement(root, _q(DAV, "href")).text = href
    return _body(root)


@dataclass(slots=True)
class Response:
    """One <response> of a multistatus: its href (a path, unquoted), HTTP status code of the
    found properties (or of the response itself), and the properties found."""

    href: str
    status: int
    etag: str | None = None
    data: str | None = None
    resourcetypes: tuple[str, ...] = ()
    hrefs: dict[str, str] | None = None  # property name -> href inside it
    supported_reports: tuple[str, ...] = ()


@dataclass(slots=True)
class Multistatus:
    responses: list[Response]
    sync_token: str | None = None


def _status_code(text: str | None) -> int:
    # "HTTP/1.1 200 OK"
    parts = (text or "").split()
    try:
        return int(parts[1])
    except (IndexError, ValueError):
        return 0


def normalize_href(href: str, base: str) -> str:
    """An href as a path (percent-decoded), resolved against the request URL."""
    return unquote(urlsplit(urljoin(base, href.strip())).path)


def parse_multistatus(content: bytes, base: str) -> Multistatus:
    if len(content) > MAX_RESPONSE_BYTES:
        raise ValueError(f"the response is larger than {MAX_RESPONSE_BYTES // 2**20} MB")
    try:
        root = etree.fromstring(content, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"the response is not XML ({exc.msg})") from None
    if root is None or root.tag != _q(DAV, "multistatus"):
        tag = getattr(root, "tag", "nothing")
        raise ValueError(f"the response is not a WebDAV multistatus (got {tag!r})")
    responses: list[Response] = []
    for node in root.findall("d:response", NSMAP):
        href_node = node.find("d:href", NSMAP)
        if href_node is None or not (href_node.text or "").strip():
            continue
        response = Response(href=normalize_href(href_node.text or "", base), status=0)
        top_status = node.find("d:status", NSMAP)
        if top_status is not None:
            response.status = _status_code(top_status.text)
        for propstat in node.findall("d:propstat", NSMAP):
            code = _status_code(propstat.findtext("d:status", namespaces=NSMAP))
            if code != 200:
                continue
            response.status = response.status or 200
            prop = propstat.find("d:prop", NSMAP)
            if prop is None:
                continue
            for child in prop:
                _read_prop(response, child, base)
        responses.append(response)
    token = root.findtext("d:sync-token", namespaces=NSMAP)
    return Multistatus(responses, token.strip() if token else None)


def _read_prop(response: Response, child: etree._Element, base: str) -> None:
    tag = child.tag
    if tag == _q(DAV, "getetag"):
        response.etag = (child.text or "").strip() or None
    elif tag == _q(CARDDAV, "address-data"):
        response.data = child.text or ""
    elif tag == _q(DAV, "resourcetype"):
        response.resourcetypes = tuple(etree.QName(t).localname for t in child)
    elif tag == _q(DAV, "supported-report-set"):
        response.supported_reports = tuple(
            etree.QName(r).localname
            for r in child.iter()
            if r.getparent() is not None and r.getparent().tag == _q(DAV, "report")
        )
    else:
        href = child.find("d:href", NSMAP)
        if href is not None and href.text:
            response.hrefs = response.hrefs or {}
            response.hrefs[etree.QName(tag).localname] = normalize_href(href.text, base)
