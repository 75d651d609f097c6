"""Numbers and labels inside a chart: coordinates with a dot, labels that fit their room."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from insatsportal.core.money import group_thousands

# The one marker for a figure hidden because the group is smaller than five.
HIDDEN = "–"
# Average glyph width per unit of font size: errs wide, so a label never overflows its room.
GLYPH = 0.62
LINE_HEIGHT = 1.2


def coord(value) -> str:
    """An SVG coordinate: '115.0', never the Swedish '115,0' (which moves the shape)."""
    return f"{float(value):.1f}"


def one_decimal(value) -> Decimal | None:
    """The value rounded half up to one decimal: what both chart and table show."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def decimal_text(value) -> str:
    """2.05 -> '2,1' (Swedish decimal comma, real minus sign)."""
    number = one_decimal(value)
    text = f"{abs(number):.1f}".replace(".", ",")
    return f"−{text}" if number < 0 else text


def signed_text(value) -> str:
    """0.5 -> '+0,5', -0.3 -> '−0,3', 0 -> '0,0'."""
    number = one_decimal(value)
    text = decimal_text(abs(number))
    return f"+{text}" if number > 0 else f"−{text}" if number < 0 else text


def text_width(text: str, font_size: float) -> float:
    return len(text) * font_size * GLYPH


@dataclass(frozen=True)
class Label:
    """A text wrapped into lines that fit a width; `abbreviated` when cut (the full text then
    goes into a <title>, so a pointer or screen reader still gets it)."""
    text: str
    lines: list[str]
    abbreviated: bool
    x: str = "0"
    y: str = "0"
    anchor: str = "middle"
    font_size: int = 11
    angle: int = 0  # degrees: a slanted label when upright ones would not fit side by side

    @property
    def transform(self) -> str:
        return f"rotate({self.angle} {self.x} {self.y})" if self.angle else ""

    @property
    def tspans(self):
        """(x, dy) per line: the first at the label's y, the next one line below."""
        step = coord(self.font_size * LINE_HEIGHT)
        return [(line, "0" if i == 0 else step) for i, line in enumerate(self.lines)]


def fits_upright(texts, width: float, font_size: int) -> bool:
    """Whether every word of every text fits `width` (else wrapping would cut words)."""
    chars = int(width / (font_size * GLYPH))
    return all(len(word) <= chars for text in texts for word in str(text).split())


def _wrap(text: str, chars: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        while len(word) > chars:  # a word longer than the room is cut across lines
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:chars])
            word = word[chars:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= chars:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def fit_label(text: str, width: float, *, font_size: int = 11, max_lines: int = 2,
              x: float = 0, y: float = 0, anchor: str = "middle", angle: int = 0) -> Label:
    """`text` wrapped to `width` in at most `max_lines` lines, the last one ending in '…' if
    the text did not fit."""
    text = str(text)
    chars = max(int(width / (font_size * GLYPH)), 3)
    lines = _wrap(text, chars)
    abbreviated = len(lines) > max_lines
    if abbreviated:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:chars - 1].rstrip() + "…"
    return Label(text=text, lines=lines, abbreviated=abbreviated, x=coord(x), y=coord(y),
                 anchor=anchor, font_size=font_size, angle=angle)


def short_kronor(value) -> str:
    """A bar label for large sums: '3,4 mnkr', '850 tkr' or '120 kr' (the table is exact)."""
    number = Decimal(value)
    sign = "−" if number < 0 else ""
    number = abs(number)
    if number >= 1_000_000:
        return f"{sign}{decimal_text(number / 1_000_000)}\xa0mnkr"
    if number >= 1000:
        return f"{sign}{group_thousands(number / 1000)}\xa0tkr"
    return f"{sign}{group_thousands(number)}\xa0kr"
