"""Django's SQLite backend with a health check, for connections kept open between requests."""
