"""Sign-in throttling on the admin (django-axes): five wrong passwords for a username from one
address pause that username's sign-in from that address for 15 minutes."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-one"
OFFICE = "203.0.113.7"
ELSEWHERE = "198.51.100.20"
PAUSED = "signing in is paused for 15 minutes"


@pytest.fixture
def make_user(django_user_model):
    def make(username):
        user = django_user_model.objects.create_user(username=username, password=PASSWORD)
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        return user

    return make


@pytest.fixture
def partner(make_user):
    return make_user("partner-tartu")


def sign_in(client, username, password, address=OFFICE, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_five_wrong_passwords_then_the_right_one_is_refused(client, partner):
    for _ in range(4):
        response = sign_in(client, "partner-tartu", "guess")
        assert response.status_code == 200
        assert PAUSED not in response.text
    fifth = sign_in(client, "partner-tartu", "guess")
    assert fifth.status_code == 429
    assert PAUSED in fifth.text

    right = sign_in(client, "partner-tartu", PASSWORD)
    assert not signed_in(right)
    assert right.status_code == 429
    assert PAUSED in right.text
    # The page is Wagtail's sign-in form, with the username kept, not a bare error.
    assert 'name="password"' in right.text
    assert 'value="partner-tartu"' in right.text
    assert "_auth_user_id" not in client.session


def test_another_username_from_the_same_address_still_signs_in(client, partner, make_user):
    make_user("partner-ghent")
    for _ in range(5):
        sign_in(client, "partner-tartu", "guess")
    assert signed_in(sign_in(client, "partner-ghent", PASSWORD))


def test_the_same_username_from_another_address_still_signs_in(client, partner):
    """Nobody can lock a partner out from anywhere by typing their username."""
    for _ in range(5):
        sign_in(client, "partner-tartu", "guess", address=ELSEWHERE)
    assert signed_in(sign_in(client, "partner-tartu", PASSWORD, address=OFFICE))


def test_a_success_clears_the_count(client, partner):
    for _ in range(4):
        sign_in(client, "partner-tartu", "guess")
    assert signed_in(sign_in(client, "partner-tartu", PASSWORD))
    client.logout()
    for _ in range(4):
        sign_in(client, "partner-tartu", "guess")
    assert signed_in(sign_in(client, "partner-tartu", PASSWORD))


def test_the_pause_ends_after_15_minutes(client, partner):
    for _ in range(5):
        sign_in(client, "partner-tartu", "guess")
    assert sign_in(client, "partner-tartu", PASSWORD).status_code == 429
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= timedelta(minutes=15, seconds=1)
        attempt.save(update_fields=["attempt_time"])
    assert signed_in(sign_in(client, "partner-tartu", PASSWORD))


def test_behind_a_proxy_the_named_header_is_the_address(client, partner, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    for _ in range(5):
        sign_in(client, "partner-tartu", "guess", address="10.0.0.1", HTTP_X_REAL_IP=ELSEWHERE)
    # The same proxy, another client: not paused.
    response = sign_in(client, "partner-tartu", PASSWORD, "10.0.0.1", HTTP_X_REAL_IP=OFFICE)
    assert signed_in(response)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ELSEWHERE}
