"""Reading a page as a person would, for tests in any app."""

from django.test import Client


def html_for(user, url: str) -> str:
    """The page at `url` as `user` sees it (None: signed out), which must answer 200."""
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
