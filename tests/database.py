"""How the test database is made: from the models, without running the migrations.

Running the 188 migrations took 12 s of every test run, most of it Django rebuilding model
states, so pytest-django makes the tables from the models (`--no-migrations`, set in
pyproject.toml). `prepare_test_database` then adds what the migrations would have left and
the models do not describe:

- the SQL objects of `MIGRATIONS_WITH_SQL`: the full-text tables and their triggers, and
  the index of the reader rule on Wagtail's page table, run from those migrations' own
  operations;
- the rows Wagtail's first migrations insert and this site relies on: the default locale,
  the root page with Wagtail's welcome page and default site, the root collection, the
  Moderators and Editors groups with their permissions, and the 'Moderators approval'
  workflow on the whole tree (which `setup_roles` retires);
- the rows of `MIGRATIONS_WITH_ROWS`, run from those migrations' own operations after
  Wagtail's rows, which they use: wagtail-localize's "submit translation" permission,
  given to the Moderators and Editors groups;
- Django's table of applied migrations, empty: wagtail-localize reads it when it starts a
  translation (the app's last migration), and on PostgreSQL a missing table is an error
  that breaks the transaction, where SQLite's is one it ignores.

The migrations still run for real in every test run, on a database of the same kind: the
demo site's database (tests/demo_site.py) is migrated as `make setup` does, and
`tests/test_database.py` checks that its `snapshot()` equals the test database's.
"""

import importlib
import json

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations import CreateModel, RunPython, RunSQL, SeparateDatabaseAndState
from django.db.migrations.recorder import MigrationRecorder

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MIGRATIONS_WITH_SQL = [
    ("wagtailsearch", "0006_customise_indexentry"),
    ("search", "0002_full_text_table"),
    ("search", "0004_full_text_per_language"),
    ("network_site", "0005_page_reader_rule_index"),
]
MIGRATIONS_WITH_ROWS = [
    ("wagtail_localize", "0006_create_submit_translation_permission"),
]
IMAGE_AND_DOCUMENT_PERMISSIONS = [
    ("wagtailimages", "image", ("add", "change", "choose")),
    ("wagtaildocs", "document", ("add", "change", "choose")),
]
GROUP_PAGE_PERMISSIONS = {
    "Moderators": ("add", "change", "publish", "lock", "unlock"),
    "Editors": ("add", "change"),
}


def prepare_test_database():
    """Add to a database made from the models what its migrations would have added."""
    run_migration_operations(MIGRATIONS_WITH_SQL)
    create_wagtail_initial_data()
    run_migration_operations(MIGRATIONS_WITH_ROWS)
    MigrationRecorder(connection).ensure_schema()


def run_migration_operations(migrations):
    """Run the SQL and Python operations of `migrations` on this database."""
    with connection.schema_editor() as schema_editor:
        for app_label, name in migrations:
            module = f"{apps.get_app_config(app_label).name}.migrations.{name}"
            operations = importlib.import_module(module).Migration.operations
            run_sql_operations(app_label, operations, schema_editor)


def run_sql_operations(app_label, operations, schema_editor):
    """Run the RunSQL and RunPython operations. Where SeparateDatabaseAndState creates a
    model with SQL of its own (a full-text virtual table), the table made from the model
    is dropped first."""
    for operation in operations:
        if isinstance(operation, SeparateDatabaseAndState):
            for state_operation in operation.state_operations:
                if isinstance(state_operation, CreateModel):
                    schema_editor.delete_model(apps.get_model(app_label, state_operation.name))
            run_sql_operations(app_label, operation.database_operations, schema_editor)
        elif isinstance(operation, RunSQL):
            operation.database_forwards(app_label, schema_editor, None, None)
        elif isinstance(operation, RunPython):
            operation.code(apps, schema_editor)


def create_wagtail_initial_data():
    """The rows Wagtail's migrations insert into a new database (see the module docstring)."""

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    locale = Locale.objects.create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    welcome = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=locale)
    )
    # Wagtail's migrations make the two pages without an audit log entry; Page.save() logs
    # one for a new page.
    PageLogEntry.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    collection = Collection.add_root(name="Root")

    groups = {name: Group.objects.create(name=name) for name in GROUP_PAGE_PERMISSIONS}
    for group in groups.values():
        group.permissions.add(permission("wagtailadmin", "access_admin"))
        for app_label, model, actions in IMAGE_AND_DOCUMENT_PERMISSIONS:
            for action in (*actions, "delete"):
                group.permissions.add(permission(app_label, f"{action}_{model}"))
            for action in actions:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=collection,
                    permission=permission(app_label, f"{action}_{model}"),
                )
    for name, actions in GROUP_PAGE_PERMISSIONS.items():
        for action in actions:
            GroupPagePermission.objects.create(
                group=groups[name],
                page=root,
                permission=permission("wagtailcore", f"{action}_page"),
            )

    workflow = Workflow.objects.create(name="Moderators approval")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.add(groups["Moderators"])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root)


def snapshot():
    """The database's tables (columns and constraints), triggers, and the rows of
    `create_wagtail_initial_data`, as JSON-ready data. Constraints are compared by their
    columns and kind, not their names, which differ between the two ways of making them."""
    with connection.cursor() as cursor:
        return {
            "tables": tables(cursor),
            "triggers": sorted(trigger_names(cursor)),
            "rows": initial_rows(),
        }


def tables(cursor):
    introspection = connection.introspection
    return {
        table.name: {
            "columns": sorted(
                [column.name, column.null_ok]
                for column in introspection.get_table_description(cursor, table.name)
            ),
            "constraints": sorted(
                [
                    constraint["columns"],
                    constraint["primary_key"],
                    constraint["unique"],
                    constraint["index"],
                    constraint["foreign_key"],
                ]
                for constraint in introspection.get_constraints(cursor, table.name).values()
            ),
        }
        for table in introspection.get_table_list(cursor)
        if table.name != "django_migrations"
    }


def trigger_names(cursor):
    if connection.vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    else:
        cursor.execute("SELECT DISTINCT trigger_name FROM information_schema.triggers")
    return [name for (name,) in cursor.fetchall()]


def initial_rows():
    def rows(queryset, *fields):
        return sorted(list(row) for row in queryset.values_list(*fields))

    return {
        "locales": rows(Locale.objects, "language_code"),
        "pages": rows(
            Page.objects, "path", "title", "slug", "live", "url_path", "locale__language_code"
        ),
        "page log entries": rows(PageLogEntry.objects, "page_id", "action"),
        "sites": rows(Site.objects, "hostname", "port", "root_page__path", "is_default_site"),
        "collections": rows(Collection.objects, "path", "name"),
        "group permissions": rows(
            Group.objects, "name", "permissions__content_type__app_label", "permissions__codename"
        ),
        "page permissions": rows(
            GroupPagePermission.objects, "group__name", "page__path", "permission__codename"
        ),
        "collection permissions": rows(
            GroupCollectionPermission.objects,
            "group__name",
            "collection__path",
            "permission__content_type__app_label",
            "permission__codename",
        ),
        "tasks": sorted(
            [task.name, task.active, type(task).__name__, rows(task.groups, "name")]
            for task in Task.objects.specific()
        ),
        "workflow tasks": rows(
            WorkflowTask.objects, "workflow__name", "workflow__active", "task__name", "sort_order"
        ),
        "workflow pages": rows(WorkflowPage.objects, "workflow__name", "page__path"),
    }


def write_snapshot(path):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(snapshot(), file, indent=1)
