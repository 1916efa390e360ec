"""Extraction's statements as text lines: what `clausecheck facts` prints and a failing pack case shows.

One line per statement: its clause, bearer (`*` when each party bears it for
its own), modality, topics (`^` when inherited from the heading) and words;
a second line for its qualifiers, references and exemption wording.
"""

from __future__ import annotations

from clausecheck.extract.model import Facts, Statement


def facts_lines(facts: Facts) -> list[str]:
    """The roles found, the topics mentioned, then each statement."""
    roles = "; ".join(f"{r}: {', '.join(a)}" for r, a in facts.roles.items())
    lines = [f"roles: {roles or '(none found)'}", f"mentions: {', '.join(facts.mentions)}"]
    for s in facts.statements:
        lines += statement_lines(s)
    return lines


def statement_lines(s: Statement) -> list[str]:
    """One statement: `clause bearer/modality [topics] words`, then its flags if it has any."""
    topics = ",".join(t.topic + ("^" if t.inherited else "") for t in s.topics) or "-"
    flags = [q.kind + "=" + q.words for q in s.qualifiers]
    flags += [("ref=" if r.resolved else "dangling=") + r.title for r in s.references]
    if s.exemption:
        flags.append(f"exemption={s.exemption}")
    head = f"{s.clause or s.block_id:>10} {s.actor.role}{'*' if s.actor.each_own else ''}/{s.modality} [{topics}]"
    return [f"{head} {s.text}", *([f"{'':>10}   {'  '.join(flags)}"] if flags else [])]
