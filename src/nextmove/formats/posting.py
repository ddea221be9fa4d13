"""A pasted job posting (plain text, as copied from a job board, a careers page or an email)
-> the fields of an opportunity that can be read from it: title, organization, location,
remote, department, industry, a seniority label and a link. No network access.

Postings have no standard layout; the parser tries, in order: labelled fields
("Job title: …", "Company: …", "Location: …"), a Markdown heading, the job-board header
("Title" / "Company · City, ST (Hybrid)"), a Greenhouse-style "at Company" line, and prose
("Acme is hiring a Director of Product in Denver"). What it cannot find stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nextmove.domain.titles import infer_title
from nextmove.errors import UserError

MAX_TITLE_WORDS = 12
HEADER_LINES = 4  # a job board's header: the title is among the first lines

_LABELS = {
    "title": r"job\s*title|position\s*title|title|position|role|job",
    "organization": r"company(?:\s*name)?|organi[sz]ation|employer|hiring\s+company",
    "location": r"locations?|job\s*locations?|city|office|based\s+in",
    "workplace": r"workplace(?:\s*type)?|work\s*(?:type|model|arrangement)|remote",
    "department": r"department|function|team|job\s*function|job\s*family",
    "industry": r"industry|sector|industries",
    "seniority": r"seniority(?:\s*level)?|level|experience\s*level|career\s*level",
}
_LABEL_LINE = {
    key: re.compile(rf"^(?:{pattern})\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)
    for key, pattern in _LABELS.items()
}
# Lines that are section headings, never a title or an organization.
_SECTION = re.compile(
    r"^(about(\s+(the|this)\s+(job|role|position|team|company|opportunity)|\s+us|\s+you)?|"
    r"job\s+description|description|responsibilities|requirements|qualifications|benefits|"
    r"what\s+you('ll| will)\s+do|who\s+you\s+are|overview|summary|apply(\s+now)?|"
    r"full[- ]time|part[- ]time|contract|permanent|hybrid|on[- ]site|remote|easy apply|save|"
    r"job details|posted .*|\d+\s+applicants.*|show more.*)$",
    re.IGNORECASE,
)
_US_CITY = re.compile(
    r"\b(?P<city>[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){0,3}),\s*(?P<region>[A-Z]{2})\b"
)
_CITY_COUNTRY = re.compile(
    r"\b(?P<city>[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+){0,2}),\s*"
    r"(?P<region>(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})\b"
)
_REMOTE = re.compile(
    r"\b(fully\s+remote|100%\s+remote|remote[- ]first|remote\s+\(|\(remote\)|remote\s+position|"
    r"remote\s+role|work\s+from\s+anywhere|remote\s*[-–—·|]|[-–—·|]\s*remote\b|^remote\b)",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_REMOTE = re.compile(r"\b(not|no)\s+remote\b|\bon[- ]site\s+only\b", re.IGNORECASE)
_PROSE_HIRING = re.compile(
    r"(?P<org>[A-Z][\w&.'\- ]{1,60}?)\s+is\s+(?:hiring|looking\s+for|seeking)\s+"
    r"(?:an?\s+|our\s+(?:next|first|new)\s+)?(?P<title>[A-Z][\w,&/'\- ]{2,80}?)"
    r"(?:\s+(?:to|who|in|at|for|based|with)\b|[.,;(]|$)",
)
_PROSE_TITLE = re.compile(
    r"(?:we\s+are|we're)\s+(?:hiring|looking\s+for|seeking)\s+(?:an?\s+)?"
    r"(?P<title>[A-Z][\w,&/'\- ]{2,80}?)(?:\s+(?:to|who|in|at|for|based|with)\b|[.,;(]|$)",
    re.IGNORECASE,
)
_PROSE_CITY = re.compile(
    r"\b(?:in|based\s+in|from\s+our)\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
_GREETING = re.compile(r"^(hi|hello|hey|dear|greetings|good\s+(morning|afternoon))\b", re.I)
# "a lateral move within Northwind Health", "this role at Cedar Health"
_PROSE_ORG = re.compile(
    r"\b(?:move|role|position|opening|job|opportunity|team)\s+(?:with|within|at)\s+"
    r"(?P<org>[A-Z][\w&'\-]+(?:\s+[A-Z][\w&'\-]+){0,3})"
)
_URL = re.compile(r"https?://[^\s<>\"')]+")
_AT_ORG = re.compile(r"^at\s+(?P<org>.+?)(?:\s*\(.*\))?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[·•|–—]\s+|\s+-\s+")
# What follows the title on its own line is the organization only after these ("Title · Org",
# "Title at Org"); "Title - Scheduling" is a team, not an organization.
_BESIDE = re.compile(r"\s+[·•|]\s+|\s+at\s+")
_CAREERS_AT = re.compile(r"^(?:careers|jobs|work|join\s+us)\s+at\s+(?P<org>.+)$", re.IGNORECASE)


@dataclass(slots=True)
class Posting:
    title: str = ""
    organization: str = ""
    city: str = ""
    remote: bool = False
    location: str = ""  # the location as written
    department: str = ""
    industry: str = ""
    seniority: str = ""  # a seniority label as written ("Mid-Senior level", "Director")
    link: str = ""
    duties: list[str] = field(default_factory=list)  # what the work is made of, as activities
    found: list[str] = field(default_factory=list)  # how each field was found


MAX_DUTIES = 12
MAX_DUTY_CHARS = 80
# Headings of the part of a posting that says what the work is.
_DUTIES_HEADING = re.compile(
    r"^(key\s+|main\s+|core\s+|your\s+)?(responsibilities|duties|accountabilities)|"
    r"^what\s+you('ll|\s+will)\s+(do|own|work\s+on)|^in\s+this\s+role(,)?\s+you('ll|\s+will)|"
    r"^(the\s+)?role(\s+involves)?$|^day[- ]to[- ]day|^your\s+(impact|mission|day)|"
    r"^what\s+the\s+job\s+involves|^you\s+will$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+(?P<text>\S.*)$")
_HEADING_LINE = re.compile(r"^\s*(#{1,6}\s+\S.*|[^.!?]{2,60}:\s*|\*\*[^*]{2,60}\*\*\s*)$")


def _as_activity(text: str) -> str:
    """A duty line -> a short activity: the first clause, without a trailing full stop,
    cut at a word boundary."""
    text = re.split(r"\s*(?:;|\s[—–]\s|\.\s)", _clean_line(text), maxsplit=1)[0]
    text = text.strip(" .,:")
    if len(text) > MAX_DUTY_CHARS:
        text = text[:MAX_DUTY_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:")
    return text


def read_duties(text: str) -> list[str]:
    """The bullet points under a posting's responsibilities heading ("Responsibilities",
    "What you'll do", "Key duties", …) as short activities; at most MAX_DUTIES."""
    duties: list[str] = []
    inside = bulleted = False
    for raw in text.splitlines():
        line = _clean_line(raw)
        if not line:
            continue
        bullet = _BULLET.match(raw)
        heading = not bullet and (_HEADING_LINE.match(raw) or _SECTION.match(line))
        if heading or (not bullet and _DUTIES_HEADING.match(line)):
            inside = bool(_DUTIES_HEADING.match(line.strip("#*: ")))
            bulleted = False
            continue
        if inside and not bullet and (bulleted or _URL.search(line)):
            inside = False  # a plain line after the bullet points: the list is over
        bulleted = bulleted or bool(bullet)
        if inside and (bullet or len(line) <= 2 * MAX_DUTY_CHARS):
            duty = _as_activity(bullet.group("text") if bullet else line)
            if len(duty) >= 3 and duty.lower() not in (d.lower() for d in duties):
                duties.append(duty)
                if len(duties) >= MAX_DUTIES:
                    break
    return duties


def decode_posting(raw: bytes, source: str) -> str:
    """Bytes of a pasted posting -> text; a clear UserError for empty or binary files."""
    if b"\x00" in raw[:4096]:
        raise UserError(
            f"{source}: looks like a binary file, not a pasted job posting",
            hint="Copy the posting's text from the page into a plain-text file (.txt) and "
            "pass that file.",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise UserError(
                f"{source}: not text (neither UTF-8 nor Windows-1252)",
                hint="Save the posting as plain UTF-8 text.",
            ) from None
    if not text.strip():
        raise UserError(
            f"{source}: the file is empty",
            hint="Paste the job posting's text into the file, then run the command again.",
        )
    return text


def _clean_line(line: str) -> str:
    line = re.sub(r"^\s*(#{1,6}\s*|[-*•]\s+)", "", line)
    line = line.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", line).strip()


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_TITLE_WORDS or line.endswith((".", "!", "?", ":")):
        return False
    if _SECTION.match(line) or _URL.search(line):
        return False
    # The same reader as every other title (its lexicon; the O*NET reference is not needed
    # to tell a title from a sentence): a level, or a function it is fairly sure of.
    guess = infer_title(line)
    return guess.level is not None or guess.function_confidence >= 0.6


def _looks_like_org(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 6
        and not line.endswith((".", "!", "?", ":", ","))
        and ": " not in line
        and "@" not in line
        and not _GREETING.match(line)
        and not _SECTION.match(line)
        and not _URL.search(line)
        and not _US_CITY.search(line)
        and line[0].isupper()
    )


def _split_location(text: str) -> tuple[str, bool]:
    """'Chicago, IL 60601 (Hybrid)' -> ('Chicago', False); 'Remote (US)' -> ('', True)."""
    remote = bool(re.search(r"\bremote\b", text, re.IGNORECASE)) and not _NOT_REMOTE.search(text)
    cleaned = re.sub(r"\(.*?\)", "", text)
    cleaned = re.sub(r"\b(remote|hybrid|on[- ]site|onsite)\b", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"\d{4,}", "", cleaned).strip(" ,;/-–—|·")
    city = cleaned.split(",")[0].strip(" ,;/-–—|·")
    city = re.split(r"\s+(?:or|and|/)\s+", city)[0].strip()
    return city, remote


def _header_location(line: str) -> str:
    match = _US_CITY.search(line) or _CITY_COUNTRY.search(line)
    if match:
        return match.group(0)
    if re.fullmatch(r"\(?remote\b.*", line.strip(), re.IGNORECASE):
        return line.strip()
    return ""


def parse_posting(text: str) -> Posting:
    """Read what can be read from a pasted posting; missing fields stay empty."""
    posting = Posting()
    lines = [c for c in (_clean_line(raw) for raw in text.splitlines()) if c]
    raw_lines = text.splitlines()

    # 1. Labelled fields.
    for line in lines:
        for key, pattern in _LABEL_LINE.items():
            match = pattern.match(line)
            if not match:
                continue
            value = match.group("value").strip()
            if key == "title" and not posting.title:
                posting.title = value
                posting.found.append("title: labelled")
            elif key == "organization" and not posting.organization:
                posting.organization = value
                posting.found.append("organization: labelled")
            elif key == "location" and not posting.location:
                posting.location = value
                posting.found.append("location: labelled")
            elif key == "workplace" and re.search(r"\bremote\b", value, re.IGNORECASE):
                posting.remote = True
            elif key == "department" and not posting.department:
                posting.department = value
            elif key == "industry" and not posting.industry:
                posting.industry = value
            elif key == "seniority" and not posting.seniority:
                posting.seniority = value
            break

    # 2. A Markdown heading, else the first line that reads like a job title.
    title_index = None
    if not posting.title:
        for raw in raw_lines:
            if re.match(r"^\s*#{1,3}\s+\S", raw) and _looks_like_title(_clean_line(raw)):
                posting.title = _clean_line(raw)
                posting.found.append("title: heading")
                break
    if not posting.title:
        for index, line in enumerate(lines[:HEADER_LINES]):
            head = _SEPARATORS.split(line)[0]
            if _looks_like_title(head):
                posting.title = head
                title_index = index
                posting.found.append("title: first line that reads like a title")
                beside = _BESIDE.split(line)[1:]
                if beside and not posting.organization and _looks_like_org(beside[0]):
                    posting.organization = beside[0]
                    posting.found.append("organization: beside the title")
                break
    if title_index is None and posting.title:
        title_index = next((i for i, line in enumerate(lines) if posting.title in line), None)
    if not posting.organization:
        for line in lines[:HEADER_LINES]:
            if match := _CAREERS_AT.match(line):
                posting.organization = match.group("org").strip()
                posting.found.append("organization: 'Careers at …'")
                break

    # 3. The lines under the title: "at Company", "Company · City, ST", "Company", "City, ST".
    if title_index is not None:
        for line in lines[title_index + 1 : title_index + 4]:
            if any(p.match(line) for p in _LABEL_LINE.values()):
                continue
            if not posting.organization and (match := _AT_ORG.match(line)):
                posting.organization = match.group("org").strip()
                posting.found.append("organization: 'at …' under the title")
                continue
            parts = _SEPARATORS.split(line)
            if not posting.organization and len(parts) > 1 and _looks_like_org(parts[0]):
                posting.organization = parts[0]
                posting.found.append("organization: job-board header")
                location = next((_header_location(p) for p in parts[1:] if _header_location(p)), "")
                if location and not posting.location:
                    posting.location = " ".join(parts[1:])
                    posting.found.append("location: job-board header")
                continue
            if not posting.location and _header_location(line):
                posting.location = line
                posting.found.append("location: under the title")
                continue
            if not posting.organization and _looks_like_org(line) and not _looks_like_title(line):
                posting.organization = line
                posting.found.append("organization: line under the title")

    # 4. Prose: "Acme is hiring a Director of Product in Denver."
    body = " ".join(lines)
    if not posting.title or not posting.organization:
        match = _PROSE_HIRING.search(body)
        if match and _looks_like_title(match.group("title").strip()):
            if not posting.title:
                posting.title = match.group("title").strip()
                posting.found.append("title: prose")
            if not posting.organization:
                org = re.sub(r"^(?:At|We at)\s+", "", match.group("org").strip())
                posting.organization = org.split(". ")[-1].strip()
                posting.found.append("organization: prose")
    if not posting.title:
        match = _PROSE_TITLE.search(body)
        if match and _looks_like_title(match.group("title").strip()):
            posting.title = match.group("title").strip()
            posting.found.append("title: prose")
    if not posting.organization and (match := _PROSE_ORG.search(body)):
        posting.organization = match.group("org").strip()
        posting.found.append("organization: prose")
    if not posting.organization:
        for line in lines:
            match = re.match(r"^about\s+(?P<org>[A-Z][\w&.'\- ]{1,60})$", line)
            if match and not _SECTION.match(line):
                posting.organization = match.group("org").strip()
                posting.found.append("organization: 'About …' section")
                break

    # 5. Location and remote.
    if posting.location:
        city, remote = _split_location(posting.location)
        posting.city = city
        posting.remote = posting.remote or remote
    if not posting.remote and _REMOTE.search(text) and not _NOT_REMOTE.search(text):
        posting.remote = True
    if not posting.city and not posting.location:
        match = _PROSE_CITY.search(body[:600])
        if match and posting.title and match.group("city") not in posting.title:
            candidate = match.group("city")
            if not re.match(r"^(The|Our|A|An|This)\b", candidate):
                posting.city = candidate
                posting.found.append("city: prose")

    posting.duties = read_duties(text)
    if posting.duties:
        posting.found.append(f"duties: {len(posting.duties)} under the responsibilities heading")
    if match := _URL.search(text):
        posting.link = match.group(0).rstrip(".,;")
    posting.title = posting.title.strip(" ,;-–—")
    posting.organization = posting.organization.strip(" ,;-–—")
    return posting
