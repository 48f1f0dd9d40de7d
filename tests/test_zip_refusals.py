"""Zips refused for what they hold, built here byte by byte: an encrypted entry, a file that
expands past the limit only once read, and files spread over two folders.

Each expected message is the catalogue's English text, written out, with the zip and entry it
names.
"""

import io
import zipfile

import pytest

from app.core.upload import UploadError, read_zip
from app.core.validate import read_folder
from conftest import CASES

FIVE_MB = 5 * 1024 * 1024  # the most a case file may hold


def tiny_zip(files: dict[str, bytes] | None = None, folder: str = "case") -> bytes:
    """A zip of the tiny case in `folder`, with `files` added or replaced."""
    contents = {name: data for name, data in read_folder(CASES / "tiny").items()}
    contents.update(files or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(f"{folder}/{name}" if folder else name, data)
    return buffer.getvalue()


def mark_encrypted(data: bytes, entry: str) -> bytes:
    """The same zip with `entry` flagged as encrypted (bit 0 of its general-purpose flags, in
    its local header and in the central directory), as a zip tool that set a password writes."""
    out = bytearray(data)
    name = entry.encode()
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            if out[start + name_at:start + name_at + len(name)] == name:
                out[start + flag_at] |= 0x1
            start += 4
    return bytes(out)


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(UploadError) as error:
        read_zip(name, data)
    return str(error.value.problems[0])


def test_the_tiny_zip_itself_is_accepted():
    assert read_zip("tiny.zip", tiny_zip()).files.keys() >= {"actors.csv", "links.csv"}


def test_an_encrypted_entry_is_refused():
    data = mark_encrypted(tiny_zip(), "case/links.csv")
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("case/links.csv").flag_bits & 0x1
    assert refusal("locked.zip", data) == (
        "locked.zip, value 'case/links.csv': refused: the zip contains an encrypted file; "
        "upload it without a password")


def test_a_file_larger_than_a_case_file_may_be_is_refused_while_read():
    # 5 MB and one byte of CSV, squeezed by compression to a few kilobytes: the upload is
    # small, the four files declare less than the 20 MB a case may hold, so only reading
    # the file finds it too large.
    big = b"actor_id,name\n" + b"a" * (FIVE_MB + 1)
    data = tiny_zip({"actors.csv": big})
    assert len(data) < 100_000
    assert refusal("squeezed.zip", data) == (
        "squeezed.zip, value 'case/actors.csv': refused: a file expands beyond the size a case "
        "may hold (a zip bomb?)")


def test_a_file_of_the_largest_allowed_size_is_read():
    # Just under the limit: read, then judged by the validator, not refused as a bomb.
    rows = b"".join(b"w%07d,Workers,worker_pool,MG,,false,,A1,reported\n" % i
                    for i in range(FIVE_MB // 60))
    actors = read_folder(CASES / "tiny")["actors.csv"] + rows
    assert len(actors) <= FIVE_MB
    case = read_zip("large.zip", tiny_zip({"actors.csv": actors}))
    assert case.files["actors.csv"] == actors


def test_files_spread_over_two_folders_are_refused():
    buffer = io.BytesIO()
    files = read_folder(CASES / "tiny")
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, data) in enumerate(files.items()):
            archive.writestr(f"{'a' if index % 2 else 'b'}/{name}", data)
    assert refusal("spread.zip", buffer.getvalue()) == (
        "spread.zip: the zip holds more than one folder; upload one case at a time")
