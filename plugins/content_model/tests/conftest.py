import pytest

from trees import Tree


@pytest.fixture
def tree(tmp_path) -> Tree:
    return Tree(tmp_path / "content")
