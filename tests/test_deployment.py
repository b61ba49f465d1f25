"""The deployment files agree with the code: Dockerfile, docker-compose.yml, .env.example.

No Docker engine runs on the development and CI machines, so the image is never built here.
These tests catch what would otherwise show only on a server: a compose service running a
command that does not exist or with arguments it refuses, a variable passed that no setting
reads (a misspelt name is silently ignored), a setting missing from .env.example, and an
image build that fails because the production settings want a variable more.
"""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands, load_command_class

import yaml

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "interactive-cities"

# Where the site reads its environment: the settings, gunicorn's configuration, and the
# entry points that choose the settings module.
READERS = [
    ROOT / "network_site" / "settings" / "base.py",
    ROOT / "network_site" / "settings" / "production.py",
    ROOT / "gunicorn.conf.py",
    ROOT / "manage.py",
    ROOT / "network_site" / "wsgi.py",
]
ENV_READ = re.compile(
    r"""environ(?:\.get|\.setdefault)?\s*[(\[]\s*["']([A-Z][A-Z0-9_]*)["']"""
    r"""|\benv=["']([A-Z][A-Z0-9_]*)["']"""
)
# Read by boto3 itself when media go to S3, not by the settings.
READ_BY_BOTO3 = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
REQUIRED_IN_PRODUCTION = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "WAGTAILADMIN_BASE_URL",
}


def variables_read():
    names = set()
    for path in READERS:
        for match in ENV_READ.finditer(path.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def site_services():
    """The compose services that run the site's image, by name."""
    return {
        name: service
        for name, service in compose()["services"].items()
        if service.get("image") == IMAGE
    }


def compose_variables():
    """The variables docker-compose.yml takes from .env to fill in itself (`${NAME}`)."""
    return set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", (ROOT / "docker-compose.yml").read_text()))


def env_example_names(include_commented):
    pattern = r"^#\s*([A-Z][A-Z0-9_]*)=" if include_commented else r"^([A-Z][A-Z0-9_]*)="
    lines = (ROOT / ".env.example").read_text().splitlines()
    names = {match.group(1) for line in lines if (match := re.match(pattern, line))}
    if include_commented:
        names |= env_example_names(include_commented=False)
    return names


def invocations(command):
    """What a service's command runs: ("gunicorn", []) or ("<manage.py command>", [args])."""
    if command is None:  # the image's CMD
        return [("gunicorn", [])]
    if isinstance(command, str):
        command = shlex.split(command)
    if command[:2] == ["sh", "-c"]:
        lines = command[2].replace("$$", "$").splitlines()
    else:
        lines = [shlex.join(command)]
    found = []
    for line in lines:
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
        for position, word in enumerate(words):
            if word == "gunicorn":
                found.append(("gunicorn", []))
            if word == "manage.py":
                name, *rest = words[position + 1 :]
                args = []
                for arg in rest:
                    if set(arg) <= set(";&|()<>"):
                        break
                    args.append(arg)
                found.append((name, args))
    return found


def test_every_compose_service_runs_a_command_that_exists_with_arguments_it_accepts(settings):
    # As in production: db_worker and prune_db_task_results accept only a database queue.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    commands = get_commands()
    ran = {}
    for service_name, service in site_services().items():
        for name, args in invocations(service.get("command")):
            ran.setdefault(name, []).append(service_name)
            if name == "gunicorn":
                continue
            assert name in commands, f"{service_name} runs `manage.py {name}`: no such command"
            command = load_command_class(commands[name], name)
            # A CommandError here names the argument the command refuses.
            command.create_parser("manage.py", name).parse_args(args)

    # The site, its background work, its schema and index, and scheduled publishing.
    assert ran["gunicorn"] == ["web"]
    assert ran["db_worker"] == ["worker"]
    assert ran["migrate"] == ran["search_index"] == ran["setup_roles"] == ["migrate"]
    assert ran["publish_scheduled"] == ["scheduler"]


def test_compose_passes_the_site_only_variables_the_code_reads():
    read = variables_read()
    for service_name, service in site_services().items():
        passed = set(service.get("environment", {}))
        assert passed <= read, f"{service_name}: nothing reads {sorted(passed - read)}"
        assert service["env_file"] == ".env"


def test_env_example_names_every_setting_and_only_settings():
    named = env_example_names(include_commented=True)
    read = variables_read()
    unknown = named - read - READ_BY_BOTO3 - compose_variables()
    assert not unknown, f".env.example names variables nothing reads: {sorted(unknown)}"
    assert not read - named, f".env.example leaves out {sorted(read - named)}"
    # The required ones, and what docker-compose.yml needs from .env, are set (not commented).
    missing = (REQUIRED_IN_PRODUCTION | compose_variables()) - env_example_names(False)
    assert not missing, f".env.example does not set {sorted(missing)}"


def dockerfile_instructions():
    """(INSTRUCTION, arguments) pairs, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            instruction, _, arguments = line.strip().partition(" ")
            yield instruction, arguments


def test_the_image_build_collects_static_files_with_the_placeholders_it_names():
    """The Dockerfile's collectstatic step, run with exactly the environment it gives."""
    instructions = list(dockerfile_instructions())
    image_env = dict(
        re.findall(r"(\w+)=(\S+)", " ".join(args for kind, args in instructions if kind == "ENV"))
    )
    (step,) = [args for kind, args in instructions if kind == "RUN" and "collectstatic" in args]
    placeholders = dict(re.findall(r"(\w+)=(\S+)", step.split("python manage.py")[0]))
    assert {name for name in REQUIRED_IN_PRODUCTION if name not in image_env} <= set(placeholders)

    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--dry-run", "-v", "0"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **image_env, **placeholders},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_image_gets_the_code_and_never_the_secrets():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".env", ".serve.env", ".git", "db.sqlite3", "media"} <= ignored
    needed = {"manage.py", "gunicorn.conf.py", "pyproject.toml", "requirements.lock", "templates"}
    needed |= {"network_site", "casestudies", "toolkit", "search", "home", "demo"}
    assert not needed & ignored
    instructions = list(dockerfile_instructions())
    assert ("CMD", '["gunicorn"]') in instructions
    assert ("USER", "app") in instructions
