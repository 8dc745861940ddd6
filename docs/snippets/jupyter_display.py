"""What a notebook is given for each value: its MIME bundle, the forms a front end picks from."""

from pathlib import Path

from argmap import check, evaluate, load, outline
from argmap.jupyter import ROWS, diagram, page

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
wire = load(EXAMPLES / "wire_cia_drawdown.py")

# The problems: a table, and a summary line and a line each for a terminal.
problems = check(wire)
assert problems == [problems[0]]  # still a list
assert list(problems._repr_mimebundle_()) == ["text/html", "text/plain"]
print(problems._repr_mimebundle_()["text/plain"])
# 1 problem: 0 errors, 1 warning
# warning: claim 'alliance' is connected to nothing [orphan-claim]

# The evaluation: a table of the first ROWS verdicts; its repr, one line.
evaluation = evaluate(wire)
print(repr(evaluation))
# <Evaluation grounded: 31 claims (25 accepted, 6 undecided), 27 relations (20 accepted, 7 undecided)>
table = evaluation._repr_mimebundle_()["text/html"]
assert table.count("<tr>") == 1 + ROWS
assert f"Showing the first {ROWS} of 58 rows" in table

# A markdown outline shows as Markdown, and is still a str.
text = outline(wire, style="markdown", root="fewer-cia")
assert text._repr_mimebundle_() == {"text/markdown": text, "text/plain": text}
assert text.startswith("# Pakistan asks the CIA to leave")

# Diagrams and pages are laid out when shown, not when made.
coloured = diagram(wire, evaluation=evaluation)
interactive = page(wire, evaluation=evaluation, height=480)
