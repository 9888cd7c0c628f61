"""Files in and out of the explorer: uploads into a working folder (never the corpus folder),
downloads whose cells cannot become spreadsheet formulas, and the font the pages use."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import pandas as pd

from zhpolicy.errors import CorpusError

#: Limits of one .zip upload: members and uncompressed bytes (a teacher's corpus, not a zip bomb).
ZIP_MAX_MEMBERS = 50_000
ZIP_MAX_BYTES = 2 * 1024**3

#: URL prefix under which the server serves :func:`font_face`'s folder.
FONT_ROUTE = "zhpolicy-fonts"
#: The family name pages use for the bundled font.
FONT_FAMILY = "zhpolicy Noto Sans SC"
#: Chinese characters (CJK ideographs and punctuation, fullwidth forms): the bundled font's
#: ``unicode-range``, so that it can come first in every font list and still leave Latin text to
#: the usual fonts. (Listed after installed fonts instead, Chromium drew empty boxes where the
#: families before it lacked a character, e.g. after ``system-ui`` or Arial on a machine without CJK fonts.)
CJK_RANGE = "U+2E80-2FDF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF, U+20000-3134F"
FONT_STACK = (f'"{FONT_FAMILY}", "Segoe UI", Helvetica, Arial, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", '
              "sans-serif")
MONO_STACK = f'"{FONT_FAMILY}", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'


# ---------------------------------------------------------------- the font


def font_face() -> tuple[Path, str, str]:
    """The font the pages draw Chinese with: ``(folder served at /zhpolicy-fonts/, file name,
    @font-face CSS)``. The bundled Noto Sans SC of the ``zhplot`` package (SIL Open Font License);
    the one place to change when a smaller subset of it is used."""
    from zhpolicy.teaching.fonts import bundled_font_path

    path = bundled_font_path()
    css = (f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("/{FONT_ROUTE}/{path.name}") format("truetype"); '
           f"unicode-range: {CJK_RANGE}; font-display: block; }}")
    return path.parent, path.name, css


# ---------------------------------------------------------------- downloads


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of *table* in which no text cell can become a formula in Excel, WPS or LibreOffice:
    text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe (OWASP's
    advice on CSV injection). Numbers stay numbers; column names are checked too."""

    def safe(value):
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
        return value

    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe)
    out.columns = [safe(c) for c in out.columns]
    return out


def csv_bytes(table: pd.DataFrame) -> bytes:
    """*table* as a CSV file (UTF-8 with BOM, so that Excel shows Chinese), formula-safe."""
    text = spreadsheet_safe(table).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8-sig")


def xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per table (sheet name -> table), formula-safe."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in tables.items():
            spreadsheet_safe(table).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


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
