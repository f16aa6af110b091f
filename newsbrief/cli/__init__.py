"""The ``newsbrief`` command line: thin over the library.

Each command lives in its own module and is registered on the ``main`` group
here. A ``NewsbriefError`` becomes one line on stderr and exit code 1; usage
errors exit 2 (click's convention).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import NewsbriefError


class NewsbriefGroup(click.Group):
    """Turns known errors into one line and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsbriefError as exc:
            click.echo(f"newsbrief: error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            # `newsbrief ... | head` closed the pipe: not an error.
            sys.exit(0)


@click.group(cls=NewsbriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsbrief")
def main() -> None:
    """newsbrief: who said what in news articles, who is involved, and what
    the story comes to."""


def _register() -> None:
    from .analyze import analyze_command

    main.add_command(analyze_command)
    try:
        from .eval import eval_group
    except ImportError:  # pragma: no cover - optional module during development
        pass
    else:
        main.add_command(eval_group)
    try:
        from .corpus import register as register_corpus
    except ImportError:  # pragma: no cover
        pass
    else:
        register_corpus(main)
    try:
        from .serve import serve_command
    except ImportError:  # pragma: no cover
        pass
    else:
        main.add_command(serve_command)
    # People across articles, duplicates and verify (issue 10).
    from .people import register as register_people
    from .verify import verify_command

    register_people(main)
    main.add_command(verify_command)
    try:
        from .events import events_command
    except ImportError:  # pragma: no cover
        pass
    else:
        main.add_command(events_command)


_register()
