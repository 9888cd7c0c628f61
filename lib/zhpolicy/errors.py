"""Errors a teacher can read: what went wrong, with which file, and what to do."""


class CorpusError(ValueError):
    """A corpus file or folder cannot be used. The message names the file and the fix."""
