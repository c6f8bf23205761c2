import pytest

from accord.ui.app import make_app
from tests.ui.helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def app_factory(data_dir, clock):
    def build(resume: str | None = None):
        return make_app(data_dir, resume=resume, clock=clock)

    return build
