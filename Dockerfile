# The site's image. It runs gunicorn by default (CMD); docker-compose.yml runs the same image
# as the task worker, the scheduled jobs and the one-shot migration. See "Deployment" in the
# README. Nothing secret is baked in: every setting comes from the environment at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=network_site.settings.production \
    BIND_ADDRESS=0.0.0.0 \
    PORT=8000

WORKDIR /app

# Only the runtime dependencies, at the versions requirements.lock pins. The lock also pins
# the development tools (pytest, Playwright, ruff, ...), which the image does not need, so
# the packages named in pyproject.toml's [project] dependencies are installed with the lock
# as constraints: pip takes those and what they need, each at its locked version (the lock
# was resolved from the same pyproject.toml, so it pins every one of them), and nothing else.
# The project is not installed as a package: it runs from /app.
COPY pyproject.toml requirements.lock ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > /tmp/runtime.txt \
    && pip install --constraint requirements.lock --requirement /tmp/runtime.txt \
    && pip check \
    && rm /tmp/runtime.txt

# The app user's home holds gunicorn's control socket (~/.gunicorn/).
RUN useradd --create-home --uid 1000 app

COPY . .

# Static files are collected into the image, where WhiteNoise serves them. The production
# settings refuse to load without their required variables, so this one command gets
# placeholders that serve nothing and stay out of the image (collectstatic opens neither
# the database nor Redis). MEDIA_ROOT is made for the app user, so that a volume mounted
# there starts out writable by it.
RUN DJANGO_SECRET_KEY=collectstatic-at-build-time-only-never-used-to-serve-0123456789 \
    DJANGO_ALLOWED_HOSTS=build.invalid \
    DATABASE_URL=sqlite:////tmp/build-unused.sqlite3 \
    REDIS_URL=redis://build.invalid:6379/0 \
    WAGTAILADMIN_BASE_URL=https://build.invalid \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p media \
    && chown app:app media

USER app
EXPOSE 8000

# The home page through the whole stack but the proxy: gunicorn, Django, the database.
# The request names the first allowed host and says it came over HTTPS, as the proxy would;
# otherwise Django would refuse the host or redirect to https.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c 'import os, urllib.request as r; host = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")[0].lstrip("."); r.urlopen(r.Request("http://127.0.0.1:%s/" % os.environ["PORT"], headers={"Host": host, "X-Forwarded-Proto": "https"}), timeout=4)'

# gunicorn reads gunicorn.conf.py from /app: PORT, BIND_ADDRESS, WEB_CONCURRENCY, ...
CMD ["gunicorn"]
