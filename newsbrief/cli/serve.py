"""``newsbrief serve``: the HTTP API and the web reader on uvicorn."""

from __future__ import annotations

import ipaddress

import click

from ..settings import Settings


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", type=click.Path(dir_okay=False), default=None, help="A store to serve (created if missing).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Analysis worker processes (each loads the model once).",
)
@click.option("--model", default=None, help="spaCy model package or path [env NEWSBRIEF_MODEL].")
@click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Longest text accepted [default 1000000].")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info")
def serve_command(
    db: str | None,
    host: str,
    port: int,
    workers: int,
    model: str | None,
    max_chars: int | None,
    log_level: str,
) -> None:
    """Serve the HTTP API (/api/, documented at /docs) and the web reader (/).

    Without --db it analyses articles only; with it, the corpus in the store
    can be browsed and searched too, and analyses can be stored
    (POST /api/analyze?store=true).

    \b
    Examples:
      newsbrief serve
      newsbrief serve --db news.db --workers 2
    """
    import uvicorn

    from ..service import create_app

    settings = Settings.from_env(model=model, max_chars=max_chars)
    if not _is_loopback(host):
        click.echo(
            f"newsbrief: warning: listening on {host}, not loopback; newsbrief has no authentication or TLS: "
            "put a reverse proxy in front (see the README).",
            err=True,
        )
    app = create_app(db, settings=settings, workers=workers, warm_up=True)
    click.echo(f"newsbrief: serving on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False)
