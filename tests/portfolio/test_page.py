"""The portfolio page: read from JSON Lines or Parquet alike, charts as inline SVG each with its table, counts that
add up to the results, links to each listed agreement's own report, Chinese and English labels, grouping by a
metadata column, and nothing loaded from outside."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from clausecheck.cli import main
from clausecheck.portfolio.results import load

from .conftest import write_agreements


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> Path:
    """Results of 10 varied agreements in two folders and one unreadable file, with contract-system metadata."""
    root = tmp_path_factory.mktemp("portfolio")
    write_agreements(root / "north", 6)
    write_agreements(root / "south", 4)
    (root / "south" / "broken.docx").write_bytes(b"not a word file")
    (root / "meta.csv").write_text(
        "file,region,owner\n"
        + "".join(f"a{i:03d}.docx,{'EMEA' if i % 2 else 'APAC'},<script>alert(1)</script>\n" for i in range(6)),
        encoding="utf-8",
    )
    for fmt in ("jsonl", "parquet"):
        out = root / f"r.{fmt}"
        argv = ["check", str(root / "north"), str(root / "south"), "--metadata", str(root / "meta.csv")]
        assert main([*argv, "--format", fmt, "-o", str(out)]) == 2
    return root


def _page(results: Path, source: str, *flags: str) -> lxml_html.HtmlElement:
    out = results / f"page-{source}-{'-'.join(flags) or 'default'}.html"
    assert main(["portfolio", str(results / source), "-o", str(out), *flags]) == 0
    return lxml_html.fromstring(out.read_bytes())


def test_the_page_reads_json_lines_and_parquet_alike(results):
    a = (results / "a.html", results / "b.html")
    assert main(["portfolio", str(results / "r.jsonl"), "-o", str(a[0])]) == 0
    assert main(["portfolio", str(results / "r.parquet"), "-o", str(a[1])]) == 0
    assert a[0].read_text(encoding="utf-8").replace("a.files/", "b.files/") == a[1].read_text(encoding="utf-8")


def test_every_chart_is_inline_svg_beside_its_table_and_nothing_is_loaded(results):
    page = _page(results, "r.jsonl")
    figures = page.xpath("//div[@class='pair']")
    assert len(figures) == 5  # coverage, rules, worst agreements, counterparties, folders
    for pair in figures:
        assert pair.xpath("./figure/svg") and pair.xpath(".//table")
    assert not page.xpath("//script | //link | //img | //iframe")
    assert not [a for a in page.xpath("//a/@href") if "://" in a]
    text = (results / "page-r.jsonl-default.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in text


def test_the_coverage_table_adds_up_to_the_results(results):
    expected: dict[str, Counter[str]] = {}
    for r in load(str(results / "r.jsonl")):
        for row in r.topics:
            expected.setdefault(row.topic, Counter())["void" if row.void else row.status] += 1
    page = _page(results, "r.jsonl")
    table = page.xpath("//h2[1]/following::table[1]")[0]
    heads = [th.text_content() for th in table.xpath(".//thead//th")][1:]
    assert heads == ["present", "ambiguous", "missing", "void", "not applicable"]
    keys = ["present", "ambiguous", "missing", "void", "not_applicable"]
    for tr in table.xpath(".//tbody/tr"):
        topic = tr.xpath(".//span[@class='id']")[0].text
        assert [int(td.text) for td in tr.xpath("./td[@class='n']")] == [expected[topic][k] for k in keys]
    cards = [c.text_content() for c in page.xpath("//div[@class='card']")]
    assert cards[0].startswith("11") and cards[3].startswith("1")  # 11 agreements, 1 unreadable


def test_listed_agreements_link_to_their_own_reports(results):
    page = _page(results, "r.jsonl", "--top", "3")
    links = page.xpath("//table//a/@href")
    assert len(links) == 3
    worst = {r.path: r for r in load(str(results / "r.jsonl"))}
    for link in links:
        report = results / link
        assert report.is_file(), link
        own = lxml_html.fromstring(report.read_bytes())
        path = own.xpath("//section/h2")[0].text
        assert len(own.xpath("//div[contains(@class, 'finding')]")) == len(worst[path].findings)


def test_chinese_labels_and_grouping_by_a_metadata_column(results):
    page = _page(results, "r.parquet", "--locale", "zh-Hans", "--by", "region")
    headings = [h.text_content() for h in page.xpath("//h2")]
    assert headings == ["各事项约定情况", "按规则和严重程度的审查意见", "最需审查的协议", "合同相对方", "按region"]
    groups = page.xpath("//h2[5]/following::table[1]//tbody/tr/td[1]/text()")
    assert sorted(groups) == ["APAC", "EMEA", "—"]
    assert page.get("lang") == "zh-Hans"
    counterparties = page.xpath("//h2[4]/following::table[1]//tbody/tr/td[1]/text()")
    assert "Provider 1 Ltd" in counterparties


def test_a_results_file_that_is_not_one_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "r.jsonl"
    bad.write_text('{"path": "x.docx", "nonsense": 1}\n', encoding="utf-8")
    assert main(["portfolio", str(bad), "-o", str(tmp_path / "p.html")]) == 2
    assert f"{bad}:1: not a clausecheck result line" in capsys.readouterr().err
    assert not (tmp_path / "p.html").exists()
