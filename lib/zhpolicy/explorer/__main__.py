"""``python -m zhpolicy.explorer``: see :mod:`zhpolicy.explorer.server`."""

import sys

from .server import main

sys.exit(main())
