"""`manage.py import_schools FILE.csv`: summary, bad rows, progress bar and exit codes."""

import io

import pytest

from django.core.management import call_command, load_command_class

from core.schools.models import School

from .gias import HEADER, gias_csv, school

pytestmark = pytest.mark.django_db


@pytest.fixture
def csv_file(tmp_path):
    def write(rows, **options):
        path = tmp_path / "edubasealldata.csv"
        path.write_bytes(gias_csv(rows, **options))
        return path

    return write


# Like manage.py, `run_from_argv` closes every database connection when the command ends. Inside
# the transaction that wraps a `django_db` test that closed connection cannot be reopened (on
# PostgreSQL the test's next query fails with "the connection is closed"), so the tests that use
# it run with real commits; serialized rollback puts back the data migrations' rows afterwards.
as_manage_py = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_command(*args):
    """Run the command as manage.py does, returning (exit status, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    command = load_command_class("core.schools", "import_schools")
    command.stdout._out, command.stderr._out = stdout, stderr
    try:
        command.run_from_argv(["manage.py", "import_schools", *map(str, args)])
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


@as_manage_py
def test_command_prints_each_bad_row_and_the_summary_and_exits_zero(csv_file):
    path = csv_file([school(100001), school("abc"), school(100003, "Brookside School")])

    status, out, _ = run_command(path, "--no-progress")

    assert status == 0
    assert "line 3: URN 'abc' is not a number" in out
    assert (
        "3 rows read: 2 created, 0 updated, 0 unchanged, 0 newly closed, 1 bad row skipped." in out
    )
    assert School.objects.count() == 2


def test_command_shows_a_progress_bar_on_stderr(csv_file):
    path = csv_file([school(100000 + n) for n in range(1, 1201)])

    stderr = io.StringIO()
    call_command("import_schools", path, stdout=io.StringIO(), stderr=stderr)

    assert "Importing schools" in stderr.getvalue()
    assert "1200/1200" in stderr.getvalue()


def test_no_progress_option_hides_the_progress_bar(csv_file):
    stderr = io.StringIO()
    call_command(
        "import_schools",
        csv_file([school(100001)]),
        "--no-progress",
        stdout=io.StringIO(),
        stderr=stderr,
    )

    assert stderr.getvalue() == ""


@as_manage_py
def test_missing_columns_exit_non_zero_naming_them(csv_file):
    path = csv_file([school(100001)], header=[name for name in HEADER if name != "Town"])

    status, _, err = run_command(path, "--no-progress")

    assert status == 1
    assert "missing required column: Town" in err
    assert School.objects.count() == 0


@as_manage_py
def test_wrong_encoding_exits_non_zero(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))

    status, _, err = run_command(path, "--no-progress")

    assert status == 1
    assert "not a CSV text file" in err


@as_manage_py
def test_unreadable_file_exits_non_zero(tmp_path):
    status, _, err = run_command(tmp_path / "missing.csv", "--no-progress")

    assert status == 1
    assert "Cannot read" in err
    assert "No such file or directory" in err
