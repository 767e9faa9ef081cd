"""The web workspace: server-rendered pages, each with a JSON twin under /api/.

A thin shell like the CLI: a route parses, calls one store or library
function, renders. ``create_app(settings)`` builds the app; ``fazhi serve`` runs it.
"""

from fazhi.web.app import create_app

__all__ = ["create_app"]
