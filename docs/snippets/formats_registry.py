"""The one registry of formats: maps, abstract frameworks and diagrams, each with its name, endings and reader."""

import tempfile
from pathlib import Path

from argmap import FormatError, load
from argmap.errors import UnknownFormatError
from argmap.formats import REGISTRY, format_for, kind_for

print(sorted({format.kind for format in REGISTRY.values()}))
print(REGISTRY["aif"].endings, REGISTRY["af"].kind, REGISTRY["html"].endings)
print(format_for("wire.aif.json"), format_for("out/wire.gv", "diagram"), kind_for("g.tgf"))

try:
    format_for("wire.gif", "diagram")
except UnknownFormatError as error:  # also a FormatError and an OptionError
    print(error)

with tempfile.TemporaryDirectory() as folder:
    framework = Path(folder) / "g.af"
    framework.write_text("p af 2\n1 2\n", encoding="utf-8")
    try:
        load(framework)  # a framework where a map is wanted: says which command reads it
    except FormatError as error:
        print(error.message)
