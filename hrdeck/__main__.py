"""``python -m hrdeck`` and the ``hrdeck`` command: the process around the command line.

What belongs to the process and not to any command is here: Ctrl-C.

- While the command line is still being imported nothing has been done, so a
  Ctrl-C then just ends the process (one line, exit 130).
- Once a command runs, the first Ctrl-C raises KeyboardInterrupt where the command
  is (it stops its worker processes and removes its temporary files on the way
  out; :mod:`hrdeck.cli` prints one line and exits 130) and makes further Ctrl-C
  ignored, so that cleaning up is never cut short.
- After the command, a late Ctrl-C is ignored too: the work is done.
"""

from __future__ import annotations

import os
import signal
from types import FrameType

EXIT_INTERRUPTED = 130  # hrdeck.errors.EXIT_INTERRUPTED, not imported: nothing may come first


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"hrdeck: interrupted\n")
    os._exit(EXIT_INTERRUPTED)


def _first_interrupt(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGINT, _interrupted_while_starting)
    from hrdeck.cli import cli  # the command line and the modules it needs at once

    signal.signal(signal.SIGINT, _first_interrupt)
    try:
        cli.main(prog_name="hrdeck")
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:
            _exit_at_once(EXIT_INTERRUPTED)
        raise
    finally:  # the work is done: a Ctrl-C while Python exits must not kill it (exit -2)
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _exit_at_once(code: int) -> None:
    """Exit with ``code`` once the interrupt has been cleaned up after.

    Not ``sys.exit``: Python 3.11 turns the exit status into death by SIGINT (-2)
    whenever the KeyboardInterrupt passed through ``exec`` of a string (dataclasses
    and namedtuples create their methods that way while a module is imported).
    """
    import contextlib
    import sys

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
