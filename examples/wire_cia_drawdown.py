"""Pakistan asks the CIA to leave: The Atlantic Wire's round-up of the New York Times report.

The article, in ../shared/articles/wire-cia-drawdown.txt, makes one main
claim (the relationship may be collapsing), gives its evidence (Kayani's
demands), explains them (a proximate cause and five fundamental reasons, each
from its own sources), and ends with the skeptics. Each move of the article
is one element here, in the article's order; comments quote the sentence it
comes from.
"""

from argmap import ArgumentMap, Source

# Who speaks. Unnamed officials are separate sources when they spoke to different outlets.
wire = Source("The Atlantic Wire", kind="publication")
nyt = Source("The New York Times", kind="publication")
dawn = Source("Dawn", kind="publication", affiliation="Pakistani newspaper")
guardian = Source("The Guardian", kind="publication")
officials = Source("Pakistani and American officials", kind="official")
official_to_times = Source("A Pakistani official", kind="official", id="pakistani-official-to-the-times")
official_to_dawn = Source("A Pakistani official", kind="official", id="pakistani-official-to-dawn")
intelligence = Source("Pakistani intelligence officials", kind="official")
zardari = Source("Asif Ali Zardari", kind="official", affiliation="President of Pakistan")
mitchell = Source("Andrea Mitchell", kind="person", affiliation="NBC")
hasan = Source("Syed Shoaib Hasan", kind="person", affiliation="BBC")
scahill = Source("Jeremy Scahill", kind="person", affiliation="The Nation")
lakhani = Source("Kalsoom Lakhani", kind="person", affiliation="Changing Up Pakistan")

NOT_CONFIRMED = "U.S. officials have not confirmed the Times report"

m = ArgumentMap(
    title="Pakistan asks the CIA to leave",
    author="The Atlantic Wire",
    publication="The Atlantic Wire",
    description="Why Pakistan's army chief wants the C.I.A. out, as the New York Times and other outlets report it, "
    "and why some analysts doubt it will change much.",
)

# "U.S.-Pakistani relations may be perennially tense, but the alliance has enabled the U.S. to train
# Pakistani forces and launch drone strikes ..." The background against which the news is news.
m.claim(
    "Despite perennially tense relations, the U.S.-Pakistani alliance has enabled the U.S. to train Pakistani "
    "forces and launch drone strikes against militants in northwestern Pakistan.",
    by=wire,
    medium="article",
    tags="background",
    note="The drone strikes aim to stop militants attacking American troops in Afghanistan or coordinating "
    "terrorist attacks overseas.",
    id="alliance",
)

# "According to The New York Times, however, the relationship may be teetering on collapse."
collapse = m.claim(
    "The U.S.-Pakistani relationship may be teetering on collapse.",
    by=nyt,
    medium="report",
    id="collapse",
)

# "The Times is reporting that General Ashfaq Parvez Kayani ... has asked 335 C.I.A. officers and Special
# Operations forces--including all C.I.A. contractors--to leave the country. Kayani has also called for an
# end to drone strikes and requested more information about C.I.A. covert operations (U.S. officials have
# not confirmed the Times report)."
demands = m.claim(
    "Pakistan's military chief, General Ashfaq Parvez Kayani, is demanding that the U.S. sharply scale back "
    "its covert presence and operations in Pakistan.",
    by=nyt,
    medium="report",
    id="kayani-demands",
)
for text, id in (
    (
        "Kayani has asked 335 C.I.A. officers and Special Operations forces, including all C.I.A. contractors, "
        "to leave Pakistan.",
        "leave",
    ),
    ("Kayani has called for an end to drone strikes.", "end-drone-strikes"),
    ("Kayani has requested more information about C.I.A. covert operations.", "more-information"),
):
    m.support(m.claim(text, by=nyt, medium="report", qualifier=NOT_CONFIRMED, id=id), demands, label="demand")
m.support(demands, collapse, label="evidence")

# "In interviews with the Times, Pakistani and American officials pointed to Pakistan's arrest of C.I.A.
# contractor Raymond Davis--who killed two Pakistanis in January--as the proximate cause for Kayani's
# demands. Davis was released in March after the victims' families received so-called "blood money,"
# sparking anti-American protests in Pakistan."
davis = m.claim(
    "Pakistan's arrest of C.I.A. contractor Raymond Davis, who killed two Pakistanis in January, "
    "is the proximate cause of Kayani's demands.",
    by=officials,
    via=nyt,
    medium="interview",
    id="davis-affair",
)
m.support(davis, demands, label="proximate cause")
m.support(
    [
        m.claim(
            'Davis was released in March after the victims\' families received so-called "blood money".',
            by=wire,
            id="blood-money",
        ),
        m.claim("Davis's release sparked anti-American protests in Pakistan.", by=wire, id="protests"),
    ],
    davis,
    label="the affair",
)

# "But the Times and other news outlets also cite more fundamental reasons for Pakistan's growing unease
# with U.S. counterterrorism operations in the country:"
unease = m.claim(
    "Pakistan is growing uneasy with U.S. counterterrorism operations in the country.",
    by=nyt,
    note="The Times and other news outlets cite five more fundamental reasons.",
    id="unease",
)
m.support(unease, demands, label="fundamental reasons")

# "Desire to Protect Nuclear Program: The Pakistani army thinks Washington's underlying motivation in
# Pakistan is to dismantle the country's large nuclear arsenal, a Pakistani official tells the Times."
m.support(
    m.claim(
        "The Pakistani army thinks Washington's underlying motivation in Pakistan is to dismantle the "
        "country's large nuclear arsenal.",
        by=official_to_times,
        via=nyt,
        id="nuclear",
    ),
    unease,
    label="desire to protect the nuclear program",
)

# "Anger Over Drone Strikes: The U.S. has expanded its drone strikes--which are deeply unpopular in
# Pakistan--as it loses confidence in the Pakistani military's ability to root out the Taliban and al Qaeda
# ..., the Times explains, and Kayani wants the program to end or be curtailed (Kayani forcefully condemned
# a drone attack the day after Davis was released that killed tribal leaders with ties to the Pakistani
# military). As NBC's Andrea explains on Twitter, "Pakistan sees Raymond Davis case as wedge to get what
# it's wanted: fewer drone attacks less CIA presence.""
anger = m.claim("Pakistan is angry over U.S. drone strikes.", by=wire, id="anger-over-drones")
m.support(anger, unease, label="anger over drone strikes")
m.support(
    m.claim(
        "The U.S. has expanded its drone strikes, which are deeply unpopular in Pakistan, as it loses "
        "confidence in the Pakistani military's ability to root out the Taliban and al Qaeda in the tribal areas.",
        by=nyt,
        id="strikes-expanded",
    ),
    anger,
)
curtailed = m.claim("Kayani wants the drone program to end or be curtailed.", by=nyt, id="kayani-wants-curtailed")
m.support(curtailed, anger)
m.support(
    m.claim(
        "Kayani forcefully condemned a drone attack, the day after Davis was released, that killed tribal "
        "leaders with ties to the Pakistani military.",
        by=nyt,
        id="kayani-condemned",
    ),
    curtailed,
)
m.support(
    m.claim(
        "Pakistan sees the Raymond Davis case as a wedge to get what it has wanted: fewer drone attacks "
        "and less C.I.A. presence.",
        by=mitchell,
        medium="tweet",
        quote="Pakistan sees Raymond Davis case as wedge to get what it's wanted: fewer drone attacks less CIA presence.",
        id="wedge",
    ),
    anger,
)

# "Sense That U.S. Is Leaving Pakistan in Dark: A Pakistani official tells the Pakistani newspaper Dawn that
# the the country's military and intelligence agency, the I.S.I., were offended when they learned of Raymond
# Davis' covert mission in Pakistan. While the U.S. normally informs Pakistan of people like Davis, the
# official explains, "in this case, and in hundreds of other similar cases, the whole procedure was set aside
# and we were bypassed." The U.S. now doesn't even share intelligence with the Pakistanis about how it
# chooses its targets for drone strikes, according to the Times. Pakistan also suspects that it's being
# excluded from negotiations for an Afghan peace deal, The Gurdian notes."
dark = m.claim("Pakistan senses that the U.S. is leaving it in the dark.", by=wire, id="in-the-dark")
m.support(dark, unease, label="sense of being left in the dark")
offended = m.claim(
    "Pakistan's military and its intelligence agency, the I.S.I., were offended when they learned of "
    "Raymond Davis's covert mission in Pakistan.",
    by=official_to_dawn,
    via=dawn,
    id="isi-offended",
)
m.support(offended, dark)
m.support(
    m.claim(
        "The U.S. normally informs Pakistan of people like Davis, but set the procedure aside in this case "
        "and in hundreds of others.",
        by=official_to_dawn,
        via=dawn,
        quote="in this case, and in hundreds of other similar cases, the whole procedure was set aside and we were bypassed.",
        id="bypassed",
    ),
    offended,
)
m.support(
    m.claim(
        "The U.S. no longer shares intelligence with Pakistan about how it chooses its targets for drone strikes.",
        by=nyt,
        id="no-targeting-intelligence",
    ),
    dark,
)
m.support(
    m.claim(
        "Pakistan suspects that it is being excluded from negotiations for an Afghan peace deal.",
        by=guardian,
        id="excluded-from-peace-talks",
    ),
    dark,
)

# "Concern about Economic Toll of 'War on Terror': In an interview with Pakistani President Asif Ali
# Zardari, The Guardian notes that Pakistani intelligence officials estimate that the U.S. war on terror has
# cost the Pakistani economy around $68 billion since 2001. The Guardian doesn't elaborate on how the
# officials arrived at that figure, but Zardari gives clues, explaining that Pakistan has invested more in
# security than commerce and that the country is contending with rising fuel prices and the collapse of
# industry in the tribal areas."
toll = m.claim("Pakistan is concerned about the economic toll of the 'war on terror'.", by=wire, id="economic-toll")
m.support(toll, unease, label="concern about the economic toll")
cost = m.claim(
    "The U.S. war on terror has cost the Pakistani economy around $68 billion since 2001.",
    by=intelligence,
    via=guardian,
    qualifier="an estimate",
    id="68-billion",
)
m.support(cost, toll)
unexplained = m.claim(
    "The Guardian does not say how the officials arrived at the $68 billion figure.", by=wire, id="figure-unexplained"
)
m.skeptical_response(unexplained, cost, stance="reservation")
m.support(
    [
        m.claim(
            "Pakistan has invested more in security than in commerce.",
            by=zardari,
            via=guardian,
            medium="interview",
            id="security-over-commerce",
        ),
        m.claim(
            "Pakistan is contending with rising fuel prices and the collapse of industry in the tribal areas.",
            by=zardari,
            via=guardian,
            medium="interview",
            id="fuel-and-industry",
        ),
    ],
    cost,
    label="Zardari's explanation",
)

# "Response to Pakistani Public Opinion: Many Pakistanis, the BBC's Syed Shoaib Hasan explains, feel that the
# U.S. is criticizing Pakistan's instability "while directly contributing to it with its actions along the
# Afghan border.""
opinion = m.claim("Pakistan's leaders are responding to Pakistani public opinion.", by=wire, id="public-opinion")
m.support(opinion, unease, label="response to public opinion")
m.support(
    m.claim(
        "Many Pakistanis feel that the U.S. criticizes Pakistan's instability while contributing to it "
        "with its actions along the Afghan border.",
        by=hasan,
        medium="article",
        quote="while directly contributing to it with its actions along the Afghan border.",
        id="criticized-and-destabilized",
    ),
    opinion,
)

# "Some analysts are skeptical, however, about whether Pakistan's demands will actually result in a reduced
# C.I.A presence in the country."
fewer = m.claim(
    "Pakistan's demands will reduce the C.I.A. presence in the country.",
    by=wire,
    qualifier="the article asks whether they actually will",
    note="What the demands would achieve if they worked; some analysts are skeptical.",
    id="fewer-cia",
)
m.support(demands, fewer)

# "In response to a tweet about Pakistan asking the U.S. to cut C.I.A activity, The Nation's Jeremy Scahill
# wrote, "You mean PK tells US it must sharply reduce the number of times its operatives get caught.""
caught_less = m.claim(
    "Pakistan is only telling the U.S. to get its operatives caught less often, not to withdraw them.",
    by=scahill,
    medium="tweet",
    quote="You mean PK tells US it must sharply reduce the number of times its operatives get caught.",
    id="scahill-tweet",
)
m.skeptical_response(caught_less, fewer, stance="sarcasm")

# "And Kalsoom Lakhani at Changing Up Pakistan doesn't think the U.S. will stop its drone strikes because of
# vague Pakistani complaints."
wont_stop = m.claim(
    "The U.S. will not stop its drone strikes because of vague Pakistani complaints.",
    by=lakhani,
    medium="blog",
    id="lakhani-doubt",
)
m.skeptical_response(wont_stop, fewer, stance="doubt")

MAP = m
