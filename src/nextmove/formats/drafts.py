"""Message drafts from Jinja2 templates: the ones shipped in ``nextmove/templates/drafts/``,
each overridable by a file of the same name in ``<config_dir>/templates/drafts/``.

A template's first line is ``Subject: …``, then a blank line, then the body. Templates use
StrictUndefined: a misspelt variable is a UserError naming the template file and line, not
a silently empty gap in a message you send. See docs/templates.md.

Templates render in Jinja's immutable sandbox: a template (a file someone shared, say) can
read the draft's variables but not reach Python's internals (``__class__``, ``__globals__``),
change its data, or build a giant text (``range`` and ``*`` are bounded).
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextmove.domain.drafts import DraftKind, parse_draft_kind
from nextmove.errors import UserError

if TYPE_CHECKING:  # Jinja2 loads when a draft is rendered, not with every command
    import jinja2

MAX_REPEAT = 100_000  # the longest text or list `*` may build in a template
MAX_DRAFT = 100_000  # characters: a message, not a book
OVERRIDE_DIR = Path("templates")
TEMPLATE_DIR = "drafts"


@dataclass(frozen=True, slots=True)
class Draft:
    """A rendered message: its subject, its body, and the template file it came from."""

    kind: str
    subject: str
    body: str
    template: str

    @property
    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body}"


def template_name(kind: DraftKind | str) -> str:
    """The template's name inside the loader, e.g. ``drafts/request.j2``."""
    kind = parse_draft_kind(kind) if isinstance(kind, str) else kind
    return f"{TEMPLATE_DIR}/{kind.value}.j2"


def override_path(kind: DraftKind | str, config_dir: Path) -> Path:
    """Where a user's own version of a template goes (used instead of the built-in one)."""
    return config_dir / OVERRIDE_DIR / template_name(kind)


def builtin_template(kind: DraftKind | str) -> str:
    """The text of the shipped template, to copy and edit."""
    source, _, _ = _loader(None).get_source(_environment(None), template_name(kind))
    return source


def render_draft(
    kind: DraftKind | str, context: Mapping[str, Any], *, config_dir: Path | None = None
) -> Draft:
    """Render one draft with ``context`` (for example ``domain.drafts.draft_context``).

    The user's override in ``config_dir`` wins over the built-in template. A template that
    does not parse, uses an unknown variable, or has no ``Subject:`` line raises a UserError
    naming the file and line."""
    import jinja2

    name = template_name(kind)
    env = _environment(config_dir)
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise _template_error(exc.filename or name, exc.lineno, exc.message or str(exc)) from None
    filename = template.filename or name
    try:
        text = _bounded(template.generate(**context), filename)
    except (jinja2.TemplateError, OverflowError) as exc:  # OverflowError: a range too big
        raise _template_error(filename, _line_in(filename, exc), _describe(exc)) from None
    return _split(str(parse_draft_kind(str(kind))), text, filename)


@cache
def _environment_class() -> type[jinja2.Environment]:
    """Jinja's immutable sandbox, with `*` and `**` bounded (``'x' * 10**9`` would fill the
    memory). Built on first use, so that importing this module does not import Jinja2."""
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class DraftEnvironment(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > 100:
                raise SecurityError("exponent too large for a draft")
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if (
                        isinstance(seq, str | list | tuple)
                        and isinstance(times, int)
                        and len(seq) * times > MAX_REPEAT
                    ):
                        raise SecurityError("text too long for a draft")
            return super().call_binop(context, operator, left, right)

    return DraftEnvironment


def _environment(config_dir: Path | None) -> jinja2.Environment:
    import jinja2

    return _environment_class()(
        loader=_loader(config_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain-text e-mail, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _loader(config_dir: Path | None) -> jinja2.BaseLoader:
    import jinja2

    builtin = jinja2.PackageLoader("nextmove", "templates")
    if config_dir is None:
        return builtin
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(config_dir / OVERRIDE_DIR), builtin])


def _bounded(chunks: Any, filename: str) -> str:
    """The rendered text, refused once it grows past MAX_DRAFT characters."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_DRAFT:
            raise _template_error(filename, None, f"the draft grows past {MAX_DRAFT} characters")
        parts.append(chunk)
    return "".join(parts)


def _line_in(filename: str, exc: BaseException) -> int | None:
    """The template line where rendering failed: Jinja maps its frames to template lines."""
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    return lines[-1] if lines else None


def _describe(exc: jinja2.TemplateError | OverflowError) -> str:
    import jinja2

    if isinstance(exc, OverflowError):
        return str(exc)
    message = exc.message or str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        return f"{message} (a variable or field the draft does not have)"
    return message


def _template_error(filename: str, line: int | None, message: str) -> UserError:
    where = f"{filename}, line {line}" if line else filename
    return UserError(
        f"template {where}: {message}",
        hint="The variables a draft can use are in docs/templates.md; fix your template, or "
        "delete it to use the built-in one.",
    )


def _split(kind: str, text: str, filename: str) -> Draft:
    first, _, rest = text.lstrip("\n").partition("\n")
    if not first.lower().startswith("subject:"):
        raise _template_error(filename, 1, "the first line must be 'Subject: …'")
    subject = first.split(":", 1)[1].strip()
    body = _tidy(rest)
    return Draft(kind=kind, subject=subject, body=body, template=filename)


def _tidy(body: str) -> str:
    """Strip the blank lines around the body and collapse runs of blank lines to one."""
    lines = [line.rstrip() for line in body.strip("\n").splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"
