"""Generated agreements for the benchmarks: long, numbered, with tables, and mostly not about safety.

A real 300-page services agreement is mostly commercial terms (scope,
service levels, fees, data, IP, termination) with a safety chapter and
schedules; a generator that sprinkles safety words into every sentence
would measure a document nobody writes. The clauses below are drawn from
the kinds of wording in the examples and the corpus, varied by a seeded
random choice, so every run builds the same agreement.
"""

from __future__ import annotations

import random

COMMERCIAL = [
    "The Supplier shall provide the Services described in Schedule {n} in accordance with the Service Levels.",
    "The Customer shall pay each undisputed invoice within thirty (30) days of receipt.",
    "Either Party may terminate this Agreement by giving not less than ninety (90) days' written notice.",
    "The Supplier shall maintain the confidentiality of the Customer's Confidential Information and shall not disclose it to any third party.",
    "All Intellectual Property Rights in the Deliverables shall vest in the Customer on payment of the Charges.",
    "The Supplier shall achieve a monthly availability of not less than 99.9 per cent for each Critical Service.",
    "Service credits shall be calculated in accordance with the table in Schedule {n} and deducted from the next invoice.",
    "The Supplier shall process Personal Data only on the documented instructions of the Customer.",
    "Any change to the Services shall be agreed in writing in accordance with the Change Control Procedure.",
    "The Supplier shall keep complete and accurate records of the Services and the Charges for six (6) years.",
    "The Customer may audit the Supplier's compliance with this Agreement on giving ten (10) Business Days' notice.",
    "Neither Party shall be liable for any delay caused by a Force Majeure Event.",
    "This Agreement is governed by the laws of England and Wales.",
    "The Supplier shall deliver a monthly service report within five (5) Business Days after the end of each month.",
    "The Supplier shall not subcontract any part of the Services without the prior written consent of the Customer.",
    "Each Party shall comply with all applicable anti-bribery laws.",
    "The Charges are exclusive of value added tax, which the Customer shall pay at the prevailing rate.",
    "The Supplier shall provide a dedicated service manager who shall attend monthly review meetings.",
    "Incidents shall be classified by priority and resolved within the times set out in Schedule {n}.",
    "The Supplier shall ensure that the software supplied is free from viruses and malicious code.",
]
SAFETY = [
    "The Supplier shall provide its personnel, at its own cost, with personal protective equipment meeting the applicable standards.",
    "Before any engineer first attends the Site, the Customer shall inform the Supplier in writing of the hazards of the Site.",
    "The Customer shall maintain an emergency evacuation procedure for the Site and brief each engineer on it.",
    "The Supplier shall ensure that every engineer has received health and safety training before attending the Site.",
    "The Supplier's personnel shall comply with the Site Rules set out in Schedule {n}.",
    "Each Party shall notify the other of any accident or injury involving its personnel at the Site within 24 hours.",
    "The Supplier shall maintain employer's liability insurance with a limit of not less than GBP 5,000,000.",
    "The Supplier shall maintain public liability insurance with a limit of not less than GBP 10,000,000.",
    "Each Party shall indemnify the other against claims for death or personal injury to the extent caused by its negligence.",
    "Each Party shall appoint a health and safety contact for the duration of this Agreement.",
]
WORDS_PER_PAGE = 470


def agreement(words: int = 140_000, seed: int = 0) -> str:
    """Notation for an agreement of about `words` words: numbered articles, clauses, items and tables."""
    rnd = random.Random(seed)
    lines = [
        'This Agreement is made between Harbourview Logistics Limited (the "Customer") and '
        'Kestrel Engineering Services Ltd (the "Supplier").'
    ]
    count, article = 0, 0
    while count < words:
        article += 1
        pool = SAFETY if article % 10 == 5 else COMMERCIAL
        lines.append(
            f"# {article}. {rnd.choice(['Services', 'Charges', 'Service Levels', 'Data', 'Term', 'Health and Safety' if pool is SAFETY else 'General'])}"
        )
        for clause in range(1, 11):
            text = " ".join(rnd.choice(pool).format(n=rnd.randint(1, 9)) for _ in range(rnd.randint(2, 4)))
            lines.append(f"{article}.{clause} {text}")
            count += len(text.split())
            if clause % 5 == 0:
                for item in "abc":
                    text = rnd.choice(pool).format(n=rnd.randint(1, 9))
                    lines.append(f"({item}) {text}")
                    count += len(text.split())
        if article % 4 == 0:
            lines.append("| Service | Priority | Response | Resolution |")
            for row in range(10):
                cells = [
                    f"Service {article}-{row}",
                    f"P{row % 4 + 1}",
                    f"{(row % 4 + 1) * 15} minutes",
                    f"{(row % 4 + 1) * 4} hours",
                ]
                lines.append("| " + " | ".join(cells) + " |")
                count += 8
    return "\n".join(lines)


def pages(words: int) -> int:
    return round(words / WORDS_PER_PAGE)
