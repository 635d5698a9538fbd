"""Backups of everything Puente keeps: the database and every file root (uploaded media and the
private roots outside it, e.g. exchange attachments), into one directory:

    <dir>/manifest.json   when, which database vendor, row counts per table, files per root
    <dir>/database.*      SQLite: a consistent copy (sqlite3's online backup API);
                          PostgreSQL: ``pg_dump --format=custom``
    <dir>/files-<name>.tar.gz one archive per root in ``settings.BACKUP_FILE_ROOTS``

``restore`` puts them back into the configured (fresh) database and directories, then checks
the row counts and files against the manifest. Both are management commands; docs/deploy.md
says how to schedule them.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"


def file_roots() -> dict[str, Path]:
    return {name: Path(path) for name, path in settings.BACKUP_FILE_ROOTS.items()}


def row_counts() -> dict[str, int]:
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        counts[model._meta.db_table] = model._base_manager.using("default").count()
    return dict(sorted(counts.items()))


def _file_list(root: Path) -> list[str]:
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise NotImplementedError(f"{name} is not installed (PostgreSQL client tools)")
    return path


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432),
            "-U", db.get("USER") or "postgres"]
    env = {"PGPASSWORD": db.get("PASSWORD") or "", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    return args, env


def backup(target: Path) -> dict:
    """Write a backup into ``target`` (created; must be empty); returns the manifest."""
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    vendor = connection.vendor
    connection.ensure_connection()
    if vendor == "sqlite":
        with sqlite3.connect(target / "database.sqlite3") as copy:
            connection.connection.backup(copy)
    elif vendor == "postgresql":
        args, env = _pg_env()
        subprocess.run(  # noqa: S603 - fixed program, arguments from settings
            [_program("pg_dump"), "--format=custom", "--no-owner", *args,
             "-f", str(target / "database.pgdump"), settings.DATABASES["default"]["NAME"]],
            check=True, env=env,
        )
    else:
        raise NotImplementedError(f"No backup for the {vendor} database")
    files = {}
    for name, root in file_roots().items():
        with tarfile.open(target / f"files-{name}.tar.gz", "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname=".")
        files[name] = {"root": str(root), "files": _file_list(root)}
    manifest = {
        "created": timezone.now().isoformat(),
        "vendor": vendor,
        "rows": row_counts(),
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1))
    return manifest


def restore(source: Path) -> list[str]:
    """Restore ``source`` into the configured database and file roots; returns the problems
    found when checking the result against the manifest (empty when all is there)."""
    manifest = json.loads((source / MANIFEST).read_text())
    vendor = connection.vendor
    if vendor != manifest["vendor"]:
        raise ValueError(f"The backup is of a {manifest['vendor']} database, this is {vendor}")
    if vendor == "sqlite":
        connection.close()
        shutil.copyfile(source / "database.sqlite3", settings.DATABASES["default"]["NAME"])
    else:
        args, env = _pg_env()
        subprocess.run(  # noqa: S603 - fixed program, arguments from settings
            [_program("pg_restore"), "--clean", "--if-exists", "--no-owner", *args,
             "-d", settings.DATABASES["default"]["NAME"], str(source / "database.pgdump")],
            check=True, env=env,
        )
    roots = file_roots()
    unknown = set(manifest["files"]) - set(roots)
    if unknown:
        raise ValueError(f"No directory is configured for {', '.join(sorted(unknown))}")
    for name in manifest["files"]:
        roots[name].mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / f"files-{name}.tar.gz", "r:gz") as archive:
            archive.extractall(roots[name], filter="data")
    problems = []
    for table, count in row_counts().items():
        expected = manifest["rows"].get(table)
        if expected is not None and expected != count:
            problems.append(f"{table}: {count} rows, the backup had {expected}")
    for name, listed in manifest["files"].items():
        missing = set(listed["files"]) - set(_file_list(roots[name]))
        problems += [f"missing file {roots[name] / file}" for file in sorted(missing)]
    return problems
