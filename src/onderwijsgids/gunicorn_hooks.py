"""Gunicorn server hooks for ``onderwijsgids serve`` (loaded with ``-c python:...``)."""


def post_worker_init(worker) -> None:
    """Once the worker has loaded the app: build the release and freeze it (web/warmup.py)."""
    from onderwijsgids.web.warmup import build_and_freeze

    build_and_freeze()
