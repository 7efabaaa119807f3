"""Reading books: paths to :class:`~qa.document.Document`, with one clear error per bad input.

Plain text is read as UTF-8 (a BOM is accepted). A file in another encoding is detected and
named in the error, or read with ``encoding=``. Binary files, empty files and files that are not
what their extension says are refused with :class:`~qa.errors.InputError`. Books are only ever
opened for reading.
"""

from __future__ import annotations

import os
import pathlib
import re
import stat

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
        else:
            try:
                p.stat()
            except PermissionError:  # a folder on the way cannot be entered
                errors.append(InputError(p, "cannot read: permission denied"))
            except (FileNotFoundError, NotADirectoryError):
                errors.append(InputError(p, "no such file or folder"))
            except OSError as exc:
                errors.append(InputError(p, f"cannot read: {exc.strerror or exc}"))
            else:
                books.append(p)
    seen, unique = set(), []
    for b in books:
        if b not in seen:
            seen.add(b)
            unique.append(b)
    return unique, errors


def read_bytes(path: pathlib.Path) -> bytes:
    try:
        with open(path, "rb") as fh:  # read-only, always
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InputError(path, "not a regular file (a device or pipe?)")
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
    if encoding is None:
        from qa.formats import sniff

        kind = sniff(data)
        if kind in ("PDF", "DOCX", "EPUB"):
            raise InputError(path, f"is a {kind} document, not plain text "
                                   f"(name it .{kind.lower()} to check it)")
        if kind == "ZIP":
            raise InputError(path, "is a ZIP archive, not plain text")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"  # a UTF-16 byte-order mark is unambiguous
        elif kind == "binary" or _controls(data[:65536]) > len(data[:65536]) // 100 + 2:
            raise InputError(path, "binary file, not a text book")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} at byte {exc.start}") from None
        text = text.removeprefix("\ufeff")
        if _controls(text[:65536]) > len(text[:65536]) // 100 + 2:
            raise InputError(path, f"binary file, not a text book (read as {encoding})")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            guess = guess_encoding(data)
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(
                path, f"not UTF-8 (line {line}, byte {exc.start}); it looks like {guess}: "
                      f"convert it to UTF-8 or pass --encoding {guess}") from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def _controls(chunk) -> int:
    """How many C0 control characters (but TAB, LF, FF, CR) ``chunk`` holds (bytes or str)."""
    if isinstance(chunk, str):
        return sum(1 for ch in chunk if ch < " " and ch not in "\t\n\f\r")
    return sum(chunk.count(bytes([c])) for c in _CONTROL)


_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def guess_encoding(data: bytes) -> str:
    """cp1251, cp1252 or latin-1 for a book that is not UTF-8, by which reading gives real words.

    Read as cp1251, a Russian text gives words wholly in Cyrillic; a Western text gives words
    that mix Latin and Cyrillic letters (``één`` becomes ``ййn``). Bytes 0x80-0x9F are printable
    in cp1252 (curly quotes, dashes, the euro sign) but control codes in latin-1.
    """
    words = _LETTERS.findall(data.decode("cp1251", errors="replace"))
    cyrillic = [w for w in words if _CYRILLIC.search(w)]
    pure = sum(1 for w in cyrillic if not re.search(r"[A-Za-z]", w))
    if cyrillic and pure >= 0.8 * len(cyrillic):
        return "cp1251"
    if re.search(rb"[\x80-\x9f]", data):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return "latin-1"
