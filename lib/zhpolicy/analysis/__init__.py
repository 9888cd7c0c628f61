"""Analysis: words (segmentation, frequencies, keyness, KWIC, themes)."""

from .._lazy import lazy_submodules

__getattr__ = lazy_submodules(__name__)
