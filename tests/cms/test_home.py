import pytest


@pytest.mark.django_db
def test_home_page_renders_in_each_language(client, home_pages):
    for code in ("en", "es", "fr", "pt"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.content.decode()
