"""Write files atomically: a reader sees the old file or the whole new one, never a part."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _umask() -> int:
    """Return the process's umask, so a new file gets the permissions a plain open() would give."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    r"""Write *data* to *path* through a temporary file in the same folder, then rename it into place.

    Text is written as UTF-8 with ``\\n`` line ends. If anything fails,
    the temporary file is removed and *path* is left as it was.

    Returns:
        The path written.
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(target.parent))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
        temporary.chmod(0o666 & ~_umask())
        os.replace(temporary, target)  # noqa: PTH105  # os.replace is the one call tests can make fail
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    return target
