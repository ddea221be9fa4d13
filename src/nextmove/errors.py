"""The error tree. Every error a user can see is one of these; the CLI and the web app
each have a single boundary that words them (message, hint, exit code or HTTP status).

This module imports nothing from the package.
"""

from __future__ import annotations


class NextmoveError(Exception):
    """Something went wrong that the user should hear about in plain words."""

    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, hint: str | None = None, field: str | None = None):
        """`field` names the input the error is about ("level", "since") when there is one;
        each boundary says it its own way (the CLI as the option --level, the API and forms
        by the field's name), so `detail` is the message without it."""
        self.field = field
        self.detail = message
        self.message = f"{field}: {message}" if field else message
        self.hint = hint
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class UserError(NextmoveError):
    """Bad input: a file, a field or an argument the user can fix. No traceback."""

    exit_code = 2
    http_status = 400


class NotFound(UserError):
    """A person, meeting or other record the user named does not exist."""

    exit_code = 3
    http_status = 404


class Ambiguous(UserError):
    """A reference (a name) matches more than one record."""

    exit_code = 2
    http_status = 409


class NeedsConfirmation(UserError):
    """An action that is allowed but looks like a slip (a meeting marked held before its
    time): done only when the user confirms it."""

    exit_code = 2
    http_status = 409


class DatabaseNotReady(NextmoveError):
    """The database is missing, from a newer version, or cannot be opened."""

    exit_code = 4
    http_status = 503


class DatabaseBusy(NextmoveError):
    """Another writer (an import, another command, the web app) held the database longer than
    the busy timeout, or PostgreSQL gave up on a lock, a serialization conflict or a deadlock.
    Nothing was changed; the same action succeeds when tried again. Exit code 75 is
    sysexits' EX_TEMPFAIL ("try again later")."""

    exit_code = 75
    http_status = 503
    retry_after_seconds = 5

    def __init__(
        self,
        message: str = "the database is busy with another task (an import?); try again in a moment",
        *,
        hint: str | None = "Nothing was changed: another nextmove command, import or page "
        "was writing. Do the same again in a few seconds; to let each write wait longer, "
        "raise the setting busy_timeout_seconds.",
    ):
        super().__init__(message, hint=hint)


class Problem:
    """One problem found in one place of an input (a line, a card, a field)."""

    __slots__ = ("message", "where")

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __repr__(self) -> str:
        return f"Problem({self.where!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.where, self.message) == (
            other.where,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.where, self.message))


class InvalidInput(UserError):
    """An input that has one or more located problems (field + line, row, card)."""

    def __init__(self, source: str, problems: list[Problem], *, hint: str | None = None):
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{source}: {len(problems)} {noun}\n{lines}", hint=hint)


class NotSignedIn(NextmoveError):
    """Server mode: the request carries no valid session or API token (or it has expired)."""

    exit_code = 2
    http_status = 401


class AccessDenied(NextmoveError):
    """Server mode: the account may not do this (a disabled account, a workspace without a
    grant, a write with view access, an admin command by a member)."""

    exit_code = 2
    http_status = 403


class TooManyAttempts(NextmoveError):
    """Server mode: sign-ins refused for a while after too many failures."""

    exit_code = 2
    http_status = 429

    def __init__(self, message: str, *, retry_after_seconds: int, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.retry_after_seconds = retry_after_seconds


class RemoteError(NextmoveError):
    """A server the user configured (a CardDAV address book, a CalDAV calendar) could not be
    reached, refused the credentials or answered with something that is not the protocol.
    Nothing was changed locally. Exit code 69 is sysexits' EX_UNAVAILABLE."""

    exit_code = 69
    http_status = 502


class ProviderUnavailable(NextmoveError):
    """Server mode: the single sign-on provider did not answer, or answered nonsense."""

    exit_code = 1
    http_status = 502
