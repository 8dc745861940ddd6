"""The two articles, evaluated: what stands, what the skeptics leave open, and what the merger changes."""

from pathlib import Path

from argmap import evaluate, load

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
wire = load(EXAMPLES / "wire_cia_drawdown.py")
merged = load(EXAMPLES / "merged.py")

result = evaluate(wire)
open_questions = [claim.id for claim in wire.claims if result.status(claim) != "accepted"]
print(open_questions)
# ['economic-toll', '68-billion', 'figure-unexplained', 'fewer-cia', 'scahill-tweet', 'lakhani-doubt']

# The skeptical responses leave "Pakistan's demands will reduce the C.I.A. presence" undecided, not rejected.
assert (
    result["fewer-cia"].reason
    == "undecided: answered skeptically by [scahill-tweet] and [lakhani-doubt], neither upheld nor dismissed"
)
assert result.status("collapse") == "accepted"  # the Times' reading of the relationship stands

# Preferred semantics splits the open questions into views: believers' and skeptics'.
views = evaluate(wire, "preferred")
assert len(views.views) == 4  # two independent disputes: the $68 billion figure, and the C.I.A.'s presence
assert views.credulous("fewer-cia")  # accepted in some extension,
assert not views.skeptical("fewer-cia")  # not in all

# Merged with Dayen's post, McClatchy's report (the strikes go on with Pakistani cooperation) now backs
# the skeptics: their responses rest on reported facts instead of standing alone...
after = evaluate(merged)
assert after["support:strikes-continue>lakhani-doubt"].status == "undecided"
assert after.status("strikes-continue") == "accepted"
# ...yet a skeptical response contests without refuting: "fewer C.I.A." stays undecided.
assert after.status("fewer-cia") == "undecided"

# Read McClatchy's report as a rebuttal instead (strikes that go on contradict a shrinking presence),
# and the claim falls: that is the difference between answering a claim skeptically and rebutting it.
rebutted = load(EXAMPLES / "merged.py")
rebutted.rebut("strikes-continue", "fewer-cia")
assert evaluate(rebutted)["fewer-cia"].reason == "rejected: rebutted by [strikes-continue], which stands"
