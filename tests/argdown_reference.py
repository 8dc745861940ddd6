"""Compare a map argmap read from Argdown with what the real `argdown json` read in the same file.

Both sides are projected onto the same terms, in argmap's ids: the
statements with their texts (a sketched argument counts as a statement, as
argmap reads it as a claim), the inferences (premises and conclusion of each
step of a reconstructed argument) and the relations, endpoint by endpoint.
"""

from __future__ import annotations

import re
from typing import Any

from argmap import ArgumentMap, Rebuttal, SkepticalResponse, Support, Undercut
from argmap.model import Relation

__all__ = ["from_argdown", "from_map", "relation_keys"]

_SPACES = re.compile(r"\s+")


def _text(member: dict[str, Any]) -> str:
    """Return a member's text without its tags, spaces collapsed, as argmap keeps it."""
    units = (member.get("text") or "").encode("utf-16-le", "surrogatepass")  # Argdown counts UTF-16 code units
    for tag in sorted((r for r in member.get("ranges", ()) if r.get("type") == "tag"), key=lambda r: -r["start"]):
        units = units[: 2 * tag["start"]] + " ".encode("utf-16-le") + units[2 * tag["stop"] + 2 :]
    return _SPACES.sub(" ", units.decode("utf-16-le", "surrogatepass")).strip()


def from_argdown(exported: dict[str, Any], front_matter: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the statements, inferences and relations of Argdown's JSON export, in argmap's ids.

    *front_matter* tells the two settings that change Argdown's reading: exploded
    arguments (each step its own argument) and strict mode (an attack between
    statements is a symmetric contrary relation).
    """
    model = (front_matter or {}).get("model")
    model = model if isinstance(model, dict) else {}
    strict = model.get("mode") == "strict"
    statements: dict[str, str] = {}
    ids: dict[tuple[str, str], str] = {}
    for title, statement in exported["statements"].items():
        data = statement.get("data") or {}
        texts = [_text(m) for m in statement["members"] if _text(m)]
        id = str(data.get("id") or title)
        ids[("equivalence-class", title)] = id
        statements[id] = str(data["text"]) if "text" in data else texts[0] if texts else title
    inferences: set[tuple[str, frozenset[str], str]] = set()
    steps: dict[str, list[str]] = {}
    conclusions: dict[str, str] = {}
    for title, argument in exported["arguments"].items():
        pcs = argument.get("pcs") or []
        if not pcs:
            data = argument.get("data") or {}
            id = str(data.get("id") or f"<{title}>")
            ids[("argument", title)] = id
            texts = [_text(m) for m in argument["members"] if _text(m)]
            statements[id] = str(data["text"]) if "text" in data else texts[0] if texts else title
            continue
        conclusions[title] = ids[("equivalence-class", pcs[-1]["title"])]
        numbers = [i for i, member in enumerate(pcs) if member.get("role", "").endswith("conclusion")]
        steps[title] = []
        for step, index in enumerate(numbers, 1):
            member = pcs[index]
            inference_data = (member.get("inference") or {}).get("data") or {}
            uses = inference_data.get("uses")
            if not isinstance(uses, list):
                uses = (exported["statements"][member["title"]].get("data") or {}).get("uses")
            if not isinstance(uses, list):
                uses = inference_data.get("from")
            if isinstance(uses, list) and model.get("explodeArguments") is not True:
                premises = [pcs[n - 1]["title"] for n in uses]
            else:
                premises = []
                for earlier in range(index - 1, -1, -1):
                    premises.append(pcs[earlier]["title"])
                    if pcs[earlier].get("role") == "intermediary-conclusion":
                        break
            id = str(inference_data.get("id") or (title if step == len(numbers) else f"{title} - {step}"))
            steps[title].append(id)
            claims = frozenset(ids[("equivalence-class", premise)] for premise in premises)
            inferences.add((id, claims, ids[("equivalence-class", member["title"])]))
    relations: set[tuple[str, str, str]] = set()
    for relation in exported["relations"]:
        kind, origin, target = relation["relationType"], relation["from"], relation["to"]
        kind = {"entails": "support", "contrary": "attack"}.get(kind, kind)  # strict mode's names, one to argmap
        origin_id = conclusions.get(origin) if relation["fromType"] == "argument" and origin in steps else None
        origin_id = (
            origin_id or ids[(relation["fromType"] if relation["fromType"] != "inference" else "argument", origin)]
        )
        if relation["toType"] == "inference" or (relation["toType"] == "argument" and target in steps):
            if kind == "support":
                relations.add(("support", origin_id, conclusions[target]))
            elif relation["toType"] == "argument":  # an attack on the argument: argmap undercuts its last step
                relations.add(("attack", origin_id, steps[target][-1]))
            else:  # an undercut of an inference: which one of several, the JSON does not say
                relations.add(("undercut", origin_id, steps[target][-1] if len(steps[target]) == 1 else "*"))
            continue
        target_id = ids[(relation["toType"], target)]
        if kind == "contradictory" or (strict and kind == "attack" and relation["fromType"] == relation["toType"]):
            first, second = sorted((origin_id, target_id))
            relations.add((kind, first, second))
        else:
            relations.add((kind, origin_id, target_id))
    return {"statements": statements, "inferences": inferences, "relations": relations, "strict": strict}


def from_map(amap: ArgumentMap, exported: dict[str, Any], front_matter: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the same projection of the map argmap read; *exported* tells which supports are reconstructions.

    In strict mode an attack between two claims is written as the symmetric
    pair Argdown keeps.
    """
    reference = from_argdown(exported, front_matter)
    step_ids = {id for id, _, _ in reference["inferences"]}
    inferences = set()
    relations: set[tuple[str, str, str]] = set()
    for relation in amap.relations:
        if isinstance(relation, Support) and relation.id in step_ids:
            inferences.add((relation.id, frozenset(relation.premises), relation.conclusion))
        else:
            relations.update(relation_keys(amap, relation))
    undercut_steps = {r for r in reference["relations"] if r[0] == "undercut" and r[2] == "*"}
    for kind, origin, target in list(relations):
        if kind == "undercut" and (kind, origin, "*") in undercut_steps and target in step_ids:
            relations.discard((kind, origin, target))
            relations.add((kind, origin, "*"))
    if reference["strict"]:
        claims = {claim.id for claim in amap.claims}
        for kind, origin, target in list(relations):
            if kind == "attack" and origin in claims and target in claims:
                relations.discard((kind, origin, target))
                relations.add((kind, *sorted((origin, target))))  # type: ignore[arg-type]
    statements = {claim.id: claim.text for claim in amap.claims}
    return {"statements": statements, "inferences": inferences, "relations": relations, "strict": reference["strict"]}


def relation_keys(amap: ArgumentMap, relation: Relation) -> set[tuple[str, str, str]]:
    """Return how Argdown's JSON shows *relation* when argmap writes it: kind, origin, target."""
    if isinstance(relation, Support):
        return {("support", premise, relation.conclusion) for premise in relation.premises}
    if isinstance(relation, Undercut):
        return {("attack" if relation.label == "attack" else "undercut", relation.attacker, relation.target)}
    if isinstance(relation, SkepticalResponse):
        return {("attack", relation.response, relation.target)}
    assert isinstance(relation, Rebuttal)
    if relation.label == "contradictory":
        first, second = sorted((relation.attacker, relation.target))
        return {("contradictory", first, second)}
    return {("undercut" if relation.label == "undercut" else "attack", relation.attacker, relation.target)}
