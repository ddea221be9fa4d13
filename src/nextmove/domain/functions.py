"""The functions (kinds of work) nextmove knows. A closed list keeps filters and matching honest;
`other` holds what fits none of them."""

from __future__ import annotations

import difflib

from nextmove.errors import UserError

FUNCTIONS: dict[str, str] = {
    "engineering": "Software, hardware and other engineering",
    "product": "Product management",
    "design": "Design, UX and research",
    "data": "Data science, analytics and data engineering",
    "marketing": "Marketing, product marketing, communications",
    "sales": "Sales and business development",
    "customer-success": "Customer success, support and service",
    "finance": "Finance, accounting and investment",
    "operations": "Operations, supply chain, program management",
    "people": "People, HR, recruiting and learning",
    "legal": "Legal, compliance and risk",
    "it": "IT, security and infrastructure",
    "research": "Research and science",
    "consulting": "Consulting and strategy",
    "healthcare": "Clinical and health care practice",
    "education": "Teaching and education",
    "executive": "General management and executive leadership",
    "other": "Anything else",
}

_ALIASES = {
    "eng": "engineering",
    "software": "engineering",
    "pm": "product",
    "product management": "product",
    "ux": "design",
    "analytics": "data",
    "data science": "data",
    "product marketing": "marketing",
    "comms": "marketing",
    "bizdev": "sales",
    "business development": "sales",
    "support": "customer-success",
    "customer success": "customer-success",
    "hr": "people",
    "human resources": "people",
    "recruiting": "people",
    "ops": "operations",
    "strategy": "consulting",
    "management": "executive",
    "general management": "executive",
}


def parse_function(value: str, *, field: str = "function") -> str:
    text = str(value).strip().lower()
    text = _ALIASES.get(text, text).replace("_", "-")
    text = _ALIASES.get(text.replace("-", " "), text)
    if text in FUNCTIONS:
        return text
    guess = difflib.get_close_matches(text, list(FUNCTIONS) + list(_ALIASES), n=1, cutoff=0.7)
    suggestion = f"; did you mean {_ALIASES.get(guess[0], guess[0])!r}?" if guess else ""
    raise UserError(f"unknown function {value!r}{suggestion}", hint=functions_hint(), field=field)


def functions_hint() -> str:
    return "Functions: " + ", ".join(FUNCTIONS) + "."
