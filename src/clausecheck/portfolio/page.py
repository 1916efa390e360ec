"""The portfolio page: one offline HTML page summarising a portfolio's results, with the worst agreements' reports.

What a legal-operations lead asks of a portfolio, each as a chart with its
table beside it: how the agreements settle each required topic (present,
ambiguous, missing, void), which rules find the most and how serious they
are, which agreements need review first, which counterparties and which
folders (or contract-system groups, `--by`) are worst. Each listed agreement
links to its own HTML report, rendered by the report's own renderer from its
result.

Like the agreement report, the page loads nothing (inline styles and SVG, no
script), and its markup comes from an autoescaping Jinja2 template: every
name in it comes from the agreements. Labels follow `lang`, by default the
language most of the agreements are written in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, get_args

from clausecheck._version import __version__
from clausecheck.findings import DocumentResult, Report
from clausecheck.portfolio.charts import Chart, stacked
from clausecheck.portfolio.overview import COVERAGE, SEVERITIES, WEIGHTS, Overview, score
from clausecheck.portfolio.records import PortfolioResult
from clausecheck.portfolio.strings import page_string
from clausecheck.report.ui_strings import word
from clausecheck.types import Lang


@dataclass
class Page:
    """The page's HTML and the agreements' own reports, by file name relative to the page's folder."""

    html: str
    reports: dict[str, str]


def reports_folder(output: str) -> str:
    """Where the agreements' reports go beside the page: `portfolio.html` -> `portfolio.files`."""
    stem = output[: -len(".html")] if output.lower().endswith(".html") else output
    return f"{stem}.files"


def render_portfolio(
    results: Iterable[PortfolioResult],
    *,
    folder_name: str,
    lang: Lang | None = None,
    by: str | None = None,
    party: str = "provider",
    top: int = 25,
) -> Page:
    """The page over `results` (read once) and the reports of the agreements it lists, under `folder_name/`."""
    overview = Overview(by=by, party=party, top=top)
    for result in results:
        overview.add(result)
    lang = lang or _main_lang(overview)
    titles = _topic_titles(overview, lang)
    worst = overview.worst
    links = {r.path: f"{folder_name}/{i:03d}-{_slug(r.path)}.html" for i, r in enumerate(worst, 1)}
    reports = {link.split("/", 1)[1]: _agreement_report(r) for r in worst for link in [links[r.path]]}
    page = _template().render(
        o=overview,
        lang=lang,
        version=__version__,
        t=lambda key, **fields: page_string(key, lang, **fields),
        word=lambda key: word(key, lang),
        coverage=_coverage(overview, titles),
        coverage_rows=[(titles.get(topic, topic), topic, counts) for topic, counts in _topics(overview)],
        statuses=COVERAGE,
        rules=_rules(overview),
        rule_rows=sorted(overview.rules.values(), key=lambda r: (-r.findings, r.code)),
        worst=_bars(worst, links),
        worst_rows=[_row(r, links[r.path]) for r in worst],
        counterparties=_groups(list(overview.counterparties.values()), top),
        groups=_groups(list(overview.groups.values()), top),
        group_label=by or page_string("folder", lang),
        severities=SEVERITIES,
    )
    return Page(page, reports)


def _main_lang(overview: Overview) -> Lang:
    for lang, _ in overview.langs.most_common(1):
        if lang in get_args(Lang):
            return lang  # type: ignore[return-value]
    return "en"


def _topic_titles(overview: Overview, lang: Lang) -> dict[str, str]:
    """Topic titles in `lang`, from the packs when they load, else as the results gave them."""
    from clausecheck.dsl.loader import load_pack
    from clausecheck.errors import PackError

    titles = {topic: overview.topic_title(topic, lang) for topic in overview.coverage}
    for name in sorted({n for packs in overview.packs for n in packs.split("+")}):
        try:
            pack = load_pack(name)
        except PackError:
            continue
        for topic in pack.topics.values():
            if topic.id in titles:
                titles[topic.id] = topic.titles.get(lang) or topic.title
    return titles


def _topics(overview: Overview) -> list[tuple[str, Any]]:
    """Topics, most often not settled (missing, void, ambiguous) first."""
    return sorted(
        overview.coverage.items(),
        key=lambda item: (-(item[1]["missing"] + item[1]["void"] + item[1]["ambiguous"]), item[0]),
    )


def _coverage(overview: Overview, titles: dict[str, str]) -> Chart:
    return stacked(
        [(titles.get(topic, topic), [(s, counts[s]) for s in COVERAGE], None) for topic, counts in _topics(overview)]
    )


def _rules(overview: Overview) -> Chart:
    rows = sorted(overview.rules.values(), key=lambda r: (-r.findings, r.code))
    return stacked([(f"{r.code} {r.rule}", [(f"sev-{r.severity}", r.findings)], None) for r in rows])


def _bars(worst: list[PortfolioResult], links: dict[str, str]) -> Chart:
    rows = []
    for r in worst:
        counts: Counter[str] = Counter(f.severity for f in r.findings)
        parts = [(f"sev-{s}", counts[s] * WEIGHTS[s]) for s in SEVERITIES]
        rows.append((r.path.rsplit("/", 1)[-1], parts, links[r.path]))
    return stacked(rows)


def _row(result: PortfolioResult, link: str) -> dict[str, Any]:
    """A worst agreement's table row: its score and its findings per severity."""
    return {
        "result": result,
        "link": link,
        "score": score(result),
        "counts": Counter(f.severity for f in result.findings),
        "void": sum(f.status == "forbidden" for f in result.findings),
    }


def _groups(groups: list[Any], top: int) -> tuple[Chart, list[Any]]:
    ranked = sorted(groups, key=lambda g: (-g.mean, -g.agreements, g.name))[:top]
    return stacked([(g.name, [("score", round(g.mean))], None) for g in ranked]), ranked


def _agreement_report(result: PortfolioResult) -> str:
    """The agreement's own HTML report, from its result (topics and findings; its text is not kept)."""
    from clausecheck.report.html import render_html

    plain = DocumentResult.model_validate(result.model_dump(include=set(DocumentResult.model_fields)))
    packs = (result.pack or "").split("+")
    return render_html(Report(version=__version__, packs=packs, documents=[plain]))


def _slug(path: str) -> str:
    """A file name for an agreement's report: its own name, letters and digits kept (CJK too)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    name = name[: -len(".docx")] if name.lower().endswith(".docx") else name
    return re.sub(r"[^\w.-]+", "_", name)[:60] or "agreement"


def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("clausecheck.portfolio", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("portfolio.html.j2")
