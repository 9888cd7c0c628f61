"""Files in and out of the explorer: uploads into a working folder (never the corpus folder),
downloads whose cells cannot become spreadsheet formulas (:mod:`zhpolicy.teaching.export`), and the
fonts the pages use (:mod:`zhpolicy.teaching.webfonts`, as in the Lab and the HTML book)."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from zhpolicy.errors import CorpusError
from zhpolicy.teaching.export import csv_bytes, xlsx_bytes  # noqa: F401 - the downloads' writers
from zhpolicy.teaching.webfonts import WEB_FAMILY

#: Limits of one .zip upload: members and uncompressed bytes (a teacher's corpus, not a zip bomb).
ZIP_MAX_MEMBERS = 50_000
ZIP_MAX_BYTES = 2 * 1024**3

#: URL prefix under which the server serves the fonts' folder (:func:`page_fonts`).
FONT_ROUTE = "zhpolicy-fonts"
#: The family name pages use for the course's web fonts (first in every font list).
FONT_FAMILY = WEB_FAMILY
#: File names of the whole font and the symbol font in the served folder (the subset is named by its inputs).
FULL_FONT = "NotoSansSC-Regular.ttf"
SYMBOL_FONT = "zhpolicy-symbols.ttf"
FONT_STACK = (f'"{FONT_FAMILY}", "Segoe UI", Helvetica, Arial, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", '
              "sans-serif")
MONO_STACK = f'"{FONT_FAMILY}", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'


# ---------------------------------------------------------------- the fonts


@dataclass(frozen=True)
class PageFonts:
    """The fonts the explorer's pages draw Chinese with: the folder served at ``/zhpolicy-fonts/``,
    the ``@font-face`` rules and the ``<link rel="preload">`` of the fast subset."""

    folder: Path
    css: str
    preload: str


def font_folder() -> Path:
    """Where the served fonts are kept: ``<cache>/explorer-fonts`` (written once, reused by every
    start), or a temporary folder when there is no cache folder."""
    from zhpolicy.paths import CacheUnavailable, cache_dir

    try:
        folder = cache_dir() / "explorer-fonts"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except (CacheUnavailable, OSError):
        return Path(tempfile.mkdtemp(prefix="zhpolicy-explorer-fonts-"))


@lru_cache(maxsize=4)
def page_fonts(folder: Path | None = None) -> PageFonts:
    """The course's web fonts (:mod:`zhpolicy.teaching.webfonts`, the same as the Lab's and the book's) in
    *folder* (default :func:`font_folder`): the WOFF2 subset of Noto Sans SC that the page preloads, the
    whole font for rarer characters (fetched only when a page shows one) and the symbol font; each face
    ``font-display: block`` with the CJK ``unicode-range``. The subset is built the first time (about
    half a minute) and kept in the cache folder."""
    from zhpolicy.teaching.webfonts import font_face_css, place_fonts

    folder = Path(folder) if folder is not None else font_folder()
    subset = place_fonts(folder, FULL_FONT, SYMBOL_FONT)
    url = f"/{FONT_ROUTE}/"
    css = font_face_css(subset, url + subset.name, url + FULL_FONT, url + SYMBOL_FONT)
    preload = f'<link rel="preload" href="{url}{subset.name}" as="font" type="font/woff2" crossorigin>'
    return PageFonts(folder, css, preload)


# ---------------------------------------------------------------- uploads


def _member_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name as the person who zipped it saw it: names not flagged UTF-8 are
    usually GBK (Windows in Chinese), which Python reads as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def _safe_relative(name: str) -> PurePosixPath | None:
    """*name* as a relative path inside the working folder, or None (absolute, ``..``, empty)."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".")]
    if not parts or parts[0].endswith(":") or name.startswith(("/", "\\")) or ".." in parts:
        return None
    return PurePosixPath(*parts)


class WorkingFolder:
    """Where uploaded files are kept: a new temporary folder (removed when the explorer stops), or
    a folder the user named. Each upload goes to a new subfolder ``upload-N``, which is the corpus
    the explorer then reads. Nothing is ever written into a corpus folder the user gave."""

    def __init__(self, folder: str | Path | None = None):
        self.temporary = folder is None
        self.root = Path(tempfile.mkdtemp(prefix="zhpolicy-explorer-")) if folder is None else Path(folder)
        self.root.mkdir(parents=True, exist_ok=True)
        self._count = 0

    def _new_folder(self) -> Path:
        while True:
            self._count += 1
            target = self.root / f"upload-{self._count}"
            if not target.exists():
                target.mkdir()
                return target

    def save(self, uploads: dict[str, bytes]) -> tuple[Path, list[str]]:
        """Write uploaded files (file name -> bytes) into a new upload folder; a ``.zip`` is
        unpacked there (its folders kept). Returns the folder and notes for the user (members
        not unpacked, and why)."""
        if not uploads:
            raise CorpusError("没有收到文件。请选择要上传的文件。（no files）")
        target, notes = self._new_folder(), []
        for name, data in uploads.items():
            relative = _safe_relative(Path(name.replace("\\", "/")).name)
            if relative is None:
                notes.append(f"{name}：文件名无法使用，未保存。")
                continue
            if relative.suffix.lower() == ".zip":
                notes.extend(self._unzip(name, data, target))
            else:
                (target / relative).write_bytes(data)
        return target, notes

    def _unzip(self, name: str, data: bytes, target: Path) -> list[str]:
        notes = []
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            return [f"{name}：不是有效的 .zip 压缩包（可能已损坏），未解压。"]
        with archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) > ZIP_MAX_MEMBERS or sum(m.file_size for m in members) > ZIP_MAX_BYTES:
                return [f"{name}：压缩包里的文件太多或太大（上限 {ZIP_MAX_MEMBERS} 个文件、2 GB），未解压。"
                        "请直接在“文件夹路径”里填写解压后的文件夹。"]
            for member in members:
                shown = _member_name(member)
                relative = _safe_relative(shown)
                if relative is None or relative.parts[0] == "__MACOSX":
                    if relative is None:
                        notes.append(f"{name} 中的 {shown}：路径不安全（绝对路径或含 ..），未解压。")
                    continue
                if (member.external_attr >> 16) & 0o170000 == 0o120000:
                    notes.append(f"{name} 中的 {shown}：是符号链接，未解压。")
                    continue
                path = target.joinpath(*relative.parts)
                path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    with archive.open(member) as source, open(path, "wb") as out:
                        shutil.copyfileobj(source, out)
                except (RuntimeError, NotImplementedError, zipfile.BadZipFile, OSError) as exc:
                    path.unlink(missing_ok=True)
                    notes.append(f"{name} 中的 {shown}：无法解压（{exc}；加密或不支持的压缩方式？）。")
        return notes

    def cleanup(self) -> None:
        """Remove the folder when it is a temporary one."""
        if self.temporary and self.root.is_dir():
            shutil.rmtree(self.root, ignore_errors=True)


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether *path* is *folder* or lies inside it (after resolving links)."""
    try:
        path, folder = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    except OSError:
        return False
    return path == folder or folder in path.parents
