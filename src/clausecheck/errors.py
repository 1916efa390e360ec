"""The one exception family clausecheck raises.

Every failure a user can cause (a bad file, a bad pack, a bad option) is a
`ClauseCheckError` whose message names the thing at fault and what to do, so
the CLI can print it and exit 2 instead of showing a traceback.
"""

from __future__ import annotations


class ClauseCheckError(Exception):
    """Base class of every error clausecheck raises on purpose."""

    #: what the user should do about it, printed after the message
    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text}\n  hint: {self.hint}" if self.hint else text


# --- reading agreements -----------------------------------------------------


class DocumentError(ClauseCheckError):
    """An agreement cannot be read; the message starts with its path."""

    def __init__(self, source: str, problem: str, *, hint: str | None = None) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}", hint=hint)


class DocumentNotFound(DocumentError):
    """The path does not exist or is a directory."""


class EmptyDocument(DocumentError):
    """The file has no bytes."""


class NotADocx(DocumentError):
    """The bytes are not a Word .docx package (plain text, a spreadsheet, a presentation...)."""


class CorruptDocument(DocumentError):
    """A .docx package that is truncated, has bad zip entries or malformed XML."""


class LegacyDocFormat(DocumentError):
    """A Word 97-2003 .doc (OLE compound file)."""


class EncryptedDocument(DocumentError):
    """A password-protected Word file."""


class UnsafeDocument(DocumentError):
    """A package refused for safety: a zip bomb, DTD or entity declarations."""


class DocumentLimitExceeded(UnsafeDocument):
    """An agreement past a limit on what is read (a list numbered from billions, clauses nested hundreds deep).

    Such a file is valid Word but costs minutes and gigabytes to render; the
    limits are in `clausecheck.limits` and `docs/security.md`.
    """


class StrictOoxmlDocument(DocumentError):
    """A document saved as Strict Open XML, which we do not read."""


# --- rule packs -------------------------------------------------------------


class PackError(ClauseCheckError):
    """A rule pack cannot be found, parsed or resolved."""


class PackNotFound(PackError):
    """No bundled pack has that name and no file has that path."""


class PackSyntaxError(PackError):
    """A pack file does not parse; carries file, line and column."""

    def __init__(
        self,
        message: str,
        *,
        file: str,
        line: int,
        column: int,
        context: str = "",
        hint: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.context = context
        text = f"{file}:{line}:{column}: {message}"
        if context:
            text = f"{text}\n{context}"
        super().__init__(text, hint=hint)


class PackResolutionError(PackSyntaxError):
    """A pack parses but does not resolve (unknown topic, cycle, duplicate id...)."""


# --- using the tool ---------------------------------------------------------


class UsageError(ClauseCheckError):
    """A bad option or argument."""


class BudgetExceeded(DocumentError):
    """Judging one agreement took more time or memory than its budget (`clausecheck.limits.Limits`)."""

    hint = "raise the budget (--timeout, --max-memory) only for an agreement you trust"


class EngineError(ClauseCheckError):
    """The rule engine failed internally; a bug in clausecheck, reported with the rule involved."""
