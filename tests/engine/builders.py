"""Packs and statements built directly from the models, to test the engine on its own."""

from __future__ import annotations

from clausecheck.dsl.model import ForbidRule, Mentions, Origin, Pack, Party, RequireRule, Term, Topic
from clausecheck.extract.model import Actor, Statement, TopicMatch
from clausecheck.types import Citation

ORIGIN = Origin(pack="test", file="test.ccr", line=1, column=1)


def topic(tid: str) -> Topic:
    return Topic(
        id=tid, title=tid.replace("_", " "), titles={"zh-Hans": f"“{tid}”"}, terms=(Term(text=tid),), origin=ORIGIN
    )


def require(rid: str, topic_id: str, code: str, **kw) -> RequireRule:
    kw.setdefault("bearers", ("client", "provider"))
    return RequireRule(
        id=rid,
        code=code,
        title=f"who settles {topic_id}",
        severity="high",
        topic=topic_id,
        citations=(Citation(text="WSL art. 45", jurisdiction="CN"),),
        suggest={"en": f"The Provider shall settle {topic_id}.", "zh-Hans": "乙方应……"},
        origin=ORIGIN,
        **kw,
    )


def make_pack(rules, topics=("ppe", "training", "waiver", "machine_room", "height")) -> Pack:
    return Pack(
        id="test",
        title="test pack",
        parties={p: Party(id=p, title=p, terms=(Term(text=p),), origin=ORIGIN) for p in ("client", "provider")},
        topics={t: topic(t) for t in topics},
        vocabularies={},
        rules=tuple(rules),
        path="test.ccr",
    )


def sample_pack() -> Pack:
    return make_pack(
        [
            require("ppe.provided", "ppe", "T1", bearing="one"),
            require("training.given", "training", "T2", bearers=("provider",)),
            ForbidRule(
                id="injury.waiver", code="T3", title="waiver", severity="critical", topic="waiver", origin=ORIGIN
            ),
            require("esd.provided", "height", "T4", applies=Mentions(topics=("machine_room",))),
        ]
    )


def stmt(i: int, topic_id: str, role: str = "provider", modality: str = "binding", **kw) -> Statement:
    return Statement(
        id=i,
        block_id=f"b{i}",
        clause=f"{i}.1",
        text=f"sentence {i} about {topic_id}",
        lang="en",
        actor=Actor(role=role, each_own=kw.pop("each_own", False)),
        modality=modality,
        topics=[TopicMatch(topic=topic_id)],
        **kw,
    )
