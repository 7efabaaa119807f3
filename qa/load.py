"""Reading books: paths to :class:`~qa.document.Document`, with one clear error per bad input.

Plain text is read as UTF-8 (a BOM is accepted). A file in another encoding is detected and
named in the error, or read with ``encoding=``. Binary files, empty files and files that are not
what their extension says are refused with :class:`~qa.errors.InputError`. Books are only ever
opened for reading.
"""

from __future__ import annotations

import os
import pathlib

from qa.document import Document
from qa.errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
BOOK_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx", ".epub"}
# bytes that never occur in a text book (C0 controls but TAB, LF, FF, CR)
_CONTROL = bytes(range(0, 32)).translate(None, b"\t\n\f\r")


def collect(paths) -> tuple[list[pathlib.Path], list[InputError]]:
    """Expand folders into the books they hold (sorted); report paths that are not there.

    A folder means every book in it and below it (by extension; hidden files, annotation and
    configuration files are not books). Explicit files are taken whatever their extension.
    """
    books: list[pathlib.Path] = []
    errors: list[InputError] = []
    for raw in paths:
        p = pathlib.Path(raw)
        if p.is_dir():
            found = sorted(
                q for q in p.rglob("*")
                if q.is_file() and q.suffix.lower() in BOOK_SUFFIXES
                and not any(part.startswith(".") for part in q.relative_to(p).parts)
            )
            if not found:
                errors.append(InputError(p, "folder holds no book (.txt, .pdf, .docx, .epub)"))
            books.extend(found)
        elif p.exists():
            books.append(p)
        else:
            errors.append(InputError(p, "no such file or folder"))
    seen, unique = set(), []
    for b in books:
        if b not in seen:
            seen.add(b)
            unique.append(b)
    return unique, errors


def read_bytes(path: pathlib.Path) -> bytes:
    try:
        with open(path, "rb") as fh:  # read-only, always
            return fh.read()
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a book") from None
    except PermissionError:
        raise InputError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def load(path, encoding: str | None = None) -> Document:
    path = pathlib.Path(path)
    suffix = path.suffix.lower()
    if suffix in (".pdf", ".docx", ".epub"):
        from qa import formats

        return formats.load(path, suffix)
    data = read_bytes(path)
    return Document(decode(path, data, encoding), os.fspath(path))


def decode(path, data: bytes, encoding: str | None = None) -> str:
    """Bytes of a plain-text book to str, or an InputError that says what the bytes are."""
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((b"%PDF", b"PK\x03\x04")):
        raise InputError(path, "is a PDF or ZIP document, not plain text (check the file extension)")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} at byte {exc.start}") from None
    else:
        head = data[:65536]
        if b"\x00" in head or sum(head.count(bytes([c])) for c in _CONTROL) > len(head) // 100 + 2:
            raise InputError(path, "binary file, not a text book")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            guess = guess_encoding(data)
            raise InputError(
                path, f"not UTF-8 (byte {exc.start}); looks like {guess}: "
                      f"convert it or pass --encoding {guess}") from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def guess_encoding(data: bytes) -> str:
    """cp1251 (Cyrillic), cp1252 or latin-1 for a non-UTF-8 book, by which letters result."""
    high = [b for b in data if b >= 0x80]
    if not high:
        return "ascii"
    cyrillic = sum(1 for b in high if 0xC0 <= b <= 0xFF)
    cp1252_only = sum(1 for b in high if 0x80 <= b <= 0x9F)
    if cyrillic / len(high) > 0.8 and len(high) > 0.2 * len(data.split()):
        return "cp1251"
    return "cp1252" if cp1252_only else "latin-1"
