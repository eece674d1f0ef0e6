"""Django's SQLite backend, whose health check notices a database file that is not the one opened.

With CONN_MAX_AGE a connection outlives the request. Django's own SQLite backend calls every open
connection usable, so after the file is moved away, deleted or replaced (a backup restored by
renaming a copy into place) a kept connection would go on reading and writing the old file. Here
the health check (CONN_HEALTH_CHECKS, run before the first query of each request) compares the
file's device and inode with those of the file opened, one stat() call, and reconnects when they
differ: the next query then reaches the file at the configured path, or fails like a fresh
connection would.
"""

import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    _opened_file = None

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        self._opened_file = self._file_identity()
        return connection

    def _file_identity(self):
        if self.is_in_memory_db():
            return None
        try:
            found = os.stat(self.settings_dict["NAME"])
        except OSError:
            return "missing"
        return (found.st_dev, found.st_ino)

    def is_usable(self):
        return self._opened_file is None or self._file_identity() == self._opened_file
