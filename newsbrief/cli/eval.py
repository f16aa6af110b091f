"""``newsbrief eval``: score newsbrief against gold data.

Subcommands live in their own modules: ``eval_quotes`` (quotes and speakers,
seed-format gold files and PolNeAR) and ``eval_summary`` (ROUGE against
reference summaries, beside baselines).
"""

from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Score newsbrief against gold data (precision / recall / F1, ROUGE)."""


def _register() -> None:
    try:
        from .eval_quotes import eval_quotes_command
    except ImportError:  # pragma: no cover - module being written
        pass
    else:
        eval_group.add_command(eval_quotes_command)
    try:
        from .eval_summary import eval_summary_command
    except ImportError:  # pragma: no cover
        pass
    else:
        eval_group.add_command(eval_summary_command)
    try:
        from .eval_events import eval_events_command
    except ImportError:  # pragma: no cover
        pass
    else:
        eval_group.add_command(eval_events_command)

    # Store-level evaluations (issue 10): verify verdicts and people links.
    from .eval_verify import eval_people_command, eval_verify_command

    eval_group.add_command(eval_verify_command)
    eval_group.add_command(eval_people_command)


_register()
