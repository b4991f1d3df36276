"""``python -m hrdeck`` and the ``hrdeck`` command.

The first thing it does is to make a Ctrl-C while the command line is still being
imported end quietly (one line, exit 130), since nothing has been done yet; once
the command runs, :func:`hrdeck.cli.main` handles Ctrl-C itself.
"""

import os
import signal
from types import FrameType


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"hrdeck: interrupted\n")
    os._exit(130)


def main() -> None:
    signal.signal(signal.SIGINT, _interrupted_while_starting)
    from hrdeck.cli import main as run_command_line

    run_command_line()


if __name__ == "__main__":
    main()
