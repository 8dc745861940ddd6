"""Shared claims, cycles, one subtree, and the Markdown style."""

from argmap import ArgumentMap, outline
from argmap.render import OutlineOptions

m = ArgumentMap()
why = m.claim("This is why the U.S. stays in Afghanistan.", id="why-afghanistan")
base = m.claim("The U.S. wants a drone base outside Pakistan.", id="another-base")
double = m.claim("Pakistan plays a double game.", id="double-game")
m.support(base, why)
m.support(double, base)
m.support(double, m.claim("The Pakistanis are all talk.", id="all-talk"))  # a second conclusion it bears on

# Two claims that only support each other: no main conclusion reaches them.
strikes = m.claim("Strikes go on because Pakistan cooperates.", id="strikes")
m.support(m.claim("Pakistan cooperates because strikes go on.", id="cooperates"), strikes)
m.support(strikes, "cooperates")

WHOLE = """\
This is why the U.S. stays in Afghanistan. [why-afghanistan]
└── + The U.S. wants a drone base outside Pakistan. [another-base]
    └── + Pakistan plays a double game. [double-game]

The Pakistanis are all talk. [all-talk]
└── + see [double-game]

In a cycle, under no main conclusion:

Strikes go on because Pakistan cooperates. [strikes]
└── + Pakistan cooperates because strikes go on. [cooperates]
    └── + see [strikes]
"""

SUBTREE = """\
The U.S. wants a drone base outside Pakistan. [another-base]
└── + Pakistan plays a double game. [double-game]
"""

MARKDOWN = """\
## This is why the U.S. stays in Afghanistan. \\[why-afghanistan\\]

- `+` The U.S. wants a drone base outside Pakistan. \\[another-base\\]
  - `+` Pakistan plays a double game. \\[double-game\\]
"""

assert outline(m) == WHOLE
assert outline(m, root="another-base") == SUBTREE
assert outline(m, style="markdown", root="why-afghanistan") == MARKDOWN
assert outline(m, OutlineOptions(style="markdown", root="why-afghanistan")) == MARKDOWN  # the same, as one value
