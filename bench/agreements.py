"""Generated agreements for the benchmarks: long, numbered, bilingual in parts, with tables and many names.

A real 300-page services agreement is mostly commercial terms (scope,
service levels, fees, data, IP, termination) with a safety chapter and
schedules, and it is what makes extraction expensive that a generator must
reproduce, not the safety words alone:

- many defined names: parties known by two or three names each ("Kestrel",
  the "Operator" or "Service Provider"), affiliates, a guarantor, people
  ("Operator Personnel" means any employee of the Operator), and dozens of
  defined terms that look like names (Site, Works, Owner Group);
- role words used as names and as plain words (the Contractor, any
  subcontractor, the Employer's Liability insurance);
- long English paragraphs: a clause of four to twelve sentences with inline
  lists, provisos and abbreviations (e.g., No., Inc.) that sentence
  splitting must get past;
- mixed Chinese and English: bilingual articles (each English clause
  followed by its Chinese version, the parties as 甲方/乙方), a Chinese
  schedule, and a few traditional characters;
- tables: service levels, and responsibility tables with a column per party.

The clauses are varied by a seeded random choice, so every run builds the
same agreement for the same size and seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

WORDS_PER_PAGE = 470
"""English words on a page of an agreement; a page of Chinese holds about 750 characters."""
_HAN_PER_WORD = 1.6
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class _Party:
    full: str
    short: str
    roles: tuple[str, str]
    zh: str


CLIENTS = [
    _Party("Harbourview Logistics Limited", "Harbourview", ("Owner", "Customer"), "上海港景物流有限公司"),
    _Party("Diamond State Generation Partners, LLC", "Diamond State", ("Owner", "Client"), "钻石州发电合伙有限公司"),
    _Party("Northgate Data Centres plc", "Northgate", ("Customer", "Employer"), "北门数据中心股份有限公司"),
    _Party("Meridian Health Trust", "Meridian", ("Client", "Principal"), "子午线健康信托"),
]
PROVIDERS = [
    _Party("Kestrel Engineering Services Ltd", "Kestrel", ("Operator", "Service Provider"), "红隼工程服务有限公司"),
    _Party("Bloom Energy Corporation", "Bloom", ("Contractor", "Supplier"), "布鲁姆能源公司"),
    _Party("Brightwire Field Services Inc.", "Brightwire", ("Supplier", "Contractor"), "明线现场服务有限公司"),
    _Party("Datec Systems Pty Ltd", "Datec", ("Service Provider", "Vendor"), "达泰系统有限公司"),
]
TERMS = [
    "Affiliate",
    "Applicable Law",
    "Business Day",
    "Change Control Procedure",
    "Charges",
    "Confidential Information",
    "Critical Service",
    "Deliverables",
    "Documentation",
    "Effective Date",
    "Emergency",
    "Equipment",
    "Facility",
    "Force Majeure Event",
    "Good Industry Practice",
    "Hazardous Materials",
    "Incident",
    "Intellectual Property Rights",
    "Key Personnel",
    "Losses",
    "Maintenance Window",
    "Permit to Work",
    "Personal Data",
    "Planned Outage",
    "Premises",
    "Release",
    "Remote Monitoring System",
    "Safety Plan",
    "Service Credits",
    "Service Levels",
    "Service Period",
    "Services",
    "Site",
    "Site Rules",
    "Spare Parts",
    "Specification",
    "Subcontract",
    "System",
    "Term",
    "Third Party Claim",
    "Warranty Period",
    "Works",
]
ACTIONS = [
    "perform the {Services} in accordance with Good Industry Practice, the Specification and all Applicable Law",
    "keep complete and accurate records of the {Services}, the Spare Parts used and the Charges for six (6) years",
    "deliver a monthly service report within five (5) Business Days after the end of each month",
    "maintain the Remote Monitoring System and notify the other of any Incident within two (2) hours",
    "not subcontract any part of the Works without the prior written consent of {other}",
    "process Personal Data only on the documented instructions of {other}",
    "achieve a monthly availability of not less than 99.9 per cent for each Critical Service",
    "provide a dedicated service manager who shall attend the monthly review meetings",
    "ensure that the software supplied is free from viruses, worms and malicious code",
    "pay each undisputed invoice within thirty (30) days of receipt",
    "give {other} access to the Facility during the Maintenance Window",
    "comply with the Change Control Procedure for any change to the Services",
    "return all Documentation and Confidential Information on expiry of the Term",
    "use only new Spare Parts of the make and model set out in Schedule {n}",
]
OPENINGS = [
    "Subject to Clause {n}.{m},",
    "Without prejudice to its other obligations under this Agreement,",
    "Except as otherwise provided in Section {n}.{m} or in any Subcontract,",
    "During the Service Period and for the Warranty Period thereafter,",
    "At its own cost and expense,",
    "",
    "",
    "",
]
TAILS = [
    "provided that {other} has given reasonable notice (i.e., not less than ten (10) Business Days) of any such requirement",
    "including, without limitation, (a) the Equipment, (b) the System and (c) any Release, in each case as described in Schedule {n}",
    "in each case as further described in the Documentation (see e.g. Appendix {n}, No. {m})",
    "and {other} shall co-operate in good faith with {party} and its Affiliates, agents and subcontractors",
    "save to the extent that any failure results from a Force Majeure Event or from an act or omission of {other}",
    "",
    "",
]
GENERAL = [
    "Neither Party shall be liable to the other for any delay caused by a Force Majeure Event, provided that it notifies the other without delay.",
    "This Agreement is governed by the laws of England and Wales, and the courts of London shall have exclusive jurisdiction.",
    "Any notice under this Agreement shall be in writing and delivered by hand, by courier or by e-mail to the address set out in Schedule {n}.",
    "All Intellectual Property Rights in the Deliverables shall vest in {client} on payment of the Charges.",
    "The Charges are exclusive of value added tax, which {client} shall pay at the prevailing rate against a valid VAT invoice.",
    "Service Credits shall be calculated in accordance with the table in Schedule {n} and deducted from the next invoice.",
    "Each Party shall comply with all applicable anti-bribery laws, including the U.S. Foreign Corrupt Practices Act and the UK Bribery Act 2010.",
    "{Client} may audit {provider}'s compliance with this Agreement on giving ten (10) Business Days' notice.",
    "No failure or delay by a Party to exercise any right or remedy shall operate as a waiver of it.",
]
SAFETY = [
    "{Provider} shall provide its personnel, at its own cost, with personal protective equipment meeting the applicable standards.",
    "Before any {people} first attends the Site, {client} shall inform {provider} in writing of the hazards of the Site, including moving vehicles, high-voltage plant and asbestos-containing materials.",
    "{Client} shall maintain an emergency evacuation procedure for the Site and brief each {people} on it.",
    "{Provider} shall ensure that every {people} has received health and safety training, including a safety induction, before attending the Site.",
    "{Provider}'s personnel shall comply with the Site Rules set out in Schedule {n}.",
    "Each Party shall notify the other of any accident or injury involving its personnel at the Site within 24 hours.",
    "{Provider} shall maintain employer's liability insurance with a limit of not less than GBP 5,000,000 for any one occurrence.",
    "{Provider} shall maintain public liability insurance with a limit of not less than GBP 10,000,000.",
    "Each Party shall indemnify the other against claims for death or personal injury to the extent caused by its negligence.",
    "Each Party shall appoint a health and safety contact for the duration of this Agreement.",
    "No {people} shall start hot work, work at height or work in a confined space without a Permit to Work issued by {client}.",
]
SAFETY_ZH = [
    "乙方应为其派驻人员配备符合国家标准的劳动防护用品，包括安全帽、防静电服和绝缘手套。",
    "甲方应在乙方人员进场前，以书面形式告知现场存在的危险因素及防范措施。",
    "乙方应对其派驻人员进行岗前安全培训，培训合格后方可进入现场作业。",
    "甲方负责制定现场应急预案，并组织乙方人员每半年参加一次应急演练。",
    "发生安全事故时，乙方应立即采取措施并在二十四小时内向甲方报告。",
    "乙方应为其派驻人员缴纳工伤保险，并投保每人保额不低于五十万元的意外伤害保险。",
    "因一方过错造成对方人员人身伤害或财产损失的，由过错方承担赔偿责任。",
    "雙方應指定安全聯絡人，負責駐場期間的安全協調工作。",
]
GENERAL_ZH = [
    "乙方应按照本合同附件{n}的规定提供服务，并达到约定的服务水平。",
    "甲方应在收到乙方有效发票后三十日内支付服务费用。",
    "任何一方未经对方书面同意，不得将本合同项下的权利义务转让给第三方。",
    "乙方应对在履行本合同过程中知悉的甲方商业秘密承担保密义务。",
    "本合同未尽事宜，由双方另行协商并签订补充协议。",
    "因不可抗力导致本合同不能履行的，受影响一方应及时通知对方。",
]
HEADINGS = [
    "Services",
    "Charges and Payment",
    "Service Levels",
    "Data Protection",
    "Term and Termination",
    "Intellectual Property",
    "Confidentiality",
    "Change Control",
    "Audit",
    "Subcontracting",
    "General",
]
SLA_ROWS = ["Server", "Network", "Storage", "Power", "Cooling", "Access Control", "CCTV", "Fire Suppression"]
TASKS = [
    ("Provision of personal protective equipment", "劳动防护用品的提供"),
    ("Site hazard briefing", "现场危险告知"),
    ("Safety training of engineers", "派驻人员安全培训"),
    ("Emergency plan and drills", "应急预案及演练"),
    ("Accident reporting", "事故报告"),
    ("Access badges and sign-in", "门禁及出入登记"),
]


def agreement(words: int = 140_000, seed: int = 0) -> str:
    """Notation (`clausecheck.testing.compose`) for an agreement of about `words` words."""
    return _Writer(seed).write(words)


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.client = self.rnd.choice(CLIENTS)
        self.provider = self.rnd.choice(PROVIDERS)
        self.people = self.rnd.choice(["Technician", "Engineer", "Operator Personnel", "Contractor Personnel"])
        self.lines: list[str] = []
        self.count = 0

    def _fill(self, template: str, party: _Party | None = None) -> str:
        party = party or self.rnd.choice([self.client, self.provider])
        other = self.provider if party is self.client else self.client
        client, provider = self._name(self.client), self._name(self.provider)
        return template.format(
            n=self.rnd.randint(1, 12),
            m=self.rnd.randint(1, 9),
            Services=self.rnd.choice(["Services", "Works", "System Services"]),
            party=self._name(party),
            other=self._name(other),
            client=client,
            Client=client[:1].upper() + client[1:],
            provider=provider,
            Provider=provider[:1].upper() + provider[1:],
            people=self.people,
        )

    def _name(self, party: _Party) -> str:
        """A party as the agreement refers to it: its short name, or "the" and one of its role names."""
        name = self.rnd.choice([party.short, *party.roles])
        return name if name == party.short else f"the {name}"

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.count += words_in(line)

    def write(self, words: int) -> str:
        c, p = self.client, self.provider
        self.add(f"# Master Services Agreement (No. MSA-{self.rnd.randint(1000, 9999)})")
        self.add(
            f'This Master Services Agreement (this "Agreement") is made on 13 April 2012 between {c.full}, '
            f'a company incorporated under the laws of Delaware ("{c.short}", the "{c.roles[0]}" or the "{c.roles[1]}"), '
            f"and {p.full}, a company registered under No. {self.rnd.randint(10_000_000, 99_999_999)} "
            f'("{p.short}", the "{p.roles[0]}" or the "{p.roles[1]}"), and Granite Holdings Inc. (the "Guarantor").'
        )
        self.add(f"甲方（委托方）：{c.zh}（以下简称“甲方”）")
        self.add(f"乙方（服务方）：{p.zh}（以下简称“乙方”）")
        self._definitions()
        article = 1
        while self.count < words:
            article += 1
            if article % 10 == 5:
                self._safety(article)
            elif article % 7 == 3:
                self._bilingual(article)
            else:
                self._commercial(article)
            if article % 4 == 0:
                self._sla_table(article)
            if article % 12 == 6:
                self._responsibility_table()
        return "\n".join(self.lines)

    def _definitions(self) -> None:
        self.add("# 1. Definitions and Interpretation")
        self.add("1.1 In this Agreement the following words and expressions have the following meanings:")
        letters = iter(_letters())
        self.add(
            f'({next(letters)}) "{self.people}" means any employee, agent or subcontractor of the '
            f"{self.provider.roles[0]} who attends the Site to perform the Services;"
        )
        for letter, term in zip(letters, TERMS, strict=False):
            article = self.rnd.choice(["the", "any", "all"])
            self.add(
                f'({letter}) "{term}" means {article} {term.lower()} as defined in Schedule {self.rnd.randint(1, 12)}, '
                f"as amended from time to time by {self._name(self.client)} and {self._name(self.provider)};"
            )
        self.add("1.2 “甲方”指委托方，具有发包主体资格；“乙方”指服务方，负责现场运维。")

    def _sentence(self, party: _Party | None = None) -> str:
        party = party or self.rnd.choice([self.client, self.provider])
        opening = self._fill(self.rnd.choice(OPENINGS), party)
        modal = self.rnd.choice(["shall", "shall", "will", "must", "may", "agrees to"])
        action = self._fill(self.rnd.choice(ACTIONS), party)
        tail = self._fill(self.rnd.choice(TAILS), party)
        subject = self._name(party)
        if not opening:
            subject = subject[:1].upper() + subject[1:]
        text = " ".join(x for x in (opening, subject, modal, action) if x)
        return f"{text}, {tail}." if tail else f"{text}."

    def _paragraph(self) -> str:
        """One to four sentences, and now and then a long paragraph of eight to fourteen."""
        count = self.rnd.randint(8, 14) if self.rnd.random() < 0.08 else self.rnd.randint(1, 4)
        out = []
        for _ in range(count):
            out.append(self._sentence() if self.rnd.random() < 0.7 else self._fill(self.rnd.choice(GENERAL)))
        return " ".join(out)

    def _commercial(self, article: int) -> None:
        self.add(f"# {article}. {self.rnd.choice(HEADINGS)}")
        for clause in range(1, self.rnd.randint(6, 14)):
            if clause % 4:
                self.add(f"{article}.{clause} {self._paragraph()}")
                continue
            party = self.rnd.choice([self.client, self.provider])  # a lead-in and its items
            name = self._name(party)
            self.add(f"{article}.{clause} {name[:1].upper() + name[1:]} shall:")
            for item in _letters()[: self.rnd.randint(2, 6)]:
                self.add(f"({item}) {self._fill(self.rnd.choice(ACTIONS), party)};")

    def _bilingual(self, article: int) -> None:
        self.add(f"# {article}. {self.rnd.choice(HEADINGS)} / 服务条款")
        for clause in range(1, self.rnd.randint(4, 8)):
            self.add(f"{article}.{clause} {self._paragraph()}")
            self.add(
                "[nonum] " + "".join(self.rnd.choice(GENERAL_ZH).format(n=self.rnd.randint(1, 9)) for _ in range(3))
            )

    def _safety(self, article: int) -> None:
        self.add(f"# {article}. Health and Safety / 安全责任")
        for clause in range(1, 11):
            text = " ".join(self._fill(self.rnd.choice(SAFETY)) for _ in range(self.rnd.randint(2, 5)))
            self.add(f"{article}.{clause} {text}")
            if clause % 3 == 0:
                self.add("[nonum] " + "".join(self.rnd.choice(SAFETY_ZH) for _ in range(2)))

    def _sla_table(self, article: int) -> None:
        self.add("| Service | Priority | Response | Resolution | Responsible |")
        for row in range(10):
            level = row % 4 + 1
            owner = self._name(self.rnd.choice([self.client, self.provider]))
            self.add(
                f"| {self.rnd.choice(SLA_ROWS)} {article}-{row} | P{level} | {level * 15} minutes | {level * 4} hours | {owner} |"
            )

    def _responsibility_table(self) -> None:
        self.add(f"| Task / 事项 | {self.client.roles[0]} / 甲方 | {self.provider.roles[0]} / 乙方 |")
        for english, chinese in TASKS:
            client = self.rnd.random() < 0.4
            self.add(f"| {english} / {chinese} | {'√' if client else ''} | {'' if client else '√'} |")


def _letters() -> list[str]:
    single = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    return single + [a + a for a in single]


def words_in(text: str) -> float:
    """English words, plus Chinese characters at 1.6 to the word (a page holds 470 words or about 750 characters)."""
    return len(_TOKEN.findall(text)) + len(_HAN.findall(text)) / _HAN_PER_WORD


def pages(words: float) -> int:
    return round(words / WORDS_PER_PAGE)
