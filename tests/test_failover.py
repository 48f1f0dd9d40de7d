"""What a page says about uploaded cases it does not hold (its replica died, or the link was
opened in another browser), and how a session with uploads names them in its link."""

from __future__ import annotations

from conftest import ENTRY, FIXTURES, run_page

LOST = "Your uploaded case is no longer here"


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def test_link_naming_an_upload_this_session_lacks_says_it_is_gone():
    at = run_page("app_pages/chain.py", case="my-case", uploads="my-case")
    lost = [w for w in warnings(at) if LOST in w]
    assert len(lost) == 1 and "my\\-case" in lost[0], warnings(at)
    assert "upload the same file again" in lost[0]
    # Said once: the link no longer names what this session does not hold.
    assert "uploads" not in at.query_params


def test_in_french():
    at = run_page("app_pages/home.py", uploads="a,b", lang="fr")
    lost = [w for w in warnings(at) if "n'est plus là" in w]
    assert len(lost) == 1 and "a, b" in lost[0], warnings(at)


def test_odd_values_are_ignored_without_a_notice():
    at = run_page("app_pages/home.py", uploads="<script>,../x,UPPER")
    assert not [w for w in warnings(at) if LOST in w]
    assert not [i.value for i in at.info if "uploads" in i.value]


def test_a_session_with_an_upload_names_it_in_its_link():
    from streamlit.testing.v1 import AppTest

    from app.components.data import UPLOADS_KEY
    from app.core.upload import read_zip

    zipped = FIXTURES / "hostile" / "valid-tiny.zip"
    case = read_zip(zipped.name, zipped.read_bytes())
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.switch_page("app_pages/chain.py")
    at.session_state[UPLOADS_KEY] = {case.case_id: case}
    at.query_params["case"] = case.case_id
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["uploads"] in (case.case_id, [case.case_id]), at.query_params
    assert not [w for w in warnings(at) if LOST in w]
