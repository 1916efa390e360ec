import pytest

from .builders import sample_pack


@pytest.fixture
def pack():
    return sample_pack()
