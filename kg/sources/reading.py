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
    if not data.strip():
        return Rejected(str(path), EMPTY)
    if looks_binary(data):
        return Rejected(str(path), "binary file, not text")
    return data


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
