"""Which claims stand: a map evaluated under an argumentation semantics, with a reason for each verdict.

The map becomes an abstract framework the way ASPIC+ builds one (Modgil and
Prakken 2013), which is also Prakken's reading of support in bipolar
frameworks (2014): support is the sub-argument relation.

- A claim that no support concludes is taken as given: it is an argument on
  its own. A support makes an argument for its conclusion out of one
  argument for each of its premises (a linked support needs them all). A
  claim never rests on itself: no argument repeats a claim along a path.
- A rebuttal's attacker attacks every argument that contains the rebutted
  claim, as conclusion or anywhere beneath it: what rests on a rejected
  claim falls with it (Cayrol and Lagasquie-Schiex's secondary attacks
  follow from this, as Prakken shows).
- An undercut's attacker attacks every argument that uses the support it
  undercuts, so the conclusion loses that support and keeps any other.
- A skeptical response contests without refuting: the responding claim and
  its target attack each other (the target through the arguments that
  conclude it, or, for a support responded to, the arguments it tops). A
  skeptical response that nothing else decides leaves its target undecided
  under grounded semantics, never rejected; preferred semantics gives a
  believer's view and a skeptic's view.

A claim is accepted when some argument for it is ``in``, rejected when every
argument for it is ``out`` (or it has none), undecided otherwise. A support
is judged the same way by the arguments it tops; a rebuttal, undercut or
skeptical response holds when its attacking claim does.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> fewer = m.claim("Pakistan's demands will reduce the C.I.A. presence.", id="fewer")
>>> tweet = m.claim("PK tells US to reduce the number of times its operatives get caught.", id="tweet")
>>> _ = m.skeptical_response(tweet, fewer, stance="sarcasm")
>>> evaluate(m)["fewer"].reason
'undecided: answered skeptically by [tweet], neither upheld nor dismissed'
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence, Set
from itertools import islice, product
from types import MappingProxyType
from typing import Literal, TypeAlias

import attrs

from argmap._display import Bundle, MimeTypes, bundle
from argmap._io import paused_gc
from argmap.errors import LimitError, UnknownElementError
from argmap.map import ArgumentMap
from argmap.model import Claim, Rebuttal, Relation, SkepticalResponse, Support, Undercut
from argmap.semantics import Framework, Semantics, known_semantics, labellings
from argmap.semantics.framework import IN, OUT, UNDEC

__all__ = [
    "ARGUMENT_LIMIT",
    "ATTACK_LIMIT",
    "STATUSES",
    "Evaluation",
    "MapArgument",
    "Status",
    "StatusEntry",
    "VERDICT_LIMIT",
    "Verdict",
    "evaluate",
]

Status: TypeAlias = Literal["accepted", "rejected", "undecided"]
"""What became of a claim or relation: it stands, it falls, or the map leaves it open."""


@attrs.frozen
class StatusEntry:
    """How every rendering shows one status: the diagram, the outline, the HTML page, the terminal, a notebook.

    Args:
        name: the status.
        mark: the sign beside it, never its colour alone.
        ascii_mark: the same sign in ASCII, for ``--style ascii``.
        meaning: what it means, in words a reader of the map knows.
        colour: its hue, for borders and text (Okabe-Ito, safe for colour-blind readers).
        fill: a light tint of it, for the box of a claim.
        terminal: the colour a terminal writes it in.
    """

    name: Status
    mark: str
    ascii_mark: str
    meaning: str
    colour: str
    fill: str
    terminal: str

    @property
    def badge(self) -> str:
        """Return the mark and the name, as a claim's badge shows them: ``"✓ accepted"``."""
        return f"{self.mark} {self.name}"


STATUSES: Mapping[Status, StatusEntry] = MappingProxyType(
    {
        "accepted": StatusEntry("accepted", "✓", "[+]", "stands", "#009E73", "#D9EFE6", "green"),
        "rejected": StatusEntry("rejected", "✗", "[x]", "falls", "#D55E00", "#F8DCCB", "red"),
        "undecided": StatusEntry("undecided", "○", "[ ]", "left open", "#A87300", "#FFF3CC", "yellow"),
    }
)
"""The one table of statuses, in order, each with how it is shown: every renderer and the command line read it.

>>> [entry.badge for entry in STATUSES.values()]
['✓ accepted', '✗ rejected', '○ undecided']
"""

ARGUMENT_LIMIT = 20_000
"""How many arguments a map's supports may combine into before :func:`evaluate` refuses it."""

ATTACK_LIMIT = 5_000_000
"""How many attacks between arguments :func:`evaluate` lists before it refuses a map.

A rebuttal attacks every argument that holds the claim it rebuts, so arguments within
:data:`ARGUMENT_LIMIT` can still attack each other hundreds of millions of times (a
300-claim map of many cross-supports: 17,474 arguments, 286 million attacks, 51 s and
2.3 GB for grounded semantics). This bounds the memory (about 8 bytes an attack) and the time.
"""

VERDICT_LIMIT = 500_000
"""How many verdicts (one per claim and relation, in each extension) :func:`evaluate` keeps before it refuses a map.

Extensions can be exponentially many (*n* pairs of claims that rebut each other have 2**n
preferred ones), and each becomes a view of every claim and relation: this bounds the memory
(about 250 bytes a verdict) and the time, whatever the map.
"""


@attrs.frozen
class Verdict:
    """The status of one claim or relation, with a reason a user can read.

    Args:
        status: ``"accepted"``, ``"rejected"`` or ``"undecided"``.
        reason: a sentence that starts with the status and names what decided it,
            ``"rejected: rebutted by [x], which stands"``.
        because: the ids of the claims and relations the reason names.
    """

    status: Status
    reason: str
    because: tuple[str, ...] = ()


@attrs.frozen
class MapArgument:
    """One argument of the framework a map becomes: a claim, and how it is reached.

    Args:
        name: the argument's name in :attr:`Evaluation.framework` (``"A1"``, ``"A2"``, ...).
        conclusion: the id of the claim it argues for.
        support: the id of the support it ends in, or ``None`` for a claim taken as given.
        premises: the names of its sub-arguments, one per premise of *support*.
    """

    name: str
    conclusion: str
    support: str | None = None
    premises: tuple[str, ...] = ()


@attrs.frozen
class Evaluation:
    """Which claims and relations of a map stand, under one semantics.

    Args:
        semantics: the semantics used.
        verdicts: a verdict per claim and per relation, by id, claims first, in map order.
            With one extension (grounded) it is that extension's; with several, a claim
            is accepted or rejected only when every extension agrees, and undecided
            otherwise, the reason saying how the extensions split; with none (stable
            semantics can have none) everything is undecided.
        views: the verdicts in each extension, one mapping per extension.
        framework: the abstract framework the map became.
        arguments: what each argument of *framework* is, by name.
        elements: the claims and relations judged, by id, as they were when evaluated,
            so that a verdict can be shown beside what it judges.
    """

    semantics: Semantics
    verdicts: Mapping[str, Verdict]
    views: tuple[Mapping[str, Verdict], ...]
    framework: Framework = attrs.field(eq=False, repr=False)
    arguments: Mapping[str, MapArgument] = attrs.field(eq=False, repr=False)
    elements: Mapping[str, Claim | Relation] = attrs.field(factory=dict, eq=False, repr=False)

    def __repr__(self) -> str:
        """Return a short summary: the semantics, and how many claims and relations have each status.

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> _ = m.rebut(m.claim("Drone strikes will end."), "The strikes went on in May.")
        >>> evaluate(m)
        <Evaluation grounded: 2 claims (1 accepted, 1 rejected), 1 relation (1 accepted)>
        """
        claims: list[str] = []
        relations: list[str] = []
        for id in self.verdicts:
            if id in self.elements:
                (claims if isinstance(self.elements[id], Claim) else relations).append(id)
        parts = [_counted(self, claims, "claim"), _counted(self, relations, "relation")]
        if len(claims) + len(relations) < len(self.verdicts):  # made without its elements
            parts = [_counted(self, list(self.verdicts), "verdict")]
        extensions = "" if self.semantics == "grounded" else f", {_plural(len(self.views), 'extension')}"
        return f"<Evaluation {self.semantics}{extensions}: {', '.join(parts)}>"

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        """Show the evaluation in a notebook as a table of verdicts (see :mod:`argmap.jupyter`)."""
        return bundle(self, include, exclude)

    def __getitem__(self, element: Claim | Relation | str) -> Verdict:
        """Return the verdict on *element* (a claim or relation of the map, or its id)."""
        return self.verdicts[self._id(element)]

    def _id(self, element: Claim | Relation | str) -> str:
        id = element if isinstance(element, str) else element.id
        if id not in self.verdicts:
            raise UnknownElementError(f"no claim or relation has id {id!r}")
        return id

    def status(self, element: Claim | Relation | str) -> Status:
        """Return the status of *element*: accepted, rejected or undecided."""
        return self[element].status

    def credulous(self, element: Claim | Relation | str) -> bool:
        """Tell whether *element* is accepted in at least one extension."""
        id = self._id(element)
        return any(view[id].status == "accepted" for view in self.views)

    def skeptical(self, element: Claim | Relation | str) -> bool:
        """Tell whether *element* is accepted in every extension (and there is at least one)."""
        id = self._id(element)
        return bool(self.views) and all(view[id].status == "accepted" for view in self.views)


def evaluate(amap: ArgumentMap, semantics: Semantics = "grounded") -> Evaluation:
    """Return which claims and relations of *amap* stand under *semantics*, each with a reason.

    Raises:
        OptionError: *semantics* is unknown.
        LimitError: the map's supports combine into more than :data:`ARGUMENT_LIMIT` arguments,
            they attack each other more than :data:`ATTACK_LIMIT` times, or its extensions times
            its claims and relations are more than :data:`VERDICT_LIMIT`.
    """
    known_semantics(semantics)
    with paused_gc():  # arguments and verdicts all stay: nothing for the collector to find, and it would rescan them
        return _evaluate(amap, semantics)


def _evaluate(amap: ArgumentMap, semantics: Semantics) -> Evaluation:
    structure = _Structure(amap)
    ids = [claim.id for claim in amap.claims] + [relation.id for relation in amap.relations]
    allowed = max(1, VERDICT_LIMIT // max(1, len(ids)))
    solved = labellings(structure.framework, semantics)
    found = [labelling.codes for labelling in islice(solved, allowed + 1)]
    if len(found) > allowed:
        raise LimitError(
            f"the map has more than {allowed:,} {semantics} extensions, the most argmap keeps for its "
            f"{len(ids):,} claims and relations (see docs/evaluation.md); evaluate it under grounded "
            "semantics, or a part of the map"
        )
    # In a stable order, the solver's being its own: a view accepting an earlier argument comes first.
    found.sort(key=_order)
    views = tuple(structure.view(codes) for codes in found)
    if len(views) == 1:
        verdicts: Mapping[str, Verdict] = views[0]
    else:
        verdicts = {id: _summary([view[id] for view in views], semantics) for id in ids}
    elements: dict[str, Claim | Relation] = {claim.id: claim for claim in amap.claims}
    elements.update((relation.id, relation) for relation in amap.relations)
    return Evaluation(semantics, verdicts, views, structure.framework, structure.described(), elements)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _counted(evaluation: Evaluation, ids: list[str], noun: str) -> str:
    """Return ``"3 claims (2 accepted, 1 undecided)"``: how many *ids* there are, and of each status."""
    statuses = [evaluation.verdicts[id].status for id in ids]
    counts = ", ".join(f"{statuses.count(status):,} {status}" for status in STATUSES if status in statuses)
    return _plural(len(ids), noun) + (f" ({counts})" if counts else "")


def _order(codes: bytes) -> bytes:
    return bytes(code != IN for code in codes)


def _summary(verdicts: list[Verdict], semantics: Semantics) -> Verdict:
    if not verdicts:
        return Verdict("undecided", f"undecided: the map has no {semantics} extension")
    first = verdicts[0]
    if all(verdict.status == first.status for verdict in verdicts):
        detail = first.reason.partition(": ")[2]
        return Verdict(first.status, f"{first.status} in every {semantics} extension: {detail}", first.because)
    counts = [(status, sum(v.status == status for v in verdicts)) for status in STATUSES]
    split = ", ".join(f"{status} in {count}" for status, count in counts if count)
    return Verdict("undecided", f"undecided: the {len(verdicts)} {semantics} extensions disagree: {split}")


# --------------------------------------------------------------- map to framework


@attrs.frozen
class _Built:
    conclusion: str
    support: str | None
    premises: tuple[int, ...]
    # The claims beneath it (its conclusion included) that lie on one support cycle with its
    # conclusion: all a claim-never-rests-on-itself check needs. Empty off such cycles, so
    # that a chain of n supports takes memory in n, not n squared.
    circle: frozenset[str]


class _Structure:
    """The arguments a map's claims and supports make, and the framework of their attacks."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.arguments, self.users = _arguments(amap)
        self.concluding: dict[str, list[int]] = {claim.id: [] for claim in amap.claims}
        self.topped: dict[str, list[int]] = {support.id: [] for support in amap.supports}
        for number, argument in enumerate(self.arguments):
            self.concluding[argument.conclusion].append(number)
            if argument.support is not None:
                self.topped[argument.support].append(number)
        self._containing: dict[str, list[int]] = {}
        successors: list[list[int]] = [[] for _ in self.arguments]
        listed = 0
        for relation in amap.relations:
            for attackers, targets in self._attacks(relation):
                listed += len(attackers) * len(targets)
                if listed > ATTACK_LIMIT:  # counted before they are listed: memory stays bounded
                    raise LimitError(
                        f"the map's {len(self.arguments):,} arguments attack each other more than "
                        f"{ATTACK_LIMIT:,} times, the most argmap evaluates (see docs/evaluation.md); "
                        "evaluate a part of the map"
                    )
                for attacker in attackers:
                    successors[attacker].extend(targets)
        names = [f"A{number}" for number in range(1, len(self.arguments) + 1)]
        self.framework = Framework.from_numbers(names, successors)

    def containing(self, id: str) -> list[int]:
        """Return, in order, the arguments that hold the claim or support *id*, as conclusion or beneath it.

        Found on demand, upwards from the arguments that end in *id*, and only
        for what is attacked, rather than kept for every argument: a chain of
        n supports has n squared (argument, claim beneath) pairs.
        """
        found = self._containing.get(id)
        if found is None:
            start = self.concluding.get(id) or self.topped.get(id) or []
            seen = set(start)
            stack = list(start)
            while stack:
                for user in self.users[stack.pop()]:
                    if user not in seen:
                        seen.add(user)
                        stack.append(user)
            found = self._containing[id] = sorted(seen)
        return found

    def _attacks(self, relation: Relation) -> Iterator[tuple[list[int], list[int]]]:
        if isinstance(relation, Rebuttal):
            yield self.concluding[relation.attacker], self.containing(relation.target)
        elif isinstance(relation, Undercut):
            if relation.target in self.topped:
                yield self.concluding[relation.attacker], self.containing(relation.target)
        elif isinstance(relation, SkepticalResponse):
            response, target = relation.response, relation.target
            if target in self.concluding:
                yield self.concluding[response], self.containing(target)
                yield self.concluding[target], self.containing(response)
            elif target in self.topped:
                yield self.concluding[response], self.containing(target)
                yield self.topped[target], self.containing(response)

    def described(self) -> dict[str, MapArgument]:
        names = self.framework.arguments
        return {
            names[number]: MapArgument(
                names[number], argument.conclusion, argument.support, tuple(names[p] for p in argument.premises)
            )
            for number, argument in enumerate(self.arguments)
        }

    def view(self, codes: bytes) -> dict[str, Verdict]:
        """Return the verdict on every claim and relation in the labelling *codes*."""
        status: dict[str, Status] = {}
        for id, numbers in (*self.concluding.items(), *self.topped.items()):
            status[id] = _status_of(codes[number] for number in numbers)
        for relation in self.amap.relations:
            if not isinstance(relation, Support):
                status[relation.id] = status[
                    relation.response if isinstance(relation, SkepticalResponse) else relation.attacker
                ]
        reasons = _Reasons(self, status, codes)
        ids = [claim.id for claim in self.amap.claims] + [relation.id for relation in self.amap.relations]
        return {id: reasons.verdict(id) for id in ids}


def _status_of(codes: Iterator[int]) -> Status:
    seen = set(codes)
    if IN in seen:
        return "accepted"
    if seen <= {OUT}:  # every argument out, or none at all
        return "rejected"
    return "undecided"


_NONE: frozenset[str] = frozenset()


def _arguments(amap: ArgumentMap) -> tuple[list[_Built], list[list[int]]]:
    """Build every argument the map's claims and supports make, smallest first, and who uses each.

    Arguments are found breadth first from the claims taken as given. An
    argument whose claims and supports include those of another argument
    with the same conclusion and last support is left out: it is attacked by
    everything that attacks the smaller one and attacks nothing more, so it
    changes no verdict. Returns the arguments and, for each, the arguments
    that take it as a premise.

    Memory and time grow with the number of arguments, not with their size:
    an argument keeps its premises, not every claim beneath it. What lies
    beneath is walked only where two arguments share a conclusion and a last
    support, and kept as a bit mask (see :class:`_Twins`), or on support
    cycles (see :class:`_Built`).
    """
    supported = {support.conclusion for support in amap.supports}
    uses: dict[str, list[tuple[Support, int]]] = {}
    for support in amap.supports:
        for position, premise in enumerate(support.premises):
            uses.setdefault(premise, []).append((support, position))
    cycle = _on_cycles(amap)
    built: list[_Built] = []
    users: list[list[int]] = []
    concluding: dict[str, list[int]] = {claim.id: [] for claim in amap.claims}
    first: dict[tuple[str, str | None], int] = {}  # the first argument kept with a conclusion and last support
    twins: dict[tuple[str, str | None], _Twins] = {}  # the kept arguments, once a second one came
    queue: deque[int] = deque()

    def basis(number: int) -> set[str]:
        """Return every claim and support in argument *number*: walked for arguments that have twins."""
        found: set[str] = set()
        seen = {number}
        stack = [number]
        while stack:
            argument = built[stack.pop()]
            found.add(argument.conclusion)
            if argument.support is not None:
                found.add(argument.support)
            for premise in argument.premises:
                if premise not in seen:
                    seen.add(premise)
                    stack.append(premise)
        return found

    def add(argument: _Built) -> None:
        number = len(built)
        key = (argument.conclusion, argument.support)
        alike = None
        mine: Set[str] = _NONE
        if key in first:
            built.append(argument)  # for basis() to walk; taken back before it is kept
            mine = basis(number)
            built.pop()
            alike = twins.get(key)
            if alike is None:  # the second argument with this key: the first is filed now
                alike = twins[key] = _Twins()
                alike.file(basis(first[key]))
            if alike.within(mine):
                return
        if number == ARGUMENT_LIMIT:
            raise LimitError(
                f"the map's supports make more than {ARGUMENT_LIMIT:,} arguments, the most argmap evaluates "
                "(see docs/evaluation.md); evaluate a part of the map"
            )
        if alike is None:
            first[key] = number
        else:
            alike.file(mine)
        concluding[argument.conclusion].append(number)
        queue.append(number)
        built.append(argument)
        users.append([])
        for premise in dict.fromkeys(argument.premises):
            users[premise].append(number)

    for claim in amap.claims:
        if claim.id not in supported:
            add(_Built(claim.id, None, (), frozenset((claim.id,)) if claim.id in cycle else _NONE))
    while queue:
        new = queue.popleft()
        for support, position in uses.get(built[new].conclusion, ()):
            pools = [concluding[premise] for premise in support.premises]
            pools[position] = [new]
            conclusion = support.conclusion
            group = cycle.get(conclusion)
            for premises in product(*pools):
                circle = _NONE
                if group is not None:  # only on a support cycle can a claim come to rest on itself
                    circle = frozenset().union(
                        *(built[p].circle for p in premises if cycle.get(built[p].conclusion) == group)
                    )
                    if conclusion in circle:
                        continue  # a claim never rests on itself
                    circle |= {conclusion}
                add(_Built(conclusion, support.id, premises, circle))
    return built, users


class _Twins:
    """The bases of the kept arguments that share a conclusion and last support, filed for the subset test.

    A new argument is left out when the basis of a kept twin lies within its
    own. Testing every kept twin was quadratic: 38 million set tests on the
    1,000-claim benchmark map before its argument limit, 6 s. Here each basis
    is filed under the two of its elements that the fewest kept twins held
    when it came. A basis within another has both of those elements in it,
    so looking under each pair of the new basis's elements finds every such
    basis, and the answer is exactly that of testing them all: 2.8 million
    tests on that map, each one integer operation (a basis is a bit mask,
    one bit an element), 0.6 s. Bases there overlap heavily (a twin's rarest
    element is in 4 % of the others), so the tests still grow faster than
    the twins; no known method finds a set within another among n sets in
    much less than n squared time in the worst case (it is the orthogonal
    vectors problem).
    """

    __slots__ = ("bits", "filed", "held")

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}  # each element a kept twin holds, and its bit
        self.held: dict[str, int] = {}  # how many kept twins hold each element
        self.filed: dict[str, dict[str, list[int]]] = {}

    def file(self, basis: Set[str]) -> None:
        """Keep the basis of an argument kept."""
        bits, held = self.bits, self.held
        mask = 0
        for element in basis:
            bit = bits.get(element)
            if bit is None:
                bit = bits[element] = 1 << len(bits)
            mask |= bit
            held[element] = held.get(element, 0) + 1
        rarest, second = (sorted(basis, key=held.__getitem__) * 2)[:2]  # a basis of one is filed under it twice
        self.filed.setdefault(rarest, {}).setdefault(second, []).append(mask)

    def within(self, basis: Set[str]) -> bool:
        """Tell whether the basis of some kept twin lies within *basis*."""
        bits = self.bits
        mask = 0
        for element in basis:
            mask |= bits.get(element, 0)  # an element no twin holds cannot decide
        filed = self.filed
        for rarest in basis:
            below = filed.get(rarest)
            if below is None:
                continue
            if len(below) < len(basis):
                groups = [masks for second, masks in below.items() if second in basis]
            else:
                groups = [below[second] for second in basis if second in below]
            for masks in groups:
                for other in masks:
                    if other & mask == other:
                        return True
        return False


def _on_cycles(amap: ArgumentMap) -> dict[str, int]:
    """Return, for each claim on a cycle of supports, the number of its cycle (strongly connected component).

    Tarjan's algorithm, without recursion: claims are linked from premise to conclusion.
    """
    following: dict[str, list[str]] = {}
    for support in amap.supports:
        for premise in support.premises:
            following.setdefault(premise, []).append(support.conclusion)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: dict[str, int] = {}
    groups = 0
    for root in following:
        if root in order:
            continue
        work = [(root, iter(following.get(root, ())))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            claim, rest = work[-1]
            step = next(rest, None)
            if step is not None:
                if step not in order:
                    order[step] = low[step] = len(order)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(following.get(step, ()))))
                elif step in on_stack:
                    low[claim] = min(low[claim], order[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[claim])
            if low[claim] == order[claim]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == claim:
                        break
                if len(members) > 1 or claim in following.get(claim, ()):
                    groups += 1
                    for member in members:
                        found[member] = groups
    return found


# ----------------------------------------------------------------------- reasons


class _Reasons:
    """Reasons for the verdicts of one labelling, from the statuses of each element's neighbours."""

    def __init__(self, structure: _Structure, status: dict[str, Status], codes: bytes) -> None:
        self.amap = structure.amap
        self.structure = structure
        self.status = status
        self.codes = codes

    def _defeated(self, status: Status, numbers: list[int]) -> Verdict:
        """Return the verdict naming the claim whose argument defeats (or contests) the arguments *numbers*.

        The fallback for what the neighbours alone do not explain, such as a
        conclusion that turns against its own premise.
        """
        wanted = IN if status == "rejected" else UNDEC
        attackers = self.structure.framework.attackers_of
        for number in numbers:
            for attacker in attackers[number]:
                if self.codes[attacker] == wanted:
                    claim = self.structure.arguments[attacker].conclusion
                    if status == "rejected":
                        return Verdict(status, f"rejected: [{claim}] defeats what it rests on", (claim,))
                    return Verdict(status, f"undecided: [{claim}], undecided, contests what it rests on", (claim,))
        return Verdict(status, f"{status}: no argument for it is accepted")

    def verdict(self, id: str) -> Verdict:
        element = self.amap[id]
        if isinstance(element, Claim):
            return self._claim(element)
        if isinstance(element, Support):
            return self._support(element)
        return self._challenge(element)

    def _challengers(self, id: str, status: Status) -> Verdict | None:
        """Return the verdict the rebuttals, undercuts or skeptical responses to *id* from claims with *status* give.

        Rebuttals and undercuts are named before skeptical responses: a
        skeptical response that wins only does so because something else
        defeated its target.
        """
        outcome: Status = "rejected" if status == "accepted" else "undecided"
        incoming = self.amap.incoming(id)
        for kind, verb in ((Rebuttal, "rebutted"), (Undercut, "undercut")):
            found = [r for r in incoming if isinstance(r, kind) and self.status[r.attacker] == status]
            if found:
                names = _names([relation.attacker for relation in found])
                how = _HOW[status == "accepted", len(found) == 1]
                return Verdict(outcome, f"{verb} by {names}, {how}", _because(found))
        responses = [r for r in incoming if isinstance(r, SkepticalResponse) and self.status[r.response] == status]
        if responses:
            names = _names([relation.response for relation in responses])
            how = "upheld" if status == "accepted" else "neither upheld nor dismissed"
            return Verdict(outcome, f"answered skeptically by {names}, {how}", _because(responses))
        return None

    def _claim(self, claim: Claim) -> Verdict:
        status = self.status[claim.id]
        supports = self.amap.supporters(claim.id)
        if status == "accepted":
            failed = [
                relation
                for relation in self.amap.incoming(claim.id)
                if not isinstance(relation, Support) and self.status[relation.id] == "rejected"
            ]
            holding = [support for support in supports if self.status[support.id] == "accepted"]
            because: tuple[str, ...]
            if holding:
                premises = " and ".join(f"[{p}]" for p in holding[0].premises)
                reason, because = f"follows from {premises}", (holding[0].id,)
            else:
                reason, because = "taken as given", ()
            if failed:
                sources = ", ".join(f"[{_source(relation)}]" for relation in failed)
                reason += f"; every challenge fails, as {sources} {'is' if len(failed) == 1 else 'are'} rejected"
                because += tuple(relation.id for relation in failed)
            elif not holding:
                reason = "nothing on the map challenges it"
            return Verdict("accepted", f"accepted: {reason}", because)
        if not self.structure.concluding[claim.id]:
            return Verdict("rejected", "rejected: it rests only on circular support", tuple(s.id for s in supports))
        challenged = self._challengers(claim.id, "accepted" if status == "rejected" else "undecided")
        if challenged is not None:
            return attrs.evolve(challenged, reason=f"{status}: {challenged.reason}")
        answered = self._answered(claim.id, status)
        if answered is not None:
            return attrs.evolve(answered, reason=f"{status}: it {answered.reason}")
        for support in supports:
            if self.status[support.id] == status:
                detail = self._support(support).reason.partition(": ")[2]
                verb = "" if detail.startswith(("rests on", "its conclusion")) else "is "
                return Verdict(status, f"{status}: its support {verb}{detail}", (support.id,))
        return self._defeated(status, self.structure.concluding[claim.id])

    def _answered(self, claim: str, status: Status) -> Verdict | None:
        """Return the verdict a skeptical response voiced by *claim* earns when its target answers back, if any."""
        for relation in self.amap.outgoing(claim):
            # A skeptical response and its target attack each other: the target answers back.
            if isinstance(relation, SkepticalResponse) and relation.response == claim:
                answer = self.status.get(relation.target)
                because = (relation.target, relation.id)
                if status == "rejected" and answer == "accepted":
                    return Verdict(status, f"responds skeptically to [{relation.target}], which stands", because)
                if status == "undecided" and answer == "undecided":
                    reason = f"responds skeptically to [{relation.target}], and neither side prevails"
                    return Verdict(status, reason, because)
        return None

    def _support(self, support: Support) -> Verdict:
        status = self.status[support.id]
        if status == "accepted":
            premises = " and ".join(f"[{p}]" for p in support.premises)
            verb = "is" if len(support.premises) == 1 else "are"
            return Verdict("accepted", f"accepted: {premises} {verb} accepted, and nothing defeats the inference")
        if not self.structure.topped[support.id]:
            return Verdict("rejected", "rejected: no argument reaches it without circular support", support.premises)
        wanted: Status = "accepted" if status == "rejected" else "undecided"
        challenged = self._challengers(support.id, wanted)
        if challenged is not None:
            return attrs.evolve(challenged, reason=f"{status}: {challenged.reason}")
        for premise in support.premises:
            if self.status[premise] == status:
                return Verdict(status, f"{status}: rests on [{premise}], which is {status}", (premise,))
        # An argument through a support concludes its conclusion, so a challenge to the conclusion reaches it.
        challenged = self._challengers(support.conclusion, wanted)
        if challenged is not None:
            reason = f"{status}: its conclusion [{support.conclusion}] is {challenged.reason}"
            return attrs.evolve(challenged, reason=reason)
        answered = self._answered(support.conclusion, status)
        if answered is not None:
            return attrs.evolve(answered, reason=f"{status}: its conclusion [{support.conclusion}] {answered.reason}")
        return self._defeated(status, self.structure.topped[support.id])

    def _challenge(self, relation: Rebuttal | Undercut | SkepticalResponse) -> Verdict:
        status = self.status[relation.id]
        source = _source(relation)
        kind = "skeptical response" if isinstance(relation, SkepticalResponse) else type(relation).__name__.lower()
        outcome = {
            "accepted": f"[{source}] stands, so the {kind} holds",
            "rejected": f"[{source}] is rejected, so the {kind} has no force",
            "undecided": f"[{source}] is undecided",
        }[status]
        target = self.amap[relation.target]
        ignored = isinstance(relation, Undercut) and not isinstance(target, Support)
        ignored |= isinstance(relation, SkepticalResponse) and not isinstance(target, (Claim, Support))
        if ignored:
            outcome += f"; its target, a {type(target).__name__.lower()}, is not evaluated (see argmap check)"
        return Verdict(status, f"{status}: {outcome}", (source,))


_HOW = {
    (True, True): "which stands",
    (True, False): "which stand",
    (False, True): "which is undecided",
    (False, False): "which are undecided",
}


def _names(ids: list[str]) -> str:
    """Return ids as a reason names them: ``[a]``, ``[a] and [b]``, ``[a], [b] and [c]``."""
    named = [f"[{id}]" for id in ids]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _because(relations: Sequence[Relation]) -> tuple[str, ...]:
    """Return the ids a reason names: each challenging claim and its relation."""
    return tuple(id for relation in relations for id in (_source(relation), relation.id))


def _source(relation: Relation) -> str:
    if isinstance(relation, SkepticalResponse):
        return relation.response
    if isinstance(relation, Support):
        return relation.premises[0]
    return relation.attacker
