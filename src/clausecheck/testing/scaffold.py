"""`clausecheck packs new NAME`: a pack folder to start from, with one rule and the cases that test it.

The scaffold is a working pack, not a form to fill in: it extends
safety-core, declares one topic and one require rule with every field a
bundled rule carries, and its cases (a must-fire and a must-not-fire, in
English and Chinese) pass `packs test` as written. An author renames and
rewrites from there, with the test run green at every step.
"""

from __future__ import annotations

import re
from pathlib import Path

from clausecheck.dsl.loader import load_pack
from clausecheck.errors import UsageError
from clausecheck.testing.casefile import CASES_DIR

_PACK_NAME = re.compile(r"^[^\W\d][\w.\-]*$")

PACK_TEMPLATE = """\
# {name}: what this pack checks, for which agreements.
# The rule language: docs/rule-language.md; a walk through a real pack: docs/writing-a-pack.md.
# Run its cases with: clausecheck packs test {folder}

pack {name} "{name}: describe what this pack checks" {{
  version "0.1"
  extends safety-core
}}

# A topic is something an agreement can address, recognised sentence by sentence by its terms.
topic lockout "Lock-out of machinery before maintenance" {{
  title zh-Hans "检修前上锁挂牌"
  title zh-Hant "檢修前上鎖掛牌"
  zh-Hans "上锁挂牌" "上锁" "挂牌" "能量隔离"
  zh-Hant "上鎖掛牌" "上鎖" "掛牌"
  en /\\block(ed|ing)?[\\s-]?out\\b/ /\\btag(ged|ging)?[\\s-]?out\\b/ "energy isolation"
}}

# A require rule: the agreement must settle the topic with a binding duty on an allowed party.
require lockout.applied "Who locks out machinery before maintenance" {{
  code {code}
  title zh-Hans "检修前由谁对设备上锁挂牌"
  title zh-Hant "檢修前由誰對設備上鎖掛牌"
  topic lockout
  bearer client | provider | both
  bearing one
  severity high
  cite CN "GB/T 33579-2017 Safety of machinery: methods of hazardous energy control, lockout/tagout"
  cite US "29 CFR 1910.147 The control of hazardous energy (lockout/tagout)"
  rationale "Machinery started while a technician works on it maims. One side must isolate and lock out the "
            "energy before work starts, and the agreement must say which."
  suggest zh-Hans "乙方人员检修设备前，甲方应切断并锁定设备能源，悬挂警示牌，经双方确认后方可作业。"
  suggest zh-Hant "乙方人員檢修設備前，甲方應切斷並鎖定設備能源，懸掛警示牌，經雙方確認後方可作業。"
  suggest en "Before the Supplier's personnel service any machine, the Customer shall isolate and lock out its energy sources."
  example good en "The Customer shall lock out and tag out each machine before the Supplier's engineers service it."
  example bad en "Appropriate precautions shall be taken before maintenance."
}}
"""

CASES_TEMPLATE = """\
# lockout.applied ({code}): who locks out machinery before maintenance.
# Each case is a short agreement (one paragraph per line, '# ' for a heading) and what it must produce.
cases:
  - id: lockout-by-customer-en
    lang: en
    text: |
      This Agreement is made between Northgate Plastics Ltd (the "Customer") and Brightwire Services Ltd (the "Supplier").
      # 4. Safety
      4.1 The Customer shall lock out and tag out each machine before the Supplier's engineers service it.
    fires:
      - topic lockout: present by client at 4.1
    not_fires:
      - lockout.applied

  - id: lockout-missing-en
    lang: en
    text: |
      This Agreement is made between Northgate Plastics Ltd (the "Customer") and Brightwire Services Ltd (the "Supplier").
      # 4. Safety
      4.1 The Supplier shall service the moulding machines every quarter.
    fires:
      - lockout.applied: missing

  - id: lockout-by-client-zh
    lang: zh-Hans
    text: |
      甲方（委托方）：北方塑料有限公司
      乙方（服务方）：明线设备服务有限公司
      # 第四条 安全责任
      4.1 乙方人员检修设备前，甲方应对设备上锁挂牌。
    fires:
      - topic lockout: present by client
    not_fires:
      - lockout.applied
"""


def new_pack(parent: Path, name: str) -> Path:
    """Write the scaffold of pack `name` into `parent/name`; the pack folder. Refuses to overwrite anything."""
    if not _PACK_NAME.match(name):
        raise UsageError(
            f"'{name}' cannot name a pack",
            hint="a pack name starts with a letter and holds letters, digits, '_', '-' and '.': acme-fab",
        )
    folder = parent / name
    if folder.exists():
        raise UsageError(f"{folder} already exists", hint="choose another name, or remove the folder first")
    if not parent.is_dir():
        raise UsageError(f"no folder {parent}", hint="create it first")
    code = _free_code(name)
    shown = folder if folder.is_absolute() else Path(".") / folder
    (folder / CASES_DIR).mkdir(parents=True)
    (folder / "pack.ccr").write_text(PACK_TEMPLATE.format(name=name, code=code, folder=shown), encoding="utf-8")
    (folder / CASES_DIR / f"{name}.yaml").write_text(CASES_TEMPLATE.format(code=code), encoding="utf-8")
    return folder


def _free_code(name: str) -> str:
    """The pack's first rule code: its name's capital letters and 101, not taken by a rule of safety-core."""
    prefix = re.sub(r"[^A-Z]", "", name.upper())[:4] or "X"
    taken = {n for rule in load_pack("safety-core").rules for n in (rule.code, *rule.aliases)}
    number = 101
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"
