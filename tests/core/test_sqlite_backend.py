"""A kept-open SQLite connection notices when the file at its path is not the one it opened."""

import shutil

import pytest
from django.db.utils import ConnectionHandler


@pytest.fixture(autouse=True)
def own_database_files(django_db_blocker):
    """These tests open their own database files, not the test database."""
    with django_db_blocker.unblock():
        yield


def open_connection(path):
    kept = {"ENGINE": "core.sqlite_backend", "NAME": str(path), "CONN_MAX_AGE": 600, "CONN_HEALTH_CHECKS": True}
    connection = ConnectionHandler({"default": kept})["default"]
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS note (text TEXT)")
    return connection


def test_a_kept_connection_is_usable_while_its_file_stays(tmp_path):
    connection = open_connection(tmp_path / "site.sqlite3")
    try:
        assert connection.is_usable()
    finally:
        connection.close()


def test_a_moved_or_replaced_file_makes_the_connection_reconnect(tmp_path):
    path = tmp_path / "site.sqlite3"
    connection = open_connection(path)
    try:
        shutil.move(path, tmp_path / "away.sqlite3")
        assert not connection.is_usable()  # the file is gone: reconnect (and fail like a new connection)

        shutil.move(tmp_path / "away.sqlite3", path)
        assert connection.is_usable()  # the same file is back

        shutil.copy(path, tmp_path / "restored.sqlite3")
        shutil.move(tmp_path / "restored.sqlite3", path)  # a backup renamed into place
        assert not connection.is_usable()
    finally:
        connection.close()


def test_the_health_check_reconnects_to_the_file_now_at_the_path(tmp_path):
    path = tmp_path / "site.sqlite3"
    connection = open_connection(path)
    try:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES ('old file')")
        other = open_connection(tmp_path / "other.sqlite3")
        with other.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES ('new file')")
        other.close()
        shutil.move(tmp_path / "other.sqlite3", path)

        connection.close_if_unusable_or_obsolete()  # what Django does when a request starts
        with connection.cursor() as cursor:  # the health check runs before the first query
            cursor.execute("SELECT text FROM note")
            assert cursor.fetchall() == [("new file",)]
    finally:
        connection.close()
