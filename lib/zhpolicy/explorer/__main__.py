"""``python -m zhpolicy.explorer``: see :mod:`zhpolicy.explorer.server`."""

import os
import sys

from .server import main

code = main()
sys.stdout.flush()
sys.stderr.flush()
# A computation may still be running in a worker thread (the first coding of 300 documents takes
# minutes): end now rather than wait for it; the server is stopped and the working folder removed.
os._exit(code)
