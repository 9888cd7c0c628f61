"""Teaching: what a student sees (figures, fonts, Chinese labels, exercises, running the lessons, the course)."""

from .._lazy import lazy_submodules

__getattr__ = lazy_submodules(__name__)
