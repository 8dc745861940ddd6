"""``python -m argmap``: the ``argmap`` command, where the script is not on PATH."""

from argmap.cli import app

app(prog_name="argmap")
