"""``newsbrief serve``: the HTTP API and the web reader (FastAPI).

from newsbrief.service import create_app
app = create_app("news.db")          # uvicorn.run(app, host="127.0.0.1")
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See ``newsbrief.service.app.create_app``."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)


__all__ = ["create_app"]
