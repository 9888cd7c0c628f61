"""Reading: files to a corpus (encodings, Word/PDF/web pages, cleaning, document structure)."""

from .._lazy import lazy_submodules

__getattr__ = lazy_submodules(__name__)
