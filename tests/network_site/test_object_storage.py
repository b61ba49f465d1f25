"""Media in S3-compatible object storage, as production keeps them when a bucket is named.

No object store runs on this machine, so the tests talk to moto's S3 server, a separate
process answering the S3 protocol over HTTP, through the same django-storages backend and
options the production settings build.
"""

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from wagtail_factories import ImageFactory

from casestudies.factories import CaseStudyPageFactory
from tests.network_site.test_settings import manage

pytestmark = pytest.mark.django_db

BUCKET = "interactive-cities-media"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - moto's server from our environment
        [str(Path(sys.executable).parent / "moto_server"), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                pytest.fail("moto's S3 server did not start")
            time.sleep(0.2)
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_S3_REGION_NAME": "eu-west-1",
}


@pytest.fixture
def bucket(s3_endpoint, monkeypatch):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    return client


def production_storages(endpoint):
    """STORAGES as the production settings build them for a named bucket."""
    script = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES))"
    result = manage(
        "shell",
        "-c",
        script,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=endpoint,
        **CREDENTIALS,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_uploads_and_renditions_go_to_the_bucket(
    s3_endpoint, bucket, settings, client, tartu, django_capture_on_commit_callbacks
):
    media_storage = production_storages(s3_endpoint)["default"]
    assert media_storage["BACKEND"] == "storages.backends.s3.S3Storage"
    settings.STORAGES = {**settings.STORAGES, "default": media_storage}
    with django_capture_on_commit_callbacks(execute=True):
        photo = ImageFactory(title="Town hall", file__width=1600, file__height=900)
    page = CaseStudyPageFactory(
        parent=tartu.case_studies_section, title="Town hall online", image=photo
    )

    html = client.get(page.url).text

    stored = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert photo.file.name in stored
    renditions = {key for key in stored if key.startswith("images/")}
    # The pre-made sizes (network_site/images.py): two card sizes, three widths and the
    # link preview's 1200x630.
    assert len(renditions) == 6
    assert f"{s3_endpoint}/{BUCKET}/images/" in html


def test_without_a_bucket_media_stay_on_the_local_disk():
    script = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"
    result = manage("shell", "-c", script, AWS_STORAGE_BUCKET_NAME=None)
    assert result.stdout.split()[-1] == "django.core.files.storage.FileSystemStorage"
