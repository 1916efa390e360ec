"""`docs/rules/` is rendered from the bundled packs (its drift is `tests/test_generated.py`'s business)."""

from __future__ import annotations

from clausecheck.dsl.loader import load_pack
from clausecheck.engine.wording import fill_placeholders
from clausecheck.report.ruledocs import INDEX, bundled_pages, pages

from .kit import ROOT


def test_every_declared_rule_has_a_page_with_its_citations_and_wording():
    wanted = bundled_pages()
    core = load_pack("safety-core")
    for rule in core.rules:
        page = wanted[f"{rule.id}.md"]
        assert page.startswith(f"# {rule.code} `{rule.id}`")
        assert all(c.text in page for c in rule.citations)
        assert all(fill_placeholders(text, lang, {}, None) in page for lang, text in rule.suggest.items())
        assert "{provider}应" not in page  # wording is shown with the usual names
        assert f"[`{rule.id}`]({rule.id}.md)" in wanted[INDEX]


def test_overrides_in_extending_packs_are_listed_on_the_parent_rule():
    wanted = bundled_pages()
    construction = load_pack("construction")
    overridden = [r for r in construction.rules if any(o.pack == "construction" for o in r.overridden_at)]
    assert overridden
    for rule in overridden:
        assert "- construction: overrides" in wanted[f"{rule.id}.md"]


def test_a_user_pack_renders_only_its_own_rules(tmp_path):
    acme = load_pack(ROOT / "docs" / "examples" / "acme-fab")
    out = pages([acme])
    own = {r.id for r in acme.rules if r.origin.pack == "acme-fab"}
    assert set(out) == {f"{rid}.md" for rid in own} | {INDEX}
