"""Numbers written the ways agreements write them, both directions.

Word's numbering formats (`w:numFmt`, ECMA-376 §17.18.59) turn a counter into
`十二`, `壹拾贰`, `XII`, `L`, `⑫`; the literal-label reader needs the way
back (`第十二条` is article 12) to tell a series apart and to compose
fixtures. The table of outputs is in `docs/numbering.md`.
"""

from __future__ import annotations

from collections.abc import Callable

from clausecheck.limits import MAX_REPEATED_LABEL

_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_ENCLOSED_IDEO = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_CARDINALS = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
_TENS = ["_", "_", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
_ORDINAL_WORDS = {
    "One": "First", "Two": "Second", "Three": "Third", "Five": "Fifth", "Eight": "Eighth",
    "Nine": "Ninth", "Twelve": "Twelfth",
}  # fmt: skip


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """A, B, … Z, AA, BB, … (Word repeats the letter, it does not count like spreadsheet columns).

    Past `MAX_REPEATED_LABEL` letters the number is written in digits, so a list
    starting at two billion is not rendered as a label of eighty million letters.
    """
    return _repeated("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n)


def _repeated(symbols: str, n: int) -> str:
    """The `n`-th label of a series that cycles through `symbols`, repeating one more time each round."""
    times = (n - 1) // len(symbols) + 1
    if n <= 0 or times > MAX_REPEATED_LABEL:
        return str(n)
    return symbols[(n - 1) % len(symbols)] * times


def _cn_counting(n: int, digits: str = _CN_DIGITS) -> str:
    """一…九十九 in words; from 100 digit by digit (一〇〇), as Word's chineseCounting does."""
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return "".join(digits[int(d)] for d in str(n))


def _cn_thousand(
    n: int, digits: str = _CN_DIGITS, units: str = "十百千", zero: str = "零", ten_alone: bool = True
) -> str:
    """Full Chinese number words up to 9999: 一百零一, 一百一十, 一千零五十."""
    if n <= 0 or n >= 10000:
        return str(n)
    if n < 20 and ten_alone and n >= 10:
        return units[0] + (digits[n - 10] if n > 10 else "")
    parts = []
    values = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    pending_zero = False
    started = False
    for value, unit in values:
        d, n = divmod(n, value)
        if d:
            if pending_zero:
                parts.append(zero)
                pending_zero = False
            parts.append(digits[d] + unit)
            started = True
        elif started and n:
            pending_zero = True
    return "".join(parts)


def _legal(n: int, digits: str, units: str) -> str:
    return _cn_thousand(n, digits=digits, units=units, zero=digits[0], ten_alone=False)


def _cardinal_text(n: int) -> str:
    if n < 0 or n >= 100:
        return str(n)
    if n < 20:
        return _CARDINALS[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("-" + _CARDINALS[ones] if ones else "")


def _ordinal_text(n: int) -> str:
    words = _cardinal_text(n)
    if words.isdigit():
        return words
    head, _, last = words.rpartition("-")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _table(symbols: str, n: int) -> str:
    return symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


def _full_width(n: int) -> str:
    return "".join(chr(0xFF10 + int(d)) for d in str(n)) if n >= 0 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else str(n),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "ordinal": _ordinal,
    "cardinalText": _cardinal_text,
    "ordinalText": _ordinal_text,
    "chineseCounting": _cn_counting,
    "japaneseCounting": _cn_counting,
    "taiwaneseCounting": _cn_counting,
    "chineseCountingThousand": _cn_thousand,
    "taiwaneseCountingThousand": _cn_thousand,
    "japaneseDigitalTenThousand": _cn_thousand,
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "chineseLegalSimplified": lambda n: _legal(n, _LEGAL_SIMPLIFIED, "拾佰仟"),
    "ideographLegalTraditional": lambda n: _legal(n, _LEGAL_TRADITIONAL, "拾佰仟"),
    "japaneseLegal": lambda n: _legal(n, _LEGAL_TRADITIONAL, "拾佰仟"),
    "ideographTraditional": lambda n: _table(_TIANGAN, n),
    "ideographZodiac": lambda n: _table(_ZODIAC, n),
    "ideographEnclosedCircle": lambda n: _table(_ENCLOSED_IDEO, n),
    "chicago": lambda n: _repeated("*†‡§", n),
    "numberInDash": lambda n: f"- {n} -",
}


def format_number(value: int, fmt: str) -> str:
    """`value` written in Word number format `fmt`; unknown formats fall back to decimal."""
    return _FORMATS.get(fmt, str)(value)


# --- the way back -----------------------------------------------------------

_CN_VALUE = {c: i for i, c in enumerate(_CN_DIGITS)}
_CN_VALUE.update({c: i for i, c in enumerate(_LEGAL_SIMPLIFIED)})
_CN_VALUE.update({c: i for i, c in enumerate(_LEGAL_TRADITIONAL)})
_CN_VALUE.update({"零": 0, "两": 2, "兩": 2, "〇": 0, "○": 0})
_CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}

CN_NUMERAL_CHARS = "".join(sorted(set(_CN_VALUE) | set(_CN_UNIT)))
"""Every character a Chinese numeral can contain, for building patterns."""


def parse_chinese(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十一 → 21, 一百零一 → 101, 壹拾贰 → 12, 一〇〇 → 100; None if not a numeral."""
    if not text or any(c not in _CN_VALUE and c not in _CN_UNIT for c in text):
        return None
    if not any(c in _CN_UNIT for c in text):
        return int("".join(str(_CN_VALUE[c]) for c in text))
    total = 0
    digit: int | None = None
    last_unit = 100000
    for c in text:
        if c in _CN_VALUE:
            if digit is not None and _CN_VALUE[c] != 0:
                return None
            digit = _CN_VALUE[c] if _CN_VALUE[c] else None
        else:
            unit = _CN_UNIT[c]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
    return total + (digit or 0)


def parse_roman(text: str) -> int | None:
    """XII → 12, iv → 4; None when `text` is not a well-formed roman numeral."""
    if not text or any(c not in "IVXLCDM" for c in text.upper()):
        return None
    value = 0
    table = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    upper = text.upper()
    for i, c in enumerate(upper):
        v = table[c]
        if i + 1 < len(upper) and table[upper[i + 1]] > v:
            value -= v
        else:
            value += v
    return value if _roman(value) == upper else None


def parse_letter(text: str) -> int | None:
    """a → 1, z → 26, aa → 27 (Word's repeated letters); None otherwise."""
    if not text or not text.isascii() or not text.isalpha() or len(set(text.lower())) != 1:
        return None
    return (ord(text[0].lower()) - ord("a") + 1) + 26 * (len(text) - 1)


def parse_digits(text: str) -> int | None:
    """'12' or full-width '１２' → 12."""
    if not text:
        return None
    out = []
    for c in text:
        if "0" <= c <= "9":
            out.append(c)
        elif "０" <= c <= "９":
            out.append(chr(ord(c) - 0xFF10 + 48))
        else:
            return None
    return int("".join(out))


def parse_circled(text: str) -> int | None:
    """① → 1 … ⑳ → 20."""
    if len(text) == 1 and 0x2460 <= ord(text) <= 0x2473:
        return ord(text) - 0x2460 + 1
    return None
