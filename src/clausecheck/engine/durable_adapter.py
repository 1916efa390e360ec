"""The only module that imports durable-rules.

durable-rules' C core is fast but unforgiving (see `docs/dev/dependencies.md` §A):
it segfaults on some session deletions, allows 1,024 live sessions, keys
sessions and facts by a 32-bit hash, runs actions on timer threads and
swallows exceptions raised in them. Everything here follows the pattern
measured to hold over 10,000 documents:

* one host per process, its timer threads switched off, rulesets registered
  once per compiled pack (on its first document) and deleted only when the
  pack leaves the compile cache;
* a session is one batch: a guard fact first, facts with sequential ids,
  the end sentinel last when the batch completes a whole; actions run in the
  caller; the session is deleted at once, so one session is live at a time
  (a document may be judged in several sessions, `clausecheck.engine`);
* actions only record which rule matched which facts; a swallowed exception
  or an unexpected return code becomes an `EngineError`.

The C core holds the GIL throughout, so a lock serialises callers: threads
are safe, and parallelism is processes, each with its own host.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
from collections.abc import Collection
from typing import Any, NamedTuple

import durable_rules_engine as _dre
from durable import engine as _durable

from clausecheck.errors import EngineError

GUARD_RULE = "$doc"
"""Every ruleset carries this rule, matching the guard fact each session starts with."""


class RuleMatch(NamedTuple):
    """One firing: the rule's name and the matched facts by alias."""

    rule: str
    facts: dict[str, dict[str, Any]]


class _QuietHost(_durable.Host):
    """A durable host without its timer threads, whose actions only record matches."""

    def __init__(self) -> None:
        self.sink: list[RuleMatch] = []
        super().__init__()

    def _run(self) -> None:
        """No background dispatcher: actions run in the caller's thread, during do_actions."""

    def get_action(self, action_name: str):
        if action_name == GUARD_RULE:
            return _ignore

        def record(c) -> None:  # exactly one parameter: two would make durable treat it as async
            self.sink.append(RuleMatch(action_name, {alias: dict(fact) for alias, fact in c._m.items()}))

        return record


def _ignore(c) -> None:
    """The guard rule's action: the guard only keeps session deletion safe."""


_lock = threading.RLock()
_host: _QuietHost | None = None
_registered: dict[str, tuple[str, ...]] = {}
_session_numbers = itertools.count()


def _get_host() -> _QuietHost:
    global _host
    if _host is None:
        _host = _QuietHost()
    return _host


def register(key: str, rulesets: dict[str, dict[str, Any]]) -> None:
    """Build the rulesets of a compiled pack once per process; `key` names that version of the pack."""
    with _lock:
        if key in _registered:
            return
        definitions = {f"{key}#{name}": json.loads(json.dumps(rules)) for name, rules in rulesets.items()}
        try:
            _get_host().set_rulesets(definitions)
        except Exception as e:  # durable raises bare Exception and its C error type
            raise EngineError(f"the rule engine refused the compiled pack {key}: {e}") from e
        _registered[key] = tuple(definitions)


def unregister(key: str) -> None:
    """Delete the rulesets of pack version `key` from the engine (a no-op when it has none).

    The C core has no Python API for this: the handle is deleted in C and the
    host forgets the names. It still keeps about 0.4 MB per ruleset deleted
    (`docs/dev/dependencies.md` §A.2), against about 1.8 MB per pack version kept.
    """
    with _lock:
        names = _registered.pop(key, ())
        host = _get_host()
        for name in names:
            ruleset = host._ruleset_directory.pop(name, None)
            if ruleset is None:
                continue
            host._ruleset_list.remove(ruleset)
            _dre.delete_ruleset(ruleset._handle)


def run(
    key: str,
    rulesets: dict[str, dict[str, Any]],
    facts: list[dict[str, Any]],
    only: Collection[str] | None = None,
    *,
    end: bool = True,
) -> list[RuleMatch]:
    """Assert `facts` as one session into every ruleset of pack `key` (registered first if need be), or into
    those named in `only`; the end sentinel last unless `end` is False (a batch of a larger whole)."""
    with _lock:
        register(key, rulesets)
        names = [n for n in _registered[key] if only is None or n.removeprefix(f"{key}#") in only]
        host = _get_host()
        sid = f"d{next(_session_numbers)}"
        batch = [{"sid": sid, "id": GUARD_RULE, "kind": GUARD_RULE}]
        batch += [dict(fact, sid=sid, id=str(i)) for i, fact in enumerate(facts)]
        if end:
            batch.append({"sid": sid, "id": "$end", "kind": "end"})
        payload = json.dumps(batch, ensure_ascii=False)  # the C parser does not decode \\uXXXX escapes
        matches: list[RuleMatch] = []
        for name in names:
            host.sink = []
            matches.extend(_run_ruleset(host, name, sid, payload))
        return matches


def _run_ruleset(host: _QuietHost, name: str, sid: str, payload: str) -> list[RuleMatch]:
    ruleset = host.get_ruleset(name)
    errors: list[BaseException] = []
    try:
        code, state_handle = _dre.assert_facts(ruleset._handle, payload)
        if code == 2:
            raise EngineError(f"ruleset {name}: a fact id collided in the engine (session {sid})")
        ruleset.do_actions(state_handle, lambda error, _state: errors.append(error) if error else None)
        state = host.get_state(name, sid)
    except _dre.error as e:
        raise EngineError(f"ruleset {name}: the rule engine failed: {e}") from e
    finally:
        with contextlib.suppress(_dre.error):  # nothing was stored for this session
            host.delete_state(name, sid)
    if errors or "exception" in state:
        raise EngineError(f"ruleset {name}: an engine action failed: {errors[0] if errors else state['exception']}")
    return list(host.sink)
