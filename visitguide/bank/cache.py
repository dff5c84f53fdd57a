"""A cache of checked guides, keyed by the bytes of their files.

Reading a 5,000-question guide means parsing 2.5 MB of YAML with line numbers and checking
every rule; most commands then read the same bytes again. After a guide is found clean, its
plain data is kept here, and the next command that reads the very same bytes builds the
guide from it (`guide_data`: no YAML, no pydantic, no cross-file rules) instead of parsing.

Why it never serves stale data: the key is the guide's digest, a SHA-256 of the name and the
bytes of every YAML file of the folder (`loader` computes it anyway), plus the folder name,
the program's version, the Python version and the size and modification time of the modules
that decide what "clean" means (every module of this package). Any edited byte, even within
the same second and at the same size, is a new key. Only a guide without any problem is
stored; a broken one is parsed again each time, so its errors are always reported, from the
files, with their lines.

Why it never breaks a command: every failure to read or write (no home, read-only or foreign
folder, full disk, damaged or truncated entry) is a miss, silently. An entry holds a SHA-256
of its payload, checked before use; it is written to a temporary file then renamed, so a
reader sees a whole entry or none. One entry per guide folder: a newer version replaces it.

Where: `$XDG_CACHE_HOME/visitguide` (by default `~/.cache/visitguide`), folder 0700, files
0600: a bank may be private to its author.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

from visitguide import __version__, files

FORMAT = 1
MAGIC = b"visitguide-cache\n"
TEMP_PREFIX = ".tmp-"
# An entry holds the plain data of one guide (its YAML files are 1 MiB at most each): one
# this large is damaged or planted, and is a miss without being read.
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def folder() -> Path | None:
    """The cache folder, or None when there is no usable home for it."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec ignores relative paths
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "visitguide"


def _code_fingerprint() -> str:
    """Size and modification time of every module of the `bank` package, which defines what a
    clean guide is and how its data is kept: an edited rule, a new key, a moved module are a
    new key. (The package is this module's folder: the fingerprint follows any move.)"""
    here = Path(__file__).parent
    parts = []
    for module in sorted(here.glob("*.py")):
        try:
            info = module.stat()
            parts.append(f"{module.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{module.name}:-")
    return ";".join(parts)


def key(guide_folder: Path, digest: str) -> str:
    """The key of a guide whose files have `digest`."""
    text = "\n".join(
        (
            f"format {FORMAT}",
            f"visitguide {__version__}",
            f"python {sys.implementation.cache_tag} {sys.version}",
            _code_fingerprint(),
            f"folder {guide_folder.name}",
            digest,
        )
    )
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _entry(guide_folder: Path) -> Path | None:
    """The one entry of a guide folder (by its absolute path)."""
    root = folder()
    if root is None:
        return None
    where = os.path.abspath(guide_folder).encode("utf-8", "surrogateescape")
    return root / "guides" / (hashlib.sha256(where).hexdigest()[:32] + ".bin")


def load(guide_folder: Path, digest: str) -> dict[str, Any] | None:
    """The plain data stored for these exact bytes, or None."""
    entry = _entry(guide_folder)
    if entry is None:
        return None
    try:
        if not all(trusted(path) for path in (entry.parent.parent, entry.parent, entry)):
            return None
        blob = files.read_capped(entry, MAX_ENTRY_BYTES)  # never a FIFO, never past the cap
    except (OSError, files.NotRegularFile, files.TooLarge):
        return None
    header = MAGIC + key(guide_folder, digest).encode() + b"\n"
    if not blob.startswith(header):
        return None
    checksum, payload = blob[len(header) : len(header) + 32], blob[len(header) + 32 :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def store(guide_folder: Path, digest: str, data: dict[str, Any]) -> None:
    """Keep the plain data of a clean guide; any failure leaves the cache as it was."""
    entry = _entry(guide_folder)
    if entry is None:
        return
    try:
        payload = marshal.dumps(plain(data))
    except ValueError:
        return  # something marshal cannot hold: not worth a cache entry
    blob = MAGIC + key(guide_folder, digest).encode() + b"\n" + hashlib.sha256(payload).digest() + payload
    with contextlib.suppress(OSError):
        _write(entry, blob)


def trusted(path: Path) -> bool:
    """Ours, and nobody else can write to it: an entry planted by another user is ignored.

    (Without owners and modes, as on Windows, the user's profile folder is private already.)
    """
    info = path.lstat()
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return info.st_uid == getuid() and not info.st_mode & 0o022


def private_folder(*parts: str, close: bool = True) -> Path | None:
    """The cache folder `<root>/<parts…>`, made (0700) where missing; None when unusable.

    Unusable: no home; the base folder's parent missing (`HOME=/nonexistent`: the cache is
    skipped rather than a home made up); a symbolic link, or anything but a folder, from the
    cache root down (it would send entries, and the sweep, elsewhere); a folder that is not
    ours or that others can write to. With `close`, a folder of ours open to others is
    closed (0700) and used: its entries are each checked (`trusted`) before use.
    """
    root = folder()
    if root is None or not root.parent.parent.is_dir():
        return None
    try:
        root.parent.mkdir(mode=0o700, exist_ok=True)
        path = root
        for part in ("", *parts):
            path = path / part if part else path
            path.mkdir(mode=0o700, exist_ok=True)
            if not stat.S_ISDIR(path.lstat().st_mode):
                return None
            if close and path.lstat().st_mode & 0o077:
                path.chmod(0o700)
            if not trusted(path):
                return None
    except OSError:
        return None
    return path


def _write(entry: Path, blob: bytes) -> None:
    """Write one entry (atomically, 0600) when its folder is usable (`private_folder`)."""
    guides = private_folder(entry.parent.name)
    if guides is None:
        return
    files.write_atomic(entry, blob, prefix=TEMP_PREFIX, suffix="", durable=False)
    _sweep(guides)


def _sweep(guides: Path) -> None:
    """Remove temporary files left by a writer killed mid-write, once they are an hour old."""
    limit = time.time() - 3600
    for leftover in guides.glob(TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if leftover.lstat().st_mtime < limit:
                leftover.unlink()


def plain(data: Any) -> Any:
    """`data` with builtin containers only (the loader's marked ones are subclasses)."""
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


# --- guides ------------------------------------------------------------------------------


def load_guide(guide_folder: Path, digest: str) -> dict[str, Any] | None:
    """The raw data of a clean guide whose files have `digest` (`guide` and `audiences`), or None.

    The entry's checksum was verified by `load`; `bank` builds the guide from it and treats
    any entry it cannot build as a miss.
    """
    data = load(guide_folder, digest)
    return data if isinstance(data, dict) else None


def store_guide(guide_folder: Path, digest: str, meta: Any, audiences: dict[str, Any]) -> None:
    """Keep the raw data of a clean guide: `guide.yaml` and each audience file."""
    store(guide_folder, digest, {"guide": meta, "audiences": audiences})
