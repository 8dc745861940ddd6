"""Reading Argdown as its users write it, and writing the same file back; any map round-trips exactly."""

from pathlib import Path

from argmap import ArgumentMap, Rebuttal, Source, Support, dumps, load, loads

path = Path(__file__).resolve().parents[2] / "examples" / "congestion.argdown"
amap = load(path)  # the file shown above

assert amap.title == "The congestion charge"
charge = amap.claim_for("Charge")
assert charge.tags == ("policy",)
assert charge.section == "Main question"
assert amap.claim_for("<Jams>").text.startswith("Rush-hour speeds")  # a sketched argument is a claim titled <Jams>
assert Support(["<Jams>"], "Charge") in amap.supports
assert Rebuttal("<Costs>", "Charge") in amap.rebuttals
assert amap["Stockholm"] == Support(["Untitled 1", "Untitled 2"], "Cut", label="by analogy", id="Stockholm")
assert Rebuttal("Survey", "<Costs>", label="undercut") in amap.rebuttals  # `_>` on a sketched argument

written = dumps(amap, "argdown")
assert written.split() == path.read_text(encoding="utf-8").split()  # the same file back, whitespace aside

# The map keeps the file's layout beside it: a claim added since is written after the paragraphs kept as written.
amap.support("Buses run faster since the charge.", "Charge", new=True)
edited = dumps(amap, "argdown")
assert edited.startswith(path.read_text(encoding="utf-8").rstrip("\n"))
assert loads(edited, "argdown") == amap

# Any map comes back exactly, with what Argdown has no syntax for in its data.
m = ArgumentMap(title="Pakistan asks the CIA to leave")
scahill = Source("Jeremy Scahill", affiliation="The Nation")
fewer = m.claim("Pakistan's demands will reduce the C.I.A. presence.", id="fewer", tags=["news"])
demand = m.claim("Kayani asked 335 C.I.A. officers to leave.", id="demand", qualifier="not confirmed")
m.support(demand, fewer)
m.skeptical_response(
    "PK tells US it must reduce the times its operatives get caught.", fewer, by=scahill, stance="sarcasm"
)
text = dumps(m, "argdown")
print(text)
assert loads(text, "argdown") == m
