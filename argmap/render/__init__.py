"""Renderers: pure functions from a map to text, one module per output."""

from argmap.render.outline import outline

__all__ = ["outline"]
