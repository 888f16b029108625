"""``python -m flows``: the ``newsrepair`` command line (see :mod:`flows.cli`)."""

from .cli import main

if __name__ == "__main__":
    main()
