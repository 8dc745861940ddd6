"""A council debate of 10 claims: quoted sources, a linked support that is undercut and answered skeptically, sarcasm.

docs/rendering.md draws it to show the shape argmap chooses, verdicts on relations, two marks on one
junction and an attribution that passed through two hands.
"""

from argmap import ArgumentMap, Source

gazette = Source("The Riverton Gazette", kind="publication")
radio = Source("Riverton Community Radio", kind="organisation")
economist = Source("An economist", kind="person", affiliation="University of Riverton")
mayor = Source("Mayor Ellen Park", kind="person")
council = Source("Councillor Dev Rao", kind="person")
residents = Source("Mill Street residents", kind="organisation")

m = ArgumentMap(title="Riverton builds a bus depot", author="The Riverton Gazette", date="2026-03-04")
build = m.claim("The council should build the new bus depot on Mill Street.", by=mayor, via=gazette)
owned = m.claim("The town already owns the Mill Street site.", by=mayor, via=gazette)
saves = m.claim("Building on land the town owns saves two years of purchase.", by=mayor, via=gazette)
linked = m.support([owned, saves], build)
m.undercut(
    "Owning the land saves no time when the soil must first be cleaned.",
    linked,
    by=economist,
    via=[radio, gazette],
    medium="broadcast",
    quote="Owning it buys you nothing if the soil has to come out first.",
)
m.skeptical_response("Has anyone costed the clean-up?", linked, by=council, via=gazette, stance="question")
jobs = m.claim("The depot brings forty jobs to the east side.", by=mayor, via=gazette)
m.support(jobs, build)
m.rebut(
    "Diesel buses would pass the primary school twice an hour.",
    build,
    by=residents,
    via=gazette,
    quote="Our kids walk that road.",
)
noise = m.claim("Night servicing would keep Mill Street awake.", by=residents, via=gazette)
m.rebut(noise, build)
m.rebut("The depot plans put servicing indoors after 10 pm.", noise, by=mayor, via=gazette)
m.skeptical_response(
    "Forty jobs, all of them moved from the old depot.", jobs, by=council, via=gazette, stance="sarcasm"
)

MAP = m
