"""Uploaded cases: a zip of a case folder, or the four CSV files, turned into checked bytes.

Nothing here touches the disk. Every limit is checked before a byte reaches the CSV reader:
upload size, number of files, expanded size (zip bombs), paths outside the folder, links, and
files that are not the contract's. What passes goes to the same validator as bundled data.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import zipfile
from dataclasses import dataclass
from functools import cached_property

from app.core import schema
from app.core.errors import Problem, shorten
from app.core.validate import MAX_FILE_BYTES, PACKAGE_FILE

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_EXPANDED_BYTES = 4 * MAX_FILE_BYTES
MAX_ZIP_ENTRIES = 50
MAX_TITLE_CHARS = 200
CASE_FILES = tuple(t.filename for t in schema.CASE_TABLES)
ALLOWED_FILES = (PACKAGE_FILE,) + CASE_FILES
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


class UploadError(Exception):
    """An upload refused before validation; carries the problems to show."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class UploadedCase:
    """A case ready for the validator: its id and its files in memory."""

    case_id: str
    files: dict[str, bytes]

    @cached_property
    def digest(self) -> str:
        """A fingerprint of the files, so caches never mix two uploads with the same id."""
        return _digest(self.files)


def _digest(files: dict[str, bytes]) -> str:
    sha = hashlib.sha256()
    for name in sorted(files):
        sha.update(name.encode() + b"\0" + files[name] + b"\0")
    return sha.hexdigest()


def slugify(text: str, fallback: str = "uploaded-case") -> str:
    """A case id from a title or file name: lowercase letters, digits and hyphens."""
    slug = _SLUG_CHARS.sub("-", text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def _refuse(name: str, key: str, value: str | None = None, **params: object) -> UploadError:
    return UploadError([Problem.of(name, key, value=value, **params)])


def check_size(name: str, data: bytes) -> None:
    if len(data) > MAX_UPLOAD_BYTES:
        raise _refuse(name, "problem.upload_too_large", size=MAX_UPLOAD_BYTES // 2**20)


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    """The message key of why a zip entry is refused, or None when it may be read."""
    name = info.filename
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "problem.zip_absolute_path"
    parts = re.split(r"[\\/]+", name)
    if ".." in parts:
        return "problem.zip_traversal"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "problem.zip_symlink"
    if info.flag_bits & 0x1:
        return "problem.zip_encrypted"
    return None


def read_zip(name: str, data: bytes) -> UploadedCase:
    """The case folder inside a zip, checked for size, bombs, traversal and links."""
    check_size(name, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _refuse(name, "problem.not_a_zip") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise _refuse(name, "problem.zip_entries", entries=str(len(infos)),
                      files=str(len(ALLOWED_FILES)))
    for info in infos:
        problem = _member_problem(info)
        if problem:
            raise _refuse(name, problem, value=info.filename)
    declared = sum(i.file_size for i in infos)
    if declared > MAX_EXPANDED_BYTES:
        raise _refuse(name, "problem.zip_expands", size=f"{declared / 2**20:.0f}",
                      limit=MAX_EXPANDED_BYTES // 2**20)
    files: dict[str, bytes] = {}
    folders: set[str] = set()
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        parts = [p for p in re.split(r"[\\/]+", info.filename) if p]
        base = parts[-1]
        if base.startswith(".") or parts[0] == "__MACOSX":
            continue  # editor and archiver litter
        if base not in ALLOWED_FILES:
            continue  # extra files are ignored, never read
        if len(parts) > 2:
            raise _refuse(name, "problem.zip_nested", value=info.filename)
        folders.add(parts[0] if len(parts) == 2 else "")
        if base in files:
            raise _refuse(name, "problem.zip_two_cases", value=info.filename)
        # Read at most one byte past the limit: the header's size may lie.
        try:
            with archive.open(info) as handle:
                content = handle.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, OSError):
            raise _refuse(name, "problem.zip_unreadable", value=info.filename) from None
        total += len(content)
        if len(content) > MAX_FILE_BYTES or total > MAX_EXPANDED_BYTES:
            raise _refuse(name, "problem.zip_bomb", value=info.filename)
        files[base] = content
    if len(folders) > 1:
        raise _refuse(name, "problem.zip_folders")
    if not files:
        raise _refuse(name, "problem.zip_no_case_files", files=ALLOWED_FILES)
    folder = next(iter(folders))
    return UploadedCase(_case_id(files, folder or name.rsplit(".", 1)[0]), files)


def _case_id(files: dict[str, bytes], fallback: str) -> str:
    """The id the package declares when it is a valid key, else one made from the name."""
    try:
        declared = json.loads(files.get(PACKAGE_FILE, b"{}").decode("utf-8-sig")).get("name")
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        declared = None
    if isinstance(declared, str) and re.fullmatch(schema.ID_PATTERN, declared):
        return declared
    return slugify(fallback)


def from_csv_files(uploads: dict[str, bytes], title: str) -> UploadedCase:
    """A case from the four CSV files and a title; the package metadata is written for it."""
    title = " ".join(title.split())
    if not title:
        raise _refuse("title", "problem.title_missing")
    if len(title) > MAX_TITLE_CHARS:
        raise _refuse("title", "problem.title_too_long", value=shorten(title),
                      limit=str(MAX_TITLE_CHARS))
    problems = []
    total = 0
    for file_name, data in uploads.items():
        total += len(data)
        if file_name not in CASE_FILES:
            problems.append(Problem.of(file_name, "problem.not_case_file", files=CASE_FILES))
    if total > MAX_UPLOAD_BYTES:
        problems.append(Problem.of("upload", "problem.upload_files_too_large",
                                   size=MAX_UPLOAD_BYTES // 2**20))
    for file_name in CASE_FILES:
        if file_name not in uploads:
            problems.append(Problem.of(file_name, "problem.upload_missing_file",
                                       files=CASE_FILES))
    if problems:
        raise UploadError(problems)
    case_id = slugify(title)
    package = {
        "name": case_id, "title": title,
        "description": "A case uploaded for this browser session.",
        "product": "not given", "period": "not given",
        "licenses": [{"name": "not given"}], "sources": [{"title": "see sources.csv"}],
        "resources": [schema.resource(t) for t in schema.CASE_TABLES],
    }
    files = dict(uploads)
    files[PACKAGE_FILE] = json.dumps(package, ensure_ascii=False).encode("utf-8")
    return UploadedCase(case_id, files)


def template_zip(dictionary: bytes) -> bytes:
    """An empty case folder with the headers, two example rows per table, and the dictionary."""
    examples = {
        "actors.csv": ("actor_id,name,actor_type,country,country_source_ids,workers,anonymised,"
                       "description,source_ids,certainty\n"
                       "lead-firm,AI company (anonymised),ai_company,FR,S1,,true,"
                       "Sells the AI product.,S1,documented\n"
                       "workers,Data workers,worker_pool,MG,S2,120,false,"
                       "Annotate images for the firm.,S2,reported\n"),
        "links.csv": ("link_id,from_actor,to_actor,relation,description,source_ids,certainty\n"
                      "l1,lead-firm,workers,outsources_to,The firm outsources annotation.,S1,"
                      "documented\n"
                      "l2,workers,lead-firm,supplies_data,Annotated images go back to the firm."
                      ",S1,inferred\n"),
        "tasks.csv": ("task_id,actor_id,link_id,task,function,subfunction,data_type,paid,"
                      "description,source_ids,certainty\n"
                      "t1,workers,l1,Draw boxes around products,preparation,annotation,image,"
                      "true,Bounding boxes on shelf photos.,S1,documented\n"
                      "t2,workers,l1,Check the model's labels,verification,,image,true,"
                      "Accept or correct predicted labels.,S1,reported\n"),
        "sources.csv": ("source_id,citation,year,url,kind,primary,note\n"
                        "S1,\"Author, A. (2024). Title of the article. Journal 1(1).\",2024,"
                        "https://doi.org/10.0000/example,article,true,Fieldwork in 2023.\n"
                        "S2,\"Newspaper (2024). Title of the piece.\",2024,,press,false,"
                        "Secondary source.\n"),
    }
    package = {
        "name": "my-case", "title": "My case", "description": "What the chain is, in a sentence.",
        "product": "The AI product sold", "period": "2023-2024",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": "Author (2024)"}],
        "resources": [schema.resource(t) for t in schema.CASE_TABLES],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("my-case/datapackage.json", json.dumps(package, indent=2) + "\n")
        for file_name, text in examples.items():
            archive.writestr(f"my-case/{file_name}", text)
        archive.writestr("my-case/DATA-DICTIONARY.md", dictionary)
    return buffer.getvalue()
