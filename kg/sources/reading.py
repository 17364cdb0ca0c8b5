"""Reading bytes safely: size limits, binary detection, decoding with warnings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.model import Rejected

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
EMPTY = "empty file"


@dataclass(frozen=True)
class InputLimits:
    max_bytes: int = DEFAULT_MAX_BYTES


def read_bytes(path: Path, limits: InputLimits) -> bytes | Rejected:
    """The file's bytes, or a Rejected record saying why they are not usable."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        limit = human_size(limits.max_bytes)
        return Rejected(
            str(path), f"file is {human_size(size)}, over the {limit} limit (see --max-size)"
        )
    data = path.read_bytes()
    # Blank as text, not only as bytes: "\x1f" or U+2028 alone are whitespace too, and a
    # UTF-8 byte order mark alone is no text either.
    blank = data.removeprefix(b"\xef\xbb\xbf")
    if not blank.strip() or not blank.decode("utf-8", errors="replace").strip():
        return Rejected(str(path), EMPTY)
    reason = not_text(data)
    if reason is not None:
        return Rejected(str(path), reason)
    return data


# Byte order marks of the Unicode encodings other than UTF-8 (UTF-32 first: its LE mark
# starts like UTF-16's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def not_text(data: bytes) -> str | None:
    """Why ``data`` is not text kg reads (UTF-16 and UTF-32 named as such), else None."""
    encoding = wide_encoding(data[:8192])
    if encoding is not None:
        return f"{encoding} text: kg reads UTF-8 (convert it, e.g. iconv -f {encoding} -t UTF-8)"
    if looks_binary(data):
        return "binary file, not text"
    return None


def wide_encoding(head: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' for text in those encodings (by their mark, or by the zero
    bytes every ASCII character has in them), else None."""
    for mark, name in _BOMS:
        if head.startswith(mark):
            return name
    pairs = head[: len(head) // 4 * 4]
    if len(pairs) < 16:
        return None
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = [pairs[i : i + width] for i in range(0, len(pairs), width)]
        zeros = sum(1 for u in units if u.count(0) == width - 1 and (u[0] or u[-1]))
        if zeros >= 0.9 * len(units):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding kg reads (NULs, control bytes)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 50)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (BOM tolerated); bad bytes become U+FFFD with a warning.

    Line ends are normalised to "\\n": every character offset kg publishes is into
    this decoded, normalised text.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        warnings.append(f"invalid UTF-8 at byte {e.start} ({bad} bad byte(s) replaced with U+FFFD)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"
