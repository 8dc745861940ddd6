"""Evaluation in the renderings: a diagram coloured by status, an outline with each verdict."""

from pathlib import Path

from argmap import evaluate, load, outline
from argmap.render import to_dot
from argmap.render.status import by_status, status_line

wire = load(Path(__file__).resolve().parents[2] / "examples" / "wire_cia_drawdown.py")
result = evaluate(wire)

# The diagram: a badge, a fill and a border style for each status, and a legend saying what they mean.
dot = to_dot(wire, by_status(result))
assert "○ undecided" in dot
assert "✓ accepted" in dot

# The outline: under each claim, its status and the reason for it.
text = outline(wire, width=120, root="fewer-cia", status=status_line(result))
print(text)
assert "○ undecided: answered skeptically by [scahill-tweet] and [lakhani-doubt], neither upheld nor dismissed" in text
