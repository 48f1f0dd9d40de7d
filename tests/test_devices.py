"""The phone frame is chosen from the request's headers: a client hint, else the user agent."""

import pytest

from app.core.devices import is_phone

ANDROID_CHROME = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0.0.0 Mobile Safari/537.36")
IPHONE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
ANDROID_FIREFOX = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"
IPAD_SAFARI = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) Version/17.5 Safari/605.1.15")
ANDROID_TABLET = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0.0.0 Safari/537.36")
DESKTOP_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.mark.parametrize("agent", [ANDROID_CHROME, IPHONE_SAFARI, ANDROID_FIREFOX])
def test_a_phone_is_known_by_its_user_agent(agent):
    assert is_phone({"User-Agent": agent})


@pytest.mark.parametrize("agent", [IPAD_SAFARI, ANDROID_TABLET, DESKTOP_FIREFOX, ""])
def test_tablets_and_desktops_are_not_phones(agent):
    assert not is_phone({"User-Agent": agent})


def test_the_client_hint_of_a_phone_is_enough():
    assert is_phone({"Sec-CH-UA-Mobile": "?1", "User-Agent": ANDROID_TABLET})
    assert not is_phone({"sec-ch-ua-mobile": "?0", "user-agent": ANDROID_TABLET})


def test_no_headers_is_not_a_phone():
    assert not is_phone({})
    assert not is_phone({"Sec-CH-UA-Mobile": "odd", "User-Agent": DESKTOP_FIREFOX})
