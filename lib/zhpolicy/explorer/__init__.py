"""The explorer: the library in a local web page, for people who do not program.

    python3 tasks.py explore [--no-browser] [--port N] [--corpus FOLDER]
    python -m zhpolicy.explorer [same options]

A Panel app (Panel and Bokeh: BSD licence; every script, style and font is served by the app
itself, nothing is fetched from the internet) listening on 127.0.0.1 only. Its views are the
lessons' analyses: your texts (01), words (02), themes (03), statistics (05), logic chains (04),
policy instruments (06). The app holds no analysis of its own:

* :mod:`.analyses` — one corpus's tables, each computed once by the library call a lesson makes;
* :mod:`.views` — what each view shows (tables and figures from :mod:`.analyses`) and the code that
  produces it, for students to copy (:data:`.views.CALLS`);
* :mod:`.files` — uploads into a working folder, downloads that cannot become spreadsheet formulas
  (``teaching.export``), the fonts the pages use (``teaching.webfonts``, as in the Lab and the book);
* :mod:`.lessons` — the lessons as offline HTML pages (linked from each view);
* :mod:`.ui` — the page (Panel widgets); :mod:`.server` — the command.
"""

from __future__ import annotations
