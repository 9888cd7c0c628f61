"""Extraction: what the texts state (statistics, logic chains, policy instruments) and scoring it."""

from .._lazy import lazy_submodules

__getattr__ = lazy_submodules(__name__)
