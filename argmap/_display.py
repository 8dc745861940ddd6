"""The hook through which argmap's values show themselves in a notebook: asked by the core, filled from above.

A map, an evaluation, an outline, a check's problems and a framework each
have a one-line ``_repr_mimebundle_`` that asks :func:`bundle`. Showing a map
takes Graphviz, which sits above the core (:mod:`argmap.engine`), so the core
cannot call it; instead :mod:`argmap.jupyter`, which may import anything
below it, registers how each type is shown (``bundle.register``). Importing
it takes the renderers and the drawing, which a program that shows nothing
never needs, so ``argmap/__init__.py`` hands :func:`register_later` a
function that imports it, and the first value shown runs it. This leaf
module imports nothing of argmap's, so every layer may use it. A type
nobody registered shows as its ``repr``.

A ``list`` or ``str`` subclass also needs ``_repr_pretty_`` (:func:`pretty`):
IPython's own printer for its base class would otherwise write its text form.

>>> bundle(3, None, None)
{'text/plain': '3'}
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Container
from typing import Protocol

__all__ = ["Bundle", "MimeTypes", "Printer", "bundle", "pretty", "register_later"]

Bundle = dict[str, str]
"""What a notebook shows for a value: its forms by MIME type (``text/plain``, ``image/svg+xml``, ``text/html`` ...)."""

MimeTypes = Container[str] | None
"""The MIME types a front end asks for (``include``) or refuses (``exclude``); ``None`` for no preference."""


@functools.singledispatch
def bundle(value: object, include: MimeTypes, exclude: MimeTypes) -> Bundle:
    """Return the forms a notebook shows for *value*, computing only those *include* asks and *exclude* allows."""
    if _later:  # the registrations are not made yet: make them, and ask again
        while _later:
            _later.pop(0)()
        return bundle(value, include, exclude)
    return {"text/plain": repr(value)}


_later: list[Callable[[], object]] = []


def register_later(register: Callable[[], object]) -> None:
    """Have *register* make its registrations (``bundle.register``) when a first value is shown, not now."""
    _later.append(register)


class Printer(Protocol):
    """What :func:`pretty` needs of IPython's pretty printer."""

    def text(self, obj: str) -> None:
        """Write *obj*."""


def pretty(value: object, printer: Printer) -> None:
    """Write *value*'s text form, as its bundle gives it, for IPython's ``_repr_pretty_``."""
    printer.text(bundle(value, ("text/plain",), None)["text/plain"])
