"""The vocabulary every layer shares: languages, severities, citations, verdict words.

The bottom of the stack: it imports nothing of clausecheck, so the reader,
the rule language, the engine and the report models can all name the same
`Lang` or `Severity` without importing one another.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["en", "zh-Hans", "zh-Hant"]

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

PartyRole = Literal["client", "provider", "both", "none"]
TopicStatus = Literal["present", "ambiguous", "missing", "not_applicable"]
FindingStatus = Literal["missing", "ambiguous", "conflict", "forbidden"]
FindingKind = Literal[
    "missing", "no_actor", "weak_modality", "vague", "dangling_reference", "conflict", "wrong_bearer", "exemption"
]
VerdictKind = Literal["no_actor", "weak_modality", "vague", "dangling_reference", "conflict", "wrong_bearer"]


class Citation(BaseModel):
    """A legal basis a rule cites."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="'PRC Work Safety Law art. 45', 'UK UCTA 1977 s.2(1)'")
    jurisdiction: str | None = Field(None, description="CN, TW, HK, UK, US, INTL")
    kind: Literal["law", "practice"] = Field(
        "law", description="law: a legal basis; practice: a model form or practice note (FIDIC, JCT), never a basis"
    )
