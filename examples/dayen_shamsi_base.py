"""The Shamsi drone base: David Dayen's blog post on whether Pakistan's demand is "all talk".

The post, in ../shared/articles/dayen-shamsi-base.txt, sets a reported demand
against a reported refusal, poses a dilemma, settles it on McClatchy's
report that the strikes go on with Pakistani cooperation, reads the result as
a double game, weighs and rebuts a counter-consideration, and draws the
consequence: a reason to fly the drones from Afghanistan. Comments quote the
sentence each element comes from.
"""

from argmap import ArgumentMap, Source

dayen = Source("David Dayen", kind="person")
ft = Source("Financial Times", kind="publication")
reuters = Source("Reuters", kind="publication")
mcclatchy = Source("McClatchy", kind="publication")
us_officials = Source("U.S. officials", kind="official")
official = Source("A U.S. official familiar with the matter", kind="official", id="us-official-familiar")
second_official = Source("A second U.S. official", kind="official")
brennan = Source("John Brennan", kind="official", affiliation="top U.S. counter-terrorism official")
# Dayen quotes this report without naming it (its spelling "al Qaida" matches McClatchy's, quoted earlier).
quoted_report = Source("An unnamed news report", kind="anonymous", id="quoted-report")

m = ArgumentMap(
    title="The Shamsi drone base",
    author="David Dayen",
    description="Is Pakistan's demand that the U.S. leave the Shamsi air base all talk, "
    "or a major international incident?",
)

# "Yesterday, the Financial Times wrote that the Pakistani Defense Minister, Ahmed Mukhtar, demanded that the
# US remove itself from the Shamsi air base used to launch drone attacks."
demand = m.claim(
    "Pakistan's Defense Minister, Ahmed Mukhtar, demanded that the U.S. leave the Shamsi air base, "
    "from which drone attacks are launched.",
    by=ft,
    medium="article",
    id="mukhtar-demand",
)

# "The United States is rejecting demands from Pakistani officials that American personnel abandon a
# military base used by the CIA to stage drone strikes against suspected militants, U.S. officials told
# Reuters. U.S. personnel have not left ... and there is no plan for them to do so, said a U.S. official
# familiar with the matter ... "That base is neither vacated nor being vacated," the official said.
# The information was confirmed by a second U.S. official."
refusal = m.claim(
    "The U.S. is rejecting Pakistani demands that American personnel abandon the Shamsi base.",
    by=us_officials,
    via=reuters,
    id="us-refuses",
)
not_vacated = m.claim(
    "U.S. personnel have not left Shamsi Air Base and there is no plan for them to do so.",
    by=official,
    via=reuters,
    quote="That base is neither vacated nor being vacated.",
    id="not-vacated",
)
m.support(not_vacated, refusal)
m.support(
    m.claim(
        "A second U.S. official confirmed that U.S. personnel have not left the base.",
        by=second_official,
        via=reuters,
        id="second-official-confirms",
    ),
    not_vacated,
    label="confirmation",
)

# "But the US is apparently refusing to leave, and suggested they didn't even know about the demand."
unaware = m.claim(
    "U.S. officials suggested they did not even know about the demand.",
    by=dayen,
    medium="blog",
    qualifier="apparently",
    id="did-not-know",
)

# "Either the Pakistanis are all talk, or we have a major international incident on our hands."
dilemma = m.claim(
    "Either the Pakistanis are all talk, or there is a major international incident on our hands.",
    by=dayen,
    medium="blog",
    id="dilemma",
)
m.support([demand, refusal], dilemma, label="a demand met by a refusal")

# "I suspect it's the former, because as McClatchy notes drone strikes are still occurring, with Pakistani
# cooperation."
talk = m.claim("The Pakistanis are all talk.", by=dayen, medium="blog", qualifier="I suspect", id="all-talk")
cooperation = m.claim(
    "The CIA is still launching drone strikes from a base in southwestern Pakistan, with Pakistani cooperation.",
    by=us_officials,
    via=mcclatchy,
    quote="The CIA still is launching drone strikes against al Qaida and allied extremists from a base in "
    "southwestern Pakistan, indicating that key facets of counterterrorism cooperation have survived the "
    "serious strains in U.S.-Pakistani relations since Osama bin Laden's killing",
    id="strikes-continue",
)
m.support([dilemma, cooperation], talk, label="the former, because")
m.support(unaware, talk)

# "But the covert cooperation that U.S. officials consider the heart of the counterterrorism effort --
# including strikes by unmanned, missile-firing drones that have reportedly killed at least 35 extremist
# leaders since 2004 -- is continuing."
m.support(
    m.claim(
        "The covert cooperation at the heart of the counterterrorism effort, including drone strikes that have "
        "reportedly killed at least 35 extremist leaders since 2004, is continuing.",
        by=us_officials,
        via=mcclatchy,
        id="covert-cooperation-continues",
    ),
    cooperation,
)

# "More high-profile cooperative programs have been throttled by the Pakistani military, which is furious
# that it was kept in the dark about the May 2 U.S. raid on bin Laden's hideout ... U.S. military trainers
# have been ordered out of the country and visas for U.S. officials have been held up."
throttled = m.claim(
    "Pakistan's military has throttled the more visible cooperative programs: U.S. military trainers were "
    "ordered out of the country and visas for U.S. officials held up.",
    by=mcclatchy,
    id="visible-programs-throttled",
)
m.support(
    m.claim(
        "Pakistan's military is furious that it was kept in the dark about the May 2 U.S. raid on "
        "bin Laden's hideout near Islamabad.",
        by=mcclatchy,
        id="furious-about-raid",
    ),
    throttled,
    label="why",
)

# "In other words, the Pakistani defense minister wanted his domestic audience to know that they were not
# capitulating to the Americans, while behind the scenes.... capitulating to the Americans."
double_game = m.claim(
    "The defense minister wanted his domestic audience to know Pakistan was not capitulating to the "
    "Americans, while behind the scenes it was capitulating.",
    by=dayen,
    medium="blog",
    id="double-game",
)
m.support([demand, cooperation], double_game, label="in other words")
m.support(throttled, double_game, label="public gestures, private cooperation")
m.support(double_game, talk)

# "Now, that could be an argument for domestic consumption in the US, and behind the scenes the
# relationship is really more fraught. But it's hard to pretend that drone attacks don't exist, and there
# doesn't seem to be any reason to believe that they have stopped or even slowed down."
fraught = m.claim(
    "This could be an argument for domestic consumption in the U.S., and behind the scenes the relationship "
    "is really more fraught.",
    by=dayen,
    medium="blog",
    qualifier="could",
    id="us-consumption",
)
m.rebut(fraught, double_game, label="counter-consideration")
undeniable = m.claim(
    "It is hard to pretend that drone attacks don't exist, and there is no reason to believe they have "
    "stopped or even slowed down.",
    by=dayen,
    medium="blog",
    id="drones-undeniable",
)
m.rebut(undeniable, fraught)

# "However, just the headache this kind of double game produces provides more reason for the US to want to
# find a different base of operations for these attacks. Somewhere like Afghanistan."
elsewhere = m.claim(
    "The headache of this double game gives the U.S. more reason to want a different base for its drone "
    "attacks, somewhere like Afghanistan.",
    by=dayen,
    medium="blog",
    id="another-base",
)
m.support(double_game, elsewhere)

# "Indeed, top counter-terrorism official John Brennan alluded to this the other day: The agency also flies
# drones from sites in Afghanistan, so a decision by Pakistan to end the agency's use of Shamsi likely
# wouldn't deal a major blow ... In an indirect acknowledgment that drone strikes would continue no matter
# what, Brennan said, "In some places such as the tribal regions between Afghanistan and Pakistan, we will
# deliver precise and overwhelming force against al Qaida.""
m.support(
    m.claim(
        "The CIA also flies drones from sites in Afghanistan, so losing Shamsi would likely not deal a major blow "
        "to the drone program.",
        by=quoted_report,
        medium="article",
        id="drones-from-afghanistan",
    ),
    elsewhere,
    label="Brennan alluded to this",
)
m.support(
    m.claim(
        "Drone strikes will continue no matter what Pakistan decides.",
        by=brennan,
        via=quoted_report,
        medium="speech",
        quote="In some places such as the tribal regions between Afghanistan and Pakistan, we will deliver precise "
        "and overwhelming force against al Qaida.",
        qualifier="an indirect acknowledgment",
        id="precise-and-overwhelming-force",
    ),
    elsewhere,
    label="Brennan alluded to this",
)

# "If you want to know why we're still hanging around in Afghanistan when we changed the mission, there you go."
m.support(
    elsewhere,
    m.claim(
        "This is why the U.S. is still in Afghanistan though its mission has changed: it wants a base for "
        "its drone strikes.",
        by=dayen,
        medium="blog",
        id="why-afghanistan",
    ),
)

MAP = m
